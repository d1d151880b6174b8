"""Writing a capsule file: the payload's members, optionally encrypted, then the signature.

The file is written beside its target under a temporary name and renamed into place at
the end, so a crash, a cancel or a full disk never leaves half a capsule where the user
asked for one. Runs on the caller's thread (a worker's, in the GUI).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.capsule import crypto
from desktop.core.capsule.layout import (
    APP_VERSION,
    DESCRIPTOR,
    FORMAT,
    FORMAT_VERSION,
    HEADER,
    MANIFEST,
    PAYLOAD,
    REQUIRES_APP,
    SIGNATURE,
    Descriptor,
    Encryption,
    FileEntry,
    FileRef,
    Header,
    Manifest,
    Role,
)
from desktop.core.capsule.signing import Signing

BLOCK = 1024 * 1024
# (stage, bytes done, bytes in all): "hashing", "packing", "encrypting".
Report = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Part:
    """A payload file: from a file on disk, or bytes made for the capsule."""

    member: str
    role: Role
    source: Path | None = None
    data: bytes | None = None

    def size(self) -> int:
        return len(self.data) if self.data is not None else self._path().stat().st_size

    @contextlib.contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        if self.data is not None:
            yield io.BytesIO(self.data)
        else:
            with self._path().open("rb") as handle:
                yield handle

    def _path(self) -> Path:
        assert self.source is not None
        return self.source


@dataclass(frozen=True)
class Signer:
    signing: Signing
    name: str


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1).encode("utf-8")


def hash_parts(
    parts: list[Part], report: Report | None, cancel: CancelToken | None
) -> list[FileEntry]:
    """Each part's size and sha256; a content-addressed part must hash to its name."""
    total = sum(p.size() for p in parts)
    done = 0
    entries = []
    for part in parts:
        digest = hashlib.sha256()
        with part.open() as handle:
            while block := handle.read(BLOCK):
                _stop_if(cancel)
                digest.update(block)
                done += len(block)
                if report is not None:
                    report("hashing", done, total)
        entry = FileEntry(
            path=part.member, size=part.size(), sha256=digest.hexdigest(), role=part.role
        )
        if part.role != "index" and not part.member.endswith(entry.sha256):
            raise errors.CapsuleError(
                errors.said(
                    "The stored copy behind {member} is damaged (its content no longer "
                    "matches its hash). Remove that file from the GPT and add it again.",
                    member=part.member,
                )
            )
        entries.append(entry)
    return entries


def write(
    target: Path,
    manifest: Manifest,
    parts: list[Part],
    icon: Part | None,
    password: str | None,
    public_header: bool,
    signer: Signer | None,
    report: Report | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Write the capsule to `target`; its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its file is private (0600), and a capsule is made to be shared, so the
    # file gets the permissions the user's umask gives new files.
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.partial")
    partial.open("xb").close()
    try:
        with _Outer(partial) as outer:
            key, encryption = crypto.new_encryption(password) if password else (b"", None)
            descriptor = canonical(
                Descriptor(
                    format=FORMAT,
                    format_version=FORMAT_VERSION,
                    requires_app=REQUIRES_APP,
                    app_version=APP_VERSION,
                    created_at=manifest.created_at,
                    encryption=encryption,
                    header="public" if public_header or not password else "private",
                ).model_dump(mode="json")
            )
            outer.add_bytes(DESCRIPTOR, descriptor)
            if public_header or not password:
                outer.add_bytes(HEADER, canonical(manifest.header.model_dump(mode="json")))
                if icon is not None:
                    outer.add_part(icon, None, cancel)
            # The manifest is written like a part, but is not one: its role is never read.
            members = [Part(MANIFEST, "index", data=_manifest_bytes(manifest)), *parts]
            total = sum(p.size() for p in members)
            progress = _Counter(report, "encrypting" if password else "packing", total)
            if encryption is None:
                for part in members:
                    outer.add_part(part, progress, cancel)
            else:
                _add_encrypted(outer, members, key, encryption, descriptor, progress, cancel)
            if signer is not None:
                signature = signer.signing.sign(signer.name, dict(outer.hashes))
                outer.add_bytes(SIGNATURE, canonical(signature.model_dump(mode="json")))
        _stop_if(cancel)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target.stat().st_size


def _manifest_bytes(manifest: Manifest) -> bytes:
    return canonical(manifest.model_dump(mode="json"))


def _add_encrypted(
    outer: _Outer,
    members: list[Part],
    key: bytes,
    encryption: Encryption,
    aad: bytes,
    progress: _Counter,
    cancel: CancelToken | None,
) -> None:
    """Zip the payload straight into an encrypting stream inside the outer zip."""
    estimate = sum(p.size() for p in members) + 1024 * (len(members) + 1)
    with outer.stream(PAYLOAD, estimate, stored=True) as sink:
        stream = crypto.Encrypting(sink, key, encryption, aad, cancel)
        with _Outer(stream) as inner:
            for part in members:
                inner.add_part(part, progress, cancel)
        stream.finish()


class _Counter:
    def __init__(self, report: Report | None, stage: str, total: int) -> None:
        self.report, self.stage, self.total, self.done = report, stage, total, 0

    def __call__(self, count: int) -> None:
        self.done += count
        if self.report is not None:
            self.report(self.stage, self.done, self.total)


class _Outer:
    """A zip being written, remembering the sha256 of each member's bytes."""

    def __init__(self, file: Path | crypto.Encrypting) -> None:
        self._zip = zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.hashes: dict[str, str] = {}

    def __enter__(self) -> _Outer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    @contextlib.contextmanager
    def stream(self, name: str, size: int, stored: bool = False) -> Iterator[_Hashing]:
        info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.file_size = size
        info.external_attr = 0o644 << 16
        digest = hashlib.sha256()
        with self._zip.open(info, "w", force_zip64=size > 2**31) as member:
            yield _Hashing(member, digest)
        self.hashes[name] = digest.hexdigest()

    def add_bytes(self, name: str, data: bytes) -> None:
        with self.stream(name, len(data)) as sink:
            sink.write(data)

    def add_part(self, part: Part, progress: _Counter | None, cancel: CancelToken | None) -> None:
        with part.open() as source, self.stream(part.member, part.size()) as sink:
            while block := source.read(BLOCK):
                _stop_if(cancel)
                sink.write(block)
                if progress is not None:
                    progress(len(block))


class _Hashing:
    """A writable that hashes what passes through it."""

    def __init__(self, sink: IO[bytes], digest: Any) -> None:
        self._sink, self._digest = sink, digest

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        return self._sink.write(data)


def icon_ref(icon: Part | None, entries: list[FileEntry]) -> FileRef | None:
    """The header's reference to the icon copy of the avatar, if there is one."""
    if icon is None:
        return None
    avatar = next(e for e in entries if e.role == "avatar")
    return FileRef(path=icon.member, size=avatar.size, sha256=avatar.sha256)


def header_with_icon(header: Header, icon: FileRef | None) -> Header:
    return header.model_copy(update={"icon_file": icon})


def _stop_if(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise errors.CancelledError(errors.said("Export stopped; no file was written."))
