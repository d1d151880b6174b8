"""Where the user writes: the message, its attachments, Send and Stop.

Enter sends and Shift+Enter starts a new line; Escape stops a run that is answering.
Each attached file goes either to the code interpreter (the thread's files) or to the
conversation's knowledge (searched with the GPT's); documents default to knowledge,
data files to code. Editing an earlier question happens here too. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.conversations import CODE, KNOWLEDGE, Attachment

# Files that read as documents go to the conversation's knowledge by default.
DOCUMENTS = {".pdf", ".docx", ".md", ".markdown", ".html", ".htm", ".txt", ".rst"}
MAX_LINES_SHOWN = 8


class MessageEdit(QPlainTextEdit):
    """The message field: Enter asks to send, Escape to stop.

    Signals:
        submitted(): Enter was pressed (without Shift).
        escaped(): Escape was pressed.
    """

    submitted = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.submitted.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    """The message being written. See the module docstring.

    Signals:
        send_requested(str, list, str): text, `Attachment`s, and the message it replaces
            ('' for a new one).
        stop_requested(): stop the run that is answering.
    """

    send_requested = Signal(str, list, str)
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.attachments: list[Attachment] = []
        self.editing = ""
        self.editor = MessageEdit(self)
        self.editor.setPlaceholderText(
            self.tr("Message the GPT (Enter sends, Shift+Enter: new line)")
        )
        self.editor.setAccessibleName(self.tr("Message"))
        self.editor.setTabChangesFocus(True)
        self.editor.submitted.connect(self.submit)
        self.editor.escaped.connect(self._on_escaped)
        self.editor.textChanged.connect(self._fit)
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach files to the message"))
        self.attach_button.clicked.connect(self._on_attach_clicked)
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.editing_label = QLabel(
            self.tr("Editing an earlier message: sending replaces it and what followed."), self
        )
        self.editing_label.setWordWrap(True)
        self.cancel_edit_button = QPushButton(self.tr("Cancel editing"), self)
        self.cancel_edit_button.setAccessibleName(self.tr("Cancel editing"))
        self.cancel_edit_button.clicked.connect(self.cancel_edit)
        self.chips = QHBoxLayout()
        self.chips.setSpacing(4)
        editing = QHBoxLayout()
        editing.addWidget(self.editing_label, 1)
        editing.addWidget(self.cancel_edit_button)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(editing)
        layout.addLayout(self.chips)
        layout.addLayout(row)
        self.set_busy(False)
        self._show_editing(False)
        self._fit()

    # -- state -------------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """While a run answers, Send becomes Stop (the message can still be written)."""
        self.busy = busy
        self.send_button.setText(self.tr("Stop") if busy else self.tr("Send"))
        self.send_button.setAccessibleName(
            self.tr("Stop the answer (Escape)") if busy else self.tr("Send the message (Enter)")
        )
        self.attach_button.setEnabled(not busy)

    def start_edit(self, message_id: str, text: str) -> None:
        self.editing = message_id
        self.editor.setPlainText(text)
        self._show_editing(True)
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        self.editing = ""
        self.editor.clear()
        self._show_editing(False)

    def clear(self) -> None:
        self.editor.clear()
        self.editing = ""
        self._show_editing(False)
        self.attachments = []
        self._show_chips()

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if any(a.path == path for a in self.attachments):
                continue
            to = KNOWLEDGE if path.suffix.lower() in DOCUMENTS else CODE
            self.attachments.append(Attachment(path, to))
        self._show_chips()

    # -- sending -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        text = self.editor.toPlainText().strip()
        if not text:
            return
        self.send_requested.emit(text, list(self.attachments), self.editing)

    def _on_send_clicked(self) -> None:
        if self.busy:
            self.stop_requested.emit()
        else:
            self.submit()

    def _on_escaped(self) -> None:
        if self.busy:
            self.stop_requested.emit()
        elif self.editing:
            self.cancel_edit()

    def _on_attach_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach files"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.add_files([Path(f) for f in files]))
        dialog.open()

    # -- looks -----------------------------------------------------------------------------------

    def _show_editing(self, on: bool) -> None:
        self.editing_label.setVisible(on)
        self.cancel_edit_button.setVisible(on)

    def _show_chips(self) -> None:
        while self.chips.count():
            taken = self.chips.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for attachment in self.attachments:
            self.chips.addWidget(self._chip(attachment))
        if self.attachments:
            self.chips.addStretch(1)

    def _chip(self, attachment: Attachment) -> QToolButton:
        where = self.tr("for code") if attachment.to == CODE else self.tr("for search")
        chip = QToolButton(self)
        chip.setText(f"📎 {attachment.path.name} · {where}")
        chip.setAccessibleName(
            self.tr("Attachment %1, %2").replace("%1", attachment.path.name).replace("%2", where)
        )
        chip.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(chip)
        group = QActionGroup(menu)
        for destination, label in (
            (CODE, self.tr("For the code interpreter (the conversation's files)")),
            (KNOWLEDGE, self.tr("For search (the conversation's knowledge)")),
        ):
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(attachment.to == destination)
            action.triggered.connect(lambda _=False, a=attachment, d=destination: self._move(a, d))
            group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        remove = menu.addAction(self.tr("Remove"))
        remove.triggered.connect(lambda _=False, a=attachment: self._remove(a))
        chip.setMenu(menu)
        return chip

    def _move(self, attachment: Attachment, to: str) -> None:
        self.attachments = [
            Attachment(a.path, to) if a is attachment else a  # type: ignore[arg-type]
            for a in self.attachments
        ]
        self._show_chips()

    def _remove(self, attachment: Attachment) -> None:
        self.attachments = [a for a in self.attachments if a is not attachment]
        self._show_chips()

    def _fit(self) -> None:
        """Grow with the text, up to `MAX_LINES_SHOWN` lines."""
        lines = min(max(self.editor.document().blockCount(), 2), MAX_LINES_SHOWN)
        height = self.editor.fontMetrics().lineSpacing() * lines + 14
        self.editor.setFixedHeight(height)
