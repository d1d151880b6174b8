"""The builder assistant: its schema, reading a proposal, the diff it makes, a conversation."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from desktop.core import errors, gpt
from desktop.core.builder_assistant import (
    PROPOSAL_SCHEMA,
    BuilderConversation,
    Loading,
    Proposed,
    Writing,
    builder_model,
    changes_from_fields,
    current_profile,
    parse_proposal,
)
from desktop.core.cancel import CancelToken
from desktop.core.gpt import diff_definitions, validate_definition
from desktop.core.settings import ProviderProfile, Settings
from tests.helpers.fake_provider import Reply, ScriptedProvider


def answer(**fields: Any) -> str:
    """A proposal as a model would write it: every key, null where not given."""
    data: dict[str, Any] = {
        "message": "Here is a first version.",
        "name": None,
        "description": None,
        "instructions": None,
        "conversation_starters": None,
        "capabilities": {"code_interpreter": None, "web_browsing": None, "image_generation": None},
    }
    data.update(fields)
    return json.dumps(data, ensure_ascii=False)


COOK = answer(
    name="Weeknight Chef",
    description="Plans quick dinners from what is in your fridge.",
    instructions="You are a cook. Ask what is in the fridge, then suggest three dinners.",
    conversation_starters=["What can I make with eggs?", "  ", "Plan my week"],
    capabilities={"code_interpreter": False, "web_browsing": True, "image_generation": None},
)


def test_the_schema_is_a_valid_strict_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(PROPOSAL_SCHEMA)
    # Strict structured outputs: every object lists all its keys as required, no others.
    objects = [PROPOSAL_SCHEMA, PROPOSAL_SCHEMA["properties"]["capabilities"]]
    for schema in objects:
        assert schema["additionalProperties"] is False
        assert set(schema["required"]) == set(schema["properties"])
    jsonschema.validate(json.loads(COOK), PROPOSAL_SCHEMA)


def test_a_proposal_becomes_field_changes() -> None:
    proposal = parse_proposal(COOK)
    assert proposal.message == "Here is a first version."
    assert proposal.fields == {
        "name": "Weeknight Chef",
        "description": "Plans quick dinners from what is in your fridge.",
        "instructions": "You are a cook. Ask what is in the fridge, then suggest three dinners.",
        "conversation_starters": ["What can I make with eggs?", "Plan my week"],
        "capabilities.code_interpreter.enabled": False,
        "capabilities.web_browsing.enabled": True,
    }
    assert proposal.changes()["capabilities"] == {
        "code_interpreter": {"enabled": False},
        "web_browsing": {"enabled": True},
    }


def test_applied_to_a_definition_it_diffs_field_by_field() -> None:
    current = validate_definition({"name": "Untitled", "instructions": "Be brief."})
    proposed = parse_proposal(COOK).apply(current)
    fields = {d["field"]: d for d in diff_definitions(current, proposed)}
    assert set(fields) == {
        "name",
        "description",
        "instructions",
        "conversation_starters",
        "capabilities.web_browsing.enabled",
    }  # code interpreter was off already: no change
    assert fields["name"]["old"] == "Untitled"
    assert fields["name"]["new"] == "Weeknight Chef"
    assert proposed.model == current.model  # nothing outside the proposal moves


def test_null_and_a_blank_name_leave_fields_as_they_are() -> None:
    proposal = parse_proposal(answer(name="   ", description=None))
    assert proposal.fields == {}
    assert proposal.changes() == {}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Sure! Here is a GPT for you.", "not JSON"),
        ('{"message": "hi"}', "required property"),
        (answer(name=7), "name"),
        (answer(extra=1), "Additional properties"),
        ('{"message": "cut off', "not JSON"),
    ],
)
def test_an_answer_that_is_not_a_proposal_says_why(text: str, said: str) -> None:
    with pytest.raises(errors.ProviderError) as caught:
        parse_proposal(text)
    assert said in caught.value.message
    assert "Ask again" in caught.value.message
    assert caught.value.action is not None and caught.value.action.kind == errors.Do.CHOOSE_MODEL


def test_overlong_values_are_fitted_to_the_form() -> None:
    long_name = "N" * 200
    starters = [f"starter {i} " + "x" * 400 for i in range(20)]
    proposal = parse_proposal(answer(name=long_name, conversation_starters=starters))
    assert len(proposal.fields["name"]) == gpt.MAX_NAME
    assert proposal.fields["name"].endswith("…")
    assert len(proposal.fields["conversation_starters"]) == gpt.MAX_STARTERS
    assert all(len(s) <= gpt.MAX_STARTER_LEN for s in proposal.fields["conversation_starters"])
    proposal.apply(validate_definition({"name": "x"}))  # and the form takes them


def test_a_lone_surrogate_escape_becomes_a_replacement_character() -> None:
    proposal = parse_proposal(answer(name="Chef \\ud800 Bot").replace("\\\\ud800", "\\ud800"))
    assert proposal.fields["name"] == "Chef \ufffd Bot"
    proposal.fields["name"].encode("utf-8")  # storable


def test_changes_from_fields_nests_paths() -> None:
    assert changes_from_fields({"a.b.c": 1, "a.d": 2, "e": [3]}) == {
        "a": {"b": {"c": 1}, "d": 2},
        "e": [3],
    }


def test_the_builder_sees_the_form_as_it_is() -> None:
    definition = validate_definition(
        {
            "name": "Tutor",
            "instructions": "x" * 10_000,
            "capabilities": {"code_interpreter": {"enabled": True}},
        }
    )
    profile = current_profile(definition)
    assert profile["name"] == "Tutor"
    assert profile["capabilities"] == {
        "code_interpreter": True,
        "web_browsing": False,
        "image_generation": False,
    }
    assert len(profile["instructions"]) < 7000  # a long prompt is cut for the builder


def test_the_builder_model_is_the_gpts_own_or_the_one_chosen() -> None:
    settings = Settings(providers={"lab": ProviderProfile(name="lab", base_url="https://x.test")})
    definition = validate_definition({"name": "x", "model": {"model": "qwen", "temperature": 0.1}})
    assert builder_model(definition, "", settings) == definition.model
    remote = builder_model(definition, "lab:gpt-4o-mini", settings)
    assert (remote.provider, remote.model) == ("lab", "gpt-4o-mini")
    local = builder_model(definition, "llama-3.2-1b", settings)
    assert (local.provider, local.model) == ("local", "llama-3.2-1b")


# -- a conversation through a scripted provider ---------------------------------------------


class Clock:
    """Each reading is 0.2 s after the last, so every piece of text is reported."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.2
        return self.now


def test_a_turn_sends_the_schema_and_yields_progress_then_the_proposal() -> None:
    provider = ScriptedProvider([Reply(pieces=[COOK[:40], COOK[40:]])])
    conversation = BuilderConversation(clock=Clock())
    definition = validate_definition({"name": "Untitled"})
    request = conversation.request(definition, "A GPT that plans dinners", definition.model)
    events = list(conversation.ask(provider, request, CancelToken()))
    assert isinstance(events[0], Writing)
    assert isinstance(events[-1], Proposed)
    assert events[-1].proposal.fields["name"] == "Weeknight Chef"
    sent = provider.requests[0]
    assert sent.response_schema == PROPOSAL_SCHEMA
    assert sent.tools == []
    assert sent.messages[0]["role"] == "system"
    assert '"name": "Untitled"' in sent.messages[0]["content"]
    assert sent.messages[-1] == {"role": "user", "content": "A GPT that plans dinners"}
    assert conversation.turns == [
        {"role": "user", "content": "A GPT that plans dinners"},
        {"role": "assistant", "content": COOK},
    ]


def test_the_next_turn_carries_the_conversation() -> None:
    provider = ScriptedProvider([Reply(pieces=[COOK]), Reply(pieces=[answer(name="Chef")])])
    conversation = BuilderConversation()
    definition = validate_definition({"name": "Untitled"})
    for text in ("Dinners", "Shorter name"):
        request = conversation.request(definition, text, definition.model)
        list(conversation.ask(provider, request, CancelToken()))
    second = provider.requests[1].messages
    assert [m["role"] for m in second] == ["system", "user", "assistant", "user"]
    assert second[-1]["content"] == "Shorter name"


def test_a_model_that_loads_reports_loading() -> None:
    provider = ScriptedProvider([Reply(pieces=[COOK])])
    conversation = BuilderConversation()
    definition = validate_definition({"name": "x"})
    events = list(
        conversation.ask(
            provider, conversation.request(definition, "hi", definition.model), CancelToken()
        )
    )
    assert provider.loads == 1
    assert isinstance(events[-1], Proposed)
    assert not any(isinstance(e, Loading) for e in events)  # its load has no progress steps


def test_a_cut_off_answer_is_a_clear_error_and_no_turn() -> None:
    provider = ScriptedProvider([Reply(pieces=[COOK[:30]], finish="length")])
    conversation = BuilderConversation()
    definition = validate_definition({"name": "x"})
    request = conversation.request(definition, "hi", definition.model)
    with pytest.raises(errors.ProviderError, match="cut off"):
        list(conversation.ask(provider, request, CancelToken()))
    assert conversation.turns == []


def test_a_cancelled_turn_ends_quietly_and_is_not_kept() -> None:
    token = CancelToken()
    provider = ScriptedProvider(
        [Reply(pieces=[COOK[:10], COOK[10:]], before_piece=lambda i: token.cancel() if i else None)]
    )
    conversation = BuilderConversation()
    definition = validate_definition({"name": "x"})
    request = conversation.request(definition, "hi", definition.model)
    events = list(conversation.ask(provider, request, token))
    assert not any(isinstance(e, Proposed) for e in events)
    assert conversation.turns == []
