"""Tests for desktop/core/capsule/review.py: what a GPT enables and needs, typed and in English."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.capsule.layout import ProviderEntry
from desktop.core.capsule.review import Enabled, Review, review
from desktop.core.gpt import validate_definition
from desktop.core.services import Services
from tests.helpers.capsules import pets_document

GPT_ID = "gpt_" + "a" * 24


def _action(auth_type: str, **auth: Any) -> dict[str, Any]:
    return {
        "id": "pets",
        "name": "Pets",
        "document": pets_document(),
        "auth": {"type": auth_type, "secret_name": "" if auth_type == "none" else "x", **auth},
    }


def _review(
    services: Services, providers: list[ProviderEntry] | None = None, **fields: Any
) -> Review:
    definition = validate_definition({"name": "Pet handbook", **fields})
    return review(definition, GPT_ID, providers or [], services.settings.load(), services.secrets)


def test_each_enabled_thing_has_a_kind_arguments_and_the_english_sentence(ours: Services) -> None:
    found = _review(
        ours,
        [ProviderEntry(name="lab", base_url="https://lab.example/v1", needs_key=True)],
        model={"provider": "lab", "model": "m"},
        capabilities={
            "code_interpreter": {"enabled": True},
            "web_browsing": {"enabled": True, "search_provider": "brave"},
            "image_generation": {"enabled": True, "provider": "painter"},
        },
        actions=[_action("api_key", parameter_name="X-Key")],
    )
    assert [(e.kind, e.args) for e in found.enables] == [
        ("provider", {"provider": "lab", "host": "lab.example"}),
        ("code", {}),
        ("browse_search", {"service": "Brave Search", "host": "api.search.brave.com"}),
        ("images", {"provider": "painter", "host": ""}),
        ("action", {"action": "Pets", "hosts": "api.pets.example", "auth": "api_key"}),
    ]
    # The English stays what the CLI has always printed.
    assert [e.text for e in found.enables] == [
        "Answers through the provider 'lab' (lab.example): conversations and knowledge "
        "excerpts go there.",
        "Runs Python code it writes (code interpreter), in a sandbox.",
        "Fetches web pages and searches with Brave Search (api.search.brave.com); each host "
        "asks for consent first.",
        "Generates images through the provider 'painter' (not set up).",
        "Calls the action 'Pets' on api.pets.example, with api_key auth; each host asks for "
        "consent before its first call.",
    ]
    assert found.enables[0].to_dict() == {
        "kind": "provider",
        "args": {"provider": "lab", "host": "lab.example"},
        "text": found.enables[0].text,
    }


def test_browsing_without_search_and_an_action_without_auth_or_hosts(ours: Services) -> None:
    unreadable = {"id": "broken", "name": "Broken", "document": "not an API description"}
    found = _review(
        ours,
        capabilities={"web_browsing": {"enabled": True}},
        actions=[_action("none"), unreadable],
    )
    assert found.enables == [
        Enabled(
            "browse", {}, "Fetches web pages the model chooses (each host asks for consent first)."
        ),
        Enabled(
            "action",
            {"action": "Pets", "hosts": "api.pets.example", "auth": ""},
            "Calls the action 'Pets' on api.pets.example; each host asks for consent before "
            "its first call.",
        ),
        Enabled(
            "action",
            {"action": "Broken", "hosts": "", "auth": ""},
            "Calls the action 'Broken' on no known host; each host asks for consent before "
            "its first call.",
        ),
    ]
    assert found.secrets == []
    assert [p.kind for p in found.problems] == ["action_unreadable"]
    assert found.problems[0].args["action"] == "Broken" and found.problems[0].args["reason"]
    assert found.problems[0].text.startswith("The action 'Broken' cannot be read")


@pytest.mark.parametrize(
    ("auth_type", "asked"),
    [
        ("api_key", [("api_key", "API key for the action 'Pets'")]),
        ("bearer", [("bearer_token", "bearer token for the action 'Pets'")]),
        (
            "basic",
            [
                ("user_name", "user name for the action 'Pets'"),
                ("password", "password for the action 'Pets'"),
            ],
        ),
        (
            "oauth2_client_credentials",
            [
                ("client_id", "client id for the action 'Pets'"),
                ("client_secret", "client secret for the action 'Pets'"),
            ],
        ),
    ],
)
def test_an_action_secret_says_what_it_is_and_whose(
    ours: Services, auth_type: str, asked: list[tuple[str, str]]
) -> None:
    auth = {"token_url": "https://auth.pets.example/token"} if auth_type.startswith("oauth") else {}
    found = _review(ours, actions=[_action(auth_type, **auth)])
    assert [(n.what, n.label) for n in found.secrets] == asked
    assert {(n.kind, n.subject, n.host) for n in found.secrets} == {("action", "Pets", "")}


def test_provider_and_search_secrets_name_their_service_and_host(ours: Services) -> None:
    ours.secrets.set("provider:lab", "sk-already-here")
    found = _review(
        ours,
        [ProviderEntry(name="lab", base_url="https://lab.example/v1", needs_key=True)],
        model={"provider": "lab", "model": "m"},
        capabilities={"web_browsing": {"enabled": True, "search_provider": "tavily"}},
    )
    provider, search = found.secrets
    assert (provider.what, provider.subject, provider.host, provider.already_set) == (
        "provider_key",
        "lab",
        "lab.example",
        True,
    )
    assert provider.label == "API key of the provider 'lab' (lab.example)"
    assert (search.what, search.subject, search.host, search.already_set) == (
        "search_key",
        "Tavily",
        "api.tavily.com",
        False,
    )
    assert search.label == "Tavily API key (web search)"
    assert search.to_dict()["what"] == "search_key" and search.to_dict()["subject"] == "Tavily"
