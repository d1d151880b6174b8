"""A GPT's avatar in a capsule: a stored image travels as its bytes, an emoji as its text.

What a definition's `avatar` string means is `desktop.core.avatar`'s to say; here an
image avatar's file is found for export, and an imported image is kept in the avatar
store, which names it again by its content. Runs on the caller's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core import errors
from desktop.core.avatar import AvatarStore, parse_avatar
from desktop.core.gpt import GptDefinition


@dataclass(frozen=True)
class Picture:
    """A stored avatar image: its file and the sha256 of its bytes."""

    path: Path
    sha256: str


def picture(definition: GptDefinition, store: AvatarStore, warnings: list[str]) -> Picture | None:
    """The image the GPT's avatar shows, or None (no image, or its file is gone: then why)."""
    avatar = parse_avatar(definition.avatar, definition.name)
    if avatar.kind != "image":
        return None
    path = store.path_of(avatar)
    if path is None:
        warnings.append("The avatar image is missing from this machine; it is left out.")
        return None
    return Picture(path, avatar.image.partition(".")[0])  # stored under its bytes' hash


def header_icon(definition: GptDefinition) -> str:
    """The avatar as a header shows it without the image: an emoji avatar's value, or ""."""
    avatar = parse_avatar(definition.avatar, definition.name)
    return avatar.to_string() if avatar.kind == "emoji" else ""


def keep(source: Path, store: AvatarStore) -> str:
    """Keep an unpacked image in the store; the `avatar` value for it ("" if it is not one)."""
    try:
        return store.add_image(source)
    except errors.ValidationError:
        return ""
