"""The library sidebar: create, search, duplicate, delete with undo, readiness, the menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListView

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.readiness import Problem
from desktop.core.settings import ProviderProfile, Settings
from desktop.ui.library import words
from desktop.ui.library.model import GPT_ROLE, ID_ROLE, READINESS_ROLE
from desktop.ui.library.pane import LibraryPane
from desktop.ui.services import AppServices
from tests.ui.library.conftest import WAIT_MS, loaded


def make(services: AppServices, name: str, **fields: Any) -> str:
    return services.store.gpts.create(validate_definition({"name": name, **fields})).id


def shown_names(pane: LibraryPane) -> list[str]:
    return [pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount())]


def row_of(pane: LibraryPane, gpt_id: str) -> QModelIndex:
    return pane.proxy.mapFromSource(pane.model.index(pane.model.row_of(gpt_id), 0))


def test_new_gpt_creates_a_blank_one_and_opens_it(qtbot: Any, pane: LibraryPane) -> None:
    assert loaded(qtbot, pane) == []
    assert pane.is_empty() and "No GPTs yet" in pane.empty.text()
    with qtbot.wait_signal(pane.gpt_selected, timeout=WAIT_MS) as selected:
        pane.new_gpt()
    assert shown_names(pane) == ["New GPT"]
    assert pane.current_gpt_id() == selected.args[0]
    assert pane.stack.currentWidget() is pane.list


def test_new_from_a_template(qtbot: Any, pane: LibraryPane, services: AppServices) -> None:
    loaded(qtbot, pane)
    writer = next(t for t in pane.templates if t.id == "writer")
    titles = [a.text() for a in pane.new_menu.actions()]
    assert "Blank GPT" in titles and writer.name in titles
    with qtbot.wait_signal(pane.gpt_selected, timeout=WAIT_MS) as selected:
        next(a for a in pane.new_menu.actions() if a.text() == writer.name).trigger()
    gpt = services.store.gpts.get(selected.args[0])
    assert gpt.name == "Writing coach"
    assert gpt.definition.instructions == writer.instructions
    assert gpt.definition.avatar == writer.avatar


def test_search_filters_by_name_description_and_model(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    make(services, "Translator 翻译", description="Chinese and English")
    make(services, "Travel helper", model={"model": "qwen2.5-0.5b"})
    make(services, "Cook")
    loaded(qtbot, pane)

    qtbot.keyClicks(pane.search, "tra")
    assert sorted(shown_names(pane)) == ["Translator 翻译", "Travel helper"]
    pane.search.setText("翻译")
    assert shown_names(pane) == ["Translator 翻译"]
    pane.search.setText("qwen")
    assert shown_names(pane) == ["Travel helper"]
    pane.search.setText("nothing like it")
    assert shown_names(pane) == []
    assert pane.stack.currentWidget() is pane.empty
    assert "No GPT matches “nothing like it”" in pane.empty.text()
    pane.search.clear()
    assert len(shown_names(pane)) == 3


def test_ctrl_f_in_the_window_focuses_the_search(qtbot: Any, isolated_home: Paths) -> None:
    from desktop.ui import app

    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    try:
        search = window.pages.library.search
        search.setText("old words")
        window.find_action.trigger()
        # Offscreen windows are never active, so the focus is where it would go.
        assert window.focusWidget() is search
        assert search.selectedText() == "old words"
    finally:
        window.close()
        services.tasks.wait_all(20)
        services.close()


def test_duplicate_copies_knowledge_checked_through_core(
    qtbot: Any, pane: LibraryPane, services: AppServices, tmp_path: Path
) -> None:
    source = make(services, "Handbook", avatar="emoji:#2f8f5b:📚")
    note = tmp_path / "cats.txt"
    note.write_text("Cats sleep sixteen hours a day.", encoding="utf-8")
    list(services.knowledge.add(source, [note]))
    note.unlink()  # gone from where the user had it
    loaded(qtbot, pane)
    pane.select(source)

    with qtbot.wait_signal(pane.gpt_selected, timeout=WAIT_MS) as selected:
        pane.duplicate_current()
    copy = selected.args[0]
    assert copy != source and pane.current_gpt_id() == copy
    assert sorted(shown_names(pane)) == ["Handbook", "Handbook (copy)"]
    gpt = services.store.gpts.get(copy)
    assert gpt.definition.avatar == "emoji:#2f8f5b:📚"
    (file,) = services.knowledge.files(copy)
    assert (file.name, file.status) == ("cats.txt", "ready")
    assert [f.id for f in gpt.definition.knowledge.files] == [file.id]
    assert services.knowledge.search(copy, "sleep")[0]["file"] == "cats.txt"
    qtbot.wait_until(lambda: not pane.copying.busy, timeout=WAIT_MS)
    assert pane.copying.isHidden()


def test_delete_then_undo(qtbot: Any, pane: LibraryPane, services: AppServices) -> None:
    keep, gone = make(services, "Keep"), make(services, "Gone")
    loaded(qtbot, pane)
    pane.select(gone)
    with qtbot.wait_signals([pane.gpts_changed, pane.listed], timeout=WAIT_MS):
        pane.delete_current()
    assert shown_names(pane) == ["Keep"]
    assert pane.undo_bar.isVisibleTo(pane)
    assert "Deleted “Gone”" in pane.undo_bar.text()
    assert [g.id for g in services.store.gpts.list()] == [keep]

    with qtbot.wait_signal(pane.gpt_selected, timeout=WAIT_MS) as selected:
        pane.undo_bar.undo_button.click()
    assert selected.args == [gone]
    assert sorted(shown_names(pane)) == ["Gone", "Keep"]
    assert not pane.undo_bar.isVisibleTo(pane)
    assert {g.id for g in services.store.gpts.list()} == {keep, gone}


def test_deleting_the_open_gpt_closes_it(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    only = make(services, "Only")
    loaded(qtbot, pane)
    pane.select(only)
    with qtbot.wait_signal(pane.gpt_selected, timeout=WAIT_MS) as selected:
        pane.delete(only)
    assert selected.args == [""] and pane.current_gpt_id() == ""


def test_the_delete_key_deletes_the_current_gpt(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    make(services, "Doomed")
    loaded(qtbot, pane)
    pane.list.setCurrentIndex(pane.proxy.index(0, 0))
    key = pane.delete_key
    assert key.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    assert key.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    assert key in pane.list.actions()  # so Delete works where the list has the focus
    with qtbot.wait_signal(pane.gpts_changed, timeout=WAIT_MS):
        key.trigger()
    assert services.store.gpts.list() == []


def test_readiness_flags(
    qtbot: Any, pane: LibraryPane, services: AppServices, isolated_home: Paths, tiny_gguf: Path
) -> None:
    (isolated_home.user_models / "tiny-chat.gguf").write_bytes(tiny_gguf.read_bytes())

    def add(settings: Settings) -> None:
        settings.providers["deepseek"] = ProviderProfile(
            name="deepseek",
            preset="deepseek",
            base_url="https://api.deepseek.com/v1",
            api_key_secret="provider:deepseek",
        )

    services.settings.update(add)
    ready = make(services, "Ready", model={"model": "tiny-chat"})
    missing = make(services, "Missing", model={"model": "qwen-7b"})
    keyless = make(services, "Keyless", model={"provider": "deepseek", "model": "deepseek-chat"})
    loaded(qtbot, pane)

    def flags(gpt_id: str) -> tuple[bool, bool, Problem | None]:
        found = row_of(pane, gpt_id).data(READINESS_ROLE)
        return found.model_present, found.key_set, found.problem

    assert flags(ready) == (True, True, None)
    assert flags(missing) == (False, True, Problem.MODEL_MISSING)
    assert flags(keyless) == (True, False, Problem.KEY_MISSING)
    assert words.status(row_of(pane, ready).data(READINESS_ROLE)) == "Ready"
    tip = row_of(pane, missing).data(Qt.ItemDataRole.ToolTipRole)
    assert "Missing" in tip and "qwen-7b" in tip and "Model missing" in tip

    services.secrets.set("provider:deepseek", "sk-test-key")  # through the in-memory keyring
    changed: list[int] = []
    pane.model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    loaded(qtbot, pane)
    assert flags(keyless) == (True, True, None)
    assert changed == [pane.model.row_of(keyless)]  # one row changed, nothing rebuilt


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_right_click_menu_has_the_rows_actions(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    gpt_id = make(services, "No model yet")
    loaded(qtbot, pane)
    pane.show()
    qtbot.wait_exposed(pane)
    index = row_of(pane, gpt_id)
    pane.list.customContextMenuRequested.emit(pane.list.visualRect(index).center())
    menu = pane.menu
    assert menu.isVisible()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:5] == ["Open", "Duplicate", "Export…", "Delete", "Choose a model"]
    assert "New blank GPT" in texts and "New from a template" in texts
    assert "Import a GPT…" in texts
    with qtbot.wait_signal(pane.export_requested, timeout=WAIT_MS) as export:
        next(a for a in menu.actions() if a.text() == "Export…").trigger()
    assert export.args[0].id == gpt_id
    assert "Refresh the list" in texts

    with qtbot.wait_signal(pane.action_requested, timeout=WAIT_MS) as fix:
        next(a for a in menu.actions() if a.text() == "Choose a model").trigger()
    assert fix.args[0].kind == "choose_model" and fix.args[0].args["gpt_id"] == gpt_id
    menu.close()  # and it goes (deleted on close)
    qtbot.wait_until(lambda: not shiboken6.isValid(menu), timeout=WAIT_MS)
    again = pane.context_menu(row_of(pane, gpt_id))
    with qtbot.wait_signal(pane.listed, timeout=WAIT_MS):
        next(a for a in again.actions() if a.text() == "Delete").trigger()
    assert services.store.gpts.list() == []

    empty_menu = pane.context_menu(pane.list.indexAt(QPoint(5, 500)))
    assert next(a.text() for a in empty_menu.actions() if a.text()) == "Refresh the list"


def test_select_before_the_list_has_loaded(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    make(services, "First")
    second = make(services, "Second")
    pane.select(second)  # the shell restores the last open GPT at start
    with qtbot.assert_not_emitted(pane.gpt_selected):
        loaded(qtbot, pane)
    assert pane.current_gpt_id() == second


def test_a_refresh_moves_and_changes_rows_without_a_reset(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    first, second = make(services, "First"), make(services, "Second")
    loaded(qtbot, pane)
    pane.select(first)
    resets: list[bool] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    gpt = services.store.gpts.get(first)
    services.store.gpts.save(first, gpt.definition.model_copy(update={"name": "First, renamed"}))
    third = make(services, "Third")
    loaded(qtbot, pane)
    assert [g.id for g in pane.model.gpts()] == [third, first, second]
    assert shown_names(pane)[1] == "First, renamed"
    assert pane.current_gpt_id() == first  # the selection stayed with its GPT
    assert resets == []
    assert row_of(pane, first).data(GPT_ROLE).name == "First, renamed"
    assert row_of(pane, third).data(ID_ROLE) == third


def test_every_control_has_an_accessible_name(qtbot: Any, pane: LibraryPane) -> None:
    loaded(qtbot, pane)
    controls = [
        *pane.findChildren(QAbstractButton),
        *pane.findChildren(QLineEdit),
        *pane.findChildren(QListView),
    ]
    assert len(controls) >= 5
    assert [c for c in controls if not c.accessibleName()] == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_template_menu_speaks_the_guis_language(
    qtbot: Any, services: AppServices, language: str
) -> None:
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(language))
    try:
        pane = LibraryPane(services)
        qtbot.add_widget(pane)
        names = [t.name for t in pane.templates]
        assert ("日常助手" in names) is (language == "zh_CN")
    finally:
        QLocale.setDefault(QLocale("en"))


def test_the_library_speaks_chinese(qtbot: Any, qapp: Any, services: AppServices) -> None:
    from PySide6.QtCore import QLocale

    from desktop.ui import i18n

    installed = i18n.install(qapp, "zh_CN")
    try:
        pane = LibraryPane(services)
        qtbot.add_widget(pane)
        loaded(qtbot, pane)
        assert pane.new_button.text() == "新建 GPT"
        assert pane.search.placeholderText() == "搜索 GPT"
        assert "还没有 GPT" in pane.empty.text()
        menu = [a.text() for a in pane.context_menu(QModelIndex()).actions() if a.text()]
        assert menu == ["刷新列表", "新建空白 GPT", "从模板新建", "导入 GPT…"]
        assert "中英互译" in [a.text() for a in pane.new_menu.actions()]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale("en"))


def test_f5_picks_up_gpts_made_elsewhere(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    loaded(qtbot, pane)
    make(services, "Made by the capsule command")
    assert pane.refresh_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert pane.refresh_action in pane.actions()
    with qtbot.wait_signal(pane.listed, timeout=WAIT_MS):
        pane.refresh_action.trigger()
    assert shown_names(pane) == ["Made by the capsule command"]


def test_image_avatars_are_loaded_off_the_gui_thread(
    qtbot: Any, pane: LibraryPane, services: AppServices, tmp_path: Path
) -> None:
    from PySide6.QtGui import QColor, QImage

    from desktop.ui.library.model import AVATAR_ROLE, IMAGE_ROLE

    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("#00ff00"))
    source = tmp_path / "me.png"
    assert picture.save(str(source))
    avatar = services.avatars.add_image(source)
    gpt_id = make(services, "Pictured", avatar=avatar)
    loaded(qtbot, pane)
    index = row_of(pane, gpt_id)
    assert index.data(AVATAR_ROLE).kind == "image"
    qtbot.wait_until(lambda: index.data(IMAGE_ROLE) is not None, timeout=WAIT_MS)
    image = index.data(IMAGE_ROLE)
    assert image.height() == 72 and image.pixelColor(36, 36) == QColor("#00ff00")
    pane.show()
    assert not pane.list.grab().isNull()  # the delegate paints it


def test_a_last_open_gpt_that_is_gone_closes_again(
    qtbot: Any, pane: LibraryPane, services: AppServices
) -> None:
    gone = make(services, "Gone")
    services.gpt_library.delete(gone)
    pane.select(gone)  # the shell restores the last open GPT
    with qtbot.wait_signal(pane.gpt_selected, timeout=WAIT_MS) as selected:
        pane.refresh()
    assert selected.args == [""] and pane.current_gpt_id() == ""
