"""RemoteEmbedder: batching, ordering by index, normalising, typed errors."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from desktop.core import errors
from desktop.core.providers.openai_compat import RemoteEmbedder, endpoint_for
from tests.helpers.openai_server import Answer, OpenAIServer, embeddings_answer, error_answer

SECRET = "sk-test-0123456789abcdef"


@pytest.fixture
def embedder(server: OpenAIServer) -> Iterator[RemoteEmbedder]:
    endpoint = endpoint_for("openai", "openai", server.url, SECRET, max_retries=0)
    made = RemoteEmbedder(endpoint, "text-embedding-3-small", batch_size=2)
    yield made
    made.close()


def test_batches_in_order_and_normalised(server: OpenAIServer, embedder: RemoteEmbedder) -> None:
    server.script(
        embeddings_answer([[3.0, 4.0], [0.0, 2.0]], reverse=True),  # listed out of order
        embeddings_answer([[1.0, 1.0], [5.0, 0.0]]),
        embeddings_answer([[0.0, -7.0]]),
    )
    vectors = embedder.embed(["a", "b", "c", " ", "e"])

    half = 1 / math.sqrt(2)
    expected = [[0.6, 0.8], [0.0, 1.0], [half, half], [1.0, 0.0], [0.0, -1.0]]
    assert [pytest.approx(v) for v in expected] == vectors
    assert [r.body["input"] for r in server.requests] == [["a", "b"], ["c", " "], ["e"]]
    assert server.requests[0].path == "/v1/embeddings"
    assert server.requests[0].body["encoding_format"] == "float"
    assert embedder.name == "openai:text-embedding-3-small"


def test_nothing_to_embed_sends_nothing(server: OpenAIServer, embedder: RemoteEmbedder) -> None:
    assert embedder.embed([]) == []
    assert server.requests == []


@pytest.mark.parametrize(
    "answer",
    [
        embeddings_answer([[1.0, 0.0]]),  # one vector for two texts
        embeddings_answer([[1.0, 0.0], [1.0]]),  # lengths differ
        Answer(body={"data": [{"index": 0, "embedding": "abc"}, {"index": 1}]}),
        Answer(body={"data": [{"index": 0, "embedding": [1]}, {"index": 0, "embedding": [1]}]}),
        Answer(body={"data": [{"index": 0, "embedding": [1e308, 1e308]}, {"index": 1}]}),
        Answer(raw=b"not json"),
    ],
)
def test_unusable_answers_are_response_errors(
    server: OpenAIServer, embedder: RemoteEmbedder, answer: Answer
) -> None:
    server.script(answer)
    with pytest.raises(errors.ProviderResponseError):
        embedder.embed(["a", "b"])


def test_an_unknown_model_and_a_bad_key(server: OpenAIServer, embedder: RemoteEmbedder) -> None:
    server.script(error_answer(404, "no such model"), error_answer(401, f"bad key {SECRET}"))
    with pytest.raises(errors.ModelNotFoundError, match="text-embedding-3-small"):
        embedder.embed(["a"])
    with pytest.raises(errors.ProviderAuthError) as caught:
        embedder.embed(["a"])
    assert SECRET not in str(caught.value)
