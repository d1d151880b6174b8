"""Pictures of a thread's files (plots, generated images), read off the GUI thread."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

# Pictures kept in memory.
IMAGES_KEPT = 64


class ImageLoader(QObject):
    """Pictures of thread files, read on a worker; `loaded` says one has arrived.

    Signals:
        loaded(str): the file's name.
    """

    loaded = Signal(str)

    def __init__(self, load: Callable[[str, str], QImage], run: Callable[..., Any]) -> None:
        super().__init__()
        self._load = load
        self._run = run
        self._images: OrderedDict[tuple[str, str], QImage | None] = OrderedDict()

    def image(self, thread_id: str, name: str) -> QImage | None:
        """The picture, or None while it loads (a load starts now)."""
        key = (thread_id, name)
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        self._images[key] = None
        while len(self._images) > IMAGES_KEPT:
            self._images.popitem(last=False)

        def arrived(image: QImage) -> None:
            self._images[key] = image
            self.loaded.emit(name)

        self._run(lambda: self._load(thread_id, name), arrived)
        return None
