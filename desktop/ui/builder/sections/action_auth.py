"""An action's authentication: its type and settings, and its secrets, kept in the keyring.

The definition only names the secrets (`action:<gpt>:<action>`); their values go straight
to the keyring when the user saves them, and are shown masked from then on. A secret
bound for plain http to a host the user has not allowed is refused, with the way to
allow it. GUI thread; the keyring is read and written through the app's tasks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core import errors
from desktop.core.gpt import Action
from desktop.core.secrets import masked_preview
from desktop.core.tools.actions import setup
from desktop.core.tools.actions.model import ActionDocument
from desktop.ui.builder.sections.base import ProblemLabel
from desktop.ui.errors import notice_for

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


def store_secrets(
    services: AppServices, action: Action, token_url: str, values: dict[str, str]
) -> str:
    """Check where the secrets travel, then keep `values` (name: value) in the keyring.

    Worker thread. Returns the masked form of the last value.

    Raises:
        errors.InsecureTransportError: a secret would go over plain http to a host the
            user has not allowed.
    """
    from desktop.core.tools.actions.auth import refuse_plain_secrets  # noqa: PLC0415

    allowed = services.settings.load().http_credential_hosts
    refuse_plain_secrets(action.name, setup.secret_urls(action, token_url), allowed)
    for name, value in values.items():
        services.secrets.set(name, value)
    return masked_preview(list(values.values())[-1])


class AuthEditor(QWidget):
    """How one action authenticates, and the place to give its secrets.

    Signals:
        edited(): the auth settings changed (not the secrets: those are saved at once).
        action_requested(UserAction): the user asked for an error's fix.
    """

    edited = Signal()
    action_requested = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._gpt_id = ""
        self._action: Action | None = None
        self._document: ActionDocument | None = None
        self._fix: errors.UserAction | None = None
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Authentication type"))
        for value, text in (
            ("none", self.tr("None")),
            ("api_key", self.tr("API key")),
            ("bearer", self.tr("Bearer token")),
            ("basic", self.tr("User name and password")),
            ("oauth2_client_credentials", self.tr("OAuth2 client credentials")),
        ):
            self.kind.addItem(text, value)
        self.kind.activated.connect(self._on_kind_activated)
        self.location = QComboBox(self)
        self.location.setAccessibleName(self.tr("Where the API key goes"))
        for value, text in (
            ("header", self.tr("Header")),
            ("query", self.tr("Query parameter")),
            ("cookie", self.tr("Cookie")),
        ):
            self.location.addItem(text, value)
        self.location.activated.connect(lambda _i: self.edited.emit())
        self.parameter = self._line(self.tr("The API key's header or parameter name"))
        self.token_url = self._line(self.tr("OAuth2 token address"))
        self.scopes = self._line(self.tr("OAuth2 scopes, separated by spaces"))
        self.first_secret = QLineEdit(self)
        self.second_secret = QLineEdit(self)
        self.second_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_button = QPushButton(self.tr("Save to the keyring"), self)
        self.save_button.setAccessibleName(self.tr("Save the secret to the system keyring"))
        self.save_button.clicked.connect(self.save_secrets)
        self.stored = QLabel(self)
        self.stored.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        self.stored.setAccessibleName(self.tr("The stored secret"))
        self.problem = ProblemLabel(self)
        self.fix_button = QPushButton(self)
        self.fix_button.hide()
        self.fix_button.clicked.connect(self._on_fix_clicked)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.tr("Authentication"), self.kind)
        self.form.addRow(self.tr("Sent in"), self.location)
        self.form.addRow(self.tr("Parameter"), self.parameter)
        self.form.addRow(self.tr("Token address"), self.token_url)
        self.form.addRow(self.tr("Scopes"), self.scopes)
        self.form.addRow(self.tr("User name"), self.first_secret)
        self.form.addRow(self.tr("Key"), self.second_secret)
        self.secret_row = QWidget(self)
        buttons = QHBoxLayout(self.secret_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.stored, 1)
        self.form.addRow("", self.secret_row)
        problem = QHBoxLayout()
        problem.addWidget(self.problem, 1)
        problem.addWidget(self.fix_button)
        self.form.addRow("", problem)
        self._show_fields()

    def _line(self, name: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setAccessibleName(name)
        line.textEdited.connect(lambda _t: self.edited.emit())
        return line

    # -- the value ---------------------------------------------------------------------

    def set_action(self, gpt_id: str, action: Action, document: ActionDocument | None) -> None:
        """Show `action`'s auth (not an edit); `document` gives the schemes' defaults."""
        self._gpt_id = gpt_id
        self._action = action
        self._document = document
        auth = action.auth
        self.kind.setCurrentIndex(max(self.kind.findData(auth.type), 0))
        self.location.setCurrentIndex(max(self.location.findData(auth.location), 0))
        self.parameter.setText(auth.parameter_name)
        self.token_url.setText(auth.token_url)
        self.scopes.setText(" ".join(auth.scopes))
        self.first_secret.clear()
        self.second_secret.clear()
        self._set_problem("", None)
        self._show_fields()
        self._read_stored()

    def follow(self, action: Action) -> None:
        """The action changed elsewhere (its server): secrets are checked against it."""
        self._action = action

    def value(self) -> dict[str, Any]:
        """The action's `auth`, as the definition holds it (secrets by name only)."""
        kind = str(self.kind.currentData())
        value: dict[str, Any] = {"type": kind, **self._names(kind)}
        if kind == "api_key":
            value["location"] = self.location.currentData()
            value["parameter_name"] = self.parameter.text().strip()
        if kind == "oauth2_client_credentials":
            value["token_url"] = self.token_url.text().strip()
            value["scopes"] = self.scopes.text().split()
        return value

    def _names(self, kind: str) -> dict[str, str]:
        """The secrets' names: the action's own while its type stays, else the builder's."""
        auth = self._action.auth if self._action else None
        if auth is not None and auth.type == kind and auth.secret_name:
            return {"secret_name": auth.secret_name, "username_secret": auth.username_secret}
        action_id = self._action.id if self._action else ""
        return setup.secret_names(self._gpt_id, action_id, kind)

    # -- secrets ---------------------------------------------------------------------------

    def save_secrets(self) -> None:
        """Keep what was typed in the keyring; the fields are emptied once it is there."""
        if self._action is None:
            return
        names = self.value()
        kind = names["type"]
        if kind == "none":
            return
        values = {names["secret_name"]: self.second_secret.text()}
        if kind in setup.PAIRED_AUTH:
            values = {names["username_secret"]: self.first_secret.text(), **values}
        if not all(v.strip() for v in values.values()):
            self._set_problem(self.tr("Type the secret first, then save it."), None)
            return
        action = self._action
        token_url = names.get("token_url", "")
        self.save_button.setEnabled(False)

        def saved(masked: str) -> None:
            self.save_button.setEnabled(True)
            self.first_secret.clear()
            self.second_secret.clear()
            self._show_stored(masked)
            self._set_problem("", None)
            self.edited.emit()  # the definition now names the secrets

        def failed(exc: Exception) -> None:
            self.save_button.setEnabled(True)
            notice = notice_for(exc)
            self._set_problem(f"{notice.headline} {notice.detail}".strip(), notice)

        self._services.tasks.run(
            lambda: store_secrets(self._services, action, token_url, values),
            saved,
            failed,
            owner=self,
        )

    def _read_stored(self) -> None:
        kind = str(self.kind.currentData())
        if kind == "none" or self._action is None:
            self.stored.setText("")
            return
        name = self._names(kind)["secret_name"]

        def read() -> str | None:
            value = self._services.secrets.get_optional(name)
            return masked_preview(value) if value else None

        def failed(exc: Exception) -> None:
            self.stored.setText(notice_for(exc).headline)

        self._services.tasks.run(read, self._show_stored, failed, owner=self)

    def _show_stored(self, masked: str | None) -> None:
        self.stored.setText(
            self.tr("Stored in the keyring: %1").replace("%1", masked)
            if masked
            else self.tr("Nothing stored yet: calls will fail until you save it.")
        )

    # -- showing ---------------------------------------------------------------------------

    def _on_kind_activated(self, _index: int) -> None:
        kind = str(self.kind.currentData())
        scheme = next(
            (
                s
                for s in (setup.usable_schemes(self._document) if self._document else [])
                if setup.auth_type(s) == kind
            ),
            None,
        )
        if scheme is not None:
            defaults = setup.auth_fields(scheme)
            self.location.setCurrentIndex(
                max(self.location.findData(defaults.get("location", "header")), 0)
            )
            self.parameter.setText(defaults.get("parameter_name", ""))
            self.token_url.setText(defaults.get("token_url", ""))
            self.scopes.setText(" ".join(defaults.get("scopes", [])))
        self._show_fields()
        self._read_stored()
        self.edited.emit()

    def _show_fields(self) -> None:
        kind = str(self.kind.currentData())
        paired = kind in setup.PAIRED_AUTH
        shown = {
            self.location: kind == "api_key",
            self.parameter: kind == "api_key",
            self.token_url: kind == "oauth2_client_credentials",
            self.scopes: kind == "oauth2_client_credentials",
            self.first_secret: paired,
            self.second_secret: kind != "none",
            self.secret_row: kind != "none",
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        first, second = {
            "basic": (self.tr("User name"), self.tr("Password")),
            "oauth2_client_credentials": (self.tr("Client id"), self.tr("Client secret")),
            "bearer": ("", self.tr("Token")),
        }.get(kind, ("", self.tr("API key")))
        self._relabel(self.first_secret, first)
        self._relabel(self.second_secret, second)

    def _relabel(self, field: QLineEdit, text: str) -> None:
        label = self.form.labelForField(field)
        if isinstance(label, QLabel):
            label.setText(text)
        field.setAccessibleName(text)
        field.setPlaceholderText(self.tr("Type it, then save it to the keyring"))

    def _set_problem(self, text: str, notice: Any) -> None:
        self.problem.show_text(text)
        action = getattr(notice, "action", None)
        self._fix = action
        self.fix_button.setVisible(action is not None)
        if action is not None:
            self.fix_button.setText(notice.action_label)

    def _on_fix_clicked(self) -> None:
        if self._fix is not None:
            self.action_requested.emit(self._fix)
