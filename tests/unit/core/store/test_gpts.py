"""Tests for desktop/core/store/gpts.py: versions, diffs, restore, soft delete."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.gpt import update_definition, validate_definition
from desktop.core.store import Store


def test_create_makes_version_one(store: Store) -> None:
    definition = validate_definition({"name": "Helper", "instructions": "Be kind."})

    gpt = store.gpts.create(definition)

    assert gpt.id.startswith("gpt_")
    assert gpt.version == 1
    assert gpt.definition == definition
    assert gpt.name == "Helper"
    assert gpt.created_at == gpt.updated_at
    stored = store.gpts.get(gpt.id)
    assert (stored.version, stored.definition, stored.deleted_at) == (1, definition, None)
    [version] = store.gpts.versions(gpt.id)
    assert (version.version, version.note, version.definition) == (1, "created", definition)


def test_ids_are_unique(store: Store) -> None:
    definition = validate_definition({"name": "Same"})

    ids = {store.gpts.create(definition).id for _ in range(5)}

    assert len(ids) == 5


def test_save_makes_the_next_version_current(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper"}))
    changed = update_definition(gpt.definition, {"name": "Renamed", "model": {"temperature": 0.1}})

    saved = store.gpts.save(gpt.id, changed, note="tuned")

    assert saved.version == 2
    assert saved.created_at == gpt.created_at
    assert saved.updated_at >= gpt.updated_at
    stored = store.gpts.get(gpt.id)
    assert stored.version == 2
    assert stored.name == "Renamed"
    assert stored.definition.model.temperature == 0.1
    assert [(v.version, v.note) for v in store.gpts.versions(gpt.id)] == [
        (1, "created"),
        (2, "tuned"),
    ]


def test_saving_an_unchanged_definition_is_a_no_op(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper"}))
    same = validate_definition({"name": "Helper"})

    saved = store.gpts.save(gpt.id, same, note="nothing")

    assert saved.version == 1
    assert store.gpts.get(gpt.id).updated_at == gpt.updated_at
    assert [v.version for v in store.gpts.versions(gpt.id)] == [1]


def test_versions_keep_every_old_definition(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "v1"}))
    for name in ("v2", "v3", "v4"):
        store.gpts.save(gpt.id, validate_definition({"name": name}))

    versions = store.gpts.versions(gpt.id)

    assert [(v.version, v.definition.name) for v in versions] == [
        (1, "v1"),
        (2, "v2"),
        (3, "v3"),
        (4, "v4"),
    ]
    assert all(v.gpt_id == gpt.id for v in versions)
    assert store.gpts.version(gpt.id, 2).definition.name == "v2"


def test_versions_of_one_gpt_do_not_mix_with_another(store: Store) -> None:
    first = store.gpts.create(validate_definition({"name": "first"}))
    second = store.gpts.create(validate_definition({"name": "second"}))
    store.gpts.save(first.id, validate_definition({"name": "first again"}))

    assert [v.version for v in store.gpts.versions(second.id)] == [1]
    assert store.gpts.save(second.id, validate_definition({"name": "two"})).version == 2


def test_diff_between_versions(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper"}))
    store.gpts.save(gpt.id, update_definition(gpt.definition, {"instructions": "Be brief."}))
    store.gpts.save(
        gpt.id, update_definition(store.gpts.get(gpt.id).definition, {"model": {"top_p": 0.5}})
    )

    assert store.gpts.diff(gpt.id, 1, 2) == [
        {"field": "instructions", "old": "", "new": "Be brief."}
    ]
    assert store.gpts.diff(gpt.id, 1, 3) == [
        {"field": "instructions", "old": "", "new": "Be brief."},
        {"field": "model.top_p", "old": 0.95, "new": 0.5},
    ]
    assert store.gpts.diff(gpt.id, 3, 3) == []


def test_diff_with_an_unknown_version_names_it(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper"}))

    with pytest.raises(errors.UnknownVersionError, match="no version 7") as caught:
        store.gpts.diff(gpt.id, 1, 7)

    assert caught.value.action == errors.UserAction("list_gpt_versions", {"gpt_id": gpt.id})


def test_restore_makes_a_new_version_equal_to_the_old_one(store: Store) -> None:
    original = validate_definition({"name": "Helper", "instructions": "Original."})
    gpt = store.gpts.create(original)
    store.gpts.save(gpt.id, update_definition(original, {"instructions": "Changed."}))

    restored = store.gpts.restore(gpt.id, 1)

    assert restored.version == 3
    assert restored.definition == original
    assert store.gpts.get(gpt.id).definition == original
    versions = store.gpts.versions(gpt.id)
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[1].definition.instructions == "Changed."
    assert versions[2].note == "restored version 1"
    assert store.gpts.diff(gpt.id, 1, 3) == []


def test_restoring_the_current_version_changes_nothing(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper"}))

    restored = store.gpts.restore(gpt.id, 1)

    assert restored.version == 1
    assert len(store.gpts.versions(gpt.id)) == 1


def test_restore_of_an_unknown_version_raises(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper"}))

    with pytest.raises(errors.UnknownVersionError):
        store.gpts.restore(gpt.id, 2)

    assert len(store.gpts.versions(gpt.id)) == 1


def test_list_shows_current_definitions_most_recently_updated_first(store: Store) -> None:
    older = store.gpts.create(validate_definition({"name": "older"}))
    newer = store.gpts.create(validate_definition({"name": "newer"}))
    store.gpts.save(older.id, validate_definition({"name": "older, edited"}))

    listed = store.gpts.list()

    assert [(g.id, g.name, g.version) for g in listed] == [
        (older.id, "older, edited", 2),
        (newer.id, "newer", 1),
    ]


def test_delete_hides_the_gpt(store: Store) -> None:
    kept = store.gpts.create(validate_definition({"name": "kept"}))
    gone = store.gpts.create(validate_definition({"name": "gone"}))

    store.gpts.delete(gone.id)

    assert [g.id for g in store.gpts.list()] == [kept.id]
    with pytest.raises(errors.UnknownGptError) as caught:
        store.gpts.get(gone.id)
    assert caught.value.gpt_id == gone.id
    deleted = store.gpts.get(gone.id, include_deleted=True)
    assert deleted.deleted_at is not None
    assert {g.id for g in store.gpts.list(include_deleted=True)} == {kept.id, gone.id}


def test_a_deleted_gpt_cannot_be_saved_or_deleted_again(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "gone"}))
    store.gpts.delete(gpt.id)

    with pytest.raises(errors.UnknownGptError):
        store.gpts.save(gpt.id, validate_definition({"name": "edited"}))
    with pytest.raises(errors.UnknownGptError):
        store.gpts.delete(gpt.id)

    assert len(store.gpts.versions(gpt.id)) == 1


def test_undelete_brings_the_gpt_back_with_its_versions(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "v1"}))
    store.gpts.save(gpt.id, validate_definition({"name": "v2"}))
    store.gpts.delete(gpt.id)

    back = store.gpts.undelete(gpt.id)

    assert back.deleted_at is None
    assert (back.version, back.name) == (2, "v2")
    assert [g.id for g in store.gpts.list()] == [gpt.id]
    assert [v.version for v in store.gpts.versions(gpt.id)] == [1, 2]


def test_unknown_ids_raise_unknown_gpt_with_advice(store: Store) -> None:
    definition = validate_definition({"name": "x"})
    calls = [
        lambda: store.gpts.get("gpt_missing"),
        lambda: store.gpts.get("gpt_missing", include_deleted=True),
        lambda: store.gpts.save("gpt_missing", definition),
        lambda: store.gpts.versions("gpt_missing"),
        lambda: store.gpts.version("gpt_missing", 1),
        lambda: store.gpts.diff("gpt_missing", 1, 1),
        lambda: store.gpts.restore("gpt_missing", 1),
        lambda: store.gpts.delete("gpt_missing"),
        lambda: store.gpts.undelete("gpt_missing"),
    ]

    for call in calls:
        with pytest.raises(errors.UnknownGptError) as caught:
            call()
        assert "gpt_missing" in caught.value.message
        assert caught.value.action == errors.UserAction("list_gpts")

    assert store.db.query("SELECT COUNT(*) FROM gpt_versions")[0][0] == 0


def test_chinese_definition_round_trips(store: Store) -> None:
    definition = validate_definition(
        {
            "name": "中文助手",
            "instructions": "请用简体中文回答。",
            "conversation_starters": ["你好！"],
        }
    )

    gpt = store.gpts.create(definition)

    stored = store.gpts.get(gpt.id)
    assert stored.definition == definition
    assert stored.name == "中文助手"


def test_gpts_survive_reopening_the_store(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "persisted"}))
    store.gpts.save(gpt.id, validate_definition({"name": "persisted v2"}))
    path = store.db.path

    reopened = Store(path)
    try:
        assert reopened.gpts.get(gpt.id).name == "persisted v2"
        assert len(reopened.gpts.versions(gpt.id)) == 2
    finally:
        reopened.close()


def test_to_dicts_carry_the_definition_fields(store: Store) -> None:
    gpt = store.gpts.create(validate_definition({"name": "Helper", "instructions": "Hi"}))

    data = gpt.to_dict()
    version = store.gpts.version(gpt.id, 1).to_dict()

    assert data["object"] == "gpt"
    assert (data["id"], data["version"], data["name"], data["instructions"]) == (
        gpt.id,
        1,
        "Helper",
        "Hi",
    )
    assert version == {
        "gpt_id": gpt.id,
        "version": 1,
        "note": "created",
        "created_at": gpt.created_at,
        "name": "Helper",
    }
