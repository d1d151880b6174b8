"""Text out of pictures of text: scanned PDF pages and image files, through RapidOCR.

RapidOCR runs PaddleOCR's detection and recognition models (Chinese and English in one
model, Apache-2.0, shipped inside the `rapidocr` wheel) on onnxruntime, offline; PDF
pages are rendered by pdfium (`pypdfium2`). All three are optional: `pip install
"capsule-studio[ocr]"`. The only module that imports them. Runs in the isolated
extraction child (see extract.child), one page at a time on its main thread; the engine
loads once per child and raises the child's memory cap to `child.OCR_MEMORY` first.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Callable
from typing import Any

from desktop.core.errors import said
from desktop.core.knowledge.extract.errors import OcrUnavailableError

PDF_DPI = 200  # render scanned pages at this resolution...
MAX_SIDE = 2400  # ...but no larger than this many pixels on the long side
_MODULES = ("rapidocr", "onnxruntime", "pypdfium2")
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")

_engine: Any = None
_lock = threading.Lock()


def available() -> bool:
    """Whether the OCR engine and the PDF renderer are installed (nothing is imported)."""
    return all(importlib.util.find_spec(name) is not None for name in _MODULES)


def missing_for_picture(name: str) -> OcrUnavailableError:
    """The error for picture `name`, whose text only the optional OCR engine could read."""
    return OcrUnavailableError(
        said(
            "{name} is a picture: reading its text needs text recognition (OCR), and the "
            "optional OCR engine is not installed.",
            name=name,
        )
    )


def _ocr() -> Any:
    global _engine  # noqa: PLW0603 (one engine per process: loading it takes seconds)
    with _lock:
        if _engine is None:
            from desktop.core.knowledge.extract import child  # noqa: PLC0415

            child.allow_ocr_memory()
            from rapidocr import RapidOCR  # noqa: PLC0415

            _engine = RapidOCR(params={"Global.log_level": "error"})
        return _engine


def read_image(image: Any) -> str:
    """The text of a PIL image, line by line in reading order ("" when it holds none)."""
    found = _ocr()(image.convert("RGB"))
    if found.boxes is None or not found.txts:
        return ""
    pieces = [
        (float(min(p[1] for p in box)), float(max(p[1] for p in box)), float(box[0][0]), text)
        for box, text in zip(found.boxes, found.txts, strict=True)
        if text.strip()
    ]
    return "\n".join(_lines(pieces))


def _lines(pieces: list[tuple[float, float, float, str]]) -> list[str]:
    """Pieces (top, bottom, left, text) joined into lines: one line per band of height."""
    lines: list[list[tuple[float, float, float, str]]] = []
    for piece in sorted(pieces):
        top, bottom = piece[0], piece[1]
        if lines:
            last = lines[-1]
            middle = (last[0][0] + last[0][1]) / 2
            if top <= middle <= bottom:  # overlaps the line's first piece: the same line
                last.append(piece)
                continue
        lines.append([piece])
    return [_joined(sorted(line, key=lambda p: p[2])) for line in lines]


def _joined(line: list[tuple[float, float, float, str]]) -> str:
    text = line[0][3]
    for piece in line[1:]:
        # Chinese needs no space between pieces; a space would split a word for search.
        both_cjk = _CJK.match(text[-1:]) and _CJK.match(piece[3][:1])
        text += ("" if both_cjk else " ") + piece[3]
    return text


def pdf_pages(data: bytes, pages: list[int], on_page: Callable[[int], None]) -> dict[int, str]:
    """The OCR text of the given 1-based pages of a PDF, `on_page(number)` after each."""
    import pypdfium2  # noqa: PLC0415

    texts: dict[int, str] = {}
    document = pypdfium2.PdfDocument(data)
    try:
        for number in pages:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                scale = min(PDF_DPI / 72, MAX_SIDE / max(width, height, 1))
                bitmap = page.render(scale=scale)
                texts[number] = read_image(bitmap.to_pil())
            finally:
                page.close()
            on_page(number)
    finally:
        document.close()
    return texts
