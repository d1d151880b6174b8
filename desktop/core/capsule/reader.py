"""Opening a capsule without trusting it: check everything, then unpack into a temp folder.

`read_outer` reads what anyone may see (descriptor, header, signature) and hashes every
member, which also catches any flipped byte through zip's CRC. `unpack` goes on to the
payload: decrypts it when it is encrypted, checks its members and manifest, and copies
each file into a private folder while checking its hash. Nothing outside that folder is
written; the caller moves what it needs once every check has passed. Runs on the
caller's thread (a worker's, in the GUI).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core import errors
from desktop.core.actiondocs import join_documents
from desktop.core.cancel import CancelToken
from desktop.core.capsule import crypto
from desktop.core.capsule.archive import (
    check_members,
    copy_member,
    damaged_member,
    open_zip,
    read_small,
)
from desktop.core.capsule.layout import (
    DESCRIPTOR,
    HEADER,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    Descriptor,
    Header,
    Limits,
    Manifest,
    Signature,
    is_inner_name,
    is_outer_name,
)
from desktop.core.capsule.manifest import (
    check_manifest,
    descriptor_of,
    load_json,
    parse_json,
    validated,
)
from desktop.core.capsule.signing import SignatureStatus, Signing
from desktop.core.gpt import GptDefinition, validate_definition

# An action's document is at most 60 million characters (see gpt.Action).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
# (stage, bytes done, bytes in all): "checking", "decrypting", "unpacking".
Report = Callable[[str, int, int], None]
said = errors.said


@dataclass
class Outer:
    """What a capsule shows without its password."""

    path: Path
    descriptor: Descriptor
    header: Header | None
    signature: SignatureStatus
    members: dict[str, zipfile.ZipInfo] = field(repr=False)
    descriptor_bytes: bytes = field(repr=False)

    @property
    def encrypted(self) -> bool:
        return self.descriptor.encryption is not None

    @property
    def size(self) -> int:
        return sum(info.file_size for info in self.members.values())


@dataclass
class Unpacked:
    """A capsule checked through and unpacked into `folder` (its members by their paths)."""

    outer: Outer
    manifest: Manifest
    definition: GptDefinition
    folder: Path

    def file(self, member: str) -> Path:
        return self.folder / member


class _Progress:
    def __init__(self, report: Report | None, stage: str, total: int) -> None:
        self._report, self._stage, self._total, self.done = report, stage, total, 0

    def __call__(self, count: int) -> None:
        self.done += count
        if self._report is not None:
            self._report(self._stage, self.done, self._total)


def read_outer(
    path: Path,
    signing: Signing,
    limits: Limits,
    report: Report | None = None,
    cancel: CancelToken | None = None,
) -> Outer:
    """The descriptor, public header and signature status; every member hashed."""
    with open_zip(path) as archive:
        return _outer(path, archive, signing, limits, report, cancel)


def _outer(
    path: Path,
    archive: zipfile.ZipFile,
    signing: Signing,
    limits: Limits,
    report: Report | None,
    cancel: CancelToken | None,
) -> Outer:
    members = check_members(
        archive, limits, lambda n: is_outer_name(n, True) or is_outer_name(n, False)
    )
    if DESCRIPTOR not in members:
        raise errors.CapsuleFileError(
            said("{name} is a zip, but not a capsule (it has no capsule.json).", name=path.name)
        )
    raw = read_small(archive, members[DESCRIPTOR], limits.max_small_bytes)
    descriptor = descriptor_of(parse_json(raw, DESCRIPTOR))
    encrypted = descriptor.encryption is not None
    for name in members:
        if is_outer_name(name, encrypted):
            continue
        if encrypted:
            message = said(
                "{name} does not belong in an encrypted capsule. Nothing was imported.",
                name=name,
            )
        else:
            message = said(
                "{name} does not belong in an unencrypted capsule. Nothing was imported.",
                name=name,
            )
        raise errors.CapsuleRefusedError(message)
    if (PAYLOAD if encrypted else MANIFEST) not in members:
        raise errors.CapsuleFileError(
            said(
                "The capsule holds no payload (it lacks {name}). Nothing was imported.",
                name=PAYLOAD if encrypted else MANIFEST,
            )
        )
    header = _header(archive, members, descriptor, limits)
    progress = _Progress(report, "checking", sum(i.file_size for i in members.values()))
    hashes = {
        name: copy_member(archive, info, None, cancel, progress)
        for name, info in sorted(members.items())
    }
    signature = None
    if SIGNATURE in members:
        data = load_json(archive, members[SIGNATURE], limits.max_small_bytes)
        signature = validated(Signature, data, SIGNATURE)
    hashes.pop(SIGNATURE, None)
    status = signing.verify(signature, hashes)
    if header is not None and header.icon_file is not None:
        icon = header.icon_file
        if hashes.get(icon.path) != icon.sha256:
            raise errors.CapsuleTamperedError(
                said("The capsule's icon does not match its header. Nothing was imported.")
            )
    return Outer(path, descriptor, header, status, members, raw)


def _header(
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    descriptor: Descriptor,
    limits: Limits,
) -> Header | None:
    if descriptor.header == "private":
        if HEADER in members:
            raise errors.CapsuleRefusedError(
                said("The capsule says its header is private, yet holds one. Nothing was imported.")
            )
        return None
    if HEADER not in members:
        raise errors.CapsuleFileError(said("The capsule's public header (header.json) is missing."))
    return validated(Header, load_json(archive, members[HEADER], limits.max_small_bytes), HEADER)


def unpack(
    path: Path,
    password: str | None,
    folder: Path,
    signing: Signing,
    limits: Limits,
    report: Report | None = None,
    cancel: CancelToken | None = None,
) -> Unpacked:
    """Check the whole capsule and unpack its payload into `folder` (new or empty).

    Raises:
        errors.PasswordNeededError, errors.WrongPasswordError: an encrypted payload.
        errors.CapsuleTamperedError: a bad signature, tag or hash.
        errors.CapsuleFileError: anything else that is wrong, each with its own message.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with open_zip(path) as archive:
        outer = _outer(path, archive, signing, limits, report, cancel)
        if outer.signature.state == "bad":
            raise errors.CapsuleTamperedError(_badly_signed(outer.signature))
        if outer.encrypted:
            inner_path = _decrypt(archive, outer, password, folder, report, cancel)
        else:
            inner_path = path
    with open_zip(inner_path) as inner:
        if outer.encrypted:
            members = check_members(inner, limits, is_inner_name)
        else:
            members = {n: i for n, i in outer.members.items() if is_inner_name(n)}
        return _payload(outer, inner, members, folder / "payload", limits, report, cancel)


def _decrypt(
    archive: zipfile.ZipFile,
    outer: Outer,
    password: str | None,
    folder: Path,
    report: Report | None,
    cancel: CancelToken | None,
) -> Path:
    params = outer.descriptor.encryption
    assert params is not None
    if not password:
        raise errors.PasswordNeededError(
            said("This capsule is encrypted: give its password to open it."),
            action=errors.do(errors.Do.GIVE_CAPSULE_PASSWORD, path=str(outer.path)),
        )
    key = crypto.key_for(password, params)
    info = outer.members[PAYLOAD]
    target = folder / "payload.zip"
    progress = _Progress(report, "decrypting", info.file_size)
    with archive.open(info) as source, target.open("wb") as sink:
        try:
            crypto.decrypt(
                source, info.file_size, sink, key, params, outer.descriptor_bytes, progress, cancel
            )
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise damaged_member(PAYLOAD, exc) from None
    return target


def _payload(
    outer: Outer,
    inner: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    folder: Path,
    limits: Limits,
    report: Report | None,
    cancel: CancelToken | None,
) -> Unpacked:
    if MANIFEST not in members:
        raise errors.CapsuleFileError(said("The capsule's payload has no manifest.json."))
    data = load_json(inner, members[MANIFEST], limits.max_manifest_bytes)
    manifest = validated(Manifest, data, MANIFEST)
    check_manifest(manifest, members)
    if outer.header is not None and outer.header != manifest.header:
        raise errors.CapsuleTamperedError(
            said(
                "The capsule's public header differs from the one inside it: it was changed "
                "after export. Nothing was imported."
            )
        )
    progress = _Progress(report, "unpacking", sum(e.size for e in manifest.files))
    for entry in manifest.files:
        target = folder / entry.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            digest = copy_member(inner, members[entry.path], handle, cancel, progress)
        if digest != entry.sha256:
            raise errors.CapsuleTamperedError(
                said(
                    "{path} does not match its hash in the manifest: the capsule's contents "
                    "were changed after export. Nothing was imported.",
                    path=entry.path,
                )
            )
    definition = _definition(manifest, folder)
    return Unpacked(outer, manifest, definition, folder)


def _definition(manifest: Manifest, folder: Path) -> GptDefinition:
    def text_of(digest: str) -> str:
        path = folder / "actions" / digest
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise errors.CapsuleRefusedError(
                said(
                    "The action document {digest} is larger than an action may be. Nothing "
                    "was imported.",
                    digest=digest[:12],
                )
            )
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise errors.CapsuleFileError(
                said("The action document {digest} is not UTF-8 text.", digest=digest[:12])
            ) from None

    try:
        return validate_definition(join_documents(manifest.gpt.definition, text_of))
    except errors.ValidationError as exc:
        if isinstance(exc, errors.CapsuleFileError):
            raise
        raise errors.CapsuleFileError(
            said(
                "The GPT in this capsule is not valid here (nothing was imported):\n  {problems}",
                problems="\n  ".join(exc.problems[:8]),
            ),
            exc.problems,
        ) from None


def _badly_signed(status: SignatureStatus) -> errors.Said:
    """Why a capsule with a bad signature is refused, one sentence per reason."""
    if status.reason == "malformed":
        return said(
            "The capsule is badly signed: the signature is malformed. Nothing was imported: "
            "ask its author for a new copy."
        )
    if status.reason == "changed":
        return said(
            "The capsule is badly signed: the contents changed after signing ({differences}). "
            "Nothing was imported: ask its author for a new copy.",
            differences=status.differences,
        )
    return said(
        "The capsule is badly signed: the signature does not match its signer's key. Nothing "
        "was imported: ask its author for a new copy."
    )
