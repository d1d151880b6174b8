"""Reading a zip that nobody vouches for: every member checked before any is used.

Refused outright: absolute paths, `..` and other odd path parts, links, devices and
folders, duplicate names, members that are encrypted by zip itself or compressed in a way
this app does not write, names the format does not have, and sizes past the limits. Reads
stop at the size a member declares, and zip's CRC catches a flipped byte. Runs on the
caller's thread.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.capsule.layout import Limits
from desktop.core.units import human_size

BLOCK = 1024 * 1024
_LINK_OR_DEVICE = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFCHR: "a device file",
    stat.S_IFBLK: "a device file",
    stat.S_IFIFO: "a pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder entry",
}

OnBytes = Callable[[int], None]


def refused(what: str) -> errors.CapsuleRefusedError:
    return errors.CapsuleRefusedError(
        f"This file was refused: {what}. Nothing was imported. Ask its author for a new copy."
    )


def damaged(what: str) -> errors.CapsuleDamagedError:
    return errors.CapsuleDamagedError(
        f"This file is damaged or incomplete ({what}). Nothing was imported: copy or download "
        "it again."
    )


@contextmanager
def open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip at `path`, closed afterwards; a file that is not a whole zip is `damaged`."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise errors.CapsuleFileError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise errors.CapsuleFileError(f"{path} is a folder, not a capsule.") from None
    except PermissionError:
        raise errors.CapsuleFileError(f"{path} cannot be read: check its permissions.") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise damaged(f"not a complete zip archive: {exc}") from None
    try:
        yield archive
    finally:
        archive.close()


def check_members(
    archive: zipfile.ZipFile, limits: Limits, allowed: Callable[[str], bool]
) -> dict[str, zipfile.ZipInfo]:
    """Every member by name, once each has passed every rule; raises `refused` otherwise."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise refused(
            f"it holds {len(infos):,} files, and a capsule may hold {limits.max_members:,}"
        )
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        _check_kind(info)
        _check_name(name)
        if name in members:
            raise refused(f"the name {name!r} appears twice")
        if not allowed(name):
            raise refused(f"it holds {name!r}, which is no part of a capsule")
        _check_size(info, limits)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise refused(
                f"it unpacks to more than {human_size(limits.max_total_bytes)}, the most an "
                "import takes"
            )
        members[name] = info
    return members


def _check_name(name: str) -> None:
    if "\x00" in name or "\\" in name:
        raise refused(f"the name {name!r} holds a backslash or a NUL character")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise refused(f"{name!r} is an absolute path")
    parts = name.split("/")
    if ".." in parts:
        raise refused(f"{name!r} points outside the capsule (path traversal)")
    if any(part in ("", ".") for part in parts):
        raise refused(f"the name {name!r} has an empty or '.' part")


def _check_kind(info: zipfile.ZipInfo) -> None:
    mode = info.external_attr >> 16
    kind = _LINK_OR_DEVICE.get(stat.S_IFMT(mode)) if mode else None
    if kind is None and info.is_dir():
        kind = "a folder entry"
    if kind is not None:
        raise refused(f"{info.filename!r} is {kind}, and only plain files are accepted")
    if info.flag_bits & 0x1:
        raise refused(f"{info.filename!r} is encrypted by zip itself")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise refused(f"{info.filename!r} uses a compression method this app does not write")


def _check_size(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.max_member_bytes:
        raise refused(
            f"{info.filename!r} unpacks to {human_size(info.file_size)}, more than the "
            f"{human_size(limits.max_member_bytes)} one file may have"
        )
    if info.file_size > limits.ratio_floor:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise refused(
                f"{info.filename!r} is compressed {ratio:,.0f} times (a zip bomb?); at most "
                f"{limits.max_ratio:,.0f} is accepted"
            )


def read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    """A member small enough to hold in memory (a JSON document), whole and checked."""
    if info.file_size > max_bytes:
        raise refused(
            f"{info.filename!r} is {human_size(info.file_size)}; at most "
            f"{human_size(max_bytes)} is accepted"
        )
    with _opened(archive, info) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) != info.file_size:
        raise damaged(f"{info.filename} is not the size it says")
    return data


def copy_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    target: IO[bytes] | None,
    cancel: CancelToken | None = None,
    on_bytes: OnBytes | None = None,
) -> str:
    """Stream a member into `target` (or nowhere), checking its size; its sha256.

    Raises:
        errors.CapsuleDamagedError: a CRC error or a size other than declared.
        errors.CancelledError: `cancel` was set between blocks.
    """
    digest = hashlib.sha256()
    seen = 0
    with _opened(archive, info) as handle:
        while True:
            if cancel is not None and cancel.cancelled:
                raise errors.CancelledError("Stopped; nothing was imported.")
            try:
                block = handle.read(BLOCK)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise damaged(f"{info.filename}: {exc}") from None
            if not block:
                break
            seen += len(block)
            if seen > info.file_size:
                raise damaged(f"{info.filename} is longer than it says")
            digest.update(block)
            if target is not None:
                target.write(block)
            if on_bytes is not None:
                on_bytes(len(block))
    if seen != info.file_size:
        raise damaged(f"{info.filename} is shorter than it says")
    return digest.hexdigest()


@contextmanager
def _opened(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[IO[bytes]]:
    try:
        handle = archive.open(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise damaged(f"{info.filename}: {exc}") from None
    try:
        yield handle
    finally:
        handle.close()
