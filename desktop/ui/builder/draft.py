"""The open GPT's draft: kept in the store as the user edits, turned into versions on request.

`DraftKeeper` writes one draft at a time through the app's tasks (a newer edit waits for
the write before it, so an older draft never lands last) and says where things stand:
which version the form was edited from, and whether there are changes not saved as a
version yet. Only valid definitions ever reach it. GUI thread.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.drafts import Working
from desktop.core.gpt import GptDefinition
from desktop.core.store.records import Gpt
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


# How long keeping the draft at exit waits for a write already under way.
_EXIT_WAIT_S = 5.0


class State(Enum):
    SAVED = "saved"  # the form shows the current version
    DRAFT = "draft"  # changes kept as a draft, not a version yet
    WRITING = "writing"  # a draft is being written
    INVALID = "invalid"  # the form holds something invalid; nothing was kept
    SAVING = "saving"  # a version is being saved


class DraftKeeper(QObject):
    """Keeps one GPT's draft in step with the form.

    Signals:
        state_changed(): `state` or `version` changed.
        version_saved(object): a version (`Gpt`) was saved from the form.
        save_failed(object): saving a version failed (the exception; the draft is kept).
    """

    state_changed = Signal()
    version_saved = Signal(object)
    save_failed = Signal(object)

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.gpt_id = ""
        self.version = 0
        self.state = State.SAVED
        self._current: GptDefinition | None = None  # the version's definition
        self._kept: GptDefinition | None = None  # what the store holds for the form
        self._pending: GptDefinition | None = None  # waiting for the write before it
        self._writing = False
        self._invalid = False
        # A version asked for while a draft was being written: saved once the write is done,
        # so that the older draft never lands after the version.
        self._queued: tuple[GptDefinition, str] | None = None
        self._task: Task | None = None  # the last draft write

    @property
    def has_changes(self) -> bool:
        """Whether the form differs from the current version (kept as a draft or not)."""
        return self._invalid or (self._kept is not None and self._kept != self._current)

    @property
    def definition(self) -> GptDefinition | None:
        """The latest valid definition of the form."""
        return self._pending or self._kept

    def open(self, working: Working) -> None:
        """Follow another GPT, as opened (its draft, if any, is already in the store)."""
        self._queued = None
        self.gpt_id = working.gpt.id
        self.version = working.base_version
        self._current = working.gpt.definition
        self._kept = working.definition
        self._pending = None
        self._invalid = False
        self._set_state(State.DRAFT if working.has_draft else State.SAVED)

    def edit(self, definition: GptDefinition) -> None:
        """The form now shows `definition` (valid): keep it as the draft."""
        self._invalid = False
        if definition == (self._pending or self._kept):
            self._set_state(self._resting())
            return
        self._pending = definition
        self._write()

    def invalid(self) -> None:
        """The form holds something invalid: nothing is kept until it is fixed."""
        self._invalid = True
        self._set_state(State.INVALID)

    def keep_now(self, definition: GptDefinition) -> None:
        """Keep `definition` on this thread (at exit, when no worker result would land).

        Waits for a write already under way, so that it cannot land after this one.
        """
        if self._task is not None:
            self._task.wait(_EXIT_WAIT_S)
        self._pending = None
        if self.gpt_id and definition != self._kept:
            self._services.drafts.keep(self.gpt_id, definition, self.version)
            self._kept = definition

    def save_version(self, definition: GptDefinition, note: str = "") -> None:
        """Save `definition` (valid) as the GPT's next version."""
        self._pending = None
        self._set_state(State.SAVING)
        if self._writing:
            self._queued = (definition, note)
            return
        gpt_id, base = self.gpt_id, self.version

        def saved(gpt: Gpt) -> None:
            if gpt.id != self.gpt_id:
                return
            self.version = gpt.version
            self._current = self._kept = gpt.definition
            self._set_state(State.SAVED)
            self.version_saved.emit(gpt)

        def failed(exc: Exception) -> None:
            self._kept = None  # unknown: the next edit writes the draft again
            self._set_state(State.DRAFT)
            self.save_failed.emit(exc)

        self._services.tasks.run(
            lambda: self._services.drafts.save_version(gpt_id, definition, base, note),
            saved,
            failed,
            owner=self,
        )

    def restored(self, gpt: Gpt) -> None:
        """A version was restored: the form now shows it, with no draft."""
        self.open(Working(gpt, gpt.definition, False))

    # -- writing -----------------------------------------------------------------------

    def _write(self) -> None:
        if self._writing or self._pending is None:
            self._set_state(State.WRITING if self._writing else self._resting())
            return
        definition, gpt_id, base = self._pending, self.gpt_id, self.version
        self._pending = None
        self._writing = True
        self._set_state(State.WRITING)

        def kept(_differs: bool) -> None:
            self._writing = False
            if gpt_id == self.gpt_id and base == self.version:
                self._kept = definition
            self._after_write()

        def failed(exc: Exception) -> None:
            self._writing = False
            self._services.errors.notify_error(exc)
            self._after_write()

        self._task = self._services.tasks.run(
            lambda: self._services.drafts.keep(gpt_id, definition, base),
            kept,
            failed,
            owner=self,
        )

    def _after_write(self) -> None:
        queued, self._queued = self._queued, None
        if queued is not None:
            self.save_version(*queued)
        else:
            self._write()

    def _resting(self) -> State:
        if self._invalid:
            return State.INVALID
        return State.DRAFT if self.has_changes else State.SAVED

    def _set_state(self, state: State) -> None:
        self.state = state
        self.state_changed.emit()
