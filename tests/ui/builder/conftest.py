"""The real window on an isolated data folder, with a GPT open in its Build tab."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.ui import app
from desktop.ui.builder.draft import State
from desktop.ui.builder.page import BuilderPage
from desktop.ui.main_window import MainWindow
from desktop.ui.services import AppServices
from tests.helpers.action_server import ActionServer

WAIT_MS = 15_000


@dataclass
class Builder:
    """The window, its services, and the builder page showing `gpt_id`."""

    window: MainWindow
    services: AppServices
    page: BuilderPage
    gpt_id: str
    qtbot: Any

    def open(self, gpt_id: str) -> None:
        self.window.open_gpt(gpt_id, 0)
        self.qtbot.wait_until(lambda: self.page.gpt_id == gpt_id, timeout=WAIT_MS)
        self.settle()

    def settle(self) -> None:
        """Let every background read and write land (and what their results start)."""
        for _ in range(100):
            assert self.services.tasks.wait_all(WAIT_MS / 1000)
            self.qtbot.wait(30)  # deliver the results, which may start more work
            if self.services.tasks.wait_all(0):
                break
        self.qtbot.wait(30)

    def kept(self) -> None:
        """Edits are checked and kept now (instead of after the typing pause)."""
        self.page.check_and_keep()
        self.qtbot.wait_until(
            lambda: self.page.keeper.state in (State.DRAFT, State.SAVED, State.INVALID),
            timeout=WAIT_MS,
        )
        self.settle()

    def save(self) -> None:
        """Ctrl+S, as the menu's shortcut does, and wait for the version."""
        with self.qtbot.wait_signal(self.page.gpt_saved, timeout=WAIT_MS):
            self.window.save_action.trigger()
        self.settle()


@pytest.fixture
def api() -> Iterator[ActionServer]:
    """The scripted action API on 127.0.0.1."""
    with ActionServer() as running:
        yield running


@contextlib.contextmanager
def open_builder(qtbot: Any, home: Paths, name: str) -> Iterator[Builder]:
    """The real window on `home`, with a new GPT called `name` open in its Build tab."""
    window, services = app.build_main_window(home)
    qtbot.add_widget(window)
    window.resize(1280, 800)
    gpt = services.store.gpts.create(validate_definition({"name": name}))
    try:
        with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
            window.start("build", gpt.id)
        made = Builder(window, services, window.pages.builder, gpt.id, qtbot)
        qtbot.wait_until(lambda: made.page.gpt_id == gpt.id, timeout=WAIT_MS)
        made.settle()
        yield made
    finally:
        window.close()
        services.tasks.wait_all(10)
        services.close()


@pytest.fixture
def builder(qtbot: Any, isolated_home: Paths) -> Iterator[Builder]:
    with open_builder(qtbot, isolated_home, "Travel helper") as made:
        yield made
