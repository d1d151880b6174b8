"""PDF text, page by page, through pypdf: passwords, scanned pages and form fields.

A page with no text layer but an image is a scanned page: text recognition reads it
where the OCR engine is installed (extract.ocr), and its section is marked `ocr`.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from desktop.core.errors import said
from desktop.core.knowledge.extract import ocr
from desktop.core.knowledge.extract.common import clean, read_limited
from desktop.core.knowledge.extract.errors import (
    EmptyFileError,
    NeedsPasswordError,
    UnsupportedFileError,
    WrongPasswordError,
    corrupt,
)
from desktop.core.knowledge.types import Extraction, PageCallback, Section

SCANNED = "scanned page, no text layer"

# pypdf logs a warning for every repair it makes to a damaged file ("Ignoring wrong
# pointing object"); they mean nothing to a person and would land on the console.
# Errors still get through.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def extract_pdf(
    path: Path, max_bytes: int, password: str | None = None, on_page: PageCallback | None = None
) -> Extraction:
    """One section per page that has text, with its 1-based page number.

    Scanned pages are read by OCR where it is installed, each reported to `on_page`
    (done, total scanned pages). Pages without text get a warning instead ("page 3:
    scanned page, no text layer" when the page holds an image and OCR is missing).
    Filled-in AcroForm fields become a last section located "form fields". A password
    is used only when the file is encrypted; a file with an owner password alone (print
    or copy restrictions) opens without one.

    Raises:
        EmptyFileError, CorruptFileError, NeedsPasswordError, WrongPasswordError,
        UnsupportedFileError: see their messages.
    """
    data = read_limited(path, max_bytes)
    if not data.strip():
        raise EmptyFileError(
            said(
                "{name} is empty. Add it again once it has been saved or downloaded completely.",
                name=path.name,
            )
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, path.name, password)
        count = len(reader.pages)
    except (DependencyError, NotImplementedError) as exc:
        # pypdf's word for an encryption it cannot open, raised on opening or decrypting.
        raise UnsupportedFileError(
            said(
                "{name} is encrypted in a way Capsule Studio cannot open ({reason}). Open it "
                "in a PDF reader and save or print an unprotected copy, then add the copy.",
                name=path.name,
                reason=exc,
            )
        ) from None
    except PyPdfError as exc:
        raise corrupt(path.name, "PDF", exc) from None
    pages: dict[int, Section] = {}
    problems: dict[int, str] = {}
    for number in range(1, count + 1):
        text, problem = _page_text(reader, number)
        if text:
            pages[number] = Section(text, page=number, location=f"page {number}")
        else:
            problems[number] = problem
    _read_scans(data, pages, problems, on_page)
    sections = [pages[number] for number in sorted(pages)]
    warnings = [f"page {number}: {problems[number]}" for number in sorted(problems)]
    fields, problem = _form_fields(reader)
    if fields:
        sections.append(Section(fields, location="form fields"))
    if problem:
        warnings.append(problem)
    return Extraction(sections, pages=count, warnings=warnings)


def _read_scans(
    data: bytes, pages: dict[int, Section], problems: dict[int, str], on_page: PageCallback | None
) -> None:
    """Move the scanned pages of `problems` to `pages` by OCR, or say how to get it."""
    scanned = [number for number, problem in problems.items() if problem == SCANNED]
    if scanned and ocr.available():
        for number, text in _recognised(data, scanned, on_page).items():
            if text:
                pages[number] = Section(text, page=number, location=f"page {number}", ocr=True)
                del problems[number]
            else:
                problems[number] = "scanned page, no text found by OCR"
    else:
        for number in scanned:
            problems[number] = f"{SCANNED} (install the OCR engine to read it)"


def _recognised(data: bytes, numbers: list[int], on_page: PageCallback | None) -> dict[int, str]:
    done = 0

    def page_done(_number: int) -> None:
        nonlocal done
        done += 1
        if on_page is not None:
            on_page(done, len(numbers))

    return {n: clean(text).strip() for n, text in ocr.pdf_pages(data, numbers, page_done).items()}


def _unlock(reader: PdfReader, name: str, password: str | None) -> None:
    if not reader.is_encrypted:
        return
    # The empty user password opens a file that has an owner password only.
    if reader.decrypt("") != PasswordType.NOT_DECRYPTED:
        return
    if password and reader.decrypt(password) != PasswordType.NOT_DECRYPTED:
        return
    if password:
        raise WrongPasswordError(
            said(
                "The password for {name} is not right. Check it (capital letters count) "
                "and enter it again.",
                name=name,
            )
        )
    raise NeedsPasswordError(
        said(
            "{name} is protected with a password. Enter the password to add it, or add an "
            "unprotected copy.",
            name=name,
        )
    )


def _page_text(reader: PdfReader, number: int) -> tuple[str, str]:
    """The page's text, or "" and why there is none."""
    try:
        page = reader.pages[number - 1]
        text = clean(page.extract_text())
    except MemoryError:
        raise
    except Exception as exc:  # one damaged page must not cost the file its other pages
        return "", f"text could not be read ({type(exc).__name__}: {exc})"
    if text.strip():
        return text, ""
    return "", SCANNED if _has_images(page) else "no text on this page"


def _has_images(page: Any) -> bool:
    try:
        return len(page.images) > 0
    except MemoryError:
        raise
    except Exception:  # an unreadable image is still an image-only page to the reader
        return True


def _form_fields(reader: PdfReader) -> tuple[str, str]:
    """Filled-in form fields as 'name: value' lines, and a warning if they are unreadable."""
    try:
        fields = reader.get_fields() or {}
    except MemoryError:
        raise
    except Exception as exc:  # the pages were read; losing the form is worth a warning only
        return "", f"form fields could not be read ({type(exc).__name__}: {exc})"
    lines = []
    for name, field in fields.items():
        value = _field_value(field.get("/V") if hasattr(field, "get") else None)
        if value:
            lines.append(f"{name}: {value}")
    return clean("\n".join(lines)), ""


def _field_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(filter(None, (_field_value(item) for item in value)))
    text = str(value).strip()
    if text.startswith("/"):  # a checkbox or radio state: /Off is empty, /Yes is "Yes"
        text = "" if text == "/Off" else text[1:]
    return " ".join(text.split())
