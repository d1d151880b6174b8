"""Actions in the form: import OpenAPI (pasted, file, address), switch operations, problems
shown where they are, the allowlist's "forget"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.core.gpt import validate_definition
from desktop.ui.builder.sections.operations import ON
from tests.helpers.action_server import OPENAPI_YAML, ActionServer
from tests.helpers.shared_data import shared_path
from tests.ui.builder.conftest import Builder

SMALL = """\
openapi: 3.0.3
info: {title: Tiny Notes, version: '1.0'}
servers: [{url: 'https://notes.example.com/v1'}]
paths:
  /notes:
    get: {operationId: listNotes, summary: List notes}
    post: {operationId: addNote, summary: Add a note}
  /notes/{id}:
    delete:
      operationId: deleteNote
      summary: Delete a note
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
"""
# Two operations share an id; line 10 holds the second.
BROKEN = SMALL.replace("operationId: deleteNote", "operationId: listNotes")


def paste(b: Builder, text: str) -> None:
    importer = b.page.form.actions.importer
    b.page.show_section("actions")
    importer.paste_button.setChecked(True)
    importer.text.setPlainText(text)
    importer.import_button.click()
    b.settle()


def test_a_pasted_document_becomes_an_action_whose_operations_switch(builder: Builder) -> None:
    b = builder
    paste(b, SMALL)
    actions = b.page.form.actions
    assert actions.action_ids() == ["tiny-notes"]
    model = actions.editor.operations
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "listNotes",
        "addNote",
        "deleteNote",
    ]
    assert model.index(2, 2).data() == "DELETE /notes/{id}"
    assert all(
        model.index(r, ON).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        for r in range(3)
    )
    changed: list[Any] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    model.set_enabled(2, False)  # deleting notes is not for the model
    assert changed == [(2, 2)]  # one row changed, not a rebuilt table
    assert "2 of 3 operations on" in actions.editor.summary.text()
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None
    (action,) = draft.definition.actions
    assert action.name == "Tiny Notes" and action.disabled_operations == ["deleteNote"]

    b.save()
    saved = b.services.store.gpts.get(b.gpt_id).definition.actions[0]
    assert saved.disabled_operations == ["deleteNote"]
    model.set_all(True)
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and draft.definition.actions[0].disabled_operations == []


def test_a_broken_document_is_refused_with_its_line_marked(builder: Builder) -> None:
    b = builder
    paste(b, BROKEN)
    importer = b.page.form.actions.importer
    assert b.page.form.actions.action_ids() == []
    text = importer.problem.text()
    assert "The API description cannot be used." in text and "Line 10" in text
    assert "listNotes" in text
    assert importer.problem_line() == 10
    assert BROKEN.splitlines()[9].strip() == "operationId: listNotes"
    assert importer.text.textCursor().blockNumber() == 9  # the cursor is on that line
    assert b.services.store.drafts.get(b.gpt_id) is None


def test_a_file_and_an_address_import_too(
    builder: Builder, api: ActionServer, tmp_path: Path
) -> None:
    b = builder
    document = tmp_path / "notes.yaml"
    document.write_text(SMALL, encoding="utf-8")
    importer = b.page.form.actions.importer
    b.page.show_section("actions")
    importer._on_file_selected(str(document))  # what choosing it in the file dialog does
    b.settle()
    importer.source.setText(f"{api.url}/openapi.yaml")
    importer.import_button.click()
    b.settle()
    actions = b.page.form.actions
    assert actions.action_ids() == ["tiny-notes", "scripted-test-api"]
    assert actions.list.count() == 2 and actions.list.currentRow() == 1
    assert actions.editor.operations.rowCount() == OPENAPI_YAML.count("operationId:")
    assert "The API asks for" in actions.editor.summary.text()
    actions.remove_action("tiny-notes")
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and [a.id for a in draft.definition.actions] == ["scripted-test-api"]


def test_a_missing_file_says_so_in_place(builder: Builder, tmp_path: Path) -> None:
    b = builder
    importer = b.page.form.actions.importer
    importer.source.setText(str(tmp_path / "nowhere.yaml"))
    importer.import_button.click()
    b.settle()
    assert "nowhere.yaml" in importer.problem.text()
    assert importer.import_button.isEnabled()


def test_forgetting_an_allowed_host(builder: Builder) -> None:
    b = builder
    gpt = b.services.store.gpts.create(
        validate_definition(
            {"name": "Hosts", "allowed_domains": ["a.example.com", "b.example.com"]}
        )
    )
    b.open(gpt.id)
    allowlist = b.page.form.actions.allowlist
    assert allowlist.hosts() == ["a.example.com", "b.example.com"]
    allowlist.forget("a.example.com")
    b.kept()
    draft = b.services.store.drafts.get(gpt.id)
    assert draft is not None and draft.definition.allowed_domains == ["b.example.com"]


def test_a_real_vendor_document(builder: Builder) -> None:
    path = shared_path("openapi", "vendors", "netlify", "swagger.yml")
    b = builder
    paste(b, path.read_text(encoding="utf-8"))
    actions = b.page.form.actions
    assert len(actions.action_ids()) == 1
    assert actions.editor.operations.rowCount() > 50
    actions.editor.operations.set_all(False)
    actions.editor.operations.set_enabled(0, True)
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None
    on = actions.editor.operations.rowCount() - len(draft.definition.actions[0].disabled_operations)
    assert on == 1
