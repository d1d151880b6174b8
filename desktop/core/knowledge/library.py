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
from desktop.core.gpt import KnowledgeSettings, update_definition
from desktop.core.knowledge.extract import IsolatedExtractor
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Embed, Extract, Ingestor, Progress
from desktop.core.knowledge.retrieval import named
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
    ) -> None:
        self._store = store
        self._index = index
        self._originals = originals
        self._embed_for = embed_for
        self._query_embed_for = query_embed_for

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
        settings: KnowledgeSettings | None = None,
    ) -> Iterator[Progress]:
        """Ingest files and folders, yielding progress; the definition follows at the end.

        Without `extract`, one child process reads every file of the batch, each under a
        time and memory limit. The file list is synced even when the batch stops early.
        `settings` (chunking, embedding model) stand in for the saved ones, such as a
        form's unsaved edits.
        """
        gpt = self._store.gpts.get(gpt_id)
        settings = settings or gpt.definition.knowledge
        with contextlib.ExitStack() as stack:
            if extract is None:
                extract = stack.enter_context(IsolatedExtractor()).extract
            ingestor = self.ingestor(settings.embedding_model, extract)
            try:
                yield from ingestor.add(gpt.id, paths, settings, password, cancel)
            finally:
                self.sync(gpt.id)

    def reindex(
        self,
        gpt_id: str,
        file_ids: Iterable[str] | None = None,
        cancel: CancelToken | None = None,
        settings: KnowledgeSettings | None = None,
    ) -> Iterator[Progress]:
        """Index files again from their stored originals (all without `file_ids`).

        For new chunking or a new embedding model; a failed file gets another try. The
        definition's file list follows at the end, even when the batch stops early.
        """
        gpt = self._store.gpts.get(gpt_id)
        settings = settings or gpt.definition.knowledge
        records = self._store.knowledge.list(gpt.id)
        if file_ids is not None:
            wanted = set(file_ids)
            records = [r for r in records if r.id in wanted]
        with IsolatedExtractor() as extractor:
            ingestor = self.ingestor(settings.embedding_model, extractor.extract)
            try:
                yield from ingestor.reindex(gpt.id, records, settings, cancel)
            finally:
                self.sync(gpt.id)

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
        self,
        gpt_id: str,
        query: str,
        k: int | None = None,
        settings: KnowledgeSettings | None = None,
    ) -> list[dict[str, Any]]:
        """The chunks the GPT's retrieval would find, JSON-ready, each with its file's name.

        `settings` (top-k, threshold, mode, embedding model) stand in for the saved ones.
        """
        settings = settings or self._store.gpts.get(gpt_id).definition.knowledge
        found = search(
            self._index,
            gpt_id,
            query,
            k=k or settings.top_k,
            threshold=settings.score_threshold,
            embed=self._query_embed_for(settings.embedding_model),
            mode=settings.retrieval_mode,
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


def _no_extract(path: Path, password: str | None) -> Any:
    raise AssertionError("removing a file reads no file")
