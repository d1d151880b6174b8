"""Clients per endpoint, Azure's URL shape, credentials from the endpoint only, model lists."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.providers.base import CancelToken, ChatRequest
from desktop.core.providers.openai_compat import (
    ClientPool,
    RemoteProvider,
    endpoint_for,
    list_models,
)
from tests.helpers.openai_server import (
    Answer,
    OpenAIServer,
    error_answer,
    models_answer,
    text_answer,
)

SECRET = "sk-test-0123456789abcdef"


def test_models_are_listed_sorted_and_once(server: OpenAIServer) -> None:
    server.script(models_answer("qwen2.5:7b", "llama3.2", "qwen2.5:7b"))
    endpoint = endpoint_for("ollama", "ollama", server.url)
    assert list_models(endpoint) == ["llama3.2", "qwen2.5:7b"]
    assert server.requests[0].path == "/v1/models"


def test_odd_model_entries_are_skipped(server: OpenAIServer) -> None:
    server.script(Answer(body={"data": [{"id": "b"}, {"id": 5}, {}, "x", {"id": "a"}]}))
    assert list_models(endpoint_for("x", "custom", server.url)) == ["a", "b"]


def test_no_model_list_means_a_wrong_base_url(server: OpenAIServer) -> None:
    server.script(error_answer(404, "not found"))
    endpoint = endpoint_for("x", "custom", server.url, max_retries=0)
    with pytest.raises(errors.ProviderResponseError, match="check the base URL"):
        list_models(endpoint)


def test_listing_with_a_bad_key(server: OpenAIServer) -> None:
    server.script(error_answer(401, "no"))
    endpoint = endpoint_for("deepseek", "deepseek", server.url, SECRET, max_retries=0)
    with pytest.raises(errors.ProviderAuthError, match="rejected by DeepSeek") as caught:
        list_models(endpoint)
    assert caught.value.__context__ is None


def test_an_html_page_is_not_a_model_list(server: OpenAIServer) -> None:
    server.script(Answer(raw=f"<html>{SECRET}</html>".encode()))
    endpoint = endpoint_for("x", "custom", server.url, SECRET, max_retries=0)
    with pytest.raises(errors.ProviderResponseError, match="OpenAI-compatible") as caught:
        list_models(endpoint)
    assert SECRET not in str(caught.value)


def test_a_pool_reuses_clients_and_connections(server: OpenAIServer) -> None:
    server.script(models_answer("a"), models_answer("b"))
    pool = ClientPool()
    endpoint = endpoint_for("x", "custom", server.url)
    assert pool.get(endpoint) is pool.get(endpoint)
    assert pool.get(endpoint) is not pool.get(endpoint_for("y", "custom", server.url))
    list_models(endpoint, pool)
    list_models(endpoint, pool)
    first, second = server.requests
    assert first.peer_port == second.peer_port
    pool.close()


def test_credentials_come_from_the_endpoint_never_the_environment(
    server: OpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-the-environment")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-environment")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-environment")
    server.script(models_answer("a"))
    list_models(endpoint_for("ollama", "ollama", server.url))
    headers = server.requests[0].headers
    assert headers["authorization"] == "Bearer no-key"
    assert "openai-organization" not in headers and "openai-project" not in headers


def test_azure_uses_deployments_api_version_and_api_key(server: OpenAIServer) -> None:
    base = f"http://127.0.0.1:{server.port}"
    endpoint = endpoint_for("az", "azure", base, SECRET, api_version="2024-10-21")
    provider = RemoteProvider(endpoint, "my-deployment")
    server.script(text_answer("hi"))
    events = list(provider.stream(ChatRequest(messages=[]), CancelToken()))
    provider.close()

    assert len(events) == 2
    (sent,) = server.requests
    assert sent.path == "/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21"
    assert sent.headers["api-key"] == SECRET
