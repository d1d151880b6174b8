"""The Create pane: describe the GPT in a conversation and take the builder's proposals.

The builder answers through any configured model (the GPT's own by default) with a
proposal that core reads and checks (`desktop.core.builder_assistant`); the pane shows it
as a diff against the form, lets the user untick or edit each change, and asks the form
to apply the rest. GUI thread only; the model runs through the background tasks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.builder_assistant import (
    BuilderConversation,
    BuilderEvent,
    Loading,
    Proposed,
    Writing,
    builder_model,
)
from desktop.core.cancel import CancelToken
from desktop.core.gpt import GptDefinition
from desktop.ui.builder.create_model import FIELD, NOW, PROPOSED, ProposalModel, value_text
from desktop.ui.builder.create_model_picker import ModelPicker
from desktop.ui.builder.create_transcript import BUILDER, NOTE, USER, Transcript
from desktop.ui.errors import core_text, notice_for
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.ui.services import AppServices
    from desktop.ui.tasks import Task


class CreatePane(QWidget):
    """Chat with the builder; each proposal shows as a diff the user accepts or edits.

    Signals:
        apply_requested(dict): apply these changes to the form (`update_definition` form).
        answered(): a proposal (or a failure) arrived; the pane is ready for the next turn.
    """

    apply_requested = Signal(dict)
    answered = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.gpt_id = ""
        self.definition: GptDefinition | None = None
        self._conversations: dict[str, BuilderConversation] = {}
        self._task: Task | None = None
        self._token: CancelToken | None = None
        self._pending = ""
        self._invalid_edit = False  # the proposed value being edited does not validate
        self.proposal = ProposalModel(self)
        self._build()
        self.proposal.dataChanged.connect(self._enable)
        self._enable()

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.model_picker = ModelPicker(
            self.tr("This GPT's model"),
            embedding=False,
            placeholder=self.tr("a local model, or provider:model"),
            parent=self,
        )
        self.model_picker.setAccessibleName(self.tr("The builder's model"))
        picker_row = QFormLayout()
        picker_row.addRow(self.tr("Builder model"), self.model_picker)
        self.transcript = Transcript(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Builder status"))
        self.input = QPlainTextEdit(self)
        self.input.setPlaceholderText(
            self.tr("Describe the GPT you want, e.g. “helps me plan healthy weekly meals”")
        )
        self.input.setAccessibleName(self.tr("Message to the builder"))
        self.input.setFixedHeight(72)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setAccessibleName(self.tr("Send to the builder (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setAccessibleName(self.tr("Stop the builder"))
        self.stop_button.clicked.connect(self.stop)
        self.input.installEventFilter(self)  # Ctrl+Enter sends (see eventFilter)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        entry = QHBoxLayout()
        entry.addWidget(self.input, 1)
        entry.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(picker_row)
        layout.addWidget(self.transcript, 1)
        layout.addWidget(self.status)
        layout.addLayout(entry)
        layout.addWidget(self._build_proposal())

    def _build_proposal(self) -> QGroupBox:
        box = QGroupBox(self.tr("Proposed changes"), self)
        self.proposal_box = box
        self.table = QTableView(box)
        self.table.setModel(self.proposal)
        self.table.setAccessibleName(self.tr("Proposed changes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOW, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROPOSED, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_chosen)
        self.editor_label = QLabel(self.tr("Proposed value (edit it before applying)"), box)
        self.editor = QPlainTextEdit(box)
        self.editor.setAccessibleName(self.tr("Proposed value"))
        self.editor.setFixedHeight(110)
        self.editor.textChanged.connect(self._on_value_edited)
        self.problem = QLabel(box)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.problem.hide()
        self.apply_button = QPushButton(self.tr("Apply to the form"), box)
        self.apply_button.setAccessibleName(self.tr("Apply the ticked changes to the form"))
        self.apply_button.clicked.connect(self.accept)
        self.discard_button = QPushButton(self.tr("Discard"), box)
        self.discard_button.setAccessibleName(self.tr("Discard the proposal"))
        self.discard_button.clicked.connect(self.discard)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.apply_button)
        column = QVBoxLayout(box)
        column.addWidget(self.table, 1)
        column.addWidget(self.editor_label)
        column.addWidget(self.editor)
        column.addWidget(self.problem)
        column.addLayout(actions)
        box.hide()
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the message box sends it; Enter alone starts a new line."""
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.send()
            return True
        return super().eventFilter(watched, event)

    # -- the pane's contract -------------------------------------------------------------------

    def open_gpt(self, gpt_id: str) -> None:
        """Talk about `gpt_id`, with the saved definition until the form sends its own."""
        self.stop()
        self.gpt_id = gpt_id
        self.definition = None
        self.discard()
        self.transcript.open_gpt(gpt_id)
        self.status.clear()
        self.model_picker.list_models(self._services)
        store = self._services.store
        self._services.tasks.run(
            lambda: store.gpts.get(gpt_id).definition,
            lambda definition: self._on_saved_definition(gpt_id, definition),
            owner=self,
        )
        self._enable()

    def set_definition(self, definition: GptDefinition) -> None:
        """The form's definition now: what proposals are diffed against."""
        self.definition = definition
        if self.proposal.diff.fields:
            self.proposal.reset_to(lambda: self.proposal.diff.rebase(definition))
            self._after_rows_changed()
        self._enable()

    # -- a turn ------------------------------------------------------------------------------------

    def send(self) -> None:
        """Send the message in the box to the builder."""
        text = self.input.toPlainText().strip()
        if not text or self._task is not None or self.definition is None or not self.gpt_id:
            return
        gpt_id, definition = self.gpt_id, self.definition
        reference = self.model_picker.reference()
        conversation = self._conversations.setdefault(gpt_id, BuilderConversation())
        services, token = self._services, CancelToken()

        def work() -> Iterator[BuilderEvent]:
            model = builder_model(definition, reference, services.settings.load())
            provider = services.factory(model)
            return conversation.ask(provider, conversation.request(definition, text, model), token)

        self._pending, self._token = text, token
        self.transcript.say(USER, text)
        self.input.clear()
        self.status.setText(self.tr("The builder is thinking…"))
        self._task = self._services.tasks.stream(
            work,
            lambda event: self._on_event(gpt_id, event),
            lambda _dropped: self._on_turn_done(gpt_id),
            lambda error: self._on_turn_failed(gpt_id, error),
            owner=self,
        )
        self._enable()

    def stop(self) -> None:
        """Stop the builder's answer; the message goes back into the box."""
        if self._token is not None:
            self._token.cancel()

    def _on_event(self, gpt_id: str, event: BuilderEvent) -> None:
        if gpt_id != self.gpt_id:
            return
        if isinstance(event, Loading):
            self.status.setText(
                self.tr("Loading the model… %1%").replace("%1", str(round(event.progress * 100)))
            )
        elif isinstance(event, Writing):
            self.status.setText(
                self.tr("Writing a proposal… %1 characters").replace("%1", str(event.characters))
            )
        elif isinstance(event, Proposed):
            self._pending = ""
            self.transcript.say(BUILDER, event.proposal.message or self.tr("(no message)"))
            self._show_proposal(event)

    def _on_turn_done(self, gpt_id: str) -> None:
        self._task = self._token = None
        if gpt_id == self.gpt_id:
            if self._pending:  # stopped before the proposal: the message was not sent
                self._unsay()
                self.status.setText(self.tr("Stopped."))
            elif self.proposal.diff.rows:
                self.status.clear()
        self._pending = ""
        self._enable()
        self.answered.emit()

    def _on_turn_failed(self, gpt_id: str, error: Exception) -> None:
        self._task = self._token = None
        if gpt_id == self.gpt_id:
            if self._pending:
                self._unsay()
            self.status.setText(notice_for(error).text())
        self._pending = ""
        self._enable()
        self.answered.emit()

    # -- the proposal ---------------------------------------------------------------------------

    def _show_proposal(self, event: Proposed) -> None:
        assert self.definition is not None
        definition = self.definition
        try:
            self.proposal.reset_to(lambda: self.proposal.diff.show(event.proposal, definition))
        except errors.CapsuleError as exc:
            self.status.setText(notice_for(exc).text())
            return
        self._after_rows_changed()
        if not self.proposal.diff.rows:
            self.status.setText(self.tr("The builder proposes no change to the form."))

    def _after_rows_changed(self) -> None:
        has_rows = bool(self.proposal.diff.rows)
        self.proposal_box.setVisible(has_rows)
        self._show_problem("")
        if has_rows:
            self.table.selectRow(0)
        self._on_row_chosen()
        self._enable()

    def accept(self) -> None:
        """Apply the ticked changes (with the user's edits) to the form."""
        changes = self.proposal.diff.accepted_changes()
        if not changes or self._invalid_edit:
            return
        count = sum(1 for row in self.proposal.diff.rows if row.accepted)
        self.discard()
        self.transcript.say(
            NOTE, self.tr("Applied %1 change(s) to the form.").replace("%1", str(count))
        )
        self.apply_requested.emit(changes)

    def discard(self) -> None:
        """Drop the proposal on show."""
        self.proposal.reset_to(self.proposal.diff.clear)
        self._after_rows_changed()

    def _current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def _on_row_chosen(self, *_: Any) -> None:
        row = self._current_row()
        editable = row is not None and self.proposal.row(row).editable
        self.editor.blockSignals(True)
        text = value_text(self.proposal.row(row).new, flat=False) if row is not None else ""
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self.editor.setReadOnly(not editable)
        self.editor_label.setEnabled(editable)

    def _on_value_edited(self) -> None:
        row = self._current_row()
        if row is None or not self.proposal.row(row).editable:
            return
        text = self.editor.toPlainText()
        is_list = isinstance(self.proposal.row(row).new, list)
        value: Any = [line for line in text.splitlines() if line.strip()] if is_list else text
        try:
            self.proposal.edit_row(row, value)
        except errors.ValidationError as exc:
            self._show_problem("\n".join(exc.problems) or core_text(exc.message))
        else:
            self._show_problem("")

    def _show_problem(self, text: str) -> None:
        """Mark the edited value as invalid (with why), or clear the mark."""
        self._invalid_edit = bool(text)
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self._enable()

    # -- the models on offer ----------------------------------------------------------------------

    def _unsay(self) -> None:
        """The last message was not answered: out of the transcript, back into the box."""
        text = self.transcript.take_back()
        if text is not None:
            self.input.setPlainText(text)

    def _on_saved_definition(self, gpt_id: str, definition: GptDefinition) -> None:
        if gpt_id == self.gpt_id and self.definition is None:
            self.definition = definition
            self._enable()

    def _enable(self) -> None:
        busy = self._task is not None
        ready = bool(self.gpt_id) and self.definition is not None
        self.send_button.setEnabled(ready and not busy)
        self.stop_button.setVisible(busy)
        self.input.setEnabled(bool(self.gpt_id))
        self.model_picker.setEnabled(not busy)
        has_changes = any(row.accepted for row in self.proposal.diff.rows)
        self.apply_button.setEnabled(has_changes and not self._invalid_edit)
