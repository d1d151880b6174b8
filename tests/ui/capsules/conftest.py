"""Fixtures for the capsule dialogs: the real window, and capsules made on another machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.capsule.export import ExportOptions
from desktop.core.paths import Paths
from desktop.ui import app, i18n
from desktop.ui.capsules.import_dialog import ImportDialog
from desktop.ui.main_window import MainWindow
from tests.helpers.capsules import gpt_with_knowledge, machine, with_action

WAIT_MS = 30_000


@pytest.fixture
def chinese() -> Iterator[None]:
    """The GUI in Simplified Chinese for one test, then in English again."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    installed = i18n.install(qapp, "zh_CN")
    try:
        yield
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install(qapp, "en")


@pytest.fixture
def shell(qtbot: Any, isolated_home: Paths) -> Iterator[tuple[MainWindow, app.AppServices]]:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.start()
    yield window, services
    window.close()
    services.tasks.wait_all(20)
    services.close()


def made_elsewhere(
    root: Path, options: ExportOptions | None = None, action: bool = False
) -> tuple[str, Path]:
    """A GPT with knowledge (and the Pets action) exported on another machine: (id, file)."""
    with machine(root / "theirs") as theirs:
        gpt_id = gpt_with_knowledge(theirs, root / "files")
        if action:
            with_action(theirs, gpt_id)
        capsule = root / "pets.capsule"
        theirs.capsules.export(gpt_id, capsule, options)
    return gpt_id, capsule


def opened_import(qtbot: Any, window: MainWindow, path: Path) -> ImportDialog:
    """The import dialog for `path`, once the file has been inspected (or refused)."""
    flows = window.capsules
    with qtbot.wait_signal(flows.dialog_opened, timeout=WAIT_MS) as opened:
        flows.import_files([path])
    dialog = opened.args[0]
    assert isinstance(dialog, ImportDialog)
    qtbot.wait_until(
        lambda: dialog.info is not None or bool(dialog.problem.text()), timeout=WAIT_MS
    )
    return dialog
