"""Reranking the first search's candidates: order, depth, scores kept, thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.rerank import RERANK, rerank
from desktop.core.knowledge.search import Result, search
from desktop.core.knowledge.types import Chunk
from tests.helpers.scripted_reranker import ScriptedReranker

TEXTS = [
    "apple pie recipe with apple and more apple",  # BM25's favourite for "apple"
    "apple tart",
    "apple orchard in spring, where the answer grows",
    "pears and plums",
]


@pytest.fixture
def index(tmp_path: Path) -> KnowledgeIndex:
    made = KnowledgeIndex(tmp_path / "lance")
    made.add("gpt_r", [Chunk("f", i, t, i + 1, "", 0, 0, len(t)) for i, t in enumerate(TEXTS)])
    made.build("gpt_r")
    return made


def test_the_reranker_reorders_the_candidates(index: KnowledgeIndex) -> None:
    plain = search(index, "gpt_r", "apple", k=3)
    assert plain[0].text == TEXTS[0]
    reranker = ScriptedReranker(["answer", "tart"])

    found = search(index, "gpt_r", "apple", k=2, reranker=reranker)

    assert [r.text for r in found] == [TEXTS[2], TEXTS[1]]
    assert [r.ranks[RERANK] for r in found] == [1, 2]
    assert found[0].scores[RERANK] == found[0].score == 2.0
    assert "bm25" in found[0].ranks  # the first search's rank stays, for the playground
    # It read every candidate BM25 had (three texts hold "apple"), not only the top k.
    assert reranker.calls == [("apple", [r.text for r in plain])]


def test_the_reranker_reads_only_the_candidates_asked_for(index: KnowledgeIndex) -> None:
    reranker = ScriptedReranker(["answer"])
    found = search(index, "gpt_r", "apple", k=1, reranker=reranker, candidates=2)
    assert len(reranker.calls[0][1]) == 2
    assert TEXTS[2] not in reranker.calls[0][1]  # third by BM25: never seen, never found
    assert len(found) == 1


def test_ties_keep_the_first_search_order() -> None:
    first = [Result(str(i), "f", f"text {i}", None, "", 1.0 / (i + 1)) for i in range(4)]
    found = rerank(ScriptedReranker([]), "q", first, 3)
    assert [r.id for r in found] == ["0", "1", "2"]


def test_nothing_found_asks_the_reranker_nothing(index: KnowledgeIndex) -> None:
    reranker = ScriptedReranker(["x"])
    assert search(index, "gpt_r", "bananas", k=3, reranker=reranker) == []
    assert reranker.calls == []


def test_a_reranker_that_miscounts_is_an_error() -> None:
    class Short(ScriptedReranker):
        def scores(self, query: str, documents: list[str]) -> list[float]:
            return [1.0]

    first = [Result(str(i), "f", "t", None, "", 1.0) for i in range(2)]
    with pytest.raises(ValueError, match="gave 1 scores for 2 chunks"):
        rerank(Short([]), "q", first, 2)
