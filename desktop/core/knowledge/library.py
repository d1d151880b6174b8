"""A GPT's knowledge as the front ends use it: add files, remove them, search them.

Adding or removing files keeps the GPT's definition in step (its `knowledge.files` lists
the ready files, and the engine searches only GPTs that have some), so no front end has a
list to sync. Called on a worker thread (the GUI's) or the CLI's main thread.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.gpt import KnowledgeSettings, update_definition
from desktop.core.knowledge.copy import CopyProgress, copy_knowledge
from desktop.core.knowledge.extract import IsolatedExtractor
from desktop.core.knowledge.ingest import Embed, Extract, Ingestor, Progress
from desktop.core.knowledge.retrieval import RerankerFor, named, no_reranker
from desktop.core.knowledge.search import Embed as EmbedQuery
from desktop.core.knowledge.search import search
from desktop.core.store import Store
from desktop.core.store.knowledge import KnowledgeFile

if TYPE_CHECKING:
    from desktop.core.knowledge.index import KnowledgeIndex

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
        settings: KnowledgeSettings | None = None,
    ) -> Iterator[Progress]:
        """Ingest files and folders, yielding progress; the definition follows at the end.

        Without `extract`, one child process reads every file of the batch, each under a
        time and memory limit. The file list is synced even when the batch stops early.
        Knowledge indexed without vectors is rebuilt first once the GPT names an
        embedding model (and with no vectors once it names none), so that hybrid search
        starts working as soon as a model is chosen. `settings` (a form's unsaved edits)
        stand in for the saved chunking; see `_chosen`.
        """
        gpt = self._store.gpts.get(gpt_id)
        settings = _chosen(gpt.definition.knowledge, settings)
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

    def reindex(
        self,
        gpt_id: str,
        file_ids: Iterable[str],
        cancel: CancelToken | None = None,
        settings: KnowledgeSettings | None = None,
    ) -> Iterator[Progress]:
        """Index some files again from their stored originals, yielding progress.

        For new chunking, or another try at a file that failed; the definition follows
        at the end, even when the batch stops early. When the index and the GPT's
        embedding model disagree (vectors without a model, or none with one), every file
        is indexed again instead, as `rebuild` does: one table holds one kind of vector.
        """
        gpt = self._store.gpts.get(gpt_id)
        settings = _chosen(gpt.definition.knowledge, settings)
        wanted = set(file_ids)
        records = [r for r in self._store.knowledge.list(gpt.id) if r.id in wanted]
        with IsolatedExtractor() as extractor:
            ingestor = self.ingestor(settings.embedding_model, extractor.extract)
            try:
                if self._needs_rebuild(gpt.id, bool(settings.embedding_model)):
                    yield from ingestor.rebuild(gpt.id, settings, cancel)
                else:
                    yield from ingestor.reindex(gpt.id, records, settings, cancel)
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

    def copy(
        self, source: str, target: str, cancel: CancelToken | None = None
    ) -> Iterator[CopyProgress]:
        """Copy `source`'s files and chunks into `target`; the target's definition follows.

        Reuses the stored originals and the index: nothing is read from the user's files.
        """
        self._store.gpts.get(source)
        self._store.gpts.get(target)
        yield from copy_knowledge(self._store, self._index, source, target, cancel)
        self.sync(target)

    # -- a thread's own knowledge (files attached to its messages for search) ----------------

    def attach(
        self,
        thread_id: str,
        paths: Iterable[Path],
        cancel: CancelToken | None = None,
        extract: Extract | None = None,
    ) -> Iterator[Progress]:
        """Ingest files into a thread's knowledge, with its GPT's settings; yields progress.

        Runs find them with the GPT's own knowledge; the GPT's definition does not change.
        """
        thread = self._store.threads.get(thread_id)
        settings = self._store.gpts.get(thread.gpt_id).definition.knowledge
        with contextlib.ExitStack() as stack:
            if extract is None:
                extract = stack.enter_context(IsolatedExtractor()).extract
            ingestor = self.ingestor(settings.embedding_model, extract)
            yield from ingestor.add(thread.id, paths, settings, None, cancel)

    def forget(self, owner: str) -> int:
        """Remove every file of an owner's knowledge (a thread being deleted); how many."""
        ingestor = self.ingestor("", _no_extract)
        files = self._store.knowledge.list(owner)
        for file in files:
            ingestor.remove(owner, file.id)
        self._index.drop(owner)
        return len(files)

    def viewable(self, file_id: str, folder: Path) -> Path:
        """A copy of a knowledge file under its own name in `folder`, for a system viewer."""
        record = self._store.knowledge.get(file_id)
        original = self.ingestor("", _no_extract).original(record)
        if not original.is_file():
            raise errors.NotFoundError(
                errors.said(
                    "The original of {name} is gone; add the file to the knowledge again.",
                    name=record.name,
                ),
                errors.do(errors.Do.LIST_KNOWLEDGE),
            )
        target = folder / record.id / Path(record.name).name
        if not target.is_file() or target.stat().st_size != record.size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, target)
        return target

    def search(
        self,
        gpt_id: str,
        query: str,
        k: int | None = None,
        rerank: bool | None = None,
        settings: KnowledgeSettings | None = None,
    ) -> list[dict[str, Any]]:
        """The chunks the GPT's retrieval would find, JSON-ready, each with its file's name.

        `rerank` False skips the GPT's reranker, True without one set is an error; None
        does what the GPT does. `settings` (a form's unsaved edits) stand in for the saved
        top-k, threshold and mode; see `_chosen`.

        Raises:
            errors.ValidationError: `rerank` is True and the GPT names no reranker.
        """
        settings = _chosen(self._store.gpts.get(gpt_id).definition.knowledge, settings)
        if rerank and not settings.rerank_model:
            raise errors.ValidationError(
                errors.said(
                    "This GPT has no reranker set: choose a reranker model in its knowledge "
                    "settings first."
                ),
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


def _chosen(saved: KnowledgeSettings, given: KnowledgeSettings | None) -> KnowledgeSettings:
    """The settings to index or search with: `given` where set, with the saved models.

    The embedding and reranker models stay the saved version's: the engine embeds its
    queries with those, so an index built with a draft's model would not match them.
    """
    if given is None:
        return saved
    return given.model_copy(
        update={"embedding_model": saved.embedding_model, "rerank_model": saved.rerank_model}
    )


def _no_extract(path: Path, password: str | None, /, *, on_page: Any = None) -> Any:
    raise AssertionError("removing a file reads no file")
