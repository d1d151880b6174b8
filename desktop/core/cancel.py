"""A cancel flag shared across threads: set by whoever stops work, checked by the worker."""

from __future__ import annotations

import threading


class CancelToken:
    """A flag the engine sets and the provider checks between tokens."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
