"""Where the window's export and import requests become dialogs, one import at a time.

The shell makes one `CapsuleFlows` when it is first needed (so starting the app does not
load the capsule code) and forwards the library's and the menus' requests and dropped
files here. GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.capsule.service import importable
from desktop.ui.capsules.export_dialog import ExportDialog
from desktop.ui.capsules.import_dialog import ImportDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.ui.services import AppServices

# Dropped files with these endings may be imports; the rest are knowledge without a look.
IMPORT_SUFFIXES = (".capsule", ".json", ".png")


class CapsuleFlows(QObject):
    """Opens the export and import dialogs over `window`.

    Signals:
        gpt_imported(str): a GPT was imported; its id.
        dialog_opened(QDialog): an export or import dialog is on screen.
    """

    gpt_imported = Signal(str)
    dialog_opened = Signal(object)

    def __init__(self, services: AppServices, window: QWidget) -> None:
        super().__init__(window)
        self._services = services
        self._window = window
        self._waiting: list[Path] = []
        self.dialog: ExportDialog | ImportDialog | None = None

    def export(self, gpt_id: str, name: str) -> None:
        """Open the export dialog for one GPT."""
        dialog = ExportDialog(self._services, gpt_id, name, self._window)
        self._show(dialog)

    def choose_import(self) -> None:
        """Ask for files to import, then inspect each."""
        chooser = QFileDialog(self._window, self.tr("Import a GPT"))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFiles)
        chooser.setNameFilters(
            [
                self.tr("Capsules and GPTs from other apps (*.capsule *.json *.png)"),
                self.tr("All files (*)"),
            ]
        )
        chooser.filesSelected.connect(lambda files: self.import_files([Path(f) for f in files]))
        chooser.open()

    def import_files(self, paths: list[Path]) -> None:
        """Inspect and import each file in turn, each in its own dialog."""
        self._waiting += paths
        if not isinstance(self.dialog, ImportDialog) or not self.dialog.isVisible():
            self._next()

    def sort_dropped(
        self, paths: list[Path], on_sorted: Callable[[list[Path], list[Path]], None]
    ) -> None:
        """Tell imports from knowledge among dropped files (read in the background).

        `on_sorted(imports, knowledge)` is called on the GUI thread.
        """
        maybe = [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES]
        if not maybe:
            on_sorted([], paths)
            return

        def sorted_out(imports: list[Path]) -> None:
            on_sorted(imports, [p for p in paths if p not in imports])

        self._services.tasks.run(
            lambda: [p for p in maybe if importable(p)], sorted_out, owner=self
        )

    def _next(self) -> None:
        if not self._waiting:
            return
        dialog = ImportDialog(self._services, self._waiting.pop(0), self._window)
        dialog.imported.connect(self.gpt_imported)
        dialog.finished.connect(lambda _result: self._next())
        self._show(dialog)
        dialog.inspect()

    def _show(self, dialog: ExportDialog | ImportDialog) -> None:
        old = self.dialog
        if old is not None and old.isHidden() and not old.job.busy:
            old.deleteLater()  # done with: one closed dialog is kept at most
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
