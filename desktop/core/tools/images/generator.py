"""What image generation needs from a backend; adapters meet it by shape, not by import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class GeneratedImage(Protocol):
    """One image as the backend sent it: bytes not yet checked, and the revised prompt."""

    @property
    def data(self) -> bytes: ...

    @property
    def revised_prompt(self) -> str | None: ...


class ImageGenerator(Protocol):
    """Makes images from a prompt. `generate` blocks (minutes, at worst) on the caller's thread.

    `sizes` and `qualities` are the values the model is known to take as they are (empty:
    unknown, or none); the tool offers them to the model to choose from.
    """

    @property
    def sizes(self) -> tuple[str, ...]: ...

    @property
    def qualities(self) -> tuple[str, ...]: ...

    def generate(
        self, prompt: str, *, size: str, quality: str, count: int = 1
    ) -> Sequence[GeneratedImage]:
        """Up to `count` images; raises typed errors (`errors.ProviderError` and kin)."""
        ...
