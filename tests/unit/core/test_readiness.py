"""Tests for desktop/core/readiness.py: model present, key set, and what fixes each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import Do, UserAction
from desktop.core.gpt import GptDefinition, validate_definition
from desktop.core.providers.local import LocalModels
from desktop.core.readiness import Problem, Readiness, ReadinessCheck, check_readiness
from desktop.core.settings import ProviderProfile, Settings, SettingsFile


def gpt(provider: str = "local", model: str = "") -> GptDefinition:
    return validate_definition({"name": "g", "model": {"provider": provider, "model": model}})


@pytest.fixture
def folder(tmp_path: Path, tiny_gguf: Path) -> Path:
    """A model folder with the tiny model and a broken file."""
    models = tmp_path / "models"
    models.mkdir()
    (models / "tiny-chat.gguf").write_bytes(tiny_gguf.read_bytes())
    (models / "broken.gguf").write_bytes(b"GGUF but not really")
    return models


def settings(**profiles: ProviderProfile) -> Settings:
    return Settings(providers=dict(profiles))


def test_local_models_present_missing_or_unusable(folder: Path) -> None:
    models = LocalModels([folder]).list()
    choose = UserAction(Do.CHOOSE_MODEL, {"gpt_id": "gpt_1"})

    assert check_readiness(gpt(model="tiny-chat"), models, Settings()) == Readiness(True, True)
    assert check_readiness(gpt(model="TINY-CHAT"), models, Settings()).ready

    missing = check_readiness(gpt(model="qwen-7b"), models, Settings(), "gpt_1")
    assert missing == Readiness(False, True, Problem.MODEL_MISSING, "qwen-7b", action=choose)

    broken = check_readiness(gpt(model="broken"), models, Settings(), "gpt_1")
    assert (broken.model_present, broken.problem, broken.subject) == (
        True,
        Problem.MODEL_UNUSABLE,
        "broken",
    )
    assert broken.detail  # the file's own problem, in core's words
    assert broken.action == choose

    none = check_readiness(gpt(), models, Settings(), "gpt_1")
    assert none == Readiness(False, True, Problem.NO_MODEL, action=choose)


def test_a_model_named_by_path_is_present_when_the_file_is(folder: Path) -> None:
    path = str(folder / "tiny-chat.gguf")
    assert check_readiness(gpt(model=path), [], Settings()).ready
    gone = check_readiness(gpt(model=str(folder / "gone.gguf")), [], Settings())
    assert (gone.model_present, gone.problem) == (False, Problem.MODEL_MISSING)


def test_remote_gpts_need_their_profile_and_its_key() -> None:
    deepseek = ProviderProfile(
        name="deepseek",
        preset="deepseek",
        base_url="https://api.deepseek.com/v1",
        api_key_secret="provider:deepseek",
    )
    ollama = ProviderProfile(name="home", preset="ollama", base_url="http://localhost:11434/v1")
    keyless_openai = ProviderProfile(
        name="openai", preset="openai", base_url="https://api.openai.com/v1"
    )
    known = settings(deepseek=deepseek, home=ollama, openai=keyless_openai)

    no_profile = check_readiness(gpt("moonshot", "kimi"), [], known)
    assert no_profile == Readiness(
        False,
        False,
        Problem.NO_PROFILE,
        "moonshot",
        action=UserAction(Do.ADD_PROVIDER, {"profile": "moonshot"}),
    )
    no_key = check_readiness(gpt("deepseek", "deepseek-chat"), [], known)
    assert (no_key.model_present, no_key.key_set, no_key.problem) == (
        True,
        False,
        Problem.KEY_MISSING,
    )
    assert no_key.action == UserAction(Do.SET_PROVIDER_KEY, {"profile": "deepseek"})
    assert not check_readiness(gpt("openai", "gpt-4o"), [], known).key_set

    known.secret_names.append("provider:deepseek")
    assert check_readiness(gpt("deepseek", "deepseek-chat"), [], known) == Readiness(True, True)
    assert check_readiness(gpt("home", "qwen2.5:7b"), [], known).ready  # Ollama needs no key
    no_model = check_readiness(gpt("home", ""), [], known)
    assert (no_model.key_set, no_model.problem) == (True, Problem.NO_MODEL)


def test_the_check_reads_folders_and_settings_once_for_many_gpts(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = LocalModels([folder])
    listed: list[int] = []
    original = local.list
    monkeypatch.setattr(local, "list", lambda: listed.append(1) or original())
    check = ReadinessCheck(local, SettingsFile(tmp_path / "settings.json"))

    found = check([("a", gpt(model="tiny-chat")), ("b", gpt(model="nope")), ("c", gpt())])

    assert listed == [1]
    assert [found[k].problem for k in "abc"] == [
        None,
        Problem.MODEL_MISSING,
        Problem.NO_MODEL,
    ]
