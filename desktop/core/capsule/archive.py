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
OnBytes = Callable[[int], None]
said = errors.said


def _refused_kind(mode: int, name: str) -> errors.CapsuleRefusedError | None:
    """A member that is a link, a device, a pipe, a socket or a folder, refused; else None."""
    kind = stat.S_IFMT(mode) if mode else None
    if kind == stat.S_IFLNK:
        message = said(
            "This file was refused: {name} is a symbolic link, and only plain files are "
            "accepted. Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    elif kind in (stat.S_IFCHR, stat.S_IFBLK):
        message = said(
            "This file was refused: {name} is a device file, and only plain files are "
            "accepted. Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    elif kind == stat.S_IFIFO:
        message = said(
            "This file was refused: {name} is a pipe, and only plain files are accepted. "
            "Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    elif kind == stat.S_IFSOCK:
        message = said(
            "This file was refused: {name} is a socket, and only plain files are accepted. "
            "Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    elif kind == stat.S_IFDIR or name.endswith("/"):
        message = said(
            "This file was refused: {name} is a folder entry, and only plain files are "
            "accepted. Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    else:
        return None
    return errors.CapsuleRefusedError(message)


@contextmanager
def open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    """The zip at `path`, closed afterwards; a file that is not a whole zip is damaged."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise errors.CapsuleFileError(said("There is no file {path}.", path=path)) from None
    except IsADirectoryError:
        raise errors.CapsuleFileError(
            said("{path} is a folder, not a capsule.", path=path)
        ) from None
    except PermissionError:
        raise errors.CapsuleFileError(
            said("{path} cannot be read: check its permissions.", path=path)
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise errors.CapsuleDamagedError(
            said(
                "This file is damaged or incomplete (not a complete zip archive: {reason}). "
                "Nothing was imported: copy or download it again.",
                reason=exc,
            )
        ) from None
    try:
        yield archive
    finally:
        archive.close()


def check_members(
    archive: zipfile.ZipFile, limits: Limits, allowed: Callable[[str], bool]
) -> dict[str, zipfile.ZipInfo]:
    """Every member by name, once each has passed every rule; refused (raises) otherwise."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: it holds {count} files, and a capsule may hold {most}. "
                "Nothing was imported. Ask its author for a new copy.",
                count=f"{len(infos):,}",
                most=f"{limits.max_members:,}",
            )
        )
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        _check_kind(info)
        _check_name(name)
        if name in members:
            raise errors.CapsuleRefusedError(
                said(
                    "This file was refused: the name {name} appears twice. Nothing was "
                    "imported. Ask its author for a new copy.",
                    name=repr(name),
                )
            )
        if not allowed(name):
            raise errors.CapsuleRefusedError(
                said(
                    "This file was refused: it holds {name}, which is no part of a capsule. "
                    "Nothing was imported. Ask its author for a new copy.",
                    name=repr(name),
                )
            )
        _check_size(info, limits)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise errors.CapsuleRefusedError(
                said(
                    "This file was refused: it unpacks to more than {size}, the most an import "
                    "takes. Nothing was imported. Ask its author for a new copy.",
                    size=human_size(limits.max_total_bytes),
                )
            )
        members[name] = info
    return members


def _check_name(name: str) -> None:
    if "\x00" in name or "\\" in name:
        message = said(
            "This file was refused: the name {name} holds a backslash or a NUL character. "
            "Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    elif name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        message = said(
            "This file was refused: {name} is an absolute path. Nothing was imported. Ask "
            "its author for a new copy.",
            name=repr(name),
        )
    elif ".." in name.split("/"):
        message = said(
            "This file was refused: {name} points outside the capsule (path traversal). "
            "Nothing was imported. Ask its author for a new copy.",
            name=repr(name),
        )
    elif any(part in ("", ".") for part in name.split("/")):
        message = said(
            "This file was refused: the name {name} has an empty or '.' part. Nothing was "
            "imported. Ask its author for a new copy.",
            name=repr(name),
        )
    else:
        return
    raise errors.CapsuleRefusedError(message)


def _check_kind(info: zipfile.ZipInfo) -> None:
    not_a_file = _refused_kind(info.external_attr >> 16, info.filename)
    if not_a_file is not None:
        raise not_a_file
    if info.flag_bits & 0x1:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: {name} is encrypted by zip itself. Nothing was "
                "imported. Ask its author for a new copy.",
                name=repr(info.filename),
            )
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: {name} uses a compression method this app does not "
                "write. Nothing was imported. Ask its author for a new copy.",
                name=repr(info.filename),
            )
        )


def _check_size(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.max_member_bytes:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: {name} unpacks to {size}, more than the {most} one "
                "file may have. Nothing was imported. Ask its author for a new copy.",
                name=repr(info.filename),
                size=human_size(info.file_size),
                most=human_size(limits.max_member_bytes),
            )
        )
    if info.file_size > limits.ratio_floor:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise errors.CapsuleRefusedError(
                said(
                    "This file was refused: {name} is compressed {ratio} times (a zip bomb?); "
                    "at most {most} is accepted. Nothing was imported. Ask its author for a "
                    "new copy.",
                    name=repr(info.filename),
                    ratio=f"{ratio:,.0f}",
                    most=f"{limits.max_ratio:,.0f}",
                )
            )


def read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes:
    """A member small enough to hold in memory (a JSON document), whole and checked."""
    if info.file_size > max_bytes:
        raise errors.CapsuleRefusedError(
            said(
                "This file was refused: {name} is {size}; at most {most} is accepted. Nothing "
                "was imported. Ask its author for a new copy.",
                name=repr(info.filename),
                size=human_size(info.file_size),
                most=human_size(max_bytes),
            )
        )
    with _opened(archive, info) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) != info.file_size:
        raise errors.CapsuleDamagedError(
            said(
                "This file is damaged or incomplete ({name} is not the size it says). Nothing was "
                "imported: copy or download it again.",
                name=info.filename,
            )
        )
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
                raise errors.CancelledError(said("Stopped; nothing was imported."))
            try:
                block = handle.read(BLOCK)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise damaged_member(info.filename, exc) from None
            if not block:
                break
            seen += len(block)
            if seen > info.file_size:
                raise errors.CapsuleDamagedError(
                    said(
                        "This file is damaged or incomplete ({name} is longer than it says). "
                        "Nothing was imported: copy or download it again.",
                        name=info.filename,
                    )
                )
            digest.update(block)
            if target is not None:
                target.write(block)
            if on_bytes is not None:
                on_bytes(len(block))
    if seen != info.file_size:
        raise errors.CapsuleDamagedError(
            said(
                "This file is damaged or incomplete ({name} is shorter than it says). Nothing was "
                "imported: copy or download it again.",
                name=info.filename,
            )
        )
    return digest.hexdigest()


@contextmanager
def _opened(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[IO[bytes]]:
    try:
        handle = archive.open(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise damaged_member(info.filename, exc) from None
    try:
        yield handle
    finally:
        handle.close()


def damaged_member(name: str, exc: BaseException) -> errors.CapsuleDamagedError:
    """The member `name` could not be read (a CRC error, a cut-off stream): `exc` says why."""
    return errors.CapsuleDamagedError(
        said(
            "This file is damaged or incomplete ({name}: {reason}). Nothing was imported: copy "
            "or download it again.",
            name=name,
            reason=exc,
        )
    )
