"""DOCX through python-docx: paragraphs and tables in order, located by heading path."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.knowledge.extract.common import (
    HeadingSections,
    cell_text,
    header_names,
    read_limited,
    render_row,
)
from desktop.core.knowledge.extract.safety import open_office_zip
from desktop.core.knowledge.types import Extraction

_HEADING = re.compile(r"^heading ([1-9])$", re.IGNORECASE)


def extract_docx(path: Path, max_bytes: int) -> Extraction:
    """The body's paragraphs and tables, one section per heading.

    A section's location is its heading path ("Install > Linux"); a "Title" paragraph
    sits above the headings. A table's first row is its header and every later row
    reads 'col: value; col: value'. Headers, footers and comments are left out.
    """
    data = read_limited(path, max_bytes)
    open_office_zip(data, path.name, "DOCX").close()
    # Imported here: python-docx pulls in lxml and its whole XML schema on import.
    import docx  # noqa: PLC0415
    from docx.table import Table  # noqa: PLC0415

    document = docx.Document(io.BytesIO(data))
    sections = HeadingSections()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for line in _table_lines(block):
                sections.body(line)
            continue
        text = block.text.strip()
        level = _heading_level(block.style)
        if level is not None and text:
            sections.heading(level, " ".join(text.split()), [text])
        elif text:
            sections.body(text)
    return Extraction(sections.finish())


def _heading_level(style: Any) -> int | None:
    """1-9 for 'Heading N' (or a style based on one), 0 for 'Title', else None."""
    for _ in range(4):  # custom heading styles are usually based on a built-in one
        if style is None:
            return None
        name = style.name or ""
        if name.lower() == "title":
            return 0
        if match := _HEADING.match(name):
            return int(match.group(1))
        style = style.base_style
    return None


def _table_lines(table: Any) -> Iterator[str]:
    header: list[str] = []
    for row in table.rows:
        values = _row_values(row)
        if not header:
            header = header_names(values)
        elif line := render_row(header, values):
            yield line
    if header and len(table.rows) == 1:
        yield "; ".join(header)


def _row_values(row: Any) -> list[str]:
    """Cell texts of a row, a merged cell counted once."""
    values: list[str] = []
    previous = None
    for cell in row.cells:
        if cell._tc is previous:
            continue
        previous = cell._tc
        values.append(cell_text(cell.text))
    return values
