"""The Export menu of the chat: a conversation to Markdown or JSON, and JSON back in.

Files are chosen in dialogs opened with `open()`; writing and reading go through the
app's background tasks. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from desktop.core.conversations.export import MarkdownLabels, export_thread, import_thread
from desktop.core.store.records import Thread

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ExportButton(QToolButton):
    """Export the open conversation, or import one; `thread_id`, `gpt_id`, `gpt_name` say which.

    Signals:
        exported(Path): the conversation was written there.
        imported(object): an exported conversation became this `Thread`.
    """

    exported = Signal(Path)
    imported = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.thread_id = ""
        self.gpt_id = ""
        self.gpt_name = ""
        self.setText(self.tr("Export"))
        self.setAccessibleName(self.tr("Export or import a conversation"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("Export as Markdown…"), lambda: self._ask_export(".md"))
        menu.addAction(self.tr("Export as JSON…"), lambda: self._ask_export(".json"))
        menu.addSeparator()
        menu.addAction(self.tr("Import a conversation…"), self._ask_import)
        self.setMenu(menu)

    def _ask_export(self, suffix: str) -> None:
        thread_id = self.thread_id
        if not thread_id:
            self._services.errors.notify_error(self.tr("Open a conversation to export it."))
            return
        dialog = QFileDialog(self, self.tr("Export the conversation"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        markdown = suffix == ".md"
        dialog.setNameFilter(self.tr("Markdown (*.md)") if markdown else self.tr("JSON (*.json)"))
        dialog.setDefaultSuffix(suffix.lstrip("."))
        dialog.fileSelected.connect(lambda file: self.export_to(thread_id, Path(file)))
        dialog.open()

    def export_to(self, thread_id: str, path: Path) -> None:
        """Write the conversation to `path`: Markdown for `.md`, JSON otherwise."""
        store, labels = self._services.store, self.labels()
        self._services.tasks.run(
            lambda: export_thread(store, thread_id, path, labels), self.exported.emit, owner=self
        )

    def labels(self) -> MarkdownLabels:
        """The Markdown export's words, in the window's language."""
        return MarkdownLabels(
            you=self.tr("You"),
            assistant=self.gpt_name or self.tr("Assistant"),
            thought=self.tr("Thought for %1 s"),
            sources=self.tr("Sources"),
            page=self.tr("page %1"),
            attached=self.tr("Attached: %1"),
            picture=self.tr("Picture: %1"),
            exported=self.tr("Exported from Capsule Studio on %1."),
        )

    def _ask_import(self) -> None:
        dialog = QFileDialog(self, self.tr("Import a conversation"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Exported conversations (*.json)"))
        dialog.fileSelected.connect(lambda file: self.import_from(Path(file)))
        dialog.open()

    def import_from(self, path: Path) -> None:
        """Make a new conversation of the open GPT from an exported one."""
        store, gpt_id = self._services.store, self.gpt_id

        def imported(thread: Thread) -> None:
            self.imported.emit(thread)

        self._services.tasks.run(lambda: import_thread(store, gpt_id, path), imported, owner=self)
