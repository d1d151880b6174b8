"""Fixtures for the library sidebar: the app's services and the pane on them."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.ui.library.pane import LibraryPane
from desktop.ui.services import AppServices
from tests.helpers import app_services

WAIT_MS = 20_000
services = app_services.services  # the fixture, shared with the other feature's tests


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
