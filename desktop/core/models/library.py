"""Importing GGUF files into the user's model folder, and removing models from it."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models import storage
from desktop.core.models.progress import Meter, ProgressCallback
from desktop.core.providers.gguf_info import GgufInfo, read_gguf_info
from desktop.core.providers.local import model_id
from desktop.core.units import human_size

_SPLIT_PART = re.compile(r"^(?P<base>.+)-(?P<part>\d{5})-of-(?P<count>\d{5})\.gguf$", re.I)
_COPY_BLOCK = 4 * 1024 * 1024
# A copy in progress: not `.gguf`, so the model list never shows half a file.
_IMPORTING_SUFFIX = ".importing"


@dataclass(frozen=True)
class ImportResult:
    id: str
    path: Path
    size: int
    already_present: bool
    info: GgufInfo

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": str(self.path),
            "size": self.size,
            "already_present": self.already_present,
            "architecture": self.info.architecture,
            "quantization": self.info.quantization,
        }


def import_model(
    source: Path,
    dest_dir: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Copy a GGUF model file into `dest_dir` after checking that it is one.

    Runs on the calling (worker) thread. The copy goes to a temporary name and is renamed
    at the end, so a cancel (`errors.CancelledError`) or a failure leaves nothing behind.
    Raises `errors.ModelFileError` for a file that is not a usable GGUF, and
    `errors.ModelError` when a different file with that name is already there.
    """
    source = source.expanduser()
    if not source.is_file():
        raise errors.ModelNotFoundError(
            errors.said("No file at {path}: check the path.", path=source)
        )
    if _SPLIT_PART.match(source.name):
        raise errors.ModelFileError(
            errors.said(
                "{name} is one part of a split model. Copy all of its parts "
                "(…-0000N-of-…) into {folder} together instead.",
                name=source.name,
                folder=dest_dir,
            )
        )
    info = read_gguf_info(source)
    name = source.name if source.suffix.lower() == ".gguf" else f"{source.name}.gguf"
    target = dest_dir / name
    size = source.stat().st_size
    if target.exists():
        if _same_file(source, target, progress, cancel):
            return ImportResult(model_id(target), target, size, True, info)
        raise errors.ModelError(
            errors.said(
                "A different model named {name} is already in {folder}. Rename your file, "
                "or remove the existing one first.",
                name=name,
                folder=dest_dir,
            ),
            errors.do(errors.Do.REMOVE_MODEL, model_id=model_id(target)),
        )
    dest_dir.mkdir(parents=True, exist_ok=True)
    storage.check_free_space(dest_dir, size, source.name, importing=True)
    _copy(source, target, size, progress, cancel)
    return ImportResult(model_id(target), target, size, False, info)


def _same_file(
    source: Path, target: Path, progress: ProgressCallback | None, cancel: CancelToken | None
) -> bool:
    if source.resolve() == target.resolve():
        return True
    if source.stat().st_size != target.stat().st_size:
        return False
    stopped = errors.said(
        "Comparing {name} with the copy already imported was cancelled.", name=source.name
    )
    meters = [
        Meter(
            "verify", path.stat().st_size, callback=progress, cancel=cancel, cancel_message=stopped
        )
        for path in (source, target)
    ]
    return storage.sha256_file(source, meters[0]) == storage.sha256_file(target, meters[1])


def _copy(
    source: Path,
    target: Path,
    size: int,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> None:
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}{_IMPORTING_SUFFIX}")
    meter = Meter(
        "copy",
        size,
        callback=progress,
        cancel=cancel,
        cancel_message=errors.said(
            "Import of {name} cancelled; nothing was copied.", name=source.name
        ),
    )
    try:
        with source.open("rb") as reader, temporary.open("wb") as writer:
            while block := reader.read(_COPY_BLOCK):
                meter.check()
                writer.write(block)
                meter.advance(len(block))
        meter.check()  # a cancel during the last block still leaves nothing behind
        meter.finish()
        os.replace(temporary, target)
    except BaseException:
        # Cancel, Ctrl-C, a full disk: no half file may stay behind.
        temporary.unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class RemoveResult:
    removed: list[Path]
    freed: int

    def to_dict(self) -> dict[str, Any]:
        return {"removed": [str(p) for p in self.removed], "freed": self.freed}


def model_files(path: Path) -> list[Path]:
    """`path` and, for the first part of a split model, the other parts beside it."""
    match = _SPLIT_PART.match(path.name)
    if match is None:
        return [path]
    count = int(match["count"])
    return [
        path.with_name(f"{match['base']}-{part:05d}-of-{count:05d}.gguf")
        for part in range(1, count + 1)
    ]


def removable_files(path: Path, model_dirs: Sequence[Path]) -> list[Path]:
    """What `remove_model` would delete: the model, its parts and partial downloads.

    Raises `errors.ModelError` when `path` is not inside one of `model_dirs`.
    """
    resolved = path.expanduser().resolve()
    folders = [folder.expanduser().resolve() for folder in model_dirs]
    if not any(resolved.is_relative_to(folder) for folder in folders):
        where = " or ".join(str(f) for f in folders)
        raise errors.ModelError(
            errors.said(
                "{path} is not in a model folder ({folders}); only files there are removed. "
                "Delete other files yourself if you mean to.",
                path=path,
                folders=where,
            )
        )
    found = [p for p in model_files(resolved) if p.is_file()]
    return found + storage.partials_for(resolved.parent, resolved.name)


def remove_model(path: Path, model_dirs: Sequence[Path]) -> RemoveResult:
    """Delete a model file that lives in `model_dirs`, with its parts and partial downloads."""
    files = removable_files(path, model_dirs)
    if not files:
        raise errors.ModelNotFoundError(
            errors.said("Nothing to remove: {path} does not exist.", path=path)
        )
    freed = 0
    for file in files:
        freed += file.stat().st_size
        file.unlink()
    return RemoveResult(files, freed)


def describe_removal(result: RemoveResult) -> str:
    names = ", ".join(p.name for p in result.removed)
    return errors.said(
        "Removed {names} ({size} freed).", names=names, size=human_size(result.freed)
    )
