"""Turns a GPT's model settings into a provider: the one place that picks a backend."""

from __future__ import annotations

from typing import Any

from desktop.core import errors
from desktop.core.gpt import ModelSettings
from desktop.core.providers.base import Provider
from desktop.core.providers.local import LocalModel, LocalModels


class ProviderFactory:
    """Builds providers for model settings; holds the local model host (lazily)."""

    def __init__(self, local_models: LocalModels, max_resident: int = 1) -> None:
        self.local_models = local_models
        self._max_resident = max_resident
        self._host: object | None = None

    def __call__(self, settings: ModelSettings) -> Provider:
        if settings.provider != "local":
            raise errors.ModelNotFoundError(
                f"Unknown provider '{settings.provider}'. Use a local model (a model id from "
                "`capsule models list`, or a path to a .gguf file)."
            )
        model = self.local_models.resolve(settings.model)
        # Imported here so that starting the app or the CLI does not load llama.cpp.
        from desktop.core.providers.llama import (  # noqa: PLC0415
            LlamaHost,
            LlamaProvider,
            LoadSettings,
        )

        if self._host is None:
            self._host = LlamaHost(max_resident=self._max_resident)
        assert isinstance(self._host, LlamaHost)
        load = LoadSettings(
            context_size=settings.context_size,
            gpu_layers=settings.gpu_layers,
            threads=settings.threads,
            seed=settings.seed,
        )
        return LlamaProvider(self._host, model, load)

    def embedder(self, model: LocalModel) -> Any:
        """A `LlamaEmbedder` for a local embedding model (sharing this factory's host)."""
        from desktop.core.providers.llama import LlamaEmbedder, LlamaHost  # noqa: PLC0415

        if self._host is None:
            self._host = LlamaHost(max_resident=self._max_resident)
        assert isinstance(self._host, LlamaHost)
        return LlamaEmbedder(self._host, model)

    def close(self) -> None:
        """Free loaded models (at exit)."""
        host = self._host
        self._host = None
        if host is not None:
            host.close()  # type: ignore[attr-defined]
