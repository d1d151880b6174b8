"""Helpers every extractor shares: bounded reads, text decoding, clean text, row sections."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.core.errors import said
from desktop.core.knowledge.extract.errors import (
    ExtractionError,
    FileTooLargeError,
    UnsupportedFileError,
)
from desktop.core.knowledge.types import Section

MB = 1024 * 1024
# Rows of a table go into sections of at most this many rows or characters, so that a
# citation can say "rows 2-40" and a section stays a readable size.
ROWS_PER_SECTION = 40
CHARS_PER_SECTION = 4000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, form feed and carriage return: many of them
# in a file mean bytes, not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Half of a UTF-16 pair on its own (some PDFs' text maps make them): not storable as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def size_error(name: str, size: int, max_bytes: int) -> FileTooLargeError:
    return FileTooLargeError(
        said(
            "{name} is {size} MB, more than the {limit} MB allowed for one file. Split it "
            "into smaller files and add those instead.",
            name=name,
            size=f"{size / MB:.1f}",
            limit=f"{max_bytes / MB:.0f}",
        )
    )


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The whole file, refusing one over `max_bytes` (checked again while reading)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise UnsupportedFileError(
            said("{name} is a folder, not a file. Add the files inside it instead.", name=path.name)
        ) from None
    except FileNotFoundError:
        raise ExtractionError(
            said(
                "{name} no longer exists at {folder}. Add it again from where it is now.",
                name=path.name,
                folder=path.parent,
            )
        ) from None
    except PermissionError:
        raise ExtractionError(
            said(
                "Capsule Studio may not read {name}. Check the file's permissions, "
                "or copy it to a folder you own and add the copy.",
                name=path.name,
            )
        ) from None
    except OSError as exc:
        raise ExtractionError(
            said(
                "{name} could not be read ({reason}). "
                "Check that the disk or network folder is available and try again.",
                name=path.name,
                reason=exc.strerror or exc,
            )
        ) from None
    if len(data) > max_bytes:
        raise size_error(path.name, path.stat().st_size, max_bytes)
    return data


def clean(text: str) -> str:
    """Text safe to store: Unix newlines, no NUL characters, no lone surrogates."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return _SURROGATE.sub("\ufffd", text)


def decode_text(data: bytes, name: str) -> str:
    """Bytes as text: a BOM first, then strict UTF-8, then charset-normalizer's best guess.

    Raises:
        UnsupportedFileError: the bytes are not text in any encoding the detector knows.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return clean(data.decode(encoding, errors="replace"))
    text: str | None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
        if b"\x00" not in data[:8192]:
            # Imported here: most text is UTF-8 and never needs the detector.
            from charset_normalizer import from_bytes  # noqa: PLC0415

            best = from_bytes(data).best()
            text = None if best is None else str(best)
    if text is None or len(_CONTROL.findall(text[:8192])) > 8:
        raise UnsupportedFileError(
            said(
                "{name} is not text in any encoding Capsule Studio recognises. If it is a "
                "document, save it as PDF, DOCX or UTF-8 text and add that instead.",
                name=name,
            )
        )
    return clean(text)


def cell_text(value: object) -> str:
    """A table cell as display text: integral floats without '.0', no surrounding space."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return " ".join(str(value).split())


def render_row(header: Sequence[str], values: Sequence[object]) -> str:
    """One row as 'col: value; col: value', skipping empty cells."""
    parts = []
    for index, value in enumerate(values):
        text = cell_text(value)
        if not text:
            continue
        column = header[index] if index < len(header) and header[index] else f"column {index + 1}"
        parts.append(f"{column}: {text}")
    return "; ".join(parts)


def header_names(values: Sequence[object]) -> list[str]:
    """Column names from a header row; blank ones become 'column N', trailing blanks go."""
    names = [cell_text(value) for value in values]
    while names and not names[-1]:
        names.pop()
    return [name or f"column {index + 1}" for index, name in enumerate(names)]


def row_sections(rows: Iterable[tuple[int, str]], prefix: str = "") -> list[Section]:
    """Group numbered, rendered rows into sections located 'rows 2-40' (after `prefix`)."""
    sections: list[Section] = []
    lines: list[str] = []
    first = last = 0
    size = 0

    def flush() -> None:
        if lines:
            where = f"row {first}" if first == last else f"rows {first}-{last}"
            location = f"{prefix} {where}" if prefix else where
            sections.append(Section(clean("\n".join(lines)), location=location))
            lines.clear()

    for number, line in rows:
        if not line:
            continue
        if lines and (len(lines) >= ROWS_PER_SECTION or size + len(line) > CHARS_PER_SECTION):
            flush()
        if not lines:
            first, size = number, 0
        lines.append(line)
        last = number
        size += len(line) + 1
    flush()
    return sections


def table_sections(rows: Iterable[tuple[int, Sequence[object]]], prefix: str = "") -> list[Section]:
    """Numbered rows of a table as sections; the first non-empty row is the header.

    Every later row reads 'header: value; header: value'. A table with a header and no
    rows still gives one section, so that its column names can be found.
    """
    header: list[str] = []
    header_row = 0

    def rendered() -> Iterable[tuple[int, str]]:
        nonlocal header, header_row
        for number, values in rows:
            if header:
                yield number, render_row(header, values)
            elif any(cell_text(value) for value in values):
                header, header_row = header_names(values), number

    sections = row_sections(rendered(), prefix)
    if not sections and header:
        where = f"{prefix} row {header_row}" if prefix else f"row {header_row}"
        sections.append(Section(clean("; ".join(header)), location=where))
    return sections


class HeadingSections:
    """Builds sections that start at headings, each located by its heading path.

    A section holds its heading's lines and the body lines up to the next heading; one
    with no body is dropped (its title lives on in its children's locations).
    """

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.path: list[tuple[int, str]] = []
        self.lines: list[str] = []
        self.head = 0  # how many of `lines` are the heading itself

    def heading(self, level: int, title: str, lines: list[str]) -> None:
        self._flush()
        while self.path and self.path[-1][0] >= level:
            self.path.pop()
        if title:
            self.path.append((level, title))
        self.lines = list(lines)
        self.head = len(lines)

    def body(self, line: str) -> None:
        self.lines.append(line)

    def last_body_line(self) -> str | None:
        return self.lines[-1] if len(self.lines) > self.head else None

    def pop_body_line(self) -> str:
        return self.lines.pop()

    def finish(self) -> list[Section]:
        self._flush()
        return self.sections

    def _flush(self) -> None:
        if any(line.strip() for line in self.lines[self.head :]):
            location = " > ".join(title for _, title in self.path)
            text = clean("\n".join(self.lines).strip("\n"))
            self.sections.append(Section(text, location=location))
        self.lines = []
        self.head = 0
