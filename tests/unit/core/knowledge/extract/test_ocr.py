"""Scanned pages and image files read by OCR in the extraction child, and found by search."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from desktop.core.errors import Do
from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.extract import IsolatedExtractor, extract, ocr
from desktop.core.knowledge.extract.errors import (
    CorruptFileError,
    FileTooLargeError,
    OcrUnavailableError,
)
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Ingestor
from desktop.core.knowledge.search import search
from desktop.core.store import Store
from tests.helpers.scans import scanned_page, scanned_pdf
from tests.unit.core.knowledge.extract.pdf_factory import build_pdf

needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason='the OCR engine is not installed: pip install ".[ocr]"'
)
LINES = ["Capsule Studio reads scanned pages", "知识库检索必须准确", "Invoice number 4711"]


@pytest.fixture(scope="module")
def extractor() -> IsolatedExtractor:
    with IsolatedExtractor(timeout_s=120) as made:
        yield made


@needs_ocr
def test_words_of_a_scanned_image_are_found_by_search(
    tmp_path: Path, store: Store, extractor: IsolatedExtractor
) -> None:
    picture = tmp_path / "scan.png"
    scanned_page(LINES).save(picture)
    index = KnowledgeIndex(tmp_path / "lance")
    ingestor = Ingestor(store, index, tmp_path / "originals", extractor.extract)

    progress = list(ingestor.add("gpt_ocr", [picture], KnowledgeSettings()))

    assert progress[-1].status == "ok", progress[-1].message
    assert [(p.page, p.pages) for p in progress if p.status == "reading"] == [(1, 1)]
    for query, words in (("知识库", "知识库检索必须准确"), ("scanned pages", "scanned pages")):
        found = search(index, "gpt_ocr", query, k=1)
        assert found and words in found[0].text
        assert found[0].ocr  # the citation can say the text was recognised


@needs_ocr
def test_a_mixed_pdf_keeps_its_text_pages_and_reads_its_scanned_one(
    tmp_path: Path, extractor: IsolatedExtractor
) -> None:
    writer = PdfWriter()
    for data in (build_pdf(["A page with a text layer."]), scanned_pdf([scanned_page(LINES)])):
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    path = tmp_path / "mixed.pdf"
    with path.open("wb") as out:
        writer.write(out)
    pages: list[tuple[int, int]] = []

    found = extractor.extract(path, on_page=lambda done, total: pages.append((done, total)))

    assert [(s.page, s.ocr) for s in found.sections] == [(1, False), (2, True)]
    assert "知识库检索必须准确" in found.sections[1].text
    assert "4711" in found.sections[1].text
    assert pages == [(1, 1)]  # only the scanned page goes through OCR
    assert found.warnings == []


def test_a_huge_image_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "poster.png"
    Image.new("1", (8000, 6000), 1).save(path)  # 48 million pixels, a few KB on disk

    with pytest.raises(FileTooLargeError, match=r"8000 x 6000 pixels: at most 40 million"):
        extract(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,  # a header and nothing behind it
        b"this is no picture at all",
    ],
)
def test_a_broken_image_is_refused_clearly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(data)

    with pytest.raises(CorruptFileError, match=r"photo\.png could not be read: it looks damaged"):
        extract(path)


def test_without_the_engine_an_image_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "scan.jpg"
    Image.new("RGB", (200, 100), "white").save(path)

    with pytest.raises(OcrUnavailableError, match="OCR engine is not installed") as caught:
        extract(path)
    assert caught.value.action is not None and caught.value.action.kind == Do.INSTALL_OCR


def test_the_install_hint_survives_the_child(tmp_path: Path) -> None:
    # Errors come back from the child by class name; this one must keep its action.
    from desktop.core.knowledge.extract.errors import ERROR_CLASSES

    rebuilt = ERROR_CLASSES["OcrUnavailableError"]("message")
    assert rebuilt.action is not None and rebuilt.action.kind == Do.INSTALL_OCR
