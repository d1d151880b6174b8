"""Importers' notes as kinds and arguments, with core's English unchanged beside them."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from desktop.core.capsule.foreign import common
from desktop.core.capsule.foreign.detect import read_foreign
from desktop.core.capsule.foreign.models import ModelChooser
from desktop.core.capsule.note import Note
from desktop.core.gpt import MAX_NAME, MAX_STARTERS

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "importers"


def kinds(name: str, chooser: ModelChooser | None = None) -> list[tuple[str, dict[str, str]]]:
    converted = read_foreign(SAMPLES / name, chooser or ModelChooser())
    assert converted.warnings == [n.text for n in converted.notes]
    return [(n.kind, n.args) for n in converted.notes]


def test_an_openai_assistant_says_what_it_dropped_as_kinds() -> None:
    assert kinds("openai_assistant.json") == [
        ("model_missing", {"model": "gpt-4o", "service": "OpenAI"}),
        ("dropped", {"what": "functions", "items": "lookup_rate", "more": "0"}),
        (
            "files_at_openai",
            {"count": "2", "items": "file-Ab12Cd34Ef56Gh78, vs_Zy98Xw76Vu54"},
        ),
        ("dropped", {"what": "metadata", "items": "owner, team", "more": "0"}),
    ]


def test_the_english_of_each_note_is_what_the_cli_printed_before() -> None:
    converted = read_foreign(SAMPLES / "openai_assistant.json", ModelChooser())
    assert converted.warnings == [
        "The model gpt-4o (OpenAI) has no provider profile or file on this machine; the GPT "
        "uses a local model: choose one (or add a provider profile and switch to it).",
        "Dropped function tools (lookup_rate): they name no endpoint to call; describe the "
        "API as an OpenAPI action instead.",
        "It used 2 file(s) or vector store(s) kept at OpenAI (file-Ab12Cd34Ef56Gh78, "
        "vs_Zy98Xw76Vu54): download them and add them to the knowledge.",
        "Dropped metadata (owner, team): a GPT has nowhere to keep it.",
    ]


def test_a_lobehub_agent_and_a_gpt_configuration() -> None:
    assert kinds("lobehub_agent.json") == [
        ("model_missing", {"model": "gpt-4o-mini", "service": "OpenAI"}),
        ("dropped_penalties", {}),
        ("opening_message", {}),
        ("dropped", {"what": "tags", "items": "translation, chinese", "more": "0"}),
        ("dropped", {"what": "plugins", "items": "web-crawler", "more": "0"}),
        ("knowledge_elsewhere", {"app": "LobeHub", "count": "1", "items": "Glossary"}),
    ]
    assert kinds("openai_gpt_builder.json") == [
        ("model_missing", {"model": "gpt-4o", "service": "OpenAI"}),
        ("browsing_search", {}),
        ("images_need_provider", {}),
        ("dropped_canvas", {}),
        ("files_missing", {"count": "2", "items": "trail-notes-2025.pdf, huts.xlsx"}),
    ]


def test_open_webui_a_prompt_and_a_character_card() -> None:
    assert kinds("openwebui_model.json", ModelChooser({"home": "ollama"})) == [
        ("model_profile", {"model": "qwen2.5:7b", "profile": "home"}),
        ("dropped_vision", {}),
        ("knowledge_elsewhere", {"app": "Open WebUI", "count": "1", "items": "Seed catalogue"}),
        ("dropped", {"what": "webui_tools", "items": "soil_calculator", "more": "0"}),
    ]
    assert kinds("openai_prompt.json")[0] == ("variables_unfilled", {"names": "agent_name"})
    assert kinds("chara_card_v2.json") == [
        ("greeting", {}),
        ("dropped_greetings", {"count": "1"}),
        ("dropped", {"what": "tags", "items": "adventure, airship", "more": "0"}),
        ("book_left_out", {"count": "1"}),
        ("book_knowledge", {"count": "2"}),
    ]


def test_cuts_names_starters_and_sampling() -> None:
    notes: list[Note] = []
    assert common.name_of("", "Imported GPT", notes) == "Imported GPT"
    common.name_of("x" * (MAX_NAME + 5), "unused", notes)
    common.starters_of([f"s{i}" for i in range(MAX_STARTERS + 2)], notes)
    assert common.sampling(3.0, 1.5, notes) == {}
    assert [(n.kind, n.args) for n in notes] == [
        ("no_name", {"name": "Imported GPT"}),
        ("cut", {"field": "name", "limit": str(MAX_NAME)}),
        ("starters_kept", {"kept": str(MAX_STARTERS), "total": str(MAX_STARTERS + 2)}),
        ("temperature_range", {"value": "3.0"}),
        ("top_p_range", {"value": "1.5"}),
    ]
    assert notes[1].text == f"The name was cut to {MAX_NAME} characters."
    starter: list[Note] = []
    common.starters_of(["y" * 1000], starter)
    assert starter[0].args["field"] == "starter"
    assert starter[0].text.startswith("The conversation starter was cut to ")


def test_dropped_counts_what_it_does_not_name() -> None:
    note = common.dropped("tags", [f"t{i}" for i in range(8)], "tags", "GPTs have no tags")
    assert note.args == {"what": "tags", "items": "t0, t1, t2, t3, t4", "more": "3"}
    assert note.text == "Dropped tags (t0, t1, t2, t3, t4 and 3 more): GPTs have no tags."


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://example.com/a.png", "picture_link"),
        ("data:image/png;base64,%%%", None),  # not a data URL this reader knows: said nothing
        ("data:image/png;base64," + base64.b64encode(b"not an image").decode(), "picture_unusable"),
    ],
)
def test_pictures_that_are_left_out(url: str, kind: str | None) -> None:
    notes: list[Note] = []
    assert common.image_from_data_url(url, notes) is None
    assert [n.kind for n in notes] == ([kind] if kind else [])


def test_an_avatar_that_is_not_an_emoji() -> None:
    notes: list[Note] = []
    assert common.emoji_of("two words", "Ada", notes) == ""
    assert [(n.kind, n.args) for n in notes] == [("avatar_not_emoji", {})]


def test_model_choices_say_how_they_were_made() -> None:
    notes: list[Note] = []
    ModelChooser().choose("", "", notes)
    ModelChooser({"work": "openai"}).choose("gpt-4o", "openai", notes)
    assert [(n.kind, n.args) for n in notes] == [
        ("model_none", {}),
        ("model_profile", {"model": "gpt-4o", "profile": "work"}),
    ]
    assert notes[1].text == "The model gpt-4o is used through your profile 'work'."
