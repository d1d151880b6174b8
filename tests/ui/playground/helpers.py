"""A GPT with knowledge and an action on the local action server, for the playground tests."""

from __future__ import annotations

from pathlib import Path

from desktop.core.gpt import Action, update_definition
from desktop.core.tools.actions.importer import import_action
from desktop.ui.services import AppServices
from tests.helpers.action_server import ActionServer
from tests.ui.playground.conftest import make_gpt

HANDBOOK = (
    "Paris in spring is mild and often sunny.\n\n"
    "Pack a light jacket for the evenings in Paris.\n\n"
    "Tokyo in June is rainy; carry an umbrella."
)


def travel_gpt(services: AppServices, api: ActionServer, folder: Path) -> str:
    """A GPT that searches a handbook and calls getWeather on `api`; its id."""
    imported = import_action(f"{api.url}/openapi.yaml")
    action = Action(id="weather", name="Weather", source=imported.source, document=imported.text)
    gpt_id = make_gpt(services, instructions="Answer travel questions. Cite the handbook.")
    gpt = services.store.gpts.get(gpt_id)
    services.store.gpts.save(
        gpt_id, update_definition(gpt.definition, {"actions": [action.model_dump()]})
    )
    handbook = folder / "handbook.txt"
    handbook.write_text(HANDBOOK, encoding="utf-8")
    progress = list(services.knowledge.add(gpt_id, [handbook]))
    assert [p.status for p in progress] == ["started", "ok"]
    return gpt_id
