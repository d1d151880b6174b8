"""Create a GPT, fill the form, keep the draft, save versions, compare two, restore one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.avatar import parse_avatar
from desktop.core.knowledge.tokens import approx_tokens
from desktop.core.runs.system import system_prompt
from desktop.ui.builder.draft import State
from tests.ui.builder.conftest import WAIT_MS, Builder


def fill_profile(b: Builder) -> None:
    profile = b.page.form.profile
    b.qtbot.keyClicks(profile.name, " for Japan")
    b.qtbot.keyClicks(profile.description, "Plans trips to Japan")
    profile.avatar.emoji.setText("J")
    profile.avatar.color.setCurrentIndex(5)
    profile.avatar.emoji.textEdited.emit("J")
    profile.starters.add_starter("Plan a weekend in Kyoto")
    profile.starters.add_starter("What should I pack in June?")
    b.qtbot.keyClicks(profile.instructions, "You plan trips to Japan. Answer briefly.")
    profile.protection.setChecked(True)


def test_a_new_gpt_is_filled_kept_as_a_draft_and_saved_as_a_version(
    qtbot: Any, builder: Builder
) -> None:
    b = builder
    with qtbot.wait_signal(b.window.pages.library.listed, timeout=WAIT_MS):
        b.window.new_action.trigger()  # Ctrl+N
    qtbot.wait_until(lambda: b.page.gpt_id not in ("", b.gpt_id), timeout=WAIT_MS)
    b.settle()
    gpt_id = b.page.gpt_id
    assert b.page.form.profile.name.text() == "New GPT"
    b.page.form.profile.name.clear()
    fill_profile(b)
    qtbot.wait_until(lambda: b.page.keeper.state == State.DRAFT, timeout=WAIT_MS)  # by itself
    b.settle()
    draft = b.services.store.drafts.get(gpt_id)
    assert draft is not None and draft.definition.name == "for Japan"
    assert draft.definition.instructions == "You plan trips to Japan. Answer briefly."
    assert b.services.store.gpts.get(gpt_id).version == 1  # a draft is no version
    assert "draft" in b.page.status.text()

    b.save()
    gpt = b.services.store.gpts.get(gpt_id)
    definition = gpt.definition
    assert gpt.version == 2 and b.services.store.drafts.get(gpt_id) is None
    assert definition.description == "Plans trips to Japan"
    assert definition.conversation_starters == [
        "Plan a weekend in Kyoto",
        "What should I pack in June?",
    ]
    assert definition.knowledge_protection is True
    avatar = parse_avatar(definition.avatar, definition.name)
    assert (avatar.kind, avatar.text) == ("emoji", "J")
    assert b.page.keeper.state == State.SAVED and not b.page.save_button.isEnabled()
    # The library shows the saved name.
    names = [g.definition.name for g in b.services.store.gpts.list()]
    assert definition.name in names


def test_the_preview_is_the_exact_system_prompt(builder: Builder) -> None:
    b = builder
    b.qtbot.keyClicks(b.page.form.profile.instructions, "Be brief.")
    b.page.form.profile.protection.setChecked(True)
    b.kept()
    definition = b.page.keeper.definition
    assert definition is not None
    assert b.page.form.profile.preview.text.toPlainText() == system_prompt(definition)
    counts = b.page.form.profile.preview.counts_text()
    assert f"Instructions: {approx_tokens('Be brief.')}" in counts
    assert "Knowledge protection" in counts
    assert "estimated" in counts
    assert "9 of 100,000 characters" in b.page.form.profile.instruction_counts.text()


def test_versions_are_compared_and_one_is_restored(qtbot: Any, builder: Builder) -> None:
    b = builder
    instructions = b.page.form.profile.instructions
    b.qtbot.keyClicks(instructions, "First instructions.")
    b.kept()
    b.save()  # version 2
    instructions.selectAll()
    b.qtbot.keyClicks(instructions, "Second instructions.")
    b.page.form.model.temperature.setValue(0.2)
    b.kept()
    b.save()  # version 3
    assert b.services.store.gpts.get(b.gpt_id).version == 3

    b.page.show_section("history")
    b.settle()
    history = b.page.history
    assert [v.version for v in history.model.versions] == [3, 2, 1]
    assert "3 (current)" in history.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    notes = [history.model.index(row, 2).data() for row in range(3)]
    assert notes == ["Saved in the builder", "Saved in the builder", "Created"]
    history.select_versions(2, 3)
    rows = {row[0]: row[1:] for row in history.diff_rows()}
    assert rows["Instructions"] == ["First instructions.", "Second instructions."]
    assert rows["Model › Temperature"] == ["0.7", "0.2"]
    assert "From version 2 to version 3: 2 changes." in history.compared.text()

    history.select_versions(2)
    assert history.restore_button.isEnabled()
    with qtbot.wait_signal(b.page.gpt_saved, timeout=WAIT_MS):
        history.restore_button.click()
    b.settle()
    gpt = b.services.store.gpts.get(b.gpt_id)
    assert gpt.version == 4 and gpt.definition.instructions == "First instructions."
    assert instructions.toPlainText() == "First instructions."
    assert b.page.form.model.temperature.value() == 0.7
    assert [v.version for v in history.model.versions] == [4, 3, 2, 1]

    # Unsaved changes are discarded by a restore only once the user says so.
    b.qtbot.keyClicks(b.page.form.profile.description, "Unsaved")
    b.kept()
    history.select_versions(3)
    history.restore_button.click()
    question = b.page._confirm
    assert question is not None and "Restore version 3?" in question.text()
    with qtbot.wait_signal(b.page.gpt_saved, timeout=WAIT_MS):
        question.button(QMessageBox.StandardButton.Yes).click()
    b.settle()
    gpt = b.services.store.gpts.get(b.gpt_id)
    assert gpt.version == 5 and gpt.definition.instructions == "Second instructions."
    assert b.page.form.profile.description.text() == ""
    assert b.services.store.drafts.get(b.gpt_id) is None


def test_a_draft_survives_closing_the_window(qtbot: Any, builder: Builder) -> None:
    b = builder
    b.qtbot.keyClicks(b.page.form.profile.description, "Typed just before closing")
    b.window.close()  # within the typing pause: the draft is kept at close
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and draft.definition.description == "Typed just before closing"
    assert b.services.drafts.open(b.gpt_id).has_draft


def test_discarding_changes_goes_back_to_the_version(qtbot: Any, builder: Builder) -> None:
    b = builder
    b.qtbot.keyClicks(b.page.form.profile.description, "Not wanted")
    b.kept()
    assert b.page.discard_button.isEnabled()
    b.page.discard_button.click()
    question = b.page._confirm
    assert question is not None and "version 1" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    b.settle()
    assert b.page.form.profile.description.text() == ""
    assert b.services.store.drafts.get(b.gpt_id) is None
    assert b.page.keeper.state == State.SAVED
