"""Editing a GPT: drafts kept, versions saved from them, rebased over changes made elsewhere."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.drafts import GptDrafts, action_secrets
from desktop.core.gpt import rebase_definition, update_definition, validate_definition
from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.store import Store
from tests.helpers.memory_keyring import MemoryKeyring

FILE = {"id": "f1", "name": "a.pdf", "sha256": "0" * 64, "size": 1}


@pytest.fixture
def secrets(isolated_home: Any) -> Secrets:
    return Secrets(SettingsFile(isolated_home.settings_file))


@pytest.fixture
def drafts(store: Store, secrets: Secrets) -> GptDrafts:
    return GptDrafts(store, secrets)


def test_open_without_a_draft_is_the_current_version(drafts: GptDrafts, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    working = drafts.open(gpt.id)
    assert working.definition == gpt.definition
    assert not working.has_draft and working.base_version == 1


def test_keep_then_open_shows_the_draft(drafts: GptDrafts, store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    edited = update_definition(gpt.definition, {"instructions": "Be kind."})
    assert drafts.keep(gpt.id, edited, 1) is True
    working = drafts.open(gpt.id)
    assert working.has_draft and working.definition.instructions == "Be kind."
    assert store.gpts.get(gpt.id).version == 1  # a draft is not a version


def test_keeping_the_current_definition_leaves_no_draft(
    drafts: GptDrafts, store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    drafts.keep(gpt.id, update_definition(gpt.definition, {"instructions": "x"}), 1)
    assert drafts.keep(gpt.id, gpt.definition, 1) is False
    assert store.drafts.get(gpt.id) is None


def test_save_version_makes_the_next_version_and_drops_the_draft(
    drafts: GptDrafts, store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    edited = update_definition(gpt.definition, {"description": "Plans trips"})
    drafts.keep(gpt.id, edited, 1)
    saved = drafts.save_version(gpt.id, edited, 1, note="by hand")
    assert saved.version == 2 and saved.definition.description == "Plans trips"
    assert store.drafts.get(gpt.id) is None
    assert store.gpts.versions(gpt.id)[-1].note == "by hand"


def test_changes_made_elsewhere_meanwhile_are_kept(
    drafts: GptDrafts, store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    edited = update_definition(gpt.definition, {"instructions": "Be kind."})
    drafts.keep(gpt.id, edited, 1)
    # Ingestion syncs the files, a run allows a host: each a new version under the draft.
    synced = update_definition(gpt.definition, {"knowledge": {"files": [FILE]}})
    store.gpts.save(gpt.id, update_definition(synced, {"allowed_domains": ["api.example.com"]}))
    working = drafts.open(gpt.id)
    assert working.definition.instructions == "Be kind."
    assert [f.id for f in working.definition.knowledge.files] == ["f1"]
    saved = drafts.save_version(gpt.id, edited, 1)
    assert saved.definition.instructions == "Be kind."
    assert saved.definition.allowed_domains == ["api.example.com"]
    assert [f.id for f in saved.definition.knowledge.files] == ["f1"]


def test_rebase_lets_the_edit_win_on_the_same_field() -> None:
    base = validate_definition({"name": "A", "allowed_domains": ["a.com"]})
    edited = update_definition(base, {"allowed_domains": []})
    current = update_definition(base, {"allowed_domains": ["a.com", "b.com"], "description": "d"})
    rebased = rebase_definition(base, edited, current)
    assert rebased.allowed_domains == [] and rebased.description == "d"


def test_discard_returns_the_current_version(
    drafts: GptDrafts, store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    drafts.keep(gpt.id, update_definition(gpt.definition, {"name": "Other"}), 1)
    assert drafts.discard(gpt.id).definition.name == "Helper"
    assert not drafts.open(gpt.id).has_draft


def test_restore_makes_an_old_version_current_and_drops_the_draft(
    drafts: GptDrafts, store: Store, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    drafts.save_version(gpt.id, update_definition(gpt.definition, {"name": "Two"}), 1)
    drafts.keep(gpt.id, update_definition(gpt.definition, {"name": "Three"}), 2)
    restored = drafts.restore(gpt.id, 1)
    assert restored.version == 3 and restored.definition.name == "Helper"
    assert store.drafts.get(gpt.id) is None


def test_an_unknown_version_is_a_clear_error(drafts: GptDrafts, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    with pytest.raises(errors.UnknownVersionError):
        drafts.restore(gpt.id, 9)


def with_key_action(definition: Any, gpt_id: str) -> Any:
    action = {
        "id": "weather",
        "name": "Weather",
        "auth": {"type": "bearer", "secret_name": f"action:{gpt_id}:weather"},
    }
    return update_definition(definition, {"actions": [action]})


def test_an_action_s_key_is_forgotten_when_a_version_drops_it(
    drafts: GptDrafts, secrets: Secrets, memory_keyring: MemoryKeyring, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    with_key = with_key_action(gpt.definition, gpt.id)
    assert action_secrets(with_key) == {f"action:{gpt.id}:weather"}
    secrets.set(f"action:{gpt.id}:weather", "sk-test-0123456789")
    drafts.save_version(gpt.id, with_key, 1)
    assert secrets.get_optional(f"action:{gpt.id}:weather") == "sk-test-0123456789"
    drafts.save_version(gpt.id, update_definition(with_key, {"actions": []}), 2)
    assert secrets.get_optional(f"action:{gpt.id}:weather") is None


def test_a_key_set_in_a_discarded_draft_is_forgotten(
    drafts: GptDrafts, secrets: Secrets, make_gpt: Any
) -> None:
    gpt = make_gpt(name="Helper")
    secrets.set(f"action:{gpt.id}:weather", "sk-test-0123456789")
    drafts.keep(gpt.id, with_key_action(gpt.definition, gpt.id), 1)
    drafts.discard(gpt.id)
    assert secrets.get_optional(f"action:{gpt.id}:weather") is None
