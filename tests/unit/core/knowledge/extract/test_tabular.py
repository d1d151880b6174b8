from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from desktop.core.knowledge.extract import extract
from desktop.core.knowledge.extract.common import ROWS_PER_SECTION
from desktop.core.knowledge.extract.errors import CorruptFileError


def test_csv_rows_read_with_their_header_and_quoted_commas_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(
        b"name,city,note\r\n"
        b'Alice,"Oslo, Norway","likes ""tea"""\r\n'
        b'Bob,Paris,"first line\r\nsecond line"\r\n'
        b"Carol,,\r\n"
    )

    found = extract(path)

    assert len(found.sections) == 1
    assert found.sections[0].location == "rows 2-4"
    assert found.sections[0].text.split("\n") == [
        'name: Alice; city: Oslo, Norway; note: likes "tea"',
        "name: Bob; city: Paris; note: first line second line",
        "name: Carol",
    ]


def test_csv_rows_are_grouped_into_numbered_sections(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    rows = "\n".join(f"{i},{i * i}" for i in range(1, 101))
    path.write_text(f"n,square\n{rows}\n", encoding="utf-8")

    found = extract(path)

    last = ROWS_PER_SECTION + 1
    assert [s.location for s in found.sections][:2] == [
        f"rows 2-{last}",
        f"rows {last + 1}-{2 * last - 1}",
    ]
    assert found.sections[-1].location.endswith("-101")
    assert found.sections[0].text.split("\n")[0] == "n: 1; square: 1"
    assert sum(len(s.text.split("\n")) for s in found.sections) == 100


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semi.csv"), ("\t", "tabs.tsv")])
def test_semicolon_and_tab_separated_files(tmp_path: Path, delimiter: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(
        f"produit{delimiter}prix\ncafé{delimiter}2,50\nthé{delimiter}3,10\n", encoding="cp1252"
    )

    found = extract(path)

    assert found.sections[0].text == "produit: café; prix: 2,50\nproduit: thé; prix: 3,10"


def test_a_header_only_csv_keeps_its_column_names(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text("id,title,author\n", encoding="utf-8")

    assert [(s.location, s.text) for s in extract(path).sections] == [
        ("row 1", "id; title; author")
    ]


def test_blank_header_cells_get_column_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("id,,label\n1,x,y\n", encoding="utf-8")

    assert extract(path).sections[0].text == "id: 1; column 2: x; label: y"


def test_a_field_too_large_for_csv_is_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "huge-field.csv"
    path.write_text('a,b\n1,"' + "x" * 200_000 + '"\n', encoding="utf-8")

    with pytest.raises(CorruptFileError, match="CSV"):
        extract(path)


def make_workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sales = book.active
    sales.title = "Sales"
    sales.append(["Region", "Month", "Revenue"])
    for index in range(1, 46):
        sales.append([f"Region {index}", dt.date(2026, 1 + index % 12, 1), index * 1.5])
    notes = book.create_sheet("备注")
    notes.append([None])
    notes.append(["Key", "Value"])
    notes.append(["owner", "王小明"])
    notes.append([None, None])
    notes.append(["total", 3.0])
    book.save(path)


def test_xlsx_sheets_read_with_their_headers_and_sheet_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    make_workbook(path)

    found = extract(path)

    locations = [s.location for s in found.sections]
    assert locations == [
        f"Sales rows 2-{ROWS_PER_SECTION + 1}",
        f"Sales rows {ROWS_PER_SECTION + 2}-46",
        "备注 rows 3-5",
    ]
    first = found.sections[0].text.split("\n")[0]
    assert first == "Region: Region 1; Month: 2026-02-01T00:00:00; Revenue: 1.5"
    assert found.sections[2].text == "Key: owner; Value: 王小明\nKey: total; Value: 3"


def test_an_xlsx_that_is_not_a_zip_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("Region,Revenue\nNorth,1\n", encoding="utf-8")

    with pytest.raises(CorruptFileError, match="not a real XLSX"):
        extract(path)
