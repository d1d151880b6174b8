"""Settings › Providers: remote OpenAI-compatible services, their keys, and a connection test.

Keys are shown masked and live only in the keyring (core `Secrets`). "Test connection"
lists the models the service offers; a refusal the user can lift (a key to a plain-http
host) shows here with its fix as a button. GUI thread; every read and write runs through
`services.tasks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QWidget,
)

from desktop.core.errors import Do, UserAction
from desktop.core.providers.check import ConnectionCheck, list_endpoint_models
from desktop.core.providers.manage import (
    ProfileSummary,
    allow_http_host,
    list_profiles,
    profile_users,
    remove_profile,
)
from desktop.ui.settings import rows
from desktop.ui.settings.provider_dialog import ProviderDialog
from desktop.ui.settings.rows import RowsModel, TableArea, table_view
from desktop.ui.settings.section import Section
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ProfilesModel(RowsModel[ProfileSummary]):
    """The provider profiles: name, service, base URL, key (masked)."""

    def key(self, record: ProfileSummary) -> str:
        return record.name

    def cell(self, record: ProfileSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (record.name, record.label, record.base_url, self._key(record))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return record.key_problem or None
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and self._key_missing(record):
            return PROBLEM_COLOR
        return None

    def _key_missing(self, record: ProfileSummary) -> bool:
        return bool(record.key_problem or record.needs_key or record.blocked_host)

    def _key(self, record: ProfileSummary) -> str:
        if record.key_problem:
            return self.tr("cannot be read")
        if record.blocked_host:
            return self.tr("%1 (not sent over http)").replace("%1", record.key)
        if record.key:
            return record.key
        return self.tr("missing") if record.needs_key else self.tr("none")


class ProvidersSection(Section):
    """The providers: add (from a preset), edit, remove, test.

    Signals:
        providers_changed(): a profile was added, changed or removed.
        listed(): the table was filled from settings.
        tested(object): "Test connection" got a `ConnectionCheck`.
    """

    providers_changed = Signal()
    listed = Signal()
    tested = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.dialog: ProviderDialog | None = None
        self._pending_select = ""
        self._build()

    def _build(self) -> None:
        layout = self.column
        intro = QLabel(
            self.tr(
                "Services that speak the OpenAI API: OpenAI, DeepSeek, Qwen, Moonshot, "
                "OpenRouter, or a server on your own network. API keys are kept in your "
                "system keyring and shown masked; they are never written to a file."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.error_banner.action_requested.connect(self._on_fix_requested)
        self.model = ProfilesModel(
            [self.tr("Name"), self.tr("Service"), self.tr("Base URL"), self.tr("API key")], self
        )
        self.table = table_view(self.model, self.tr("Providers"), self)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.area = TableArea(
            self.table,
            self.tr(
                "No providers yet. Add one to use a model that runs elsewhere: pick the "
                "service, paste its API key, and test the connection."
            ),
            self,
        )
        self.area.show_rows(False)
        layout.addWidget(self.area, 2)
        buttons = QHBoxLayout()
        self.add_button = self.button(self.tr("&Add…"), self.tr("Add a provider"), self.add)
        self.edit_button = self.button(
            self.tr("&Edit…"), self.tr("Edit the selected provider"), self.edit_selected
        )
        self.remove_button = self.button(
            self.tr("&Remove…"), self.tr("Remove the selected provider"), self.remove_selected
        )
        self.test_button = self.button(
            self.tr("&Test connection"),
            self.tr("Test the selected provider and list its models"),
            self.test_selected,
        )
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.models_list = QListWidget(self)
        self.models_list.setAccessibleName(self.tr("Models the provider offers"))
        self.models_list.hide()
        layout.addWidget(self.models_list, 1)
        layout.addStretch(0)
        self._on_selection_changed()

    # -- listing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the profiles (and whether each key is there) in the background."""
        settings, secrets = self._services.settings, self._services.secrets
        self._services.tasks.run(
            lambda: list_profiles(settings, secrets), self._on_listed, owner=self
        )

    def _on_listed(self, profiles: list[ProfileSummary]) -> None:
        chosen = self.selected()
        self.model.set_rows(profiles)
        self.area.show_rows(bool(profiles))
        if chosen is not None:
            self.select(chosen.name)
        self._on_selection_changed()
        self.listed.emit()

    def selected(self) -> ProfileSummary | None:
        return rows.selected(self.table, self.model)

    def select(self, name: str) -> None:
        rows.select(self.table, self.model, name)

    def _on_selection_changed(self) -> None:
        chosen = self.selected() is not None
        for button in (self.edit_button, self.remove_button, self.test_button):
            button.setEnabled(chosen)

    # -- add and edit --------------------------------------------------------------------------

    def add(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        profile = self.selected()
        if profile is not None:
            self._open_dialog(profile)

    def _open_dialog(self, editing: ProfileSummary | None) -> None:
        taken = [p.name for p in self.model.rows]
        self.dialog = ProviderDialog(self._services, taken, editing, self)
        self.dialog.saved.connect(self._on_saved)
        self.dialog.open()

    def _on_saved(self, name: str) -> None:
        self.error_banner.set_text("")
        self.result.setText(
            self.tr("Saved %1. Test the connection to see its models.").replace("%1", name)
        )
        self.models_list.hide()
        self._pending_select = name
        self.refresh()
        self.listed.connect(self._select_pending, Qt.ConnectionType.SingleShotConnection)
        self.providers_changed.emit()

    def _select_pending(self) -> None:
        self.select(self._pending_select)

    # -- test ------------------------------------------------------------------------------------

    def test_selected(self) -> None:
        """List the selected provider's models (a request to the service, in the background)."""
        profile = self.selected()
        if profile is None:
            return
        self.error_banner.set_text("")
        self.models_list.clear()
        self.models_list.hide()
        self.result.setText(self.tr("Asking %1 for its models…").replace("%1", profile.name))
        self.test_button.setEnabled(False)
        endpoints = self._services.endpoints
        name = profile.name
        self._services.tasks.run(
            lambda: list_endpoint_models(endpoints(name)),
            lambda check: self._on_tested(name, check),
            self._on_test_failed,
            owner=self,
        )

    def _on_tested(self, name: str, check: ConnectionCheck) -> None:
        self.test_button.setEnabled(self.selected() is not None)
        self.result.setText(
            self.tr("%1 answered in %2 ms with %3 model(s). GPTs name them as shown below.")
            .replace("%1", check.label)
            .replace("%2", str(check.list_ms))
            .replace("%3", str(len(check.models)))
        )
        self.models_list.addItems([f"{name}:{model}" for model in check.models])
        self.models_list.setVisible(bool(check.models))
        self.tested.emit(check)

    def _on_test_failed(self, error: Exception) -> None:
        self.test_button.setEnabled(self.selected() is not None)
        self.result.setText(self.tr("The test failed; see above."))
        self.show_error(error)

    def _on_fix_requested(self, action: UserAction) -> None:
        if action.kind == Do.ALLOW_HTTP_HOST and action.args.get("host"):
            host = action.args["host"]
            settings = self._services.settings
            self._services.tasks.run(
                lambda: allow_http_host(settings, host),
                lambda _none: self._on_host_allowed(host),
                self.show_error,
                owner=self,
            )
        elif action.kind in (Do.SET_PROVIDER_KEY, Do.ADD_PROVIDER):
            self.edit_selected()

    def _on_host_allowed(self, host: str) -> None:
        self.result.setText(self.tr("%1 may now get the key over plain http.").replace("%1", host))
        self.refresh()
        self.listed.connect(self.test_selected, Qt.ConnectionType.SingleShotConnection)

    # -- remove ------------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Say which GPTs use the provider, ask, then remove it and its key."""
        profile = self.selected()
        if profile is None:
            return
        store = self._services.store
        name = profile.name
        self._services.tasks.run(
            lambda: profile_users((g.definition for g in store.gpts.list()), name),
            lambda users: self._confirm_removal(name, users),
            owner=self,
        )

    def _confirm_removal(self, name: str, users: list[str]) -> None:
        text = self.tr("Remove the provider %1 and its stored API key?").replace("%1", name)
        if users:
            shown = ", ".join(users[:5]) + ("…" if len(users) > 5 else "")
            text += "\n\n" + self.tr("%1 GPT(s) use it and will need another model: %2").replace(
                "%1", str(len(users))
            ).replace("%2", shown)
        settings, secrets = self._services.settings, self._services.secrets

        def remove() -> None:
            self._services.tasks.run(
                lambda: remove_profile(settings, secrets, name),
                lambda _profile: self._on_removed(name),
                owner=self,
            )

        self.ask(self.tr("Remove provider"), text, self.tr("Remove"), remove)

    def _on_removed(self, name: str) -> None:
        self.result.setText(self.tr("Removed %1.").replace("%1", name))
        self.models_list.clear()
        self.models_list.hide()
        self.refresh()
        self.providers_changed.emit()
