"""Password encryption of a capsule's payload: scrypt, then AES-256-GCM, streamed.

The key comes from the password by scrypt (N=2^17, r=8, p=1: about half a second and
128 MiB, the strong setting OWASP gives). A check value derived from the key tells a
wrong password apart from a changed payload: the first fails the check, the second fails
GCM's tag. The descriptor's bytes are the additional data, so its parameters cannot be
swapped either. The payload streams through in blocks: it may be gigabytes. Runs on the
caller's thread.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Callable
from typing import IO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.capsule.layout import Encryption

SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
# What a capsule may ask of the importer's machine: a hostile file must not make the
# key derivation take minutes or gigabytes, nor be trivially weak.
_N_RANGE = (2**14, 2**20)
_R_RANGE = (8, 16)
_P_RANGE = (1, 4)
TAG_BYTES = 16
BLOCK = 1024 * 1024
_CHECK_LABEL = b"capsule-studio password check"


class Sink(Protocol):
    """Where bytes are written: a file, or a zip member being written."""

    def write(self, data: bytes, /) -> int: ...


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise errors.CapsuleDamagedError(
            errors.said(
                "The capsule's encryption settings are damaged (not base64). Nothing was imported."
            )
        ) from None


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _check(key: bytes) -> bytes:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).digest()


def new_encryption(password: str) -> tuple[bytes, Encryption]:
    """A fresh key for `password` (new salt and nonce) and the parameters to store."""
    if not password:
        raise errors.ValidationError(
            errors.said("The password is empty: give one, or export without.")
        )
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    params = Encryption(
        salt=_b64(salt),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        nonce=_b64(nonce),
        check=_b64(_check(key)),
    )
    return key, params


def key_for(password: str, params: Encryption) -> bytes:
    """The key `password` gives under `params`.

    Raises:
        errors.CapsuleRefusedError: parameters outside what this app accepts.
        errors.WrongPasswordError: the password does not match.
    """
    for value, (low, high), name in (
        (params.n, _N_RANGE, "N"),
        (params.r, _R_RANGE, "r"),
        (params.p, _P_RANGE, "p"),
    ):
        if not low <= value <= high or (name == "N" and value & (value - 1)):
            raise errors.CapsuleRefusedError(
                errors.said(
                    "The capsule asks for scrypt {name}={value}, outside what this app accepts "
                    "({low} to {high}). Nothing was imported.",
                    name=name,
                    value=value,
                    low=low,
                    high=high,
                )
            )
    key = _derive(password, _unb64(params.salt), params.n, params.r, params.p)
    if not hmac.compare_digest(_check(key), _unb64(params.check)):
        raise errors.WrongPasswordError(
            errors.said(
                "The password is wrong: it does not open this capsule. Check it (capitals, "
                "spaces) and try again."
            )
        )
    return key


def _pump(
    source: IO[bytes],
    transform: Callable[[bytes], bytes],
    target: Sink,
    size: int,
    on_bytes: Callable[[int], None] | None,
    cancel: CancelToken | None,
) -> int:
    """Copy `size` bytes of `source` through `transform`; how many were not there."""
    left = size
    while left > 0:
        if cancel is not None and cancel.cancelled:
            raise errors.CancelledError(errors.said("Stopped; nothing was imported."))
        block = source.read(min(BLOCK, left))
        if not block:
            break
        left -= len(block)
        target.write(transform(block))
        if on_bytes is not None:
            on_bytes(len(block))
    return left


class Encrypting:
    """A write-only stream that encrypts into `sink`; `finish` appends GCM's tag.

    It has no `tell`, so zipfile writes a payload zip into it as into a pipe: the payload
    is never on disk unencrypted.
    """

    def __init__(
        self,
        sink: Sink,
        key: bytes,
        params: Encryption,
        aad: bytes,
        cancel: CancelToken | None = None,
    ) -> None:
        self._sink = sink
        self._cancel = cancel
        self._encryptor = Cipher(algorithms.AES(key), modes.GCM(_unb64(params.nonce))).encryptor()
        self._encryptor.authenticate_additional_data(aad)

    def write(self, data: bytes, /) -> int:
        if self._cancel is not None and self._cancel.cancelled:
            raise errors.CancelledError(errors.said("Export stopped; no file was written."))
        self._sink.write(self._encryptor.update(data))
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered here (zipfile calls this)."""

    def close(self) -> None:
        """`finish` ends the stream; the sink belongs to the caller."""

    def finish(self) -> None:
        self._sink.write(self._encryptor.finalize())
        self._sink.write(self._encryptor.tag)


def decrypt(
    source: IO[bytes],
    size: int,
    target: Sink,
    key: bytes,
    params: Encryption,
    aad: bytes,
    on_bytes: Callable[[int], None] | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Decrypt `size` bytes of ciphertext-and-tag from `source` into `target`.

    What lands in `target` is unauthenticated until this returns: callers use it only then.

    Raises:
        errors.CapsuleTamperedError: the tag does not match (the payload or descriptor
            changed after export).
    """
    if size < TAG_BYTES:
        raise errors.CapsuleDamagedError(
            errors.said(
                "The encrypted payload is too short to be one. Nothing was imported: copy the "
                "capsule again."
            )
        )
    decryptor = Cipher(algorithms.AES(key), modes.GCM(_unb64(params.nonce))).decryptor()
    decryptor.authenticate_additional_data(aad)
    left = _pump(source, decryptor.update, target, size - TAG_BYTES, on_bytes, cancel)
    tag = source.read(TAG_BYTES)
    try:
        if left or len(tag) != TAG_BYTES:
            raise InvalidTag()
        target.write(decryptor.finalize_with_tag(tag))
    except InvalidTag:
        raise errors.CapsuleTamperedError(
            errors.said(
                "The password is right, but the encrypted payload was changed after export "
                "(its authentication tag does not match). Nothing was imported: ask for a new "
                "copy."
            )
        ) from None
