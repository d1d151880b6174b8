"""Importing an OpenAPI document: from a file, a web address, or pasted text.

A document that cannot be used is refused with its problem shown in place: under the
field, and, for pasted text, on the line it is about (highlighted, with the cursor
there). Reading and parsing run through the app's tasks. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.ui.builder.sections.base import ProblemLabel
from desktop.ui.errors import notice_for

if TYPE_CHECKING:
    from desktop.core.tools.actions.importer import ImportResult
    from desktop.ui.services import AppServices

_PROBLEM_LINE = QColor("#fde8e8")


def _import(source: str) -> ImportResult:
    from desktop.core.tools.actions.importer import import_action  # noqa: PLC0415 (YAML)

    return import_action(source)


class ActionImport(QWidget):
    """Where an OpenAPI document comes from, and the button that imports it.

    Signals:
        imported(object): an `ImportResult` read and parsed without problems.
    """

    imported = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._dialog: QFileDialog | None = None
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(
            self.tr("A file, or an https:// address of an OpenAPI document")
        )
        self.source.setAccessibleName(self.tr("OpenAPI document: file or address"))
        self.source.returnPressed.connect(self.start_import)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose an OpenAPI file"))
        self.browse_button.clicked.connect(self._on_browse_clicked)
        self.paste_button = QPushButton(self.tr("Paste text"), self)
        self.paste_button.setCheckable(True)
        self.paste_button.setAccessibleName(self.tr("Paste the document's text instead"))
        self.paste_button.toggled.connect(self._on_paste_toggled)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setAccessibleName(self.tr("Import the OpenAPI document"))
        self.import_button.clicked.connect(self.start_import)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("OpenAPI document text (JSON or YAML)"))
        self.text.setPlaceholderText(self.tr("Paste an OpenAPI 2.0, 3.0 or 3.1 document here"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(160)
        self.text.hide()
        self.problem = ProblemLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.paste_button)
        row.addWidget(self.import_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.text)
        column.addWidget(self.problem)

    def start_import(self) -> None:
        """Read and parse the document given (file, address or pasted text)."""
        pasted = self.paste_button.isChecked()
        source = self.text.toPlainText() if pasted else self.source.text().strip()
        self._show_problem("", None)
        if not source.strip():
            self._show_problem(
                self.tr("Paste the document first.")
                if pasted
                else self.tr("Give a file or an address first, or paste the text."),
                None,
            )
            return
        self.import_button.setEnabled(False)
        self.import_button.setText(self.tr("Importing…"))
        self._services.tasks.run(
            lambda: _import(source), self._on_imported, self._on_failed, owner=self
        )

    def _finish(self) -> None:
        self.import_button.setEnabled(True)
        self.import_button.setText(self.tr("Import"))

    def _on_imported(self, result: ImportResult) -> None:
        self._finish()
        self.source.clear()
        self.text.clear()
        self.paste_button.setChecked(False)
        self.imported.emit(result)

    def _on_failed(self, exc: Exception) -> None:
        self._finish()
        line = exc.line if isinstance(exc, errors.ActionDocumentError) else None
        notice = notice_for(exc)
        self._show_problem(f"{notice.headline} {notice.detail}".strip(), line)

    def _show_problem(self, text: str, line: int | None) -> None:
        """Say what is wrong; mark `line` of the pasted text when there is one."""
        self.problem.show_text(text)
        selections: list[QTextEdit.ExtraSelection] = []
        if text and line is not None and self.paste_button.isChecked():
            block = self.text.document().findBlockByLineNumber(line - 1)
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(_PROBLEM_LINE)
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
                self.text.setTextCursor(QTextCursor(block))
                self.text.centerCursor()
        self.text.setExtraSelections(selections)
        self.text.setAccessibleDescription(text)

    def problem_line(self) -> int | None:
        """The pasted text's line marked as the problem's (1-based), or None."""
        selections = self.text.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None

    def _on_paste_toggled(self, on: bool) -> None:
        self.text.setVisible(on)
        self.source.setEnabled(not on)
        self.browse_button.setEnabled(not on)
        if on:
            self.text.setFocus()

    def _on_browse_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose an OpenAPI document"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("OpenAPI documents (*.json *.yaml *.yml);;All files (*)"))
        dialog.fileSelected.connect(self._on_file_selected)
        self._dialog = dialog
        dialog.open()

    def _on_file_selected(self, path: str) -> None:
        self.source.setText(path)
        self.start_import()
