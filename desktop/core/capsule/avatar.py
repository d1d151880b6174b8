"""A GPT's avatar in a capsule: an image file travels as bytes, an emoji as text.

A definition's `avatar` is either the path of an image file or a short text (an emoji,
possibly with a colour). Only PNG, JPEG, GIF and WebP images up to 2 MiB travel; on import
the image is kept under the data folder by its hash. Pure functions on the caller's thread.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024
_KINDS = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)
_MAX_TEXT = 64


@dataclass(frozen=True)
class Picture:
    path: Path
    sha256: str
    suffix: str


def suffix_of(head: bytes) -> str | None:
    """The file suffix an image's first bytes say it has, or None for anything else."""
    for magic, suffix in _KINDS:
        if head.startswith(magic):
            return suffix
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return None


def _looks_like_path(text: str) -> bool:
    return (
        "/" in text
        or "\\" in text
        or Path(text).suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp")
    )


def text_icon(avatar: str) -> str:
    """The avatar as text for a header (an emoji), or "" when it is an image or too long."""
    avatar = avatar.strip()
    return "" if not avatar or _looks_like_path(avatar) or len(avatar) > _MAX_TEXT else avatar


def find(avatar: str, warnings: list[str]) -> Picture | None:
    """The image the avatar names, when it is one that can travel; else None (and why)."""
    avatar = avatar.strip()
    if not avatar or not _looks_like_path(avatar):
        return None
    path = Path(avatar).expanduser()
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError:
        warnings.append(f"The avatar image {path.name} cannot be read; it is left out.")
        return None
    if data is None:
        warnings.append(f"The avatar image {path.name} is over 2 MiB; it is left out.")
        return None
    suffix = suffix_of(data[:16])
    if suffix is None:
        warnings.append(f"The avatar {path.name} is not a PNG, JPEG, GIF or WebP; it is left out.")
        return None
    return Picture(path, hashlib.sha256(data).hexdigest(), suffix)


def keep(source: Path, sha256: str, folder: Path) -> Path | None:
    """Store an unpacked avatar under `folder` by its hash; its path (None: not an image)."""
    with source.open("rb") as handle:
        suffix = suffix_of(handle.read(16))
    if suffix is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha256}{suffix}"
    if not target.exists():
        handle_fd, temporary = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        os.close(handle_fd)
        Path(temporary).write_bytes(source.read_bytes())
        os.replace(temporary, target)
    return target
