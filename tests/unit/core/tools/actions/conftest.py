"""Fixtures for the action tests: the local API, a client with short limits, secrets, tools."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from desktop.core.gpt import Action, ActionAuth
from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.tools.actions.client import ActionClient, Limits
from desktop.core.tools.actions.model import ActionDocument, Operation
from desktop.core.tools.actions.tool import ActionTool, tools_for_document
from tests.helpers.action_server import ActionServer

# Short enough that the failure tests are quick, large enough for every other answer.
TEST_LIMITS = Limits(
    connect_timeout_s=1.0,
    total_timeout_s=1.0,
    max_response_bytes=200_000,
    max_redirects=5,
    max_output_chars=2_000,
)


class MakeTool(Protocol):
    """Builds the tool for one operation of the local API (`server` defaults to its URL)."""

    def __call__(
        self, operation: Operation, *, server: str | None = None, auth: ActionAuth | None = None
    ) -> ActionTool: ...


@pytest.fixture
def api() -> Iterator[ActionServer]:
    with ActionServer() as running:
        yield running


@pytest.fixture
def client() -> Iterator[ActionClient]:
    with ActionClient(TEST_LIMITS) as made:
        yield made


@pytest.fixture
def secrets(tmp_path: Path) -> Secrets:
    return Secrets(SettingsFile(tmp_path / "settings.json"))


@pytest.fixture
def make_tool(api: ActionServer, client: ActionClient, secrets: Secrets) -> MakeTool:
    def make(
        operation: Operation, *, server: str | None = None, auth: ActionAuth | None = None
    ) -> ActionTool:
        action = Action(
            id="pets",
            name="Pets",
            server=api.url if server is None else server,
            auth=auth or ActionAuth(),
        )
        document = ActionDocument("Pets", "1.0", "3.1.0", "", (operation,))
        (tool,) = tools_for_document(document, action, secrets, client, gpt_id="g1")
        return tool

    return make
