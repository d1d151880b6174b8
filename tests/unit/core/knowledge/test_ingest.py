"""Ingestion: add, skip unchanged, replace changed, remove, fail alone, resume, rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Ingestor
from desktop.core.knowledge.types import Extraction, Section
from desktop.core.providers.base import CancelToken
from desktop.core.store import Store

SETTINGS = KnowledgeSettings(chunk_size=64, chunk_overlap=8)


def read_text(path: Path, _password: str | None, on_page: object = None) -> Extraction:
    """A stand-in extractor for text files; '.bad' files fail like a corrupt PDF would."""
    if path.suffix == ".bad":
        raise errors.CapsuleError(f"{path.name} is damaged")
    pages = path.read_text(encoding="utf-8").split("\f")
    return Extraction([Section(text, page=i + 1) for i, text in enumerate(pages)], pages=len(pages))


@pytest.fixture
def ingestor(store: Store, tmp_path: Path) -> Ingestor:
    return Ingestor(store, KnowledgeIndex(tmp_path / "lance"), tmp_path / "originals", read_text)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Keyrings hold secrets.\fThe second page talks about 知识库.")
    (folder / "b.txt").write_text("Capsules are zip files with a manifest.")
    (folder / ".hidden.txt").write_text("never indexed")
    return folder


def statuses(progress: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(p.file, p.status) for p in progress if p.status != "started"]


def test_add_a_folder_reports_each_file(ingestor: Ingestor, store: Store, docs: Path) -> None:
    progress = list(ingestor.add("gpt_x", [docs], SETTINGS))
    assert statuses(progress) == [("a.txt", "ok"), ("b.txt", "ok")]
    done = progress[-1]
    assert done.files_done == 2 and done.files_total == 2 and done.chunks >= 1
    files = {f.name: f for f in store.knowledge.list("gpt_x")}
    assert files["a.txt"].status == "ready" and files["a.txt"].pages == 2
    hits = ingestor._index.keyword("gpt_x", "知识库", 3)
    assert hits and hits[0].page == 2 and hits[0].file_id == files["a.txt"].id
    assert (ingestor.original(files["a.txt"])).read_bytes() == (docs / "a.txt").read_bytes()


def test_unchanged_files_are_skipped_and_changed_ones_replaced(
    ingestor: Ingestor, store: Store, docs: Path
) -> None:
    list(ingestor.add("gpt_x", [docs], SETTINGS))
    first = {f.name: f.id for f in store.knowledge.list("gpt_x")}
    (docs / "b.txt").write_text("Capsules can be protected with a password.")
    progress = list(ingestor.add("gpt_x", [docs], SETTINGS))
    assert statuses(progress) == [("a.txt", "skipped"), ("b.txt", "ok")]
    after = {f.name: f.id for f in store.knowledge.list("gpt_x")}
    assert after["a.txt"] == first["a.txt"] and after["b.txt"] != first["b.txt"]
    assert ingestor._index.count("gpt_x", first["b.txt"]) == 0
    assert ingestor._index.keyword("gpt_x", "password", 3)[0].file_id == after["b.txt"]


def test_a_failing_file_fails_alone(ingestor: Ingestor, store: Store, docs: Path) -> None:
    (docs / "broken.bad").write_text("x")
    progress = list(
        ingestor.add("gpt_x", [docs / "broken.bad", docs / "b.txt", docs / "missing.txt"], SETTINGS)
    )
    assert statuses(progress) == [
        ("broken.bad", "failed"),
        ("b.txt", "ok"),
        ("missing.txt", "failed"),
    ]
    failed = store.knowledge.by_name("gpt_x", "broken.bad")
    assert failed is not None and failed.status == "failed"
    assert failed.error == {"code": "error", "message": "broken.bad is damaged"}
    assert "not a file" in progress[-1].message


def test_remove_deletes_chunks_and_the_unshared_original(
    ingestor: Ingestor, store: Store, docs: Path
) -> None:
    list(ingestor.add("gpt_x", [docs / "a.txt"], SETTINGS))
    record = store.knowledge.list("gpt_x")[0]
    ingestor.remove("gpt_x", record.id)
    assert store.knowledge.list("gpt_x") == []
    assert ingestor._index.count("gpt_x") == 0
    assert not ingestor.original(record).exists()
    with pytest.raises(errors.NotFoundError):
        ingestor.remove("gpt_x", record.id)


def test_cancel_stops_between_files(ingestor: Ingestor, docs: Path) -> None:
    cancel = CancelToken()
    seen = []
    for progress in ingestor.add("gpt_x", [docs], SETTINGS, cancel=cancel):
        seen.append(progress)
        if progress.status == "ok":
            cancel.cancel()
    assert seen[-1].status == "cancelled" and seen[-1].files_done == 1


def test_resume_finishes_what_a_crash_left(ingestor: Ingestor, store: Store, docs: Path) -> None:
    list(ingestor.add("gpt_x", [docs / "a.txt"], SETTINGS))
    record = store.knowledge.list("gpt_x")[0]
    store.knowledge.start(record)  # as if the process died while indexing it again
    ingestor._index.delete_file("gpt_x", record.id)
    assert store.knowledge.list("gpt_x", "indexing")
    progress = list(ingestor.resume("gpt_x", SETTINGS))
    assert statuses(progress) == [("a.txt", "ok")]
    assert store.knowledge.list("gpt_x")[0].status == "ready"
    assert ingestor._index.keyword("gpt_x", "keyrings", 3)


def test_rebuild_from_originals(ingestor: Ingestor, store: Store, docs: Path) -> None:
    list(ingestor.add("gpt_x", [docs], SETTINGS))
    before = ingestor._index.count("gpt_x")
    (docs / "a.txt").unlink()  # the originals are kept: the source may be gone
    progress = list(ingestor.rebuild("gpt_x", KnowledgeSettings(chunk_size=32, chunk_overlap=4)))
    assert statuses(progress) == [("a.txt", "ok"), ("b.txt", "ok")]
    assert ingestor._index.count("gpt_x") >= before
