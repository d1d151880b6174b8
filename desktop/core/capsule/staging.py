"""An import's private folder, and its knowledge staged where no GPT can see it yet.

Each import unpacks into its own folder under the data folder (so that moving files into
place is a rename) and holds a lock on it while it runs. Its knowledge is indexed under an
owner id that no GPT has yet: the new GPT's own id, or, when replacing a GPT, a throwaway
one. Nothing shows in the library until the import commits; a failed or cancelled import
discards what it staged, and one that a crash cut short is swept by the next import.
Runs on the importing thread.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.gpt import KnowledgeSettings
from desktop.core.ids import new_id, now
from desktop.core.knowledge.ingest import LOCKS, Embed, Extract, Ingestor, keep_original
from desktop.core.store import Repositories, Store
from desktop.core.store.knowledge import KnowledgeFile

if TYPE_CHECKING:
    from desktop.core.knowledge.index import ChunkTable, KnowledgeIndex

log = logging.getLogger(__name__)
_OWNER_FILE = "owner"
_LOCK = ".lock"
Report = Callable[[str, int, int], None]


@dataclass(frozen=True)
class IncomingFile:
    """A knowledge file to import: its unpacked copy and what the exporter's index said."""

    file_id: str  # its id in the capsule (the included table's file ids)
    name: str
    sha256: str
    size: int
    path: Path
    pages: int = 0
    chunks: int = 0
    warnings: list[str] = field(default_factory=list)


@contextlib.contextmanager
def import_folder(root: Path) -> Iterator[Path]:
    """A fresh folder for one import, locked while it runs and removed afterwards."""
    folder = root / uuid.uuid4().hex
    folder.mkdir(parents=True)
    lock = filelock.FileLock(str(folder / _LOCK), thread_local=False)
    lock.acquire()
    try:
        yield folder
    finally:
        lock.release()
        shutil.rmtree(folder, ignore_errors=True)


def sweep(root: Path, store: Store, index: Callable[[], KnowledgeIndex]) -> int:
    """Discard what imports that a crash cut short had staged; how many were found."""
    if not root.is_dir():
        return 0
    swept = 0
    for folder in root.iterdir():
        lock = filelock.FileLock(str(folder / _LOCK), thread_local=False)
        try:
            lock.acquire(timeout=0)
        except (filelock.Timeout, OSError):
            continue  # a live import, or not ours
        try:
            owner_file = folder / _OWNER_FILE
            owner = owner_file.read_text(encoding="ascii").strip() if owner_file.exists() else ""
            if owner and not store.gpts.exists(owner):
                index().drop(owner)
                store.knowledge.remove_owner(owner)
        finally:
            lock.release()
        shutil.rmtree(folder, ignore_errors=True)
        swept += 1
    if swept:
        log.info("discarded %d import(s) a crash had cut short", swept)
    return swept


class KnowledgeStage:
    """Knowledge being imported under `owner`, until `commit` or `discard`."""

    def __init__(
        self, store: Store, index: KnowledgeIndex, originals: Path, folder: Path, owner: str
    ) -> None:
        self._store = store
        self._index = index
        self._originals = originals
        self._folder = folder
        self.owner = owner
        self._kept: list[str] = []
        self._ready: list[KnowledgeFile] = []  # from a table: rows written at commit
        (folder / _OWNER_FILE).write_text(owner, encoding="ascii")

    def from_table(
        self, files: list[IncomingFile], table: ChunkTable, report: Report | None
    ) -> None:
        """Use the capsule's table as it is: no extraction, no embedding."""
        renamed = {f.file_id: new_id("file") for f in files}
        for number, incoming in enumerate(files, 1):
            self._keep(incoming)
            self._ready.append(
                KnowledgeFile(
                    renamed[incoming.file_id],
                    self.owner,
                    incoming.name,
                    incoming.sha256,
                    incoming.size,
                    "ready",
                    incoming.pages,
                    incoming.chunks,
                    now(),
                    now(),
                    warnings=list(incoming.warnings),
                )
            )
            if report is not None:
                report("indexing", number, len(files))
        self._index.add_table(self.owner, table, renamed)

    def by_indexing(
        self,
        files: list[IncomingFile],
        settings: KnowledgeSettings,
        extract: Extract,
        embed: Embed | None,
        report: Report | None,
        cancel: CancelToken | None,
    ) -> list[str]:
        """Index the originals here, as adding them by hand would; each failure, worded."""
        names = self._folder / "names"
        names.mkdir(exist_ok=True)
        paths = []
        for incoming in files:
            named = names / incoming.name
            try:
                named.hardlink_to(incoming.path)
            except OSError:  # a file system without hard links
                shutil.copyfile(incoming.path, named)
            paths.append(named)
        # The ingestor keeps the originals itself; remember which are new, for `discard`.
        self._kept += [f.sha256 for f in files if not (self._originals / f.sha256).exists()]
        ingestor = Ingestor(self._store, self._index, self._originals, extract, embed)
        problems: list[str] = []
        for progress in ingestor.add(self.owner, paths, settings, cancel=cancel):
            if progress.status == "cancelled":
                raise errors.CancelledError(errors.said("Import stopped; nothing was imported."))
            if progress.status == "failed":
                problems.append(
                    errors.said(
                        "{file} could not be indexed: {reason}",
                        file=progress.file,
                        reason=progress.message,
                    )
                )
            if report is not None and progress.status != "started":
                report("indexing", progress.files_done, progress.files_total)
        return problems

    def _keep(self, incoming: IncomingFile) -> None:
        if keep_original(self._originals, incoming.path, incoming.sha256):
            self._kept.append(incoming.sha256)

    def commit(self, tx: Repositories, to_owner: str, origin: dict[str, Any]) -> None:
        """Inside the import's transaction: the staged files become `to_owner`'s."""
        for record in self._ready:
            tx.knowledge.add_ready(record)
        if to_owner != self.owner:
            tx.knowledge.remove_owner(to_owner)
            tx.knowledge.move(self.owner, to_owner)
        tx.knowledge.set_origin(to_owner, origin)

    def discard(self) -> None:
        """Forget everything staged: the table, the rows, the originals only this import kept."""
        self._index.drop(self.owner)
        for record in self._store.knowledge.list(self.owner):
            (self._originals / LOCKS / f"{record.id}.lock").unlink(missing_ok=True)
        self._store.knowledge.remove_owner(self.owner)
        for digest in dict.fromkeys(self._kept):
            if not self._store.knowledge.in_use(digest):
                (self._originals / digest).unlink(missing_ok=True)
