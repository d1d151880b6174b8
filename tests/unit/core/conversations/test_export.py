"""A conversation exported to JSON and back, and to Markdown for people."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from desktop.core import errors
from desktop.core.conversations.export import (
    MarkdownLabels,
    ThreadExport,
    export_thread,
    import_thread,
)
from desktop.core.runs.reasoning import reasoning_part
from desktop.core.store import Store
from desktop.core.store.records import text_content

CITATION = {
    "type": "file_citation",
    "text": "[1]",
    "start_index": 20,
    "end_index": 23,
    "file_citation": {
        "file_id": "file_1",
        "file": "guide.pdf",
        "page": 4,
        "chunk_id": "c1",
        "quote": "Trains leave every ten minutes.",
    },
}


def conversation(store: Store, make_gpt: Any) -> str:
    gpt = make_gpt(name="Travel helper")
    thread = store.threads.create(gpt.id, title="Kyoto trip")
    answer = [
        reasoning_part("Check the guide first.", 2100.0),
        {"type": "image_file", "image_file": {"file_id": "map (1).png"}},
        *text_content("Trains run often. [1]\n\n| a | b |\n|---|---|\n| 1 | 2 |", [CITATION]),
    ]
    attached = [
        {"file_id": "plan.csv", "name": "plan.csv", "tools": [{"type": "code_interpreter"}]}
    ]
    with store.transaction() as tx:
        tx.threads.add_message(
            thread.id, "user", text_content("京都の電車は？"), "completed", None, attached
        )
        tx.threads.add_message(thread.id, "assistant", answer, "completed")
        gone = tx.threads.add_message(thread.id, "user", text_content("old wording"), "completed")
    store.threads.supersede(thread.id, gone.seq, gone.seq + 1, "run_x")
    return thread.id


def test_json_round_trip(store: Store, make_gpt: Any, tmp_path: Path) -> None:
    thread_id = conversation(store, make_gpt)
    gpt_id = store.threads.get(thread_id).gpt_id
    path = export_thread(store, thread_id, tmp_path / "chat.json")

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "capsule-studio.thread" and data["gpt"]["name"] == "Travel helper"
    assert [m["role"] for m in data["messages"]] == ["user", "assistant"]  # no edited-away one

    copy = import_thread(store, gpt_id, path)
    assert copy.id != thread_id and copy.title == "Kyoto trip"
    again = ThreadExport.of(store, copy.id)
    first = ThreadExport.of(store, thread_id)
    assert [m.model_dump(exclude={"created_at"}) for m in again.messages] == [
        m.model_dump(exclude={"created_at"}) for m in first.messages
    ]


def test_markdown_reads_like_the_chat(store: Store, make_gpt: Any, tmp_path: Path) -> None:
    thread_id = conversation(store, make_gpt)
    labels = MarkdownLabels(you="你", thought="思考了 %1 秒", sources="来源", page="第 %1 页")
    text = export_thread(store, thread_id, tmp_path / "chat.md", labels).read_text("utf-8")

    assert text.startswith("# Kyoto trip\n")
    assert "## 你\n\n京都の電車は？" in text
    assert "## Travel helper" in text
    assert "<summary>思考了 2 秒</summary>" in text and "> Check the guide first." in text
    assert "![Picture: map (1).png](map%20%281%29.png)" in text
    assert "- [1] guide.pdf, 第 4 页: “Trains leave every ten minutes.”" in text
    assert "*Attached: plan.csv*" in text
    assert "old wording" not in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<table>" in html and "<details>" in html and 'src="map%20%281%29.png"' in html


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("not json", "not JSON"),
        ('{"format": "other"}', "not a Capsule Studio conversation"),
        ('{"format": "capsule-studio.thread", "version": 99}', "newer Capsule Studio"),
        (
            '{"format": "capsule-studio.thread", "version": 1, "messages": [{"role": "x"}]}',
            "damaged",
        ),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    store: Store, make_gpt: Any, tmp_path: Path, content: str, match: str
) -> None:
    gpt = make_gpt()
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(errors.ValidationError, match=match):
        import_thread(store, gpt.id, path)
    assert store.threads.list(gpt.id) == []


def test_an_unwritable_place_is_a_clear_error(store: Store, make_gpt: Any, tmp_path: Path) -> None:
    thread_id = conversation(store, make_gpt)
    with pytest.raises(errors.ValidationError, match="Choose another place"):
        export_thread(store, thread_id, tmp_path / "missing" / "chat.md")
