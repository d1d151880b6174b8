"""Fixtures for the library sidebar: the app's services and the pane on them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from desktop.core.paths import Paths
from desktop.ui import app
from desktop.ui.library.pane import LibraryPane
from desktop.ui.services import AppServices

WAIT_MS = 20_000


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[AppServices]:
    QLocale.setDefault(QLocale("en"))  # the language templates follow, whatever ran before
    built = app.build_services(isolated_home)
    yield built
    built.tasks.wait_all(20)
    built.close()


@pytest.fixture
def pane(qtbot: Any, services: AppServices) -> LibraryPane:
    made = LibraryPane(services)
    qtbot.add_widget(made)
    made.resize(320, 600)
    return made


def loaded(qtbot: Any, pane: LibraryPane) -> list[Any]:
    """Refresh the pane and wait until it lists the GPTs and their readiness."""
    listed: list[list[Any]] = []
    pane.listed.connect(listed.append)
    try:
        with qtbot.wait_signals([pane.listed, pane.readiness_checked], timeout=WAIT_MS):
            pane.refresh()
    finally:
        pane.listed.disconnect(listed.append)
    return listed[-1]
