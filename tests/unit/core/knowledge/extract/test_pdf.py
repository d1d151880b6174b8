from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop.core.knowledge.extract import extract, ocr
from desktop.core.knowledge.extract.errors import (
    CorruptFileError,
    EmptyFileError,
    NeedsPasswordError,
    UnsupportedFileError,
    WrongPasswordError,
)
from tests.unit.core.knowledge.extract.pdf_factory import IMAGE, build_pdf, encrypt


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pages_come_back_with_one_based_page_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, build_pdf(["First page text", "Second page\nwith two lines"]))

    found = extract(path)

    assert found.pages == 2
    assert [(s.page, s.location) for s in found.sections] == [(1, "page 1"), (2, "page 2")]
    assert "First page text" in found.sections[0].text
    assert "Second page\nwith two lines" in found.sections[1].text
    assert found.warnings == []


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without the optional OCR engine."""
    monkeypatch.setattr(ocr, "available", lambda: False)


def test_scanned_and_blank_pages_are_warned_about_one_by_one(tmp_path: Path, no_ocr: None) -> None:
    path = write(tmp_path, build_pdf(["Intro", IMAGE, "", IMAGE, "Outro"]))

    found = extract(path)

    assert found.pages == 5
    assert [s.page for s in found.sections] == [1, 5]
    assert found.warnings == [
        "page 2: scanned page, no text layer (install the OCR engine to read it)",
        "page 3: no text on this page",
        "page 4: scanned page, no text layer (install the OCR engine to read it)",
    ]


def test_a_fully_scanned_pdf_gives_no_sections_and_a_warning_per_page(tmp_path: Path) -> None:
    found = extract(write(tmp_path, build_pdf([IMAGE, IMAGE])))

    assert found.sections == []
    assert found.pages == 2
    assert len(found.warnings) == 2


def test_filled_in_form_fields_are_included(tmp_path: Path) -> None:
    pdf = build_pdf(
        ["Application form"], fields={"First Name": "Alice", "Notes": "", "City": "Oslo"}
    )

    found = extract(write(tmp_path, pdf))

    fields = [s for s in found.sections if s.location == "form fields"]
    assert len(fields) == 1
    assert fields[0].text == "First Name: Alice\nCity: Oslo"


def test_a_user_password_is_needed_and_checked(tmp_path: Path) -> None:
    path = write(tmp_path, encrypt(build_pdf(["Secret plans"]), "open-sesame", "owner-pw"))

    with pytest.raises(NeedsPasswordError, match="protected with a password") as needs:
        extract(path)
    with pytest.raises(WrongPasswordError, match="not right"):
        extract(path, password="guess")
    found = extract(path, password="open-sesame")

    assert needs.value.code == "needs_password"
    assert "Secret plans" in found.sections[0].text


def test_an_owner_password_alone_opens_without_a_password(tmp_path: Path) -> None:
    path = write(tmp_path, encrypt(build_pdf(["Print me not"]), "", "owner-pw"))

    assert "Print me not" in extract(path).sections[0].text
    # A password given for it does no harm, right or wrong.
    assert "Print me not" in extract(path, password="whatever").sections[0].text


def test_a_password_for_an_unencrypted_pdf_is_ignored(tmp_path: Path) -> None:
    assert extract(write(tmp_path, build_pdf(["Open"])), password="x").sections[0].page == 1


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.95])
def test_a_truncated_pdf_is_a_corrupt_file_error(tmp_path: Path, keep: float) -> None:
    data = build_pdf(["Some text", "More text"])

    with pytest.raises(CorruptFileError, match="damaged") as caught:
        extract(write(tmp_path, data[: int(len(data) * keep)]))
    assert caught.value.code == "file_corrupt"


def test_an_empty_pdf_says_so(tmp_path: Path) -> None:
    with pytest.raises(EmptyFileError, match="is empty"):
        extract(write(tmp_path, b""))


def test_something_else_named_pdf_is_corrupt(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError, match=r"not a real PDF"):
        extract(write(tmp_path, b"<html>this is a web page</html>"))


def test_pypdf_repair_warnings_stay_off_the_console(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = build_pdf(["Shifted"])
    # Move every object 7 bytes away from where the cross-reference table says it is:
    # pypdf repairs that, and logs a warning for each repair.
    broken = data.replace(b"%PDF-1.4\n", b"%PDF-1.4\n%junk!\n", 1)

    with caplog.at_level(logging.WARNING):
        found = extract(write(tmp_path, broken))

    assert "Shifted" in found.sections[0].text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_an_encryption_pypdf_cannot_open_says_so_not_corrupt(tmp_path: Path) -> None:
    data = encrypt(build_pdf(["secret"]), "pw", "owner")
    assert b"/Filter /Standard" in data
    path = tmp_path / "odd.pdf"
    path.write_bytes(data.replace(b"/Filter /Standard", b"/Filter /FooSecur"))  # same length
    with pytest.raises(UnsupportedFileError, match="encrypted in a way") as caught:
        extract(path, password="pw")
    assert "unprotected copy" in caught.value.message
