from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import Said
from desktop.core.knowledge.extract import IsolatedExtractor, extract, extract_isolated
from desktop.core.knowledge.extract.errors import (
    ArchiveBombError,
    ExtractionError,
    ExtractionTimeoutError,
    ExtractorBugError,
    MemoryLimitError,
    NeedsPasswordError,
    WrongPasswordError,
)
from tests.unit.core.knowledge.extract.pdf_factory import IMAGE, build_pdf, encrypt

TARGETS = "tests.unit.core.knowledge.extract.child_targets"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")


@pytest.fixture
def extractor() -> Iterator[IsolatedExtractor]:
    with IsolatedExtractor(timeout_s=20, memory_mb=512) as made:
        yield made


def call(extractor: IsolatedExtractor, function: str, **kwargs: object) -> object:
    return extractor.call(f"{TARGETS}:{function}", kwargs, name="test.pdf")


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("doc.pdf", build_pdf(["Page one text", IMAGE, "Page three"])),
        ("notes.txt", "第一行：知识库\n第二行 \U0001f600".encode("gb18030")),
        ("data.json", '{"键": ["值", 1, null]}'.encode()),
    ],
)
def test_the_child_reads_a_file_exactly_as_extract_does(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)

    isolated = extract_isolated(path)

    assert isolated == extract(path)
    assert isolated.sections


def test_typed_errors_come_back_as_the_same_class(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypt(build_pdf(["Secret"]), "pw", "owner"))

    with IsolatedExtractor() as extractor:
        with pytest.raises(NeedsPasswordError, match=r"locked\.pdf is protected") as caught:
            extractor.extract(path)
        with pytest.raises(WrongPasswordError):
            extractor.extract(path, password="nope")
        assert "Secret" in extractor.extract(path, password="pw").sections[0].text
    assert caught.value.code == "needs_password"


def test_an_error_from_the_child_keeps_the_sentence_the_window_translates(
    tmp_path: Path,
) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypt(build_pdf(["Secret"]), "pw", "owner"))

    with pytest.raises(NeedsPasswordError) as caught:
        extract_isolated(path)

    message = caught.value.message
    assert isinstance(message, Said)
    assert message.template.startswith("{name} is protected with a password.")
    assert message.values == {"name": "locked.pdf"}
    assert caught.value.to_dict()["said"]["values"] == {"name": "locked.pdf"}


def test_a_zip_bomb_fails_alone_in_the_child(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", bytes(16 * 1024 * 1024))

    with pytest.raises(ArchiveBombError):
        extract_isolated(path)


def test_a_child_that_runs_too_long_is_killed(extractor: IsolatedExtractor) -> None:
    extractor.timeout_s = 1.0
    first = call(extractor, "pid")
    started = time.monotonic()

    with pytest.raises(ExtractionTimeoutError, match=r"longer than 1 seconds") as caught:
        call(extractor, "sleep", seconds=60)

    assert time.monotonic() - started < 10
    assert caught.value.code == "extraction_timeout"
    assert isinstance(first, int) and gone(first)
    assert call(extractor, "pid") != first  # the next request gets a fresh child


def test_extract_isolated_applies_its_time_limit(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(build_pdf(["Text"]))

    # Starting Python alone takes longer than this.
    with pytest.raises(ExtractionTimeoutError, match=r"doc\.pdf"):
        extract_isolated(path, timeout_s=0.001)


@linux_only
def test_an_allocation_over_the_memory_limit_is_a_memory_error(
    extractor: IsolatedExtractor,
) -> None:
    with pytest.raises(MemoryLimitError, match="needed more than 512 MB") as caught:
        call(extractor, "allocate", megabytes=2048)
    assert caught.value.code == "extraction_memory"
    assert call(extractor, "allocate", megabytes=64) == 64 * 1024 * 1024


@linux_only
def test_a_file_too_big_for_the_memory_limit_fails_with_that_reason(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"all work and no play " * 6_000_000)  # 126 MB of text

    with pytest.raises(MemoryLimitError, match=r"huge\.txt needed more than 200 MB"):
        extract_isolated(path, memory_mb=200)


def test_a_crashing_child_is_a_clear_error(extractor: IsolatedExtractor) -> None:
    with pytest.raises(ExtractionError, match=r"stopped unexpectedly on test\.pdf .*SIGSEGV"):
        call(extractor, "die", signal_name="SIGSEGV")


def test_a_killed_child_reads_as_out_of_memory(extractor: IsolatedExtractor) -> None:
    with pytest.raises(MemoryLimitError, match="needed more than 512 MB"):
        call(extractor, "die", signal_name="SIGKILL")


def test_a_crash_in_a_used_child_is_retried_once_in_a_fresh_one(
    extractor: IsolatedExtractor,
) -> None:
    first = call(extractor, "crash_unless_first")

    second = call(extractor, "crash_unless_first")

    assert isinstance(first, int) and isinstance(second, int) and first != second


def test_errors_keep_the_child_and_bugs_say_so(extractor: IsolatedExtractor) -> None:
    first = call(extractor, "pid")
    with pytest.raises(NeedsPasswordError):
        call(extractor, "needs_password", name="a.pdf")
    with pytest.raises(
        ExtractorBugError, match=r"error in Capsule Studio \(ValueError: an extractor bug\)"
    ):
        call(extractor, "bug")

    assert call(extractor, "pid") == first


def test_library_output_cannot_block_or_corrupt_the_answers(extractor: IsolatedExtractor) -> None:
    assert call(extractor, "chatty") == "clean answer"


def test_the_child_is_replaced_after_a_number_of_files() -> None:
    with IsolatedExtractor(recycle_after=2) as extractor:
        pids = [call(extractor, "pid") for _ in range(4)]

    assert pids[0] == pids[1] != pids[2] == pids[3]


def test_closing_ends_the_child(extractor: IsolatedExtractor) -> None:
    pid = call(extractor, "pid")
    extractor.close()

    assert isinstance(pid, int) and gone(pid)
