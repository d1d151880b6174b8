"""Tests for desktop/core/knowledge/copy.py and KnowledgeIndex.copy_file: chunks, vectors,
failed files, and no half copies."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.gpt import KnowledgeSettings, validate_definition
from desktop.core.knowledge.copy import CopyProgress, copy_knowledge
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Ingestor
from desktop.core.knowledge.types import Extraction, Section
from desktop.core.store import Store

SETTINGS = KnowledgeSettings(chunk_size=64, chunk_overlap=8)


def read_text(path: Path, _password: str | None, on_page: object = None) -> Extraction:
    if path.suffix == ".bad":
        raise errors.CapsuleError(f"{path.name} is damaged")
    return Extraction([Section(path.read_text(encoding="utf-8"), page=1)], pages=1)


def embed(texts: list[str]) -> list[list[float]]:
    """Three made-up dimensions that tell the two test texts apart."""
    return [[1.0, 0.0, 0.0] if "cat" in t.lower() else [0.0, 1.0, 0.0] for t in texts]


@pytest.fixture
def index(tmp_path: Path) -> KnowledgeIndex:
    return KnowledgeIndex(tmp_path / "lance")


def two_gpts(store: Store) -> tuple[str, str]:
    source = store.gpts.create(validate_definition({"name": "source"}))
    target = store.gpts.create(validate_definition({"name": "target"}))
    return source.id, target.id


def test_chunks_and_vectors_are_copied_under_new_file_ids(
    store: Store, index: KnowledgeIndex, tmp_path: Path
) -> None:
    source, target = two_gpts(store)
    ingestor = Ingestor(store, index, tmp_path / "originals", read_text, embed)
    docs = [tmp_path / "cats.txt", tmp_path / "broken.bad"]
    docs[0].write_text("Cats purr. " * 30, encoding="utf-8")
    docs[1].write_text("unreadable", encoding="utf-8")
    list(ingestor.add(source, docs, SETTINGS))

    progress = list(copy_knowledge(store, index, source, target))

    assert progress == [
        CopyProgress(0, 2, ""),
        CopyProgress(1, 2, "cats.txt"),
        CopyProgress(2, 2, "broken.bad"),
    ]
    ready, failed = store.knowledge.list(target)
    original = store.knowledge.list(source)[0]
    assert (ready.name, ready.status, ready.sha256) == ("cats.txt", "ready", original.sha256)
    assert ready.chunks == original.chunks == index.count(target, ready.id) > 1
    assert index.count(source) == original.chunks  # the source keeps its own
    assert (failed.status, failed.error) == ("failed", store.knowledge.list(source)[1].error)
    assert index.has_vectors(target)
    (hit,) = index.nearest(target, [1.0, 0.0, 0.0], 1)
    assert hit.file_id == ready.id and hit.id.startswith(f"{ready.id}:")
    assert index.keyword(target, "purr", 1)[0].file_id == ready.id


def test_a_failure_half_way_removes_what_was_copied(
    store: Store, index: KnowledgeIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = two_gpts(store)
    ingestor = Ingestor(store, index, tmp_path / "originals", read_text)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{name} text about cats", encoding="utf-8")
    list(ingestor.add(source, [tmp_path / "a.txt", tmp_path / "b.txt"], SETTINGS))
    calls: list[str] = []
    original = index.copy_file

    def flaky(owner: str, file_id: str, to: str, new_id: str) -> int:
        calls.append(file_id)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(owner, file_id, to, new_id)

    monkeypatch.setattr(index, "copy_file", flaky)
    with pytest.raises(OSError, match="disk full"):
        list(copy_knowledge(store, index, source, target))
    assert store.knowledge.list(target) == []
    assert index.count(target) == 0
    assert index.count(source) > 0


def test_a_file_with_no_chunks_copies_as_empty(store: Store, index: KnowledgeIndex) -> None:
    source, target = two_gpts(store)
    assert index.copy_file(source, "file_none", target, "file_new") == 0
    assert list(copy_knowledge(store, index, source, target)) == [CopyProgress(0, 0, "")]
