"""A generator of hostile capsules: a valid capsule's zip, rewritten to break one rule.

Every kind names what it breaks; `hostile(valid, kind, folder)` writes that capsule. The
members are rewritten byte for byte, so only the break differs from a capsule the app made.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes
    mode: int = stat.S_IFREG | 0o644
    compress: int = zipfile.ZIP_DEFLATED


def members_of(path: Path) -> list[Member]:
    with zipfile.ZipFile(path) as archive:
        return [
            Member(i.filename, archive.read(i), (i.external_attr >> 16) or stat.S_IFREG | 0o644)
            for i in archive.infolist()
        ]


def write_zip(path: Path, members: list[Member]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we write
        with zipfile.ZipFile(path, "w") as archive:
            for member in members:
                info = zipfile.ZipInfo(member.name, date_time=(2026, 1, 1, 0, 0, 0))
                info.external_attr = member.mode << 16
                info.compress_type = member.compress
                archive.writestr(info, member.data)
    return path


def changed(valid: Path, name: str, change: Callable[[bytes], bytes], target: Path) -> Path:
    """A copy of the capsule `valid` whose member `name` went through `change` (CRC redone)."""
    members = members_of(valid)
    return write_zip(
        target, [replace(m, data=change(m.data)) if m.name == name else m for m in members]
    )


def _knowledge(members: list[Member]) -> Member:
    return next(m for m in members if m.name.startswith("knowledge/"))


def _edit_json(name: str) -> Callable[[list[Member], Callable[[dict], None]], list[Member]]:
    """Rewrite the JSON member `name` with a change to its parsed data."""

    def edit(members: list[Member], change: Callable[[dict], None]) -> list[Member]:
        out = []
        for member in members:
            if member.name == name:
                data = json.loads(member.data)
                change(data)
                out.append(replace(member, data=json.dumps(data).encode()))
            else:
                out.append(member)
        return out

    return edit


_manifest = _edit_json("manifest.json")
_descriptor = _edit_json("capsule.json")


def _flip_content(members: list[Member]) -> list[Member]:
    victim = _knowledge(members)
    flipped = bytes([victim.data[0] ^ 0xFF]) + victim.data[1:]
    return [replace(m, data=flipped) if m is victim else m for m in members]


def _bomb(members: list[Member]) -> list[Member]:
    zeros = b"\0" * (20 * 1024 * 1024)
    return [*members, Member(f"knowledge/{hashlib.sha256(zeros).hexdigest()}", zeros)]


def _many(members: list[Member]) -> list[Member]:
    extra = [Member(f"knowledge/{i:064x}", b"x") for i in range(10_000)]
    return members + extra


def _huge_manifest(members: list[Member]) -> list[Member]:
    # Incompressible, so that it is the manifest's size that is refused, not its ratio.
    noise = os.urandom(50 * 1024 * 1024).hex().encode()
    kept = [m for m in members if m.name != "manifest.json"]
    return [*kept, Member("manifest.json", noise, compress=zipfile.ZIP_STORED)]


# kind -> (how it is made from the valid members, what the refusal says)
KINDS: dict[str, tuple[Callable[[list[Member]], list[Member]], str]] = {
    "traversal": (lambda ms: [*ms, Member("knowledge/../../evil.txt", b"x")], "path traversal"),
    "absolute path": (lambda ms: [*ms, Member("/tmp/evil.txt", b"x")], "absolute path"),
    "windows path": (lambda ms: [*ms, Member("C:/evil.txt", b"x")], "absolute path"),
    "backslash": (lambda ms: [*ms, Member("knowledge\\evil", b"x")], "backslash"),
    "symlink": (
        lambda ms: [*ms, Member("knowledge/link", b"/etc/passwd", stat.S_IFLNK | 0o777)],
        "symbolic link",
    ),
    "device file": (
        lambda ms: [*ms, Member("knowledge/dev", b"", stat.S_IFCHR | 0o600)],
        "device file",
    ),
    "folder entry": (lambda ms: [*ms, Member("knowledge/", b"", stat.S_IFDIR | 0o755)], "folder"),
    "duplicate name": (lambda ms: [*ms, _knowledge(ms)], "appears twice"),
    "unknown member": (lambda ms: [*ms, Member("run-me.sh", b"rm -rf ~")], "no part of a capsule"),
    "zip bomb": (_bomb, "zip bomb"),
    "10,000 files": (_many, "10,"),
    "100 MB manifest": (_huge_manifest, "manifest.json"),
    "wrong types": (
        lambda ms: _manifest(ms, lambda d: d["gpt"].update(version="seven")),
        "gpt.version",
    ),
    "not a list": (lambda ms: _manifest(ms, lambda d: d.update(files="all")), "files"),
    "missing file": (
        lambda ms: [m for m in ms if m is not _knowledge(ms)],
        "does not hold it",
    ),
    "unlisted file": (
        lambda ms: _manifest(ms, lambda d: d.update(files=d["files"][1:])),
        "does not list",
    ),
    "hash mismatch": (_flip_content, "does not match its hash"),
    "newer format": (
        lambda ms: _descriptor(
            ms, lambda d: d.update(format_version=99, requires_app="9.1", app_version="9.3")
        ),
        "9.1 or later",
    ),
    "not a capsule": (
        lambda ms: _descriptor(ms, lambda d: d.update(format="something-else")),
        "not a Capsule Studio capsule",
    ),
    "invalid definition": (
        lambda ms: _manifest(ms, lambda d: d["gpt"]["definition"].update(name="")),
        "name",
    ),
    "name too long": (
        lambda ms: _manifest(ms, lambda d: d["knowledge"][0].update(name="名" * 100)),
        "255 bytes",
    ),
    "bad json": (
        lambda ms: [replace(m, data=b"{nope") if m.name == "manifest.json" else m for m in ms],
        "not valid JSON",
    ),
}


def hostile(valid: Path, kind: str, folder: Path) -> Path:
    """A capsule made from `valid` that breaks the rule `kind` names."""
    target = folder / f"{kind.replace(' ', '-').replace(',', '')}.capsule"
    if kind == "truncated zip":
        data = valid.read_bytes()
        target.write_bytes(data[: len(data) // 2])
        return target
    make, _ = KINDS[kind]
    return write_zip(target, make(members_of(valid)))


EXPECTED = {**{kind: said for kind, (_, said) in KINDS.items()}, "truncated zip": "damaged"}
