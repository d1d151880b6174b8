"""A `knowledge add` killed mid-file: marked interrupted on the next look, and retried.

A child process indexes a file with an extractor that never finishes; the test kills it
with SIGKILL once the file is marked `indexing`, then uses the same data from here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import INTERRUPTED, Ingestor
from desktop.core.knowledge.types import Extraction, Section
from desktop.core.paths import Paths
from desktop.core.store import Store

SETTINGS = KnowledgeSettings(chunk_size=64, chunk_overlap=8)
ROOT = Path(__file__).resolve().parents[4]
# The child: the real ingestor on the same folders, with an extractor that hangs.
CHILD = """
import sys, time
from pathlib import Path
from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Ingestor
from desktop.core.store import Store

database, data, source, started = (Path(a) for a in sys.argv[1:5])

def hang(path, password, on_page=None):
    started.write_text("indexing")
    time.sleep(600)

ingestor = Ingestor(Store(database), KnowledgeIndex(data / "lance"), data / "originals", hang)
list(ingestor.add("gpt_x", [source], KnowledgeSettings(chunk_size=64, chunk_overlap=8)))
"""


def read_text(path: Path, _password: str | None, on_page: object = None) -> Extraction:
    return Extraction([Section(path.read_text(encoding="utf-8"), page=1)], pages=1)


@pytest.fixture
def killed(isolated_home: Paths, tmp_path: Path) -> Path:
    """A file whose indexing process was killed; the database and folders it used."""
    source = tmp_path / "notes.txt"
    source.write_text("The lighthouse keeper logs every ship. " * 20, encoding="utf-8")
    started = tmp_path / "started"
    Store(isolated_home.database).close()  # the schema, before the child opens it
    folders = [isolated_home.database, tmp_path, source, started]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *map(str, folders)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists():
            assert child.poll() is None, "the child ended before indexing"
            assert time.monotonic() < deadline, "the child never started indexing"
            time.sleep(0.05)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    return source


def test_a_killed_add_is_marked_interrupted_then_retried(
    isolated_home: Paths, tmp_path: Path, killed: Path
) -> None:
    store = Store(isolated_home.database)
    try:
        ingestor = Ingestor(
            store, KnowledgeIndex(tmp_path / "lance"), tmp_path / "originals", read_text
        )
        (left,) = store.knowledge.list("gpt_x")
        assert left.status == "indexing"  # as the killed process left it
        (marked,) = ingestor.recover("gpt_x")
        assert marked.id == left.id
        after = store.knowledge.get(left.id)
        assert after.status == "failed" and (after.error or {})["code"] == INTERRUPTED
        assert "index it again" in (after.error or {})["message"]
        assert ingestor.recover("gpt_x") == []  # marked once
        other = tmp_path / "other.txt"
        other.write_text("Another file entirely.", encoding="utf-8")
        done = [p for p in ingestor.add("gpt_x", [other], SETTINGS) if p.status != "started"]
        assert [(p.file, p.status) for p in done] == [("notes.txt", "ok"), ("other.txt", "ok")]
        assert {f.name: f.status for f in store.knowledge.list("gpt_x")} == {
            "notes.txt": "ready",
            "other.txt": "ready",
        }
    finally:
        store.close()


def test_a_file_being_indexed_by_a_live_process_is_left_alone(
    isolated_home: Paths, tmp_path: Path
) -> None:
    store = Store(isolated_home.database)
    try:
        source = tmp_path / "live.txt"
        source.write_text("Still being read.", encoding="utf-8")
        seen: list[list[str]] = []

        def extract(path: Path, password: str | None, on_page: object = None) -> Extraction:
            # Mid-indexing, another ingestor (another window) looks at the knowledge.
            seen.append([f.name for f in other.recover("gpt_x")])
            return read_text(path, password)

        index = KnowledgeIndex(tmp_path / "lance")
        ingestor = Ingestor(store, index, tmp_path / "originals", extract)
        other = Ingestor(store, index, tmp_path / "originals", read_text)
        done = [p.status for p in ingestor.add("gpt_x", [source], SETTINGS)]
        assert done == ["started", "ok"] and seen == [[]]
    finally:
        store.close()
