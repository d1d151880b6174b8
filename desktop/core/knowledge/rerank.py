"""Reranking: a second, finer look at search's best candidates by a cross-encoder.

BM25 and vectors score a chunk without reading it next to the question; a reranker
(a cross-encoder, or a reranker GGUF in the model host) reads each (question, chunk)
pair whole. It is slower per chunk, so it sees only the top candidates of the first
search. Pure; runs on the calling (worker) thread, which blocks while the model scores.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # search imports this module to rerank its results
    from desktop.core.knowledge.search import Result

RERANK = "rerank"  # the name its rank and score go under in a result's ranks and scores
CANDIDATES = 20  # how many of the first search's best the reranker reads by default


class Reranker(Protocol):
    """Anything that scores documents against a query: `LlamaReranker`, a test's script."""

    @property
    def name(self) -> str: ...

    def scores(self, query: str, documents: list[str]) -> list[float]:
        """One score per document, in order; higher means more relevant."""
        ...


def rerank(reranker: Reranker, query: str, candidates: list[Result], k: int) -> list[Result]:
    """The `k` best of `candidates` by the reranker's score, best first.

    Each result keeps the ranks and scores of the first search and gains the reranker's
    (under `RERANK`); its `score` becomes the reranker's. Ties keep the first search's
    order.

    Raises:
        ValueError: the reranker gave a score count other than one per candidate.
    """
    if not candidates:
        return []
    scores = reranker.scores(query, [r.text for r in candidates])
    if len(scores) != len(candidates):
        raise ValueError(f"{reranker.name} gave {len(scores)} scores for {len(candidates)} chunks")
    order = sorted(range(len(candidates)), key=lambda i: -scores[i])
    return [
        replace(
            candidates[i],
            score=scores[i],
            ranks={**candidates[i].ranks, RERANK: rank},
            scores={**candidates[i].scores, RERANK: scores[i]},
        )
        for rank, i in enumerate(order[:k], 1)
    ]
