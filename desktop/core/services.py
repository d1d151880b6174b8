"""The one composition root of core: every service, built on first use, closed at exit.

The CLI and the app both build from `Services`; the app adds only its Qt pieces. Heavy
libraries load with the first service that needs them: listing models never opens
the database, and the window shows before the toolbox, the knowledge index (LanceDB) or
llama.cpp are imported. Build and close on one thread (the GUI's, or the CLI's); the
services are then used from worker threads too.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property
from typing import TYPE_CHECKING, Any

from desktop.core import errors
from desktop.core.avatar import AvatarStore
from desktop.core.conversations import Conversations
from desktop.core.drafts import GptDrafts
from desktop.core.gpt import GptDefinition, validate_definition
from desktop.core.gpt_library import GptLibrary
from desktop.core.inventory import Inventory, take_inventory
from desktop.core.models.catalog import Catalog
from desktop.core.models.shelf import ModelShelf
from desktop.core.paths import Paths, default_paths
from desktop.core.providers.factory import ProviderFactory, preload_remote
from desktop.core.providers.local import LocalModels
from desktop.core.providers.profiles import Endpoints, split_reference
from desktop.core.readiness import ReadinessCheck
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.store import Store
from desktop.core.store.records import Gpt
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.base import ToolContext

if TYPE_CHECKING:
    from desktop.core.capsule.layout import ProviderEntry
    from desktop.core.capsule.service import Capsules
    from desktop.core.knowledge.index import KnowledgeIndex
    from desktop.core.knowledge.library import KnowledgeLibrary
    from desktop.core.knowledge.retrieval import KnowledgeRetriever
    from desktop.core.runs.toolbox import Toolbox

log = logging.getLogger(__name__)

Embedding = Any  # a LlamaEmbedder or a RemoteEmbedder: `embed(texts) -> vectors`


class Services:
    """Everything a front end needs, each built once, on first use.

    Args:
        paths: where data lives; by default the user's folders (or CAPSULE_STUDIO_HOME).
    """

    def __init__(self, paths: Paths | None = None) -> None:
        self._paths = paths

    @cached_property
    def paths(self) -> Paths:
        return self._paths or default_paths().ensure()

    @cached_property
    def store(self) -> Store:
        return Store(self.paths.database)

    @cached_property
    def drafts(self) -> GptDrafts:
        """Editing GPTs: drafts kept as the builder types, versions saved, restored."""
        return GptDrafts(self.store, self.secrets)

    @cached_property
    def settings(self) -> SettingsFile:
        return SettingsFile(self.paths.settings_file)

    @cached_property
    def secrets(self) -> Secrets:
        return Secrets(self.settings)

    @cached_property
    def endpoints(self) -> Endpoints:
        """The provider profiles, resolved with their keys."""
        return Endpoints(self.settings, self.secrets)

    @cached_property
    def local_models(self) -> LocalModels:
        return LocalModels(self.paths.model_dirs())

    @cached_property
    def models(self) -> ModelShelf:
        """The model library: local files, the catalog, imports, downloads and removal."""
        return ModelShelf(self.paths, self.local_models, self.settings)

    @cached_property
    def readiness(self) -> ReadinessCheck:
        """Whether GPTs can answer now (model there, key set), without loading anything."""
        return ReadinessCheck(self.local_models, self.settings)

    @cached_property
    def avatars(self) -> AvatarStore:
        return AvatarStore(self.paths.data / "avatars")

    @cached_property
    def gpt_library(self) -> GptLibrary:
        """Creating, duplicating (with knowledge) and deleting GPTs."""
        return GptLibrary(
            self.store,
            self.local_models,
            lambda: self.knowledge,
            lambda: self.settings.load().default_embedding_model,
        )

    def inventory(self, catalog: Catalog | None = None) -> Inventory:
        """What there is to start with: chat models, provider profiles, GPTs (reads disk)."""
        return take_inventory(self.models, self.settings, self.store, catalog)

    @cached_property
    def factory(self) -> ProviderFactory:
        return ProviderFactory(self.local_models, self.endpoints)

    @cached_property
    def thread_files(self) -> ThreadFiles:
        return ThreadFiles(self.paths.threads)

    @cached_property
    def toolbox(self) -> LazyToolbox:
        return LazyToolbox(self.paths, self.secrets, self.factory)

    @cached_property
    def engine(self) -> RunEngine:
        """The run engine, with the toolbox and the knowledge retriever; recovers old runs."""
        engine = RunEngine(
            self.store, self.factory, tools_for=self.toolbox, retriever=self._retrieve
        )
        recovered = engine.recover()
        if recovered:
            log.info("marked %d run(s) interrupted by an earlier crash", len(recovered))
        return engine

    def new_gpt(self, fields: dict[str, Any], note: str = "created") -> Gpt:
        """Create a GPT from `fields`, with the user's defaults where `fields` says nothing.

        The default is the embedding model chosen in settings (`default_embedding_model`).

        Raises:
            errors.ValidationError: the fields do not make a valid GPT.
        """
        return self.gpt_library.create(validate_definition(fields), note=note)

    @cached_property
    def conversations(self) -> Conversations:
        """Threads as the chat uses them: rename, trash, search, export, attachments."""
        return Conversations(
            self.store,
            self.thread_files,
            knowledge=lambda: self.knowledge,
            end_thread=self.toolbox.end_thread,
            views=self.paths.cache / "views",
        )

    # -- knowledge ----------------------------------------------------------------------------

    @cached_property
    def index(self) -> KnowledgeIndex:
        from desktop.core.knowledge.index import KnowledgeIndex  # noqa: PLC0415 (LanceDB)

        return KnowledgeIndex(self.paths.data / "lance")

    @cached_property
    def retriever(self) -> KnowledgeRetriever:
        from desktop.core.knowledge.retrieval import KnowledgeRetriever  # noqa: PLC0415

        return KnowledgeRetriever(self.store, self.index, self.query_embedder, self.reranker)

    @cached_property
    def knowledge(self) -> KnowledgeLibrary:
        """Adding, removing and searching a GPT's files, its definition kept in step."""
        from desktop.core.knowledge.library import KnowledgeLibrary  # noqa: PLC0415

        return KnowledgeLibrary(
            self.store,
            self.index,
            self.paths.data / "knowledge",
            self.embedder,
            self.query_embedder,
            self.reranker,
        )

    def _retrieve(
        self, definition: GptDefinition, gpt_id: str, thread_id: str, query: str
    ) -> list[dict[str, Any]]:
        """The engine's retriever; the index opens only when a GPT with knowledge runs."""
        return self.retriever(definition, gpt_id, thread_id, query)

    def embedding(self, model: str) -> Embedding | None:
        """The embedder a knowledge setting names: none, a profile's model, or a local GGUF.

        Raises:
            errors.ModelError: a local model that makes no embeddings.
        """
        if not model:
            return None
        profile, model_id = split_reference(model, self.settings.load())
        if profile is not None:
            return self.factory.remote_embedder(profile, model_id)
        local = self.local_models.resolve(model)
        if local.info is not None and not local.info.embedding:
            raise errors.ModelError(
                errors.said(
                    "{model} is not an embedding model; pick one whose GGUF sets a pooling type.",
                    model=local.id,
                )
            )
        return self.factory.embedder(local)

    def embedder(self, model: str) -> Any:
        """How to embed texts for ingestion with `model`, or None without one."""
        found = self.embedding(model)
        return found.embed if found is not None else None

    def query_embedder(self, model: str) -> Any:
        """How to embed one query with `model`, or None without one."""
        found = self.embedding(model)
        return (lambda query: found.embed([query])[0]) if found is not None else None

    def reranker(self, model: str) -> Any:
        """The `LlamaReranker` for a local reranker GGUF that a knowledge setting names.

        None for no model. Rerankers run in the model host; remote rerank APIs differ too
        much from each other to be one provider (none is OpenAI-compatible).

        Raises:
            errors.ModelNotFoundError: no such local model.
        """
        if not model:
            return None
        return self.factory.reranker(self.local_models.resolve(model))

    def warm_up(self) -> None:
        """Import what a first search or remote answer needs (any thread but a GUI's).

        The knowledge index's LanceDB and the OpenAI client each take hundreds of
        milliseconds to import: a window calls this while it is idle after start, not
        when the user is waiting on a click (see `core/lazy.py`).
        """
        from desktop.core.knowledge.index import preload  # noqa: PLC0415 (LanceDB)

        preload()
        if self.settings.load().providers:
            preload_remote()

    # -- capsules ------------------------------------------------------------------------------

    @cached_property
    def capsules(self) -> Capsules:
        """Export, inspect and import capsules and other apps' files; signing and trust."""
        from desktop.core.capsule.service import Capsules  # noqa: PLC0415 (crypto, zip)

        return Capsules(
            self.store,
            lambda: self.index,
            self.paths,
            self.settings,
            self.secrets,
            self.embedder,
            lambda: [m.id for m in self.local_models.list() if m.info is not None],
            self.model_problem,
            self.avatars,
        )

    def model_problem(
        self, definition: GptDefinition, providers: list[ProviderEntry]
    ) -> str | None:
        """Why `definition`'s model will not answer on this machine, or None when it will.

        `providers` are profiles about to be added (by an import) besides those in settings.
        """
        provider = definition.model.provider
        if provider == "local":
            try:
                self.local_models.resolve(definition.model.model)
            except errors.ModelError as exc:
                return errors.said(
                    "Its model will not answer here yet: {reason}", reason=exc.message
                )
            return None
        known = set(self.settings.load().providers) | {p.name for p in providers}
        if provider not in known:
            return errors.said(
                "It answers through the provider profile '{provider}', which is not set up "
                "here: add that profile, or choose another model.",
                provider=provider,
            )
        return None

    # -- the end ------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop kernels, free loaded models, then close the database (what was built)."""
        built = self.__dict__
        try:
            if "toolbox" in built:
                self.toolbox.close()
            if "factory" in built:
                self.factory.close()
        finally:
            if "store" in built:
                self.store.close()


class LazyToolbox:
    """The engine's `tools_for`, built on the first run's first call.

    The tools' libraries (YAML, JSON Schema, Jupyter, Pillow, trafilatura) cost about
    200 ms that a window or a `capsule` command should not wait for.
    """

    def __init__(self, paths: Paths, secrets: Secrets, factory: ProviderFactory) -> None:
        self._paths = paths
        self._secrets = secrets
        self._factory = factory
        self._box: Toolbox | None = None
        self._lock = threading.Lock()

    def __call__(self, definition: GptDefinition, context: ToolContext) -> ToolRegistry:
        return self.box()(definition, context)

    def box(self) -> Toolbox:
        from desktop.core.runs.toolbox import Toolbox, capabilities  # noqa: PLC0415

        with self._lock:
            if self._box is None:
                self._box = Toolbox(
                    self._secrets, capabilities=capabilities(self._paths, self._factory)
                )
            return self._box

    def end_thread(self, thread_id: str) -> None:
        """Stop the thread's code kernel; nothing to do if no run built the tools yet."""
        with self._lock:
            box = self._box
        if box is not None:
            box.end_thread(thread_id)

    def close(self) -> None:
        """Stop kernels and close the tools' HTTP clients, if a run ever built them."""
        with self._lock:
            box, self._box = self._box, None
        if box is not None:
            box.close()
