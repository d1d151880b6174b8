"""Knowledge search: BM25 alone, or hybrid BM25 + vector fused by reciprocal rank.

With a reranker, the first search's best `candidates` are read again by it and the best
of those by its score come back (see knowledge.rerank).

Each result carries the chunk, its file and page, the fused score and the rank each
retriever gave it, so a tester sees why a chunk came back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.knowledge.rerank import CANDIDATES, Reranker, rerank

if TYPE_CHECKING:
    from desktop.core.knowledge.index import Hit, KnowledgeIndex

RRF_K = 60  # the constant of Cormack et al.; damps the weight of the very top ranks
# Each retriever looks deeper than top-k so fusion has candidates to agree on.
CANDIDATE_FACTOR = 4

Embed = Callable[[str], list[float]]


@dataclass(frozen=True)
class Result:
    """A retrieved chunk: what it says, where it is from, and how it scored."""

    id: str
    file_id: str
    text: str
    page: int | None
    location: str
    score: float
    ranks: dict[str, int] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    ocr: bool = False  # read by text recognition: show it with the citation

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file_id": self.file_id,
            "text": self.text,
            "page": self.page,
            "location": self.location,
            "score": self.score,
            "ranks": self.ranks,
            "scores": self.scores,
            "ocr": self.ocr,
        }


def fuse(rankings: dict[str, list[Hit]], k: int) -> list[Result]:
    """Reciprocal rank fusion: score = sum over retrievers of 1 / (RRF_K + rank)."""
    fused: dict[str, float] = {}
    first: dict[str, Hit] = {}
    ranks: dict[str, dict[str, int]] = {}
    scores: dict[str, dict[str, float]] = {}
    for retriever, hits in rankings.items():
        for hit in hits:
            fused[hit.id] = fused.get(hit.id, 0.0) + 1.0 / (RRF_K + hit.rank)
            first.setdefault(hit.id, hit)
            ranks.setdefault(hit.id, {})[retriever] = hit.rank
            scores.setdefault(hit.id, {})[retriever] = hit.score
    order = sorted(fused, key=lambda i: (-fused[i], min(ranks[i].values()), i))[:k]
    return [
        Result(
            id=i,
            file_id=first[i].file_id,
            text=first[i].text,
            page=first[i].page,
            location=first[i].location,
            score=fused[i],
            ranks=ranks[i],
            scores=scores[i],
            ocr=first[i].ocr,
        )
        for i in order
    ]


def search(
    index: KnowledgeIndex,
    owner: str,
    query: str,
    k: int = 5,
    threshold: float = 0.0,
    embed: Embed | None = None,
    mode: str = "auto",
    reranker: Reranker | None = None,
    candidates: int = CANDIDATES,
) -> list[Result]:
    """The top `k` chunks for `query` in `owner`'s table.

    Args:
        index: the LanceDB index.
        owner: the table (a GPT id, or a thread id for attachments).
        query: the user's words, in any language.
        k: how many results at most.
        embed: turns the query into a vector; needed for hybrid search.
        mode: "bm25", "hybrid", or "auto" (hybrid when the table has vectors and an
            embedding function is given, else BM25).
        threshold: drop results whose BM25 score (keyword mode) or fused score (hybrid)
            is below it, before any reranking; 0 keeps everything.
        reranker: reads the first search's best `candidates` (at least `k`) again and
            orders them by its score; None keeps the first search's order.
        candidates: how many of the first search's best the reranker reads.
    """
    if reranker is not None:
        first = _search(index, owner, query, max(k, candidates), threshold, embed, mode)
        return rerank(reranker, query, first, k)
    return _search(index, owner, query, k, threshold, embed, mode)


def _search(
    index: KnowledgeIndex,
    owner: str,
    query: str,
    k: int,
    threshold: float,
    embed: Embed | None,
    mode: str,
) -> list[Result]:
    hybrid = mode == "hybrid" or (mode == "auto" and embed is not None and index.has_vectors(owner))
    if not hybrid or embed is None:
        hits = index.keyword(owner, query, k)
        results = fuse({"bm25": hits}, k)
        return [r for r in results if r.scores.get("bm25", 0.0) >= threshold]
    depth = k * CANDIDATE_FACTOR
    rankings = {
        "bm25": index.keyword(owner, query, depth),
        "vector": index.nearest(owner, embed(query), depth),
    }
    return [r for r in fuse(rankings, k) if r.score >= threshold]
