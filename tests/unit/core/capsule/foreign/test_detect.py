"""Tests for desktop/core/capsule/foreign: each importer on a sample, and on a malformed one."""

from __future__ import annotations

import base64
import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from desktop.core import errors
from desktop.core.avatar import parse_avatar
from desktop.core.capsule.foreign.detect import convert, read_foreign
from desktop.core.capsule.foreign.models import ModelChooser
from desktop.core.capsule.install import ImportOptions
from desktop.core.capsule.note import Note
from desktop.core.capsule.service import importable
from desktop.core.gpt import validate_definition
from desktop.core.services import Services
from desktop.core.settings import ProviderProfile, Settings

SAMPLES = Path(__file__).resolve().parents[4] / "data" / "importers"
NOWHERE = ModelChooser()


def sample(name: str) -> Path:
    return SAMPLES / name


def read(name: str, chooser: ModelChooser = NOWHERE):  # type: ignore[no-untyped-def]
    converted = read_foreign(sample(name), chooser)
    return converted, validate_definition(converted.definition)


def test_an_assistant_maps_its_tools_and_asks_for_its_files() -> None:
    converted, gpt = read("openai_assistant.json")
    assert converted.source == "openai_assistant"
    assert (gpt.name, gpt.description) == (
        "Tax Helper",
        "Answers questions about the 2025 household tax guide.",
    )
    assert gpt.instructions.startswith("You help people read the household tax guide.")
    assert (gpt.model.temperature, gpt.model.top_p) == (0.4, 0.9)
    assert gpt.capabilities.code_interpreter.enabled and gpt.knowledge.top_k == 8
    assert converted.wanted_files == ["file-Ab12Cd34Ef56Gh78", "vs_Zy98Xw76Vu54"]
    said = "\n".join(converted.warnings)
    assert "lookup_rate" in said and "metadata (owner, team)" in said
    assert "The model gpt-4o (OpenAI) has no provider profile" in said
    assert gpt.model.provider == "local"


def test_model_names_map_to_a_profile_or_a_local_model() -> None:
    chooser = ModelChooser({"work": "openai", "home": "ollama"}, ("qwen2.5-7b-instruct-q4_k_m",))
    _, gpt = read("openai_assistant.json", chooser)
    assert (gpt.model.provider, gpt.model.model) == ("work", "gpt-4o")
    _, webui = read("openwebui_model.json", chooser)
    assert (webui.model.provider, webui.model.model) == ("home", "qwen2.5:7b")
    notes: list[Note] = []
    local = ModelChooser({}, ("qwen2.5-7b-instruct-q4_k_m",)).choose("qwen2.5:7b", "", notes)
    assert local == {"provider": "local", "model": "qwen2.5-7b-instruct-q4_k_m"}
    assert notes[0].kind == "model_local"
    assert notes[0].args == {"model": "qwen2.5:7b", "local": "qwen2.5-7b-instruct-q4_k_m"}
    assert "became the local model" in notes[0].text


def test_a_gpt_configuration_in_the_builders_labels() -> None:
    converted, gpt = read("openai_gpt_builder.json")
    assert converted.source == "openai_gpt" and gpt.name == "Trail Planner"
    assert gpt.conversation_starters == [
        "A 4-hour loop near Zermatt?",
        "Which trails are open in May?",
    ]
    assert gpt.capabilities.web_browsing.enabled and not gpt.capabilities.code_interpreter.enabled
    (action,) = gpt.actions
    assert action.name == "Weather Service" and "getForecast" in action.document
    assert (action.auth.type, action.auth.parameter_name) == ("api_key", "X-Weather-Key")
    assert converted.wanted_files == ["trail-notes-2025.pdf", "huts.xlsx"]
    said = "\n".join(converted.warnings)
    assert "canvas" in said and "Image generation needs a provider" in said


def test_a_gpt_configuration_in_the_builders_own_json() -> None:
    converted, gpt = read("openai_gpt_gizmo.json")
    assert gpt.name == "Recipe Scaler" and gpt.capabilities.code_interpreter.enabled
    assert gpt.conversation_starters == ["Double this recipe", "Convert to grams"]
    (action,) = gpt.actions
    assert action.name == "Units" and action.auth.type == "bearer"
    assert converted.wanted_files == ["conversions.csv"]


def test_a_prompt_fills_in_its_defaults_and_names_the_rest() -> None:
    converted, gpt = read("openai_prompt.json")
    assert converted.source == "openai_prompt" and gpt.name == "Support reply"
    assert gpt.instructions == (
        "You answer support tickets for Acme Router. Sign as {{agent_name}}. Tone: friendly."
    )
    assert "version 3" in gpt.description
    assert any("agent_name" in w for w in converted.warnings)


def test_an_open_webui_model() -> None:
    converted, gpt = read("openwebui_model.json")
    assert converted.source == "openwebui" and gpt.name == "Garden Helper"
    assert gpt.instructions.startswith("You are a patient gardener.")
    assert gpt.conversation_starters == ["When do I plant tomatoes?", "Why are my leaves yellow?"]
    model = gpt.model
    assert (model.temperature, model.top_p, model.max_tokens, model.seed, model.context_size) == (
        0.6,
        0.85,
        800,
        42,
        8192,
    )
    assert gpt.capabilities.web_browsing.enabled
    assert converted.wanted_files == ["Seed catalogue"]
    said = "\n".join(converted.warnings)
    assert "soil_calculator" in said and "vision" in said


def test_a_lobehub_agent() -> None:
    converted, gpt = read("lobehub_agent.json")
    assert converted.source == "lobehub" and converted.author == "river-lee"
    assert gpt.name == "Careful Translator"
    assert parse_avatar(gpt.avatar, gpt.name).text == "🈂️" and gpt.avatar.startswith("emoji:#")
    assert gpt.conversation_starters == ["Translate this menu", "这句话用英文怎么说？"]
    assert "你好！Paste the text" in gpt.instructions and gpt.model.temperature == 0.3
    said = "\n".join(converted.warnings)
    assert "web-crawler" in said and "knowledge base" in said and "penalties" in said


@pytest.mark.parametrize("name", ["chara_card_v2.json", "chara_card_v3.json"])
def test_a_character_card_and_its_book(name: str) -> None:
    converted, gpt = read(name)
    assert converted.source == "character_card"
    assert "{{char}}" not in gpt.instructions and "{{user}}" not in gpt.instructions
    (book,) = converted.knowledge
    text = book[1].decode("utf-8")
    assert text.count("\n## ") >= 1 and book[0].endswith(".md")
    if name == "chara_card_v2.json":
        assert gpt.name == "Captain Mara" and converted.author == "quill"
        assert "Captain Mara commands the airship Kestrel" in gpt.instructions
        assert "Welcome aboard, navigator." in gpt.instructions
        assert gpt.description == "A sky-pirate captain for adventure stories."
        assert "## Kestrel, airship" in text and "## Ember Sea" in text and "secret" not in text
    else:
        assert gpt.name == "林老师" and "勾股定理" in text


def test_a_character_card_inside_a_png(tmp_path: Path) -> None:
    card = json.loads(sample("chara_card_v2.json").read_text(encoding="utf-8"))
    info = PngInfo()
    info.add_text("chara", base64.b64encode(json.dumps(card).encode()).decode())
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG", pnginfo=info)
    path = tmp_path / "mara.png"
    path.write_bytes(buffer.getvalue())
    converted = read_foreign(path, NOWHERE)
    assert converted.definition["name"] == "Captain Mara"

    plain = tmp_path / "plain.png"
    Image.new("RGB", (4, 4)).save(plain, "PNG")
    with pytest.raises(errors.CapsuleFileError, match="no character card"):
        read_foreign(plain, NOWHERE)
    assert importable(path)
    assert not importable(plain)  # a picture dropped on the window is knowledge


@pytest.mark.parametrize(
    ("name", "label", "problem"),
    [
        ("openai_assistant_malformed.json", "an OpenAI Assistant", "tools"),
        ("openai_gpt_malformed.json", "an OpenAI GPT configuration", "conversation_starters"),
        ("openai_prompt_malformed.json", "an OpenAI prompt", "instructions"),
        ("openwebui_malformed.json", "an Open WebUI model", "meta"),
        ("lobehub_malformed.json", "a LobeHub agent", "config.systemRole"),
        ("chara_card_malformed.json", "a Character Card", "data.name"),
    ],
)
def test_a_malformed_file_of_each_format_says_what_is_wrong(
    name: str, label: str, problem: str
) -> None:
    with pytest.raises(errors.CapsuleFileError) as caught:
        read_foreign(sample(name), NOWHERE)
    assert caught.value.message.startswith(f"This file looks like {label}, but it is malformed")
    assert any(line.startswith(problem) for line in caught.value.problems), caught.value.problems


def test_what_no_format_matches_is_refused_with_the_formats_read() -> None:
    for data in ({"hello": "world"}, [1, 2], "text"):
        with pytest.raises(errors.CapsuleFileError, match="Character Cards"):
            convert(data, NOWHERE)
    with pytest.raises(errors.CapsuleFileError, match="holds 2 assistants or models"):
        convert([{"id": "a", "base_model_id": "x", "meta": {}}] * 2, NOWHERE)


def test_importing_a_character_card_indexes_its_book(ours: Services, tmp_path: Path) -> None:
    path = shutil.copy(sample("chara_card_v2.json"), tmp_path / "mara.json")
    info = ours.capsules.inspect(Path(path))
    assert info.label == "a Character Card" and info.header is not None
    assert info.header.name == "Captain Mara" and info.contents[0].kind == "knowledge"

    result = ours.capsules.import_(Path(path))

    assert result.source == "character_card" and result.knowledge_files == 1
    found = ours.knowledge.search(result.gpt_id, "Ember Sea storms")
    assert "glowing sand" in found[0]["text"]
    (file,) = ours.store.knowledge.list(result.gpt_id)
    assert file.origin["source"] == "character_card" and file.origin["author"] == "quill"


def test_importing_a_gpt_configuration_asks_for_its_action_key(
    ours: Services, tmp_path: Path
) -> None:
    def work(settings: Settings) -> None:
        settings.providers["work"] = ProviderProfile(
            name="work", preset="openai", base_url="https://api.openai.com/v1"
        )

    ours.settings.update(work)
    info = ours.capsules.inspect(sample("openai_gpt_builder.json"))
    (need,) = info.secrets
    assert need.key == "action:weather-service-1" and need.kind == "action"
    assert "weather.example.org" in info.hosts

    answers = ImportOptions(secrets={"action:weather-service-1": "wk-123"})
    result = ours.capsules.import_(sample("openai_gpt_builder.json"), answers)
    gpt = ours.store.gpts.get(result.gpt_id).definition
    assert gpt.model.provider == "work"
    assert gpt.actions[0].auth.secret_name == f"action:{result.gpt_id}:weather-service-1"
    assert ours.secrets.get(f"action:{result.gpt_id}:weather-service-1") == "wk-123"


def test_what_a_dropped_file_is_for(tmp_path: Path) -> None:
    """Files import reads go to import; knowledge (JSON data, office zips) does not."""
    for name in ("openai_assistant.json", "openwebui_model.json", "chara_card_v3.json"):
        assert importable(sample(name)), name
    data = tmp_path / "prices.json"
    data.write_text('{"apple": 1, "pear": 2}', encoding="utf-8")
    two = tmp_path / "two.json"
    two.write_text(json.dumps([{"object": "assistant"}, {"object": "assistant"}]), "utf-8")
    document = tmp_path / "report.docx"
    document.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    capsule = tmp_path / "named.capsule"
    capsule.write_bytes(b"not even a zip")  # importing it says what is wrong
    assert not importable(data)
    assert importable(two)  # importing says to save each on its own
    assert not importable(document)
    assert importable(capsule)
    assert not importable(tmp_path / "missing.json")
