"""A GPT's knowledge as the front ends use it: add files, remove them, search them.

Adding or removing files keeps the GPT's definition in step (its `knowledge.files` lists
the ready files, and the engine searches only GPTs that have some), so no front end has a
list to sync. Called on a worker thread (the GUI's) or the CLI's main thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.gpt import update_definition
from desktop.core.knowledge.extract import IsolatedExtractor
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Embed, Extract, Ingestor, Progress
from desktop.core.knowledge.retrieval import RerankerFor, named, no_reranker
from desktop.core.knowledge.search import Embed as EmbedQuery
from desktop.core.knowledge.search import search
from desktop.core.store import Store
from desktop.core.store.knowledge import KnowledgeFile

# (embedding model reference) -> how to embed texts with it, or None for no embeddings.
EmbedderFor = Callable[[str], Embed | None]
QueryEmbedderFor = Callable[[str], EmbedQuery | None]


class KnowledgeLibrary:
    """The knowledge of each GPT, with the definition's file list kept in step."""

    def __init__(
        self,
        store: Store,
        index: KnowledgeIndex,
        originals: Path,
        embed_for: EmbedderFor,
        query_embed_for: QueryEmbedderFor,
        reranker_for: RerankerFor = no_reranker,
    ) -> None:
        self._store = store
        self._index = index
        self._originals = originals
        self._embed_for = embed_for
        self._query_embed_for = query_embed_for
        self._reranker_for = reranker_for

    def files(self, gpt_id: str) -> list[KnowledgeFile]:
        """The GPT's files and their state; one a killed process left shows as failed."""
        self._store.gpts.get(gpt_id)
        self.ingestor("", _no_extract).recover(gpt_id)
        return self._store.knowledge.list(gpt_id)

    def add(
        self,
        gpt_id: str,
        paths: Iterable[Path],
        password: str | None = None,
        cancel: CancelToken | None = None,
        extract: Extract | None = None,
    ) -> Iterator[Progress]:
        """Ingest files and folders, yielding progress; the definition follows at the end.

        Without `extract`, one child process reads every file of the batch, each under a
        time and memory limit. The file list is synced even when the batch stops early.
        Knowledge indexed without vectors is rebuilt first once the GPT names an
        embedding model (and with no vectors once it names none), so that hybrid search
        starts working as soon as a model is chosen.
        """
        gpt = self._store.gpts.get(gpt_id)
        settings = gpt.definition.knowledge
        with contextlib.ExitStack() as stack:
            if extract is None:
                extract = stack.enter_context(IsolatedExtractor()).extract
            ingestor = self.ingestor(settings.embedding_model, extract)
            try:
                if self._needs_rebuild(gpt.id, bool(settings.embedding_model)):
                    yield from ingestor.rebuild(gpt.id, settings, cancel)
                yield from ingestor.add(gpt.id, paths, settings, password, cancel)
            finally:
                self.sync(gpt.id)

    def rebuild(
        self, gpt_id: str, cancel: CancelToken | None = None, extract: Extract | None = None
    ) -> Iterator[Progress]:
        """Index every file again from its stored original, yielding progress.

        The GPT's settings now apply (chunk size, embedding model); the definition follows.
        """
        gpt = self._store.gpts.get(gpt_id)
        settings = gpt.definition.knowledge
        with contextlib.ExitStack() as stack:
            if extract is None:
                extract = stack.enter_context(IsolatedExtractor()).extract
            try:
                yield from self.ingestor(settings.embedding_model, extract).rebuild(
                    gpt.id, settings, cancel
                )
            finally:
                self.sync(gpt.id)

    def _needs_rebuild(self, gpt_id: str, embedding: bool) -> bool:
        indexed = self._index.count(gpt_id) > 0
        return indexed and self._index.has_vectors(gpt_id) != embedding

    def remove(self, gpt_id: str, file_id: str) -> KnowledgeFile:
        """Remove a file and its chunks; the definition follows."""
        gpt = self._store.gpts.get(gpt_id)
        try:
            record = self.ingestor("", _no_extract).remove(gpt.id, file_id)
        except errors.NotFoundError as exc:
            raise errors.NotFoundError(
                exc.message, errors.do(errors.Do.LIST_KNOWLEDGE, gpt_id=gpt.id)
            ) from None
        self.sync(gpt.id)
        return record

    def search(
        self, gpt_id: str, query: str, k: int | None = None, rerank: bool | None = None
    ) -> list[dict[str, Any]]:
        """The chunks the GPT's retrieval would find, JSON-ready, each with its file's name.

        `rerank` False skips the GPT's reranker, True without one set is an error; None
        does what the GPT does.

        Raises:
            errors.ValidationError: `rerank` is True and the GPT names no reranker.
        """
        settings = self._store.gpts.get(gpt_id).definition.knowledge
        if rerank and not settings.rerank_model:
            raise errors.ValidationError(
                "This GPT has no reranker set: choose a reranker model in its knowledge "
                "settings first.",
                action=errors.do(errors.Do.SET_KNOWLEDGE_MODEL, gpt_id=gpt_id, role="rerank"),
            )
        reranker = self._reranker_for(settings.rerank_model) if rerank is not False else None
        found = search(
            self._index,
            gpt_id,
            query,
            k=k or settings.top_k,
            threshold=settings.score_threshold,
            embed=self._query_embed_for(settings.embedding_model),
            mode=settings.retrieval_mode,
            reranker=reranker,
            candidates=settings.rerank_candidates,
        )
        return named(self._store, (gpt_id,), found)

    def ingestor(self, embedding_model: str, extract: Extract) -> Ingestor:
        """An ingestor embedding with `embedding_model` (none when empty)."""
        embed = self._embed_for(embedding_model)
        return Ingestor(self._store, self._index, self._originals, extract, embed)

    def sync(self, gpt_id: str) -> None:
        """Record the ready files in the GPT's definition (a new version when they changed)."""
        gpt = self._store.gpts.get(gpt_id)
        files = [
            {"id": f.id, "name": f.name, "sha256": f.sha256, "size": f.size}
            for f in self._store.knowledge.list(gpt_id, "ready")
        ]
        definition = update_definition(gpt.definition, {"knowledge": {"files": files}})
        self._store.gpts.save(gpt_id, definition, note="knowledge files changed")


def _no_extract(path: Path, password: str | None, /, *, on_page: Any = None) -> Any:
    raise AssertionError("removing a file reads no file")
