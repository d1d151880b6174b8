"""The playground in the real window, with a scripted provider where a test needs one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.ui import app
from desktop.ui.main_window import MainWindow
from desktop.ui.playground.page import PlaygroundPage
from tests.helpers.fake_provider import ScriptedProvider, provider_for

WAIT_MS = 20_000
PLAYGROUND_TAB = 2


@pytest.fixture
def shell(qtbot: Any, isolated_home: Paths) -> Iterator[tuple[MainWindow, app.AppServices]]:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    window.show()
    yield window, services
    window.close()
    services.tasks.wait_all(20)
    services.close()


def scripted(
    services: app.AppServices,
    provider: ScriptedProvider,
    tools: Callable[..., ToolRegistry] | None = None,
    retrieve: bool = False,
) -> None:
    """Answer every run of the app with `provider` (tools and knowledge stay real)."""
    services.__dict__["engine"] = RunEngine(
        services.store,
        provider_for(provider),
        tools_for=tools or services.toolbox,
        retriever=services._retrieve if retrieve else None,
    )


def open_playground(qtbot: Any, window: MainWindow, gpt_id: str) -> PlaygroundPage:
    """Open the GPT's playground and wait until its threads and runs are read and shown."""
    page = window.pages.playground
    with qtbot.wait_signal(page.runs_listed, timeout=WAIT_MS):
        window.start("playground", gpt_id)
    settle(qtbot, page)
    return page


def settle(qtbot: Any, page: PlaygroundPage) -> None:
    """Wait until no background task of the app runs and their results have been handed over."""
    for _ in range(3):
        qtbot.wait_until(lambda: page._services.tasks.wait_all(0.01), timeout=WAIT_MS)
        qtbot.wait(10)


def make_gpt(services: app.AppServices, **fields: Any) -> str:
    fields.setdefault("name", "Travel helper")
    return services.store.gpts.create(validate_definition(fields)).id


def send(qtbot: Any, page: PlaygroundPage, text: str) -> str:
    """Type a message, press Run, and wait until the run's stream ends; the run's id."""
    page.message.setPlainText(text)
    with qtbot.wait_signal(page.run_finished, timeout=WAIT_MS) as finished:
        page.run_button.click()
    return str(finished.args[0])
