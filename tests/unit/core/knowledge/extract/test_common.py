from __future__ import annotations

from desktop.core.knowledge.extract.common import (
    CHARS_PER_SECTION,
    clean,
    render_row,
    row_sections,
)


def test_clean_replaces_lone_surrogates_and_drops_nul() -> None:
    assert clean("a\ud800b\r\nc\x00d\re") == "a\ufffdb\nc" + "d\ne"
    assert clean("\U0001f600 ok") == "\U0001f600 ok"


def test_render_row_names_columns_and_skips_empty_cells() -> None:
    row = render_row(["name", "", "qty"], ["Tea", "x", None, 3.0, "  extra\n cell  "])

    assert row == "name: Tea; column 2: x; column 4: 3; column 5: extra cell"


def test_row_sections_split_by_size_as_well_as_by_count() -> None:
    # Two of these rows fit the character budget of a section, three do not.
    rows = [(n, "y" * (CHARS_PER_SECTION // 3)) for n in range(2, 7)]

    sections = row_sections(rows, prefix="Sheet1")

    assert [s.location for s in sections] == ["Sheet1 rows 2-3", "Sheet1 rows 4-5", "Sheet1 row 6"]


def test_row_sections_skip_empty_rows_but_keep_their_numbers() -> None:
    sections = row_sections([(2, "a: 1"), (3, ""), (4, "a: 2")])

    assert [(s.location, s.text) for s in sections] == [("rows 2-4", "a: 1\na: 2")]
