"""Stop between tokens: text a provider still sends after the cancel is never shown or kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.core.providers import base
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for


class LateProvider(ScriptedProvider):
    """Like a model host with tokens in flight: it goes on for a while after the cancel."""

    def stream(
        self, request: base.ChatRequest, cancel: base.CancelToken
    ) -> Iterator[base.ProviderEvent]:
        self.requests.append(request)
        for index in range(10):
            yield base.TextDelta(f"t{index} ")
        yield base.Usage(5, 10)
        yield base.Finish("stop")


def test_text_after_the_cancel_is_dropped(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    stream = RunEngine(store, provider_for(LateProvider([Reply()]))).run(gpt.id, "go")
    shown = []
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            shown.append(event.data["delta"]["content"][0]["text"]["value"])
            if len(shown) == 2:
                stream.cancel()
    assert shown == ["t0 ", "t1 "]
    run = store.runs.get(stream.run_id)
    assert run.status == "cancelled"
    (answer,) = [m for m in store.threads.messages(run.thread_id) if m.role == "assistant"]
    assert answer.text == "t0 t1 " and answer.status == "incomplete"
    (step,) = store.runs.steps(run.id)
    assert step.usage is not None and step.usage["completion_tokens"] == 10  # what it made
