"""A GPT gets a built-in tool only when its switch is on, and never pays for it otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.gpt import GptDefinition, update_definition
from desktop.core.runs.toolbox import Capabilities, Toolbox
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.base import ToolContext
from desktop.core.tools.browser import Browser
from desktop.core.tools.code_interpreter import KernelPool
from tests.helpers.action_server import OPENAPI_YAML

CONTEXT = ToolContext("gpt_1", "thread_1")


class NoImages:
    sizes: tuple[str, ...] = ("1024x1024",)
    qualities: tuple[str, ...] = ()

    def generate(self, prompt: str, *, size: str, quality: str, count: int = 1) -> list[Any]:
        return []


@pytest.fixture
def made() -> list[tuple[str, str]]:
    return []


@pytest.fixture
def toolbox(tmp_path: Path, made: list[tuple[str, str]]) -> Iterator[Toolbox]:
    files = ThreadFiles(tmp_path / "threads")

    def images_for(profile: str, model: str) -> NoImages:
        made.append((profile, model))
        if profile == "gone":
            raise errors.UnknownProfileError("Unknown provider 'gone'.")
        return NoImages()

    capabilities = Capabilities(
        files=files,
        kernels=KernelPool(files, tmp_path / "run"),
        browser=Browser(),
        images_for=images_for,
    )
    box = Toolbox(secrets=_NoSecrets(), capabilities=capabilities)
    yield box
    box.close()


class _NoSecrets:
    def get(self, name: str) -> str:
        raise errors.SecretNotFoundError(f"no secret {name}")


def names(box: Toolbox, changes: dict[str, Any]) -> list[str]:
    definition = update_definition(GptDefinition(name="t"), changes)
    return box(definition, CONTEXT).names()


def test_switches_decide_which_tools_a_run_gets(
    toolbox: Toolbox, made: list[tuple[str, str]]
) -> None:
    assert names(toolbox, {}) == []
    on = {"enabled": True}
    assert names(toolbox, {"capabilities": {"code_interpreter": on}}) == ["python"]
    assert names(toolbox, {"capabilities": {"web_browsing": on}}) == ["fetch_url"]
    searx = {"enabled": True, "search_provider": "searxng", "search_url": "http://127.0.0.1:9"}
    assert names(toolbox, {"capabilities": {"web_browsing": searx}}) == ["fetch_url", "web_search"]
    # Settings kept while switched off offer nothing.
    assert names(toolbox, {"capabilities": {"web_browsing": {**searx, "enabled": False}}}) == []
    images = {"enabled": True, "provider": "lab", "model": "dall-e-3"}
    assert names(toolbox, {"capabilities": {"image_generation": images}}) == ["generate_image"]
    assert made == [("lab", "dall-e-3")]
    assert toolbox._capabilities is not None and toolbox._capabilities.kernels is not None
    assert toolbox._capabilities.kernels.running() == []  # offering python started nothing


def test_an_unreachable_image_profile_is_explained_when_called(toolbox: Toolbox) -> None:
    images = {"enabled": True, "provider": "gone"}
    definition = update_definition(
        GptDefinition(name="t"), {"capabilities": {"image_generation": images}}
    )
    tool = toolbox(definition, CONTEXT).get("generate_image")
    with pytest.raises(errors.UnknownProfileError, match="gone"):
        tool.run({"prompt": "a cat"})
    no_provider = update_definition(
        definition, {"capabilities": {"image_generation": {"provider": ""}}}
    )
    with pytest.raises(errors.ToolError, match="provider"):
        toolbox(no_provider, CONTEXT).get("generate_image").run({"prompt": "a cat"})


def test_an_action_operation_named_like_a_built_in_tool_is_renamed(toolbox: Toolbox) -> None:
    document = OPENAPI_YAML.replace("operationId: getWeather", "operationId: python")
    assert "operationId: python" in document
    action = {"id": "weather", "name": "W", "source": "pasted", "document": document}
    got = names(
        toolbox, {"capabilities": {"code_interpreter": {"enabled": True}}, "actions": [action]}
    )
    assert got[0] == "python" and "weather_python" in got


def test_a_disabled_operation_is_never_offered(toolbox: Toolbox) -> None:
    action = {"id": "weather", "name": "W", "source": "pasted", "document": OPENAPI_YAML}
    every = names(toolbox, {"actions": [action]})
    assert "getWeather" in every
    off = {**action, "disabled_operations": ["getWeather"]}
    offered = names(toolbox, {"actions": [off]})
    assert "getWeather" not in offered
    assert set(offered) == set(every) - {"getWeather"}
