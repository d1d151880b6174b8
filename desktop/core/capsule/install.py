"""Putting an incoming GPT (from a capsule or another app's file) into the library, atomically.

Everything was checked before this runs. The knowledge is staged under an owner no GPT has
(see `staging`), the GPT and its files appear in one transaction, and only then are
provider profiles set up and the user's answers for secrets stored in the keyring. A
failure or a cancel anywhere before the commit leaves the library as it was. The incoming
GPT's consent starts afresh: no host is allowed in advance, and its knowledge is marked as
coming from the capsule's author. Runs on a worker thread.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import errors
from desktop.core.avatar import AvatarStore
from desktop.core.cancel import CancelToken
from desktop.core.capsule import avatar as avatars
from desktop.core.capsule.incoming import Incoming
from desktop.core.capsule.layout import IndexEntry, Limits, ProviderEntry
from desktop.core.capsule.review import SecretNeed, review, with_secret_names
from desktop.core.capsule.signing import SignatureStatus
from desktop.core.capsule.staging import KnowledgeStage
from desktop.core.gpt import GptDefinition, update_definition
from desktop.core.ids import new_id
from desktop.core.knowledge.ingest import Embed, Extract
from desktop.core.secrets import Secrets
from desktop.core.settings import ProviderProfile, Settings, SettingsFile
from desktop.core.store import Store
from desktop.core.store.records import Gpt

if TYPE_CHECKING:
    from desktop.core.knowledge.index import ChunkTable, KnowledgeIndex

Report = Callable[[str, int, int], None]
EmbedFor = Callable[[str], Embed | None]
# (definition, the profiles the capsule brings) -> why its model will not answer here, or None
ModelProblem = Callable[[GptDefinition, list[ProviderEntry]], str | None]
_SAME_MODEL = 0.999  # cosine of the probe's vectors, exporter's against importer's


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose in the import dialog (or on the command line).

    `secrets` answers `SecretNeed.key`s; those left out can be set later. With
    `embedding_model` None the capsule's model is used when it is on this machine.
    """

    password: str | None = None
    replace: bool = False
    secrets: Mapping[str, str] = field(default_factory=dict)
    embedding_model: str | None = None
    limits: Limits = field(default_factory=Limits)


@dataclass
class ImportResult:
    gpt_id: str
    name: str
    version: int
    source: str
    label: str
    replaced: bool
    renamed_from: str | None  # the id it had, when another GPT already has it
    knowledge_files: int
    reindexed: bool
    signature: SignatureStatus | None
    providers_added: list[str]
    secrets_stored: list[str]
    secrets_missing: list[SecretNeed]
    warnings: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gpt_id": self.gpt_id,
            "name": self.name,
            "version": self.version,
            "source": self.source,
            "label": self.label,
            "replaced": self.replaced,
            "renamed_from": self.renamed_from,
            "knowledge_files": self.knowledge_files,
            "reindexed": self.reindexed,
            "signature": self.signature.to_dict() if self.signature else None,
            "providers_added": self.providers_added,
            "secrets_stored": self.secrets_stored,
            "secrets_missing": [n.to_dict() for n in self.secrets_missing],
            "warnings": self.warnings,
        }


class Installer:
    """Installs incoming GPTs into one store, knowledge index and keyring."""

    def __init__(
        self,
        store: Store,
        index: Callable[[], KnowledgeIndex],
        originals: Path,
        avatars_store: AvatarStore,
        settings: SettingsFile,
        secrets: Secrets,
        embed_for: EmbedFor,
        extractor: Callable[[], AbstractContextManager[Extract]],
        model_problem: ModelProblem,
    ) -> None:
        self._store = store
        self._index = index
        self._originals = originals
        self._avatars = avatars_store
        self._settings = settings
        self._secrets = secrets
        self._embed_for = embed_for
        self._extractor = extractor
        self._model_problem = model_problem

    def target(self, incoming_id: str | None, replace: bool) -> tuple[str, bool]:
        """The id the GPT gets, and whether it replaces the GPT that has it."""
        if incoming_id is None or not self._store.gpts.exists(incoming_id):
            return incoming_id or new_id("gpt"), False
        return (incoming_id, True) if replace else (new_id("gpt"), False)

    def install(
        self,
        incoming: Incoming,
        folder: Path,
        options: ImportOptions,
        report: Report | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportResult:
        """Install `incoming` (its files unpacked under `folder`)."""
        gpt_id, replacing = self.target(incoming.gpt_id, options.replace)
        warnings = list(incoming.warnings)
        definition = self._fresh_consent(incoming, gpt_id, warnings)
        owner = new_id("gpt") if replacing else gpt_id
        stage = KnowledgeStage(self._store, self._index(), self._originals, folder, owner)
        old = [f.sha256 for f in self._store.knowledge.list(gpt_id)] if replacing else []
        try:
            definition, reindexed = self._knowledge(
                stage, incoming, definition, options, warnings, report, cancel
            )
            definition = self._avatar(incoming, definition)
            if cancel is not None and cancel.cancelled:
                raise errors.CancelledError(errors.said("Import stopped; nothing was imported."))
            if report is not None:
                report("saving", 0, 1)
            saved = self._commit(stage, incoming, definition, gpt_id, replacing)
        except BaseException:
            stage.discard()
            raise
        for digest in old:
            if not self._store.knowledge.in_use(digest):
                (self._originals / digest).unlink(missing_ok=True)
        added = self._add_providers(incoming.providers, warnings)
        stored, missing = self._store_secrets(saved.definition, gpt_id, incoming, options)
        return ImportResult(
            gpt_id=gpt_id,
            name=saved.definition.name,
            version=saved.version,
            source=incoming.source,
            label=incoming.label,
            replaced=replacing,
            renamed_from=incoming.gpt_id if incoming.gpt_id not in (None, gpt_id) else None,
            knowledge_files=len(saved.definition.knowledge.files),
            reindexed=reindexed,
            signature=incoming.signature,
            providers_added=added,
            secrets_stored=stored,
            secrets_missing=missing,
            warnings=warnings,
        )

    # -- the definition -----------------------------------------------------------------

    def _fresh_consent(self, incoming: Incoming, gpt_id: str, warnings: list[str]) -> GptDefinition:
        definition = with_secret_names(incoming.definition, gpt_id)
        if definition.allowed_domains:
            warnings.append(
                errors.said(
                    "Consent starts afresh: the {count} host(s) the exporter always allowed "
                    "will ask before their first call here.",
                    count=len(definition.allowed_domains),
                )
            )
            definition = update_definition(definition, {"allowed_domains": []})
        # Another app's model with no counterpart here was already worded by its reader.
        unmapped = incoming.source != "capsule" and not definition.model.model
        problem = None if unmapped else self._model_problem(definition, incoming.providers)
        if problem:
            warnings.append(problem)
        return definition

    def _avatar(self, incoming: Incoming, definition: GptDefinition) -> GptDefinition:
        if incoming.avatar is None:
            return definition
        kept = avatars.keep(incoming.avatar[0], self._avatars)
        return update_definition(definition, {"avatar": kept})

    # -- knowledge ----------------------------------------------------------------------

    def _knowledge(
        self,
        stage: KnowledgeStage,
        incoming: Incoming,
        definition: GptDefinition,
        options: ImportOptions,
        warnings: list[str],
        report: Report | None,
        cancel: CancelToken | None,
    ) -> tuple[GptDefinition, bool]:
        """Stage the knowledge from the capsule's table, or by indexing the originals."""
        wanted = definition.knowledge.embedding_model
        if options.embedding_model is not None:
            wanted = options.embedding_model
        table, why = self._usable_table(incoming, wanted)
        if table is not None:
            stage.from_table(incoming.files, table, report)
            return update_definition(definition, {"knowledge": {"embedding_model": wanted}}), False
        if why:
            warnings.append(
                errors.said(
                    "The included index is not used: {why}; the files are indexed again.", why=why
                )
            )
        embed = None
        if wanted:
            try:
                embed = self._embed_for(wanted)
            except errors.CapsuleError as exc:
                warnings.append(
                    errors.said(
                        "The embedding model '{model}' cannot be used here ({reason}); the "
                        "knowledge is indexed for keyword search. Choose an embedding model and "
                        "rebuild it to search by meaning too.",
                        model=wanted,
                        reason=exc.message,
                    )
                )
                wanted = ""
        definition = update_definition(definition, {"knowledge": {"embedding_model": wanted}})
        if incoming.files:
            with self._extractor() as extract:
                warnings += stage.by_indexing(
                    incoming.files, definition.knowledge, extract, embed, report, cancel
                )
        return definition, bool(incoming.files)

    def _usable_table(self, incoming: Incoming, model: str) -> tuple[ChunkTable | None, str]:
        """The included table when it fits this machine, else None and why not."""
        if incoming.table is None or incoming.index is None:
            return None, ""
        from desktop.core.knowledge.index import ChunkTable  # noqa: PLC0415 (LanceDB)

        try:
            table = ChunkTable.read(incoming.table)
        except errors.ValidationError as exc:
            return None, exc.message
        known = {f.file_id for f in incoming.files}
        if table.rows != incoming.index.rows or not table.file_ids() <= known:
            return None, errors.said("it does not match the capsule's list of files")
        if table.dimensions is None:
            why = errors.said("it has no vectors for '{model}'", model=model) if model else ""
        else:
            why = self._vector_problem(incoming.index, table.dimensions, model)
        return (None, why) if why else (table, "")

    def _vector_problem(self, index: IndexEntry, dimensions: int, model: str) -> str:
        """Why the table's vectors cannot serve `model` here ("" when they can)."""
        embedding = index.embedding
        if not model:
            return errors.said("no embedding model is chosen for it")
        if embedding is None or embedding.model != model:
            return errors.said(
                "it was built with another embedding model than '{model}'", model=model
            )
        try:
            embed = self._embed_for(model)
        except errors.CapsuleError:
            embed = None
        if embed is None:
            return errors.said("the embedding model '{model}' is not on this machine", model=model)
        (vector,) = embed([embedding.probe])
        if len(vector) != dimensions or _cosine(vector, embedding.vector) < _SAME_MODEL:
            return errors.said("the model called '{model}' here is not the exporter's", model=model)
        return ""

    # -- the commit ---------------------------------------------------------------------

    def _commit(
        self,
        stage: KnowledgeStage,
        incoming: Incoming,
        definition: GptDefinition,
        gpt_id: str,
        replacing: bool,
    ) -> Gpt:
        index = self._index()
        backup = new_id("gpt") if replacing else ""
        if replacing:
            index.copy(gpt_id, backup)
            index.copy(stage.owner, gpt_id)
        try:
            with self._store.transaction() as tx:
                stage.commit(tx, gpt_id, incoming.origin)
                files = [
                    {"id": f.id, "name": f.name, "sha256": f.sha256, "size": f.size}
                    for f in tx.knowledge.list(gpt_id, "ready")
                ]
                definition = update_definition(definition, {"knowledge": {"files": files}})
                if not replacing:
                    return tx.gpts.create(definition, incoming.note, gpt_id=gpt_id)
                if tx.gpts.get(gpt_id, include_deleted=True).deleted_at is not None:
                    tx.gpts.undelete(gpt_id)
                return tx.gpts.save(gpt_id, definition, note=f"{incoming.note} (replaced)")
        except BaseException:
            if replacing:
                index.copy(backup, gpt_id)
            raise
        finally:
            if replacing:
                with contextlib.suppress(Exception):
                    index.drop(backup)
                    index.drop(stage.owner)

    # -- after the commit ---------------------------------------------------------------

    def _add_providers(self, providers: list[ProviderEntry], warnings: list[str]) -> list[str]:
        from desktop.core.secrets import provider_secret_name  # noqa: PLC0415

        known = self._settings.load().providers
        added = []
        for entry in providers:
            if entry.name in known:
                if known[entry.name].base_url != entry.base_url:
                    warnings.append(
                        errors.said(
                            "Your provider profile '{name}' is used as it is; the capsule's "
                            "points elsewhere ({url}).",
                            name=entry.name,
                            url=entry.base_url,
                        )
                    )
                continue
            try:
                profile = ProviderProfile(
                    name=entry.name,
                    preset=entry.preset,
                    base_url=entry.base_url,
                    api_key_secret=provider_secret_name(entry.name) if entry.needs_key else None,
                    api_version=entry.api_version,
                    context_size=entry.context_size,
                )
            except ValueError as exc:
                warnings.append(
                    errors.said(
                        "The provider profile '{name}' was not added: {reason}",
                        name=entry.name,
                        reason=exc,
                    )
                )
                continue
            self._settings.update(partial(_add_profile, profile))
            added.append(entry.name)
        return added

    def _store_secrets(
        self,
        definition: GptDefinition,
        gpt_id: str,
        incoming: Incoming,
        options: ImportOptions,
    ) -> tuple[list[str], list[SecretNeed]]:
        needs = review(
            definition, gpt_id, incoming.providers, self._settings.load(), self._secrets
        ).secrets
        stored, missing = [], []
        for need in needs:
            answer = (options.secrets.get(need.key) or "").strip()
            if answer:
                self._secrets.set(need.secret_name, answer)
                stored.append(need.secret_name)
            elif not need.already_set:
                missing.append(need)
        return stored, missing


def _add_profile(profile: ProviderProfile, settings: Settings) -> None:
    settings.providers.setdefault(profile.name, profile)


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0
