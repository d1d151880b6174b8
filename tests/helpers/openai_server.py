"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, for testing remote providers.

Tests queue `Answer`s; each request (any path) takes the next one, and is recorded with its
path, headers and JSON body. Streams go out as chunked server-sent events, so a connection
dropped mid-stream is a real protocol error on the client's side::

    with OpenAIServer() as server:
        server.script(text_answer("Hel", "lo"), error_answer(401, "bad key"))
        ... point a client at server.url ...
        assert server.requests[0].body["stream"] is True
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    """One scripted answer. With `events` it is a stream; otherwise `body` (JSON) or `raw`."""

    status: int = 200
    body: Any = None
    events: list[Any] | None = None  # dicts go out as JSON; strings as they are
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line: a slow first byte
    drop_after: int | None = None  # close the connection after this many events
    stall_after: int | None = None  # go silent after this many events, until the server stops
    done: bool = True  # end the stream with `data: [DONE]`
    interval: float = 0.0  # seconds between events: a stream paced like a real model


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str  # with the query string
    headers: dict[str, str]  # names in lower case
    body: Any  # parsed JSON, or the raw bytes
    peer_port: int  # the client's port: equal ports mean a reused connection


# -- answers ------------------------------------------------------------------------------


def chunk(
    delta: dict[str, Any] | None = None, finish: str | None = None, usage: Any = None
) -> dict[str, Any]:
    """One `chat.completion.chunk`; `delta=None` with `usage` makes a usage-only chunk."""
    data: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "test-model",
        "choices": [],
    }
    if delta is not None or finish is not None:
        data["choices"] = [{"index": 0, "delta": delta or {}, "finish_reason": finish}]
    if usage is not None:
        data["usage"] = usage
    return data


def usage(prompt: int, completion: int, cached: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }
    if cached is not None:
        data["prompt_tokens_details"] = {"cached_tokens": cached}
    return data


def text_answer(
    *pieces: str, finish: str = "stop", tokens: tuple[int, int] | None = None, **kw: Any
) -> Answer:
    """Streams `pieces` as content deltas, then the finish chunk and an optional usage chunk."""
    events: list[Any] = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in pieces]
    events.append(chunk({}, finish=finish))
    if tokens is not None:
        events.append(chunk(usage=usage(*tokens)))
    return Answer(events=events, **kw)


def tool_answer(*calls: tuple[str, str, str], **kw: Any) -> Answer:
    """Streams parallel tool calls `(id, name, arguments)`, each split across chunks."""
    events: list[Any] = [chunk({"role": "assistant", "content": None})]
    for index, (call_id, name, arguments) in enumerate(calls):
        half, name_half = len(arguments) // 2, len(name) // 2
        head = {"index": index, "id": call_id, "type": "function"}
        events.append(chunk({"tool_calls": [{**head, "function": {"name": name[:name_half]}}]}))
        rest = {"index": index, "function": {"name": name[name_half:]}}
        events.append(chunk({"tool_calls": [rest]}))
        for piece in (arguments[:half], arguments[half:]):
            events.append(
                chunk({"tool_calls": [{"index": index, "function": {"arguments": piece}}]})
            )
    events.append(chunk({}, finish="tool_calls"))
    return Answer(events=events, **kw)


def error_answer(status: int, message: str, **kw: Any) -> Answer:
    body = {"error": {"message": message, "type": "test_error", "code": None}}
    return Answer(status=status, body=body, **kw)


def models_answer(*ids: str) -> Answer:
    return Answer(body={"object": "list", "data": [{"id": i, "object": "model"} for i in ids]})


def embeddings_answer(vectors: list[list[float]], reverse: bool = False) -> Answer:
    """An embeddings response; `reverse` lists the items out of order (by `index`)."""
    data = [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)]
    if reverse:
        data.reverse()
    return Answer(body={"object": "list", "data": data, "model": "test-embed"})


def fast_answer(tokens: int, piece: str = "tok ") -> Answer:
    """A long stream for benchmarks: `tokens` content chunks, sent as fast as possible."""
    answer = text_answer(*([piece] * tokens), tokens=(10, tokens))
    answer.raw = b"".join(_sse(event) for event in answer.events or []) + b"data: [DONE]\n\n"
    return answer


def _sse(event: Any) -> bytes:
    data = event if isinstance(event, str) else json.dumps(event, separators=(",", ":"))
    return f"data: {data}\n\n".encode()


# -- the server ---------------------------------------------------------------------------


class OpenAIServer:
    """Serves scripted answers on 127.0.0.1 (a free port) from a background thread.

    With `repeat`, the last answer is served again whenever the queue runs dry (benchmarks).
    """

    def __init__(self, repeat: bool = False) -> None:
        self.requests: list[Recorded] = []
        self._answers: deque[Answer] = deque()
        self._repeat = repeat
        self._last: Answer | None = None
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = _Httpd(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL a client uses, ending in `/v1`."""
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *answers: Answer) -> None:
        with self._lock:
            self._answers.extend(answers)

    def next_answer(self, recorded: Recorded) -> Answer:
        with self._lock:
            self.requests.append(recorded)
            if self._answers:
                self._last = self._answers.popleft()
            elif not (self._repeat and self._last):
                return error_answer(500, "the test server has no scripted answer left")
            assert self._last is not None
            return self._last

    def start(self) -> OpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # wakes handlers sleeping in a delay
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True
    owner: OpenAIServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up (cancel tests) are expected; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, and chunked streams
    server: _Httpd

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        headers = {k.lower(): v for k, v in self.headers.items()}
        owner = self.server.owner
        peer = self.client_address[1]
        answer = owner.next_answer(Recorded(self.command, self.path, headers, body, peer))
        if answer.delay and owner.stopping.wait(answer.delay):
            self.close_connection = True
            return
        try:
            if answer.events is not None:
                self._stream(answer)
            else:
                self._send(answer)
        except OSError:  # the client went away
            self.close_connection = True

    def _send(self, answer: Answer) -> None:
        payload = answer.raw if answer.raw is not None else json.dumps(answer.body).encode()
        self.send_response(answer.status)
        content_type = "application/octet-stream" if answer.raw else "application/json"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def _stream(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if answer.raw is not None:  # pre-rendered (fast mode): a few large chunks
            for start in range(0, len(answer.raw), 65536):
                self._chunk(answer.raw[start : start + 65536])
            self.wfile.write(b"0\r\n\r\n")
            return
        started = time.perf_counter()
        for sent, event in enumerate(answer.events or []):
            if answer.interval:
                wait = started + sent * answer.interval - time.perf_counter()
                if wait > 0 and self.server.owner.stopping.wait(wait):
                    return
            if sent == answer.stall_after:
                self.server.owner.stopping.wait()
                self.close_connection = True
                return
            if answer.drop_after is not None and sent >= answer.drop_after:
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)  # mid-body: no final chunk
                self.close_connection = True
                return
            self._chunk(_sse(event))
        if answer.done:
            self._chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()
