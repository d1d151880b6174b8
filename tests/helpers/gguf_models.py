"""Session-wide tiny GGUF files (built once per test session)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.tiny_gguf import TinySpec, build_tiny_gguf


def ensure_tiny(folder: Path, name: str = "tiny-chat.gguf", spec: TinySpec | None = None) -> Path:
    path = folder / name
    if not path.exists():
        build_tiny_gguf(path, spec or TinySpec())
    return path
