"""Avatars: the definition's string read back, emoji on a colour, images kept by content."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.avatar import AvatarStore, color_for, emoji_avatar, parse_avatar

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_no_avatar_is_the_initial_on_the_name_s_colour() -> None:
    avatar = parse_avatar("", "travel helper")
    assert (avatar.kind, avatar.text, avatar.color) == ("initial", "T", color_for("travel helper"))
    assert parse_avatar("", "旅行助手").text == "旅"
    assert avatar.to_string() == ""


def test_an_emoji_on_a_colour_round_trips() -> None:
    value = emoji_avatar("🧭", "#1F8A99")
    assert value == "emoji:#1f8a99:🧭"
    avatar = parse_avatar(value, "x")
    assert (avatar.kind, avatar.text, avatar.color) == ("emoji", "🧭", "#1f8a99")
    assert avatar.to_string() == value


def test_bad_emoji_and_colours_are_refused() -> None:
    with pytest.raises(errors.ValidationError, match="emoji"):
        emoji_avatar("two words", "#000000")
    with pytest.raises(errors.ValidationError, match="RRGGBB"):
        emoji_avatar("🧭", "teal")
    assert parse_avatar("emoji:nonsense:🧭", "x").color == color_for("x")
    assert parse_avatar("a long sentence, not an avatar", "Ann").kind == "initial"


def test_an_image_is_kept_once_by_its_content(tmp_path: Path) -> None:
    source = tmp_path / "me.png"
    source.write_bytes(PNG)
    store = AvatarStore(tmp_path / "avatars")
    value = store.add_image(source)
    assert value == store.add_image(source) and value.startswith("image:")
    avatar = parse_avatar(value, "x")
    path = store.path_of(avatar)
    assert avatar.kind == "image" and path is not None and path.read_bytes() == PNG
    assert [p.name for p in (tmp_path / "avatars").iterdir()] == [path.name]


def test_not_an_image_is_a_clear_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(errors.ValidationError, match="PNG, JPEG"):
        AvatarStore(tmp_path / "avatars").add_image(text)
    with pytest.raises(errors.ValidationError, match="Cannot read"):
        AvatarStore(tmp_path / "avatars").add_image(tmp_path / "missing.png")
