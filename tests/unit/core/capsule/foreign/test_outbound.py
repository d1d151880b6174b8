"""Tests for desktop/core/capsule/foreign/outbound.py: a GPT as Open WebUI or Assistant JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.capsule.foreign.outbound import outbound
from desktop.core.gpt import update_definition
from desktop.core.services import Services
from tests.helpers.capsules import gpt_with_knowledge, with_action

KEY = "sk-never-leaves-7d6c5b4a"


@pytest.fixture
def gpt_id(ours: Services, tmp_path: Path) -> str:
    gpt_id = gpt_with_knowledge(
        ours,
        tmp_path / "files",
        instructions="Answer about pets.",
        conversation_starters=["Which pet suits a flat?"],
        model={"model": "qwen2.5-7b", "temperature": 0.3, "seed": 11},
        capabilities={"code_interpreter": {"enabled": True}},
    )
    with_action(ours, gpt_id)
    ours.secrets.set(f"action:{gpt_id}:pets", KEY)
    return gpt_id


@pytest.mark.parametrize("kind", ["openwebui", "openai_assistant"])
def test_exported_json_reads_back_through_its_importer(
    kind: str, gpt_id: str, ours: Services, tmp_path: Path
) -> None:
    target = tmp_path / f"{kind}.json"
    notes = ours.capsules.export_as(gpt_id, target, kind)

    text = target.read_text(encoding="utf-8")
    assert KEY not in text
    assert any("knowledge file(s) are not in this JSON" in n for n in notes)
    result = ours.capsules.import_(target)
    back = ours.store.gpts.get(result.gpt_id).definition
    assert result.source == kind
    assert (back.name, back.instructions) == ("Pet handbook", "Answer about pets.")
    assert back.model.temperature == 0.3
    assert back.capabilities.code_interpreter.enabled


def test_the_assistant_offers_actions_as_function_tools(gpt_id: str, ours: Services) -> None:
    data, notes = outbound(ours.store.gpts.get(gpt_id).definition, "openai_assistant")
    kinds = [t["type"] for t in data["tools"]]
    assert kinds == ["code_interpreter", "file_search", "function"]
    function = data["tools"][2]["function"]
    assert function["name"] == "listPets" and function["parameters"]["type"] == "object"
    assert data["metadata"]["starters"] == "Which pet suits a flat?"
    assert any("function tools" in n for n in notes)
    json.dumps(data)  # plain JSON all the way down


def test_open_webui_gets_a_list_of_one_model(gpt_id: str, ours: Services) -> None:
    definition = update_definition(
        ours.store.gpts.get(gpt_id).definition, {"avatar": "emoji:#3b6fd4:🐱"}
    )
    data, notes = outbound(definition, "openwebui")
    (model,) = data
    assert model["id"] == "pet-handbook" and model["base_model_id"] == "qwen2.5-7b"
    assert model["params"]["seed"] == 11 and model["params"]["system"] == "Answer about pets."
    assert model["meta"]["suggestion_prompts"] == [{"content": "Which pet suits a flat?"}]
    assert model["meta"]["profile_image_url"] == "/static/favicon.png"
    assert any("Actions have no place" in n for n in notes)
    with pytest.raises(errors.ValidationError, match="No export format"):
        outbound(definition, "word")


def test_an_avatar_image_goes_to_open_webui_and_back(
    gpt_id: str, ours: Services, tmp_path: Path
) -> None:
    from desktop.core.avatar import parse_avatar
    from tests.helpers.capsules import png

    picture = tmp_path / "face.png"
    picture.write_bytes(png(3))
    definition = ours.store.gpts.get(gpt_id).definition
    ours.store.gpts.save(
        gpt_id, update_definition(definition, {"avatar": ours.avatars.add_image(picture)})
    )
    target = tmp_path / "webui.json"
    ours.capsules.export_as(gpt_id, target, "openwebui")
    url = json.loads(target.read_text(encoding="utf-8"))[0]["meta"]["profile_image_url"]
    assert url.startswith("data:image/png;base64,")

    result = ours.capsules.import_(target)
    back = parse_avatar(ours.store.gpts.get(result.gpt_id).definition.avatar, "x")
    kept = ours.avatars.path_of(back)
    assert kept is not None and kept.read_bytes() == png(3)
