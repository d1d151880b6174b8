"""The retriever the run engine calls: the GPT's knowledge and the thread's attachments."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from desktop.core.gpt import GptDefinition
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.search import Embed, Result, search
from desktop.core.store import Store

EmbedFor = Callable[[str], Embed | None]


class KnowledgeRetriever:
    """Searches a GPT's table and its thread's table; returns JSON-ready sources."""

    def __init__(self, store: Store, index: KnowledgeIndex, embed_for: EmbedFor) -> None:
        self._store = store
        self._index = index
        self._embed_for = embed_for

    def __call__(
        self, definition: GptDefinition, gpt_id: str, thread_id: str, query: str
    ) -> list[dict[str, Any]]:
        settings = definition.knowledge
        embed = self._embed_for(settings.embedding_model)
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
            )
        found.sort(key=lambda r: -r.score)
        return named(self._store, (gpt_id, thread_id), found[: settings.top_k])


def named(store: Store, owners: Iterable[str], found: list[Result]) -> list[dict[str, Any]]:
    """Search results as JSON-ready dicts, each with the name of its file."""
    names = {f.id: f.name for owner in owners for f in store.knowledge.list(owner)}
    return [{**r.to_dict(), "file": names.get(r.file_id, r.file_id)} for r in found]
