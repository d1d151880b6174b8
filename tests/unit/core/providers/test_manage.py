"""Tests for desktop/core/providers/manage.py: adding, listing and removing provider profiles."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.providers.manage import (
    ProfileDraft,
    allow_http_host,
    list_profiles,
    profile_users,
    remove_profile,
    save_profile,
)
from desktop.core.secrets import SERVICE, Secrets
from desktop.core.settings import SettingsFile
from tests.helpers.memory_keyring import MemoryKeyring

KEY = "sk-manage-2b7e151628aed2a6"


@pytest.fixture
def settings(isolated_home: Paths) -> SettingsFile:
    return SettingsFile(isolated_home.settings_file)


@pytest.fixture
def secrets(settings: SettingsFile) -> Secrets:
    return Secrets(settings)


def test_a_preset_fills_the_address_and_the_key_goes_to_the_keyring(
    settings: SettingsFile, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    saved = save_profile(settings, secrets, ProfileDraft("deepseek", api_key=f" {KEY}\n"))
    assert saved.created and saved.key_stored and not saved.missing_key
    profile = settings.load().providers["deepseek"]
    assert (profile.preset, profile.base_url) == ("deepseek", "https://api.deepseek.com/v1")
    assert memory_keyring.passwords[(SERVICE, "provider:deepseek")] == KEY
    assert KEY not in settings.path.read_text(encoding="utf-8")
    [summary] = list_profiles(settings, secrets)
    assert summary.key == f"{KEY[:3]}…{KEY[-4:]}" and summary.label == "DeepSeek"
    assert summary.to_dict()["key"] == summary.key


def test_editing_keeps_what_it_does_not_change(
    settings: SettingsFile, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    save_profile(settings, secrets, ProfileDraft("az", "azure", "https://r.openai.azure.com/", KEY))
    saved = save_profile(settings, secrets, ProfileDraft("az", api_version="2024-10-21"))
    assert not saved.created and not saved.key_stored
    profile = settings.load().providers["az"]
    assert profile.base_url == "https://r.openai.azure.com"
    assert profile.api_version == "2024-10-21" and profile.api_key_secret == "provider:az"
    assert memory_keyring.passwords[(SERVICE, "provider:az")] == KEY


def test_a_service_that_needs_a_key_says_so_when_saved_without_one(
    settings: SettingsFile, secrets: Secrets
) -> None:
    assert save_profile(settings, secrets, ProfileDraft("openai")).missing_key
    [summary] = list_profiles(settings, secrets)
    assert summary.needs_key and summary.key == ""
    assert not save_profile(settings, secrets, ProfileDraft("ollama")).missing_key


def test_bad_input_names_the_field_and_saves_nothing(
    settings: SettingsFile, secrets: Secrets
) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        save_profile(settings, secrets, ProfileDraft("mine"))
    assert caught.value.problems == ["base_url: is required"]
    assert caught.value.action == errors.do(
        errors.Do.ADD_PROVIDER, profile="mine", preset="custom", needs="base_url"
    )
    with pytest.raises(errors.ValidationError, match="name") as caught:
        save_profile(settings, secrets, ProfileDraft("Bad Name", base_url="https://x.example"))
    with pytest.raises(errors.ValidationError, match="empty"):
        blank = ProfileDraft("x", base_url="https://x.example", api_key=" ")
        save_profile(settings, secrets, blank)
    assert settings.load().providers == {}


def test_a_key_over_plain_http_needs_the_hosts_allowance(
    settings: SettingsFile, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    draft = ProfileDraft("lab", "vllm", "http://gpu-box.example:8000/v1", KEY)
    with pytest.raises(errors.InsecureTransportError) as caught:
        save_profile(settings, secrets, draft)
    assert caught.value.action == errors.do(errors.Do.ALLOW_HTTP_HOST, host="gpu-box.example")
    assert memory_keyring.passwords == {} and settings.load().providers == {}
    save_profile(settings, secrets, ProfileDraft(**{**draft.__dict__, "allow_http": True}))
    assert settings.load().http_credential_hosts == ["gpu-box.example"]
    # Without a key, or on this machine, nothing needs allowing.
    save_profile(settings, secrets, ProfileDraft("open", "vllm", "http://other.example/v1"))
    save_profile(settings, secrets, ProfileDraft("here", "vllm", "http://127.0.0.1:9/v1", KEY))


def test_a_blocked_host_shows_in_the_list_until_allowed(
    settings: SettingsFile, secrets: Secrets
) -> None:
    save_profile(settings, secrets, ProfileDraft("ds", "deepseek", api_key=KEY))
    settings.update(lambda s: setattr(s.providers["ds"], "base_url", "http://api.example.com"))
    assert list_profiles(settings, secrets)[0].blocked_host == "api.example.com"
    allow_http_host(settings, "api.example.com")
    assert list_profiles(settings, secrets)[0].blocked_host == ""
    with pytest.raises(errors.ValidationError):
        allow_http_host(settings, " ")


def test_a_key_the_keyring_lost_is_listed_as_a_problem(
    settings: SettingsFile, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    save_profile(settings, secrets, ProfileDraft("ds", "deepseek", api_key=KEY))
    memory_keyring.passwords.clear()
    [summary] = list_profiles(settings, secrets)
    assert summary.key == "" and "no secret named 'provider:ds'" in summary.key_problem
    assert summary.to_dict()["key"] == "unavailable"


def test_removal_takes_the_key_and_names_the_gpts_that_used_it(
    settings: SettingsFile, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    save_profile(settings, secrets, ProfileDraft("ds", "deepseek", api_key=KEY))
    gpts = [
        validate_definition({"name": "Chat", "model": {"provider": "ds", "model": "m"}}),
        validate_definition({"name": "Embeds", "knowledge": {"embedding_model": "ds:e"}}),
        validate_definition({"name": "Local"}),
    ]
    assert profile_users(gpts, "ds") == ["Chat", "Embeds"]
    removed = remove_profile(settings, secrets, "ds")
    assert removed.name == "ds"
    assert settings.load().providers == {} and memory_keyring.passwords == {}
    assert settings.load().secret_names == []
    with pytest.raises(errors.UnknownProfileError):
        remove_profile(settings, secrets, "ds")
