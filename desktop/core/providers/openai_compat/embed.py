"""Text embeddings from a remote OpenAI-compatible `/embeddings` endpoint."""

from __future__ import annotations

import math
from typing import Any

from desktop.core import errors
from desktop.core.providers.endpoint import Endpoint
from desktop.core.providers.openai_compat.client import ClientPool
from desktop.core.providers.openai_compat.failures import guarded

BATCH = 64  # texts per request: well under every documented per-request limit


class RemoteEmbedder:
    """Embeds texts through the endpoint, `batch_size` per request, L2-normalised, in order."""

    def __init__(
        self,
        endpoint: Endpoint,
        model: str,
        *,
        batch_size: int = BATCH,
        clients: ClientPool | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.model = model
        self._batch = max(1, batch_size)
        self._clients = clients or ClientPool()
        self._owns_clients = clients is None

    @property
    def name(self) -> str:
        return f"{self.endpoint.profile}:{self.model}"

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One unit-length vector per text, in the order given; raises typed errors."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch):
            # Some servers refuse empty input; a blank embeds the same either way.
            batch = [t if t.strip() else " " for t in texts[start : start + self._batch]]
            vectors.extend(self._embed_batch(batch))
        return vectors

    def dimensions(self) -> int:
        return len(self.embed(["dimension probe"])[0])

    def close(self) -> None:
        if self._owns_clients:
            self._clients.close()

    def _embed_batch(self, batch: list[str]) -> list[list[float]]:
        client = self._clients.get(self.endpoint)
        response = guarded(
            lambda: client.embeddings.create(
                model=self.model, input=batch, encoding_format="float"
            ),
            self.endpoint,
            model=self.model,
            operation="embeddings",
        )
        return _vectors(getattr(response, "data", None), len(batch), self.endpoint.label)


def _vectors(data: Any, expected: int, label: str) -> list[list[float]]:
    """The vectors in `data`, ordered by each item's `index`, checked and normalised."""

    def bad(what: str) -> errors.ProviderResponseError:
        return errors.ProviderResponseError(
            errors.said(
                "{label} returned unusable embeddings ({what}). Check that the model is an "
                "embedding model.",
                label=label,
                what=what,
            )
        )

    if not isinstance(data, list) or len(data) != expected:
        count = len(data) if isinstance(data, list) else 0
        raise bad(f"{count} vectors for {expected} texts")
    ordered: dict[int, list[float]] = {}
    for position, item in enumerate(data):
        index = getattr(item, "index", None)
        index = index if isinstance(index, int) and not isinstance(index, bool) else position
        vector = getattr(item, "embedding", None)
        try:
            ordered[index] = [float(x) for x in vector]  # type: ignore[union-attr]
        except (TypeError, ValueError):
            raise bad(f"item {position} is not a list of numbers") from None
    if sorted(ordered) != list(range(expected)):
        raise bad("the indexes do not match the texts")
    width = len(ordered[0])
    if width == 0 or any(len(v) != width for v in ordered.values()):
        raise bad("the vectors differ in length")
    return [_normalised(ordered[i], bad) for i in range(expected)]


def _normalised(vector: list[float], bad: Any) -> list[float]:
    norm = math.sqrt(math.fsum(x * x for x in vector))
    if not math.isfinite(norm):
        raise bad("a vector holds values that are not finite")
    return [x / norm for x in vector] if norm > 0 else vector
