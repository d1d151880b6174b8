"""A GPT's avatar: what the definition's `avatar` string means, and stored avatar images.

The string is one plain value that versions, diffs and capsules carry as it is:

- `""`: none chosen; the GPT shows its initial on a colour taken from its name.
- `emoji:#RRGGBB:<emoji>`: an emoji (or a short symbol) on a background colour.
- `image:<sha256>.<ext>`: an image kept by `AvatarStore`, named by its content.

Anything else is read leniently (a short text is an emoji on the name's colour). Pure
functions; `AvatarStore` reads and writes files on the calling thread.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from desktop.core import errors
from desktop.core.units import human_size

EMOJI_PREFIX = "emoji:"
IMAGE_PREFIX = "image:"
MAX_EMOJI = 16  # characters: a family emoji with skin tones is a long ZWJ sequence
MAX_IMAGE_BYTES = 5 * 1024 * 1024
# Colours dark enough for white text and light enough to tell apart.
PALETTE = ("#3b6fd4", "#2f8f5b", "#c2562a", "#8a4fc7", "#c23a6b", "#1f8a99", "#a8741a", "#5a6472")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_IMAGE = re.compile(r"^[0-9a-f]{64}\.(png|jpg|gif|webp)$")
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"), (b"GIF8", "gif"))

Kind = Literal["initial", "emoji", "image"]


@dataclass(frozen=True)
class Avatar:
    """How to draw an avatar: `text` on `color`, or the stored image `image`."""

    kind: Kind
    text: str
    color: str
    image: str = ""

    def to_string(self) -> str:
        """The definition's `avatar` value for this avatar."""
        if self.kind == "emoji":
            return f"{EMOJI_PREFIX}{self.color}:{self.text}"
        if self.kind == "image":
            return f"{IMAGE_PREFIX}{self.image}"
        return ""


def color_for(name: str) -> str:
    """A palette colour picked by the name, the same one every time."""
    return PALETTE[zlib.crc32(name.strip().encode("utf-8")) % len(PALETTE)]


def initial_of(name: str) -> str:
    """The first letter (or Chinese character) of a name, upper-cased; "?" if none."""
    return next((c.upper() for c in name.strip() if c.isalnum()), "?")


def parse_avatar(value: str, name: str) -> Avatar:
    """What a definition's `avatar` string shows for a GPT called `name` (never raises)."""
    value = value.strip()
    fallback = Avatar("initial", initial_of(name), color_for(name))
    if value.startswith(EMOJI_PREFIX):
        color, _, text = value.removeprefix(EMOJI_PREFIX).partition(":")
        text = text.strip()
        if not text or len(text) > MAX_EMOJI:
            return fallback
        return Avatar("emoji", text, color if _COLOR.match(color) else fallback.color)
    if value.startswith(IMAGE_PREFIX):
        image = value.removeprefix(IMAGE_PREFIX)
        return (
            Avatar("image", fallback.text, fallback.color, image)
            if _IMAGE.match(image)
            else fallback
        )
    if value and len(value) <= MAX_EMOJI and not any(c.isspace() for c in value):
        return Avatar("emoji", value, fallback.color)
    return fallback


def emoji_avatar(emoji: str, color: str) -> str:
    """The `avatar` value for `emoji` on `color` (#RRGGBB).

    Raises:
        errors.ValidationError: an empty or overlong emoji, or a colour not in #RRGGBB form.
    """
    text = emoji.strip()
    if not text or len(text) > MAX_EMOJI or any(c.isspace() or ord(c) < 32 for c in text):
        raise errors.ValidationError(
            errors.said(
                "An avatar's emoji must be 1 to {most} characters without spaces: "
                "pick one emoji or symbol.",
                most=MAX_EMOJI,
            )
        )
    if not _COLOR.match(color):
        raise errors.ValidationError(
            errors.said("'{color}' is not a colour in #RRGGBB form: pick another.", color=color)
        )
    return Avatar("emoji", text, color.lower()).to_string()


def image_kind(head: bytes) -> str | None:
    """The stored extension for an image whose file starts with `head`, or None."""
    for magic, ext in _MAGIC:
        if head.startswith(magic):
            return ext
    return "webp" if head[:4] == b"RIFF" and head[8:12] == b"WEBP" else None


class AvatarStore:
    """Avatar images, each kept once under the hash of its bytes. Any thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def add_image(self, source: Path) -> str:
        """Keep a copy of the image at `source`; returns the `avatar` value naming it.

        Raises:
            errors.ValidationError: no such file, too large, or not a PNG, JPEG, GIF or WebP.
        """
        try:
            size = source.stat().st_size
            data = source.read_bytes() if size <= MAX_IMAGE_BYTES else b""
        except OSError as exc:
            raise errors.ValidationError(
                errors.said(
                    "Cannot read {name}: {reason}. Pick another image.",
                    name=source.name,
                    reason=exc.strerror or exc,
                )
            ) from None
        if size > MAX_IMAGE_BYTES:
            raise errors.ValidationError(
                errors.said(
                    "{name} is {size}; an avatar image may be at most {most}. Pick a smaller "
                    "image.",
                    name=source.name,
                    size=human_size(size),
                    most=human_size(MAX_IMAGE_BYTES),
                )
            )
        ext = image_kind(data[:16])
        if ext is None:
            raise errors.ValidationError(
                errors.said(
                    "{name} is not a PNG, JPEG, GIF or WebP image: pick one of those.",
                    name=source.name,
                )
            )
        name = f"{hashlib.sha256(data).hexdigest()}.{ext}"
        target = self.folder / name
        if not target.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)  # atomic: never half an image under its name
        return f"{IMAGE_PREFIX}{name}"

    def path_of(self, avatar: Avatar) -> Path | None:
        """The stored file of an image avatar, or None (not an image, or the file is gone)."""
        return self.image_path(avatar.image) if avatar.kind == "image" else None

    def image_path(self, name: str) -> Path | None:
        """The stored image called `name` (an `Avatar.image`), or None if it is not there."""
        if not _IMAGE.match(name):
            return None
        path = self.folder / name
        return path if path.is_file() else None
