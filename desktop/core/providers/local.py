"""Local GGUF models: discovery in the model folders, ids, and resolving a GPT's model.

A model's id is its file name without `.gguf`, lower-cased (`qwen2.5-0.5b-instruct-q4_k_m`).
Discovery reads each file's metadata (cached by path, size and modification time) and
lists broken files with the reason instead of failing the whole listing.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.providers.gguf_info import GgufInfo, read_gguf_info

_SPLIT_PART = re.compile(r"-(\d{5})-of-(\d{5})$")


@dataclass(frozen=True)
class LocalModel:
    """A GGUF file found on disk: its id, and either its metadata or why it is unusable."""

    id: str
    path: Path
    info: GgufInfo | None
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "path": str(self.path), "problem": self.problem}
        if self.info is not None:
            data.update(self.info.to_dict())
            data["has_chat_template"] = self.info.chat_template is not None
            data.pop("chat_template")
        else:
            data["file_size"] = self.path.stat().st_size if self.path.exists() else 0
        return data


def model_id(path: Path) -> str:
    return _SPLIT_PART.sub("", path.stem).lower()


class LocalModels:
    """The GGUF files in the model folders. Thread-safe; metadata is cached."""

    def __init__(self, folders: list[Path]) -> None:
        self._folders = folders
        self._cache: dict[tuple[str, int, int], LocalModel] = {}
        self._lock = threading.Lock()

    @property
    def folders(self) -> list[Path]:
        return list(self._folders)

    def _files(self) -> list[Path]:
        found: list[Path] = []
        for folder in self._folders:
            if folder.is_dir():
                found.extend(
                    sorted(
                        p for p in folder.rglob("*") if p.suffix.lower() == ".gguf" and p.is_file()
                    )
                )
        # Only the first part of a split model is a model; the others are its data.
        return [p for p in found if not (m := _SPLIT_PART.search(p.stem)) or m.group(1) == "00001"]

    def list(self) -> list[LocalModel]:
        """Every GGUF file found, in folder order; duplicate ids get a numeric suffix."""
        models: list[LocalModel] = []
        seen: set[str] = set()
        for path in self._files():
            base = model_id(path)
            ident, n = base, 2
            while ident in seen:
                ident, n = f"{base}-{n}", n + 1
            seen.add(ident)
            models.append(self._describe(path, ident))
        return models

    def _describe(self, path: Path, ident: str) -> LocalModel:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None and cached.id == ident:
            return cached
        try:
            model = LocalModel(ident, path, read_gguf_info(path))
        except errors.ModelFileError as exc:
            model = LocalModel(ident, path, None, exc.message)
        with self._lock:
            self._cache[key] = model
        return model

    def resolve(self, reference: str) -> LocalModel:
        """A model by id or by path to a .gguf file.

        Raises:
            errors.NoModelError: `reference` is empty.
            errors.ModelNotFoundError: no such id, and no such file.
            errors.ModelFileError: the file exists but is not a usable GGUF.
        """
        reference = reference.strip()
        if not reference:
            raise self._no_model()
        path = Path(reference).expanduser()
        if path.suffix.lower() == ".gguf" or path.is_file():
            if not path.is_file():
                raise errors.ModelNotFoundError(
                    errors.said("Model file not found: {path}", path=path)
                )
            model = self._describe(path.resolve(), model_id(path))
            if model.info is None:
                raise errors.ModelFileError(
                    model.problem or errors.said("{name} cannot be used.", name=path.name)
                )
            return model
        for model in self.list():
            if model.id == reference.lower():
                if model.info is None:
                    raise errors.ModelFileError(
                        errors.said(
                            "Model '{model}' cannot be used: {problem}",
                            model=model.id,
                            problem=model.problem,
                        )
                    )
                return model
        known = ", ".join(m.id for m in self.list() if m.info)
        if known:
            message = errors.said(
                "Unknown model '{reference}'. Local models: {known}. Give one of their ids or "
                "the path to a .gguf file.",
                reference=reference,
                known=known,
            )
        else:
            message = errors.said(
                "Unknown model '{reference}'. Local models: none found. Give one of their ids "
                "or the path to a .gguf file.",
                reference=reference,
            )
        raise errors.ModelNotFoundError(message, errors.do(errors.Do.LIST_MODELS))

    def _no_model(self) -> errors.NoModelError:
        usable = [m.id for m in self.list() if m.info]
        if usable:
            return errors.NoModelError(
                errors.said(
                    "No model selected for this GPT: choose one (local models: {models}).",
                    models=", ".join(usable),
                ),
                errors.do(errors.Do.CHOOSE_MODEL),
            )
        folders = " or ".join(str(f) for f in self._folders)
        return errors.NoModelError(
            errors.said(
                "No model selected and no local model found: drop a .gguf file into "
                "{folders}, download one from the catalog, or add a remote provider.",
                folders=folders,
            ),
            errors.do(errors.Do.SHOW_CATALOG),
        )
