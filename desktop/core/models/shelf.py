"""The user's models as the front ends use them: what is on disk, what a GPT may name, removal.

Which file a model id means, whether a catalog model is downloaded (or half-downloaded),
and whether a model reference a user typed names something real: decided here once, for
the CLI and the app. Called on any thread; reads the disk.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any

from desktop.core import errors
from desktop.core.models import library, storage
from desktop.core.models.catalog import CatalogEntry
from desktop.core.models.progress import ProgressCallback
from desktop.core.paths import Paths
from desktop.core.providers.local import LocalModel, LocalModels
from desktop.core.providers.profiles import split_reference
from desktop.core.settings import SettingsFile


@dataclass(frozen=True)
class CatalogState:
    """A catalog model on this machine: downloaded (where), or how much of it came so far."""

    path: Path | None
    partial_bytes: int

    @property
    def downloaded(self) -> bool:
        return self.path is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "downloaded": self.downloaded,
            "path": str(self.path) if self.path else None,
            "partial_bytes": self.partial_bytes,
        }


@dataclass(frozen=True)
class Suggestion:
    """The catalog model recommended for a use, and whether it is on this machine."""

    entry: CatalogEntry
    state: CatalogState

    @property
    def downloaded(self) -> bool:
        return self.state.downloaded

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.entry.to_dict(), **self.state.to_dict()}


class ModelShelf:
    """The model folders, their GGUF files, and the catalog's models among them."""

    def __init__(self, paths: Paths, local: LocalModels, settings: SettingsFile) -> None:
        self._paths = paths
        self._local = local
        self._settings = settings

    @property
    def folders(self) -> list[Path]:
        return self._paths.model_dirs()

    @property
    def user_folder(self) -> Path:
        """Where imports and downloads go."""
        return self._paths.user_models

    def list(self) -> list[LocalModel]:
        return self._local.list()

    def catalog_state(self, entry: CatalogEntry) -> CatalogState:
        found = next(
            (f / entry.file_name for f in self.folders if (f / entry.file_name).is_file()), None
        )
        partial = sum(
            p.stat().st_size for f in self.folders for p in storage.partials_for(f, entry.file_name)
        )
        return CatalogState(found, partial)

    def recommended_embedder(self, catalog: builtins.list[CatalogEntry]) -> Suggestion | None:
        """The catalog's recommended embedding model for knowledge, and its state here.

        The first catalog entry marked `recommended` for embeddings (else the first
        embeddings entry): hybrid search works once it is downloaded and chosen. None when
        the catalog lists no embedding model.
        """
        embedders = [e for e in catalog if "embeddings" in e.uses]
        chosen = next((e for e in embedders if e.recommended), embedders[0] if embedders else None)
        return Suggestion(chosen, self.catalog_state(chosen)) if chosen is not None else None

    def import_file(
        self, source: Path, progress: ProgressCallback | None = None
    ) -> library.ImportResult:
        return library.import_model(source, self.user_folder, progress=progress)

    def choose(self, reference: str) -> tuple[str, str]:
        """Check a model a user named for a GPT now, so a typo fails then, not at its first run.

        Returns the provider ("local" or a profile's name) and the reference to store.

        Raises:
            errors.ModelNotFoundError, errors.ModelFileError, errors.ValidationError
        """
        if not reference.strip():
            return "local", ""
        profile, model_id = split_reference(reference, self._settings.load())
        if profile is not None:
            return profile, model_id
        try:
            model = self._local.resolve(reference)
        except errors.ModelNotFoundError as exc:
            prefix, sep, _ = reference.partition(":")
            if sep and prefix and not PureWindowsPath(reference).drive:
                raise errors.ModelNotFoundError(
                    f"{exc.message} If '{prefix}' is meant as a provider profile, add it first.",
                    errors.do(errors.Do.ADD_PROVIDER, profile=prefix),
                ) from None
            raise
        path = Path(reference).expanduser()
        return "local", str(
            model.path
        ) if path.suffix.lower() == ".gguf" or path.is_file() else model.id

    def removal_target(self, ident: str, catalog: builtins.list[CatalogEntry]) -> Path:
        """The file a model id (or path) names: a local model, or a catalog model's partial.

        Raises:
            errors.ModelNotFoundError: nothing by that name.
        """
        path = Path(ident).expanduser()
        if path.suffix.lower() == ".gguf" or path.exists():
            return path
        wanted = ident.strip().lower()
        for model in self._local.list():
            if model.id == wanted:
                return model.path
        # A catalog model whose download never finished: its partial file is what is left.
        name = next((e.file_name for e in catalog if e.id == wanted), None)
        for folder in self.folders if name is not None else []:
            if name is not None and storage.partials_for(folder, name):
                return folder / name
        raise errors.ModelNotFoundError(
            f"No local model '{ident}'.", errors.do(errors.Do.LIST_MODELS)
        )

    def removable_files(self, target: Path) -> builtins.list[Path]:
        return library.removable_files(target, self.folders)

    def remove(self, target: Path) -> library.RemoveResult:
        return library.remove_model(target, self.folders)
