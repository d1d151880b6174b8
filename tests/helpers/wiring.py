"""Shared by the tests of the composition roots: a GPT with knowledge on a scripted server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.gpt import validate_definition
from desktop.core.runs.timeline import RunTimeline
from desktop.core.services import Services
from desktop.core.settings import ProviderProfile, Settings
from tests.helpers.openai_server import OpenAIServer, text_answer


def lab_gpt(services: Services, server: OpenAIServer, **fields: Any) -> str:
    """A GPT answering through `server` (profile `lab`); its id. `fields` add to it."""

    def add_lab(settings: Settings) -> None:
        settings.providers["lab"] = ProviderProfile(name="lab", base_url=server.url)

    services.settings.update(add_lab)
    definition = {"name": "Lab", "model": {"provider": "lab", "model": "m"}, **fields}
    return services.store.gpts.create(validate_definition(definition)).id


def gpt_with_knowledge(services: Services, server: OpenAIServer, folder: Path) -> str:
    """A GPT answering through `server` (profile `lab`) with one file of knowledge; its id."""
    gpt = services.store.gpts.get(lab_gpt(services, server, name="Docs"))
    handbook = folder / "handbook.txt"
    handbook.write_text("Cats sleep sixteen hours a day.\n\nDogs sleep twelve.", encoding="utf-8")
    progress = list(services.knowledge.add(gpt.id, [handbook]))
    assert [p.status for p in progress] == ["started", "ok"]
    return gpt.id


def chat_once(services: Services, server: OpenAIServer, gpt_id: str) -> RunTimeline:
    """One turn through the services' engine; the run as stored afterwards."""
    server.script(text_answer("Sixteen hours [1]."))
    stream = services.engine.run(gpt_id, "How long do cats sleep?")
    list(stream)
    return RunTimeline.load(services.store, stream.run_id)
