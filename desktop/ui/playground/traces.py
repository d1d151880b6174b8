"""Saving a run's trace to a file and opening one, through file dialogs. GUI thread.

The dialogs open with `open()`; the file is written or read on a worker (core's
`runs/trace.py`), and the outcome comes back as a signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.runs.trace import read_trace, write_trace
from desktop.ui.playground.labels import translate

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class TraceFiles(QObject):
    """Exports and opens run traces.

    Signals:
        saved(object): the `Path` a trace was written to.
        opened(object, object): a `Trace` read back, and the `Path` it came from.
        failed(str): why a trace could not be read (said for the user).
    """

    saved = Signal(object)
    opened = Signal(object, object)
    failed = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self.dialog: QFileDialog | None = None

    def ask_save(self, run_id: str) -> None:
        """Ask where to save `run_id`'s trace, then save it."""
        dialog = self._dialog(translate("Playground", "Export the run's trace"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        dialog.selectFile(f"{run_id}.json")
        dialog.fileSelected.connect(lambda file: self.save(run_id, Path(file)))
        dialog.open()

    def save(self, run_id: str, path: Path) -> None:
        store = self._services.store
        self._services.tasks.run(
            lambda: write_trace(store, run_id, path), self.saved.emit, owner=self
        )

    def ask_open(self) -> None:
        """Ask for a trace file, then read it."""
        dialog = self._dialog(translate("Playground", "Open a run's trace"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda file: self.open(Path(file)))
        dialog.open()

    def open(self, path: Path) -> None:
        self._services.tasks.run(
            lambda: read_trace(path),
            lambda trace: self.opened.emit(trace, path),
            lambda exc: self.failed.emit(str(exc)),
            owner=self,
        )

    def _dialog(self, title: str) -> QFileDialog:
        dialog = QFileDialog(self._parent, title)
        dialog.setNameFilter(translate("Playground", "Run traces (*.json)"))
        self.dialog = dialog
        return dialog
