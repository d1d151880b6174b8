"""Turns a GPT's model settings into a provider: the one place that picks a backend."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core import errors
from desktop.core.gpt import ModelSettings
from desktop.core.lazy import import_quietly
from desktop.core.providers.base import Provider
from desktop.core.providers.llama.chat import LlamaProvider
from desktop.core.providers.llama.embed import LlamaEmbedder
from desktop.core.providers.llama.host import LlamaHost, LoadSettings
from desktop.core.providers.llama.rerank import LlamaReranker
from desktop.core.providers.local import LocalModel, LocalModels

if TYPE_CHECKING:
    from desktop.core.providers.endpoint import Endpoint
    from desktop.core.providers.openai_compat import ClientPool, RemoteEmbedder, RemoteImages


# A local model's window when the GPT sets none: enough for chat with a few excerpts, and
# small enough that its KV cache fits next to a 7B model on an 8 GB machine.
DEFAULT_LOCAL_CONTEXT = 4096


class ProviderFactory:
    """Builds providers for model settings; holds the local model host (lazily).

    Remote providers share one client per endpoint, so their HTTP connections are reused
    from run to run; a changed key or URL makes a new endpoint, hence a new client.
    """

    def __init__(
        self,
        local_models: LocalModels,
        endpoints: Callable[[str], Endpoint] | None = None,
        max_resident: int = 1,
    ) -> None:
        self.local_models = local_models
        self._endpoints = endpoints
        self._max_resident = max_resident
        self._host: LlamaHost | None = None
        self._clients: ClientPool | None = None

    def __call__(self, settings: ModelSettings) -> Provider:
        if settings.provider != "local":
            return self._remote_provider(settings)
        model = self.local_models.resolve(settings.model)
        load = LoadSettings(
            context_size=settings.context_size or DEFAULT_LOCAL_CONTEXT,
            gpu_layers=settings.gpu_layers,
            threads=settings.threads,
            seed=settings.seed,
        )
        return LlamaProvider(self._local_host(), model, load)

    @staticmethod
    def prepare(settings: ModelSettings) -> None:
        """Import what a provider for `settings` needs, ahead of its first run (any thread).

        The OpenAI client's import builds hundreds of pydantic validators while holding
        Python's GIL: done on a worker as a chat opens, it no longer stalls the window at
        the first answer's first token.
        """
        if settings.provider != "local":
            preload_remote()

    def _remote_provider(self, settings: ModelSettings) -> Provider:
        preload_remote()  # a first remote answer on a worker: see core/lazy.py
        from desktop.core.providers.openai_compat import RemoteProvider  # noqa: PLC0415

        window = settings.context_size  # None: the profile's, else the provider's default
        endpoint = self._endpoint(settings.provider)
        return RemoteProvider(endpoint, settings.model, window, clients=self._client_pool())

    def remote_embedder(self, profile: str, model: str) -> RemoteEmbedder:
        """An embedder for `model` served by the provider profile `profile`."""
        from desktop.core.providers.openai_compat import RemoteEmbedder  # noqa: PLC0415

        return RemoteEmbedder(self._endpoint(profile), model, clients=self._client_pool())

    def remote_images(self, profile: str, model: str) -> RemoteImages:
        """An image generator for `model` (empty: the server's default) of profile `profile`."""
        from desktop.core.providers.openai_compat import RemoteImages  # noqa: PLC0415

        return RemoteImages(self._endpoint(profile), model, clients=self._client_pool())

    def _client_pool(self) -> ClientPool:
        from desktop.core.providers.openai_compat import ClientPool  # noqa: PLC0415

        if self._clients is None:
            self._clients = ClientPool()
        return self._clients

    def _endpoint(self, profile: str) -> Endpoint:
        if self._endpoints is None:
            raise errors.UnknownProfileError(
                errors.said(
                    "Unknown provider '{profile}'. Use a local model (one of the local models, "
                    "or a path to a .gguf file).",
                    profile=profile,
                ),
                errors.do(errors.Do.LIST_MODELS),
            )
        return self._endpoints(profile)

    def embedder(self, model: LocalModel) -> LlamaEmbedder:
        """A `LlamaEmbedder` for a local embedding model (sharing this factory's hosts)."""
        return LlamaEmbedder(self._local_host(), model)

    def reranker(self, model: LocalModel) -> LlamaReranker:
        """A `LlamaReranker` for a local reranker GGUF (sharing this factory's hosts)."""
        return LlamaReranker(self._local_host(), model)

    def _local_host(self) -> LlamaHost:
        if self._host is None:
            self._host = LlamaHost(max_resident=self._max_resident)
        return self._host

    def close(self) -> None:
        """Free loaded models (at exit)."""
        if self._clients is not None:
            self._clients.close()
            self._clients = None
        host = self._host
        self._host = None
        if host is not None:
            host.close()


def preload_remote() -> None:
    """Import the remote providers' stack (the OpenAI client) now; any thread."""
    import_quietly("desktop.core.providers.openai_compat")
