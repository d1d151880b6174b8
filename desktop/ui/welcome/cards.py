"""The welcome page's cards: a framed box per way forward, and the transfer row they share.

GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.models.progress import Finished, Progress, ProgressCallback, ProgressStream
from desktop.ui.errors import notice_for
from desktop.ui.tasks import Task
from desktop.ui.welcome.words import progress_text
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.core.cancel import CancelToken
    from desktop.ui.services import AppServices


class Card(QFrame):
    """A framed box with a title, a line of text and whatever the card adds under it."""

    def __init__(self, title: str, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.title = QLabel(title, self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(14, 12, 14, 12)
        self.column.setSpacing(8)
        self.column.addWidget(self.title)
        self.column.addWidget(self.text)

    def add_button(self, button: QWidget) -> None:
        """Put `button` on a line of its own, at its natural width."""
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self.column.addLayout(row)


class Transfer(QWidget):
    """A progress bar with its words and a Cancel button, for one download or copy.

    Runs `work(report, cancel)` through the app's background tasks; the result or the
    failure is handed back on the GUI thread. A cancel is not a failure: `on_failure`
    gets `errors.CancelledError` and words it as such.

    Signals:
        progressed(object): a `Progress` report, already shown.
    """

    progressed = Signal(object)

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(name)
        self.bar.setTextVisible(True)
        self.words = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel %1").replace("%1", name))
        self.cancel_button.clicked.connect(self.cancel)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.RichText)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.words)
        column.addWidget(self.error)
        self._task: Task | None = None
        self._stream: ProgressStream[Any] | None = None
        self._set_running(False)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def run(
        self,
        services: AppServices,
        work: Callable[[ProgressCallback, CancelToken], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        """Start `work` unless something runs already."""
        if self._task is not None:
            return
        stream: ProgressStream[Any] = ProgressStream(work)
        self._stream = stream
        self.error.hide()
        self.words.setText(self.tr("Starting…"))
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self._set_running(True)

        def on_item(item: Progress | Finished[Any]) -> None:
            if isinstance(item, Finished):
                self._done()
                on_success(item.result)
            else:
                self._show(item)

        def failed(error: Exception) -> None:
            self._done()
            on_failure(error)

        self._task = services.tasks.stream(
            lambda: stream, on_item, lambda _cancelled: self._done(), failed, owner=self
        )

    def cancel(self) -> None:
        """Stop the transfer; what it keeps (a partial download) is up to core."""
        if self._stream is not None:
            self._stream.cancel()

    def show_error(self, error: Exception) -> None:
        """Show a failure in place: the headline in bold, then the core's words."""
        notice = notice_for(error)
        self.error.setText(
            f"<b>{html.escape(notice.headline)}</b><br>{html.escape(notice.detail)}"
            if notice.detail
            else f"<b>{html.escape(notice.headline)}</b>"
        )
        self.error.show()
        self.show()

    def _show(self, progress: Progress) -> None:
        if progress.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round((progress.fraction or 0.0) * 1000))
        self.words.setText(progress_text(progress))
        self.progressed.emit(progress)

    def _done(self) -> None:
        self._task = None
        self._stream = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.words.setVisible(running)
        self.setVisible(running or not self.error.isHidden())


def is_cancel(error: Exception) -> bool:
    """Whether `error` only says that the user stopped the work."""
    return isinstance(error, errors.CancelledError)
