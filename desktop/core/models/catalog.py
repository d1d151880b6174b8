"""The catalog of recommended GGUF models (`models/catalog.json`), validated with pydantic."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticValidationError

from desktop.core import errors
from desktop.core.providers.local import model_id

# Every entry names a Hugging Face repository and file, with facts taken from the model card
# named in `source`. Sizes and hashes are never stored here: they come from the hub when the
# file is downloaded. An entry's id is the id the file gets once downloaded (its name without
# `.gguf`, lower-cased), so downloading a model and choosing it for a GPT take the same word.

CATALOG_FILE = Path(__file__).resolve().parents[3] / "models" / "catalog.json"

Use = Literal["chat", "tools", "embeddings"]


@dataclass(frozen=True)
class HubFile:
    """One file in a Hugging Face repository, at a revision (a branch, tag or commit)."""

    repo: str
    file: str
    revision: str = "main"

    @property
    def name(self) -> str:
        """The file's own name: downloads land under it, whatever folder it has in the repo."""
        return PurePosixPath(self.file).name

    @classmethod
    def parse(cls, text: str) -> HubFile:
        """`owner/repo/path/to/file.gguf`, optionally with `@revision` at the end."""
        path, _, revision = text.strip().partition("@")
        parts = [p for p in path.split("/") if p]
        if len(parts) < 3 or not parts[-1].lower().endswith(".gguf"):
            raise errors.ValidationError(
                errors.said(
                    "'{text}' is neither a catalog id nor OWNER/REPO/FILE.gguf.", text=text
                ),
                action=errors.do(errors.Do.SHOW_CATALOG),
            )
        return cls("/".join(parts[:2]), "/".join(parts[2:]), revision or "main")

    def __str__(self) -> str:
        return f"{self.repo}/{self.file}"


class CatalogEntry(BaseModel):
    """A recommended model. Optional facts are left out when the model card does not say."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=100)
    name: str = Field(min_length=1, max_length=100)
    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")
    file: str = Field(min_length=6, max_length=300)
    revision: str = Field(default="main", min_length=1, max_length=100)
    license: str = Field(min_length=1, max_length=100)
    context_length: Annotated[int, Field(ge=256, le=10_000_000)] | None = None
    uses: list[Use] = Field(min_length=1)
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = Field(min_length=1)
    good_for: str = Field(min_length=1, max_length=200)
    source: str = Field(pattern=r"^https://")
    # The one to suggest first for its uses (the builder offers it for knowledge search).
    recommended: bool = False

    @field_validator("file")
    @classmethod
    def _is_gguf(cls, value: str) -> str:
        if not value.lower().endswith(".gguf"):
            raise ValueError("must name a .gguf file")
        return value

    @field_validator("uses")
    @classmethod
    def _no_repeats(cls, value: list[Use]) -> list[Use]:
        if len(set(value)) != len(value):
            raise ValueError("lists a use twice")
        return value

    @model_validator(mode="after")
    def _id_is_the_file_id(self) -> CatalogEntry:
        expected = model_id(Path(self.hub_file.name))
        if self.id != expected:
            raise ValueError(f"id must be '{expected}', the id the downloaded file will have")
        return self

    @property
    def hub_file(self) -> HubFile:
        return HubFile(self.repo, self.file, self.revision)

    @property
    def file_name(self) -> str:
        return self.hub_file.name

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class Catalog(BaseModel):
    """The whole catalog file: a format version and the entries, ids unique."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    models: list[CatalogEntry]

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalog:
        seen: set[str] = set()
        for entry in self.models:
            if entry.id in seen:
                raise ValueError(f"id '{entry.id}' appears twice")
            seen.add(entry.id)
        return self

    def get(self, ident: str) -> CatalogEntry:
        """The entry with id `ident` (case-insensitive); `errors.NotFoundError` otherwise."""
        for entry in self.models:
            if entry.id == ident.strip().lower():
                return entry
        known = ", ".join(e.id for e in self.models)
        raise errors.NotFoundError(
            errors.said(
                "No catalog model '{ident}'. Known ids: {known}. "
                "Or pass OWNER/REPO/FILE.gguf to download any GGUF file from the hub.",
                ident=ident,
                known=known,
            )
        )


def recommended(entries: Sequence[CatalogEntry], use: Use) -> CatalogEntry | None:
    """The entry to suggest first for `use`.

    The first one for that use marked `recommended`, else the first for that use; None
    when the catalog has none for it.
    """
    fit = [e for e in entries if use in e.uses]
    return next((e for e in fit if e.recommended), fit[0] if fit else None)


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ())) or "catalog"
    return f"{where}: {str(error.get('msg', 'is not valid')).removeprefix('Value error, ')}"


def parse_catalog(data: Any, path: Path | None = None) -> Catalog:
    """Validate parsed JSON (read from `path`); `errors.ValidationError` lists every problem."""
    try:
        return Catalog.model_validate(data)
    except PydanticValidationError as exc:
        problems = [_describe(dict(e)) for e in exc.errors()]
        listed = "\n  ".join(problems)
        if path is None:
            message = errors.said("the catalog is not valid:\n  {problems}", problems=listed)
        else:
            message = errors.said(
                "The model catalog {path} is not valid:\n  {problems}", path=path, problems=listed
            )
        raise errors.ValidationError(message, problems) from None


def load_catalog(path: Path = CATALOG_FILE) -> Catalog:
    """Read and validate a catalog file (the shipped one by default)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise errors.ValidationError(
            errors.said("The model catalog {path} is missing.", path=path)
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.ValidationError(
            errors.said("Cannot read the model catalog {path}: {reason}", path=path, reason=exc)
        ) from None
    except json.JSONDecodeError as exc:
        raise errors.ValidationError(
            errors.said(
                "The model catalog {path} is not valid JSON (line {line}: {reason}).",
                path=path,
                line=exc.lineno,
                reason=exc.msg,
            )
        ) from None
    return parse_catalog(data, path)
