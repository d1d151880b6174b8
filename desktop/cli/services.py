"""The CLI's composition root: builds core services on first use, closes them at exit."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from desktop.core import errors
from desktop.core.gpt import GptDefinition, update_definition
from desktop.core.knowledge.extract import extract_isolated
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Embed, Extract, Ingestor
from desktop.core.knowledge.retrieval import KnowledgeRetriever
from desktop.core.paths import Paths, default_paths
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.local import LocalModels
from desktop.core.providers.profiles import Endpoints, split_reference
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.toolbox import Toolbox, capabilities
from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.store import Store
from desktop.core.threadfiles import ThreadFiles


class Services:
    """Everything a command may need, built lazily so `capsule models list` never opens the DB."""

    @cached_property
    def paths(self) -> Paths:
        return default_paths().ensure()

    @cached_property
    def store(self) -> Store:
        return Store(self.paths.database)

    @cached_property
    def settings(self) -> SettingsFile:
        return SettingsFile(self.paths.settings_file)

    @cached_property
    def secrets(self) -> Secrets:
        return Secrets(self.settings)

    @cached_property
    def endpoints(self) -> Endpoints:
        return Endpoints(self.settings, self.secrets)

    @cached_property
    def local_models(self) -> LocalModels:
        return LocalModels(self.paths.model_dirs())

    @cached_property
    def factory(self) -> ProviderFactory:
        return ProviderFactory(self.local_models, self.endpoints)

    @cached_property
    def thread_files(self) -> ThreadFiles:
        return ThreadFiles(self.paths.threads)

    @cached_property
    def toolbox(self) -> Toolbox:
        return Toolbox(self.secrets, capabilities=capabilities(self.paths, self.factory))

    @cached_property
    def engine(self) -> RunEngine:
        engine = RunEngine(
            self.store, self.factory, tools_for=self.toolbox, retriever=self._retrieve
        )
        engine.recover()
        return engine

    def _retrieve(
        self, definition: GptDefinition, gpt_id: str, thread_id: str, query: str
    ) -> list[dict[str, Any]]:
        """The engine's retriever; the index opens only for GPTs with knowledge."""
        return self.retriever(definition, gpt_id, thread_id, query)

    @cached_property
    def retriever(self) -> KnowledgeRetriever:
        return KnowledgeRetriever(self.store, self.index, self.query_embedder)

    @cached_property
    def index(self) -> KnowledgeIndex:
        return KnowledgeIndex(self.paths.data / "lance")

    def _embedder(self, model: str):  # type: ignore[no-untyped-def]
        if not model:
            return None
        profile, model_id = split_reference(model, self.settings.load())
        if profile is not None:
            return self.factory.remote_embedder(profile, model_id)
        local = self.local_models.resolve(model)
        if local.info is not None and not local.info.embedding:
            raise errors.ModelError(
                f"{local.id} is not an embedding model; pick one whose GGUF sets a pooling type."
            )
        return self.factory.embedder(local)

    def ingestor(self, embedding_model: str, extract: Extract = extract_isolated) -> Ingestor:
        embedder = self._embedder(embedding_model)
        embed: Embed | None = embedder.embed if embedder is not None else None
        return Ingestor(self.store, self.index, self.paths.data / "knowledge", extract, embed)

    def query_embedder(self, embedding_model: str):  # type: ignore[no-untyped-def]
        embedder = self._embedder(embedding_model)
        return (lambda query: embedder.embed([query])[0]) if embedder is not None else None

    def sync_knowledge_files(self, gpt_id: str) -> None:
        """Record the ready files in the GPT's definition (a new version when they changed)."""
        gpt = self.store.gpts.get(gpt_id)
        files = [
            {"id": f.id, "name": f.name, "sha256": f.sha256, "size": f.size}
            for f in self.store.knowledge.list(gpt_id, "ready")
        ]
        definition = update_definition(gpt.definition, {"knowledge": {"files": files}})
        self.store.gpts.save(gpt_id, definition, note="knowledge files changed")

    def close(self) -> None:
        if "toolbox" in self.__dict__:
            self.toolbox.close()
        if "factory" in self.__dict__:
            self.factory.close()
        if "store" in self.__dict__:
            self.store.close()
