"""Stop mid-stream with the tiny local model: no text after the click, the host stopped."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.runs import events as ev
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.tiny_gguf import TinySpec
from tests.ui.playground.conftest import WAIT_MS, make_gpt, open_playground

SEEN_BEFORE_STOP = 3


@pytest.fixture(scope="session")
def chatty_gguf(model_dir: Path) -> Path:
    """A model that writes one word over and over: its answers never end on their own."""
    spec = TinySpec(extra_tokens=(" word",), favoured_token=" word", name="chatty")
    return ensure_tiny(model_dir, "chatty.gguf", spec)


def held_after_deltas(services: Any, count: int, gate: threading.Event) -> None:
    """Hold each run's worker after `count` text deltas until `gate` opens.

    The click on Stop then lands at a known token, however fast the model is.
    """
    engine = services.engine
    start = engine.run

    def run(*args: Any, **kwargs: Any) -> Any:
        stream = start(*args, **kwargs)
        events = stream._events

        def held() -> Iterator[ev.Event]:
            seen = 0
            for event in events:
                yield event
                seen += event.event == ev.MESSAGE_DELTA
                if seen == count and not gate.is_set():
                    gate.wait(WAIT_MS / 1000)

        stream._events = held()
        return stream

    engine.run = run


def test_stop_mid_stream_with_the_tiny_model(qtbot: Any, shell: Any, chatty_gguf: Path) -> None:
    window, services = shell
    gpt = make_gpt(
        services,
        model={"model": str(chatty_gguf), "max_tokens": 1500, "temperature": 1.0, "seed": 1},
    )
    gate = threading.Event()
    held_after_deltas(services, SEEN_BEFORE_STOP, gate)
    page = open_playground(qtbot, window, gpt)
    shown: list[str] = []
    page.streams.event_arrived.connect(
        lambda _live, event: (
            shown.append(event.data["delta"]["content"][0]["text"]["value"])
            if event.event == ev.MESSAGE_DELTA
            else None
        )
    )
    page.message.setPlainText("Talk for a long time")
    page.run_button.click()
    qtbot.wait_until(lambda: len(shown) == SEEN_BEFORE_STOP, timeout=60_000)
    assert page.stop_button.isEnabled() and not page.run_button.isEnabled()
    with qtbot.wait_signal(page.run_finished, timeout=WAIT_MS) as finished:
        page.stop_button.click()
        gate.set()

    run = services.store.runs.get(finished.args[0])
    assert run.status == "cancelled"
    (step,) = services.store.runs.steps(run.id)
    assert step.status == "cancelled"
    assert step.usage is not None and step.usage["completion_tokens"] < 1500  # the host stopped
    answer = services.store.threads.messages(run.thread_id)[-1]
    assert answer.status == "incomplete"
    assert len(shown) == SEEN_BEFORE_STOP  # not one token shown after the click
    assert answer.text == "".join(shown)
    assert page.inspector.model_panel.answer.toPlainText() == answer.text
    assert page.runs_model.index(0, 0).data() == "stopped"
    assert not page.stop_button.isEnabled() and page.run_button.isEnabled()
