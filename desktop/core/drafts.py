"""Editing a GPT: a draft kept as the user types, versions saved on request, restore.

The builder keeps every valid edit as the GPT's draft (`keep`); "Save version" turns the
draft into the GPT's next version (`save_version`). A draft is replayed onto the current
version when it is opened or saved (`rebase_definition`), so changes made meanwhile
elsewhere (knowledge files synced by ingestion, hosts allowed during a run, the CLI) are
kept. Secrets named only by what is thrown away (an action removed, a draft discarded)
are forgotten from the keyring. Called on a worker thread; blocks on the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from desktop.core import errors
from desktop.core.gpt import GptDefinition, rebase_definition
from desktop.core.secrets import Secrets
from desktop.core.store import Store
from desktop.core.store.drafts import Draft
from desktop.core.store.gpts import GptRepository
from desktop.core.store.records import Gpt

log = logging.getLogger(__name__)

# The keyring names the builder gives action secrets; only these are ever forgotten here.
ACTION_SECRET_PREFIX = "action:"


@dataclass(frozen=True)
class Working:
    """What the builder shows: the GPT, the definition to edit, and whether it is a draft.

    `base_version` is the version the shown definition counts as edited from (the
    current one: a draft is rebased onto it when opened).
    """

    gpt: Gpt
    definition: GptDefinition
    has_draft: bool

    @property
    def base_version(self) -> int:
        return self.gpt.version


class GptDrafts:
    """The draft and versions of each GPT, as the builder uses them."""

    def __init__(self, store: Store, secrets: Secrets | None = None) -> None:
        self._store = store
        self._secrets = secrets

    def open(self, gpt_id: str) -> Working:
        """The GPT and the definition to edit: its draft rebased onto the current version."""
        gpt = self._store.gpts.get(gpt_id)
        draft = self._store.drafts.get(gpt_id)
        if draft is None:
            return Working(gpt, gpt.definition, False)
        try:
            definition = self._rebased(draft, gpt)
        except errors.ValidationError as exc:
            log.warning("the draft of %s no longer fits its GPT, not used: %s", gpt_id, exc)
            return Working(gpt, gpt.definition, False)
        return Working(gpt, definition, definition != gpt.definition)

    def keep(self, gpt_id: str, definition: GptDefinition, base_version: int) -> bool:
        """Keep `definition` (edited from `base_version`) as the draft; whether it differs.

        A definition that equals the current version leaves no draft behind.
        """
        with self._store.transaction() as tx:
            gpt = tx.gpts.get(gpt_id)
            if base_version == gpt.version and definition == gpt.definition:
                tx.drafts.discard(gpt_id)
                return False
            tx.drafts.put(gpt_id, definition, base_version)
        return True

    def save_version(
        self, gpt_id: str, definition: GptDefinition, base_version: int, note: str = ""
    ) -> Gpt:
        """Save `definition` (edited from `base_version`) as the next version; the draft goes.

        Raises:
            errors.ValidationError: replayed onto a newer version, it does not validate.
        """
        with self._store.transaction() as tx:
            current = tx.gpts.get(gpt_id)
            edited = Draft(gpt_id, base_version, definition, 0.0)
            saved = tx.gpts.save(gpt_id, self._rebased(edited, current, tx.gpts), note=note)
            tx.drafts.discard(gpt_id)
        self._forget_unused(current.definition, saved.definition)
        return saved

    def discard(self, gpt_id: str) -> Gpt:
        """Throw the draft away; the current version is what is left."""
        with self._store.transaction() as tx:
            draft = tx.drafts.get(gpt_id)
            tx.drafts.discard(gpt_id)
            gpt = tx.gpts.get(gpt_id)
        if draft is not None:
            self._forget_unused(draft.definition, gpt.definition)
        return gpt

    def restore(self, gpt_id: str, version: int) -> Gpt:
        """Make `version` current again (as a new version); any draft is thrown away."""
        with self._store.transaction() as tx:
            draft = tx.drafts.get(gpt_id)
            previous = tx.gpts.get(gpt_id)
            gpt = tx.gpts.restore(gpt_id, version)
            tx.drafts.discard(gpt_id)
        self._forget_unused(previous.definition, gpt.definition)
        if draft is not None:
            self._forget_unused(draft.definition, gpt.definition)
        return gpt

    def _rebased(self, draft: Draft, gpt: Gpt, gpts: GptRepository | None = None) -> GptDefinition:
        if draft.base_version == gpt.version:
            return draft.definition
        base = (gpts or self._store.gpts).version(gpt.id, draft.base_version).definition
        return rebase_definition(base, draft.definition, gpt.definition)

    def _forget_unused(self, old: GptDefinition, new: GptDefinition) -> None:
        """Forget the action secrets `old` names and `new` does not (best effort)."""
        if self._secrets is None:
            return
        for name in sorted(action_secrets(old) - action_secrets(new)):
            try:
                self._secrets.delete(name)
            except errors.CapsuleError as exc:
                log.warning("could not forget the secret %s: %s", name, exc)


def action_secrets(definition: GptDefinition) -> set[str]:
    """The keyring names the builder gave the definition's actions' auth."""
    names = {
        name
        for action in definition.actions
        for name in (action.auth.secret_name, action.auth.username_secret)
    }
    return {name for name in names if name.startswith(ACTION_SECRET_PREFIX)}
