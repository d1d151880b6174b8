"""One capsule export or import at a time, streamed off the GUI thread, with Cancel.

Core's calls report through a callback; `ProgressStream` turns them into items a
background task streams. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.capsule.service import CapsuleProgress
from desktop.core.models.progress import Finished, ProgressStream
from desktop.ui.capsules.words import stage_text
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

# (report, cancel) -> the result, on a worker thread
Work = Callable[[Callable[[CapsuleProgress], None], CancelToken], Any]


class CapsuleJob(QObject):
    """Runs one piece of capsule work and says how it goes.

    Signals:
        progressed(CapsuleProgress): a stage moved on.
        finished(object): the work's result.
        failed(Exception): it failed; nothing was written.
        cancelled(): stopped by the user; nothing was written.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._task: Task | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, work: Work) -> None:
        stream = ProgressStream(work)
        self._task = self._services.tasks.stream(
            lambda: stream, self._on_item, self._on_done, self._on_failure, owner=self
        )

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _on_item(self, item: object) -> None:
        if isinstance(item, Finished):
            self._task = None
            self.finished.emit(item.result)
        else:
            self.progressed.emit(item)

    def _on_done(self, was_cancelled: bool) -> None:
        if was_cancelled and self._task is not None:
            self._task = None
            self.cancelled.emit()

    def _on_failure(self, error: Exception) -> None:
        self._task = None
        if isinstance(error, errors.CancelledError):
            self.cancelled.emit()
        else:
            self.failed.emit(error)


class ProgressRow(QWidget):
    """A stage line over a progress bar, hidden while nothing runs."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        self.hide()

    def begin(self) -> None:
        self.stage.setText(self.tr("Starting…"))
        self.bar.setRange(0, 0)  # busy until the first report
        self.show()

    def report(self, progress: CapsuleProgress) -> None:
        self.stage.setText(stage_text(progress))
        total = max(progress.total, 1)
        self.bar.setRange(0, total)
        self.bar.setValue(min(progress.done, total))


def dialog_buttons(
    parent: QWidget, text: str, names: tuple[str, str]
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The dialog's buttons: `text` (the default) and Cancel, with accessible `names`."""
    box = QDialogButtonBox(parent)
    go = box.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    go.setAccessibleName(names[0])
    go.setDefault(True)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("Capsules", "Cancel"))
    cancel.setAccessibleName(names[1])
    return box, go, cancel
