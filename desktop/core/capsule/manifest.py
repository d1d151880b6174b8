"""Reading a capsule's JSON documents without trusting them, and checking the manifest.

Each document is size-limited, parsed, and validated against its schema; the manifest is
then checked against the members that are really there, so that every later step can rely
on it. Every failure is a `CapsuleFileError` subclass naming what is wrong. Pure
functions, used from any thread.
"""

from __future__ import annotations

import json
import zipfile
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from desktop.core import errors
from desktop.core.actiondocs import document_refs
from desktop.core.capsule.archive import read_small
from desktop.core.capsule.layout import (
    APP_VERSION,
    FORMAT,
    FORMAT_VERSION,
    INDEX,
    MANIFEST,
    Descriptor,
    FileEntry,
    Manifest,
)
from desktop.core.gpt import problems_of

Model = TypeVar("Model", bound=BaseModel)
said = errors.said
_ROLE_OF_FOLDER = {
    "knowledge": "knowledge",
    "actions": "action",
    "avatar": "avatar",
    "index": "index",
}


def load_json(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> Any:
    """A member's JSON, read within `max_bytes`."""
    return parse_json(read_small(archive, info, max_bytes), info.filename)


def parse_json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise errors.CapsuleDamagedError(
            said(
                "This file is damaged or incomplete ({name} is not valid JSON: {reason}). "
                "Nothing was imported: copy or download it again.",
                name=name,
                reason=str(exc)[:120],
            )
        ) from None


def validated(model: type[Model], data: Any, name: str) -> Model:
    """`data` as `model`, or an error listing each problem under the document's name."""
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        problems = [f"{name}: {line}" for line in problems_of(exc)[:8]]
        raise errors.CapsuleFileError(
            said(
                "This capsule's contents are not what its format says (nothing was "
                "imported):\n  {problems}",
                problems="\n  ".join(problems),
            ),
            problems,
        ) from None


def descriptor_of(data: Any) -> Descriptor:
    """The descriptor, once it is known to be ours and not of a newer format."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise errors.CapsuleFileError(
            said("This zip is not a Capsule Studio capsule (its capsule.json does not say so).")
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise errors.CapsuleFileError(said("The capsule does not say which format it is in."))
    if version > FORMAT_VERSION:
        needs = str(data.get("requires_app") or "a newer version")[:40]
        made = str(data.get("app_version") or "a newer version")[:40]
        raise errors.CapsuleTooNewError(
            said(
                "This capsule was made by Capsule Studio {made} in format {version}; this "
                "version ({app}) reads format {format} and older. Update Capsule Studio to "
                "{needs} or later to import it.",
                made=made,
                version=version,
                app=APP_VERSION,
                format=FORMAT_VERSION,
                needs=needs,
            )
        )
    return validated(Descriptor, data, "capsule.json")


def check_manifest(manifest: Manifest, members: dict[str, zipfile.ZipInfo]) -> None:
    """The manifest agrees with the members present and with itself; else refuse."""
    if manifest.format_version != FORMAT_VERSION:
        raise errors.CapsuleFileError(
            said(
                "The manifest says format {manifest}, its descriptor {descriptor}: the "
                "capsule's parts do not belong together.",
                manifest=manifest.format_version,
                descriptor=FORMAT_VERSION,
            )
        )
    listed = {entry.path: entry for entry in manifest.files}
    if len(listed) != len(manifest.files):
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: the manifest lists a file twice. Nothing was imported. "
                "Ask its author for a new copy."
            )
        )
    present = set(members) - {MANIFEST}
    missing = sorted(set(listed) - present)
    if missing:
        raise errors.CapsuleFileError(
            said(
                "The capsule's manifest lists {path}, but the capsule does not hold it "
                "({count} missing). Nothing was imported: ask for a complete copy.",
                path=missing[0],
                count=len(missing),
            )
        )
    extra = sorted(present - set(listed))
    if extra:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: it holds {path}, which its manifest does not list. "
                "Nothing was imported. Ask its author for a new copy.",
                path=extra[0],
            )
        )
    for entry in manifest.files:
        _check_entry(entry, members[entry.path])
    _check_references(manifest, listed)


def _check_entry(entry: FileEntry, info: zipfile.ZipInfo) -> None:
    folder, _, rest = entry.path.partition("/")
    if _ROLE_OF_FOLDER.get(folder) != entry.role:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: {path} is listed as {role}, which it cannot be. "
                "Nothing was imported. Ask its author for a new copy.",
                path=entry.path,
                role=entry.role,
            )
        )
    if folder != "index" and rest != entry.sha256:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: {path} is listed under another file's hash. Nothing "
                "was imported. Ask its author for a new copy.",
                path=entry.path,
            )
        )
    if info.file_size != entry.size:
        raise errors.CapsuleTamperedError(
            said(
                "{path} is {size} bytes, but the manifest says {listed}: the capsule's "
                "contents were changed after export. Nothing was imported.",
                path=entry.path,
                size=info.file_size,
                listed=entry.size,
            )
        )


def _check_references(manifest: Manifest, listed: dict[str, FileEntry]) -> None:
    names = [k.name for k in manifest.knowledge]
    if len(set(names)) != len(names):
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: two knowledge files have the same name. Nothing was "
                "imported. Ask its author for a new copy."
            )
        )
    ids = [k.file_id for k in manifest.knowledge]
    if len(set(ids)) != len(ids):
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: two knowledge files have the same id. Nothing was "
                "imported. Ask its author for a new copy."
            )
        )
    wanted = [f"knowledge/{k.sha256}" for k in manifest.knowledge]
    wanted += [f"actions/{digest}" for digest in document_refs(manifest.gpt.definition)]
    if manifest.avatar is not None:
        wanted.append(manifest.avatar.path)
    if manifest.index is not None:
        wanted.append(INDEX)
    for path in wanted:
        if path not in listed:
            raise errors.CapsuleFileError(
                said(
                    "The capsule's manifest needs {path}, but does not list it. Nothing was "
                    "imported: ask for a complete copy.",
                    path=path,
                )
            )
    if manifest.avatar is not None and listed[manifest.avatar.path].role != "avatar":
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: the avatar names a file that is not one. Nothing was "
                "imported. Ask its author for a new copy."
            )
        )
