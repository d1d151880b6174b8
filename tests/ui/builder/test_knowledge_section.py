"""The Knowledge section: files indexed in the background, stopped, failed, removed, searched."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from desktop.core.gpt import GptDefinition, validate_definition
from desktop.core.paths import Paths
from desktop.ui.builder.knowledge_model import BUSY, PROBLEM, PROGRESS, ProgressRole
from desktop.ui.builder.knowledge_rows import FAILED, INDEXING, QUEUED, READY
from desktop.ui.builder.knowledge_search import MARK
from desktop.ui.builder.sections.knowledge import KnowledgeSection
from desktop.ui.services import AppServices
from tests.helpers.app_services import app_services
from tests.helpers.scans import scanned_page, scanned_pdf
from tests.helpers.shared_data import SHARED_DATA
from tests.unit.core.knowledge.extract.pdf_factory import build_pdf

WAIT_MS = 60_000
SHARED_PDF = SHARED_DATA / "pdfs" / "text" / "dmca.pdf"


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[AppServices]:
    with app_services(isolated_home) as made:
        yield made


@pytest.fixture
def section(qtbot: Any, services: AppServices) -> KnowledgeSection:
    made = KnowledgeSection(services)
    qtbot.add_widget(made)
    made.resize(900, 900)
    made.show()
    return made


def open_new_gpt(
    qtbot: Any, section: KnowledgeSection, services: AppServices, **fields: Any
) -> str:
    gpt = services.store.gpts.create(validate_definition({"name": "Docs", **fields}))
    section.load(gpt.definition)
    with qtbot.wait_signal(section.files.listed, timeout=WAIT_MS):
        section.open_gpt(gpt.id)
    return gpt.id


def add_and_wait(qtbot: Any, section: KnowledgeSection, paths: list[Path]) -> None:
    with qtbot.wait_signal(section.files.files_changed, timeout=WAIT_MS):
        section.add_paths(paths)


def statuses(section: KnowledgeSection) -> dict[str, str]:
    return {row.name: row.status for row in section.files.model.files.rows}


def text_folder(folder: Path, count: int) -> Path:
    """A folder of `count` small text files, named after the folder: tides/tides0.txt..."""
    folder.mkdir()
    for n in range(count):
        (folder / f"{folder.name}{n}.txt").write_text(f"Entry {n}: high water at {n} o'clock.")
    return folder


def a_pdf(tmp_path: Path) -> tuple[Path, str, int]:
    """The shared US Copyright Office PDF when it is here, else one written now.

    Returns the file, a query it answers, and its page count.
    """
    if SHARED_PDF.exists():
        return SHARED_PDF, "WIPO treaties", 18
    pages = [f"Page {n} of the lighthouse manual.\nCheck the lamp at dusk." for n in range(1, 7)]
    pages[3] = "The foghorn sounds every thirty seconds in dense fog.\nLog each foghorn test."
    path = tmp_path / "lighthouse.pdf"
    path.write_bytes(build_pdf(pages))
    return path, "foghorn fog", 6


def test_a_pdf_indexes_in_the_table_and_test_search_finds_it(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    gpt_id = open_new_gpt(qtbot, section, services)
    pdf, query, pages = a_pdf(tmp_path)
    model = section.files.model
    seen: list[str] = []
    bars: list[int] = []

    def watch(*_: Any) -> None:
        for row in range(model.rowCount()):
            seen.append(model.row(row).status)
            bars.append(model.index(row, PROGRESS).data(ProgressRole))
        if seen[-1] == INDEXING:
            section.grab()  # the busy bar paints

    model.dataChanged.connect(watch)
    model.rowsInserted.connect(watch)
    add_and_wait(qtbot, section, [pdf])

    assert seen[0] == QUEUED and INDEXING in seen and seen[-1] == READY
    assert BUSY in bars and bars[-1] == 100
    (row,) = model.files.rows
    assert (row.name, row.status, row.pages) == (pdf.name, READY, pages)
    assert row.chunks > 0 and row.file_id is not None
    assert section.files.progress.isHidden()
    assert "1 indexed" in section.files.status.text()
    files = services.store.gpts.get(gpt_id).definition.knowledge.files
    assert [f.name for f in files] == [pdf.name]
    assert section.changes()["knowledge"]["files"][0]["id"] == row.file_id

    box = section.search_box
    box.query.setText(query)
    with qtbot.wait_signal(box.searched, timeout=WAIT_MS) as found:
        box.search_button.click()
    results = found.args[0]
    assert results and results[0]["file"] == pdf.name and results[0]["page"] >= 1
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    shown = box.view.toPlainText()
    assert pdf.name in shown and f"page {results[0]['page']}" in shown
    assert MARK.split()[0] in box._html(query, results)  # the words are highlighted


def test_stop_ends_the_batch_between_files(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    gpt_id = open_new_gpt(qtbot, section, services)
    folder = text_folder(tmp_path / "notes", 5)
    model = section.files.model

    def stop_after_the_first(*_: Any) -> None:
        if any(row.status == READY for row in model.files.rows):
            section.files.cancel()

    queued: list[int] = []
    model.rowsInserted.connect(lambda *_: queued.append(len(model.files)))
    model.dataChanged.connect(stop_after_the_first)
    with qtbot.wait_signal(section.files.files_changed, timeout=WAIT_MS):
        section.add_paths([folder])  # a folder: its five files queue at once
    assert queued == [1, 2, 3, 4, 5]

    ready = [r for r in services.knowledge.files(gpt_id) if r.status == "ready"]
    assert 1 <= len(ready) < 5  # stopped at the next file boundary, not at the end
    qtbot.wait_until(lambda: len(model.files) == len(ready), timeout=WAIT_MS)
    assert all(row.status == READY for row in model.files.rows)
    assert "stopped" in section.files.status.text()
    assert len(services.store.gpts.get(gpt_id).definition.knowledge.files) == len(ready)


def test_a_failing_file_shows_its_reason_and_the_rest_go_on(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    open_new_gpt(qtbot, section, services)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF at all")
    old = tmp_path / "memo.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0 old word file")
    good = tmp_path / "good.txt"
    good.write_text("Plain words that index fine.")
    blank = tmp_path / "blank.md"
    blank.write_text("   \n\n  ")
    add_and_wait(qtbot, section, [broken, old, good, blank])

    assert statuses(section) == {
        "broken.pdf": FAILED,
        "memo.doc": FAILED,
        "good.txt": READY,
        "blank.md": FAILED,
    }
    model = section.files.model
    rows = {row.name: n for n, row in enumerate(model.files.rows)}
    memo = model.files.rows[rows["memo.doc"]]
    assert "save it as .docx" in memo.reason
    assert model.index(rows["memo.doc"], PROBLEM).data() == "This kind of file is not supported."
    assert model.index(rows["memo.doc"], PROBLEM).data(Qt.ItemDataRole.ToolTipRole) == memo.reason
    # An error with no headline of its own shows the core's words, not "Something went wrong".
    assert model.index(rows["blank.md"], PROBLEM).data() == "blank.md contains no text to search."
    section.files.table.selectRow(rows["broken.pdf"])
    assert section.files.detail.isVisible()
    assert "broken.pdf" in section.files.detail.text()
    assert "1 indexed" in section.files.status.text() and "3 failed" in section.files.status.text()


def test_remove_asks_first_then_removes(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    gpt_id = open_new_gpt(qtbot, section, services)
    for name in ("keep.txt", "drop.txt"):
        (tmp_path / name).write_text(f"The {name} words.")
    add_and_wait(qtbot, section, [tmp_path / "keep.txt", tmp_path / "drop.txt"])
    files = section.files
    files.table.selectRow(1)

    files.remove_selected()
    files.confirm_box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(services.knowledge.files(gpt_id)) == 2

    files.table.selectRow(1)
    files.remove_selected()
    assert "drop.txt" in files.confirm_box.text()
    remove = next(
        b
        for b in files.confirm_box.buttons()
        if files.confirm_box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    )
    with qtbot.wait_signal(files.files_changed, timeout=WAIT_MS):
        remove.click()
    assert [r.name for r in services.knowledge.files(gpt_id)] == ["keep.txt"]
    assert statuses(section) == {"keep.txt": READY}
    assert [f["name"] for f in section.changes()["knowledge"]["files"]] == ["keep.txt"]


def test_reindex_applies_the_fields_chunking(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    gpt_id = open_new_gpt(qtbot, section, services)
    text = "\n\n".join(
        f"Paragraph {n} tells of ships, tides and harbour lights." for n in range(60)
    )
    (tmp_path / "harbour.txt").write_text(text)
    add_and_wait(qtbot, section, [tmp_path / "harbour.txt"])
    before = section.files.model.row(0).chunks
    edits: list[bool] = []
    section.changed.connect(lambda: edits.append(True))

    section.settings_form.chunk_overlap.setValue(0)
    section.settings_form.chunk_size.setValue(40)
    assert edits  # the form hears of each edit, to save its draft
    with qtbot.wait_signal(section.files.files_changed, timeout=WAIT_MS):
        section.files.reindex_button.click()

    assert section.files.model.row(0).chunks > before
    assert services.knowledge.files(gpt_id)[0].chunks == section.files.model.row(0).chunks


def test_the_settings_show_the_definition_and_say_what_changed(
    qtbot: Any, section: KnowledgeSection, services: AppServices
) -> None:
    open_new_gpt(
        qtbot,
        section,
        services,
        knowledge={"chunk_size": 300, "top_k": 7, "retrieval_mode": "bm25"},
    )
    form = section.settings_form
    assert (form.chunk_size.value(), form.top_k.value()) == (300, 7)
    assert form.retrieval_mode.currentData() == "bm25"
    form.top_k.setValue(3)
    form.embedding_model.setEditText("lab:text-embedding-3-small")
    knowledge = section.changes()["knowledge"]
    assert knowledge["top_k"] == 3
    assert knowledge["embedding_model"] == "lab:text-embedding-3-small"
    assert knowledge["files"] == []
    definition: GptDefinition = validate_definition(
        {"name": "x", "knowledge": {k: v for k, v in knowledge.items() if k != "files"}}
    )
    assert definition.knowledge.top_k == 3  # what it gives, the definition takes

    form.chunk_overlap.setValue(350)  # not below the chunk size
    assert section.current_settings() is None
    assert form.problems["chunk_overlap"].isVisible()
    assert "smaller than chunk size" in form.problems["chunk_overlap"].text()
    section.show_problems(["knowledge.top_k: must be at most 100", "name: is required"])
    assert form.problems["top_k"].text() == "must be at most 100"
    assert not form.problems["chunk_overlap"].isVisible()


def test_files_dropped_on_the_section_are_added(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    gpt_id = open_new_gpt(qtbot, section, services)
    dropped = tmp_path / "dropped.md"
    dropped.write_text("# Dropped\n\nA note dropped on the window.")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.wait_signal(section.files.files_changed, timeout=WAIT_MS):
        section.dropEvent(event)
    assert [r.name for r in services.knowledge.files(gpt_id)] == ["dropped.md"]


def test_without_a_gpt_files_are_refused_with_a_reason(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    with qtbot.wait_signal(services.errors.error_reported) as reported:
        section.add_paths([tmp_path])
    assert "Open a GPT first" in reported.args[0].headline
    assert not section.files.add_files_button.isEnabled()


def test_the_embedding_picker_offers_local_embedding_models_only(
    qtbot: Any,
    section: KnowledgeSection,
    services: AppServices,
    tiny_gguf: Path,
    tiny_embedding_gguf: Path,
) -> None:
    folder = services.paths.user_models
    folder.mkdir(parents=True, exist_ok=True)
    for model in (tiny_gguf, tiny_embedding_gguf):
        shutil.copy(model, folder / model.name)
    open_new_gpt(qtbot, section, services, knowledge={"embedding_model": "tiny-embed"})
    picker = section.settings_form.embedding_model
    qtbot.wait_until(lambda: picker.count() > 1, timeout=WAIT_MS)
    assert [picker.itemData(i) for i in range(picker.count())] == ["", "tiny-embed"]
    assert picker.currentIndex() == 1  # the definition's choice, now listed
    assert section.changes()["knowledge"]["embedding_model"] == "tiny-embed"


def test_files_added_during_a_batch_wait_their_turn_even_for_another_gpt(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    first = open_new_gpt(qtbot, section, services)
    folder = text_folder(tmp_path / "tides", 4)
    extra = tmp_path / "extra.txt"
    extra.write_text("An extra note on the harbour pilot.")

    section.add_paths([folder])
    section.add_paths([extra])  # the first batch is still running: this one waits
    assert "after the current ones" in section.files.status.text()
    second = open_new_gpt(qtbot, section, services)  # the user moves on meanwhile
    # The waiting batch starts as the first ends, so "not busy" means both are done.
    qtbot.wait_until(lambda: not section.files.busy, timeout=WAIT_MS)

    names = sorted(f.name for f in services.knowledge.files(first) if f.status == "ready")
    assert names == ["extra.txt", "tides0.txt", "tides1.txt", "tides2.txt", "tides3.txt"]
    assert services.knowledge.files(second) == []
    assert len(section.files.model.files) == 0  # the table shows the second GPT's (none)


def test_a_scan_read_by_ocr_fills_its_bar_page_by_page(
    qtbot: Any, section: KnowledgeSection, services: AppServices, tmp_path: Path
) -> None:
    pytest.importorskip("rapidocr", reason="OCR is optional: capsule-studio[ocr]")
    lines = ["Harbour pilot 1", "Lamp room 2", "Tide table 3"]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf([scanned_page([line], size=(700, 260)) for line in lines]))
    open_new_gpt(qtbot, section, services)
    model = section.files.model
    bars: list[int] = []
    texts: list[str] = []

    def watch(*_: Any) -> None:
        if model.rowCount():
            bars.append(model.index(0, PROGRESS).data(ProgressRole))
            texts.append(section.files.status.text())

    model.dataChanged.connect(watch)
    with qtbot.wait_signal(section.files.files_changed, timeout=180_000):
        section.add_paths([scan])
    partial = [b for b in bars if 0 < b < 100]
    assert partial and partial == sorted(partial)  # the bar fills as pages are read
    assert any("page 1 of 3" in t for t in texts)
    assert (model.row(0).status, model.row(0).pages) == (READY, 3)
