"""ActionClient on its own: sharing across threads, redirects, closing."""

from __future__ import annotations

import json
import threading

import pytest

from desktop.core import errors
from desktop.core.tools.actions.client import ActionClient, _keeps_auth, _origin
from desktop.core.tools.actions.http import HttpRequest
from tests.helpers.action_server import ActionServer


def test_one_client_serves_many_threads(api: ActionServer, client: ActionClient) -> None:
    failures: list[BaseException] = []

    def call(i: int) -> None:
        try:
            answer = client.fetch(HttpRequest("GET", f"{api.url}/echo/{i}"))
            assert json.loads(answer.body)["path"] == f"/echo/{i}"
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(api.requests) == 16


def test_sign_is_applied_to_the_request_and_same_origin_redirects(
    api: ActionServer, client: ActionClient
) -> None:
    calls: list[str] = []

    def sign(request: HttpRequest) -> HttpRequest:
        calls.append(request.url)
        return request.with_header("X-Sig", "1")

    answer = client.fetch(HttpRequest("GET", f"{api.url}/redirect?to=/echo/next"), sign)
    assert calls == [f"{api.url}/redirect?to=/echo/next", f"{api.url}/echo/next"]
    assert json.loads(answer.body)["headers"]["x-sig"] == "1"
    assert answer.redirects == (f"{api.url}/echo/next",)


def test_redirects_are_not_followed_when_asked(api: ActionServer, client: ActionClient) -> None:
    answer = client.fetch(
        HttpRequest("POST", f"{api.url}/redirect?to=/echo"), follow_redirects=False
    )
    assert answer.status == 302
    assert api.seen("/echo") == []


def test_a_redirect_to_another_scheme_is_refused(api: ActionServer, client: ActionClient) -> None:
    with pytest.raises(errors.ToolError, match="not http"):
        client.fetch(HttpRequest("GET", f"{api.url}/redirect?to=file:///etc/passwd"))


def test_upgrading_to_https_on_the_same_host_keeps_auth() -> None:
    plain = _origin("http://api.example.com/x")
    assert _keeps_auth(plain, _origin("https://api.example.com/y"))
    assert not _keeps_auth(_origin("https://api.example.com/x"), _origin("http://api.example.com/"))
    assert not _keeps_auth(plain, _origin("https://other.example.com/"))
    assert not _keeps_auth(plain, _origin("http://api.example.com:8080/"))


def test_a_closed_client_refuses_work(api: ActionServer) -> None:
    client = ActionClient()
    client.close()
    with pytest.raises(RuntimeError):
        client.fetch(HttpRequest("GET", f"{api.url}/echo"))
