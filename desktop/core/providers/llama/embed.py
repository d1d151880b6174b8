"""Text embeddings from a local GGUF embedding model, computed in its host process."""

from __future__ import annotations

from desktop.core.providers.llama import wire
from desktop.core.providers.llama.host import LlamaHost, LoadSettings
from desktop.core.providers.local import LocalModel

REQUEST_TEXTS = 256  # texts per request to the host (it embeds them in smaller batches)


class LlamaEmbedder:
    """Embeds texts with the model's own pooling (from its GGUF metadata), L2-normalised.

    Models without a pooling type give one vector per token; the host mean-pools those.
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
        process = self._host.acquire(self._model, self._settings)
        vectors: list[list[float]] = []
        for start in range(0, len(texts), REQUEST_TEXTS):
            vectors.extend(process.call(wire.EMBED, texts[start : start + REQUEST_TEXTS]))
        return vectors

    def dimensions(self) -> int:
        return len(self.embed(["dimension probe"])[0])
