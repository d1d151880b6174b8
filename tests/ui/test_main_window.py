"""Tests for desktop/ui/main_window.py: the lists, the 'what is missing' banner, actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence

from desktop.core.errors import StoreLockedError
from desktop.core.paths import Paths
from desktop.core.providers.local import LocalModels
from desktop.core.store import Store
from desktop.core.tools.code_interpreter.probe import Protection
from desktop.core.tools.code_interpreter.sandbox import IN_PROCESS, NAMESPACE, VIEW
from desktop.core.units import human_size
from desktop.ui.errors import ErrorChannel
from desktop.ui.formatting import CREATE_COMMAND
from desktop.ui.main_window import MainWindow

WAIT_MS = 10_000


class FailingModels(LocalModels):
    def list(self):  # type: ignore[no-untyped-def]
        raise StoreLockedError("The model folder is busy; try again.")


@pytest.fixture
def opened_urls() -> list[QUrl]:
    return []


@pytest.fixture
def make_window(qtbot, store: Store, isolated_home: Paths, opened_urls: list[QUrl]):  # type: ignore[no-untyped-def]
    def make(
        folders: list[Path] | None = None,
        models: LocalModels | None = None,
        profiles: list[str] | None = None,
    ) -> MainWindow:
        local = models or LocalModels(
            folders if folders is not None else [isolated_home.user_models]
        )

        def open_url(url: QUrl) -> bool:
            opened_urls.append(url)
            return True

        window = MainWindow(
            store,
            local,
            isolated_home,
            ErrorChannel(),
            open_url=open_url,
            profiles=lambda: list(profiles or []),
        )
        qtbot.add_widget(window)
        return window

    return make


def load(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Refresh and wait until both panes are filled, failing on a listing error."""
    with (
        qtbot.assert_not_emitted(window.listing_failed),
        qtbot.wait_signals([window.gpts_listed, window.models_listed], timeout=WAIT_MS),
    ):
        window.refresh()


def test_empty_install_says_where_models_go_and_how_to_create_a_gpt(
    qtbot, make_window, isolated_home: Paths
) -> None:
    window = make_window()
    load(qtbot, window)

    banner = window.missing_banner
    assert not banner.isHidden()
    assert str(isolated_home.user_models) in banner.text()
    assert ".gguf" in banner.text()
    assert "capsule providers add" in banner.text()  # or a remote API
    assert "capsule models catalog" in banner.text()
    assert CREATE_COMMAND in banner.text()
    assert window.gpt_pane.placeholder.text().startswith("No GPTs yet.")
    assert window.statusBar().currentMessage() == "0 GPTs · 0 local models"
    assert window.gpt_pane.stack.currentWidget() is window.gpt_pane.placeholder
    assert window.model_pane.stack.currentWidget() is window.model_pane.placeholder
    assert window.windowTitle() == "Capsule Studio"


def test_lists_show_a_gpt_and_a_tiny_model(qtbot, make_window, make_gpt, tiny_gguf: Path) -> None:
    make_gpt(name="Helper", description="Answers questions", model={"model": "tiny-chat"})
    window = make_window([tiny_gguf.parent])
    load(qtbot, window)

    gpt_rows = window.gpt_pane.texts()
    assert [row[:2] for row in gpt_rows] == [["Helper", "tiny-chat"]]
    model_item = window.gpt_pane.table.item(0, 1)
    assert model_item.icon().isNull()  # the model is there: no warning
    rows = {row[0]: row for row in window.model_pane.texts()}
    assert rows["tiny-chat"][1:] == [
        "llama",
        "F32",
        human_size(tiny_gguf.stat().st_size),
        "2,048",
    ]
    assert window.model_pane.heading.text() == f"Local models ({len(rows)})"
    assert window.missing_banner.isHidden()
    assert window.model_pane.notes.isHidden()


def test_broken_gguf_is_listed_with_its_problem(
    qtbot, make_window, make_gpt, isolated_home: Paths
) -> None:
    make_gpt(name="Helper", model={"model": "x"})
    (isolated_home.user_models / "x.gguf").write_text("hello, this is not a model")
    window = make_window()
    load(qtbot, window)

    [row] = window.model_pane.texts()
    assert row[:2] == ["x", "Not usable (see below)"]
    ident = window.model_pane.table.item(0, 0)
    assert not ident.icon().isNull()
    assert ident.foreground().color().name() == "#b3261e"
    assert "not a GGUF model file" in ident.toolTip()
    notes = window.model_pane.notes
    assert not notes.isHidden()
    assert "<b>x.gguf</b>: x.gguf is not a GGUF model file" in notes.text()
    assert "No usable local model" in window.missing_banner.text()
    # The GPT that uses it says why it cannot answer.
    gpt_model = window.gpt_pane.table.item(0, 1)
    assert "cannot be used" in gpt_model.toolTip()
    assert "Helper cannot answer yet" in window.missing_banner.text()
    assert window.statusBar().currentMessage() == "1 GPT · 1 local model, 1 unreadable"


def test_a_model_that_breaks_leaves_no_stale_cells(
    qtbot, make_window, isolated_home: Paths, tiny_gguf: Path
) -> None:
    target = isolated_home.user_models / "m.gguf"
    target.write_bytes(tiny_gguf.read_bytes())
    window = make_window()
    load(qtbot, window)
    assert window.model_pane.texts()[0][1] == "llama"

    target.write_text("now broken")
    load(qtbot, window)

    assert window.model_pane.texts() == [["m", "Not usable (see below)", "", "", ""]]


def test_gpt_with_an_unknown_model_is_flagged(qtbot, make_window, make_gpt) -> None:
    make_gpt(name="Orphan", model={"model": "gone-model"})
    window = make_window()
    load(qtbot, window)

    item = window.gpt_pane.table.item(0, 1)
    assert not item.icon().isNull()
    assert "'gone-model' is not in the model folders" in item.toolTip()
    banner = window.missing_banner.text()
    assert "<b>Orphan cannot answer yet.</b>" in banner
    assert "<code>capsule gpt edit gpt_" in banner


def test_refresh_picks_up_a_new_gpt(qtbot, make_window, make_gpt) -> None:
    window = make_window()
    load(qtbot, window)
    assert window.gpt_pane.texts() == []

    make_gpt(name="Newcomer")
    with qtbot.wait_signal(window.gpts_listed, timeout=WAIT_MS) as listed:
        window.refresh_action.trigger()

    assert [g.name for g in listed.args[0]] == ["Newcomer"]
    assert window.gpt_pane.texts()[0][0] == "Newcomer"
    assert window.gpt_pane.heading.text() == "GPTs (1)"
    assert "No GPT yet" not in window.missing_banner.text()


def test_shortcuts(make_window) -> None:
    window = make_window()
    assert window.refresh_action.shortcuts() == [QKeySequence("F5"), QKeySequence("Ctrl+R")]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")


def test_quit_closes_the_window(qtbot, make_window) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_open_models_folder_opens_the_user_models_folder(
    make_window, opened_urls: list[QUrl], isolated_home: Paths
) -> None:
    window = make_window()
    window.open_models_action.trigger()
    assert opened_urls == [QUrl.fromLocalFile(str(isolated_home.user_models))]


def test_banner_links_open_the_folder(
    qtbot, make_window, opened_urls: list[QUrl], isolated_home: Paths
) -> None:
    window = make_window()
    load(qtbot, window)
    url = QUrl.fromLocalFile(str(isolated_home.user_models)).toString()
    window.missing_banner.label.linkActivated.emit(url)
    assert opened_urls == [QUrl(url)]


def test_listing_failure_reaches_the_error_banner(qtbot, make_window, isolated_home: Paths) -> None:
    window = make_window(models=FailingModels([isolated_home.user_models]))
    with qtbot.wait_signal(window.listing_failed, timeout=WAIT_MS) as failed:
        window.refresh()

    assert failed.args == ["The model folder is busy; try again."]
    assert not window.error_banner.isHidden()
    assert "busy" in window.error_banner.text()
    assert "busy" in window.model_pane.placeholder.text()
    qtbot.waitUntil(lambda: window.gpt_pane.stack.currentWidget() is window.gpt_pane.placeholder)


def test_error_banner_can_be_dismissed(qtbot, make_window) -> None:
    window = make_window()
    window._errors.notify_error("Something & <broken>")
    assert window.error_banner.text() == "Something &amp; &lt;broken&gt;"
    qtbot.mouseClick(window.error_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert window.error_banner.isHidden()


def test_a_remote_gpt_needs_its_profile(qtbot, make_window, make_gpt) -> None:  # type: ignore[no-untyped-def]
    make_gpt(name="Remote", model={"provider": "ds", "model": "deepseek-chat"})
    window = make_window()
    load(qtbot, window)
    assert "ds:deepseek-chat" in window.gpt_pane.table.item(0, 1).text()
    assert "capsule providers add ds" in window.missing_banner.text()

    configured = make_window(profiles=["ds"])
    load(qtbot, configured)
    assert "Remote cannot answer" not in configured.missing_banner.text()
    assert "No local model found" not in configured.missing_banner.text()


def test_the_sandbox_window_says_what_protects_the_machine(
    qtbot, store: Store, isolated_home: Paths
) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []

    def sandbox() -> Protection:
        asked.append(1)
        return Protection(NAMESPACE, True, True, "nobody", files=VIEW, proc="own")

    window = MainWindow(
        store,
        LocalModels([isolated_home.user_models]),
        isolated_home,
        ErrorChannel(),
        sandbox=sandbox,
        unisolated=Choice(),
    )
    qtbot.add_widget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Settings" in menus
    with qtbot.wait_signal(window.sandbox_shown, timeout=WAIT_MS):
        window.sandbox_action.trigger()
    assert asked == [1]
    box = window.sandbox_box
    assert box is not None and box.isVisible()
    assert "• Network: blocked by a Linux network namespace" in box.informativeText()
    assert "• Files: the code sees only the system" in box.informativeText()
    assert box.checkBox() is None  # isolated: nothing to allow
    box.close()


class Choice:
    """The allow-unisolated setting, in memory."""

    def __init__(self) -> None:
        self.value = False

    def allowed(self) -> bool:
        return self.value

    def allow(self, allowed: bool) -> None:
        self.value = allowed


def test_without_isolation_the_sandbox_window_warns_and_offers_the_choice(
    qtbot, store: Store, isolated_home: Paths
) -> None:  # type: ignore[no-untyped-def]
    choice = Choice()
    window = MainWindow(
        store,
        LocalModels([isolated_home.user_models]),
        isolated_home,
        ErrorChannel(),
        sandbox=lambda: Protection(IN_PROCESS, False, False, "ann"),
        unisolated=choice,
    )
    qtbot.add_widget(window)
    with qtbot.wait_signal(window.sandbox_shown, timeout=WAIT_MS):
        window.sandbox_action.trigger()
    box = window.sandbox_box
    assert box is not None
    assert "• Files: NOT isolated" in box.informativeText()
    assert "SSH keys" in box.detailedText()
    check = box.checkBox()
    assert check is not None and not check.isChecked()
    check.setChecked(True)
    assert choice.value is True
    box.close()
