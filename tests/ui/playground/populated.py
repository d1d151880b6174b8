"""A data folder holding a GPT with two finished runs, for the playground's screenshots.

The runs are made by the real engine, knowledge search and action tool, with a scripted
model that takes its time like a real one, against the local action server: retrieval, a
model call, a tool call that waited for consent, the answer; then the same question again
at another temperature ("Run again with…").
"""

from __future__ import annotations

import time
from pathlib import Path

from desktop.core.gpt import update_definition
from desktop.core.paths import Paths
from desktop.core.runs.again import run_again
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.overrides import RunOverrides
from desktop.core.services import Services
from tests.helpers.action_server import ActionServer
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.ui.playground.helpers import travel_gpt

QUESTION = "What is Paris like in spring, and what should I pack?"
MODEL = "qwen2.5-7b-instruct-q4_k_m"


class PacedProvider(ScriptedProvider):
    """A scripted model with a local model's name and pace (first token late, then steady)."""

    @property
    def name(self) -> str:
        return f"local:{MODEL}"


def paced(pieces: list[str], tool_calls: list[tuple[str, str]] | None = None) -> Reply:
    def wait(index: int) -> None:
        time.sleep(0.35 if index == 0 else 0.06)

    return Reply(pieces=pieces, tool_calls=tool_calls or [], before_piece=wait)


def populate(paths: Paths, folder: Path) -> str:
    """Fill `paths` with the GPT and its runs; the GPT's id."""
    services = Services(paths)
    try:
        with ActionServer() as api:
            gpt_id = travel_gpt(services, api, folder)
            gpt = services.store.gpts.get(gpt_id)
            model = {"provider": "local", "model": MODEL}
            services.store.gpts.save(gpt_id, update_definition(gpt.definition, {"model": model}))
            weather = [("getWeather", '{"city": "Paris", "days": 3}')]
            answer = [
                "Spring in Paris ",
                "is mild and ",
                "often sunny [1]. ",
                "Pack a light ",
                "jacket for the ",
                "evenings [2].",
            ]
            provider = PacedProvider(
                [
                    paced(["Let me check ", "the weather."], weather),
                    paced(answer),
                    paced(["Checking the ", "forecast."], weather),
                    paced(["Mild, sunny days [1]; ", "bring a ", "jacket [2]."]),
                ]
            )
            engine = RunEngine(
                services.store,
                provider_for(provider),
                tools_for=services.toolbox,
                retriever=services._retrieve,
            )
            first = engine.run(gpt_id, QUESTION)
            list(first)
            time.sleep(0.4)  # the user reads the consent question
            list(engine.answer_consent(first.run_id, "allow_once"))
            again = run_again(
                engine, services.store, first.run_id, RunOverrides(temperature=0.2), where="same"
            )
            list(again)
            time.sleep(0.3)
            list(engine.answer_consent(again.run_id, "allow_once"))
        return gpt_id
    finally:
        services.close()
