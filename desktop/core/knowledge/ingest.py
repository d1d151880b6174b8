"""Ingestion: files in, chunks in the index, with progress, cancellation and crash-resume.

For each file: hash it; skip it if the same name and content are already indexed; keep
the original (content-addressed, for rebuilds and capsules); mark it `indexing`; extract
(in a child process with time and memory limits; pages read by text recognition are
reported as they finish, as `reading` progress); chunk; embed (when a model is set);
add to the index; mark it `ready` with its pages and chunks. A file that fails is marked
`failed` with the reason and the batch goes on.

A process indexes a file while holding a lock on it (a lock file the system releases
when the process ends, however it ends). A file left `indexing` whose lock is free was
being indexed by a process that died: `recover()` clears its partial chunks and marks it
failed as `INTERRUPTED`, and the next `add()` to that knowledge indexes it again from
its stored original (`resume()` does only that).
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import filelock

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.gpt import KnowledgeSettings
from desktop.core.ids import new_id, now
from desktop.core.knowledge.chunk import chunk_extraction
from desktop.core.knowledge.extract.errors import OcrUnavailableError
from desktop.core.knowledge.types import Extraction, PageCallback
from desktop.core.store import Store
from desktop.core.store.knowledge import KnowledgeFile

if TYPE_CHECKING:
    from desktop.core.knowledge.index import KnowledgeIndex

INTERRUPTED = "interrupted"  # the error code of a file whose indexing process ended
LOCKS = ".indexing"  # under the originals' folder: one lock file per file being indexed


class Extract(Protocol):
    """Reads a file's text: `IsolatedExtractor.extract`, or a test's reader."""

    def __call__(
        self, path: Path, password: str | None, /, *, on_page: PageCallback | None = None
    ) -> Extraction:
        """`on_page` hears (done, total) as pages are read by text recognition."""
        ...


Embed = Callable[[list[str]], list[list[float]]]


@dataclass(frozen=True)
class Progress:
    """One step of a batch: a file started, finished, was skipped or failed."""

    file: str
    # "started" | "reading" (a page of it read by OCR) | "ok" | "skipped" | "failed" |
    # "cancelled"
    status: str
    files_done: int
    files_total: int
    pages: int = 0
    chunks: int = 0
    eta_s: float | None = None
    message: str = ""
    file_id: str | None = None
    page: int = 0  # while "reading": pages read so far, of `pages`


def collect(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: the files given, and every visible file under the folders given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def display_name(path: Path) -> str:
    """The file's name as UTF-8 text, as it is stored, shown and searched.

    Bytes that are not UTF-8 (a name from another system's encoding) become U+FFFD.
    """
    name = path.name
    return os.fsencode(name).decode("utf-8", "replace") if _undecodable(name) else name


def _undecodable(name: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in name)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def keep_original(originals: Path, path: Path, digest: str) -> bool:
    """Keep a copy of `path` as `originals/digest`; False when one was there already."""
    target = originals / digest
    if target.exists():
        return False
    originals.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=originals, prefix=".incoming-")
    os.close(handle)
    shutil.copyfile(path, temporary)
    os.replace(temporary, target)  # atomic: a crash never leaves half an original
    return True


class Ingestor:
    """Adds, removes and rebuilds the knowledge of one owner (a GPT or a thread)."""

    def __init__(
        self,
        store: Store,
        index: KnowledgeIndex,
        originals: Path,
        extract: Extract,
        embed: Embed | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._index = index
        self._originals = originals
        self._locks = originals / LOCKS
        self._extract = extract
        self._embed = embed
        self._clock = clock

    def original(self, file: KnowledgeFile) -> Path:
        return self._originals / file.sha256

    # -- adding --------------------------------------------------------------------------

    def add(
        self,
        owner: str,
        paths: Iterable[Path],
        settings: KnowledgeSettings,
        password: str | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[Progress]:
        """Index `paths` (files, or folders of them); first the files a crash interrupted."""
        yield from self._reindex(owner, settings, self._retry(owner), cancel, build=False)
        files = collect(paths)
        sizes = [p.stat().st_size if p.is_file() else 0 for p in files]
        started, done_bytes = self._clock(), 0
        for number, (path, size) in enumerate(zip(files, sizes, strict=True)):
            if cancel is not None and cancel.cancelled:
                yield Progress(display_name(path), "cancelled", number, len(files))
                return
            eta = _eta(self._clock() - started, done_bytes, sum(sizes) - done_bytes)
            yield Progress(display_name(path), "started", number, len(files), eta_s=eta)
            yield from self._add_one(owner, path, settings, password, number + 1, len(files))
            done_bytes += size
        self._index.build(owner)

    def _add_one(
        self,
        owner: str,
        path: Path,
        settings: KnowledgeSettings,
        password: str | None,
        number: int,
        total: int,
    ) -> Iterator[Progress]:
        name = display_name(path)
        try:
            if not path.is_file():
                raise errors.ValidationError(
                    errors.said("{path} is not a file (or no longer exists).", path=path)
                )
            digest = sha256_of(path)
        except OSError as exc:
            reason = errors.said("cannot read it: {reason}", reason=exc.strerror)
            yield Progress(name, "failed", number, total, message=reason)
            return
        except errors.CapsuleError as exc:
            yield Progress(name, "failed", number, total, message=exc.message)
            return
        existing = self._store.knowledge.by_name(owner, name)
        if existing is not None and existing.sha256 == digest and existing.status == "ready":
            yield Progress(
                name,
                "skipped",
                number,
                total,
                existing.pages,
                existing.chunks,
                message="unchanged",
                file_id=existing.id,
            )
            return
        if existing is not None:
            self._index.delete_file(owner, existing.id)
        record = KnowledgeFile(
            new_id("file"),
            owner,
            name,
            digest,
            path.stat().st_size,
            "indexing",
            0,
            0,
            now(),
            now(),
        )
        self._keep_original(path, digest)
        with self._indexing(record.id):
            self._store.knowledge.start(record)
            yield from self._index_file(
                record, self.original(record), settings, password, number, total
            )

    def _keep_original(self, path: Path, digest: str) -> None:
        keep_original(self._originals, path, digest)

    def _index_file(
        self,
        record: KnowledgeFile,
        source: Path,
        settings: KnowledgeSettings,
        password: str | None,
        number: int,
        total: int,
    ) -> Iterator[Progress]:
        try:
            extraction = yield from self._read(source, record.name, password, number, total)
            if not any(s.text.strip() for s in extraction.sections):
                raise _no_text(record.name, extraction.warnings)
            chunks = chunk_extraction(
                record.id, extraction, settings.chunk_size, settings.chunk_overlap
            )
            vectors = self._embed([c.text for c in chunks]) if self._embed and chunks else None
            self._index.add(record.owner, chunks, vectors)
        except errors.CapsuleError as exc:
            self._index.delete_file(record.owner, record.id)
            self._store.knowledge.fail(record.id, exc.to_dict())
            yield Progress(
                record.name, "failed", number, total, message=exc.message, file_id=record.id
            )
            return
        self._store.knowledge.finish(record.id, extraction.pages, len(chunks), extraction.warnings)
        note = "; ".join(extraction.warnings[:3])
        yield Progress(
            record.name,
            "ok",
            number,
            total,
            extraction.pages,
            len(chunks),
            message=note,
            file_id=record.id,
        )

    def _read(
        self, source: Path, name: str, password: str | None, number: int, total: int
    ) -> Generator[Progress, None, Extraction]:
        """Extract on a helper thread, yielding a `reading` progress for each page read.

        The extraction blocks (a scan's pages take seconds each in the child), and this
        generator's reader should hear of every page meanwhile.
        """
        pages: queue.SimpleQueue[tuple[int, int] | None] = queue.SimpleQueue()
        outcome: list[Extraction | BaseException] = []

        def run() -> None:
            try:
                outcome.append(self._extract_named(source, name, password, pages.put_nowait))
            except BaseException as exc:  # handed to the generator, which raises it
                outcome.append(exc)
            finally:
                pages.put(None)

        threading.Thread(target=run, daemon=True, name="extract-file").start()
        while (page := pages.get()) is not None:
            yield Progress(name, "reading", number - 1, total, pages=page[1], page=page[0])
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    def _extract_named(
        self, source: Path, name: str, password: str | None, on_page: Callable[[Any], None]
    ) -> Extraction:
        """Extract a stored original, which has no extension: give it its name back first."""
        with tempfile.TemporaryDirectory(prefix="capsule-extract-") as folder:
            named = Path(folder) / name
            try:
                os.link(source, named)
            except OSError:
                shutil.copyfile(source, named)
            return self._extract(named, password, on_page=lambda done, of: on_page((done, of)))

    # -- removing, resuming, rebuilding --------------------------------------------------

    def remove(self, owner: str, file_id: str) -> KnowledgeFile:
        record = self._store.knowledge.get(file_id)
        if record.owner != owner:
            raise errors.NotFoundError(
                errors.said("File {file_id} is not in this knowledge.", file_id=file_id)
            )
        self._index.delete_file(owner, file_id)
        self._store.knowledge.remove(file_id)
        (self._locks / f"{file_id}.lock").unlink(missing_ok=True)
        if not self._store.knowledge.in_use(record.sha256):
            self.original(record).unlink(missing_ok=True)
        return record

    def resume(self, owner: str, settings: KnowledgeSettings) -> Iterator[Progress]:
        """Index again every file a crash left half-done (files being indexed are left be)."""
        return self._reindex(owner, settings, self._retry(owner))

    def recover(self, owner: str) -> list[KnowledgeFile]:
        """Mark the files of `owner` whose indexing process ended as failed (`INTERRUPTED`).

        A file still being indexed by a live process (another window or command) is left
        as it is. Returns the files marked now.
        """
        marked = []
        for record in self._store.knowledge.list(owner, "indexing"):
            lock = self._lock(record.id)
            try:
                lock.acquire(timeout=0)
            except filelock.Timeout:
                continue  # a live process holds it
            try:
                if self._store.knowledge.get(record.id).status != "indexing":
                    continue  # it finished between the listing and the lock
                self._index.delete_file(owner, record.id)
                self._store.knowledge.fail(
                    record.id,
                    {
                        "code": INTERRUPTED,
                        "message": "indexing stopped before it finished (the program was "
                        "closed or ended); the next files added to this knowledge index it "
                        "again",
                    },
                )
            finally:
                lock.release()
            marked.append(record)
        return marked

    def _retry(self, owner: str) -> list[KnowledgeFile]:
        """The files of `owner` to index again: those a crash interrupted, now or before."""
        self.recover(owner)
        return [
            f
            for f in self._store.knowledge.list(owner, "failed")
            if (f.error or {}).get("code") == INTERRUPTED
        ]

    def _lock(self, file_id: str) -> filelock.BaseFileLock:
        self._locks.mkdir(parents=True, exist_ok=True)
        return filelock.FileLock(str(self._locks / f"{file_id}.lock"), thread_local=False)

    @contextmanager
    def _indexing(self, file_id: str) -> Iterator[None]:
        """Hold the file's lock while it is indexed, so others can tell we are alive."""
        lock = self._lock(file_id)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            raise errors.CapsuleError(
                errors.said(
                    "This file is being indexed by another window or command right now; try "
                    "again once that has finished."
                )
            ) from None
        try:
            yield
        finally:
            lock.release()

    def reindex(
        self,
        owner: str,
        files: list[KnowledgeFile],
        settings: KnowledgeSettings,
        cancel: CancelToken | None = None,
    ) -> Iterator[Progress]:
        """Index `files` again from their stored originals, replacing their chunks."""
        return self._reindex(owner, settings, files, cancel)

    def rebuild(
        self, owner: str, settings: KnowledgeSettings, cancel: CancelToken | None = None
    ) -> Iterator[Progress]:
        """Drop the table and index every file again from its stored original."""
        self._index.drop(owner)
        return self._reindex(owner, settings, self._store.knowledge.list(owner), cancel)

    def _reindex(
        self,
        owner: str,
        settings: KnowledgeSettings,
        files: list[KnowledgeFile],
        cancel: CancelToken | None = None,
        *,
        build: bool = True,
    ) -> Iterator[Progress]:
        for number, record in enumerate(files, 1):
            if cancel is not None and cancel.cancelled:
                yield Progress(record.name, "cancelled", number - 1, len(files))
                return
            try:
                with self._indexing(record.id):
                    self._index.delete_file(owner, record.id)
                    self._store.knowledge.start(record)
                    yield from self._index_file(
                        record, self.original(record), settings, None, number, len(files)
                    )
            except errors.CapsuleError as exc:
                yield Progress(record.name, "failed", number, len(files), message=exc.message)
        if build:
            self._index.build(owner)


def _eta(elapsed: float, done: int, left: int) -> float | None:
    if done <= 0 or elapsed <= 0:
        return None
    return round(left / (done / elapsed), 1)


def _no_text(name: str, warnings: list[str]) -> errors.CapsuleError:
    if any("install the OCR engine" in w for w in warnings):
        return OcrUnavailableError(
            errors.said(
                "{name} has no text layer (scanned pages): reading it needs text recognition "
                "(OCR), and the optional OCR engine is not installed.",
                name=name,
            )
        )
    if any("scanned" in w for w in warnings):
        return errors.CapsuleError(
            errors.said(
                "{name} is scanned, and text recognition (OCR) found no text on its pages. If "
                "it does hold text, scan it again at a higher resolution and add that.",
                name=name,
            )
        )
    return errors.CapsuleError(errors.said("{name} contains no text to search.", name=name))
