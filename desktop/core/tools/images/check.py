"""Is it really an image? Bytes from an image server, checked with Pillow before they are saved.

Only PNG, JPEG and WebP pass: the formats every viewer shows, and few decoders to trust.
The header's dimensions are checked before any pixel is decoded (a small file may claim
to be gigapixels), then the whole image is decoded once, so a truncated or damaged file
is refused here rather than shown broken.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from desktop.core import errors

FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}  # Pillow's name -> file extension
MAX_PIXELS = 36_000_000  # 6000 x 6000: above every generator's largest size, below Pillow's cap
MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class CheckedImage:
    """What the check learnt: Pillow's format name, the file extension, and the size."""

    format: str
    extension: str
    width: int
    height: int


def check_image(
    data: bytes, *, max_pixels: int = MAX_PIXELS, max_bytes: int = MAX_BYTES
) -> CheckedImage:
    """The image in `data`, or `errors.ToolError` saying why it is not one we keep."""
    if not data:
        raise _refused("it is empty")
    if len(data) > max_bytes:
        raise _refused(f"it is larger than {max_bytes // (1024 * 1024)} MB")
    kind, width, height = _header(data, max_pixels)
    if width < 1 or height < 1 or width * height > max_pixels:
        raise _refused(f"it claims {width} x {height} pixels, more than the {max_pixels:,} allowed")
    _decode(data)
    return CheckedImage(kind, FORMATS[kind], width, height)


def _header(data: bytes, max_pixels: int) -> tuple[str, int, int]:
    try:
        with Image.open(io.BytesIO(data), formats=tuple(FORMATS)) as image:
            kind, (width, height) = image.format or "", image.size
            image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refused(f"it claims more than {max_pixels:,} pixels") from None
    except UnidentifiedImageError:
        raise _refused("it is not a PNG, JPEG or WebP image") from None
    except Exception:  # a hostile file may break a decoder in any way
        raise _refused("its data is damaged") from None
    if kind not in FORMATS:
        raise _refused(f"it is a {kind or 'unknown'} image, not PNG, JPEG or WebP")
    return kind, width, height


def _decode(data: bytes) -> None:
    """Decode every pixel once: `verify` does not catch a truncated JPEG or WebP."""
    try:
        with Image.open(io.BytesIO(data), formats=tuple(FORMATS)) as image:
            image.load()
    except Exception:  # a hostile file may break a decoder in any way
        raise _refused("its data is damaged or cut short") from None


def _refused(why: str) -> errors.ToolError:
    return errors.ToolError(
        f"The image server sent something that cannot be shown ({why}); nothing was saved. "
        "Try again; if it keeps happening, tell the user to check the image generation model."
    )
