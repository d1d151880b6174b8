"""The CLI's composition root: builds core services on first use, closes them at exit."""

from __future__ import annotations

from functools import cached_property

from desktop.core.paths import Paths, default_paths
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.local import LocalModels
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store


class Services:
    """Everything a command may need, built lazily so `capsule models list` never opens the DB."""

    @cached_property
    def paths(self) -> Paths:
        return default_paths().ensure()

    @cached_property
    def store(self) -> Store:
        return Store(self.paths.database)

    @cached_property
    def local_models(self) -> LocalModels:
        return LocalModels(self.paths.model_dirs())

    @cached_property
    def factory(self) -> ProviderFactory:
        return ProviderFactory(self.local_models)

    @cached_property
    def engine(self) -> RunEngine:
        engine = RunEngine(self.store, self.factory)
        engine.recover()
        return engine

    def close(self) -> None:
        if "factory" in self.__dict__:
            self.factory.close()
        if "store" in self.__dict__:
            self.store.close()
