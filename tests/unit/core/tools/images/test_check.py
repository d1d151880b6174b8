"""check_image: what passes as an image, and what is refused before it is saved."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from desktop.core import errors
from desktop.core.tools.images import MAX_PIXELS, CheckedImage, check_image


def encoded(kind: str, size: tuple[int, int] = (12, 7)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(out, kind)
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` x `height` pixels but holds almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b"\x00" * 16))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "kind,found",
    [
        ("PNG", CheckedImage("PNG", "png", 12, 7)),
        ("JPEG", CheckedImage("JPEG", "jpg", 12, 7)),
        ("WEBP", CheckedImage("WEBP", "webp", 12, 7)),
    ],
)
def test_png_jpeg_and_webp_pass(kind: str, found: CheckedImage) -> None:
    assert check_image(encoded(kind)) == found


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"definitely not an image", "not a PNG, JPEG or WebP"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG, JPEG or WebP"),
        (encoded("GIF"), "not a PNG, JPEG or WebP"),
        (encoded("BMP"), "not a PNG, JPEG or WebP"),
        (encoded("PNG", (64, 64))[:-40], "damaged"),
        (encoded("JPEG", (64, 64))[:200], "damaged"),
    ],
)
def test_anything_else_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(errors.ToolError, match=reason) as caught:
        check_image(data)
    assert "nothing was saved" in str(caught.value)


def test_a_decompression_bomb_header_is_refused_before_decoding() -> None:
    with pytest.raises(errors.ToolError, match="pixels"):
        check_image(png_claiming(100_000, 100_000))


def test_a_header_past_our_own_cap_is_refused() -> None:
    side = int(MAX_PIXELS**0.5) + 1  # under Pillow's limit, over ours
    with pytest.raises(errors.ToolError, match=f"{side} x {side} pixels"):
        check_image(png_claiming(side, side))


def test_the_caps_can_be_lowered() -> None:
    with pytest.raises(errors.ToolError, match="more than the 50 allowed"):
        check_image(encoded("PNG"), max_pixels=50)
    with pytest.raises(errors.ToolError, match="larger than"):
        check_image(encoded("PNG"), max_bytes=10)
