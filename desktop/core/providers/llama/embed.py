"""Text embeddings from a local GGUF embedding model, through llama.cpp."""

from __future__ import annotations

import math
from typing import Any

from desktop.core import errors
from desktop.core.providers.llama.host import LlamaHost, LoadSettings
from desktop.core.providers.local import LocalModel

BATCH = 32  # texts per call on the model's worker


class LlamaEmbedder:
    """Embeds texts with the model's own pooling (from its GGUF metadata), L2-normalised.

    Models without a pooling type give one vector per token; those are mean-pooled here.
    """

    def __init__(self, host: LlamaHost, model: LocalModel, context_size: int = 2048) -> None:
        self._host = host
        self._model = model
        self._settings = LoadSettings(context_size=context_size, embedding=True)

    @property
    def name(self) -> str:
        return f"local:{self._model.id}"

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One unit-length vector per text, in order."""
        resident = self._host.acquire(self._model, self._settings)
        vectors: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            batch = [t if t.strip() else " " for t in texts[start : start + BATCH]]
            vectors.extend(resident.call(_embed_on_worker, resident.llm, batch))
        return vectors

    def dimensions(self) -> int:
        return len(self.embed(["dimension probe"])[0])


def _embed_on_worker(llm: Any, texts: list[str]) -> list[list[float]]:
    try:
        raw = llm.embed(texts, normalize=False, truncate=True)
    except (RuntimeError, ValueError) as exc:
        raise errors.ModelError(f"The embedding model failed: {exc}") from None
    return [_normalised(_pooled(item)) for item in raw]


def _pooled(item: Any) -> list[float]:
    if item and isinstance(item[0], list):  # per-token vectors: mean-pool them
        width = len(item[0])
        return [sum(token[i] for token in item) / len(item) for i in range(width)]
    return [float(x) for x in item]


def _normalised(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector] if norm > 0 else vector
