"""A reranker that scores by a script: the first listed word a document holds wins."""

from __future__ import annotations


class ScriptedReranker:
    """Scores a document by the first of `preferred` it contains: earlier is better.

    Records every call, so a test can check what the reranker was shown.
    """

    def __init__(self, preferred: list[str]) -> None:
        self.preferred = preferred
        self.calls: list[tuple[str, list[str]]] = []

    @property
    def name(self) -> str:
        return "scripted"

    def scores(self, query: str, documents: list[str]) -> list[float]:
        self.calls.append((query, list(documents)))
        return [self._score(d) for d in documents]

    def _score(self, document: str) -> float:
        for place, word in enumerate(self.preferred):
            if word in document:
                return float(len(self.preferred) - place)
        return 0.0
