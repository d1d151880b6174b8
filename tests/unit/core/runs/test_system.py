"""The system prompt and its parts: what the builder previews is what runs send."""

from __future__ import annotations

from typing import Any

from desktop.core.gpt import GptDefinition, update_definition
from desktop.core.knowledge.tokens import approx_tokens
from desktop.core.runs import system
from desktop.core.runs.citations import CITATION_GUIDE, PROTECTION_RULE
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.outputs import WEB_CITATION_GUIDE
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for

FILE = {"id": "f1", "name": "a.pdf", "sha256": "0" * 64, "size": 1}


def test_plain_instructions_are_the_whole_prompt() -> None:
    definition = GptDefinition(name="t", instructions="  Answer in French.  ")
    parts = system.system_prompt_parts(definition)
    assert [(p.kind, p.text) for p in parts] == [(system.INSTRUCTIONS, "Answer in French.")]
    assert parts[0].tokens == approx_tokens("Answer in French.") > 0
    assert system.system_prompt(definition) == "Answer in French."


def test_each_switch_adds_its_part_in_order() -> None:
    definition = update_definition(
        GptDefinition(name="t", instructions="Be brief."),
        {
            "knowledge": {"files": [FILE]},
            "capabilities": {"web_browsing": {"enabled": True}},
            "knowledge_protection": True,
        },
    )
    parts = system.system_prompt_parts(definition)
    assert [p.kind for p in parts] == [
        system.INSTRUCTIONS,
        system.KNOWLEDGE_CITATIONS,
        system.WEB_CITATIONS,
        system.PROTECTION,
    ]
    assert system.system_prompt(definition) == "\n\n".join(
        ["Be brief.", CITATION_GUIDE, WEB_CITATION_GUIDE, PROTECTION_RULE]
    )


def test_no_instructions_and_no_switches_is_no_system_prompt() -> None:
    definition = GptDefinition(name="t", instructions="   ")
    assert system.system_prompt_parts(definition) == []
    assert system.system_prompt(definition) == ""


def test_a_run_sends_exactly_the_previewed_prompt(store: Store, make_gpt: Any) -> None:
    gpt = make_gpt(instructions="Be brief.", knowledge_protection=True)
    provider = ScriptedProvider([Reply(pieces=["ok"])])
    engine = RunEngine(store, provider_for(provider), lambda _d, _c: ToolRegistry())
    events = list(engine.run(gpt.id, "Hi"))
    run = store.runs.get(events[-1].data["id"])
    assert run.instructions == system.system_prompt(gpt.definition)
    assert provider.requests[0].messages[0] == {
        "role": "system",
        "content": system.system_prompt(gpt.definition),
    }
