"""Reranking through the real llama.cpp path: rank pooling in the model host."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.providers.llama import LlamaEmbedder, LlamaHost, LlamaReranker
from desktop.core.providers.local import LocalModels
from tests.helpers.tiny_gguf import TinySpec, build_tiny_gguf


@pytest.fixture
def host() -> Iterator[LlamaHost]:
    made = LlamaHost()
    yield made
    made.close()


@pytest.fixture
def reranker(host: LlamaHost, tiny_embedding_gguf: Path) -> LlamaReranker:
    return LlamaReranker(host, LocalModels([]).resolve(str(tiny_embedding_gguf)))


def test_one_finite_deterministic_score_per_document(reranker: LlamaReranker) -> None:
    documents = ["the capsule file format", "知识库检索", "", "the capsule file format"]
    scores = reranker.scores("capsule format", documents)
    assert len(scores) == 4
    assert all(math.isfinite(s) for s in scores)
    assert scores[0] == pytest.approx(scores[3])  # the same pair scores the same
    assert scores[0] != pytest.approx(scores[1])
    # Scores do not depend on the batch a document shares with others.
    assert reranker.scores("capsule format", ["知识库检索"])[0] == pytest.approx(scores[1])


def test_more_documents_than_one_request(reranker: LlamaReranker) -> None:
    documents = [f"document number {i}" for i in range(150)]
    scores = reranker.scores("number", documents)
    assert len(scores) == 150
    assert scores[149] == pytest.approx(reranker.scores("number", [documents[149]])[0])


def test_a_cancelled_request_stops(reranker: LlamaReranker) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(errors.CancelledError):
        reranker.scores("query", ["a document"] * 10, cancel=token)


def test_the_host_keeps_serving_embeddings_beside_a_reranker(
    host: LlamaHost, tiny_embedding_gguf: Path, reranker: LlamaReranker
) -> None:
    embedder = LlamaEmbedder(host, LocalModels([]).resolve(str(tiny_embedding_gguf)))
    assert len(reranker.scores("q", ["d"])) == 1
    assert len(embedder.embed(["text"])[0]) == 64


def test_a_model_loaded_without_rank_pooling_is_refused(host: LlamaHost, tmp_path: Path) -> None:
    from desktop.core.providers.llama import wire
    from desktop.core.providers.llama.host import LoadSettings

    path = build_tiny_gguf(tmp_path / "plain.gguf", TinySpec(embedding=True, chat_template=None))
    process = host.acquire(LocalModels([]).resolve(str(path)), LoadSettings(embedding=True))
    with pytest.raises(errors.ModelError, match="not a reranker"):
        process.call(wire.RERANK, ("query", ["document"]))
