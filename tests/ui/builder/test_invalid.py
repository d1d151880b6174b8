"""Invalid input is marked where it is, with the reason, and nothing invalid is kept."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.gpt import validate_definition
from desktop.ui.builder.draft import State
from tests.helpers.action_server import OPENAPI_YAML
from tests.ui.builder.conftest import Builder

RICH = {
    "name": "Rich",
    "description": "Everything set",
    "avatar": "emoji:#1f8a99:J",
    "instructions": "Be precise.",
    "conversation_starters": ["One", "Two"],
    "knowledge_protection": True,
    "model": {
        "provider": "local",
        "model": "some-model",
        "temperature": 0.3,
        "top_p": 0.8,
        "max_tokens": None,
        "context_size": 8192,
        "gpu_layers": 12,
    },
    "capabilities": {
        "code_interpreter": {"enabled": True, "timeout_s": 12.5, "memory_mb": 512},
        "web_browsing": {"enabled": True, "search_provider": "searxng", "search_url": "http://s"},
        "image_generation": {"enabled": True, "provider": "art", "size": "512x512"},
    },
    "actions": [
        {
            "id": "weather",
            "name": "Weather",
            "document": OPENAPI_YAML.replace("SERVER_URL", "https://api.example.com"),
            "disabled_operations": ["createOrder"],
            "auth": {"type": "bearer", "secret_name": "action:x:weather"},
        }
    ],
    "allowed_domains": ["api.example.com"],
}


def test_an_untouched_form_gives_back_exactly_what_it_shows(builder: Builder) -> None:
    b = builder
    gpt = b.services.store.gpts.create(validate_definition(RICH))
    b.open(gpt.id)
    assert b.page.form.compose() == validate_definition(RICH)
    b.kept()
    assert b.page.keeper.state in (State.SAVED, State.DRAFT)


def test_an_empty_name_is_marked_and_nothing_is_kept(qtbot: Any, builder: Builder) -> None:
    b = builder
    b.qtbot.keyClicks(b.page.form.profile.description, "Kept before")
    b.kept()
    before = b.services.store.drafts.get(b.gpt_id)
    assert before is not None and before.definition.description == "Kept before"

    b.page.form.profile.name.clear()
    b.qtbot.keyClicks(b.page.form.profile.description, " and not after")
    b.kept()
    assert b.page.keeper.state == State.INVALID
    assert b.page.form.profile.problem_texts() == ["The name is empty: give the GPT a name."]
    assert "fix the marked fields" in b.page.status.text()
    assert b.page.form.profile.name.accessibleDescription().startswith("The name is empty")
    after = b.services.store.drafts.get(b.gpt_id)
    assert after is not None and after.definition.description == "Kept before"

    b.window.save_action.trigger()  # Ctrl+S saves nothing invalid either
    b.settle()
    assert b.services.store.gpts.get(b.gpt_id).version == 1

    b.qtbot.keyClicks(b.page.form.profile.name, "Fixed")
    b.kept()
    assert b.page.keeper.state == State.DRAFT
    assert b.page.form.profile.problem_texts() == []
    fixed = b.services.store.drafts.get(b.gpt_id)
    assert fixed is not None and fixed.definition.name == "Fixed"


def test_numbers_out_of_range_are_marked_with_the_reason(builder: Builder) -> None:
    b = builder
    model = b.page.form.model
    model.top_p.setValue(0.0)
    model.context.setValue(100)
    b.kept()
    assert b.page.keeper.state == State.INVALID
    assert model.problem_texts() == ["Give more than 0.", "Too small: give 256 or more."]
    nav = b.page.form.nav
    flag = nav.item(1).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert flag == "Has problems to fix"
    assert b.services.store.drafts.get(b.gpt_id) is None


def test_a_wrong_image_size_is_marked(builder: Builder) -> None:
    b = builder
    capabilities = b.page.form.capabilities
    capabilities.image_size.setEditText("huge")
    b.kept()
    assert capabilities.problem_texts() == ["This is not in the right form."]
    assert b.page.keeper.state == State.INVALID
