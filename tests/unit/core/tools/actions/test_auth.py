"""Action auth: every type against the local API, missing secrets, masking, OAuth2 tokens."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.core import errors
from desktop.core.gpt import Action, ActionAuth
from desktop.core.secrets import SecretMask, Secrets
from desktop.core.tools.actions.auth import TokenCache
from desktop.core.tools.actions.client import ActionClient
from desktop.core.tools.actions.model import ActionDocument, Operation, SecurityScheme
from desktop.core.tools.actions.tool import ActionTool, tools_for_document
from tests.helpers.action_server import (
    API_KEY,
    BASIC_PASSWORD,
    BASIC_USER,
    BEARER,
    CLIENT_ID,
    CLIENT_SECRET,
    ActionServer,
    get,
)
from tests.unit.core.tools.actions.conftest import TEST_LIMITS, MakeTool


def secure(kind: str) -> Operation:
    return get(f"secure_{kind}", f"/secure/{kind}")


def ok(tool: ActionTool) -> dict[str, object]:
    data: dict[str, object] = json.loads(tool.run({}).output)
    return data


# -- keys, tokens and passwords ----------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "name"), [("header", "X-API-Key"), ("query", "api_key"), ("cookie", "session_key")]
)
def test_api_key_in_each_location(
    make_tool: MakeTool, secrets: Secrets, location: str, name: str
) -> None:
    secrets.set("pets-key", API_KEY)
    auth = ActionAuth(
        type="api_key", location=location, parameter_name=name, secret_name="pets-key"
    )
    assert ok(make_tool(secure(location), auth=auth)) == {"ok": True, "kind": location}


def test_without_the_key_the_api_says_401(make_tool: MakeTool) -> None:
    error = json.loads(make_tool(secure("header")).run({}).output)["error"]
    assert error["status"] == 401


def test_bearer(make_tool: MakeTool, secrets: Secrets) -> None:
    secrets.set("pets-token", BEARER)
    auth = ActionAuth(type="bearer", secret_name="pets-token")
    assert ok(make_tool(secure("bearer"), auth=auth))["ok"] is True


def test_basic(make_tool: MakeTool, secrets: Secrets) -> None:
    secrets.set("pets-user", BASIC_USER)
    secrets.set("pets-password", BASIC_PASSWORD)
    auth = ActionAuth(type="basic", username_secret="pets-user", secret_name="pets-password")
    assert ok(make_tool(secure("basic"), auth=auth))["ok"] is True


def test_a_changed_secret_takes_effect_at_once(make_tool: MakeTool, secrets: Secrets) -> None:
    secrets.set("pets-token", "old-token-value")
    tool = make_tool(secure("bearer"), auth=ActionAuth(type="bearer", secret_name="pets-token"))
    assert "error" in ok(tool)
    secrets.set("pets-token", BEARER)
    assert ok(tool)["ok"] is True


def test_a_missing_secret_names_it_and_the_command(make_tool: MakeTool, api: ActionServer) -> None:
    tool = make_tool(secure("bearer"), auth=ActionAuth(type="bearer", secret_name="pets-token"))
    with pytest.raises(errors.ToolError) as caught:
        tool.run({})
    assert "'pets-token'" in caught.value.message
    assert caught.value.action == errors.UserAction(
        "set_action_auth", {"gpt_id": "g1", "action_id": "pets"}
    )
    assert api.requests == []


def test_basic_without_a_user_name_secret_says_so(make_tool: MakeTool, secrets: Secrets) -> None:
    secrets.set("pets-password", BASIC_PASSWORD)
    tool = make_tool(secure("basic"), auth=ActionAuth(type="basic", secret_name="pets-password"))
    with pytest.raises(errors.ToolError, match="names no user name"):
        tool.run({})


def test_an_api_key_without_a_name_takes_the_documents_scheme(
    api: ActionServer, client: ActionClient, secrets: Secrets
) -> None:
    secrets.set("pets-key", API_KEY)
    scheme = SecurityScheme("key", "apiKey", location="query", parameter_name="api_key")
    document = ActionDocument("P", "1", "3.1.0", "", (secure("query"),), security_schemes=(scheme,))
    action = Action(
        id="a", name="A", server=api.url, auth=ActionAuth(type="api_key", secret_name="pets-key")
    )
    (tool,) = tools_for_document(document, action, secrets, client)
    assert ok(tool)["ok"] is True


def test_an_api_key_without_any_name_fails_at_call_time(make_tool: MakeTool) -> None:
    tool = make_tool(secure("header"), auth=ActionAuth(type="api_key", secret_name="pets-key"))
    with pytest.raises(errors.ToolError, match=r"no parameter name") as caught:
        tool.run({})
    assert caught.value.action == errors.UserAction(
        "set_action_auth", {"gpt_id": "g1", "action_id": "pets"}
    )


# -- secrets never show ---------------------------------------------------------------------


def test_secrets_are_masked_in_details_and_output(make_tool: MakeTool, secrets: Secrets) -> None:
    secret = "qk/+ 7&secret"  # characters that change when URL-encoded
    secrets.set("pets-key", secret)
    auth = ActionAuth(
        type="api_key", location="query", parameter_name="api_key", secret_name="pets-key"
    )
    result = make_tool(get("echo", "/echo/me"), auth=auth).run({})
    text = json.dumps(result.details) + result.output
    assert "secret" not in text
    assert "api_key=****" in result.details["request"]["url"]
    assert json.loads(result.output)["query"]["api_key"] == ["****"]
    assert SecretMask.mask(f"log line {secret}") == "log line ****"


def test_header_secrets_are_masked_in_an_echo(make_tool: MakeTool, secrets: Secrets) -> None:
    secrets.set("pets-user", BASIC_USER)
    secrets.set("pets-password", BASIC_PASSWORD)
    auth = ActionAuth(type="basic", username_secret="pets-user", secret_name="pets-password")
    output = make_tool(get("echo", "/echo/me"), auth=auth).run({}).output
    assert json.loads(output)["headers"]["authorization"] == "Basic ****"
    assert BASIC_PASSWORD not in output


# -- OAuth2 client credentials -------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def oauth_client(clock: Clock) -> Iterator[ActionClient]:
    with ActionClient(TEST_LIMITS, tokens=TokenCache(clock)) as made:
        yield made


@pytest.fixture
def oauth_tool(api: ActionServer, oauth_client: ActionClient, secrets: Secrets) -> ActionTool:
    secrets.set("pets-client-id", CLIENT_ID)
    secrets.set("pets-client-secret", CLIENT_SECRET)
    auth = ActionAuth(
        type="oauth2_client_credentials",
        username_secret="pets-client-id",
        secret_name="pets-client-secret",
        token_url=f"{api.url}/oauth/token",
        scopes=["pets:read", "pets:write"],
    )
    action = Action(id="pets", name="Pets", server=api.url, auth=auth)
    document = ActionDocument("P", "1", "3.1.0", "", (secure("oauth"),))
    (tool,) = tools_for_document(document, action, secrets, oauth_client, gpt_id="g1")
    return tool


def test_oauth2_token_is_fetched_once_and_reused(oauth_tool: ActionTool, api: ActionServer) -> None:
    assert ok(oauth_tool)["ok"] is True
    assert ok(oauth_tool)["ok"] is True
    assert [t for t, _ in api.issued] == ["tok-1"]
    assert api.issued[0][1] == "pets:read pets:write"
    request = api.seen("/oauth/token")[0]
    assert request.headers["authorization"].startswith("Basic ")
    assert b"grant_type=client_credentials" in request.body
    assert SecretMask.mask("tok-1 used") == "**** used"


def test_oauth2_token_is_renewed_shortly_before_it_expires(
    oauth_tool: ActionTool, api: ActionServer, clock: Clock
) -> None:
    api.token_lifetime = 100
    ok(oauth_tool)
    clock.now += 85  # inside the lifetime, outside the margin (a tenth: 10 s)
    ok(oauth_tool)
    assert len(api.issued) == 1
    clock.now += 6
    ok(oauth_tool)
    assert [t for t, _ in api.issued] == ["tok-1", "tok-2"]


def test_a_401_renews_the_token_once(oauth_tool: ActionTool, api: ActionServer) -> None:
    api.token_lifetime = None  # kept until refused
    ok(oauth_tool)
    api.revoked.add("tok-1")
    assert ok(oauth_tool)["ok"] is True
    assert [t for t, _ in api.issued] == ["tok-1", "tok-2"]
    api.revoked.add("tok-2")
    api.revoked.add("tok-3")  # the renewed token is refused too: no third try
    result = oauth_tool.run({})
    assert json.loads(result.output)["error"]["status"] == 401
    assert [t for t, _ in api.issued] == ["tok-1", "tok-2", "tok-3"]
    assert len(api.seen("/secure/oauth")) == 5


def test_a_server_without_basic_client_auth_gets_the_form(
    oauth_tool: ActionTool, api: ActionServer
) -> None:
    api.basic_client_auth = False
    assert ok(oauth_tool)["ok"] is True
    first, second = api.seen("/oauth/token")
    assert b"client_secret" not in first.body
    assert f"client_id={CLIENT_ID}".encode() in second.body
    assert "authorization" not in second.headers


def test_refused_client_credentials_name_the_fix(
    oauth_tool: ActionTool, secrets: Secrets, api: ActionServer
) -> None:
    secrets.set("pets-client-secret", "wrong-secret-value")
    with pytest.raises(errors.ToolError) as caught:
        oauth_tool.run({})
    assert "token endpoint 127.0.0.1 refused the client credentials (invalid_client)" in str(
        caught.value
    )
    assert caught.value.action == errors.UserAction(
        "set_action_auth", {"gpt_id": "g1", "action_id": "pets"}
    )
    assert api.seen("/secure/oauth") == []


def test_oauth2_without_a_token_url_uses_the_documents(
    api: ActionServer, client: ActionClient, secrets: Secrets
) -> None:
    secrets.set("id", CLIENT_ID)
    secrets.set("secret", CLIENT_SECRET)
    scheme = SecurityScheme("o", "oauth2", token_url=f"{api.url}/oauth/token")
    document = ActionDocument("P", "1", "3.1.0", "", (secure("oauth"),), security_schemes=(scheme,))
    auth = ActionAuth(type="oauth2_client_credentials", username_secret="id", secret_name="secret")
    action = Action(id="a", name="A", server=api.url, auth=auth)
    (tool,) = tools_for_document(document, action, secrets, client)
    assert ok(tool)["ok"] is True
    assert api.issued[0][1] == ""


def test_oauth2_without_any_token_url_says_so(make_tool: MakeTool) -> None:
    auth = ActionAuth(type="oauth2_client_credentials", username_secret="id", secret_name="s")
    with pytest.raises(errors.ToolError, match="no token URL"):
        make_tool(secure("oauth"), auth=auth).run({})


# -- the token cache -------------------------------------------------------------------------


def test_the_cache_fetches_once_for_many_threads() -> None:
    cache = TokenCache()
    calls: list[int] = []
    start = threading.Barrier(8)

    def fetch() -> tuple[str, float | None]:
        calls.append(1)
        time.sleep(0.05)
        return "t", 60.0

    def worker() -> None:
        start.wait()
        assert cache.get("k", fetch) == "t"

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1


def test_invalidate_drops_only_the_token_it_names() -> None:
    cache = TokenCache()
    cache.get("k", lambda: ("a", None))
    assert cache.invalidate("k", "stale") is False
    assert cache.get("k", lambda: ("b", None)) == "a"
    assert cache.invalidate("k", "a") is True
    assert cache.get("k", lambda: ("b", None)) == "b"
    cache.clear()
    assert cache.get("k", lambda: ("c", None)) == "c"


def test_keys_keep_tokens_apart() -> None:
    cache = TokenCache()
    assert cache.get(("u", "id", ("a",)), lambda: ("one", None)) == "one"
    assert cache.get(("u", "id", ("b",)), lambda: ("two", None)) == "two"


def test_a_secret_is_never_sent_over_plain_http_to_another_machine(
    make_tool: MakeTool, secrets: Secrets
) -> None:
    secrets.set("pets-token", BEARER)
    auth = ActionAuth(type="bearer", secret_name="pets-token")
    tool = make_tool(secure("bearer"), server="http://api.example.com", auth=auth)
    with pytest.raises(errors.ToolError, match=r"api\.example\.com over plain http"):
        tool.run({})  # refused before any connection is tried


def test_the_metadata_address_is_never_called(make_tool: MakeTool) -> None:
    tool = make_tool(secure("bearer"), server="http://169.254.169.254/latest")
    with pytest.raises(errors.ToolError, match="link-local"):
        tool.run({})
