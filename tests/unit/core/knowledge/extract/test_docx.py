from __future__ import annotations

from pathlib import Path

import docx
import pytest

from desktop.core.knowledge.extract import extract
from desktop.core.knowledge.extract.errors import CorruptFileError, UnsupportedFileError


def make_document(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Team handbook", style="Title")
    document.add_paragraph("Read this first.")
    document.add_heading("Install", level=1)
    document.add_heading("Linux", level=2)
    document.add_paragraph("Download the AppImage.")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(
        table.rows,
        [["Distro", "Package", "Notes"], ["Ubuntu", "deb", ""], ["Fedora", "rpm", "tested"]],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("After the table.")
    document.add_heading("Windows", level=2)
    document.add_paragraph("Run the installer.")
    document.add_heading("使用", level=1)
    document.add_paragraph("打开应用。")
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL header"
    document.save(str(path))


def test_paragraphs_tables_and_heading_paths(tmp_path: Path) -> None:
    path = tmp_path / "handbook.docx"
    make_document(path)

    found = extract(path)

    assert [s.location for s in found.sections] == [
        "Team handbook",
        "Team handbook > Install > Linux",
        "Team handbook > Install > Windows",
        "Team handbook > 使用",
    ]
    linux = found.sections[1].text
    assert linux.split("\n") == [
        "Linux",
        "Download the AppImage.",
        "Distro: Ubuntu; Package: deb",
        "Distro: Fedora; Package: rpm; Notes: tested",
        "After the table.",
    ]
    assert found.sections[0].text == "Team handbook\nRead this first."
    assert all("CONFIDENTIAL" not in s.text for s in found.sections)


def test_merged_table_cells_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Item", "Size", "Colour"], strict=True):
        cell.text = value
    merged = table.cell(1, 1).merge(table.cell(1, 2))
    merged.text = "one size, any colour"
    table.cell(1, 0).text = "Hat"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    assert extract(path).sections[0].text == "Item: Hat; Size: one size, any colour"


def test_a_document_without_headings_is_one_section(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("First.")
    document.add_paragraph("")
    document.add_paragraph("Second.")
    path = tmp_path / "plain.docx"
    document.save(str(path))

    found = extract(path)

    assert [(s.location, s.text) for s in found.sections] == [("", "First.\nSecond.")]


def test_a_zip_that_is_not_a_word_document_is_corrupt(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "really-a-workbook.docx"
    openpyxl.Workbook().save(path)

    with pytest.raises(CorruptFileError, match="not a real DOCX"):
        extract(path)


def test_a_password_protected_or_legacy_word_file_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    with pytest.raises(UnsupportedFileError, match="remove the password"):
        extract(path)


def test_an_old_doc_file_asks_for_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    with pytest.raises(UnsupportedFileError, match=r"save it as \.docx"):
        extract(path)
