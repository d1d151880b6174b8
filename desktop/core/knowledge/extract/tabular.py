"""CSV and XLSX: every row read with its header, in sections of numbered rows."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from desktop.core.knowledge.extract.common import decode_text, read_limited, table_sections
from desktop.core.knowledge.extract.errors import corrupt
from desktop.core.knowledge.extract.safety import open_office_zip
from desktop.core.knowledge.types import Extraction, Section

_DELIMITERS = ",;\t|"


def extract_csv(path: Path, max_bytes: int) -> Extraction:
    """Rows as 'col: value; col: value', located by record number ('rows 2-40').

    Row numbers count records, header included, the way a spreadsheet shows them: a
    quoted value that spans lines is still one row. Only the delimiter is guessed (comma,
    semicolon, tab or bar); quoting follows RFC 4180.
    """
    text = decode_text(read_limited(path, max_bytes), path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:65_536]))
    try:
        return Extraction(table_sections(enumerate(reader, start=1)))
    except csv.Error as exc:
        raise corrupt(path.name, "CSV", exc) from None


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:  # one column, or nothing the sniffer recognises
        return ","


def extract_xlsx(path: Path, max_bytes: int) -> Extraction:
    """Each worksheet's rows with their header, located 'Sheet1 rows 2-40'.

    The workbook is checked for zip and XML bombs first, then read in openpyxl's
    read-only mode (streamed, so memory stays flat) with cached formula values.
    """
    data = read_limited(path, max_bytes)
    open_office_zip(data, path.name, "XLSX").close()
    # Imported here: openpyxl takes a fifth of a second to import.
    import openpyxl  # type: ignore[import-untyped]  # noqa: PLC0415

    sections: list[Section] = []
    # openpyxl warns about workbook features it drops (data validation extensions,
    # conditional formats); none of them affect the text. Not thread-safe before Python
    # 3.14, which is one more reason to extract in the isolated child process.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                # The stored dimensions are often wrong; without them every row is read.
                sheet.reset_dimensions()
                sections.extend(table_sections(_numbered(sheet), prefix=sheet.title))
        finally:
            book.close()
    return Extraction(sections)


def _numbered(sheet: object) -> Iterator[tuple[int, Sequence[object]]]:
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    yield from enumerate(rows, start=1)
