"""The model host's loop: read requests from the app, serve them one at a time, answer.

Runs in the model host process. A reading thread takes every message off stdin at once,
so that a cancel reaches a generation in progress; the main thread serves the rest in
order. Streamed events leave in batches: a sending thread writes whatever the sampler has
produced since its last write, so the pipe costs little per token however fast the model.
"""

from __future__ import annotations

import collections
import ctypes
import json
import logging
import math
import os
import queue
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import IO, Any

import llama_cpp
import llama_cpp.llama_cpp as llama_lib

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.providers import base
from desktop.core.providers.llama import wire
from desktop.core.providers.llama.server import grammar, rerank, tooling
from desktop.core.providers.llama.server import model as models
from desktop.core.providers.llama.server.sampling import generate

EMBED_BATCH = 32  # texts per llama.cpp call
# ggml's log levels: 1 debug, 2 info, 3 warn, 4 error, 5 "continues the last line".
_LOG_WARN = 3
_LOG_ERROR = 4
_LOG_CONT = 5


class _Outbox:
    """Batches one request's events onto the pipe from a sending thread."""

    def __init__(self, send: Callable[[Any], None], request_id: int) -> None:
        self._send = send
        self._id = request_id
        self._items: list[base.ProviderEvent] = []
        self._closed = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True, name="host-send")
        self._thread.start()

    def put(self, event: base.ProviderEvent) -> None:
        with self._ready:
            self._items.append(event)
            self._ready.notify()

    def close(self) -> None:
        """Send what is left and stop the sending thread."""
        with self._ready:
            self._closed = True
            self._ready.notify()
        self._thread.join()

    def _run(self) -> None:
        while True:
            with self._ready:
                self._ready.wait_for(lambda: self._items or self._closed)
                batch, self._items = self._items, []
                closed = self._closed
            if batch:
                self._send((wire.EVENTS, self._id, batch))
            if closed:
                return


class Server:
    """The one loaded model of this host and the requests about it."""

    def __init__(self, out: IO[bytes], said: Callable[[], str] = lambda: "") -> None:
        self._out = out
        self._said = said
        self._out_lock = threading.Lock()
        self._model: models.LoadedModel | None = None
        self._cancels: dict[int, CancelToken] = {}
        self._cancel_lock = threading.Lock()
        self._finished = 0  # request ids up to this one are answered
        self._rendered: tuple[str, models.Rendered] | None = None
        self._plan: tuple[str, tooling.ToolPlan | None] | None = None
        self._schema: tuple[str, str | None] | None = None
        self._ops: dict[str, Callable[[int, Any], Any]] = {
            wire.LOAD: self._load,
            wire.RENDER: self._render_op,
            wire.STREAM: self._stream,
            wire.EMBED: self._embed,
            wire.RERANK: self._rerank,
            wire.INFO: lambda _rid, _payload: models.build_info(),
        }

    def send(self, message: Any) -> None:
        with self._out_lock:
            wire.write_frame(self._out, message)

    # -- cancelling (from the reading thread) ----------------------------------------------

    def token(self, request_id: int) -> CancelToken:
        with self._cancel_lock:
            return self._cancels.setdefault(request_id, CancelToken())

    def cancel(self, request_id: int) -> None:
        with self._cancel_lock:
            if request_id <= self._finished:
                return  # answered already: nothing to stop
        self.token(request_id).cancel()

    def cancel_all(self) -> None:
        with self._cancel_lock:
            tokens = list(self._cancels.values())
        for token in tokens:
            token.cancel()

    # -- serving -----------------------------------------------------------------------------

    def handle(self, op: str, request_id: int, payload: Any) -> None:
        """Serve one request; every outcome, failure included, becomes its answer."""
        try:
            if op not in self._ops:
                raise errors.ProviderError(f"the model host has no request '{op}'")
            result = self._ops[op](request_id, payload)
        except BaseException as exc:  # each failure goes back as this request's answer
            if not isinstance(exc, errors.CapsuleError):
                traceback.print_exc()  # to stderr, which the app keeps in its log
            self.send((wire.ERROR, request_id, wire.RemoteError.of(exc)))
        else:
            self.send((wire.RESULT, request_id, result))
        finally:
            with self._cancel_lock:
                self._cancels.pop(request_id, None)
                self._finished = max(self._finished, request_id)

    def close(self) -> None:
        if self._model is not None:
            self._model.close()
            self._model = None

    def _loaded(self) -> models.LoadedModel:
        if self._model is None:
            raise errors.ProviderError("the model host has no model loaded")
        return self._model

    def _load(self, request_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        token = self.token(request_id)
        sent = -1.0

        def progress(fraction: float) -> bool:
            nonlocal sent
            if fraction >= 1.0 or fraction - sent >= 0.02:
                sent = fraction
                self.send((wire.PROGRESS, request_id, fraction))
            return not token.cancelled

        self.close()
        self._model = models.load(
            payload["path"], payload["settings"], payload["template"], progress, self._said
        )
        self._rendered = self._plan = self._schema = None
        return self._model.details

    def _render(self, request: base.ChatRequest) -> models.Rendered:
        """The prompt for `request`, kept while the request stays the same."""
        fingerprint = json.dumps(
            [request.messages, request.tools, request.tool_choice], sort_keys=True
        )
        if self._rendered is not None and self._rendered[0] == fingerprint:
            return self._rendered[1]
        model = self._loaded()
        try:
            given = tooling.request_input(model, request)
            result = tooling.apply_template(model.formatter, given)
        except Exception as exc:  # jinja2 and the template's own raise_exception
            raise errors.ProviderError(
                errors.said(
                    "The model's chat template could not render this conversation: {reason}. "
                    "Pick another model, or start a new thread.",
                    reason=exc,
                )
            ) from None
        tokens = model.llm.tokenize(
            result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True
        )
        rendered = models.Rendered(result.prompt, list(tokens))
        self._rendered = (fingerprint, rendered)
        return rendered

    def _render_op(self, _request_id: int, request: base.ChatRequest) -> tuple[str, int]:
        rendered = self._render(request)
        return rendered.text, len(rendered.tokens)

    def _tool_plan(self, request: base.ChatRequest) -> tooling.ToolPlan | None:
        """The request's parser and grammar, kept while the tools and choice stay the same."""
        fingerprint = json.dumps([request.tools, request.tool_choice], sort_keys=True)
        if self._plan is None or self._plan[0] != fingerprint:
            self._plan = (fingerprint, tooling.tool_plan(self._loaded(), request))
        return self._plan[1]

    def _schema_grammar(self, schema: dict[str, Any]) -> str | None:
        """The grammar of a response schema, kept while the schema stays the same."""
        fingerprint = json.dumps(schema, sort_keys=True)
        if self._schema is None or self._schema[0] != fingerprint:
            vocab = self._loaded().llm._model.vocab  # the adapter owns this detail
            self._schema = (fingerprint, grammar.schema_grammar(schema, vocab))
        return self._schema[1]

    def _stream(self, request_id: int, request: base.ChatRequest) -> None:
        model = self._loaded()
        rendered = self._render(request)
        window = model.llm.n_ctx()
        if len(rendered.tokens) >= window:
            raise errors.ContextOverflowError(
                errors.said(
                    "The prompt is {tokens} tokens; the context holds {window}. "
                    "Shorten the conversation or raise the GPT's context size.",
                    tokens=len(rendered.tokens),
                    window=window,
                )
            )
        plan = self._tool_plan(request)
        shape = None
        outbox = _Outbox(self.send, request_id)
        try:
            if plan is None and request.response_schema is not None:
                shape = self._schema_grammar(request.response_schema)
                if shape is None:
                    outbox.put(
                        base.Notice(
                            "the response schema could not be turned into a grammar; "
                            "the answer was not held to it"
                        )
                    )
            generate(
                model.llm, request, rendered.tokens, self.token(request_id), outbox.put, plan, shape
            )
        finally:
            outbox.close()

    def _embed(self, _request_id: int, texts: list[str]) -> list[list[float]]:
        llm = self._loaded().llm
        vectors: list[list[float]] = []
        for start in range(0, len(texts), EMBED_BATCH):
            batch = [t if t.strip() else " " for t in texts[start : start + EMBED_BATCH]]
            try:
                raw = llm.embed(batch, normalize=False, truncate=True)
            except (RuntimeError, ValueError) as exc:
                raise errors.ModelError(
                    errors.said("The embedding model failed: {reason}", reason=exc)
                ) from None
            vectors.extend(_normalised(_pooled(item)) for item in raw)
        return vectors

    def _rerank(self, request_id: int, payload: tuple[str, list[str]]) -> list[float]:
        query, documents = payload
        return rerank.rerank(self._loaded().llm, query, documents, self.token(request_id))


def _pooled(item: Any) -> list[float]:
    if item and isinstance(item[0], list):  # per-token vectors: mean-pool them
        width = len(item[0])
        return [sum(token[i] for token in item) / len(item) for i in range(width)]
    return [float(x) for x in item]


def _normalised(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector] if norm > 0 else vector


# -- llama.cpp's own log -----------------------------------------------------------------


class _Log:
    """llama.cpp's log lines, sent to stderr, which the app writes to its log file.

    Info and debug lines (hundreds per load) only when `everything`; warnings and errors
    always. The last error lines are kept: they say what was wrong with a file.
    """

    def __init__(self, everything: bool) -> None:
        self._everything = everything
        self._level = 0
        self._errors: collections.deque[str] = collections.deque(maxlen=3)
        self.callback = llama_lib.llama_log_callback(self._write)  # kept referenced here
        llama_cpp.llama_log_set(self.callback, ctypes.c_void_p(0))

    def _write(self, level: int, text: bytes, _user: ctypes.c_void_p) -> None:
        self._level = self._level if level == _LOG_CONT else level
        line = text.decode("utf-8", "replace")
        if self._everything or self._level >= _LOG_WARN:
            sys.stderr.write(line)
        if self._level >= _LOG_ERROR and line.strip():
            self._errors.append(line.strip())

    def errors(self) -> str:
        """The error lines since the last call, joined."""
        said = "; ".join(self._errors)
        self._errors.clear()
        return said


def serve(inbox: IO[bytes], out: IO[bytes], said: Callable[[], str] = lambda: "") -> None:
    """Serve requests from `inbox` until it ends (the app closed it, or died)."""
    server = Server(out, said)
    pending: queue.SimpleQueue[tuple[str, int, Any] | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            while (message := wire.read_frame(inbox)) is not None:
                op, request_id, payload = message
                if op == wire.CANCEL:
                    server.cancel(payload)
                else:
                    pending.put((op, request_id, payload))
        except (OSError, wire.BrokenFrameError):
            logging.getLogger(__name__).exception("the app's pipe broke")
        finally:
            server.cancel_all()  # the app is gone: stop whatever runs, then leave
            pending.put(None)

    threading.Thread(target=read, daemon=True, name="host-read").start()
    try:
        while (request := pending.get()) is not None:
            server.handle(*request)
    except BrokenPipeError:
        pass  # the app stopped reading: nobody is left to answer
    finally:
        server.close()


def main() -> int:
    # Ctrl-C in a terminal reaches the whole process group; the app decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # from here on, a stray print() lands on stderr, not on the pipe
    log = _Log(everything=os.environ.get("CAPSULE_LLAMA_LOG", "") == "all")
    serve(sys.stdin.buffer, out, log.errors)
    return 0
