"""Chat with a remote OpenAI-compatible model, streaming, with cancellation that never waits.

The openai client blocks while it waits for bytes (the first one can take a minute), so
the request runs on a daemon "pump" thread that feeds a queue; the caller's thread waits on
the queue in short slices and checks the cancel token between them.
"""

from __future__ import annotations

import contextlib
import json
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.endpoint import Endpoint
from desktop.core.providers.openai_compat.chunks import ChunkReader
from desktop.core.providers.openai_compat.client import ClientPool
from desktop.core.providers.openai_compat.failures import guarded, map_error
from desktop.core.providers.openai_compat.request import chat_body, prompt_tokens

# A remote model's window when neither the GPT nor the profile says: most current chat
# models take at least this much, and a smaller guess would truncate history for nothing.
DEFAULT_CONTEXT_SIZE = 32768
POLL_S = 0.05  # how long the caller waits on the queue between looks at the cancel token
FAST_BATCH = 8  # pieces in one batch that mark a fast stream, ...
BATCH_S = 0.01  # ... taken in batches this far apart (no one sees 10 ms)

_DONE = object()


class _Failure:
    """An exception from the pump thread; `started`: the HTTP response had begun."""

    __slots__ = ("error", "started")

    def __init__(self, error: BaseException, started: bool) -> None:
        self.error = error
        self.started = started


class _Pump:
    """Runs the blocking request on a daemon thread and reads its chunks into `items`.

    Puts the reader's pieces (text as `str`, other events as they are), then `_DONE`; a
    failure is put as `_Failure` before `_DONE`. Chunks are read here, so that only small
    pieces cross to the caller's thread. After a cancel the thread may linger until the
    server answers or the read timeout passes; it is a daemon, and what it reads goes unread.
    """

    def __init__(self, open_stream: Callable[[], Any], reader: ChunkReader) -> None:
        self.items: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.reader = reader
        self._open = open_stream
        self.stopped = False  # set by the caller's thread; a plain flag is enough here
        self.drained = False  # the caller has read the end (or the failure): nothing to stop
        self._lock = threading.Lock()
        self._stream: Any = None
        self._thread = threading.Thread(target=self._run, name="openai-pump", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        put, started = self.items.put, False
        try:
            stream = self._open()
            started = True
            with self._lock:
                self._stream = stream
                stopped = self.stopped
            if stopped:
                stream.close()
                return
            feed = self.reader.feed
            for chunk in stream:
                feed(chunk, put)
                if self.stopped:
                    break
        except BaseException as exc:  # hand every failure to the caller's thread
            put(_Failure(exc, started))
        finally:
            put(_DONE)

    def stop(self) -> None:
        """Ask the thread to end early; shutting the response's socket ends a blocked read."""
        with self._lock:
            self.stopped = True
            stream = self._stream
        if stream is not None:
            # Closing races the pump's read; whatever that raises there is dropped unread.
            with contextlib.suppress(Exception):
                _shut(stream)
            with contextlib.suppress(Exception):
                stream.close()


def _shut(stream: Any) -> None:
    """Shut the response's socket down, which wakes a read blocked in another thread.

    Closing alone does not: on Linux a blocked recv() outlives close(), so a silent server
    would keep the pump (and the request) alive until the read timeout.
    """
    network = stream.response.extensions.get("network_stream")
    sock = network.get_extra_info("socket") if network is not None else None
    if sock is not None:
        sock.shutdown(socket.SHUT_RDWR)


class RemoteProvider:
    """A model behind an OpenAI-compatible API, as a `base.Provider`.

    `context_size`: the argument, else the endpoint's, else `DEFAULT_CONTEXT_SIZE`.
    `clients` shares connections between providers of the same endpoint; without it the
    provider keeps its own client, closed by `close()`.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        model: str,
        context_size: int | None = None,
        *,
        clients: ClientPool | None = None,
    ) -> None:
        if not model.strip():
            raise errors.NoModelError(
                errors.said(
                    "No model chosen for {label}: set the GPT's model to one it serves.",
                    label=endpoint.label,
                ),
                errors.do(errors.Do.LIST_PROVIDER_MODELS, profile=endpoint.profile),
            )
        self.endpoint = endpoint
        self.model = model
        self._context = context_size or endpoint.context_size or DEFAULT_CONTEXT_SIZE
        self._clients = clients or ClientPool()
        self._owns_clients = clients is None

    @property
    def name(self) -> str:
        return f"{self.endpoint.profile}:{self.model}"

    @property
    def context_size(self) -> int:
        return self._context

    @property
    def loaded(self) -> bool:
        return True  # nothing to load on this side

    @property
    def load_details(self) -> dict[str, Any]:
        return {}

    def load(self) -> Iterator[base.LoadEvent]:
        """Nothing to load on this side: the server holds the model."""
        yield base.ModelLoaded(self.name, 0.0)

    def close(self) -> None:
        """Close the provider's own client (a shared `ClientPool` is closed by its owner)."""
        if self._owns_clients:
            self._clients.close()

    def prepare(self, request: base.ChatRequest) -> base.PreparedPrompt:
        """The exact JSON body that `stream` sends (it holds no secrets) and its estimated size."""
        text = json.dumps(self._body(request), ensure_ascii=False, indent=2)
        return base.PreparedPrompt(text=text, tokens=prompt_tokens(request.messages, request.tools))

    def _body(self, request: base.ChatRequest) -> dict[str, Any]:
        return chat_body(request, self.model, self.endpoint.info.include_usage)

    def stream(
        self, request: base.ChatRequest, cancel: base.CancelToken
    ) -> Iterator[base.ProviderEvent]:
        """Stream the answer; runs on the caller's thread (the request runs on a pump thread).

        Retries (429 and 5xx, honouring Retry-After) happen inside the client, before the
        first byte; once the answer has started, a broken stream is an error.
        """
        if cancel.cancelled:
            yield base.Finish("cancelled")
            return
        body = self._body(request)
        client = guarded(lambda: self._clients.get(self.endpoint), self.endpoint)
        pump = _Pump(
            lambda: client.chat.completions.create(**body), ChunkReader(self.endpoint.label)
        )
        pump.start()
        try:
            yield from self._events(pump, cancel)
        finally:
            if not pump.drained:  # cancelled, or the caller stopped reading
                pump.stop()

    def _events(self, pump: _Pump, cancel: base.CancelToken) -> Iterator[base.ProviderEvent]:
        get = pump.items.get
        pieces = 0
        while not cancel.cancelled:
            if pieces >= FAST_BATCH:
                # A fast stream: let pieces pile up before taking them. Every wake-up of
                # this thread makes the pump hand over the GIL, which costs more than this.
                time.sleep(BATCH_S)
            try:
                item = get(timeout=POLL_S)
            except queue.Empty:
                pieces = 0
                continue
            events, item, pieces = _take(get, item)
            pump.drained = item is _DONE or isinstance(item, _Failure)
            for event in events:
                if cancel.cancelled:
                    break
                yield event
            if cancel.cancelled:
                break
            if item is _DONE:
                yield from pump.reader.end()  # the pump is done with the reader
                return
            if isinstance(item, _Failure):
                received = pump.reader.chars if item.started else None
                raise map_error(item.error, self.endpoint, model=self.model, received=received)
        yield base.Finish("cancelled")


def _take(get: Callable[..., Any], item: Any) -> tuple[list[base.ProviderEvent], Any, int]:
    """Everything already queued after `item`, adjacent text joined into one TextDelta.

    Returns the events, the item that ended the batch (`_DONE`, a `_Failure`, or None when
    the queue ran dry) and how many pieces the batch held.
    """
    events: list[base.ProviderEvent] = []
    text: list[str] = []
    count = 0
    while item is not _DONE and not isinstance(item, _Failure):
        count += 1
        if type(item) is str:
            text.append(item)
        else:
            if text:
                events.append(base.TextDelta("".join(text)))
                text.clear()
            events.append(item)
        try:
            item = get(block=False)
        except queue.Empty:
            item = None
            break
    if text:
        events.append(base.TextDelta("".join(text)))
    return events, item, count
