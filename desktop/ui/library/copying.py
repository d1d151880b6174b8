"""The strip under the library that shows a duplicate being made, with Cancel. GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.knowledge.copy import CopyProgress
from desktop.core.store.records import Gpt
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class CopyStrip(QFrame):
    """Runs one duplication at a time and shows its knowledge being copied.

    Hidden unless the GPT being copied has knowledge files. Cancelling leaves no copy
    behind (core removes what it made).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Copying progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel copying the GPT"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        column = QWidget(self)
        inner = QHBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.bar, 1)
        inner.addWidget(self.cancel_button)
        row.addWidget(self.label, 1)
        row.addWidget(column, 1)
        self._task: Task | None = None
        self._token = CancelToken()
        self.hide()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(
        self, services: AppServices, gpt: Gpt, name: str, on_created: Callable[[Gpt], None]
    ) -> None:
        """Duplicate `gpt` as `name`; `on_created(copy)` once it is made."""
        if self._task is not None:
            services.errors.notify_error(
                self.tr("A GPT is still being copied: wait for it, or cancel it first.")
            )
            return
        self._token = token = CancelToken()

        def on_item(item: CopyProgress | Gpt) -> None:
            if isinstance(item, Gpt):
                on_created(item)
            elif item.total:
                self._show(gpt.name, item)

        def on_failure(error: Exception) -> None:
            self._finish()
            if not isinstance(error, errors.CancelledError):
                services.errors.notify_error(error)

        self._task = services.tasks.stream(
            lambda: services.gpt_library.duplicate(gpt.id, name, token),
            on_item,
            lambda _cancelled: self._finish(),
            on_failure,
            owner=self,
        )

    def cancel(self) -> None:
        self._token.cancel()
        if self._task is not None:
            self._task.cancel()

    def _show(self, name: str, progress: CopyProgress) -> None:
        self.label.setText(
            self.tr("Copying “%1”: %2 of %3 knowledge files")
            .replace("%1", name)
            .replace("%2", str(progress.done))
            .replace("%3", str(progress.total))
        )
        self.bar.setRange(0, progress.total)
        self.bar.setValue(progress.done)
        self.show()

    def _finish(self) -> None:
        self._task = None
        self.hide()
