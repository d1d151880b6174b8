"""Pictures of text for OCR tests: a page drawn with Pillow, as an image or a scanned PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

# Debian and Ubuntu's fonts-noto-cjk (which .ci/run installs), macOS, Windows.
CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)


def cjk_font(size: int = 44) -> ImageFont.FreeTypeFont:
    """A font with Chinese glyphs, or the test is skipped saying which package to install."""
    for path in CJK_FONTS:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    pytest.skip("no CJK font to draw Chinese with: install fonts-noto-cjk")


def scanned_page(lines: list[str], size: tuple[int, int] = (1240, 1754)) -> Image.Image:
    """A white A4 page at 150 dpi with `lines` in black, as a scanner would give it."""
    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    font = cjk_font()
    for number, line in enumerate(lines):
        draw.text((100, 120 + number * 90), line, fill=0, font=font)
    return page


def scanned_pdf(pages: list[Image.Image]) -> bytes:
    """A PDF of image-only pages, as a scanner writes it (no text layer)."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    return out.getvalue()
