"""A local web on 127.0.0.1 for browsing tests: pages, redirects, failures, fake search APIs.

Tests add routes (`page`, `json`, `redirect`, `route` for a function of the request);
every request is recorded. Built-in routes:

- `/slow?seconds=S`: answers after S seconds (or when the server stops).
- `/huge?bytes=N[&chunked=1]`: N bytes of HTML, with a Content-Length unless chunked.
- anything else: 404 with a small HTML page.

The module also makes the sample pages the tests read when the shared data folder is
missing: an article among menus and ads, Chinese and Japanese articles, a page with a
table, and long articles.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Seen:
    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Reply:
    status: int = 200
    content_type: str = HTML
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Responder = Callable[[Seen], Reply]


class WebServer:
    """Serves the routes tests add on 127.0.0.1 (a free port) from a background thread."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.routes: dict[str, Reply | Responder] = {}
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _Httpd(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def page(
        self,
        path: str,
        body: str | bytes,
        content_type: str = HTML,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve `body` at `path`; returns the page's full URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Reply(status, content_type, data, headers or {})
        return self.url + path

    def json(self, path: str, value: Any, status: int = 200) -> str:
        return self.page(path, json.dumps(value), "application/json", status)

    def redirect(self, path: str, to: str, code: int = 302) -> str:
        return self.page(path, b"", "", code, {"Location": to})

    def route(self, path: str, responder: Responder) -> str:
        self.routes[path] = responder
        return self.url + path

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)

    def start(self) -> WebServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> WebServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    owner: WebServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients hanging up (timeouts, size caps) are expected; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Httpd

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        seen = Seen(
            self.command,
            parts.path,
            parse_qs(parts.query, keep_blank_values=True),
            {k.lower(): v for k, v in self.headers.items()},
            self.rfile.read(length) if length else b"",
        )
        owner = self.server.owner
        owner.record(seen)
        try:
            self._answer(owner, seen)
        except OSError:  # the client went away
            self.close_connection = True

    do_POST = do_HEAD = do_GET

    def _answer(self, owner: WebServer, seen: Seen) -> None:
        first = {k: v[0] for k, v in seen.query.items()}
        found = owner.routes.get(seen.path)
        if isinstance(found, Reply):
            self._send(found)
        elif found is not None:
            self._send(found(seen))
        elif seen.path == "/slow":
            if not owner.stopping.wait(float(first.get("seconds", "2"))):
                self._send(Reply(body=b"<html><body><p>late</p></body></html>"))
        elif seen.path == "/huge":
            self._huge(int(first["bytes"]), first.get("chunked") == "1")
        else:
            self._send(Reply(404, body=b"<html><body><h1>Not found</h1></body></html>"))

    def _huge(self, size: int, chunked: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        piece = b"<p>" + b"x" * 65530 + b"</p>"
        if not chunked:
            self.send_header("Content-Length", str(size))
            self.end_headers()
            for _ in range(size // len(piece)):
                self.wfile.write(piece)
            self.wfile.write(b"x" * (size % len(piece)))
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for _ in range(size // len(piece) + 1):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)


# -- sample pages -------------------------------------------------------------------------

NAV = """
<header><nav class="menu"><ul>
  <li><a href="/">Home page</a></li><li><a href="/sport">Sport pages</a></li>
  <li><a href="/weather">Weather pages</a></li><li><a href="/subscribe">Subscribe today</a></li>
</ul></nav></header>
<div class="advert" id="ad-top"><a href="https://ads.example/buy">Cheap watches, buy now</a></div>
"""
FOOTER = """
<footer><p><a href="/terms">Terms of use</a> | <a href="/privacy">Privacy notice</a></p>
<p>Copyright 2024 Example News Group</p></footer>
"""
ARTICLE_TITLE = "Lighthouse keepers return to the northern coast"
ARTICLE_SENTENCE = "The last keeper of the Aldmere light left in 1987"
BOILERPLATE = ("Cheap watches, buy now", "Privacy notice", "Subscribe today")
ZH_TITLE = "宇航员在太空中喝酒会怎么样"
ZH_SENTENCE = "翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域，是一项艰苦卓绝的工作。"
JA_TITLE = "欲張りなイヌ"
JA_SENTENCE = "肉をくわえたイヌが、橋を渡っていました。"
TABLE_CELL = "Graphics settings"


def _document(title: str, body: str, head: str = '<meta charset="utf-8">') -> str:
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n"
        f"<body>{NAV}<main><article>{body}</article></main>{FOOTER}</body></html>"
    )


def _paragraphs(sentences: list[str], times: int = 1) -> str:
    return "\n".join(f"<p>{s}</p>" for _ in range(times) for s in sentences)


def article_page() -> str:
    """An English news article among a menu, an advert and a footer."""
    body = f"""<h1>{ARTICLE_TITLE}</h1>
<p>{ARTICLE_SENTENCE}, and the lamp has been automatic ever since. This spring a group
of volunteers moved back into the keeper's cottage to look after the tower.</p>
<h2>Why they came back</h2>
<p>Salt air eats at the ironwork, and an automatic lamp cannot repaint a railing. The
volunteers work in pairs for two weeks at a time, logging the weather every morning.</p>
<ul><li>Painting the lantern room</li><li>Clearing the path to the cliff</li>
<li>Guiding visitors on Sundays, see <a href="https://trust.example/aldmere">the trust</a></li></ul>
<p>The local council pays for the paint and the volunteers pay for their own food, which
they say is a fair trade for the view across the bay on a clear evening.</p>"""
    return _document(ARTICLE_TITLE, body)


def chinese_page(head: str = '<meta charset="gbk">') -> str:
    sentences = [
        ZH_SENTENCE,
        "不幸的是，对于希望能喝上一杯的太空探险者，那些将他们送上太空的政府机构普遍禁止他们"
        "染指包括酒在内的含酒精饮料。",
        "人们普遍认为，当一个人所处的海拔越高，喝醉后会越容易感到头昏。因此，人们自然地想到，"
        "当人身处地球轨道上时，饮酒会对人体有更强烈的致眩作用。",
        "事实上，有证据表明，早在上世纪八十年代就澄清了这一传言。研究人员发现，酒精的影响与"
        "海拔高度无关。",
    ]
    return _document(ZH_TITLE, f"<h1>{ZH_TITLE}</h1>" + _paragraphs(sentences, 2), head)


def japanese_page(head: str = '<meta charset="shift_jis">') -> str:
    sentences = [
        JA_SENTENCE,
        "ふと下を見ると、川の中にも肉をくわえたイヌがいます。イヌはそれを見て、思いました。",
        "（あいつの肉の方が、大きそうだ）イヌは、くやしくてたまりません。",
        "そこでイヌは、川の中のイヌに向かって思いっきり吠えました。「ウゥー、ワン！！」",
        "同じ物を持っていても、人が持っている物の方が良く見え、また、欲張るとけっきょく損を"
        "するというお話しです。",
    ]
    return _document(JA_TITLE, f"<h1>{JA_TITLE}</h1>" + _paragraphs(sentences, 2), head)


def table_page() -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{owner}</td><td>{state}</td></tr>"
        for name, owner, state in [
            ("Load map", "Twinsen", "done"),
            (TABLE_CELL, "Oxyd", "review"),
            ("Sound settings", "kovarex", "draft"),
            ("Map generator", "TOGos", "done"),
        ]
    )
    body = f"""<h1>Friday Facts: the state of the new screens</h1>
<p>This week was the time to close and finish all the things that will go into the next
release. Not everything we planned was done, but the table below shows where each of the
new screens stands, and who is looking after it.</p>
<table><thead><tr><th>Screen</th><th>Owner</th><th>State</th></tr></thead>
<tbody>{rows}</tbody></table>
<p>Screens that are not finished keep their old look for now; they should still work.</p>"""
    return _document("Friday Facts #282", body)


def long_page(paragraphs: int = 60) -> str:
    """An article of many numbered paragraphs (about 330 characters each)."""
    text = (
        "is part of a long report about coastal weather stations, their history, the people "
        "who ran them and the records they kept through storms, calm summers and the long "
        "dark winters, written out at length so that a reader has to go on in parts."
    )
    body = "\n".join(f"<p>Paragraph {n:03d} {text}</p>" for n in range(1, paragraphs + 1))
    return _document("A long report", f"<h1>A long report on the coast</h1>{body}")
