"""Image files (PNG, JPEG, TIFF, BMP, WebP, GIF) read by text recognition, page by page.

Pillow opens the file and checks it before any pixel is decoded: a picture larger than
`MAX_PIXELS` (a decompression bomb, or a poster scanned at 1200 dpi) is refused, and so
is a file Pillow cannot read. A multi-page TIFF gives one section per page.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from desktop.core.knowledge.extract import ocr
from desktop.core.knowledge.extract.common import clean, read_limited
from desktop.core.knowledge.extract.errors import EmptyFileError, FileTooLargeError, corrupt
from desktop.core.knowledge.types import Extraction, PageCallback, Section

MAX_PIXELS = 40_000_000  # an A4 page at 600 dpi is 35 million
MAX_FRAMES = 500


def extract_image(path: Path, max_bytes: int, on_page: PageCallback | None = None) -> Extraction:
    """The text of each page (frame) of an image file, read by OCR.

    Raises:
        OcrUnavailableError: the OCR engine is not installed.
        FileTooLargeError: a page has more than `MAX_PIXELS` pixels.
        CorruptFileError, EmptyFileError: Pillow cannot read it.
    """
    data = read_limited(path, max_bytes)
    if not data:
        raise EmptyFileError(
            f"{path.name} is empty. Add it again once it has been saved or copied completely."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            frames = getattr(picture, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large(path.name) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise corrupt(path.name, "image", exc) from None
    if frames > MAX_FRAMES:
        raise corrupt(path.name, "image", f"{frames} pages, at most {MAX_FRAMES} are read")
    for frame in ImageSequence.Iterator(picture):
        if frame.size[0] * frame.size[1] > MAX_PIXELS:
            raise _too_large(path.name, *frame.size)
    if not ocr.available():
        raise ocr.missing(f"{path.name} is a picture: reading its text")
    sections, warnings_ = [], []
    for number, frame in enumerate(ImageSequence.Iterator(picture), 1):
        try:
            text = clean(ocr.read_image(frame)).strip()
        except OSError as exc:  # truncated or damaged pixel data shows up on decoding
            raise corrupt(path.name, "image", exc) from None
        page = number if frames > 1 else None
        if text:
            where = f"page {number}" if frames > 1 else "image"
            sections.append(Section(text, page=page, location=where, ocr=True))
        else:
            warnings_.append(f"page {number}: no text found" if frames > 1 else "no text found")
        if on_page is not None:
            on_page(number, frames)
    return Extraction(sections, pages=frames if frames > 1 else 0, warnings=warnings_)


def _too_large(name: str, width: int = 0, height: int = 0) -> FileTooLargeError:
    size = f"{width} x {height} pixels" if width else "more pixels than allowed"
    return FileTooLargeError(
        f"{name} is {size}: at most {MAX_PIXELS // 1_000_000} million pixels are read. "
        f"Scale it down (300 dpi is plenty for text) and add it again."
    )
