"""The user's models as the front ends use them: what is on disk, what a GPT may name, removal.

Which file a model id means, whether a catalog model is downloaded (or half-downloaded),
and whether a model reference a user typed names something real: decided here once, for
the CLI and the app. Called on any thread; reads the disk.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING, Any

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models import library, storage
from desktop.core.models.catalog import CatalogEntry, Use, recommended
from desktop.core.models.progress import ProgressCallback
from desktop.core.paths import Paths
from desktop.core.providers.local import LocalModel, LocalModels
from desktop.core.providers.profiles import split_reference
from desktop.core.settings import SettingsFile

if TYPE_CHECKING:
    from desktop.core.models.download import DownloadResult, RemoteFile


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
        return self.suggest(catalog, "embeddings")

    def suggest(self, catalog: builtins.list[CatalogEntry], use: Use) -> Suggestion | None:
        """The catalog's model to suggest first for `use`, and its state here (or None)."""
        chosen = recommended(catalog, use)
        return Suggestion(chosen, self.catalog_state(chosen)) if chosen is not None else None

    def import_file(
        self,
        source: Path,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> library.ImportResult:
        """Copy a GGUF file into the user's model folder (see `library.import_model`)."""
        return library.import_model(source, self.user_folder, progress=progress, cancel=cancel)

    def remote_file(self, entry: CatalogEntry) -> RemoteFile:
        """What the hub says about a catalog model's file (its size); asks the network.

        Raises:
            errors.DownloadError: the hub cannot be reached or does not have the file.
        """
        from desktop.core.models.download import fetch_metadata  # noqa: PLC0415 (slow import)

        return fetch_metadata(entry.hub_file)

    def download(
        self,
        entry: CatalogEntry,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> DownloadResult:
        """Download a catalog model into the user's folder, resuming and verified.

        Raises what `desktop.core.models.download.download` raises.
        """
        from desktop.core.models.download import download  # noqa: PLC0415 (slow import)

        return download(entry, self.user_folder, progress=progress, cancel=cancel)

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

    def choose_embedding(self, reference: str) -> str:
        """Check an embedding model a user named; returns the reference to store.

        "" means none (keyword search only); PROFILE:MODEL_ID a remote profile's model;
        anything else a local GGUF that makes embeddings.

        Raises:
            errors.ModelNotFoundError, errors.ModelError (a model that makes no embeddings),
            errors.ValidationError
        """
        provider, chosen = self.choose(reference)
        if provider != "local":
            return f"{provider}:{chosen}"
        if not chosen:
            return ""
        model = self._local.resolve(chosen)
        if model.info is not None and not model.info.embedding:
            raise errors.ModelError(
                errors.said(
                    "{model} is not an embedding model; pick one whose GGUF sets a pooling "
                    "type (the catalog's embedding models do).",
                    model=model.id,
                ),
                errors.do(errors.Do.SHOW_CATALOG),
            )
        return chosen

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
            errors.said("No local model '{ident}'.", ident=ident), errors.do(errors.Do.LIST_MODELS)
        )

    def removable_files(self, target: Path) -> builtins.list[Path]:
        return library.removable_files(target, self.folders)

    def remove(self, target: Path) -> library.RemoveResult:
        return library.remove_model(target, self.folders)
