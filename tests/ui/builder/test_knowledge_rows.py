"""The knowledge table's rows (Qt-free): a batch's progress, then core's records."""

from __future__ import annotations

from desktop.core.knowledge.ingest import Progress
from desktop.core.store.knowledge import KnowledgeFile
from desktop.ui.builder.knowledge_rows import (
    FAILED,
    INDEXING,
    QUEUED,
    READY,
    STOPPED,
    FileRow,
    FileRows,
)


def record(file_id: str, name: str, status: str = "ready", **kw: object) -> KnowledgeFile:
    fields: dict[str, object] = {"pages": 2, "chunks": 5, "added_at": 1.0, "updated_at": 1.0}
    fields.update(kw)
    return KnowledgeFile(file_id, "gpt", name, "0" * 64, 10, status, **fields)  # type: ignore[arg-type]


def run(rows: FileRows, steps: list) -> list[str]:  # type: ignore[type-arg]
    for step in steps:
        rows.apply(step)
    return [step.kind for step in steps]


def test_a_batch_queues_starts_and_finishes_each_file() -> None:
    rows = FileRows()
    run(rows, rows.reconcile([record("f1", "old.pdf")]))
    assert run(rows, rows.queue_names(["old.pdf", "new.txt"])) == ["change", "insert"]
    assert [r.status for r in rows.rows] == [QUEUED, QUEUED]
    run(rows, rows.started("new.txt"))
    assert rows.rows[1].status == INDEXING
    done = Progress("new.txt", "ok", 2, 2, pages=0, chunks=3, message="", file_id="f2")
    assert run(rows, rows.finished(done)) == ["change"]
    assert rows.rows[1] == FileRow("new.txt", "f2", READY, 0, 3, "", "", done=True)
    assert run(rows, rows.stop_waiting()) == ["change"]  # old.pdf never started
    assert rows.rows[0].status == STOPPED


def test_a_failure_before_core_kept_the_file_stays_with_its_reason() -> None:
    rows = FileRows()
    gone = Progress("gone.pdf", "failed", 1, 1, message="cannot read it: No such file")
    assert run(rows, rows.finished(gone)) == ["insert"]
    run(rows, rows.reconcile([]))
    assert rows.rows == [
        FileRow("gone.pdf", None, FAILED, reason="cannot read it: No such file", done=True)
    ]


def test_reconcile_changes_removes_and_appends_row_by_row() -> None:
    rows = FileRows()
    run(rows, rows.reconcile([record("a", "a.txt"), record("b", "b.txt"), record("c", "c.txt")]))
    failed = record(
        "c", "c.txt", "failed", chunks=0, error={"code": "file_corrupt", "message": "bad"}
    )
    steps = rows.reconcile([failed, record("a", "a.txt"), record("d", "d.txt")])
    assert run(rows, steps) == ["remove", "change", "insert"]
    assert [(r.name, r.status) for r in rows.rows] == [
        ("a.txt", READY),
        ("c.txt", FAILED),
        ("d.txt", READY),
    ]
    assert (rows.rows[1].code, rows.rows[1].reason) == ("file_corrupt", "bad")
    assert rows.reconcile([failed, record("a", "a.txt"), record("d", "d.txt")]) == []


def test_a_reindex_walks_its_queue_in_order() -> None:
    rows = FileRows()
    run(rows, rows.reconcile([record("a", "a.txt"), record("b", "b.txt")]))
    run(rows, rows.queue(["a", "b"]))
    run(rows, rows.next_queued())
    assert [r.status for r in rows.rows] == [INDEXING, QUEUED]
    run(rows, rows.finished(Progress("a.txt", "ok", 1, 2, 2, 9, file_id="a")))
    run(rows, rows.next_queued())
    assert [r.status for r in rows.rows] == [READY, INDEXING]


def test_a_ready_file_shows_its_warnings() -> None:
    warned = record("w", "scan.pdf", warnings=["page 3: scanned page, no text layer"])
    assert FileRow.of(warned).reason == "page 3: scanned page, no text layer"


def test_a_file_read_page_by_page_shows_how_far_it_is() -> None:
    rows = FileRows()
    run(rows, rows.started("scan.pdf"))
    run(rows, rows.reading(Progress("scan.pdf", "reading", 0, 1, pages=4, page=2)))
    assert (rows.rows[0].status, rows.rows[0].fraction, rows.rows[0].pages) == (INDEXING, 0.5, 4)
    run(rows, rows.finished(Progress("scan.pdf", "ok", 1, 1, 4, 7, file_id="s")))
    assert (rows.rows[0].status, rows.rows[0].fraction) == (READY, None)
