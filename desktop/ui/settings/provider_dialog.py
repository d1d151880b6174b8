"""The dialog that adds a provider from a preset, or edits one: URL, key, and the rest.

The API key goes from the password field straight to core (`providers.manage`), which
stores it in the keyring; the field is emptied as soon as it is saved, and the key is
never shown again (only masked). A refusal that the user can lift (a key over plain http
to a host on their network) shows in the dialog with its fix as a button. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.errors import Do, UserAction
from desktop.core.providers.manage import ProfileDraft, ProfileSummary, SavedProfile, save_profile
from desktop.core.providers.presets import PRESETS
from desktop.core.settings import PROFILE_NAME
from desktop.ui.errors import notice_for
from desktop.ui.widgets import ErrorBanner

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ProviderDialog(QDialog):
    """Add a provider (`editing` None) or change one. Open with `open()`.

    Signals:
        saved(str): the profile of this name was saved (its key, if given, is in the keyring).
    """

    saved = Signal(str)

    def __init__(
        self,
        services: AppServices,
        taken: list[str],
        editing: ProfileSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._taken = taken
        self._editing = editing
        self._allow_http = False
        self.setWindowTitle(self.tr("Edit provider") if editing else self.tr("Add a provider"))
        self.setMinimumWidth(520)
        self._build()
        if editing is not None:
            self._fill(editing)
        else:
            self._on_preset_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.error_banner = ErrorBanner(self)
        self.error_banner.action_requested.connect(self._on_fix_requested)
        layout.addWidget(self.error_banner)
        form = QFormLayout()
        self.preset = QComboBox(self)
        for preset in PRESETS.values():
            self.preset.addItem(preset.label, preset.id)
        self.preset.setAccessibleName(self.tr("Service"))
        self.preset.currentIndexChanged.connect(self._on_preset_changed)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Profile name"))
        self.name.setToolTip(
            self.tr("GPTs name the provider by this: lower-case letters, digits, '.', '_', '-'.")
        )
        self.base_url = QLineEdit(self)
        self.base_url.setAccessibleName(self.tr("Base URL"))
        self.api_key = QLineEdit(self)
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(self.tr("API key"))
        self.key_note = QLabel(self)
        self.key_note.setWordWrap(True)
        self.api_version = QLineEdit(self)
        self.api_version.setAccessibleName(self.tr("API version (Azure)"))
        self.context_size = QSpinBox(self)
        self.context_size.setRange(0, 10_000_000)
        self.context_size.setSingleStep(1024)
        self.context_size.setSpecialValueText(self.tr("The service's default"))
        self.context_size.setAccessibleName(self.tr("Context size in tokens"))
        form.addRow(self.tr("&Service:"), self.preset)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("Base &URL:"), self.base_url)
        form.addRow(self.tr("API &key:"), self.api_key)
        form.addRow("", self.key_note)
        self._version_label = QLabel(self.tr("API &version:"), self)
        self._version_label.setBuddy(self.api_version)
        form.addRow(self._version_label, self.api_version)
        form.addRow(self.tr("&Context size:"), self.context_size)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the provider"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Close without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _fill(self, profile: ProfileSummary) -> None:
        self.preset.setCurrentIndex(max(self.preset.findData(profile.preset), 0))
        self.name.setText(profile.name)
        self.name.setReadOnly(True)  # GPTs refer to it by name
        self.base_url.setText(profile.base_url)
        self.api_version.setText(profile.api_version or "")
        self.context_size.setValue(profile.context_size or 0)
        self._show_version_field()
        if profile.key:
            self.api_key.setPlaceholderText(self.tr("Stored in the keyring; type to replace it"))
            self.key_note.setText(self.tr("Stored key: %1").replace("%1", profile.key))
        else:
            self._on_key_hint()

    def _preset_id(self) -> str:
        return str(self.preset.currentData())

    def _on_preset_changed(self) -> None:
        if self._editing is not None:
            self._show_version_field()
            return
        chosen = PRESETS[self._preset_id()]
        self.base_url.setText(chosen.base_url or "")
        self.base_url.setPlaceholderText(
            self.tr("https://RESOURCE.openai.azure.com/")
            if chosen.id == "azure"
            else self.tr("https://host/v1")
        )
        if chosen.id != "custom" and (not self.name.text() or self.name.text() in PRESETS):
            self.name.setText(self._free_name(chosen.id))
        self._show_version_field()
        self._on_key_hint()

    def _free_name(self, base: str) -> str:
        name, n = base, 2
        while name in self._taken:
            name, n = f"{base}-{n}", n + 1
        return name

    def _show_version_field(self) -> None:
        azure = self._preset_id() == "azure"
        self._version_label.setVisible(azure)
        self.api_version.setVisible(azure)

    def _on_key_hint(self) -> None:
        chosen = PRESETS[self._preset_id()]
        self.key_note.setText(
            self.tr("The key is kept in your system keyring, never in a file.")
            if chosen.needs_key
            else self.tr("Optional: this service usually runs without a key.")
        )

    # -- saving -----------------------------------------------------------------------------

    def draft(self) -> ProfileDraft:
        """What the form says (the key only if one was typed)."""
        key = self.api_key.text()
        return ProfileDraft(
            name=self.name.text().strip(),
            preset=self._preset_id(),
            base_url=self.base_url.text().strip() or None,
            api_key=key if key.strip() else None,
            api_version=self.api_version.text().strip() if self._preset_id() == "azure" else None,
            context_size=self.context_size.value() or None,
            allow_http=self._allow_http,
        )

    def save(self) -> None:
        """Check the name here, then save in the background; close when it is saved."""
        draft = self.draft()
        problem = self._name_problem(draft.name)
        if problem:
            self.error_banner.show_notice(notice_for(errors.ValidationError(problem)))
            self.name.setFocus()
            return
        self.save_button.setEnabled(False)
        settings, secrets = self._services.settings, self._services.secrets
        self._services.tasks.run(
            lambda: save_profile(settings, secrets, draft),
            self._on_saved,
            self._on_save_failed,
            owner=self,
        )

    def _name_problem(self, name: str) -> str:
        if not name:
            return self.tr("Give the provider a name.")
        if not PROFILE_NAME.match(name):
            return self.tr(
                "Use 1-40 lower-case letters, digits, '.', '_' or '-' for the name, starting "
                "with a letter or digit."
            )
        if self._editing is None and name in self._taken:
            return self.tr("A provider named %1 exists already: pick another name.").replace(
                "%1", name
            )
        return ""

    def _on_saved(self, result: SavedProfile) -> None:
        self.api_key.clear()
        self.saved.emit(result.profile.name)
        self.accept()

    def _on_save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error_banner.show_notice(notice_for(error))

    def _on_fix_requested(self, action: UserAction) -> None:
        if action.kind == Do.ALLOW_HTTP_HOST:
            # The user pressed "Allow this host" under the refusal: save with the allowance.
            self._allow_http = True
            self.save()
        elif action.kind in (Do.ADD_PROVIDER, Do.SET_PROVIDER_KEY):
            self.base_url.setFocus()
