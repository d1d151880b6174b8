"""A run's trace: exported with its steps and history, read back equal, bad files refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import ToolRegistry
from desktop.core.runs.trace import FORMAT, read_trace, write_trace
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool

FILES = [{"id": "file_1", "name": "猫.pdf", "sha256": "0" * 64, "size": 10}]
CHUNK = {
    "id": "c1",
    "file_id": "file_1",
    "file": "猫.pdf",
    "text": "猫每天睡十六个小时。",
    "page": 2,
    "location": "",
    "score": 0.03,
    "ranks": {"bm25": 1, "vector": 2},
    "scores": {"bm25": 4.2, "vector": 0.8},
}


@pytest.fixture
def second_run(store: Store, make_gpt: Any) -> str:
    """The second turn of a thread: retrieval, a tool call, an answer."""
    gpt = make_gpt(knowledge={"files": FILES})
    provider = ScriptedProvider(
        [
            Reply(pieces=["第一个回答"]),
            Reply(tool_calls=[("echo", '{"text": "猫"}')]),
            Reply(pieces=["十六个小时 [1]。"]),
        ]
    )
    engine = RunEngine(
        store,
        provider_for(provider),
        lambda _d, _c: ToolRegistry([EchoTool()]),
        retriever=lambda _d, _g, _t, _q: [dict(CHUNK)],
    )
    first = engine.run(gpt.id, "你好")
    list(first)
    second = engine.run(gpt.id, "猫睡多久?", thread_id=first.thread_id)
    list(second)
    return second.run_id


def test_a_trace_round_trips(store: Store, second_run: str, tmp_path: Path) -> None:
    path = write_trace(store, second_run, tmp_path / "trace")
    assert path.name == "trace.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["gpt"]["name"] == "Test GPT"
    assert "猫睡多久" in path.read_text(encoding="utf-8")  # UTF-8, not escapes

    trace = read_trace(path)
    assert trace.timeline.to_dict() == RunTimeline.load(store, second_run).to_dict()
    assert [(m.role, m.text) for m in trace.history] == [
        ("user", "你好"),
        ("assistant", "第一个回答"),
    ]
    retrieval, _call, tools, _answer = trace.timeline.steps
    assert trace.timeline.sources()[0].scores == {"bm25": 4.2, "vector": 0.8}
    assert tools.function_calls()[0].output == "猫"
    assert retrieval.timings.duration_ms is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON \\(line 1"),
        ('{"format": "something else"}', "is not a run trace"),
        (json.dumps({"format": FORMAT, "version": 99}), "newer Capsule Studio"),
        (json.dumps({"format": FORMAT, "version": 1, "run": {}}), "damaged run trace"),
    ],
)
def test_bad_files_are_refused_in_words(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(errors.ValidationError, match=message):
        read_trace(path)


def test_a_missing_file_and_binary_bytes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(errors.ValidationError, match=r"Cannot read missing\.json"):
        read_trace(tmp_path / "missing.json")
    binary = tmp_path / "image.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0")
    with pytest.raises(errors.ValidationError, match="not UTF-8"):
        read_trace(binary)


def test_a_failed_save_leaves_nothing_behind(
    store: Store, second_run: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(errors.ValidationError, match="Choose another folder"):
        write_trace(store, second_run, tmp_path / "no" / "such" / "trace.json")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "trace.json"
    target.write_text("old", encoding="utf-8")

    def full_disk(_source: Any, _target: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.core.runs.trace.os.replace", full_disk)
    with pytest.raises(errors.ValidationError, match="No space left on device"):
        write_trace(store, second_run, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in folder.iterdir()] == ["trace.json"]
