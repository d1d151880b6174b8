"""The Build tab: a GPT's form (Configure) or its builder chat (Create), its draft and versions.

Edits are kept as a draft a moment after the user stops typing; only a valid form is
kept, an invalid one has its fields marked. "Save version" (Ctrl+S) makes the draft the
GPT's next version; the history lists versions, compares two and restores one. GUI thread.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from desktop.core import errors
from desktop.core.drafts import Working
from desktop.core.gpt import GptDefinition, update_definition
from desktop.core.store.records import Gpt
from desktop.ui.builder.draft import DraftKeeper, State
from desktop.ui.builder.form import BuilderForm, section_of
from desktop.ui.builder.history import BUILDER_NOTE, HistoryView
from desktop.ui.widgets import PROBLEM_COLOR
from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

log = logging.getLogger(__name__)

# How long after the last edit the draft is kept (and the fields checked).
EDIT_DELAY_MS = 400


def create_pane(services: AppServices, parent: QWidget) -> QWidget | None:
    """The "Create" pane (its own module), or None when this build has none."""
    try:
        module = importlib.import_module("desktop.ui.builder.create")
    except ImportError as exc:
        log.warning("the Create pane is not available: %s", exc)
        return None
    pane: QWidget = module.CreatePane(services)
    pane.setParent(parent)
    return pane


class BuilderPage(PageFrame):
    """The open GPT's builder.

    Signals:
        gpt_saved(str): a version of this GPT was saved (its name or model may have changed).
        action_requested(UserAction): go where an error's fix is.
        settings_requested(str): open settings at a section.
    """

    gpt_saved = Signal(str)
    action_requested = Signal(object)
    settings_requested = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Build"), "", parent)
        self._services = services
        self.gpt_id = ""
        self.keeper = DraftKeeper(services, self)
        self.keeper.state_changed.connect(self._show_state)
        self.keeper.version_saved.connect(self._on_version_saved)
        self.keeper.save_failed.connect(self._on_save_failed)
        self._build_bar()  # first: Tab reaches the bar before the form under it
        self.form = BuilderForm(services, self)
        self.form.changed.connect(self._on_form_changed)
        self.form.capabilities.settings_requested.connect(self.settings_requested)
        self.form.actions.action_requested.connect(self.action_requested)
        self.create = create_pane(services, self)
        self.create_button.setEnabled(self.create is not None)
        if self.create is not None:
            self.create.apply_requested.connect(self.apply_changes)  # type: ignore[attr-defined]
        self.history = HistoryView(services, self)
        self.history.restore_requested.connect(self._on_restore_requested)
        self.history.back_requested.connect(lambda: self.show_mode("configure"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(EDIT_DELAY_MS)
        self._timer.timeout.connect(self.check_and_keep)
        self._confirm: QMessageBox | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.form)
        if self.create is not None:
            self.stack.addWidget(self.create)
        self.stack.addWidget(self.history)
        self.body.addWidget(self.stack, 1)
        self.setEnabled(False)
        self._show_state()

    def _build_bar(self) -> None:
        self.configure_button = self._mode_button(self.tr("Configure"), "configure")
        self.configure_button.setAccessibleName(self.tr("Configure the GPT with the form"))
        self.create_button = self._mode_button(self.tr("Create"), "create")
        self.create_button.setAccessibleName(self.tr("Create the GPT by describing it"))
        self.history_button = self._mode_button(self.tr("History"), "history")
        self.history_button.setAccessibleName(self.tr("Version history"))
        self.modes = QButtonGroup(self)
        for button in (self.configure_button, self.create_button, self.history_button):
            self.modes.addButton(button)
        self.configure_button.setChecked(True)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Draft and version status"))
        self.discard_button = QPushButton(self.tr("Discard changes"), self)
        self.discard_button.setAccessibleName(self.tr("Discard the changes since the last version"))
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.save_button = QPushButton(self.tr("Save version"), self)
        self.save_button.setAccessibleName(self.tr("Save the form as a new version (Ctrl+S)"))
        self.save_button.setToolTip(self.tr("Save the form as a new version (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_version)
        bar = QHBoxLayout()
        for button in (self.configure_button, self.create_button, self.history_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        self.body.addLayout(bar)

    def _mode_button(self, text: str, mode: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setCheckable(True)
        button.clicked.connect(lambda: self.show_mode(mode))
        return button

    # -- what the shell asks -------------------------------------------------------------

    def open_gpt(self, gpt_id: str) -> None:
        """Show `gpt_id` in the form: its draft if it has one, else its current version."""
        if gpt_id == self.gpt_id:
            return
        self._keep_pending()
        self.gpt_id = gpt_id  # the form follows once it is read
        self.setEnabled(False)
        for part in (*self.form.sections.values(), self.create, self.history):
            opener = getattr(part, "open_gpt", None)
            if callable(opener):
                opener(gpt_id)

        def opened(working: Working) -> None:
            if self.gpt_id != gpt_id:
                return  # another GPT was opened meanwhile
            self.heading.setText(working.definition.name)
            self.keeper.open(working)
            self.form.load(working.definition)
            self._tell_create(working.definition)
            self.setEnabled(True)
            if self.stack.currentWidget() is self.history:
                self.history.reload(self.keeper.version)

        def failed(exc: Exception) -> None:
            if self.gpt_id == gpt_id:
                self.gpt_id = ""
            self._services.errors.notify_error(exc)

        self._services.tasks.run(
            lambda: self._services.drafts.open(gpt_id), opened, failed, owner=self
        )

    def close_gpt(self) -> None:
        """Keep what is pending (the draft) before the window closes."""
        self._timer.stop()
        if not self._shown():
            return
        try:
            definition = self.form.compose()
        except errors.ValidationError:
            return  # nothing invalid is kept
        try:
            self.keeper.keep_now(definition)
        except errors.CapsuleError as exc:
            log.error("could not keep the draft of %s at exit: %s", self.gpt_id, exc)

    def save_version(self) -> None:
        """Ctrl+S: save the form as a new version (only when every field is valid)."""
        if not self._shown() or self.keeper.state == State.SAVING:
            return
        self._timer.stop()
        definition = self.check()
        if definition is None:
            return
        self.keeper.save_version(definition, BUILDER_NOTE)

    def show_section(self, section: str) -> None:
        """Show a section: profile, model, knowledge, capabilities, actions, history."""
        if section == "history":
            self.show_mode("history")
            return
        self.show_mode("configure")
        self.form.show_section(section)

    def add_knowledge(self, paths: list[Path]) -> None:
        """Add files or folders to the open GPT's knowledge (dropped on the window)."""
        self.show_section("knowledge")
        add = getattr(self.form.knowledge, "add_paths", None)
        if callable(add):
            add(paths)
        else:
            self._services.errors.notify_error(
                self.tr("Knowledge files cannot be added in this build of Capsule Studio.")
            )

    def reload_models(self) -> None:
        """The local models or providers changed: refresh the model picker."""
        self.form.model.reload_models()

    def _shown(self) -> bool:
        """Whether the form shows the open GPT (not still reading it)."""
        return bool(self.gpt_id) and self.keeper.gpt_id == self.gpt_id

    # -- modes -------------------------------------------------------------------------

    def show_mode(self, mode: str) -> None:
        """Show the form ("configure"), the builder chat ("create") or the history."""
        if mode == "create" and self.create is not None:
            self.stack.setCurrentWidget(self.create)
            self.create_button.setChecked(True)
        elif mode == "history":
            self.stack.setCurrentWidget(self.history)
            self.history_button.setChecked(True)
            if self.gpt_id:
                self.history.reload(self.keeper.version)
        else:
            self.stack.setCurrentWidget(self.form)
            self.configure_button.setChecked(True)

    # -- editing -----------------------------------------------------------------------

    def check(self) -> GptDefinition | None:
        """The form's definition if it is valid; otherwise its problems are marked."""
        try:
            definition = self.form.compose()
        except errors.ValidationError as exc:
            self.form.show_problems(exc.problems)
            self.keeper.invalid()
            self._show_unplaced(exc.problems)
            return None
        self.form.show_problems([])
        self.form.show_composed(definition)
        self.heading.setText(definition.name)
        self._tell_create(definition)
        return definition

    def check_and_keep(self) -> None:
        """Check the form and keep it as the draft when it is valid."""
        if not self._shown():
            return
        definition = self.check()
        if definition is not None:
            self.keeper.edit(definition)

    def apply_changes(self, changes: dict[str, Any]) -> None:
        """Put changes the user accepted in the Create pane into the form (then the draft)."""
        base = self.check()
        if base is None:
            self.show_mode("configure")
            return
        try:
            definition = update_definition(base, changes)
        except errors.ValidationError as exc:
            self._services.errors.notify_error(exc)
            return
        self.form.load(definition)
        self._tell_create(definition)
        self.keeper.edit(definition)

    def _on_form_changed(self) -> None:
        self._timer.start()

    def _keep_pending(self) -> None:
        if self._timer.isActive() and self._shown():
            self._timer.stop()
            self.check_and_keep()

    def _tell_create(self, definition: GptDefinition) -> None:
        set_definition = getattr(self.create, "set_definition", None)
        if callable(set_definition):
            set_definition(definition)

    # -- versions ------------------------------------------------------------------------

    def _on_version_saved(self, gpt: Gpt) -> None:
        self.heading.setText(gpt.definition.name)
        try:
            shown = self.form.compose()
        except errors.ValidationError:
            shown = None
        if shown != gpt.definition:
            self.form.load(gpt.definition)  # changes made elsewhere came in with the save
        if self.stack.currentWidget() is self.history:
            self.history.reload(gpt.version)
        self.gpt_saved.emit(gpt.id)

    def _on_save_failed(self, exc: Exception) -> None:
        if isinstance(exc, errors.ValidationError) and exc.problems:
            self.form.show_problems(exc.problems)
        self._services.errors.notify_error(exc)

    def _on_discard_clicked(self) -> None:
        self._ask(
            self.tr("Discard the changes since version %1?").replace(
                "%1", str(self.keeper.version)
            ),
            self._discard,
        )

    def _discard(self) -> None:
        gpt_id = self.gpt_id
        self._timer.stop()
        self._services.tasks.run(
            lambda: self._services.drafts.discard(gpt_id), self._show_restored, owner=self
        )

    def _on_restore_requested(self, version: int) -> None:
        def restore() -> None:
            gpt_id = self.gpt_id
            self._timer.stop()

            def restored(gpt: Gpt) -> None:
                self._show_restored(gpt)
                self.history.reload(gpt.version)
                self.gpt_saved.emit(gpt.id)

            self._services.tasks.run(
                lambda: self._services.drafts.restore(gpt_id, version), restored, owner=self
            )

        if self.keeper.has_changes:
            question = self.tr(
                "Restore version %1? The changes not saved as a version are discarded."
            )
            self._ask(question.replace("%1", str(version)), restore)
        else:
            restore()

    def _show_restored(self, gpt: Gpt) -> None:
        if gpt.id != self.gpt_id:
            return
        self.keeper.restored(gpt)
        self.heading.setText(gpt.definition.name)
        self.form.load(gpt.definition)
        self._tell_create(gpt.definition)

    def _ask(self, question: str, then: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Build"), question, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: then() if button is yes else None)
        self._confirm = box
        box.open()

    # -- status ------------------------------------------------------------------------

    def _show_state(self) -> None:
        state = self.keeper.state
        version = str(self.keeper.version)
        texts = {
            State.SAVED: self.tr("Version %1 · all changes saved"),
            State.DRAFT: self.tr("Version %1 · draft kept, not saved as a version yet"),
            State.WRITING: self.tr("Version %1 · keeping the draft…"),
            State.SAVING: self.tr("Saving a new version…"),
            State.INVALID: self.tr("Not kept: fix the marked fields"),
        }
        self.status.setText(texts[state].replace("%1", version) if self.gpt_id else "")
        invalid = state == State.INVALID
        self.status.setStyleSheet(f"color: {PROBLEM_COLOR.name()};" if invalid else "")
        self.discard_button.setEnabled(self.keeper.has_changes and state != State.SAVING)
        self.save_button.setEnabled(self.keeper.has_changes and state != State.SAVING)

    def _show_unplaced(self, problems: list[str]) -> None:
        """Problems no section shows go to the error channel, so none is silent."""
        unplaced = [p for p in problems if section_of(p) is None]
        if unplaced:
            self._services.errors.notify_error(
                errors.ValidationError("\n".join(unplaced), unplaced)
            )
