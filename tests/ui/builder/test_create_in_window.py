"""Create and Knowledge in the real window: what the user takes lands in the form and draft."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.settings import ProviderProfile, Settings
from desktop.ui.builder.create import CreatePane
from desktop.ui.builder.draft import State
from desktop.ui.builder.sections.knowledge import KnowledgeSection
from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.ui.builder.conftest import Builder

WAIT_MS = 60_000
PROPOSAL = {
    "message": "A travel planner it is.",
    "name": "Trip Planner",
    "description": "Plans trips day by day.",
    "instructions": None,
    "conversation_starters": ["Plan three days in Kyoto"],
    "capabilities": {"code_interpreter": None, "web_browsing": True, "image_generation": None},
}


def test_a_proposal_taken_in_create_fills_the_form_and_its_draft(
    builder: Builder, server: OpenAIServer
) -> None:
    b = builder

    def add_lab(settings: Settings) -> None:
        settings.providers["lab"] = ProviderProfile(name="lab", base_url=server.url)

    b.services.settings.update(add_lab)
    b.page.show_mode("create")
    pane = b.page.create
    assert isinstance(pane, CreatePane)
    b.qtbot.wait_until(lambda: pane.definition is not None, timeout=WAIT_MS)
    pane.model_picker.setEditText("lab:planner")
    server.script(text_answer(json.dumps(PROPOSAL)))
    pane.input.setPlainText("Help me plan trips")
    with b.qtbot.wait_signal(pane.answered, timeout=WAIT_MS):
        pane.send_button.click()
    assert pane.proposal.rowCount() == 4  # name, description, starters, web browsing

    pane.apply_button.click()
    b.kept()

    form = b.page.form
    assert form.profile.name.text() == "Trip Planner"
    assert b.page.keeper.state == State.DRAFT
    draft = b.services.drafts.open(b.gpt_id).definition
    assert draft.description == "Plans trips day by day."
    assert draft.capabilities.web_browsing.enabled
    assert pane.definition == form.compose()  # the pane diffs against the form as it is now


def test_files_dropped_on_the_window_are_indexed_in_the_knowledge_section(
    builder: Builder, tmp_path: Path
) -> None:
    b = builder
    notes = tmp_path / "itinerary.md"
    notes.write_text("# Kyoto\n\nDay one: Fushimi Inari at dawn, then Nishiki market.")
    section = b.page.form.knowledge
    assert isinstance(section, KnowledgeSection)
    with b.qtbot.wait_signal(section.files.files_changed, timeout=WAIT_MS):
        b.window.add_knowledge([notes])
    assert b.page.form.current_section() == "knowledge"
    assert [r.status for r in section.files.model.files.rows] == ["ready"]
    b.kept()
    draft_files = b.page.form.compose().knowledge.files
    assert [f.name for f in draft_files] == ["itinerary.md"]
