"""The draft table: one draft per GPT, replaced on each keep, gone with its GPT."""

from __future__ import annotations

from typing import Any

from desktop.core.gpt import validate_definition
from desktop.core.store import Store


def test_a_gpt_has_no_draft_until_one_is_kept(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    assert store.drafts.get(gpt.id) is None
    edited = validate_definition({"name": "Helper", "instructions": "Be kind."})
    kept = store.drafts.put(gpt.id, edited, gpt.version)
    again = store.drafts.get(gpt.id)
    assert again is not None and again.definition == edited and again.base_version == 1
    assert again.updated_at == kept.updated_at


def test_keeping_again_replaces_the_draft(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    store.drafts.put(gpt.id, validate_definition({"name": "One"}), 1)
    store.drafts.put(gpt.id, validate_definition({"name": "Two"}), 1)
    draft = store.drafts.get(gpt.id)
    assert draft is not None and draft.definition.name == "Two"
    assert len(store.db.query("SELECT * FROM gpt_drafts")) == 1


def test_discard(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    assert store.drafts.discard(gpt.id) is False
    store.drafts.put(gpt.id, validate_definition({"name": "One"}), 1)
    assert store.drafts.discard(gpt.id) is True
    assert store.drafts.get(gpt.id) is None


def test_a_draft_this_version_cannot_read_is_left_alone(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    with store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO gpt_drafts VALUES (?, 1, ?, 0)", (gpt.id, '{"name": "x", "future": 1}')
        )
    assert store.drafts.get(gpt.id) is None
    assert len(store.db.query("SELECT * FROM gpt_drafts")) == 1


def test_a_draft_goes_with_its_gpt(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(name="Helper")
    store.drafts.put(gpt.id, validate_definition({"name": "One"}), 1)
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM gpts WHERE id = ?", (gpt.id,))
    assert store.db.query("SELECT * FROM gpt_drafts") == []
