"""Fixtures for the first-run page: the app's services, the page, and a fake hub."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core.models.catalog import CatalogEntry, load_catalog, recommended
from desktop.ui.services import AppServices
from desktop.ui.welcome.page import WelcomePage
from tests.helpers import app_services
from tests.helpers.hf_server import FakeHub, serving

WAIT_MS = 20_000
services = app_services.services  # the fixture, shared with the other feature's tests


@pytest.fixture
def page(qtbot: Any, services: AppServices) -> WelcomePage:
    made = WelcomePage(services)
    qtbot.add_widget(made)
    made.resize(1000, 700)
    return made


@pytest.fixture
def entry() -> CatalogEntry:
    found = recommended(load_catalog().models, "chat")
    assert found is not None
    return found


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    """A fake Hugging Face hub on 127.0.0.1 that downloads and size look-ups reach."""
    with serving(monkeypatch) as fake:
        yield fake


def shown(qtbot: Any, page: WelcomePage) -> str:
    """Refresh the page and wait for the state it then shows."""
    with qtbot.wait_signal(page.state_shown, timeout=WAIT_MS) as state:
        page.refresh()
    return str(state.args[0])
