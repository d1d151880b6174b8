"""Tests for desktop/core/avatar.py: the avatar string's forms and the stored images."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.avatar import (
    PALETTE,
    Avatar,
    AvatarStore,
    color_for,
    emoji_avatar,
    image_kind,
    initial_of,
    parse_avatar,
)


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real, tiny PNG (red pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_no_avatar_is_the_initial_on_the_names_colour() -> None:
    avatar = parse_avatar("", "travel helper")
    assert avatar == Avatar("initial", "T", color_for("travel helper"))
    assert avatar.to_string() == ""
    assert color_for("travel helper") in PALETTE
    assert color_for("travel helper") == color_for(" travel helper ")


def test_initials_of_chinese_and_odd_names() -> None:
    assert initial_of("旅行助手") == "旅"
    assert initial_of("  ✨ bright") == "B"
    assert initial_of("!!!") == "?"


def test_an_emoji_on_a_colour_round_trips() -> None:
    value = emoji_avatar("🦊", "#AA3300")
    assert value == "emoji:#aa3300:🦊"
    assert parse_avatar(value, "Fox") == Avatar("emoji", "🦊", "#aa3300")
    assert parse_avatar(value, "Fox").to_string() == value


def test_a_long_emoji_sequence_is_one_avatar() -> None:
    family = "👩\u200d👩\u200d👧\u200d👦"
    assert parse_avatar(emoji_avatar(family, "#123456"), "x").text == family


@pytest.mark.parametrize(
    ("emoji", "color", "problem"),
    [
        ("", "#112233", "1 to 16 characters"),
        ("a b", "#112233", "without spaces"),
        ("x" * 17, "#112233", "1 to 16 characters"),
        ("🦊", "red", "#RRGGBB"),
    ],
)
def test_bad_emoji_avatars_are_refused(emoji: str, color: str, problem: str) -> None:
    with pytest.raises(errors.ValidationError, match=problem):
        emoji_avatar(emoji, color)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("🤖", Avatar("emoji", "🤖", color_for("Bot"))),  # a bare emoji written by hand
        ("emoji:#zzzzzz:🤖", Avatar("emoji", "🤖", color_for("Bot"))),  # a bad colour
        ("emoji:#112233:", Avatar("initial", "B", color_for("Bot"))),
        ("image:not-a-hash.png", Avatar("initial", "B", color_for("Bot"))),
        ("a whole sentence, not an avatar", Avatar("initial", "B", color_for("Bot"))),
    ],
)
def test_other_strings_are_read_leniently(value: str, expected: Avatar) -> None:
    assert parse_avatar(value, "Bot") == expected


def test_image_kinds_by_their_first_bytes() -> None:
    assert image_kind(png_bytes()) == "png"
    assert image_kind(b"\xff\xd8\xff\xe0rest") == "jpg"
    assert image_kind(b"GIF89a....") == "gif"
    assert image_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert image_kind(b"%PDF-1.7") is None


def test_images_are_kept_once_by_content(tmp_path: Path) -> None:
    store = AvatarStore(tmp_path / "avatars")
    first = tmp_path / "me.png"
    first.write_bytes(png_bytes())
    again = tmp_path / "copy-of-me.png"
    again.write_bytes(png_bytes())

    value = store.add_image(first)
    assert store.add_image(again) == value
    avatar = parse_avatar(value, "Me")
    assert avatar.kind == "image" and avatar.text == "M"
    kept = store.path_of(avatar)
    assert kept is not None and kept.read_bytes() == png_bytes()
    assert [p.name for p in (tmp_path / "avatars").iterdir()] == [avatar.image]

    assert store.image_path(avatar.image) == kept
    assert store.image_path("../../etc/passwd") is None  # only stored names
    first.unlink()  # the user's file may go; the kept copy stays
    assert store.path_of(avatar) == kept
    kept.unlink()
    assert store.path_of(avatar) is None
    assert store.path_of(parse_avatar("", "Me")) is None


def test_files_that_are_not_images_or_too_large_are_refused(tmp_path: Path) -> None:
    store = AvatarStore(tmp_path / "avatars")
    text = tmp_path / "notes.png"
    text.write_text("not an image")
    with pytest.raises(errors.ValidationError, match="not a PNG, JPEG, GIF or WebP"):
        store.add_image(text)
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_bytes() + b"\x00" * (5 * 1024 * 1024))
    with pytest.raises(errors.ValidationError, match="at most"):
        store.add_image(huge)
    with pytest.raises(errors.ValidationError, match="Cannot read"):
        store.add_image(tmp_path / "missing.png")
    assert not (tmp_path / "avatars").exists()
