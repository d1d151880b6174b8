"""Exporting from the library and the File menu, and importing by dropping files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtGui import QKeySequence

from desktop.core.capsule.install import ImportOptions
from desktop.core.gpt import validate_definition
from desktop.ui.capsules.export_dialog import ExportDialog
from desktop.ui.capsules.import_dialog import ImportDialog
from desktop.ui.main_window import MainWindow
from tests.helpers.capsules import gpt_with_knowledge
from tests.helpers.drops import drop
from tests.ui.capsules.conftest import WAIT_MS, made_elsewhere

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "importers"


def export_dialog(qtbot: Any, window: MainWindow, gpt_id: str) -> ExportDialog:
    """Select the GPT in the library, then Ctrl+Shift+E (the File menu's action)."""
    qtbot.wait_until(lambda: window.pages.library.model.row_of(gpt_id) >= 0, timeout=WAIT_MS)
    window.open_gpt(gpt_id, 0)
    qtbot.wait_until(lambda: window.pages.library.current_gpt_id() == gpt_id, timeout=WAIT_MS)
    with qtbot.wait_signal(window.capsules.dialog_opened, timeout=WAIT_MS) as opened:
        window.export_action.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, ExportDialog)
    return dialog


def listed_gpt(qtbot: Any, shell: Any, folder: Path) -> str:
    window, services = shell
    gpt_id = gpt_with_knowledge(services, folder)
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.pages.library.refresh()
    return gpt_id


def test_the_shortcuts_and_menus_are_there(qtbot: Any, shell: Any) -> None:
    window, services = shell
    assert window.export_action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert window.import_action.shortcut() == QKeySequence("Ctrl+Shift+I")
    shortcuts = [a.shortcut() for a in window.findChildren(type(window.export_action))]
    assert shortcuts.count(QKeySequence("Ctrl+Shift+E")) == 1
    assert shortcuts.count(QKeySequence("Ctrl+Shift+I")) == 1
    gpt = services.store.gpts.create(validate_definition({"name": "A"}))
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.pages.library.refresh()
    library = window.pages.library
    row = library.proxy.mapFromSource(library.model.index(library.model.row_of(gpt.id), 0))
    texts = [a.text() for a in library.context_menu(row).actions()]
    assert "Export…" in texts and "Import a GPT…" in texts
    with qtbot.wait_signal(window.capsules.dialog_opened, timeout=WAIT_MS) as opened:
        next(a for a in library.context_menu(row).actions() if a.text() == "Export…").trigger()
    assert isinstance(opened.args[0], ExportDialog)
    opened.args[0].reject()


def test_export_a_capsule_with_a_password_and_the_index(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    gpt_id = listed_gpt(qtbot, shell, tmp_path / "files")
    dialog = export_dialog(qtbot, window, gpt_id)
    target = tmp_path / "out" / "handbook.capsule"
    target.parent.mkdir()
    dialog.target.setText(str(target))
    dialog.password.setText("correct horse")
    dialog.repeat.setText("correct hose")
    dialog.export_button.click()
    assert "differ" in dialog.note.text()
    assert not dialog.job.busy and not target.exists()

    dialog.repeat.setText("correct horse")
    dialog.include_index.setChecked(True)
    dialog.author.setText("Ada")
    with qtbot.wait_signal(dialog.exported, timeout=WAIT_MS):
        dialog.export_button.click()
    assert "Saved" in dialog.note.text() and dialog.cancel_button.text() == "Close"
    locked = services.capsules.inspect(target)
    assert locked.encrypted and locked.locked and locked.header.author == "Ada"
    info = services.capsules.inspect(target, "correct horse")
    assert info.includes_index
    assert {c.name for c in info.contents if c.kind == "knowledge"} == {
        "cats.txt",
        "dogs.md",
        "熊猫.txt",
    }


def test_export_for_open_webui_and_as_an_openai_assistant(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, _ = shell
    gpt_id = listed_gpt(qtbot, shell, tmp_path / "files")
    for index, check in (
        (1, lambda data: data[0]["name"] == "Pet handbook"),
        (2, lambda data: data["object"] == "assistant" and data["name"] == "Pet handbook"),
    ):
        dialog = export_dialog(qtbot, window, gpt_id)
        dialog.format.setCurrentIndex(index)
        assert dialog.options.isHidden()  # no password or index for other apps
        assert dialog.target.text().endswith(".json")
        target = tmp_path / f"model{index}.json"
        dialog.target.setText(str(target))
        with qtbot.wait_signal(dialog.exported, timeout=WAIT_MS):
            dialog.export_button.click()
        assert check(json.loads(target.read_text(encoding="utf-8")))
        dialog.reject()


def test_an_existing_file_is_replaced_only_when_the_user_agrees(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, _ = shell
    gpt_id = listed_gpt(qtbot, shell, tmp_path / "files")
    dialog = export_dialog(qtbot, window, gpt_id)
    target = tmp_path / "mine.json"
    target.write_text("my own notes", encoding="utf-8")
    dialog.format.setCurrentIndex(1)
    dialog.target.setText(str(target))
    dialog.export_button.click()
    box = dialog.replace_box
    assert box is not None and box.isVisible() and str(target) in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert not dialog.job.busy
    assert target.read_text(encoding="utf-8") == "my own notes"

    dialog.export_button.click()
    box = dialog.replace_box
    replace = next(b for b in box.buttons() if b.text() == "Replace")
    with qtbot.wait_signal(dialog.exported, timeout=WAIT_MS):
        replace.click()
    assert json.loads(target.read_text(encoding="utf-8"))[0]["name"] == "Pet handbook"
    dialog.reject()


def test_a_cancelled_export_leaves_no_file(qtbot: Any, shell: Any, tmp_path: Path) -> None:
    window, _ = shell
    gpt_id = listed_gpt(qtbot, shell, tmp_path / "files")
    dialog = export_dialog(qtbot, window, gpt_id)
    target = tmp_path / "cancelled.capsule"
    dialog.target.setText(str(target))
    with qtbot.wait_signal(dialog.job.cancelled, timeout=WAIT_MS):
        dialog.export_button.click()
        dialog.cancel_button.click()
    assert "cancelled" in dialog.note.text()
    assert not target.exists()
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".*partial"))


def test_dropping_a_capsule_imports_it(qtbot: Any, shell: Any, tmp_path: Path) -> None:
    window, _ = shell
    _, capsule = made_elsewhere(tmp_path)
    with qtbot.wait_signal(window.capsules.dialog_opened, timeout=WAIT_MS) as opened:
        drop(window, [capsule])
    dialog = opened.args[0]
    assert isinstance(dialog, ImportDialog) and dialog.path == capsule
    qtbot.wait_until(dialog.import_button.isEnabled, timeout=WAIT_MS)
    with qtbot.wait_signal(dialog.imported, timeout=WAIT_MS) as done:
        dialog.import_button.click()
    qtbot.wait_until(lambda: window.pages.builder.gpt_id == done.args[0], timeout=WAIT_MS)


def test_a_dropped_gpt_json_imports_and_other_files_stay_knowledge(
    qtbot: Any, shell: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    window, services = shell
    services.capsules.import_(SAMPLES / "openwebui_model.json", ImportOptions())
    (gpt,) = services.store.gpts.list()
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.pages.library.refresh()
    window.open_gpt(gpt.id, 1)
    received: list[list[Path]] = []
    monkeypatch.setattr(window.pages.builder, "add_knowledge", received.append)
    data = tmp_path / "prices.json"
    data.write_text('{"apple": 1}', encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    assistant = SAMPLES / "openai_assistant.json"
    with qtbot.wait_signal(window.capsules.dialog_opened, timeout=WAIT_MS) as opened:
        drop(window, [data, assistant, note])
    assert opened.args[0].path == assistant
    qtbot.wait_until(lambda: received == [[data, note]], timeout=WAIT_MS)
