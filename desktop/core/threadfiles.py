"""A thread's files: what the user attached, and what code and tools made for it.

Each thread owns one folder (`Paths.threads / <thread id>`). The code interpreter runs
there, so attached files are at hand by name and whatever the code writes stays with the
thread; generated images land there too. Names are relative POSIX paths inside the folder;
every name from outside (a model, a user) is checked so it can never reach another folder.
"""

from __future__ import annotations

import builtins
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.core import errors

MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024
_THREAD_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
# Folders the interpreter keeps for itself (matplotlib and IPython caches): not listed.
HIDDEN_PREFIX = "."
_PART_PREFIX = ".part-"


@dataclass(frozen=True)
class FileEntry:
    """One file of a thread: its name inside the thread's folder, size and change time."""

    name: str
    size: int
    modified: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# name -> (size, modification time in ns): enough to tell which files an execution changed.
Snapshot = dict[str, tuple[int, int]]


class ThreadFiles:
    """The files of every thread, under one root folder. Safe to use from any thread."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, thread_id: str) -> Path:
        """The thread's folder, created on first use."""
        if not _THREAD_ID.match(thread_id):
            raise errors.ValidationError(
                errors.said("{thread_id} is not a thread id", thread_id=repr(thread_id))
            )
        folder = self.root / thread_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def path_of(self, thread_id: str, name: str) -> Path:
        """The file `name` of the thread; refuses names that leave its folder."""
        folder = self.folder(thread_id).resolve()
        relative = _relative_name(name)
        path = (folder / relative).resolve()
        if path != folder and folder not in path.parents:
            raise errors.ValidationError(
                errors.said(
                    "{name} is outside the thread's files: use a name from `threads files`",
                    name=repr(name),
                )
            )
        return path

    def list(self, thread_id: str) -> builtins.list[FileEntry]:
        """Every file of the thread, by name, hidden helper folders left out."""
        folder = self.folder(thread_id)
        return [
            FileEntry(name, size, modified_ns / 1e9)
            for name, (size, modified_ns) in sorted(self.snapshot(thread_id).items())
            if (folder / name).is_file()
        ]

    def snapshot(self, thread_id: str) -> Snapshot:
        """Sizes and change times of the thread's files, to compare after an execution."""
        folder = self.folder(thread_id)
        found: Snapshot = {}
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(HIDDEN_PREFIX))
            for filename in filenames:
                if filename.startswith(_PART_PREFIX):
                    continue  # a copy still being written
                path = Path(dirpath) / filename
                try:
                    stat = path.lstat()
                except OSError:
                    continue  # removed while we looked
                if path.is_symlink() or not path.is_file():
                    continue
                found[path.relative_to(folder).as_posix()] = (stat.st_size, stat.st_mtime_ns)
        return found

    def changed_since(self, thread_id: str, before: Snapshot) -> builtins.list[FileEntry]:
        """Files made or changed since `before` was taken, by name."""
        after = self.snapshot(thread_id)
        return [
            FileEntry(name, size, modified_ns / 1e9)
            for name, (size, modified_ns) in sorted(after.items())
            if before.get(name) != (size, modified_ns)
        ]

    def attach(self, thread_id: str, paths: Iterable[Path]) -> builtins.list[FileEntry]:
        """Copy files into the thread's folder; a taken name gets a number: `data (2).csv`.

        Every path is checked before anything is copied, so a bad one leaves the thread as
        it was.
        """
        sources = [Path(p) for p in paths]
        for source in sources:
            if not source.is_file():
                raise errors.ValidationError(
                    errors.said("{path} is not a file: attach files one by one", path=source)
                )
            size = source.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise errors.ValidationError(
                    errors.said(
                        "{name} is {size} MB; attachments may be at most {limit} MB",
                        name=source.name,
                        size=size // (1024 * 1024),
                        limit=MAX_ATTACHMENT_BYTES // (1024 * 1024),
                    )
                )
        folder = self.folder(thread_id)
        added = []
        for source in sources:
            target = unique_path(folder / _safe_filename(source.name))
            tmp = _temp_beside(target)
            try:
                shutil.copyfile(source, tmp)
                os.replace(tmp, target)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
            stat = target.stat()
            added.append(FileEntry(target.name, stat.st_size, stat.st_mtime))
        return added

    def add_bytes(self, thread_id: str, name: str, data: bytes) -> FileEntry:
        """Write a new file (an image a tool made); a taken name gets a number."""
        folder = self.folder(thread_id)
        target = unique_path(folder / _safe_filename(name))
        tmp = _temp_beside(target)
        try:
            tmp.write_bytes(data)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        stat = target.stat()
        return FileEntry(target.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime)

    def save(self, thread_id: str, name: str, destination: Path, overwrite: bool = False) -> Path:
        """Copy a thread file out; `destination` may be a folder. Never overwrites unasked."""
        source = self.path_of(thread_id, name)
        if not source.is_file():
            raise errors.NotFoundError(
                errors.said("The thread has no file {name}.", name=repr(name)),
                errors.do(errors.Do.LIST_THREAD_FILES, thread_id=thread_id),
            )
        target = destination / source.name if destination.is_dir() else destination
        if target.exists() and not overwrite:
            raise errors.ValidationError(
                errors.said(
                    "{path} already exists: choose another name, or allow overwriting",
                    path=target,
                )
            )
        if not target.parent.is_dir():
            raise errors.ValidationError(errors.said("{path} is not a folder", path=target.parent))
        shutil.copyfile(source, target)
        return target

    def remove_thread(self, thread_id: str) -> None:
        """Delete every file of the thread (when the thread itself is deleted)."""
        if _THREAD_ID.match(thread_id):
            shutil.rmtree(self.root / thread_id, ignore_errors=True)


def unique_path(path: Path) -> Path:
    """`path`, or `stem (2).ext`, `stem (3).ext`… whichever does not exist yet."""
    if not path.exists():
        return path
    for number in range(2, 10_000):
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise errors.ValidationError(errors.said("too many files named like {name}", name=path.name))


def _relative_name(name: str) -> PurePosixPath:
    relative = PurePosixPath(name.replace("\\", "/"))
    if not name or relative.is_absolute() or ".." in relative.parts or "\x00" in name:
        raise errors.ValidationError(
            errors.said(
                "{name} is not a file name inside the thread: use a relative name",
                name=repr(name),
            )
        )
    return relative


def _safe_filename(name: str) -> str:
    """A file name with no folders, controls or reserved characters; never empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join("_" if ord(c) < 32 or c in '<>:"|?*' else c for c in base).strip(" .")
    return cleaned[:200] or "file"


def _temp_beside(target: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=_PART_PREFIX, dir=target.parent)
    os.close(fd)
    return Path(name)
