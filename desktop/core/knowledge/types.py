"""The values that flow through knowledge ingestion: sections, extractions, chunks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

PageCallback = Callable[[int, int], None]
"""Hears that `done` of `total` pages were read (by text recognition, which is slow)."""


@dataclass(frozen=True)
class Section:
    """A piece of a document with its place: a PDF page, a sheet's rows, a heading path.

    `page` is 1-based for paged formats (PDF), else None. `location` is a short human
    label of where the text sits ("Sheet1 rows 2-40", "Install > Linux", "row 12").
    """

    text: str
    page: int | None = None
    location: str = ""
    ocr: bool = False  # read from a picture of the page by text recognition


@dataclass(frozen=True)
class Extraction:
    """Everything an extractor read from one file.

    `pages` counts pages for paged formats (0 otherwise); `warnings` are per-part problems
    that did not stop the file, such as "page 3: scanned page, no text layer".
    """

    sections: list[Section]
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Chunk:
    """A retrievable piece of a file: its text and where it came from.

    `start` and `end` are character offsets of the chunk within its section's text;
    `section` is the section's index in the extraction; `ocr` says its section was read
    by text recognition (citations show it: the text may hold misread characters).
    """

    file_id: str
    index: int
    text: str
    page: int | None
    location: str
    section: int
    start: int
    end: int
    ocr: bool = False
