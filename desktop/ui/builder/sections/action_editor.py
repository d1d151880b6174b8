"""One action: its name and server, its operations with their switches, and its auth.

GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import Action
from desktop.core.tools.actions import setup
from desktop.core.tools.actions.model import ActionDocument
from desktop.ui.builder.sections.action_auth import AuthEditor
from desktop.ui.builder.sections.base import ProblemLabel, heading, hint
from desktop.ui.builder.sections.operations import OperationsModel
from desktop.ui.errors import core_text

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ActionEditor(QWidget):
    """The settings of the action chosen in the list.

    Signals:
        edited(): the user changed the action.
        remove_requested(str): remove the action with this id.
        action_requested(UserAction): go where an error's fix is.
    """

    edited = Signal()
    remove_requested = Signal(str)
    action_requested = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gpt_id = ""
        self._action: dict[str, Any] = {}
        self._document: ActionDocument | None = None
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Action name"))
        self.name.textEdited.connect(self._on_edited)
        self.server = QLineEdit(self)
        self.server.setAccessibleName(self.tr("Server address (instead of the document's)"))
        self.server.textEdited.connect(self._on_edited)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        self.summary.setWordWrap(True)
        self.server_problem = ProblemLabel(self)
        self.operations = OperationsModel(self)
        self.operations.toggled.connect(lambda _name, _on: self._on_edited())
        self.table = QTableView(self)
        self.table.setModel(self.operations)
        self.table.setAccessibleName(self.tr("Operations, each with a switch"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(160)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.all_on = QPushButton(self.tr("All on"), self)
        self.all_on.setAccessibleName(self.tr("Switch every operation on"))
        self.all_on.clicked.connect(lambda: self.operations.set_all(True))
        self.all_off = QPushButton(self.tr("All off"), self)
        self.all_off.setAccessibleName(self.tr("Switch every operation off"))
        self.all_off.clicked.connect(lambda: self.operations.set_all(False))
        self.auth = AuthEditor(services, self)
        self.auth.edited.connect(self._on_edited)
        self.auth.action_requested.connect(self.action_requested)
        self.remove_button = QPushButton(self.tr("Remove this action"), self)
        self.remove_button.setAccessibleName(self.tr("Remove this action from the GPT"))
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit(str(self._action.get("id", "")))
        )
        self._build_layout()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        server = QVBoxLayout()
        server.addWidget(self.server)
        server.addWidget(self.server_problem)
        form.addRow(self.tr("Server"), server)
        switches = QHBoxLayout()
        switches.addWidget(
            hint(self.tr("Switched-off operations are never offered to the model."), self), 1
        )
        switches.addWidget(self.all_on)
        switches.addWidget(self.all_off)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addLayout(form)
        column.addWidget(heading(self.tr("Operations"), self))
        column.addLayout(switches)
        column.addWidget(self.table)
        column.addWidget(heading(self.tr("Authentication"), self))
        column.addWidget(self.auth)
        column.addWidget(self.remove_button)

    # -- the value ---------------------------------------------------------------------

    def show_action(
        self, gpt_id: str, action: dict[str, Any], document: ActionDocument | None
    ) -> None:
        """Show `action` (its definition's dict) and its parsed `document` (None: not yet)."""
        self._gpt_id = gpt_id
        self._action = dict(action)
        self._document = document
        self.name.setText(str(action.get("name", "")))
        self.server.setText(str(action.get("server", "")))
        self.operations.set_operations(
            list(document.operations) if document else [],
            list(action.get("disabled_operations", [])),
        )
        self._show_summary()
        self.auth.set_action(gpt_id, self._model(), document)

    def action_value(self) -> dict[str, Any]:
        """The action as edited, in the definition's form."""
        value = dict(self._action)
        value["name"] = self.name.text()
        value["server"] = self.server.text().strip()
        if self._document is not None:
            value["disabled_operations"] = self.operations.disabled()
        value["auth"] = self.auth.value()
        return value

    def action_id(self) -> str:
        return str(self._action.get("id", ""))

    # -- what the user does ------------------------------------------------------------

    def _on_edited(self, *_args: object) -> None:
        self._action = self.action_value()
        self.auth.follow(self._model())
        self._show_summary()
        self.edited.emit()

    def _model(self) -> Action:
        """The action as core's model (its last valid form, when an edit is not valid)."""
        for value in (self._action, {**self._action, "auth": {}}):
            try:
                return Action.model_validate(value)
            except ValueError:
                continue
        return Action(id=self.action_id() or "action", name="action")

    def _show_summary(self) -> None:
        document = self._document
        if document is None:
            self.summary.setText(self.tr("Reading the document…"))
            self.server_problem.show_text("")
            return
        count = len(document.operations)
        on = count - len(self.operations.disabled())
        text = self.tr("%1 %2 (OpenAPI %3): %4 of %5 operations on.")
        lines = [
            text.replace("%1", document.title or self.tr("Untitled"))
            .replace("%2", document.version)
            .replace("%3", document.openapi)
            .replace("%4", str(on))
            .replace("%5", str(count))
        ]
        schemes = setup.usable_schemes(document)
        if schemes:
            kind = setup.auth_type(schemes[0]) or ""
            names = {
                "api_key": self.tr("an API key"),
                "bearer": self.tr("a bearer token"),
                "basic": self.tr("a user name and password"),
                "oauth2_client_credentials": self.tr("OAuth2 client credentials"),
            }
            lines.append(self.tr("The API asks for %1.").replace("%1", names.get(kind, kind)))
        lines += [core_text(warning) for warning in document.warnings[:3]]
        self.summary.setText("\n".join(lines))
        servers = [s for op in document.operations[:1] for s in op.servers[:1]]
        self.server.setPlaceholderText(servers[0] if servers else "https://api.example.com")
        missing = not self.server.text().strip() and not setup.has_absolute_server(document)
        self.server_problem.show_text(
            self.tr("The document names no full server address: give one here.") if missing else ""
        )
