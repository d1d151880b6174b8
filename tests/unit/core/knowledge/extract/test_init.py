"""The dispatcher: `extract` chooses a reader by extension and enforces the size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.knowledge.extract import SUFFIXES, extract
from desktop.core.knowledge.extract.common import read_limited
from desktop.core.knowledge.extract.errors import (
    ExtractionError,
    FileTooLargeError,
    UnsupportedFileError,
)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 3_000_000)

    with pytest.raises(FileTooLargeError, match=r"big.txt is 2.9 MB, more than the 1 MB") as caught:
        extract(path, max_bytes=1024 * 1024)
    assert caught.value.code == "file_too_large"
    assert "Split it" in caught.value.message
    assert extract(path, max_bytes=3_000_000).sections[0].text.startswith("aaa")


def test_a_file_that_grew_past_the_limit_while_read_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "growing.log"
    path.write_bytes(b"x" * 2048)

    with pytest.raises(FileTooLargeError):
        read_limited(path, 1024)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".xlsx", ".csv", ".json", ".md"])
def test_the_size_limit_applies_to_every_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_bytes(b"0" * 2000)

    with pytest.raises(FileTooLargeError):
        extract(path, max_bytes=1000)


def test_extensions_are_matched_case_insensitively(tmp_path: Path) -> None:
    path = tmp_path / "README.MD"
    path.write_text("# Title\n\nBody\n", encoding="utf-8")

    assert extract(path).sections[0].location == "Title"


def test_every_documented_format_is_dispatched() -> None:
    assert {
        ".pdf",
        ".txt",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".csv",
        ".docx",
        ".xlsx",
        ".json",
    } <= SUFFIXES


@pytest.mark.parametrize(("name", "advice"), [("old.xls", ".xlsx"), ("deck.pptx", "PDF")])
def test_known_unreadable_formats_say_what_to_convert_to(
    tmp_path: Path, name: str, advice: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04" + bytes(100))

    with pytest.raises(UnsupportedFileError, match=advice):
        extract(path)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="no longer exists"):
        extract(tmp_path / "gone.pdf")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "docs.md").mkdir()

    with pytest.raises(UnsupportedFileError, match="is a folder"):
        extract(tmp_path / "docs.md")


def test_an_unexpected_parser_failure_becomes_a_corrupt_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.knowledge.extract import text

    def broken(path: Path, max_bytes: int) -> None:
        raise KeyError("/Root")

    monkeypatch.setattr(text, "extract_json", broken)
    path = tmp_path / "data.json"
    path.write_text("{}", encoding="utf-8")

    with pytest.raises(
        ExtractionError, match=r"not a real JSON file \(KeyError: '/Root'\)"
    ) as caught:
        extract(path)
    assert caught.value.code == "file_corrupt"
