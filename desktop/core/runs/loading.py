"""A model's load as run events: `model.loading` with its progress, then `model.loaded`.

Runs on the driver's thread, before a run's first model call when the model is not loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from desktop.core.providers import base
from desktop.core.runs import events as ev


def load_events(
    provider: base.Provider, run_id: str, clock: Callable[[], float]
) -> Iterator[ev.Event]:
    """Load `provider`'s model now, saying how far it has come (nothing if it is loaded)."""
    if provider.loaded:
        return
    about = {"run_id": run_id, "model": provider.name}
    yield ev.Event(ev.MODEL_LOADING, {**about, "progress": 0.0})
    started = clock()
    details: dict[str, Any] = {}
    shown = 0.0
    for loading in provider.load():
        if isinstance(loading, base.ModelLoaded):
            details = loading.details
        elif loading.progress > shown:
            shown = loading.progress
            yield ev.Event(ev.MODEL_LOADING, {**about, "progress": shown})
    seconds = round(clock() - started, 3)
    yield ev.Event(ev.MODEL_LOADED, {**about, "seconds": seconds, "details": details})
