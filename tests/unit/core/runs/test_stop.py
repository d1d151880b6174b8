"""Stop ends the answer where the user stopped it, even if the model ran ahead."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.core.providers import base
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.fake_provider import ScriptedProvider, provider_for


class RunAhead(ScriptedProvider):
    """Keeps sending what it had made for five more pieces after the cancel, as a local
    model's host does with the tokens already in the pipe."""

    def stream(self, request: base.ChatRequest, cancel: base.CancelToken) -> Iterator[Any]:
        self.requests.append(request)
        late = 0
        for number in range(1000):
            if cancel.cancelled:
                late += 1
                if late > 5:
                    break
            yield base.TextDelta(f" w{number}")
        yield base.Finish("cancelled")


def test_text_made_after_stop_is_neither_shown_nor_kept(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt()
    stream = RunEngine(store, provider_for(RunAhead([]))).run(gpt.id, "Talk")
    shown = []
    after_stop = 0
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            if len(shown) == 3:
                after_stop += 1
                continue
            shown.append(event.data["delta"]["content"][0]["text"]["value"])
            if len(shown) == 3:
                stream.cancel()
    assert after_stop == 0
    run = store.runs.get(stream.run_id)
    assert run.status == "cancelled"
    answer = store.threads.messages(run.thread_id)[-1]
    assert answer.text == "".join(shown) == " w0 w1 w2"
    assert answer.status == "incomplete"
