"""The retriever the run engine calls: the GPT's knowledge and the thread's attachments."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from desktop.core import errors
from desktop.core.gpt import GptDefinition
from desktop.core.knowledge.rerank import Reranker
from desktop.core.knowledge.search import Embed, Result, search
from desktop.core.store import Store

if TYPE_CHECKING:
    from desktop.core.knowledge.index import KnowledgeIndex

EmbedFor = Callable[[str], Embed | None]
RerankerFor = Callable[[str], Reranker | None]  # (rerank model reference) -> its reranker


def no_reranker(_model: str) -> Reranker | None:
    return None


class KnowledgeRetriever:
    """Searches a GPT's table and its thread's table; returns JSON-ready sources."""

    def __init__(
        self,
        store: Store,
        index: KnowledgeIndex,
        embed_for: EmbedFor,
        reranker_for: RerankerFor = no_reranker,
    ) -> None:
        self._store = store
        self._index = index
        self._embed_for = embed_for
        self._reranker_for = reranker_for

    def __call__(
        self, definition: GptDefinition, gpt_id: str, thread_id: str, query: str
    ) -> list[dict[str, Any]]:
        settings = definition.knowledge
        embed = self._embed_for(settings.embedding_model)
        reranker = self._reranker_for(settings.rerank_model)
        found = []
        for owner in (gpt_id, thread_id):
            found += search(
                self._index,
                owner,
                query,
                k=settings.top_k,
                threshold=settings.score_threshold,
                embed=embed,
                mode=settings.retrieval_mode,
                reranker=reranker,
                candidates=settings.rerank_candidates,
            )
        found.sort(key=lambda r: -r.score)
        return named(self._store, (gpt_id, thread_id), found[: settings.top_k])


def named(store: Store, owners: Iterable[str], found: list[Result]) -> list[dict[str, Any]]:
    """Search results as JSON-ready dicts, each with the name of its file."""
    # Only the files found are looked up: listing a large knowledge base per search cost
    # more than the search itself.
    wanted = set(owners)
    names: dict[str, str] = {}
    for file_id in {r.file_id for r in found}:
        try:
            record = store.knowledge.get(file_id)
        except errors.NotFoundError:
            continue  # removed since it was indexed: its id stands in for its name
        if record.owner in wanted:
            names[file_id] = record.name
    return [{**r.to_dict(), "file": names.get(r.file_id, r.file_id)} for r in found]
