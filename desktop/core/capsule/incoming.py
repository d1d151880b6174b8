"""An incoming GPT, whatever file it came from: a capsule checked through, or another app's.

`Installer` takes an `Incoming` alone, so capsules and other apps' files share one atomic
install. Runs on the importing thread.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.capsule import reader
from desktop.core.capsule.foreign.common import Converted
from desktop.core.capsule.layout import INDEX, IndexEntry, ProviderEntry
from desktop.core.capsule.signing import SignatureStatus
from desktop.core.capsule.staging import IncomingFile
from desktop.core.gpt import GptDefinition, validate_definition


@dataclass
class Incoming:
    """A GPT ready to be installed, whatever file it came from."""

    source: str  # "capsule", or the name of another app's format
    label: str  # the format for people: "a capsule", "an OpenAI Assistant"
    definition: GptDefinition
    gpt_id: str | None  # the id it had (None: another app's file)
    files: list[IncomingFile]
    table: Path | None = None
    index: IndexEntry | None = None
    providers: list[ProviderEntry] = field(default_factory=list)
    avatar: tuple[Path, str] | None = None  # an unpacked image and its sha256
    origin: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    signature: SignatureStatus | None = None
    note: str = "imported"


def from_capsule(unpacked: reader.Unpacked) -> Incoming:
    manifest, outer = unpacked.manifest, unpacked.outer
    header, signature = manifest.header, outer.signature
    files = [
        IncomingFile(
            k.file_id,
            k.name,
            k.sha256,
            k.size,
            unpacked.file(f"knowledge/{k.sha256}"),
            k.pages,
            k.chunks,
            list(k.warnings),
        )
        for k in manifest.knowledge
    ]
    origin: dict[str, Any] = {
        "source": "capsule",
        "file": outer.path.name,
        "capsule": header.name,
        "author": header.author,
        "author_url": header.author_url,
        "signature": signature.state,
        "signer": signature.signer,
        "fingerprint": signature.fingerprint,
        "imported_at": time.time(),
    }
    by = f" by {header.author}" if header.author else ""
    return Incoming(
        source="capsule",
        label="a capsule",
        definition=unpacked.definition,
        gpt_id=manifest.gpt.id,
        files=files,
        table=unpacked.file(INDEX) if manifest.index is not None else None,
        index=manifest.index,
        providers=list(manifest.providers),
        avatar=(
            (unpacked.file(manifest.avatar.path), manifest.avatar.sha256)
            if manifest.avatar is not None
            else None
        ),
        origin=origin,
        signature=signature,
        note=f"imported from {outer.path.name}{by}",
    )


def definition_of(converted: Converted) -> GptDefinition:
    try:
        return validate_definition(converted.definition)
    except errors.ValidationError as exc:
        raise errors.CapsuleFileError(
            errors.said(
                "The GPT read from {source} is not valid here (nothing was imported):\n  "
                "{problems}",
                source=converted.label,
                problems="\n  ".join(exc.problems[:8]),
            ),
            exc.problems,
        ) from None


def from_foreign(converted: Converted, folder: Path, path: Path) -> Incoming:
    definition = definition_of(converted)
    files = []
    carried = folder / "carried"
    carried.mkdir()
    for name, data in converted.knowledge:
        target = carried / name
        target.write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        files.append(IncomingFile(f"file_{digest[:24]}", name, digest, len(data), target))
    picture = None
    if converted.avatar is not None:
        target = folder / "avatar"
        target.write_bytes(converted.avatar)
        picture = (target, hashlib.sha256(converted.avatar).hexdigest())
    origin = {
        "source": converted.source,
        "file": path.name,
        "author": converted.author,
        "imported_at": time.time(),
    }
    return Incoming(
        source=converted.source,
        label=converted.label,
        definition=definition,
        gpt_id=None,
        files=files,
        avatar=picture,
        origin=origin,
        warnings=list(converted.warnings),
        note=f"imported from {converted.label} ({path.name})",
    )
