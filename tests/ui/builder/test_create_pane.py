"""Create by conversation: a builder proposes, the pane shows the diff, the user takes it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.core.builder_assistant import PROPOSED_FIELDS, changes_from_fields
from desktop.core.gpt import GptDefinition, diff_definitions, update_definition, validate_definition
from desktop.core.paths import Paths
from desktop.core.settings import ProviderProfile, Settings
from desktop.ui.builder.create import CreatePane
from desktop.ui.builder.create_model import FIELD, PROPOSED
from desktop.ui.builder.create_transcript import BUILDER, NOTE, USER
from desktop.ui.services import AppServices
from tests.helpers.app_services import app_services
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.openai_server import Answer, OpenAIServer, text_answer
from tests.helpers.tiny_gguf import TinySpec

WAIT_MS = 60_000
COOK = {
    "message": "Here is a first version: a dinner planner.",
    "name": "Weeknight Chef",
    "description": "Plans quick dinners from what is in your fridge.",
    "instructions": "You are a cook. Ask what is in the fridge, then suggest three dinners.",
    "conversation_starters": ["What can I make with eggs?", "Plan my week"],
    "capabilities": {"code_interpreter": None, "web_browsing": True, "image_generation": None},
}


@pytest.fixture
def services(isolated_home: Paths, server: OpenAIServer) -> Iterator[AppServices]:
    with app_services(isolated_home) as made:

        def add_lab(settings: Settings) -> None:
            settings.providers["lab"] = ProviderProfile(name="lab", base_url=server.url)

        made.settings.update(add_lab)
        yield made


@pytest.fixture
def pane(qtbot: Any, services: AppServices) -> CreatePane:
    made = CreatePane(services)
    qtbot.add_widget(made)
    made.resize(900, 800)
    made.show()
    return made


def open_gpt(qtbot: Any, pane: CreatePane, services: AppServices, **fields: Any) -> GptDefinition:
    """A GPT opened in the pane, whose definition the form then sends."""
    fields.setdefault("model", {"provider": "lab", "model": "builder-model"})
    gpt = services.store.gpts.create(validate_definition({"name": "Untitled", **fields}))
    pane.open_gpt(gpt.id)
    qtbot.wait_until(lambda: pane.definition is not None, timeout=WAIT_MS)
    pane.set_definition(gpt.definition)
    return gpt.definition


def say(qtbot: Any, pane: CreatePane, text: str, timeout: int = WAIT_MS) -> None:
    pane.input.setPlainText(text)
    with qtbot.wait_signal(pane.answered, timeout=timeout):
        pane.send_button.click()


def streamed(data: dict[str, Any]) -> Answer:
    text = json.dumps(data)
    return text_answer(*(text[i : i + 25] for i in range(0, len(text), 25)))


def test_a_proposal_shows_as_a_diff_and_accept_applies_it(
    qtbot: Any, pane: CreatePane, services: AppServices, server: OpenAIServer
) -> None:
    current = open_gpt(qtbot, pane, services, instructions="Be brief.")
    server.script(streamed(COOK))

    say(qtbot, pane, "A GPT that plans dinners from my fridge")

    body = server.requests[0].body
    assert body["model"] == "builder-model"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert body["messages"][-1] == {
        "role": "user",
        "content": "A GPT that plans dinners from my fridge",
    }
    assert pane.transcript.lines() == [
        (USER, "A GPT that plans dinners from my fridge"),
        (BUILDER, COOK["message"]),
    ]
    assert pane.proposal_box.isVisible()
    model = pane.proposal
    fields = [model.row(n).field for n in range(model.rowCount())]
    assert fields == [  # in the form's order
        "name",
        "description",
        "instructions",
        "conversation_starters",
        "capabilities.web_browsing.enabled",
    ]
    assert set(fields) == {
        d["field"]
        for d in diff_definitions(
            current,
            update_definition(
                current,
                {k: v for k, v in COOK.items() if k != "message"}
                | {"capabilities": {"web_browsing": {"enabled": True}}},
            ),
        )
    }
    assert model.index(fields.index("name"), PROPOSED).data() == "Weeknight Chef"
    assert model.index(fields.index("capabilities.web_browsing.enabled"), PROPOSED).data() == "On"

    # The user leaves out the starters and edits the proposed name before applying.
    starters = model.index(fields.index("conversation_starters"), FIELD)
    model.setData(starters, 0, 10)  # Qt.CheckStateRole, unticked
    pane.table.selectRow(fields.index("name"))
    assert pane.editor.toPlainText() == "Weeknight Chef"
    pane.editor.setPlainText("Fridge Chef")
    with qtbot.wait_signal(pane.apply_requested) as applied:
        pane.apply_button.click()

    changes = applied.args[0]
    assert changes == {
        "name": "Fridge Chef",
        "description": COOK["description"],
        "instructions": COOK["instructions"],
        "capabilities": {"web_browsing": {"enabled": True}},
    }
    assert update_definition(current, changes).name == "Fridge Chef"
    assert not pane.proposal_box.isVisible()
    assert pane.transcript.lines()[-1][0] == NOTE


def test_the_next_turn_diffs_against_the_form_as_it_is_now(
    qtbot: Any, pane: CreatePane, services: AppServices, server: OpenAIServer
) -> None:
    current = open_gpt(qtbot, pane, services)
    server.script(streamed(COOK))
    say(qtbot, pane, "Dinners")
    applied = update_definition(current, {"name": "Weeknight Chef"})
    pane.set_definition(applied)  # the form took the name by hand meanwhile
    names = [pane.proposal.row(n).field for n in range(pane.proposal.rowCount())]
    assert "name" not in names and "description" in names

    server.script(streamed({**COOK, "message": "Shorter.", "name": "Chef"}))
    say(qtbot, pane, "A shorter name")
    second = server.requests[1].body["messages"]
    assert [m["role"] for m in second] == ["system", "user", "assistant", "user"]
    assert '"name": "Weeknight Chef"' in second[0]["content"]  # the builder sees the form


def test_an_invalid_edit_is_marked_and_cannot_be_applied(
    qtbot: Any, pane: CreatePane, services: AppServices, server: OpenAIServer
) -> None:
    open_gpt(qtbot, pane, services)
    server.script(streamed(COOK))
    say(qtbot, pane, "Dinners")
    rows = [pane.proposal.row(n).field for n in range(pane.proposal.rowCount())]
    pane.table.selectRow(rows.index("name"))
    pane.editor.setPlainText("   ")
    assert pane.problem.isVisible() and "name" in pane.problem.text()
    assert not pane.apply_button.isEnabled()
    pane.editor.setPlainText("Chef")
    assert pane.apply_button.isEnabled()
    pane.table.selectRow(rows.index("capabilities.web_browsing.enabled"))
    assert pane.editor.isReadOnly()  # a switch is taken or left, not typed


def test_an_answer_that_is_not_a_proposal_is_said_in_place(
    qtbot: Any, pane: CreatePane, services: AppServices, server: OpenAIServer
) -> None:
    open_gpt(qtbot, pane, services)
    server.script(text_answer("Sure! I would call it Chef."))
    say(qtbot, pane, "Dinners")
    assert "not a proposal" in pane.status.text()
    assert pane.input.toPlainText() == "Dinners"  # back in the box, to send again
    assert pane.transcript.lines() == []
    assert not pane.proposal_box.isVisible()
    assert pane.send_button.isEnabled()


def test_stop_takes_the_message_back(
    qtbot: Any, pane: CreatePane, services: AppServices, server: OpenAIServer
) -> None:
    open_gpt(qtbot, pane, services)
    slow = streamed(COOK)
    slow.stall_after = 2
    server.script(slow)
    pane.input.setPlainText("Dinners")
    with qtbot.wait_signal(pane.answered, timeout=WAIT_MS):
        pane.send_button.click()
        qtbot.wait_until(lambda: "Writing" in pane.status.text() or pane.stop_button.isVisible())
        pane.stop_button.click()
    assert pane.status.text() == "Stopped."
    assert pane.input.toPlainText() == "Dinners"
    assert pane.transcript.lines() == []


def test_another_model_builds_and_ctrl_enter_sends(
    qtbot: Any, pane: CreatePane, services: AppServices, server: OpenAIServer
) -> None:
    open_gpt(qtbot, pane, services)
    pane.model_picker.setEditText("lab:bigger-model")
    server.script(streamed(COOK))
    pane.input.setPlainText("Dinners")
    with qtbot.wait_signal(pane.answered, timeout=WAIT_MS):
        qtbot.keyClick(pane.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert server.requests[0].body["model"] == "bigger-model"


def test_the_picker_offers_local_chat_models_only(
    qtbot: Any,
    pane: CreatePane,
    services: AppServices,
    tiny_gguf: Path,
    tiny_embedding_gguf: Path,
) -> None:
    folder = services.paths.user_models
    folder.mkdir(parents=True, exist_ok=True)
    for model in (tiny_gguf, tiny_embedding_gguf):
        shutil.copy(model, folder / model.name)
    open_gpt(qtbot, pane, services)
    qtbot.wait_until(lambda: pane.model_picker.count() > 1, timeout=WAIT_MS)
    offered = [pane.model_picker.itemData(i) for i in range(pane.model_picker.count())]
    assert offered == ["", "tiny-chat"]


def test_the_tiny_model_builds_through_its_grammar(
    qtbot: Any, pane: CreatePane, services: AppServices, model_dir: Path
) -> None:
    # Its text is random; the grammar makes it a proposal. Structure is checked, not words.
    # Its byte vocabulary spends a token per character: the builder's prompt needs room.
    roomy = ensure_tiny(model_dir, "tiny-8k.gguf", TinySpec(context_length=8192))
    for seed in range(3):
        current = open_gpt(
            qtbot,
            pane,
            services,
            model={"model": str(roomy), "context_size": 8192, "seed": seed},
        )
        say(qtbot, pane, "A GPT that plans dinners", timeout=180_000)
        assert pane.transcript.lines()[-1:] != [] and pane.transcript.lines()[-1][0] == BUILDER, (
            pane.status.text()
        )
        diff = pane.proposal.diff
        proposed = update_definition(current, changes_from_fields(diff.fields))
        assert {r.field for r in diff.rows} == {
            d["field"] for d in diff_definitions(current, proposed)
        }
        assert set(diff.fields) <= set(PROPOSED_FIELDS)
        if diff.rows:
            break
    assert diff.rows, "three random proposals in a row changed nothing"
    with qtbot.wait_signal(pane.apply_requested) as applied:
        pane.apply_button.click()
    assert update_definition(current, applied.args[0]) == proposed
