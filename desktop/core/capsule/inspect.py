"""What a capsule (or another app's file) holds, shown before anything is imported.

`CapsuleInfo` is what the inspect command prints and what an import dialog shows for the
user to confirm: the header, the contents, the signature, what the GPT would enable and
which hosts it reaches, and the secrets the user will be asked for. Plain data; built on
a worker thread, read on any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.capsule.layout import Header, ProviderEntry
from desktop.core.capsule.note import Note
from desktop.core.capsule.review import Enabled, Review, SecretNeed
from desktop.core.capsule.signing import SignatureStatus
from desktop.core.gpt import GptDefinition
from desktop.core.units import human_size


@dataclass(frozen=True)
class ContentItem:
    """One thing the capsule carries: a knowledge file, an action, the avatar, the index.

    `detail` says in English what `pages` (a knowledge file's), `chunks` and
    `embedding_model` (the index's) give for a front end to word.
    """

    kind: str  # knowledge, action, avatar or index
    name: str
    size: int
    detail: str = ""
    pages: int | None = None
    chunks: int | None = None
    embedding_model: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "size": self.size,
            "detail": self.detail,
            "pages": self.pages,
            "chunks": self.chunks,
            "embedding_model": self.embedding_model,
        }

    @classmethod
    def knowledge(cls, name: str, size: int, pages: int | None = None) -> ContentItem:
        """A knowledge file, with its page count where it has pages."""
        return cls("knowledge", name, size, f"{pages} pages" if pages else "", pages=pages or None)

    @classmethod
    def index(cls, size: int, chunks: int, embedding_model: str = "") -> ContentItem:
        """The built index: how many chunks, embedded by which model."""
        detail = f"{chunks} chunks" + (f", {embedding_model}" if embedding_model else "")
        return cls("index", "index", size, detail, chunks=chunks, embedding_model=embedding_model)


@dataclass
class CapsuleInfo:
    """Everything known about a file before importing it. Nothing was written to learn it.

    `locked`: the payload is encrypted and no (right) password was given, so only the
    public header and the signature are known.
    """

    path: Path
    source: str  # "capsule", or another app's format
    label: str  # the format for people: "a capsule", "an OpenAI Assistant"
    size: int
    encrypted: bool = False
    locked: bool = False
    format_version: int | None = None
    app_version: str = ""
    created_at: float | None = None
    header: Header | None = None
    signature: SignatureStatus | None = None
    gpt_id: str | None = None
    id_taken: bool = False  # a GPT here has its id: a new id, unless it replaces that GPT
    definition: GptDefinition | None = None
    contents: list[ContentItem] = field(default_factory=list)
    includes_index: bool = False
    enables: list[Enabled] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    secrets: list[SecretNeed] = field(default_factory=list)
    providers: list[ProviderEntry] = field(default_factory=list)  # profiles it would add
    wanted_files: list[str] = field(default_factory=list)  # files it names but lacks
    warnings: list[Note] = field(default_factory=list)  # what an importer dropped or changed

    def add_review(self, found: Review) -> None:
        self.enables, self.hosts = found.enables, found.hosts
        self.secrets = found.secrets
        self.warnings += found.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "source": self.source,
            "label": self.label,
            "size": self.size,
            "encrypted": self.encrypted,
            "locked": self.locked,
            "format_version": self.format_version,
            "app_version": self.app_version,
            "created_at": self.created_at,
            "header": self.header.model_dump(mode="json") if self.header else None,
            "signature": self.signature.to_dict() if self.signature else None,
            "gpt_id": self.gpt_id,
            "id_taken": self.id_taken,
            "contents": [c.to_dict() for c in self.contents],
            "includes_index": self.includes_index,
            "enables": [e.text for e in self.enables],
            "enables_detail": [e.to_dict() for e in self.enables],
            "hosts": self.hosts,
            "secrets": [s.to_dict() for s in self.secrets],
            "providers": [p.model_dump(mode="json") for p in self.providers],
            "wanted_files": self.wanted_files,
            "warnings": [w.text for w in self.warnings],
            "notes_detail": [w.to_dict() for w in self.warnings],
        }

    def summary(self) -> list[str]:
        """The contents in a few lines for people ("3 knowledge files, 4.2 MB")."""
        lines = []
        for kind, label in (("knowledge", "knowledge file"), ("action", "action")):
            items = [c for c in self.contents if c.kind == kind]
            if items:
                plural = "s" if len(items) != 1 else ""
                size = human_size(sum(c.size for c in items))
                lines.append(f"{len(items)} {label}{plural} ({size})")
        if self.includes_index:
            index = next(c for c in self.contents if c.kind == "index")
            lines.append(f"the built index ({index.detail}, {human_size(index.size)})")
        if any(c.kind == "avatar" for c in self.contents):
            lines.append("an avatar image")
        return lines
