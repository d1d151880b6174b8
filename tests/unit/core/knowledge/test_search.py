"""Search: BM25 alone, and hybrid fusion by reciprocal rank."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.knowledge.index import Hit, KnowledgeIndex
from desktop.core.knowledge.search import RRF_K, fuse, search
from desktop.core.knowledge.types import Chunk


def hit(ident: str, rank: int, score: float = 1.0) -> Hit:
    return Hit(ident, ident.split(":", maxsplit=1)[0], 0, f"text {ident}", 1, "", 0, 1, score, rank)


def test_fusion_rewards_agreement() -> None:
    results = fuse(
        {"bm25": [hit("a:0", 1), hit("b:0", 2)], "vector": [hit("b:0", 1), hit("c:0", 2)]}, 3
    )
    assert [r.id for r in results] == ["b:0", "a:0", "c:0"]
    assert results[0].ranks == {"bm25": 2, "vector": 1}
    assert results[0].score == pytest.approx(1 / (RRF_K + 2) + 1 / (RRF_K + 1), rel=1e-5)
    assert results[1].ranks == {"bm25": 1}


def test_fusion_cuts_at_k() -> None:
    assert len(fuse({"bm25": [hit(f"x:{i}", i + 1) for i in range(10)]}, 4)) == 4


@pytest.fixture
def index(tmp_path: Path) -> KnowledgeIndex:
    made = KnowledgeIndex(tmp_path / "lance")
    texts = ["the red apple", "a green pear", "red wine vinegar", "blue sky"]
    vectors = [[1.0, 0.0], [0.0, 1.0], [0.8, 0.2], [0.1, 0.9]]
    made.add(
        "gpt_h", [Chunk("f", i, t, i + 1, "", 0, 0, len(t)) for i, t in enumerate(texts)], vectors
    )
    return made


def test_bm25_mode_without_embeddings(index: KnowledgeIndex) -> None:
    results = search(index, "gpt_h", "red", k=5, mode="bm25")
    assert {r.text for r in results} == {"the red apple", "red wine vinegar"}
    assert all(set(r.ranks) == {"bm25"} for r in results)
    assert results[0].to_dict()["page"] in (1, 3)


def test_hybrid_adds_what_keywords_miss(index: KnowledgeIndex) -> None:
    results = search(index, "gpt_h", "pear", k=3, embed=lambda _q: [0.05, 1.0], mode="auto")
    assert results[0].text == "a green pear"
    assert results[0].ranks == {"bm25": 1, "vector": 1}
    assert any(r.text == "blue sky" and r.ranks == {"vector": 2} for r in results)


def test_threshold_drops_weak_keyword_results(index: KnowledgeIndex) -> None:
    everything = search(index, "gpt_h", "red apple", k=5, mode="bm25")
    strict = search(
        index, "gpt_h", "red apple", k=5, mode="bm25", threshold=everything[0].scores["bm25"]
    )
    assert [r.text for r in strict] == ["the red apple"]
