"""The welcome page's other ways forward: pick a GGUF file, or add an API key. GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from desktop.core.models.library import ImportResult
from desktop.ui.welcome.cards import Card, Transfer, is_cancel

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ImportCard(Card):
    """Pick a GGUF file on this computer; it is checked and copied into the models folder.

    Signals:
        imported(str): the model with this id was imported (or was already there).
    """

    imported = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget) -> None:
        super().__init__(
            self.tr("Use a model file you have"),
            self.tr(
                "Pick a .gguf model file on this computer. It is checked and copied into "
                "your models folder."
            ),
            parent,
        )
        self._services = services
        self.button = QPushButton(self.tr("Choose a GGUF file…"), self)
        self.button.setAccessibleName(self.tr("Choose a GGUF model file"))
        self.button.clicked.connect(self.choose)
        self.transfer = Transfer(self.tr("the import"), self)
        self.dialog: QFileDialog | None = None
        self.add_button(self.button)
        self.column.addWidget(self.transfer)
        self.column.addStretch(1)

    @property
    def busy(self) -> bool:
        return self.transfer.busy

    def choose(self) -> None:
        """Open a file dialog (not modal to the app); the chosen file is imported."""
        self.dialog = QFileDialog(
            self,
            self.tr("Choose a GGUF model file"),
            str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        self.dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.dialog.fileSelected.connect(lambda name: self.import_file(Path(name)))
        self.dialog.open()

    def import_file(self, path: Path) -> None:
        """Check and copy `path` into the models folder in the background."""
        if self.busy:
            return
        models = self._services.models
        self.button.setEnabled(False)
        self.transfer.run(
            self._services,
            lambda report, cancel: models.import_file(path, report, cancel),
            self._on_imported,
            self._on_failed,
        )

    def _on_imported(self, result: ImportResult) -> None:
        self.button.setEnabled(True)
        self.imported.emit(result.id)

    def _on_failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        if not is_cancel(error):
            self.transfer.show_error(error)


class KeyCard(Card):
    """Use an online service: the API key is added in settings.

    Signals:
        key_requested(): the user wants to add a provider's API key.
    """

    key_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            self.tr("Use an online service"),
            self.tr(
                "Add an API key for OpenAI, DeepSeek, Qwen (DashScope), Moonshot or another "
                "OpenAI-compatible service. The key is kept in your system's keyring."
            ),
            parent,
        )
        self.button = QPushButton(self.tr("Add an API key…"), self)
        self.button.setAccessibleName(self.tr("Add an API key in settings"))
        self.button.clicked.connect(self.key_requested)
        self.add_button(self.button)
        self.column.addStretch(1)
