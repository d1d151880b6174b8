"""Tests for desktop/core/gpt.py: defaults, validation messages, merging, diffs, JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.gpt import (
    DEFAULT_MAX_TOKENS,
    MAX_STARTER_LEN,
    MAX_STARTERS,
    GptDefinition,
    diff_definitions,
    update_definition,
    validate_definition,
)


def problems_of(data: dict[str, Any]) -> list[str]:
    """The problem lines of a definition that must not validate."""
    with pytest.raises(errors.ValidationError) as caught:
        validate_definition(data)
    exc = caught.value
    assert exc.problems, "a ValidationError must list its problems"
    for problem in exc.problems:
        assert problem in exc.message
    return exc.problems


def only_problem(data: dict[str, Any]) -> str:
    problems = problems_of(data)
    assert len(problems) == 1, problems
    return problems[0]


# -- defaults ------------------------------------------------------------------------------


def test_defaults_fill_everything_but_the_name() -> None:
    definition = validate_definition({"name": "Helper"})

    assert definition.name == "Helper"
    assert definition.description == ""
    assert definition.instructions == ""
    assert definition.conversation_starters == []
    assert definition.actions == []
    assert definition.knowledge_protection is False
    assert definition.manual_tool_outputs is False
    assert definition.model.provider == "local"
    assert definition.model.model == ""
    assert definition.model.temperature == 0.7
    assert definition.model.top_p == 0.95
    assert definition.model.max_tokens == DEFAULT_MAX_TOKENS  # a cap, so no answer runs on
    assert definition.model.seed is None
    assert definition.model.context_size is None
    assert definition.model.gpu_layers == "auto"
    assert definition.model.truncation.type == "auto"
    assert definition.model.truncation.last_messages is None
    assert definition.knowledge.chunk_size == 400
    assert definition.knowledge.chunk_overlap == 60
    assert definition.knowledge.top_k == 5
    assert definition.knowledge.retrieval_mode == "auto"
    assert definition.knowledge.files == []
    assert definition.capabilities.code_interpreter.enabled is False
    assert definition.capabilities.web_browsing.enabled is False
    assert definition.capabilities.image_generation.enabled is False


def test_defaults_are_not_shared_between_definitions() -> None:
    first = validate_definition({"name": "One"})
    second = validate_definition({"name": "Two"})

    first.conversation_starters.append("hello")
    first.model.temperature = 0.1

    assert second.conversation_starters == []
    assert second.model.temperature == 0.7


def test_name_is_stripped() -> None:
    assert validate_definition({"name": "  Helper \n"}).name == "Helper"


def test_blank_starters_are_dropped_and_the_rest_stripped() -> None:
    definition = validate_definition(
        {"name": "x", "conversation_starters": ["  Hi there ", "", "   ", "你好"]}
    )

    assert definition.conversation_starters == ["Hi there", "你好"]


def test_a_full_definition_validates() -> None:
    data = {
        "name": "Research helper",
        "description": "Answers from my papers",
        "instructions": "Cite your sources.",
        "conversation_starters": ["Summarise the latest paper"],
        "model": {
            "provider": "openai",
            "model": "gpt-4o-mini",
            "temperature": 0.2,
            "max_tokens": 512,
            "truncation": {"type": "last_messages", "last_messages": 8},
        },
        "knowledge": {
            "chunk_size": 800,
            "chunk_overlap": 100,
            "files": [{"id": "file_1", "name": "paper.pdf", "sha256": "a" * 64, "size": 10}],
        },
        "capabilities": {"code_interpreter": {"enabled": True, "timeout_s": 5}},
        "actions": [
            {
                "id": "weather",
                "name": "Weather",
                "auth": {"type": "api_key", "parameter_name": "key", "secret_name": "weather"},
            }
        ],
    }

    definition = validate_definition(data)

    assert definition.model.truncation.last_messages == 8
    assert definition.knowledge.files[0].name == "paper.pdf"
    assert definition.capabilities.code_interpreter.timeout_s == 5.0
    assert definition.actions[0].auth.secret_name == "weather"


# -- validation messages -------------------------------------------------------------------


def test_empty_name_is_refused_with_advice() -> None:
    problem = only_problem({"name": "   "})

    assert problem.startswith("name:")
    assert "empty" in problem
    assert "give the GPT a name" in problem


def test_missing_name_is_required() -> None:
    assert only_problem({}) == "name: is required"


def test_error_message_opens_with_a_summary_and_lists_each_problem() -> None:
    with pytest.raises(errors.ValidationError) as caught:
        validate_definition({"name": "", "model": {"temperature": 9}})

    message = caught.value.message
    assert message.startswith("The GPT definition is not valid:")
    assert len(caught.value.problems) == 2
    assert str(caught.value) == message
    assert caught.value.code == "invalid_input"


def test_unknown_top_level_field_names_it_and_asks_to_check_spelling() -> None:
    problem = only_problem({"name": "x", "instructons": "typo"})

    assert problem == "instructons: is not a known field: check the spelling"


def test_unknown_nested_field_names_its_full_path() -> None:
    problem = only_problem({"name": "x", "model": {"temprature": 0.5}})

    assert problem == "model.temprature: is not a known field: check the spelling"


@pytest.mark.parametrize(("value", "bound"), [(2.5, "2"), (-0.1, "0")])
def test_temperature_out_of_range_names_the_field_and_the_bound(value: float, bound: str) -> None:
    problem = only_problem({"name": "x", "model": {"temperature": value}})

    assert problem.startswith("model.temperature:")
    assert bound in problem.removeprefix("model.temperature:")


@pytest.mark.parametrize("value", [0.0, 2.0])
def test_temperature_bounds_are_inclusive(value: float) -> None:
    definition = validate_definition({"name": "x", "model": {"temperature": value}})

    assert definition.model.temperature == value


@pytest.mark.parametrize(("size", "overlap"), [(100, 100), (100, 150)])
def test_chunk_overlap_not_below_size_is_refused_with_both_numbers(size: int, overlap: int) -> None:
    problem = only_problem(
        {"name": "x", "knowledge": {"chunk_size": size, "chunk_overlap": overlap}}
    )

    assert problem.startswith("knowledge:")
    assert f"chunk overlap ({overlap})" in problem
    assert f"chunk size ({size})" in problem
    assert "lower the overlap or raise the size" in problem


def test_chunk_overlap_just_below_size_is_accepted() -> None:
    definition = validate_definition(
        {"name": "x", "knowledge": {"chunk_size": 100, "chunk_overlap": 99}}
    )

    assert definition.knowledge.chunk_overlap == 99


def test_last_messages_without_a_count_asks_for_one() -> None:
    problem = only_problem({"name": "x", "model": {"truncation": {"type": "last_messages"}}})

    assert problem.startswith("model.truncation:")
    assert "last_messages" in problem
    assert "set last_messages to N" in problem


def test_last_messages_count_must_be_positive() -> None:
    problem = only_problem(
        {"name": "x", "model": {"truncation": {"type": "last_messages", "last_messages": 0}}}
    )

    assert problem.startswith("model.truncation.last_messages:")


def test_too_many_starters_names_the_field_and_the_limit() -> None:
    starters = [f"starter {i}" for i in range(MAX_STARTERS + 1)]

    problem = only_problem({"name": "x", "conversation_starters": starters})

    assert problem.startswith("conversation_starters:")
    assert f"there are {MAX_STARTERS + 1} conversation starters" in problem
    assert f"keep at most {MAX_STARTERS}" in problem


def test_blank_starters_do_not_count_towards_the_limit() -> None:
    starters = [f"starter {i}" for i in range(MAX_STARTERS)] + ["", "  "]

    definition = validate_definition({"name": "x", "conversation_starters": starters})

    assert len(definition.conversation_starters) == MAX_STARTERS


def test_overlong_starter_says_how_long_it_may_be() -> None:
    problem = only_problem({"name": "x", "conversation_starters": ["a" * (MAX_STARTER_LEN + 1)]})

    assert problem.startswith("conversation_starters:")
    assert f"{MAX_STARTER_LEN + 1} characters" in problem
    assert str(MAX_STARTER_LEN) in problem


@pytest.mark.parametrize("auth_type", ["api_key", "bearer", "basic", "oauth2_client_credentials"])
def test_auth_without_a_secret_name_says_which_entry_is_needed(auth_type: str) -> None:
    action = {"id": "a", "name": "A", "auth": {"type": auth_type}}

    problem = only_problem({"name": "x", "actions": [action]})

    assert problem.startswith("actions.0.auth:")
    assert f"'{auth_type}'" in problem
    assert "secret_name" in problem
    assert "keyring" in problem


def test_auth_none_needs_no_secret() -> None:
    definition = validate_definition(
        {"name": "x", "actions": [{"id": "a", "name": "A", "auth": {"type": "none"}}]}
    )

    assert definition.actions[0].auth.secret_name == ""


def test_duplicate_action_ids_are_refused() -> None:
    actions = [{"id": "same", "name": "A"}, {"id": "same", "name": "B"}]

    problem = only_problem({"name": "x", "actions": actions})

    assert "two actions share an id" in problem


def test_every_problem_is_reported_not_just_the_first() -> None:
    problems = problems_of(
        {"name": "", "model": {"temperature": 3}, "knowledge": {"top_k": 0}, "oops": 1}
    )

    fields = sorted(p.split(":", 1)[0] for p in problems)
    assert fields == ["knowledge.top_k", "model.temperature", "name", "oops"]


def test_assignment_is_validated_too() -> None:
    definition = validate_definition({"name": "x"})

    with pytest.raises(ValueError, match="temperature"):
        definition.model.temperature = 5.0


# -- update_definition ---------------------------------------------------------------------


def test_update_merges_nested_settings_without_losing_siblings() -> None:
    original = validate_definition(
        {"name": "x", "model": {"model": "qwen", "temperature": 0.9, "max_tokens": 100}}
    )

    updated = update_definition(original, {"model": {"temperature": 0.2}})

    assert updated.model.temperature == 0.2
    assert updated.model.model == "qwen"
    assert updated.model.max_tokens == 100
    assert updated.name == "x"


def test_update_merges_two_levels_deep() -> None:
    original = validate_definition(
        {"name": "x", "capabilities": {"code_interpreter": {"enabled": True, "timeout_s": 9}}}
    )

    updated = update_definition(
        original, {"capabilities": {"code_interpreter": {"memory_mb": 256}}}
    )

    interpreter = updated.capabilities.code_interpreter
    assert (interpreter.enabled, interpreter.timeout_s, interpreter.memory_mb) == (True, 9.0, 256)


def test_update_replaces_lists_instead_of_merging_them() -> None:
    original = validate_definition({"name": "x", "conversation_starters": ["a", "b"]})

    updated = update_definition(original, {"conversation_starters": ["c"]})

    assert updated.conversation_starters == ["c"]


def test_update_leaves_the_original_untouched() -> None:
    original = validate_definition({"name": "x"})

    update_definition(original, {"name": "y", "model": {"temperature": 0.1}})

    assert original.name == "x"
    assert original.model.temperature == 0.7


def test_update_validates_the_merged_result() -> None:
    original = validate_definition({"name": "x", "knowledge": {"chunk_size": 200}})

    with pytest.raises(errors.ValidationError) as caught:
        update_definition(original, {"knowledge": {"chunk_overlap": 200}})

    assert caught.value.problems[0].startswith("knowledge:")


def test_update_refuses_unknown_fields() -> None:
    original = validate_definition({"name": "x"})

    with pytest.raises(errors.ValidationError) as caught:
        update_definition(original, {"model": {"temprature": 0.1}})

    assert caught.value.problems == ["model.temprature: is not a known field: check the spelling"]


def test_update_can_set_an_optional_field_back_to_none() -> None:
    original = validate_definition({"name": "x", "model": {"max_tokens": 50}})

    updated = update_definition(original, {"model": {"max_tokens": None}})

    assert updated.model.max_tokens is None


# -- diff_definitions ----------------------------------------------------------------------


def test_diff_of_equal_definitions_is_empty() -> None:
    definition = validate_definition({"name": "x"})

    assert diff_definitions(definition, definition.model_copy(deep=True)) == []


def test_diff_lists_each_changed_leaf_by_dotted_path_in_sorted_order() -> None:
    old = validate_definition({"name": "x", "instructions": "Be brief."})
    new = update_definition(
        old,
        {
            "name": "y",
            "model": {
                "temperature": 0.2,
                "truncation": {"type": "last_messages", "last_messages": 4},
            },
        },
    )

    assert diff_definitions(old, new) == [
        {"field": "model.temperature", "old": 0.7, "new": 0.2},
        {"field": "model.truncation.last_messages", "old": None, "new": 4},
        {"field": "model.truncation.type", "old": "auto", "new": "last_messages"},
        {"field": "name", "old": "x", "new": "y"},
    ]


def test_diff_reports_a_changed_list_as_one_entry() -> None:
    old = validate_definition({"name": "x", "conversation_starters": ["a"]})
    new = update_definition(old, {"conversation_starters": ["a", "b"]})

    assert diff_definitions(old, new) == [
        {"field": "conversation_starters", "old": ["a"], "new": ["a", "b"]}
    ]


def test_diff_is_directional() -> None:
    old = validate_definition({"name": "x"})
    new = update_definition(old, {"description": "now described"})

    assert diff_definitions(new, old) == [
        {"field": "description", "old": "now described", "new": ""}
    ]


# -- to_json -------------------------------------------------------------------------------


def test_to_json_is_canonical_with_sorted_keys() -> None:
    definition = validate_definition({"name": "x", "model": {"temperature": 0.3}})

    text = definition.to_json()

    data = json.loads(text)
    assert text == json.dumps(data, sort_keys=True, ensure_ascii=False)
    assert list(data) == sorted(data)
    assert list(data["model"]) == sorted(data["model"])


def test_to_json_does_not_depend_on_input_key_order() -> None:
    first = validate_definition(
        {"name": "x", "description": "d", "model": {"top_p": 0.5, "seed": 1}}
    )
    second = validate_definition(
        {"model": {"seed": 1, "top_p": 0.5}, "description": "d", "name": "x"}
    )

    assert first.to_json() == second.to_json()


def test_to_json_keeps_chinese_text_readable() -> None:
    definition = validate_definition({"name": "助手", "instructions": "用中文回答。"})

    text = definition.to_json()

    assert "助手" in text
    assert "用中文回答。" in text
    assert "\\u" not in text


def test_to_json_round_trips_to_an_equal_definition() -> None:
    definition = validate_definition(
        {
            "name": "x",
            "conversation_starters": ["hi"],
            "model": {"seed": 42, "truncation": {"type": "last_messages", "last_messages": 3}},
            "actions": [{"id": "a", "name": "A", "auth": {"type": "bearer", "secret_name": "s"}}],
        }
    )

    again = validate_definition(json.loads(definition.to_json()))

    assert again == definition
    assert isinstance(again, GptDefinition)
    assert again.to_json() == definition.to_json()


def test_capability_problems_warn_without_refusing_the_definition() -> None:
    from desktop.core.gpt import Capabilities, capability_problems

    fine = Capabilities()
    assert capability_problems(fine) == []
    half = Capabilities.model_validate(
        {
            "web_browsing": {"enabled": True, "search_provider": "searxng"},
            "image_generation": {"enabled": True},
        }
    )
    problems = capability_problems(half)
    assert any(p.startswith("web_browsing.search_url: SearXNG") for p in problems)
    assert any(p.startswith("image_generation.provider") for p in problems)
    odd = Capabilities.model_validate({"web_browsing": {"search_url": "ftp://x"}})
    assert capability_problems(odd) == [
        "web_browsing.search_url: must start with http:// or https://"
    ]
