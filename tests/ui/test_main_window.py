"""The shell: places, shortcuts, errors with their fix, dropped files, remembered layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence

from desktop.core import errors
from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.ui import app
from desktop.ui.main_window import MainWindow
from tests.helpers.drops import drop

WAIT_MS = 10_000


@pytest.fixture
def shell(qtbot: Any, isolated_home: Paths) -> Iterator[tuple[MainWindow, app.AppServices]]:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    yield window, services
    window.close()
    services.tasks.wait_all(10)
    services.close()


def started(qtbot: Any, window: MainWindow, **kwargs: Any) -> None:
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.start(**kwargs)


def test_an_empty_install_opens_on_the_welcome_page(qtbot: Any, shell: Any) -> None:
    window, _ = shell
    started(qtbot, window)
    assert window.stack.currentWidget() is window.pages.welcome


def test_the_last_open_gpt_opens_again(qtbot: Any, shell: Any) -> None:
    window, services = shell
    gpt = services.store.gpts.create(validate_definition({"name": "Helper"}))
    services.prefs.last_gpt = gpt.id
    started(qtbot, window)
    assert window.stack.currentWidget() is window.tabs
    assert window.pages.builder.gpt_id == gpt.id
    assert window.pages.library.current_gpt_id() == gpt.id


def test_shortcuts(shell: Any) -> None:
    window, _ = shell
    keys = {
        window.new_action: QKeySequence(QKeySequence.StandardKey.New),
        window.save_action: QKeySequence(QKeySequence.StandardKey.Save),
        window.find_action: QKeySequence(QKeySequence.StandardKey.Find),
        window.settings_action: QKeySequence("Ctrl+,"),
    }
    for action, key in keys.items():
        assert action.shortcut() == key, action.text()
    assert [a.shortcut().toString() for a in window.tab_actions] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]


def test_ctrl_n_makes_a_gpt_and_opens_it(qtbot: Any, shell: Any) -> None:
    window, services = shell
    started(qtbot, window)
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.new_action.trigger()
    qtbot.wait_until(lambda: window.stack.currentWidget() is window.tabs, timeout=WAIT_MS)
    (gpt,) = services.store.gpts.list()
    assert window.pages.builder.gpt_id == gpt.id


def test_an_error_shows_its_fix_and_the_fix_leads_there(qtbot: Any, shell: Any) -> None:
    window, services = shell
    window.show()
    started(qtbot, window)
    error = errors.ModelNotFoundError("Unknown model 'qwen'.", errors.do(errors.Do.SHOW_CATALOG))
    services.errors.notify_error(error)
    banner = window.error_banner
    assert banner.isVisible()
    assert "The model cannot be found." in banner.text()
    assert banner.details.text() == "Unknown model 'qwen'."
    assert banner.fix_button.isVisible() and banner.fix_button.text() == "Get a model"
    with qtbot.wait_signal(window.view_shown, timeout=WAIT_MS) as shown:
        banner.fix_button.click()
    assert shown.args == ["settings"] and not banner.isVisible()


def test_a_bug_is_said_to_be_one(qtbot: Any, shell: Any) -> None:
    window, services = shell
    window.show()
    services.errors.notify_error(KeyError("x"))
    assert "Something went wrong inside Capsule Studio." in window.error_banner.text()
    assert "KeyError" in window.error_banner.details.text()
    assert not window.error_banner.fix_button.isVisible()
    window.error_banner.dismiss_button.click()
    assert not window.error_banner.isVisible()


def test_dropped_files_need_an_open_gpt(qtbot: Any, shell: Any, tmp_path: Path) -> None:
    window, services = shell
    started(qtbot, window)
    with qtbot.wait_signal(services.errors.error_reported, timeout=WAIT_MS) as reported:
        drop(window, [tmp_path])
    assert "Open a GPT first" in reported.args[0].headline


def test_dropped_files_go_to_the_open_gpt_s_knowledge(
    qtbot: Any, shell: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = shell
    gpt = services.store.gpts.create(validate_definition({"name": "Helper"}))
    started(qtbot, window, gpt_id=gpt.id, view="chat")
    received: list[list[Path]] = []
    monkeypatch.setattr(window.pages.builder, "add_knowledge", received.append)
    note = tmp_path / "note.txt"
    note.write_text("hello")
    drop(window, [note])
    assert received == [[note]]
    assert window.tabs.currentIndex() == 0  # the Build tab, where the files show


def test_layout_is_remembered(qtbot: Any, isolated_home: Paths) -> None:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    window.resize(700, 500)
    window.splitter.setSizes([220, 460])
    sizes = window.splitter.sizes()
    window.close()
    services.close()
    again, services = app.build_main_window(isolated_home)
    qtbot.add_widget(again)
    try:
        assert again.size().width() == 700 and again.size().height() == 500
        assert again.splitter.sizes() == sizes
    finally:
        again.close()
        services.close()
