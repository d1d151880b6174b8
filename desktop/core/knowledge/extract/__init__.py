"""Text out of knowledge files (PDF, text, Markdown, HTML, CSV, DOCX, XLSX, JSON, images).

Scanned PDF pages and image files are read by text recognition where the optional OCR
engine is installed (see extract.ocr).

`extract` reads a file in this process; `extract_isolated` and `IsolatedExtractor` read
it in a child process with a time and memory limit, so that a hostile or broken file
costs one error and nothing else. Both run on the calling (worker) thread and raise the
typed errors of `extract.errors`, whose messages say what to do.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import cast

from desktop.core.errors import CapsuleError, Said, said
from desktop.core.knowledge.extract.common import MB, size_error
from desktop.core.knowledge.extract.errors import (
    ExtractionError,
    UnsupportedFileError,
    corrupt,
)
from desktop.core.knowledge.extract.isolated import IsolatedExtractor, extract_isolated
from desktop.core.knowledge.types import Extraction, PageCallback

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "ExtractionError",
    "IsolatedExtractor",
    "extract",
    "extract_isolated",
]

DEFAULT_MAX_BYTES = 200 * MB
_log = logging.getLogger(__name__)

# suffix -> (module, function, kind for messages); modules load on first use, so that
# importing this package stays cheap and the child process loads only what it needs.
_FORMATS: dict[str, tuple[str, str, str]] = {
    ".pdf": ("pdf", "extract_pdf", "PDF"),
    ".txt": ("text", "extract_text", "text"),
    ".text": ("text", "extract_text", "text"),
    ".md": ("markdown", "extract_markdown", "Markdown"),
    ".markdown": ("markdown", "extract_markdown", "Markdown"),
    ".html": ("html", "extract_html", "HTML"),
    ".htm": ("html", "extract_html", "HTML"),
    ".xhtml": ("html", "extract_html", "HTML"),
    ".csv": ("tabular", "extract_csv", "CSV"),
    ".tsv": ("tabular", "extract_csv", "TSV"),
    ".docx": ("docx", "extract_docx", "DOCX"),
    ".xlsx": ("tabular", "extract_xlsx", "XLSX"),
    ".xlsm": ("tabular", "extract_xlsx", "XLSX"),
    ".json": ("text", "extract_json", "JSON"),
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".gif"),
        ("image", "extract_image", "image"),
    ),
}
SUFFIXES = frozenset(_FORMATS)
# Formats people often have that these extractors cannot read, with what to do instead.
_CONVERT = {  # how to make a readable file of it: save as, save as (or PDF), export, convert
    ".doc": ("save", ".docx"),
    ".xls": ("save", ".xlsx"),
    ".ppt": ("export", "PDF"),
    ".pptx": ("export", "PDF"),
    ".odt": ("save or PDF", ".docx"),
    ".ods": ("save", ".xlsx"),
    ".rtf": ("save or PDF", ".docx"),
    ".epub": ("convert", "PDF"),
}

Extractor = Callable[..., Extraction]


def extract(
    path: Path,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_page: PageCallback | None = None,
) -> Extraction:
    """Read one file's text into sections, choosing the reader by the file's extension.

    An unknown extension is read as text if its bytes decode as text. Runs on the
    calling thread; prefer `extract_isolated` for files from outside.

    Args:
        path: the file.
        password: for an encrypted PDF; ignored otherwise.
        max_bytes: a larger file is refused before it is read.
        on_page: hears `(done, total)` after each page read by text recognition.

    Raises:
        ExtractionError: any of its subclasses, with a message that says what to do.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _CONVERT:
        raise UnsupportedFileError(_convert_advice(path.name, suffix))
    module, function, kind = _FORMATS.get(suffix, ("text", "extract_text", "text"))
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the read below raises the error that says what is wrong
    if size > max_bytes:
        raise size_error(path.name, size, max_bytes)
    reader = _load(module, function)
    try:
        if module == "pdf":
            return reader(path, max_bytes, password, on_page)
        if module == "image":
            return reader(path, max_bytes, on_page)
        return reader(path, max_bytes)
    except UnsupportedFileError:
        if suffix in _FORMATS:
            raise
        raise UnsupportedFileError(
            said(
                "{name} is not a file type Capsule Studio can read. Add PDF, text, "
                "Markdown, HTML, CSV, DOCX, XLSX, JSON or image files, or convert it to one "
                "of them.",
                name=path.name,
            )
        ) from None
    except (CapsuleError, MemoryError):
        raise
    except RecursionError as exc:
        raise corrupt(path.name, kind, "nested too deeply") from exc
    except Exception as exc:
        # Parsers fail on damaged files in many ways (KeyError, ValueError, zlib.error,
        # struct.error ...); each means the same to a person: this file cannot be read.
        _log.debug("extracting %s failed", path, exc_info=True)
        raise corrupt(path.name, kind, f"{type(exc).__name__}: {exc}") from exc


def _convert_advice(name: str, suffix: str) -> Said:
    how, target = _CONVERT[suffix]
    if how == "save":
        return said(
            "{name} is a {suffix} file, which Capsule Studio cannot read: save it as {target} "
            "and add that instead.",
            name=name,
            suffix=suffix,
            target=target,
        )
    if how == "save or PDF":
        return said(
            "{name} is a {suffix} file, which Capsule Studio cannot read: save it as {target} "
            "or PDF and add that instead.",
            name=name,
            suffix=suffix,
            target=target,
        )
    if how == "export":
        return said(
            "{name} is a {suffix} file, which Capsule Studio cannot read: export it as "
            "{target} and add that instead.",
            name=name,
            suffix=suffix,
            target=target,
        )
    return said(
        "{name} is a {suffix} file, which Capsule Studio cannot read: convert it to {target} "
        "and add that instead.",
        name=name,
        suffix=suffix,
        target=target,
    )


def _load(module: str, function: str) -> Extractor:
    loaded = importlib.import_module(f"{__name__}.{module}")
    return cast(Extractor, getattr(loaded, function))
