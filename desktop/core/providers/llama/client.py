"""The app's side of one model host process: requests out, answers and events back.

Thread-safe: several threads may send requests; the host serves them in order, and each
caller reads only its own request's answers. A reading thread routes what the host
writes; when the host dies, every waiting caller gets a typed error that says how.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import queue
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import Any

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.child import ChildProcess, describe_exit, killed_for_memory
from desktop.core.providers.llama import wire

# What llama-cpp-python itself prints while a model loads (its verbose mode, which the host
# keeps on so that llama.cpp's own reasons reach the log): the model's metadata, the CPU's
# features, the chat format it guessed. None of it says why a model stopped.
CHATTER = (
    "Model metadata:",
    "Using fallback chat format",
    "Using gguf chat template",
    "Using chat ",
    "Available chat formats",
    "Guessed chat format",
    "CPU : ",
    "AVX = ",
)
SERVER_MODULE = "desktop.core.providers.llama.server"
# How often a waiting caller looks at its cancel flag, and how long a host may take to
# stop after a cancel before it is killed (a long prompt is evaluated in one go).
POLL_S = 0.05
CANCEL_GRACE_S = 3.0
_GONE = "gone"  # a reply kind of this side only: the host ended
CANCELLED = "cancelled"  # yielded by `exchange` when a host that ignored a cancel was killed

_log = logging.getLogger("desktop.llama.host")


class HostProcess:
    """One running model host; `label` names its model in error messages."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.phase = "starting"  # "loading", then "running": for error messages
        try:
            self._child = ChildProcess(SERVER_MODULE, [], log=_log)
        except OSError as exc:
            raise errors.ModelLoadError(
                errors.said(
                    "The process that runs local models could not start ({reason}). Restart "
                    "Capsule Studio; if this keeps happening, reinstall it.",
                    reason=exc,
                )
            ) from None
        self._ids = itertools.count(1)
        self._send_lock = threading.Lock()
        self._replies: dict[int, queue.SimpleQueue[tuple[str, Any]]] = {}
        self._replies_lock = threading.Lock()
        self._gone = False
        threading.Thread(target=self._read, daemon=True, name="llama-host-read").start()

    @property
    def pid(self) -> int:
        return self._child.pid

    @property
    def alive(self) -> bool:
        return not self._gone and self._child.alive()

    # -- the pipe ----------------------------------------------------------------------------

    def _read(self) -> None:
        """Route every message to the queue of the request it answers."""
        stream = self._child.stdout
        try:
            with stream:
                while (message := wire.read_frame(stream)) is not None:
                    kind, request_id, payload = message
                    with self._replies_lock:
                        waiting = self._replies.get(request_id)
                    if waiting is not None:  # nobody waits for a dropped request's rest
                        waiting.put((kind, payload))
        except (OSError, ValueError, wire.BrokenFrameError):
            _log.exception("the model host's pipe broke")
        finally:
            with self._replies_lock:
                self._gone = True
                for waiting in self._replies.values():
                    waiting.put((_GONE, None))

    def _send(self, message: tuple[str, int, Any]) -> None:
        # A host that is gone cannot be written to; the reading thread tells the caller.
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            wire.write_frame(self._child.stdin, message)

    # -- requests ------------------------------------------------------------------------------

    def exchange(
        self, op: str, payload: Any, cancel: CancelToken | None = None
    ) -> Iterator[tuple[str, Any]]:
        """Send one request; yield its messages as `(kind, payload)`, ending with its result.

        A set `cancel` is passed on to the host; a host that has not ended the request
        `CANCEL_GRACE_S` seconds later is killed, and `(CANCELLED, None)` comes last.
        A caller that stops reading early cancels the request the same way.

        Raises:
            errors.CapsuleError: the request's own error, raised in the host.
            errors.ModelCrashedError: the host ended (a crash, an abort, killed for memory).
        """
        request_id = next(self._ids)
        replies: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        with self._replies_lock:
            if self._gone:
                raise self._crash_error()
            self._replies[request_id] = replies
        self._send((op, request_id, payload))
        finished = False
        asked_at: float | None = None
        try:
            while True:
                if asked_at is None and cancel is not None and cancel.cancelled:
                    self._send((wire.CANCEL, 0, request_id))
                    asked_at = time.monotonic()
                try:
                    kind, body = replies.get(timeout=POLL_S)
                except queue.Empty:
                    if asked_at is not None and time.monotonic() - asked_at > CANCEL_GRACE_S:
                        _log.warning("the model host ignored a cancel; stopping it")
                        self.kill()
                        finished = True
                        yield CANCELLED, None
                        return
                    continue
                if kind == _GONE:
                    finished = True
                    raise self._crash_error()
                if kind == wire.ERROR:
                    finished = True
                    raise body.rebuild()
                finished = kind == wire.RESULT
                yield kind, body
                if finished:
                    return
        finally:
            if not finished:
                self._abandon(request_id, replies)
            with self._replies_lock:
                self._replies.pop(request_id, None)

    def _abandon(self, request_id: int, replies: queue.SimpleQueue[tuple[str, Any]]) -> None:
        """The caller stopped reading: stop the request, and the host if it will not."""
        self._send((wire.CANCEL, 0, request_id))
        deadline = time.monotonic() + CANCEL_GRACE_S
        while time.monotonic() < deadline:
            try:
                kind, _body = replies.get(timeout=POLL_S)
            except queue.Empty:
                continue
            if kind in (wire.RESULT, wire.ERROR, _GONE):
                return
        _log.warning("the model host ignored a cancel; stopping it")
        self.kill()

    def call(self, op: str, payload: Any = None, cancel: CancelToken | None = None) -> Any:
        """Send one request and return its result (progress and events are dropped)."""
        for kind, body in self.exchange(op, payload, cancel):
            if kind == wire.RESULT:
                return body
            if kind == CANCELLED:
                raise errors.CancelledError(errors.said("Stopped."))
        raise errors.ProviderError("the model host ended a request without an answer")

    # -- ending --------------------------------------------------------------------------------

    def _crash_error(self) -> errors.ModelError:
        try:
            code: int | None = self._child.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        if killed_for_memory(code):
            return errors.ModelCrashedError(_out_of_memory(self.phase, self.label))
        reason = describe_exit(code) if code is not None else errors.said("it stopped answering")
        return errors.ModelCrashedError(
            _crashed(self.phase, self.label, reason, self._child.last_lines(skip=CHATTER))
        )

    def kill(self) -> None:
        self._child.close(kill=True)

    def close(self) -> None:
        """Ask the host to leave (it frees the model); kill it if it does not."""
        self._child.close()


# The phase is a word of its own in each sentence (not a value), so that a translation
# can say "while loading" in its own way.


def _out_of_memory(phase: str, label: str) -> errors.Said:
    """The host was killed for memory while `phase` ("starting", "loading", "running")."""
    if phase == "starting":
        return errors.said(
            "llama.cpp was stopped while starting {label}: the system ran out of memory. "
            "Choose a smaller model (or a smaller quantization), lower the context size, or "
            "close other programs, then try again.",
            label=label,
        )
    if phase == "loading":
        return errors.said(
            "llama.cpp was stopped while loading {label}: the system ran out of memory. "
            "Choose a smaller model (or a smaller quantization), lower the context size, or "
            "close other programs, then try again.",
            label=label,
        )
    return errors.said(
        "llama.cpp was stopped while running {label}: the system ran out of memory. "
        "Choose a smaller model (or a smaller quantization), lower the context size, or "
        "close other programs, then try again.",
        label=label,
    )


def _crashed(phase: str, label: str, reason: str, words: str) -> errors.Said:
    """The host ended otherwise while `phase`; `words` are its last lines, if it left any."""
    values = {"label": label, "reason": reason, "words": words}
    if phase == "starting":
        return (
            errors.said(
                "llama.cpp stopped while starting {label} ({reason}). The model file may be "
                "damaged, or this llama.cpp build does not suit this CPU: see the README's "
                "'If a model crashes'. Its last words: {words}",
                **values,
            )
            if words
            else errors.said(
                "llama.cpp stopped while starting {label} ({reason}). The model file may be "
                "damaged, or this llama.cpp build does not suit this CPU: see the README's "
                "'If a model crashes'.",
                **values,
            )
        )
    if phase == "loading":
        return (
            errors.said(
                "llama.cpp stopped while loading {label} ({reason}). The model file may be "
                "damaged, or this llama.cpp build does not suit this CPU: see the README's "
                "'If a model crashes'. Its last words: {words}",
                **values,
            )
            if words
            else errors.said(
                "llama.cpp stopped while loading {label} ({reason}). The model file may be "
                "damaged, or this llama.cpp build does not suit this CPU: see the README's "
                "'If a model crashes'.",
                **values,
            )
        )
    return (
        errors.said(
            "llama.cpp stopped while running {label} ({reason}). The model file may be "
            "damaged, or this llama.cpp build does not suit this CPU: see the README's "
            "'If a model crashes'. Its last words: {words}",
            **values,
        )
        if words
        else errors.said(
            "llama.cpp stopped while running {label} ({reason}). The model file may be "
            "damaged, or this llama.cpp build does not suit this CPU: see the README's "
            "'If a model crashes'.",
            **values,
        )
    )
