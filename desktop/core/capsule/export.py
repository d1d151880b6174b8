"""Exporting a GPT as a capsule: gather its parts, leave out every secret, write the file.

A definition names secrets (an action's `secret_name`, a profile's key) but never holds
one, so the capsule carries the names only; provider profiles travel without their keys,
and credentials written into URLs are taken out. Runs on a worker thread.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from desktop.core import errors
from desktop.core.actiondocs import split_documents
from desktop.core.avatar import AvatarStore
from desktop.core.cancel import CancelToken
from desktop.core.capsule import avatar, writer
from desktop.core.capsule.layout import (
    APP_VERSION,
    FORMAT_VERSION,
    INDEX,
    Embedding,
    GptEntry,
    Header,
    IndexEntry,
    KnowledgeEntry,
    Manifest,
    ProviderEntry,
)
from desktop.core.capsule.signing import Signing
from desktop.core.gpt import GptDefinition
from desktop.core.providers.local import model_id
from desktop.core.providers.profiles import split_reference
from desktop.core.settings import Settings, SettingsFile
from desktop.core.store import Store
from desktop.core.store.knowledge import KnowledgeFile

if TYPE_CHECKING:
    from desktop.core.knowledge.index import KnowledgeIndex

# The text an exporter and an importer both embed, to tell whether their models agree.
PROBE = "Capsule Studio: 知识胶囊 embedding check"
_SECRET_QUERY = ("key", "token", "secret", "password", "passwd", "sig", "signature", "auth")

EmbedFor = Callable[[str], Callable[[list[str]], list[list[float]]] | None]
Report = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ExportOptions:
    """What the user chose in the export dialog (or on the command line)."""

    password: str | None = None
    include_index: bool = False
    sign: bool = False
    author: str = ""
    author_url: str = ""
    public_header: bool = True  # with a password: the header stays readable without it
    signer_name: str = ""  # the name signed under; the author when empty


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    gpt_id: str
    version: int
    knowledge_files: int
    includes_index: bool
    encrypted: bool
    fingerprint: str | None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "size": self.size,
            "gpt_id": self.gpt_id,
            "version": self.version,
            "knowledge_files": self.knowledge_files,
            "includes_index": self.includes_index,
            "encrypted": self.encrypted,
            "fingerprint": self.fingerprint,
            "warnings": list(self.warnings),
        }


class Exporter:
    """Writes capsules of the GPTs in one store."""

    def __init__(
        self,
        store: Store,
        index: Callable[[], KnowledgeIndex],
        originals: Path,
        settings: SettingsFile,
        signing: Signing,
        embed_for: EmbedFor,
        avatars: AvatarStore,
    ) -> None:
        self._store = store
        self._avatars = avatars
        self._index = index
        self._originals = originals
        # Scratch space beside the data, not the system's temp: the index holds the
        # knowledge's text, and an encrypted export must not leave it in /tmp.
        self._scratch = originals.parent / "capsule-exports"
        self._settings = settings
        self._signing = signing
        self._embed_for = embed_for

    def export(
        self,
        gpt_id: str,
        target: Path,
        options: ExportOptions,
        report: Report | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        """Write `gpt_id` as a capsule at `target` (replaced atomically if it exists)."""
        gpt = self._store.gpts.get(gpt_id)
        if options.sign:  # before any work: signing needs the keyring
            self._signing.own_fingerprint(create=True)
        warnings: list[str] = []
        definition = _portable(gpt.definition, warnings)
        settings = self._settings.load()
        stored, documents = split_documents(definition.model_dump(mode="json"))
        parts = [
            writer.Part(f"actions/{digest}", "action", data=text.encode("utf-8"))
            for digest, text in documents.items()
        ]
        files = self._knowledge(gpt_id, warnings)
        parts += _unique_parts(files, self._originals)
        image = avatar.picture(definition, self._avatars, warnings)
        icon = None
        if image is not None:
            parts.append(writer.Part(f"avatar/{image.sha256}", "avatar", source=image.path))
            if options.public_header or not options.password:
                icon = writer.Part(f"icon/{image.sha256}", "avatar", source=image.path)
        self._scratch.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self._scratch) as folder:
            index = None
            if options.include_index:
                index = self._index_part(gpt_id, definition, files, Path(folder), warnings)
                if index is not None:
                    parts.append(writer.Part(INDEX, "index", source=Path(folder) / "chunks.arrow"))
            entries = writer.hash_parts(parts, report, cancel)
            header = writer.header_with_icon(
                _header(definition, options), writer.icon_ref(icon, entries)
            )
            manifest = Manifest(
                format_version=FORMAT_VERSION,
                app_version=APP_VERSION,
                created_at=time.time(),
                gpt=GptEntry(id=gpt.id, version=gpt.version, definition=stored),
                header=header,
                files=entries,
                knowledge=[_entry(f) for f in files],
                index=index,
                providers=_providers(definition, settings, warnings),
                avatar=next((e for e in entries if e.role == "avatar"), None),
            )
            signer = None
            if options.sign:
                name = options.signer_name or options.author
                signer = writer.Signer(self._signing, name)
            size = writer.write(
                target,
                manifest,
                parts,
                icon,
                options.password,
                options.public_header,
                signer,
                report,
                cancel,
            )
        return ExportResult(
            path=target,
            size=size,
            gpt_id=gpt.id,
            version=gpt.version,
            knowledge_files=len(files),
            includes_index=index is not None,
            encrypted=bool(options.password),
            fingerprint=self._signing.own_fingerprint() if options.sign else None,
            warnings=warnings,
        )

    def _knowledge(self, gpt_id: str, warnings: list[str]) -> list[KnowledgeFile]:
        files = []
        for record in self._store.knowledge.list(gpt_id):
            if record.status != "ready":
                reason = (record.error or {}).get("message", record.status)
                warnings.append(f"{record.name} is left out: it is not indexed ({reason}).")
                continue
            if not (self._originals / record.sha256).is_file():
                raise errors.CapsuleError(
                    errors.said(
                        "The stored copy of {name} is missing, so the GPT cannot be exported "
                        "with it. Remove the file from its knowledge and add it again.",
                        name=record.name,
                    ),
                    errors.do(errors.Do.LIST_KNOWLEDGE, gpt_id=gpt_id),
                )
            files.append(record)
        return files

    def _index_part(
        self,
        gpt_id: str,
        definition: GptDefinition,
        files: list[KnowledgeFile],
        folder: Path,
        warnings: list[str],
    ) -> IndexEntry | None:
        if not files:
            warnings.append("There is no knowledge, so there is no index to include.")
            return None
        busy = [f.name for f in self._store.knowledge.list(gpt_id, "indexing")]
        if busy:
            raise errors.CapsuleError(
                errors.said(
                    "{name} is still being indexed; export once indexing has finished.",
                    name=busy[0],
                )
            )
        table = self._index().export_table(gpt_id, folder / "chunks.arrow")
        known = {f.id for f in files}
        if not table.file_ids() <= known:
            raise errors.CapsuleError(
                errors.said(
                    "The index holds chunks of files that are no longer in the knowledge; "
                    "rebuild the knowledge, then export again."
                )
            )
        model = definition.knowledge.embedding_model
        embedding = None
        if table.dimensions is not None and model:
            try:
                embed = self._embed_for(model)
            except errors.CapsuleError as exc:
                warnings.append(
                    f"The embedding model '{model}' cannot be loaded ({exc.message}), so an "
                    "importer cannot check theirs against it and will index the files again."
                )
                embed = None
            if embed is not None:
                (vector,) = embed([PROBE])
                embedding = Embedding(
                    model=model, dimensions=len(vector), probe=PROBE, vector=list(vector)
                )
        return IndexEntry(rows=table.rows, embedding=embedding)


def _unique_parts(files: list[KnowledgeFile], originals: Path) -> list[writer.Part]:
    digests = dict.fromkeys(f.sha256 for f in files)
    return [writer.Part(f"knowledge/{d}", "knowledge", source=originals / d) for d in digests]


def _entry(record: KnowledgeFile) -> KnowledgeEntry:
    return KnowledgeEntry(
        file_id=record.id,
        name=record.name,
        sha256=record.sha256,
        size=record.size,
        pages=record.pages,
        chunks=record.chunks,
        warnings=record.warnings[:1000],
    )


def _header(definition: GptDefinition, options: ExportOptions) -> Header:
    return Header(
        name=definition.name,
        description=definition.description,
        author=options.author.strip(),
        author_url=options.author_url.strip(),
        icon=avatar.header_icon(definition),
        starters=definition.conversation_starters,
    )


def _portable(definition: GptDefinition, warnings: list[str]) -> GptDefinition:
    """The definition as it travels: no machine paths for models, no credentials in URLs."""
    data = definition.model_dump(mode="json")
    model = data["model"]
    if model["provider"] == "local" and _is_path(model["model"]):
        model["model"] = model_id(Path(model["model"]))
        warnings.append(
            f"The model is named by a path on this machine; the capsule names it "
            f"'{model['model']}', and the importer chooses a model if they have none by it."
        )
    knowledge = data["knowledge"]
    if _is_path(knowledge["embedding_model"]):
        knowledge["embedding_model"] = model_id(Path(knowledge["embedding_model"]))
    for action in data["actions"]:
        for key in ("server", "source"):
            action[key] = _clean_url(action[key], warnings)
        action["auth"]["token_url"] = _clean_url(action["auth"]["token_url"], warnings)
    web = data["capabilities"]["web_browsing"]
    web["search_url"] = _clean_url(web["search_url"], warnings)
    return GptDefinition.model_validate(data)


def _is_path(reference: str) -> bool:
    return "/" in reference or "\\" in reference or reference.lower().endswith(".gguf")


def _clean_url(url: str, warnings: list[str]) -> str:
    """`url` without a user name, password or key-like query parameters."""
    if not url.startswith(("http://", "https://")):
        return url
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not any(word in k.lower() for word in _SECRET_QUERY)]
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    if kept == query and netloc == parts.netloc:
        return url
    warnings.append(f"Credentials written into {parts.hostname}'s address were left out.")
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(kept), parts.fragment))


def _providers(
    definition: GptDefinition, settings: Settings, warnings: list[str]
) -> list[ProviderEntry]:
    """The profiles the GPT answers, embeds or draws through, keys left out."""
    names = [definition.model.provider, definition.capabilities.image_generation.provider]
    profile, _ = split_reference(definition.knowledge.embedding_model, settings)
    names.append(profile or "")
    entries = []
    for name in dict.fromkeys(n for n in names if n and n != "local"):
        known = settings.providers.get(name)
        if known is None:
            warnings.append(f"The provider profile '{name}' is not set up here; it is left out.")
            continue
        entries.append(
            ProviderEntry(
                name=known.name,
                preset=known.preset,
                base_url=_clean_url(known.base_url, warnings),
                api_version=known.api_version,
                context_size=known.context_size,
                needs_key=bool(known.api_key_secret),
            )
        )
    return entries
