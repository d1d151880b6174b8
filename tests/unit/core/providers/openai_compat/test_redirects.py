"""A provider's redirect to another host is not followed; the error says where it pointed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core import errors
from desktop.core.providers.base import CancelToken, ChatRequest, TextDelta
from desktop.core.providers.openai_compat import RemoteProvider, endpoint_for
from tests.helpers.openai_server import Answer, OpenAIServer, text_answer

SECRET = "sk-test-0123456789abcdef"


@pytest.fixture
def elsewhere() -> Iterator[OpenAIServer]:
    with OpenAIServer() as running:
        yield running


def ask(url: str) -> str:
    endpoint = endpoint_for("custom", "custom", url, SECRET, max_retries=0)
    provider = RemoteProvider(endpoint, "test-model")
    request = ChatRequest(messages=[{"role": "user", "content": "my secret plans"}])
    try:
        events = list(provider.stream(request, CancelToken()))
    finally:
        provider.close()
    return "".join(e.text for e in events if isinstance(e, TextDelta))


@pytest.mark.parametrize("status", [307, 308, 302])
def test_a_redirect_to_another_host_is_refused_and_named(
    server: OpenAIServer, elsewhere: OpenAIServer, status: int
) -> None:
    target = f"{elsewhere.url}/chat/completions"
    server.script(Answer(status=status, headers={"Location": target}, body={}))
    elsewhere.script(text_answer("stolen"))
    with pytest.raises(errors.ProviderResponseError) as refused:
        ask(server.url)
    message = refused.value.message
    assert f"tried to send the request to {target}" in message
    assert "another host" in message and "API key" not in message
    assert elsewhere.requests == []  # the conversation never reached it


def test_a_redirect_on_the_same_host_is_followed(server: OpenAIServer) -> None:
    server.script(
        Answer(status=307, headers={"Location": f"{server.url}/moved/chat/completions"}),
        text_answer("Hello", " there"),
    )
    assert ask(server.url) == "Hello there"
    assert server.requests[1].path == "/v1/moved/chat/completions"
    assert server.requests[1].headers["authorization"] == f"Bearer {SECRET}"
