"""Relevance scores from a local GGUF reranker, computed in its host process."""

from __future__ import annotations

from desktop.core.cancel import CancelToken
from desktop.core.providers.llama import wire
from desktop.core.providers.llama.host import LlamaHost, LoadSettings
from desktop.core.providers.local import LocalModel

REQUEST_DOCUMENTS = 64  # documents per request to the host (it scores them in batches)


class LlamaReranker:
    """Scores documents against a query with a cross-encoder or reranker GGUF.

    The model loads with rank pooling in its own host; it is loaded on first use and
    stays loaded like any other model of the host. Call from a worker thread: a call
    blocks until the host answers.
    """

    def __init__(self, host: LlamaHost, model: LocalModel, context_size: int = 2048) -> None:
        self._host = host
        self._model = model
        self._settings = LoadSettings(context_size=context_size, rerank=True)

    @property
    def name(self) -> str:
        return f"local:{self._model.id}"

    def scores(
        self, query: str, documents: list[str], cancel: CancelToken | None = None
    ) -> list[float]:
        """One score per document, in order; higher means more relevant to `query`.

        Raises:
            errors.ModelError: the model is no reranker, or llama.cpp failed.
            errors.ModelCrashedError: the host died.
            errors.CancelledError: `cancel` was set.
        """
        process = self._host.acquire(self._model, self._settings)
        found: list[float] = []
        for start in range(0, len(documents), REQUEST_DOCUMENTS):
            part = documents[start : start + REQUEST_DOCUMENTS]
            found.extend(process.call(wire.RERANK, (query, part), cancel))
        return found
