"""The page with the Knowledge section and the Create pane, by their contracts.

Both come from their own modules (another part of the work); here test doubles that
follow the same contracts stand in for them, so the page's side is checked on its own.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.core.gpt import GptDefinition
from desktop.core.paths import Paths
from tests.ui.builder.conftest import Builder, open_builder


class FakeKnowledge(QWidget):
    changed = Signal()

    def __init__(self, services: Any) -> None:
        super().__init__()
        self.gpts: list[str] = []
        self.added: list[list[Path]] = []
        self.top_k = 5
        self.problems: list[str] = []

    def open_gpt(self, gpt_id: str) -> None:
        self.gpts.append(gpt_id)

    def add_paths(self, paths: list[Path]) -> None:
        self.added.append(paths)

    def load(self, definition: GptDefinition) -> None:
        self.top_k = definition.knowledge.top_k

    def changes(self) -> dict[str, Any]:
        return {"knowledge": {"top_k": self.top_k}}

    def show_problems(self, problems: list[str]) -> None:
        self.problems = [p for p in problems if p.startswith("knowledge")]


class FakeCreate(QWidget):
    apply_requested = Signal(dict)

    def __init__(self, services: Any) -> None:
        super().__init__()
        self.gpts: list[str] = []
        self.definitions: list[GptDefinition] = []

    def open_gpt(self, gpt_id: str) -> None:
        self.gpts.append(gpt_id)

    def set_definition(self, definition: GptDefinition) -> None:
        self.definitions.append(definition)


@pytest.fixture
def with_doubles(
    qtbot: Any, isolated_home: Paths, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Builder]:
    knowledge = types.ModuleType("desktop.ui.builder.sections.knowledge")
    knowledge.KnowledgeSection = FakeKnowledge  # type: ignore[attr-defined]
    create = types.ModuleType("desktop.ui.builder.create")
    create.CreatePane = FakeCreate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, knowledge.__name__, knowledge)
    monkeypatch.setitem(sys.modules, create.__name__, create)
    with open_builder(qtbot, isolated_home, "Helper") as made:
        yield made


def test_the_knowledge_section_is_one_of_the_form_s(with_doubles: Builder, tmp_path: Path) -> None:
    b = with_doubles
    knowledge = b.page.form.knowledge
    assert isinstance(knowledge, FakeKnowledge) and knowledge.gpts == [b.gpt_id]
    knowledge.top_k = 9
    knowledge.changed.emit()
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and draft.definition.knowledge.top_k == 9
    knowledge.top_k = 0
    knowledge.changed.emit()
    b.kept()
    assert knowledge.problems and knowledge.problems[0].startswith("knowledge.top_k")
    dropped = [tmp_path / "a.pdf"]
    b.window.add_knowledge(dropped)  # what a drop on the window does
    assert knowledge.added == [dropped]
    assert b.page.form.current_section() == "knowledge"


def test_accepted_proposals_from_create_go_into_the_form_and_the_draft(
    with_doubles: Builder,
) -> None:
    b = with_doubles
    create = b.page.create
    assert isinstance(create, FakeCreate) and create.gpts == [b.gpt_id]
    assert create.definitions[-1].name == "Helper"
    b.page.show_mode("create")
    assert b.page.stack.currentWidget() is create and b.page.create_button.isChecked()
    create.apply_requested.emit(
        {
            "name": "Kyoto guide",
            "instructions": "Suggest temples.",
            "conversation_starters": ["Where first?"],
            "capabilities": {"web_browsing": {"enabled": True}},
        }
    )
    b.settle()
    profile = b.page.form.profile
    assert profile.name.text() == "Kyoto guide"
    assert profile.instructions.toPlainText() == "Suggest temples."
    assert profile.starters.starters() == ["Where first?"]
    assert b.page.form.capabilities.web_on.isChecked()
    assert create.definitions[-1].name == "Kyoto guide"
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and draft.definition.name == "Kyoto guide"
    b.save()
    assert b.services.store.gpts.get(b.gpt_id).definition.instructions == "Suggest temples."
