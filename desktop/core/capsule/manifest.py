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
from desktop.core.capsule.archive import damaged, read_small, refused
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
        raise damaged(f"{name} is not valid JSON: {str(exc)[:120]}") from None


def validated(model: type[Model], data: Any, name: str) -> Model:
    """`data` as `model`, or an error listing each problem under the document's name."""
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        problems = [f"{name}: {line}" for line in problems_of(exc)[:8]]
        raise errors.CapsuleFileError(
            "This capsule's contents are not what its format says (nothing was imported):\n  "
            + "\n  ".join(problems),
            problems,
        ) from None


def descriptor_of(data: Any) -> Descriptor:
    """The descriptor, once it is known to be ours and not of a newer format."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise errors.CapsuleFileError(
            "This zip is not a Capsule Studio capsule (its capsule.json does not say so)."
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise errors.CapsuleFileError("The capsule does not say which format it is in.")
    if version > FORMAT_VERSION:
        needs = str(data.get("requires_app") or "a newer version")[:40]
        made = str(data.get("app_version") or "a newer version")[:40]
        raise errors.CapsuleTooNewError(
            f"This capsule was made by Capsule Studio {made} in format {version}; this "
            f"version ({APP_VERSION}) reads format {FORMAT_VERSION} and older. Update Capsule "
            f"Studio to {needs} or later to import it."
        )
    return validated(Descriptor, data, "capsule.json")


def check_manifest(manifest: Manifest, members: dict[str, zipfile.ZipInfo]) -> None:
    """The manifest agrees with the members present and with itself; else refuse."""
    if manifest.format_version != FORMAT_VERSION:
        raise errors.CapsuleFileError(
            f"The manifest says format {manifest.format_version}, its descriptor "
            f"{FORMAT_VERSION}: the capsule's parts do not belong together."
        )
    listed = {entry.path: entry for entry in manifest.files}
    if len(listed) != len(manifest.files):
        raise refused("the manifest lists a file twice")
    present = set(members) - {MANIFEST}
    missing = sorted(set(listed) - present)
    if missing:
        raise errors.CapsuleFileError(
            f"The capsule's manifest lists {missing[0]}, but the capsule does not hold it "
            f"({len(missing)} missing). Nothing was imported: ask for a complete copy."
        )
    extra = sorted(present - set(listed))
    if extra:
        raise refused(f"it holds {extra[0]}, which its manifest does not list")
    for entry in manifest.files:
        _check_entry(entry, members[entry.path])
    _check_references(manifest, listed)


def _check_entry(entry: FileEntry, info: zipfile.ZipInfo) -> None:
    folder, _, rest = entry.path.partition("/")
    if _ROLE_OF_FOLDER.get(folder) != entry.role:
        raise refused(f"{entry.path} is listed as {entry.role}, which it cannot be")
    if folder != "index" and rest != entry.sha256:
        raise refused(f"{entry.path} is listed under another file's hash")
    if info.file_size != entry.size:
        raise errors.CapsuleTamperedError(
            f"{entry.path} is {info.file_size} bytes, but the manifest says {entry.size}: the "
            "capsule's contents were changed after export. Nothing was imported."
        )


def _check_references(manifest: Manifest, listed: dict[str, FileEntry]) -> None:
    names = [k.name for k in manifest.knowledge]
    if len(set(names)) != len(names):
        raise refused("two knowledge files have the same name")
    ids = [k.file_id for k in manifest.knowledge]
    if len(set(ids)) != len(ids):
        raise refused("two knowledge files have the same id")
    wanted = [f"knowledge/{k.sha256}" for k in manifest.knowledge]
    wanted += [f"actions/{digest}" for digest in document_refs(manifest.gpt.definition)]
    if manifest.avatar is not None:
        wanted.append(manifest.avatar.path)
    if manifest.index is not None:
        wanted.append(INDEX)
    for path in wanted:
        if path not in listed:
            raise errors.CapsuleFileError(
                f"The capsule's manifest needs {path}, but does not list it. Nothing was "
                "imported: ask for a complete copy."
            )
    if manifest.avatar is not None and listed[manifest.avatar.path].role != "avatar":
        raise refused("the avatar names a file that is not one")
