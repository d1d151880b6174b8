"""A fake Hugging Face Hub on 127.0.0.1: the resolve endpoint that downloads use."""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

# Serves HEAD and GET `/{owner}/{repo}/resolve/{revision}/{file}` with the headers
# huggingface_hub reads (X-Repo-Commit, ETag, X-Linked-Etag, X-Linked-Size, Content-Length,
# Accept-Ranges) and honours `Range: bytes=N-`. Scriptable: cut the body at a byte offset (a
# dropped connection), slow each piece down, advertise a sha256 the bytes do not have,
# answer gated or missing repositories the way the hub does, ignore Range headers, and
# record every request.

COMMIT = "0123456789abcdef0123456789abcdef01234567"
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<revision>[^/]+)/(?P<file>.+)$")
_RANGE = re.compile(r"^bytes=(\d+)-$")
_PIECE = 64 * 1024


@dataclass
class HubFile:
    data: bytes
    sha256: str  # what the hub advertises; normally the data's own
    lfs: bool = True


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Script:
    """What the server does wrong, on purpose."""

    cut_at: int | None = None  # close the connection once this file offset is sent
    cuts_left: int = 0  # how many responses to cut (then serve normally)
    gated: set[str] = field(default_factory=set)  # repos that answer 401 GatedRepo
    ignore_range: bool = False  # answer a Range request with the whole file (200)
    piece_delay_s: float = 0.0  # pause after each 64 KiB piece: a slower connection


class FakeHub:
    """Start with `with FakeHub() as hub:`; `hub.url` is the HF_ENDPOINT to use."""

    def __init__(self) -> None:
        self.files: dict[tuple[str, str], HubFile] = {}
        self.script = Script()
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add(
        self, repo: str, name: str, data: bytes, *, sha256: str | None = None, lfs: bool = True
    ) -> HubFile:
        entry = HubFile(data, sha256 or hashlib.sha256(data).hexdigest(), lfs)
        self.files[(repo, name)] = entry
        return entry

    def cut(self, at: int, times: int = 1) -> None:
        self.script.cut_at, self.script.cuts_left = at, times

    def gets(self) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.method == "GET"]

    def record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def take_cut(self) -> int | None:
        with self._lock:
            if self.script.cut_at is None or self.script.cuts_left <= 0:
                return None
            self.script.cuts_left -= 1
            return self.script.cut_at

    def __enter__(self) -> FakeHub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, hub: FakeHub) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hub = hub


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: tests read `FakeHub.requests`, and stderr noise would hide failures."""

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        hub = self.server.hub
        hub.record(Request(self.command, self.path, dict(self.headers.items())))
        match = _RESOLVE.match(self.path.split("?")[0])
        if match is None:
            return self._error(404, "", "Not found")
        repo, name = match["repo"], match["file"]
        if repo in hub.script.gated:
            return self._error(401, "GatedRepo", "Access to this model is restricted")
        if not any(r == repo for r, _ in hub.files):
            return self._error(404, "RepoNotFound", "Repository not found")
        entry = hub.files.get((repo, name))
        if entry is None:
            return self._error(404, "EntryNotFound", "Entry not found", commit=True)
        self._send_file(entry, body)
        return None

    def _error(self, status: int, code: str, message: str, commit: bool = False) -> None:
        payload = f'{{"error": "{message}"}}'.encode()
        self.send_response(status)
        if code:
            self.send_header("X-Error-Code", code)
        self.send_header("X-Error-Message", message)
        if commit:
            self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        self.close_connection = True

    def _send_file(self, entry: HubFile, body: bool) -> None:
        size = len(entry.data)
        ranged = _RANGE.match(self.headers.get("Range", ""))
        honoured = ranged and body and not self.server.hub.script.ignore_range
        start = int(ranged.group(1)) if ranged and honoured else 0
        self.send_response(206 if start else 200)
        self.send_header("X-Repo-Commit", COMMIT)
        if entry.lfs:
            self.send_header("ETag", f'"{entry.sha256}"')
            self.send_header("X-Linked-Etag", f'"{entry.sha256}"')
            self.send_header("X-Linked-Size", str(size))
        else:
            self.send_header("ETag", f'"{hashlib.sha1(entry.data).hexdigest()}"')
        self.send_header("Accept-Ranges", "bytes")
        if start:
            self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        self.send_header("Content-Length", str(size - start))
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        if body:
            self._write_body(entry.data, start)

    def _write_body(self, data: bytes, start: int) -> None:
        cut = self.server.hub.take_cut()
        end = len(data) if cut is None else max(start, min(cut, len(data)))
        try:
            for at in range(start, end, _PIECE):
                self.wfile.write(data[at : min(at + _PIECE, end)])
                if self.server.hub.script.piece_delay_s:
                    self.wfile.flush()
                    time.sleep(self.server.hub.script.piece_delay_s)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the client went away (cancelled): nothing to do


@contextlib.contextmanager
def serving(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    """A running fake hub that downloads reach (HF_ENDPOINT is read at call time).

    Retries after a dropped connection wait 10 ms instead of a second.
    """
    from desktop.core.models import download

    with FakeHub() as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        monkeypatch.setattr(download, "RETRY_WAIT_S", 0.01)
        yield fake
