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

from desktop.core.errors import said
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
            said(
                "{name} is empty. Add it again once it has been saved or copied completely.",
                name=path.name,
            )
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
        raise ocr.missing_for_picture(path.name)
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
    limit = MAX_PIXELS // 1_000_000
    if width:
        message = said(
            "{name} is {width} x {height} pixels: at most {limit} million pixels are read. "
            "Scale it down (300 dpi is plenty for text) and add it again.",
            name=name,
            width=width,
            height=height,
            limit=limit,
        )
    else:
        message = said(
            "{name} is more pixels than allowed: at most {limit} million pixels are read. "
            "Scale it down (300 dpi is plenty for text) and add it again.",
            name=name,
            limit=limit,
        )
    return FileTooLargeError(message)
