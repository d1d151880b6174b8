"""Prompt parts: exact where the provider counts with the model's tokenizer, else estimated."""

from __future__ import annotations

from typing import Any

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.runs.citations import CITATION_GUIDE
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.parts import PARTS, split_system
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for

FILES = [{"id": "file_1", "name": "cats.txt", "sha256": "0" * 64, "size": 10}]
CHUNK = {
    "id": "c1",
    "file_id": "file_1",
    "file": "cats.txt",
    "text": "Cats sleep sixteen hours a day, mostly in the afternoon.",
    "page": None,
    "location": "",
    "score": 0.03,
    "ranks": {"bm25": 1},
    "scores": {"bm25": 4.2},
}


class CountingProvider(ScriptedProvider):
    """Counts one token per character of its rendering: exact, as a local model's are."""

    def __init__(self, replies: list[Reply], refuse_alone: bool = False) -> None:
        super().__init__(replies, chars_per_token=1)
        self.refuse_alone = refuse_alone

    def counts_exactly(self) -> bool:
        return True

    def prepare(self, request: base.ChatRequest) -> base.PreparedPrompt:
        if self.refuse_alone and request.messages[-1]["role"] == "system":
            raise errors.ModelError("this template needs a user message")
        text = self.render(request) + "".join(t["function"]["name"] for t in request.tools)
        return base.PreparedPrompt(text=text, tokens=len(text))


def second_turn(store: Store, make_gpt: Any, provider: ScriptedProvider) -> RunTimeline:
    gpt = make_gpt(instructions="Be kind.", knowledge={"files": FILES})
    engine = RunEngine(
        store, provider_for(provider), retriever=lambda _d, _g, _t, _q: [dict(CHUNK)]
    )
    first = engine.run(gpt.id, "Hello")
    list(first)
    second = engine.run(gpt.id, "Cats?", thread_id=first.thread_id)
    list(second)
    return RunTimeline.load(store, second.run_id)


def test_exact_parts_are_what_each_part_adds(store: Store, make_gpt: Any) -> None:
    provider = CountingProvider([Reply(pieces=["Hi!"]), Reply(pieces=["Sixteen hours [1]."])])
    timeline = second_turn(store, make_gpt, provider)
    call = timeline.steps[-1].model_call
    assert call is not None and call.prompt_parts is not None
    parts = call.prompt_parts
    assert parts.estimated is False
    assert sum(getattr(parts, n) for n in PARTS) == call.prompt_tokens
    # "<system>Be kind.\n" alone, then the citation guide that follows it, and so on.
    assert parts.instructions == len("<system>Be kind.\n")
    assert parts.system == len("\n\n" + CITATION_GUIDE)
    assert parts.history == len("<user>Hello\n<assistant>Hi!\n")
    assert parts.message == len("<user>Cats?\n")
    assert parts.knowledge == len(call.messages[-1]["content"]) - len("Cats?")


def test_a_template_that_cannot_render_a_part_alone_falls_back_to_estimates(
    store: Store, make_gpt: Any
) -> None:
    provider = CountingProvider([Reply(pieces=["Hi!"]), Reply(pieces=["ok"])], refuse_alone=True)
    call = second_turn(store, make_gpt, provider).steps[-1].model_call
    assert call is not None and call.prompt_parts is not None
    assert call.prompt_parts.estimated is True
    assert sum(getattr(call.prompt_parts, n) for n in PARTS) == call.prompt_tokens


def test_a_provider_that_estimates_gets_estimated_parts(store: Store, make_gpt: Any) -> None:
    provider = ScriptedProvider([Reply(pieces=["Hi!"]), Reply(pieces=["ok"])])
    call = second_turn(store, make_gpt, provider).steps[-1].model_call
    assert call is not None and call.prompt_parts is not None
    parts = call.prompt_parts
    assert parts.estimated is True and parts.instructions > 0 and parts.system > 0


def test_the_system_prompt_splits_into_instructions_and_guides() -> None:
    system = f"Be kind.\n\n{CITATION_GUIDE}\n\nAnswer in French."
    assert split_system(system) == ("Be kind.\n\nAnswer in French.", CITATION_GUIDE)
    assert split_system("Just this.") == ("Just this.", "")
