"""Tests for desktop/core/store/migrations.py: databases of the old shape migrate whole."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from desktop.core.gpt import validate_definition
from desktop.core.store import Store
from desktop.core.store.db import _statements
from desktop.core.store.migrations import MIGRATIONS
from tests.helpers.capsules import pets_document

BIG = pets_document().replace('"List pets"', '"' + "List pets. " * 20_000 + '"')


def definition(instructions: str, document: str) -> dict:
    return validate_definition(
        {
            "name": "Pets",
            "instructions": instructions,
            "actions": [{"id": "pets", "name": "Pets", "document": document}],
        }
    ).model_dump(mode="json")


OLD = 5  # the schema before documents were kept by hash (migration 6)


def old_database(path: Path) -> Path:
    """A database as version 5 of the schema left it: documents inside every version."""
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:OLD]:
        assert isinstance(script, str)
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at REAL NOT NULL)")
    conn.executemany("INSERT INTO schema_version VALUES (?, 0)", [(n,) for n in range(1, OLD + 1)])
    conn.execute("INSERT INTO gpts VALUES ('gpt_old', 'Pets', 3, 0, 0, NULL)")
    versions = [
        definition("first", BIG),
        definition("second", BIG),
        definition("third", pets_document()),
    ]
    for number, data in enumerate(versions, 1):
        conn.execute(
            "INSERT INTO gpt_versions VALUES ('gpt_old', ?, ?, '', 0)",
            (number, json.dumps(data, sort_keys=True, ensure_ascii=False)),
        )
    conn.execute(
        "INSERT INTO gpt_drafts VALUES ('gpt_old', 3, ?, 0)",
        (json.dumps(definition("a draft", BIG), sort_keys=True, ensure_ascii=False),),
    )
    conn.execute(
        "INSERT INTO knowledge_files (id, owner, name, sha256, size, status, added_at, "
        "updated_at) VALUES ('file_1', 'gpt_old', 'a.txt', ?, 1, 'ready', 0, 0)",
        ("0" * 64,),
    )
    conn.commit()
    conn.close()
    return path


def test_documents_move_out_of_every_version_without_loss(tmp_path: Path) -> None:
    path = old_database(tmp_path / "old.db")
    size_before = path.stat().st_size

    store = Store(path)
    try:
        assert store.db.schema_version() == len(MIGRATIONS) == OLD + 1
        versions = store.gpts.versions("gpt_old")
        assert [v.definition.instructions for v in versions] == ["first", "second", "third"]
        assert [v.definition.actions[0].document for v in versions] == [BIG, BIG, pets_document()]
        assert store.gpts.get("gpt_old").definition.actions[0].document == pets_document()
        draft = store.drafts.get("gpt_old")
        assert draft is not None and draft.definition.instructions == "a draft"
        assert draft.definition.actions[0].document == BIG
        rows = store.db.query(
            "SELECT definition FROM gpt_versions UNION ALL SELECT definition FROM gpt_drafts"
        )
        assert len(rows) == 4
        for row in rows:
            stored = json.loads(row["definition"])
            assert "document" not in stored["actions"][0]
            assert len(stored["actions"][0]["document_sha256"]) == 64
        assert store.db.query("SELECT COUNT(*) FROM action_documents")[0][0] == 2
        (file,) = store.knowledge.list("gpt_old")
        assert file.origin == {} and file.status == "ready"

        # A save with the same document adds a version, not another copy.
        gpt = store.gpts.get("gpt_old")
        store.gpts.save("gpt_old", validate_definition(definition("fourth", BIG)))
        assert store.db.query("SELECT COUNT(*) FROM action_documents")[0][0] == 2
        assert store.gpts.get("gpt_old").version == gpt.version + 1
    finally:
        store.close()
    assert len(BIG) > 200_000 and size_before > 2 * len(BIG)


def test_a_new_database_keeps_each_document_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "new.db")
    try:
        gpt = store.gpts.create(validate_definition(definition("a", BIG)))
        for step in range(5):
            store.gpts.save(gpt.id, validate_definition(definition(f"edit {step}", BIG)))
            store.drafts.put(gpt.id, validate_definition(definition(f"typing {step}", BIG)), 1)
        stored = store.db.query("SELECT LENGTH(definition) FROM gpt_drafts")[0][0]
        assert stored < 2_000
        draft = store.drafts.get(gpt.id)
        assert draft is not None and draft.definition.actions[0].document == BIG
        stored = store.db.query("SELECT SUM(LENGTH(definition)) FROM gpt_versions")[0][0]
        assert stored < 10_000  # six versions, no document among them
        assert store.db.query("SELECT COUNT(*) FROM action_documents")[0][0] == 1
        assert store.gpts.version(gpt.id, 3).definition.actions[0].document == BIG
    finally:
        store.close()
