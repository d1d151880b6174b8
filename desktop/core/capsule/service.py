"""Capsules as the front ends use them: inspect, export, import, sign and trust.

Every call may take a progress callback and a cancel token, and runs on the caller's
thread (a worker's in the GUI, the main one in the CLI); a cancelled call raises
`errors.CancelledError` having written nothing. `import_` takes capsules and other apps'
files alike, told apart by content.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import errors
from desktop.core.avatar import AvatarStore
from desktop.core.cancel import CancelToken
from desktop.core.capsule import reader
from desktop.core.capsule.avatar import header_icon, picture
from desktop.core.capsule.export import EmbedFor, Exporter, ExportOptions, ExportResult
from desktop.core.capsule.foreign.detect import read_foreign, recognised
from desktop.core.capsule.foreign.models import ModelChooser
from desktop.core.capsule.foreign.outbound import outbound
from desktop.core.capsule.incoming import definition_of, from_capsule, from_foreign
from desktop.core.capsule.inspect import CapsuleInfo, ContentItem
from desktop.core.capsule.install import (
    ImportOptions,
    ImportResult,
    Installer,
    ModelProblem,
)
from desktop.core.capsule.layout import INDEX, Header, Limits
from desktop.core.capsule.note import Note
from desktop.core.capsule.review import review
from desktop.core.capsule.signing import Signing
from desktop.core.capsule.staging import import_folder, sweep
from desktop.core.knowledge.ingest import Extract
from desktop.core.paths import Paths
from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.store import Store

if TYPE_CHECKING:
    from desktop.core.knowledge.index import KnowledgeIndex

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
IMPORTS = "capsule-imports"  # under the data folder: one private folder per import
# Room to leave besides the capsule itself: its unpacked copy, the index, the originals.
_SPACE_FACTOR = 3


@dataclass(frozen=True)
class CapsuleProgress:
    """How far an export or import is.

    `stage` is checking, decrypting, unpacking, indexing or saving (import), or hashing,
    packing or encrypting (export); `done` of `total` counts bytes, or files when indexing.
    """

    stage: str
    done: int
    total: int


Progress = Callable[[CapsuleProgress], None]


def _report(progress: Progress | None) -> Callable[[str, int, int], None] | None:
    if progress is None:
        return None
    return lambda stage, done, total: progress(CapsuleProgress(stage, done, total))


@contextlib.contextmanager
def isolated_extract() -> Iterator[Extract]:
    """Extraction in a child process (time and memory limits), as adding files by hand."""
    from desktop.core.knowledge.extract import IsolatedExtractor  # noqa: PLC0415

    with IsolatedExtractor() as extractor:
        yield extractor.extract


def is_capsule(path: Path) -> bool:
    """Whether `path` is a zip (a capsule, or a damaged one), rather than another app's file."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) in _ZIP
    except OSError:
        return False


def importable(path: Path) -> bool:
    """Whether `path` is a file import reads: a `.capsule`, or another app's GPT or card.

    A dropped file that is not becomes knowledge instead. Office documents are zips too, so
    a zip counts only by its extension. Reads the file; a worker thread.
    """
    if path.suffix.lower() == ".capsule":
        return True
    if path.suffix.lower() not in (".json", ".png") or is_capsule(path):
        return False
    return recognised(path)


class Capsules:
    """Capsule use cases over one store, knowledge index, settings and keyring."""

    def __init__(
        self,
        store: Store,
        index: Callable[[], KnowledgeIndex],
        paths: Paths,
        settings: SettingsFile,
        secrets: Secrets,
        embed_for: EmbedFor,
        local_models: Callable[[], list[str]],
        model_problem: ModelProblem,
        avatars: AvatarStore,
        extractor: Callable[[], AbstractContextManager[Extract]] | None = None,
    ) -> None:
        self._store = store
        self._index = index
        self._paths = paths
        self._settings = settings
        self._secrets = secrets
        self._local_models = local_models
        self.signing = Signing(secrets, settings)
        originals = paths.data / "knowledge"
        self._avatars = avatars
        self._exporter = Exporter(
            store, index, originals, settings, self.signing, embed_for, avatars
        )
        self._installer = Installer(
            store,
            index,
            originals,
            avatars,
            settings,
            secrets,
            embed_for,
            extractor or isolated_extract,
            model_problem,
        )

    # -- export -----------------------------------------------------------------------------

    def export(
        self,
        gpt_id: str,
        target: Path,
        options: ExportOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ExportResult:
        """Write the GPT as a capsule at `target`."""
        with _writing(target):
            return self._exporter.export(
                gpt_id, target, options or ExportOptions(), _report(progress), cancel
            )

    def export_as(self, gpt_id: str, target: Path, kind: str) -> list[str]:
        """Write the GPT as another app's JSON (`openwebui`, `openai_assistant`); what was left."""
        import json  # noqa: PLC0415

        definition = self._store.gpts.get(gpt_id).definition
        image = picture(definition, self._avatars, [])
        data, notes = outbound(definition, kind, image.path if image else None)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        partial = target.with_name(f".{target.name}.partial")
        with _writing(target):
            partial.write_text(text, encoding="utf-8")
            partial.replace(target)
        return notes

    # -- inspect ----------------------------------------------------------------------------

    def inspect(
        self,
        path: Path,
        password: str | None = None,
        limits: Limits | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> CapsuleInfo:
        """What the file at `path` holds, enables and needs; nothing is written.

        An encrypted capsule without its password shows its public part (`locked`).
        """
        limits = limits or Limits()
        if not is_capsule(path):
            return self._inspect_foreign(path)
        outer = reader.read_outer(path, self.signing, limits, _report(progress), cancel)
        info = CapsuleInfo(
            path=path,
            source="capsule",
            label="a capsule",
            size=path.stat().st_size,
            encrypted=outer.encrypted,
            format_version=outer.descriptor.format_version,
            app_version=outer.descriptor.app_version,
            created_at=outer.descriptor.created_at,
            header=outer.header,
            signature=outer.signature,
        )
        if outer.signature.state == "bad":
            info.warnings.append(
                Note(
                    "bad_signature",
                    {"problem": outer.signature.problem},
                    f"It is {outer.signature.describe()}; it will not be imported.",
                )
            )
            return info
        if outer.encrypted and not password:
            info.locked = True
            return info
        # Under the data folder, not the system's temp: a decrypted payload stays private.
        with import_folder(self._paths.data / IMPORTS) as folder:
            unpacked = reader.unpack(
                path, password, folder, self.signing, limits, _report(progress), cancel
            )
            self._describe(info, unpacked)
        return info

    def _describe(self, info: CapsuleInfo, unpacked: reader.Unpacked) -> None:
        manifest, definition = unpacked.manifest, unpacked.definition
        info.header = manifest.header
        info.gpt_id = manifest.gpt.id
        info.id_taken = self._store.gpts.exists(manifest.gpt.id)
        info.definition = definition
        info.contents = [ContentItem.knowledge(k.name, k.size, k.pages) for k in manifest.knowledge]
        info.contents += [
            ContentItem("action", a.name, len(a.document.encode("utf-8")))
            for a in definition.actions
        ]
        if manifest.avatar is not None:
            info.contents.append(ContentItem("avatar", "avatar", manifest.avatar.size))
        if manifest.index is not None:
            size = next(f.size for f in manifest.files if f.path == INDEX)
            vectors = manifest.index.embedding
            model = vectors.model if vectors else ""
            info.contents.append(ContentItem.index(size, manifest.index.rows, model))
            info.includes_index = True
        settings = self._settings.load()
        info.providers = [p for p in manifest.providers if p.name not in settings.providers]
        info.add_review(
            review(definition, manifest.gpt.id, manifest.providers, settings, self._secrets)
        )

    def _inspect_foreign(self, path: Path) -> CapsuleInfo:
        converted = read_foreign(path, self._chooser())
        definition = definition_of(converted)
        info = CapsuleInfo(
            path=path,
            source=converted.source,
            label=converted.label,
            size=path.stat().st_size,
            header=Header(
                name=definition.name,
                description=definition.description,
                author=converted.author[:200],
                icon=header_icon(definition),
                starters=definition.conversation_starters,
            ),
            definition=definition,
            contents=[ContentItem.knowledge(n, len(d)) for n, d in converted.knowledge],
            wanted_files=converted.wanted_files,
            warnings=list(converted.notes),
        )
        new_id = "gpt_" + "0" * 24  # any id: only the secrets' names depend on it
        info.add_review(review(definition, new_id, [], self._settings.load(), self._secrets))
        return info

    # -- import -----------------------------------------------------------------------------

    def import_(
        self,
        path: Path,
        options: ImportOptions | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportResult:
        """Check the file at `path` through, then add its GPT to the library at once.

        Raises:
            errors.CapsuleFileError (and its kinds): the file was refused; nothing written.
            errors.CancelledError: stopped by `cancel`; nothing written.
        """
        options = options or ImportOptions()
        report = _report(progress)
        root = self._paths.data / IMPORTS
        sweep(root, self._store, self._index)
        _check_space(path, self._paths.data)
        with _writing(self._paths.data), import_folder(root) as folder:
            if is_capsule(path):
                unpacked = reader.unpack(
                    path, options.password, folder, self.signing, options.limits, report, cancel
                )
                incoming = from_capsule(unpacked)
            else:
                incoming = from_foreign(read_foreign(path, self._chooser()), folder, path)
            return self._installer.install(incoming, folder, options, report, cancel)

    def _chooser(self) -> ModelChooser:
        return ModelChooser.of(self._settings.load(), self._local_models())


@contextlib.contextmanager
def _writing(where: Path) -> Iterator[None]:
    """An operating system's refusal to write (no room, no right) worded for people."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise errors.CapsuleError(
            errors.said(
                "Cannot write {path}: {reason}. Check that the folder exists, that you may "
                "write there, and that the disk has room.",
                path=exc.filename or where,
                reason=reason,
            )
        ) from None


def _check_space(path: Path, data: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader says what is wrong with it
    free = shutil.disk_usage(data).free
    if free < size * _SPACE_FACTOR:
        raise errors.DiskSpaceError(
            errors.said(
                "Importing needs about {needed} MiB free beside the data folder ({folder}); "
                "there are {free} MiB. Free some space and try again.",
                needed=size * _SPACE_FACTOR // 2**20,
                folder=data,
                free=free // 2**20,
            )
        )
