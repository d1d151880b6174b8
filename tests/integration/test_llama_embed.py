"""Embeddings through the real llama.cpp path, and hybrid search with them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.search import search
from desktop.core.knowledge.types import Chunk
from desktop.core.providers.llama import LlamaEmbedder, LlamaHost
from desktop.core.providers.local import LocalModels


@pytest.fixture
def embedder(tiny_embedding_gguf: Path):  # type: ignore[no-untyped-def]
    host = LlamaHost()
    yield LlamaEmbedder(host, LocalModels([]).resolve(str(tiny_embedding_gguf)))
    host.close()


def test_vectors_are_unit_length_and_deterministic(embedder: LlamaEmbedder) -> None:
    texts = ["hello world", "知识库", "", "hello world"]
    vectors = embedder.embed(texts)
    assert len(vectors) == 4 and len(vectors[0]) == 64 == embedder.dimensions()
    for vector in vectors:
        assert math.isclose(math.sqrt(sum(x * x for x in vector)), 1.0, rel_tol=1e-5)
    assert vectors[0] == pytest.approx(vectors[3])
    assert vectors[0] != pytest.approx(vectors[1])


def test_batches_larger_than_one_call(embedder: LlamaEmbedder) -> None:
    texts = [f"text number {i}" for i in range(70)]
    vectors = embedder.embed(texts)
    assert len(vectors) == 70
    assert vectors[69] == pytest.approx(embedder.embed(["text number 69"])[0])


def test_hybrid_search_with_the_tiny_embedding_model(
    embedder: LlamaEmbedder, tmp_path: Path
) -> None:
    texts = ["the capsule file format", "知识库检索", "apples and pears", "keyring secrets"]
    chunks = [Chunk("f", i, t, i + 1, "", 0, 0, len(t)) for i, t in enumerate(texts)]
    index = KnowledgeIndex(tmp_path / "lance")
    index.add("gpt_e", chunks, embedder.embed(texts))
    results = search(index, "gpt_e", "知识库检索", k=4, embed=lambda q: embedder.embed([q])[0])
    assert results[0].text == "知识库检索"
    assert results[0].ranks == {"bm25": 1, "vector": 1}  # an identical text is its own nearest
    assert {r.text for r in results} == set(texts)  # the vector side returns every chunk
