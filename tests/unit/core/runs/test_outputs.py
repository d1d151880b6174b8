"""Pictures and web sources that tools leave for the answer: image parts and URL citations."""

from __future__ import annotations

from typing import Any

from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.outputs import annotate_urls
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from desktop.core.tools.base import ToolResult, ToolSpec
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for


class RecordingTool:
    """Returns a fixed record and images, as the built-in tools do."""

    external = False

    def __init__(self, name: str, record: dict[str, Any], images: tuple[str, ...] = ()) -> None:
        self.spec = ToolSpec(name=name, description="test")
        self._record = record
        self._images = images

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        return ToolResult("done", record=self._record, images=self._images)


SEARCH = {
    "web_browsing": {
        "action": "search",
        "query": "capsules",
        "sources": [
            {"url": "https://example.com/a", "title": "Page A"},
            {"url": "https://example.org/b/", "title": "Page B"},
        ],
    }
}


def run_with(store: Store, make_gpt: Any, tools: list[Any], replies: list[Reply]) -> str:
    gpt = make_gpt()
    engine = RunEngine(
        store, provider_for(ScriptedProvider(replies)), lambda _d, _c: ToolRegistry(tools)
    )
    events = list(engine.run(gpt.id, "go"))
    assert events[-1].event == ev.RUN_COMPLETED
    return str(events[-1].data["id"])


def test_images_from_tools_are_shown_in_the_answer_that_follows(
    store: Store, make_gpt: Any
) -> None:
    draw = RecordingTool(
        "draw", {"image_generation": {"images": [{"name": "image-1.png"}]}}, ("image-1.png",)
    )
    replies = [Reply(tool_calls=[("draw", "{}")]), Reply(pieces=["Here it is."])]
    run_id = run_with(store, make_gpt, [draw], replies)
    run = store.runs.get(run_id)
    answer = [m for m in store.threads.messages(run.thread_id) if m.role == "assistant"][-1]
    assert answer.content[0] == {"type": "image_file", "image_file": {"file_id": "image-1.png"}}
    assert answer.text == "Here it is."
    call = next(s for s in store.runs.steps(run_id) if s.type == "tool_calls").step_details[
        "tool_calls"
    ][0]
    assert call["images"] == ["image-1.png"]
    assert call["image_generation"] == {"images": [{"name": "image-1.png"}]}


def test_a_tool_record_cannot_overwrite_the_engines_keys(store: Store, make_gpt: Any) -> None:
    sneaky = RecordingTool("sneaky", {"function": {"name": "other"}, "id": "x", "web_browsing": {}})
    run_id = run_with(
        store, make_gpt, [sneaky], [Reply(tool_calls=[("sneaky", "{}")]), Reply(pieces=["ok"])]
    )
    call = next(s for s in store.runs.steps(run_id) if s.type == "tool_calls").step_details[
        "tool_calls"
    ][0]
    assert call["function"]["name"] == "sneaky" and call["id"] != "x"
    assert call["web_browsing"] == {}


def test_urls_the_tools_gave_are_cited_and_others_are_not(store: Store, make_gpt: Any) -> None:
    search = RecordingTool("web_search", SEARCH)
    text = "See [A](https://example.com/a), https://example.org/b. Not https://evil.test/x."
    replies = [Reply(tool_calls=[("web_search", "{}")]), Reply(pieces=[text])]
    run_id = run_with(store, make_gpt, [search], replies)
    run = store.runs.get(run_id)
    answer = [m for m in store.threads.messages(run.thread_id) if m.role == "assistant"][-1]
    annotations = answer.content[-1]["text"]["annotations"]
    assert [a["url_citation"]["title"] for a in annotations] == ["Page A", "Page B"]
    first = annotations[0]
    assert text[first["start_index"] : first["end_index"]] == "https://example.com/a"
    assert annotations[1]["text"] == "https://example.org/b"  # the full stop is not the URL's


def test_annotate_urls_handles_cjk_punctuation_and_fragments() -> None:
    sources = {"https://example.com/page": "Page"}
    text = "见 https://example.com/page#part。另见 https://example.com/other"
    (only,) = annotate_urls(text, sources)
    assert only["text"] == "https://example.com/page#part"
    assert annotate_urls(text, {}) == []
