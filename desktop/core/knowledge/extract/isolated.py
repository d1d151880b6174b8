"""Extraction in a child process with a wall-time and memory limit per file.

A PDF that loops forever, a parser that crashes, or a file that needs gigabytes costs
one typed error and a new child, never the app. `IsolatedExtractor` keeps its child
between files (starting Python and pypdf costs about a tenth of a second);
`extract_isolated` is the one-file form. Both block the calling thread, which should be
a worker thread, until the answer arrives.
"""

from __future__ import annotations

import collections
import json
import logging
import queue
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from desktop.core.child import ChildProcess
from desktop.core.errors import Said, said
from desktop.core.knowledge.extract.errors import (
    ERROR_CLASSES,
    ExtractionError,
    ExtractionTimeoutError,
    ExtractorBugError,
    MemoryLimitError,
)
from desktop.core.knowledge.types import Extraction, PageCallback, Section

_CHILD_MODULE = "desktop.core.knowledge.extract.child"
_EXTRACT_TARGET = f"{_CHILD_MODULE}:extract_as_dict"
_DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_log = logging.getLogger(__name__)


class _Child:
    """The extraction process, and the thread that reads its answers."""

    def __init__(self, memory_mb: int, ocr_memory_mb: int) -> None:
        self.proc = ChildProcess(_CHILD_MODULE, [str(memory_mb), str(ocr_memory_mb)])
        self.answers: queue.Queue[bytes] = queue.Queue()
        self.served = 0
        threading.Thread(
            target=self._read_answers, args=(self.proc.stdout,), daemon=True, name="extract-pipe"
        ).start()

    @property
    def stderr_tail(self) -> collections.deque[bytes]:
        return self.proc.stderr_tail

    def _read_answers(self, stream: IO[bytes]) -> None:
        with stream:
            for line in iter(stream.readline, b""):
                self.answers.put(line)
        self.answers.put(b"")  # end of output: the child is gone

    def ask(
        self, request: dict[str, Any], timeout_s: float, on_page: PageCallback | None = None
    ) -> dict[str, Any] | None:
        """The answer, or None if the child died; raises TimeoutError if it took too long.

        Each page the child reports goes to `on_page` and restarts the clock: the limit
        is on the time between two signs of life, so a long scan can take what it needs.
        """
        try:
            self.proc.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            self.proc.stdin.flush()
        except OSError:
            return None  # the child died before it could read; its exit code says why
        while True:
            try:
                line = self.answers.get(timeout=timeout_s)
            except queue.Empty:
                raise TimeoutError from None
            reply = json.loads(line) if line else None
            if reply is None or "progress" not in reply:
                break
            if on_page is not None:
                on_page(*reply["progress"])
        self.served += 1
        return reply

    def exit_reason(self) -> str:
        return self.proc.exit_reason()

    def close(self, kill: bool = False) -> None:
        self.proc.close(kill=kill)


class IsolatedExtractor:
    """Runs extraction in a reusable child process, one request at a time.

    A child that ran past `timeout_s`, crashed, ran out of memory, or served
    `recycle_after` files is replaced by a fresh one. A file that failed for memory or a
    crash in a child that had read other files first is retried once in a fresh child,
    so that one file's leftovers never fail the next. Safe to share between threads
    (requests queue on a lock); close it, or use it as a context manager, when done.
    """

    def __init__(
        self,
        timeout_s: float = 60.0,
        memory_mb: int = 1024,
        recycle_after: int = 200,
        ocr_memory_mb: int = 3072,
    ) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.ocr_memory_mb = ocr_memory_mb
        self.recycle_after = recycle_after
        self._child: _Child | None = None
        self._lock = threading.Lock()

    def extract(
        self,
        path: Path,
        password: str | None = None,
        max_bytes: int = _DEFAULT_MAX_BYTES,
        on_page: PageCallback | None = None,
    ) -> Extraction:
        """What `extract(path, password, max_bytes)` returns, read in the child process.

        `on_page(done, total)` hears of each page read by text recognition, on this thread.
        """
        path = Path(path).resolve()
        kwargs = {"path": str(path), "password": password, "max_bytes": max_bytes}
        found = self.call(_EXTRACT_TARGET, kwargs, name=path.name, on_page=on_page)
        sections = [Section(*fields) for fields in found["sections"]]
        return Extraction(sections, pages=found["pages"], warnings=found["warnings"])

    def call(
        self,
        target: str,
        kwargs: dict[str, Any],
        name: str,
        on_page: PageCallback | None = None,
    ) -> Any:
        """Call `module:function` with JSON `kwargs` in the child; its JSON result.

        Raises:
            ExtractionTimeoutError: it ran past the time limit; the child was killed.
            MemoryLimitError: it needed more than the memory limit.
            ExtractionError: the child failed otherwise; a typed error raised in the
                child comes back as the same class.
        """
        with self._lock:
            if self._child is not None:
                try:
                    return self._call_once(target, kwargs, name, on_page)
                except (MemoryLimitError, _ChildDied):
                    # Maybe the leftovers of earlier files: a fresh child decides.
                    _log.info("retrying %s in a fresh extraction process", name)
            try:
                return self._call_once(target, kwargs, name, on_page)
            except _ChildDied as died:
                raise died.public() from None

    def _call_once(
        self, target: str, kwargs: dict[str, Any], name: str, on_page: PageCallback | None
    ) -> Any:
        child = self._start()
        started = time.monotonic()
        try:
            reply = child.ask({"target": target, "kwargs": kwargs}, self.timeout_s, on_page)
        except TimeoutError:
            self._drop(kill=True)
            raise ExtractionTimeoutError(
                said(
                    "Reading {name} took longer than {seconds} seconds, so it was stopped. The "
                    "file may be damaged or unusually complex: open it in the program that "
                    "made it, save a copy (or print it to PDF), and add the copy.",
                    name=name,
                    seconds=f"{self.timeout_s:g}",
                )
            ) from None
        if reply is None:
            reason = child.exit_reason()
            _log.debug("extraction child died: %s; stderr: %r", reason, b"".join(child.stderr_tail))
            self._drop(kill=True)
            if "SIGKILL" in reason:  # what the kernel's out-of-memory killer sends
                raise _ChildDied(self._memory_message(name), out_of_memory=True)
            raise _ChildDied(self._died_message(name, reason))
        _log.debug("extracted %s in %.2f s", name, time.monotonic() - started)
        if child.served >= self.recycle_after:
            self._drop()
        if "ok" in reply:
            return reply["ok"]
        error, message = str(reply.get("error")), str(reply.get("message", ""))
        if error == "MemoryError":
            self._drop(kill=True)  # its heap is a mess now
            raise MemoryLimitError(self._memory_message(name))
        if error == "InternalError":
            raise ExtractorBugError(
                said(
                    "{name} could not be read because of an error in Capsule Studio "
                    "({reason}). Please report it, with the file if you can share it.",
                    name=name,
                    reason=message,
                )
            )
        raise ERROR_CLASSES.get(error, ExtractionError)(_sent(message, reply.get("said")))

    def _memory_message(self, name: str) -> str:
        return said(
            "Reading {name} needed more than {memory} MB of memory, so it was stopped. Split "
            "the file into smaller ones (or save it again without large images) and add those.",
            name=name,
            memory=self.memory_mb,
        )

    def _died_message(self, name: str, reason: str) -> str:
        return said(
            "The reader stopped unexpectedly on {name} ({reason}). This happens with damaged "
            "files and with files that need more than {memory} MB of memory: open it in the "
            "program that made it, save a copy, and add the copy.",
            name=name,
            reason=reason,
            memory=self.memory_mb,
        )

    def _start(self) -> _Child:
        if self._child is None:
            try:
                self._child = _Child(self.memory_mb, self.ocr_memory_mb)
            except OSError as exc:
                raise ExtractionError(
                    said(
                        "The process that reads files could not start ({reason}). Restart "
                        "Capsule Studio; if this keeps happening, reinstall it.",
                        reason=exc,
                    )
                ) from None
        return self._child

    def _drop(self, kill: bool = False) -> None:
        if self._child is not None:
            self._child.close(kill=kill)
            self._child = None

    def close(self) -> None:
        """End the child process (it also ends by itself when this process does)."""
        with self._lock:
            self._drop()

    def __enter__(self) -> IsolatedExtractor:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class _ChildDied(Exception):
    """The child process ended without answering (a crash, or killed for memory)."""

    def __init__(self, message: str, out_of_memory: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.out_of_memory = out_of_memory

    def public(self) -> ExtractionError:
        return (MemoryLimitError if self.out_of_memory else ExtractionError)(self.message)


def _sent(message: str, sent: object) -> str:
    """The child's message, with the template and values it was made from where it sent them."""
    if isinstance(sent, dict) and isinstance(sent.get("template"), str):
        values = sent.get("values")
        if isinstance(values, dict):
            made = Said(sent["template"], {str(k): str(v) for k, v in values.items()})
            if made == message:
                return made
    return message


def extract_isolated(
    path: Path,
    password: str | None = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    timeout_s: float = 60.0,
    memory_mb: int = 1024,
) -> Extraction:
    """`extract` in a fresh child process, with a time and a memory limit.

    The child is killed after `timeout_s` seconds and may use at most `memory_mb` MB of
    address space (enforced on Linux).

    For many files, keep one `IsolatedExtractor` instead: it reuses its child.

    Raises:
        ExtractionError: the same typed errors as `extract`, plus ExtractionTimeoutError
            and MemoryLimitError.
    """
    with IsolatedExtractor(timeout_s=timeout_s, memory_mb=memory_mb) as extractor:
        return extractor.extract(path, password=password, max_bytes=max_bytes)
