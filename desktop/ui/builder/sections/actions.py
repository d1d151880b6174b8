"""Actions: the APIs the GPT may call (OpenAPI documents) and the hosts it calls unasked.

Documents are parsed on a worker (a large one takes a moment) and kept by action id.
GUI thread.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import Action, GptDefinition
from desktop.core.tools.actions import setup
from desktop.core.tools.actions.model import ActionDocument
from desktop.ui.builder.problems import reason_text, split
from desktop.ui.builder.sections.action_editor import ActionEditor
from desktop.ui.builder.sections.action_import import ActionImport
from desktop.ui.builder.sections.allowlist import AllowList
from desktop.ui.builder.sections.base import (
    ProblemLabel,
    Section,
    heading,
    hint,
    set_tab_order,
)
from desktop.ui.errors import notice_for

if TYPE_CHECKING:
    from desktop.core.tools.actions.importer import ImportResult
    from desktop.ui.services import AppServices

_ACTION_PATH = re.compile(r"^actions\.(\d+)(?:\.(.*))?$")


class ActionsSection(Section):
    """The GPT's actions: import, the list, the chosen one's settings, and the allowlist.

    Signals:
        changed(): the user edited something.
        action_requested(UserAction): go where an error's fix is.
    """

    action_requested = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._gpt_id = ""
        self._actions: list[dict[str, Any]] = []
        self._documents: dict[str, ActionDocument] = {}
        self.importer = ActionImport(services, self)
        self.importer.imported.connect(self._on_imported)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("The GPT's actions"))
        self.list.setMaximumWidth(240)
        self.list.currentRowChanged.connect(self._on_current_changed)
        self.editor = ActionEditor(services, self)
        self.editor.edited.connect(self._on_editor_edited)
        self.editor.remove_requested.connect(self.remove_action)
        self.editor.action_requested.connect(self.action_requested)
        self.none_yet = QLabel(
            self.tr("No actions yet: import an OpenAPI document to let the GPT call an API."),
            self,
        )
        self.none_yet.setWordWrap(True)
        self.action_problems = ProblemLabel(self)
        self.allowlist = AllowList(self)
        self.allowlist.forgotten.connect(self._on_host_forgotten)
        self._build_layout()
        set_tab_order(self.tab_chain())

    def tab_chain(self) -> list[QWidget]:
        importer, editor, auth = self.importer, self.editor, self.editor.auth
        return [
            importer.source,
            importer.browse_button,
            importer.paste_button,
            importer.import_button,
            importer.text,
            self.list,
            editor.name,
            editor.server,
            editor.all_on,
            editor.all_off,
            editor.table,
            auth.kind,
            auth.location,
            auth.parameter,
            auth.token_url,
            auth.scopes,
            auth.first_secret,
            auth.second_secret,
            auth.save_button,
            auth.fix_button,
            editor.remove_button,
            *self.allowlist.buttons(),
        ]

    def _build_layout(self) -> None:
        chosen = QHBoxLayout()
        chosen.addWidget(self.list)
        chosen.addWidget(self.editor, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import an API"), self))
        layout.addWidget(self.importer)
        layout.addWidget(heading(self.tr("Actions"), self))
        layout.addWidget(self.none_yet)
        layout.addWidget(self.action_problems)
        layout.addLayout(chosen)
        layout.addWidget(heading(self.tr("Allowed without asking"), self))
        layout.addWidget(
            hint(
                self.tr(
                    "Actions ask before calling a host for the first time; these hosts "
                    "were allowed for good. Forget one to be asked again."
                ),
                self,
            )
        )
        layout.addWidget(self.problem_field(self.allowlist, "allowed_domains"))
        layout.addStretch(1)
        self._show_list()

    # -- the contract ----------------------------------------------------------------

    def open_gpt(self, gpt_id: str) -> None:
        """The GPT whose actions these are (its id names their secrets)."""
        self._gpt_id = gpt_id

    def load(self, definition: GptDefinition) -> None:
        self._actions = [a.model_dump(mode="json") for a in definition.actions]
        known = {a["id"] for a in self._actions}
        self._documents = {k: v for k, v in self._documents.items() if k in known}
        with self.loading():
            self.allowlist.set_hosts(definition.allowed_domains)
            self._show_list()
        set_tab_order(self.tab_chain())
        for action in definition.actions:
            if action.id not in self._documents:
                self._parse(action)

    def changes(self) -> dict[str, Any]:
        return {"actions": list(self._actions), "allowed_domains": self.allowlist.hosts()}

    def show_problems(self, problems: list[str]) -> None:
        super().show_problems(problems)
        lines = []
        for problem in problems:
            path, reason = split(problem)
            found = _ACTION_PATH.match(path)
            if found and int(found.group(1)) < len(self._actions):
                name = str(self._actions[int(found.group(1))].get("name") or "?")
                lines.append(f"{name}: {reason_text(reason)}")
        self.action_problems.show_text("\n".join(lines))

    def _on_host_forgotten(self, _host: str) -> None:
        set_tab_order(self.tab_chain())
        self.notify()

    # -- actions ---------------------------------------------------------------------------

    def action_ids(self) -> list[str]:
        return [str(a["id"]) for a in self._actions]

    def remove_action(self, action_id: str) -> None:
        """Take an action out of the GPT (its secrets go when a version without it is saved)."""
        self._actions = [a for a in self._actions if a["id"] != action_id]
        self._documents.pop(action_id, None)
        self._show_list()
        self.notify()

    def _on_imported(self, result: ImportResult) -> None:
        action = setup.new_action(self.action_ids(), result.document, result.text, result.source)
        self._actions.append(action.model_dump(mode="json"))
        self._documents[action.id] = result.document
        self._show_list(select=action.id)
        self.notify()

    def _parse(self, action: Action) -> None:
        def parsed(document: ActionDocument) -> None:
            self._documents[action.id] = document
            if self.editor.action_id() == action.id:
                self._show_current()

        def failed(exc: Exception) -> None:
            self.action_problems.show_text(f"{action.name}: {notice_for(exc).text()}")

        self._services.tasks.run(lambda: setup.action_document(action), parsed, failed, owner=self)

    def _on_editor_edited(self) -> None:
        value = self.editor.action_value()
        for index, action in enumerate(self._actions):
            if action["id"] == value["id"]:
                self._actions[index] = value
                item = self.list.item(index)
                if item is not None:
                    item.setText(self._label(value))
        self.notify()

    # -- showing ---------------------------------------------------------------------------

    def _label(self, action: dict[str, Any]) -> str:
        document = self._documents.get(str(action["id"]))
        name = str(action.get("name") or action["id"])
        if document is None:
            return name
        on = len(document.operations) - len(action.get("disabled_operations", []))
        return self.tr("%1 (%2 on)").replace("%1", name).replace("%2", str(on))

    def _show_list(self, select: str = "") -> None:
        current = select or self.editor.action_id()
        self.list.blockSignals(True)
        self.list.clear()
        for action in self._actions:
            QListWidgetItem(self._label(action), self.list)
        self.list.blockSignals(False)
        ids = self.action_ids()
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.list.setCurrentRow(row)
        has = bool(self._actions)
        self.none_yet.setVisible(not has)
        self.list.setVisible(has)
        self.editor.setVisible(has)
        self._show_current()

    def _on_current_changed(self, _row: int) -> None:
        self._show_current()

    def _show_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._actions):
            return
        action = self._actions[row]
        with self.loading():
            self.editor.show_action(self._gpt_id, action, self._documents.get(str(action["id"])))
        item = self.list.item(row)
        if item is not None:
            item.setText(self._label(action))
