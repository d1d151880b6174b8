"""Signing capsules with the user's ed25519 key, and checking others' signatures.

Each user has one key pair, made on first use; the private key lives in the keyring and
nowhere else. A signature covers the name and sha256 of every other member of the
capsule, so nothing can be added, removed or changed without breaking it. A signer is
known by the fingerprint of their public key; the user may trust a fingerprint under a
name of their choosing (kept in settings). Runs on the caller's thread.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.core import errors
from desktop.core.capsule.layout import Signature
from desktop.core.secrets import Secrets
from desktop.core.settings import Settings, SettingsFile

SIGNING_SECRET = "capsule-signing-key"
_FINGERPRINT_BYTES = 16

State = Literal["unsigned", "signed", "bad"]
# Why a signature is bad, for a front end to word (`problem` says it in English).
BadReason = Literal["", "malformed", "changed", "key_mismatch"]


def fingerprint_of(public_key: bytes) -> str:
    """A public key's fingerprint: its sha256's first 16 bytes, in groups of four hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[: _FINGERPRINT_BYTES * 2]
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces or none) in its shown form.

    Raises:
        errors.ValidationError: not 32 hex digits.
    """
    digits = "".join(text.split()).lower().replace(":", "")
    if len(digits) != _FINGERPRINT_BYTES * 2 or any(c not in "0123456789abcdef" for c in digits):
        raise errors.ValidationError(
            errors.said(
                "'{text}' is not a fingerprint: give the 32 hex digits shown where the capsule "
                "is inspected (spaces are optional).",
                text=text,
            )
        )
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


@dataclass(frozen=True)
class SignatureStatus:
    """What a capsule's signature says: none, good (by whom), or bad (and why).

    A bad one says why as `reason`, with the members that differ (`changed`, their names
    comma-separated; `differences`, in English: "added: a; changed: b") when the contents
    changed; `problem` says it in English.
    """

    state: State
    signer: str = ""  # the name the signer gave
    fingerprint: str = ""
    trusted_as: str | None = None  # the name the user trusts this fingerprint under
    problem: str = ""
    reason: BadReason = ""
    changed: str = ""
    differences: str = ""

    def describe(self) -> str:
        """One line for people: 'signed by Ada 1a2b ... (trusted)', 'unsigned', ..."""
        if self.state == "unsigned":
            return "unsigned: nothing says who made it"
        if self.state == "bad":
            return f"badly signed: {self.problem}"
        who = self.signer or "someone"
        trust = (
            f" (trusted as {self.trusted_as})"
            if self.trusted_as is not None
            else " (not a signer you trust yet)"
        )
        return f"signed by {who} {self.fingerprint}{trust}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "signer": self.signer,
            "fingerprint": self.fingerprint,
            "trusted_as": self.trusted_as,
            "problem": self.problem,
            "reason": self.reason,
            "changed": self.changed,
            "text": self.describe(),
        }


def _signed_bytes(signer: str, public_key: str, members: dict[str, str]) -> bytes:
    body = {"members": dict(sorted(members.items())), "public_key": public_key, "signer": signer}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


class Signing:
    """The user's key pair, and the fingerprints they trust."""

    def __init__(self, secrets: Secrets, settings: SettingsFile) -> None:
        self._secrets = secrets
        self._settings = settings

    def _private_key(self, create: bool) -> Ed25519PrivateKey | None:
        stored = self._secrets.get_optional(SIGNING_SECRET)
        if stored is not None:
            try:
                return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))
            except (ValueError, binascii.Error):
                raise errors.SecretsUnavailableError(
                    errors.said(
                        "The signing key in the keyring ('{name}') is damaged. Delete that "
                        "entry to make a new key (capsules signed with the old one stay valid).",
                        name=SIGNING_SECRET,
                    )
                ) from None
        if not create:
            return None
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        self._secrets.set(SIGNING_SECRET, base64.b64encode(raw).decode("ascii"))
        return key

    def own_fingerprint(self, create: bool = False) -> str | None:
        """The fingerprint of the user's key (made now when `create`), or None without one."""
        key = self._private_key(create)
        return None if key is None else fingerprint_of(_raw_public(key.public_key()))

    def sign(self, signer: str, members: dict[str, str]) -> Signature:
        """A signature by the user's key (made on first use) over `members` (name -> sha256)."""
        key = self._private_key(create=True)
        assert key is not None
        public = base64.b64encode(_raw_public(key.public_key())).decode("ascii")
        signature = key.sign(_signed_bytes(signer, public, members))
        return Signature(
            signer=signer,
            public_key=public,
            members=members,
            signature=base64.b64encode(signature).decode("ascii"),
        )

    def verify(self, signature: Signature | None, members: dict[str, str]) -> SignatureStatus:
        """Check `signature` against the members' actual hashes (the signature's own aside)."""
        if signature is None:
            return SignatureStatus("unsigned")
        try:
            raw = base64.b64decode(signature.public_key, validate=True)
            public = Ed25519PublicKey.from_public_bytes(raw)
            signed = base64.b64decode(signature.signature, validate=True)
        except (ValueError, binascii.Error):
            return SignatureStatus(
                "bad", signature.signer, problem="the signature is malformed", reason="malformed"
            )
        fingerprint = fingerprint_of(raw)
        trusted = self.trusted().get(fingerprint)
        status = SignatureStatus("signed", signature.signer, fingerprint, trusted)
        try:
            public.verify(signed, _signed_bytes(signature.signer, signature.public_key, members))
        except InvalidSignature:
            changed, names = _differences(signature.members, members)
            if changed:
                problem = f"the contents changed after signing ({changed})"
            else:
                problem = "the signature does not match its signer's key"
            return SignatureStatus(
                "bad",
                signature.signer,
                fingerprint,
                trusted,
                problem=problem,
                reason="changed" if changed else "key_mismatch",
                changed=", ".join(names),
                differences=changed,
            )
        return status

    def trusted(self) -> dict[str, str]:
        """Trusted fingerprints and the names the user gave them."""
        return dict(self._settings.load().trusted_signers)

    def trust(self, fingerprint: str, name: str) -> str:
        """Trust `fingerprint` under `name`; the fingerprint in its shown form."""
        shown = normal_fingerprint(fingerprint)
        if not name.strip():
            raise errors.ValidationError(errors.said("Give the name you know this signer by."))
        self._settings.update(lambda s: s.trusted_signers.__setitem__(shown, name.strip()))
        return shown

    def untrust(self, fingerprint: str) -> bool:
        """Stop trusting `fingerprint`; False when it was not trusted."""
        shown = normal_fingerprint(fingerprint)
        known = shown in self.trusted()

        def forget(settings: Settings) -> None:
            settings.trusted_signers.pop(shown, None)

        self._settings.update(forget)
        return known


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _differences(signed: dict[str, str], actual: dict[str, str]) -> tuple[str, list[str]]:
    """The members that differ, in English ("added: a; changed: b"), and their names."""
    added = sorted(set(actual) - set(signed))
    removed = sorted(set(signed) - set(actual))
    changed = sorted(n for n in set(signed) & set(actual) if signed[n] != actual[n])
    parts = [
        f"{label}: {', '.join(names[:3])}"
        for label, names in (("added", added), ("removed", removed), ("changed", changed))
        if names
    ]
    shown = [n for names in (added, removed, changed) for n in names[:3]]
    return "; ".join(parts), shown
