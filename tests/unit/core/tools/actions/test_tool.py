"""ActionTool against a real local API: validation, requests, answers, failures, details."""

from __future__ import annotations

import json
import socket
from dataclasses import replace
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.gpt import Action, ActionAuth
from desktop.core.secrets import Secrets
from desktop.core.tools.actions.client import ActionClient
from desktop.core.tools.actions.model import ActionDocument, Body
from desktop.core.tools.actions.tool import ActionTool, describe, tools_for_document
from desktop.core.tools.base import network_domain
from tests.helpers.action_server import (
    ADD_PET,
    API_KEY,
    GET_PET,
    LIST_PETS,
    ActionServer,
    get,
    operation,
    param,
)
from tests.unit.core.tools.actions.conftest import MakeTool

KEY_AUTH = ActionAuth(
    type="api_key", location="header", parameter_name="X-API-Key", secret_name="pets-key"
)


def echoed(result: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.output)
    return data


# -- the tool as the engine sees it ---------------------------------------------------------


def test_spec_comes_from_the_operation(make_tool: MakeTool) -> None:
    tool = make_tool(GET_PET)
    assert tool.spec.name == "getPetById"
    assert tool.spec.description == "Find a pet by id"
    assert tool.spec.parameters is GET_PET.parameters_schema
    assert tool.external is False
    assert tool.spec.to_openai()["function"]["name"] == "getPetById"


def test_description_joins_summary_and_description_and_is_capped() -> None:
    op = get("x", "/x", summary="Short", description="Longer text.")
    assert describe(op) == "Short\n\nLonger text."
    assert describe(get("x", "/x/{id}")) == "GET /x/{id}"
    assert len(describe(get("x", "/x", description="y" * 5000))) == 1024


def test_domain_is_the_host_of_the_server(make_tool: MakeTool) -> None:
    tool = make_tool(GET_PET, server="https://API.Example.com:8443/v1")
    assert tool.domain({"petId": 1}) == "api.example.com"
    assert network_domain(tool, {}) == "api.example.com"


def test_domain_falls_back_to_the_first_absolute_server(make_tool: MakeTool) -> None:
    op = get("x", "/x", servers=("/relative", "https://pets.example.org/v2"))
    assert make_tool(op, server="").domain({}) == "pets.example.org"


def test_a_relative_server_without_an_action_server_names_the_fix(make_tool: MakeTool) -> None:
    tool = make_tool(get("x", "/x", servers=("/v1",)), server="")
    with pytest.raises(errors.ToolError, match=r"Set the action's server") as caught:
        tool.domain({})
    assert caught.value.action == errors.UserAction("set_action_server")


def test_a_relative_server_resolves_against_the_documents_address(
    client: ActionClient, secrets: Secrets
) -> None:
    op = get("x", "/x", servers=("/v1",))
    document = ActionDocument(
        "P", "1", "3.1.0", "", (op,), source_url="https://docs.example.net/specs/api.yaml"
    )
    (tool,) = tools_for_document(document, Action(id="a", name="A"), secrets, client)
    assert tool.domain({}) == "docs.example.net"


# -- validation ----------------------------------------------------------------------------


def test_wrong_types_are_listed_and_nothing_is_sent(api: ActionServer, make_tool: MakeTool) -> None:
    tool = make_tool(GET_PET)
    with pytest.raises(errors.ToolError) as caught:
        tool.run({"petId": "abc"})
    assert "`petId`: 'abc' is not of type 'integer'" in caught.value.message
    assert "call it again" in caught.value.message
    assert api.requests == []


def test_missing_and_nested_problems_have_json_paths(
    api: ActionServer, make_tool: MakeTool
) -> None:
    with pytest.raises(errors.ToolError) as caught:
        make_tool(ADD_PET).run({"body": {"tags": ["ok", 3]}})
    message = caught.value.message
    assert "`body.name`: is required" in message
    assert "`body.tags[0]`" not in message
    assert "`body.tags[1]`: 3 is not of type 'string'" in message
    with pytest.raises(errors.ToolError, match=r"`petId`: is required"):
        make_tool(GET_PET).run({})
    assert api.requests == []


def test_many_problems_are_counted_not_listed(make_tool: MakeTool) -> None:
    body = Body("application/json", schema={"type": "array", "items": {"type": "integer"}})
    tool = make_tool(operation("many", "POST", "/echo", body=body))
    with pytest.raises(errors.ToolError) as caught:
        tool.run({"body": ["a"] * 20})
    assert caught.value.message.count("\n- ") == 9
    assert "... and 12 more" in caught.value.message


def test_long_values_are_cut_in_problems(make_tool: MakeTool) -> None:
    with pytest.raises(errors.ToolError) as caught:
        make_tool(GET_PET).run({"petId": "x" * 5000})
    assert len(caught.value.message) < 400


def test_text_for_numbers_in_parameters_is_accepted(api: ActionServer, make_tool: MakeTool) -> None:
    result = make_tool(GET_PET).run({"petId": "42", "verbose": "true"})
    assert echoed(result)["path"] == "/echo/pets/42"
    assert result.details["arguments"] == {"petId": 42, "verbose": True}


def test_null_for_an_optional_parameter_is_left_out(make_tool: MakeTool) -> None:
    result = make_tool(GET_PET).run({"petId": 7, "verbose": None})
    assert echoed(result)["raw_query"] == ""
    assert result.details["arguments"] == {"petId": 7}


def test_bodies_are_never_coerced(make_tool: MakeTool) -> None:
    with pytest.raises(errors.ToolError, match=r"`body\.name`: 5 is not of type 'string'"):
        make_tool(ADD_PET).run({"body": {"name": 5}})


def test_arguments_that_are_not_an_object_are_refused(make_tool: MakeTool) -> None:
    with pytest.raises(errors.ToolError, match="JSON object"):
        make_tool(GET_PET).run([1])  # type: ignore[arg-type]


# -- requests --------------------------------------------------------------------------------


def test_path_values_are_percent_encoded(make_tool: MakeTool) -> None:
    op = get("file", "/echo/files/{name}", param("name", "path", {"type": "string"}))
    seen = echoed(make_tool(op).run({"name": "a b/../c?d"}))
    assert seen["path"] == "/echo/files/a%20b%2F..%2Fc%3Fd"


def test_query_header_and_cookie_parameters(make_tool: MakeTool) -> None:
    arguments = {
        "limit": 2,
        "tags": ["a b", "c"],
        "ids": [1, 2],
        "header_X-Trace": "trace-1",
        "session": "s1",
    }
    seen = echoed(make_tool(LIST_PETS).run(arguments))
    assert seen["raw_query"] == "limit=2&tags=a%20b&tags=c&ids=1,2"
    assert seen["headers"]["x-trace"] == "trace-1"
    assert seen["cookies"] == {"session": "s1"}


def test_default_headers(make_tool: MakeTool) -> None:
    headers = echoed(make_tool(GET_PET).run({"petId": 1}))["headers"]
    assert headers["accept"] == "application/json, */*;q=0.5"
    assert headers["user-agent"].startswith("CapsuleStudio/")


def test_json_body(make_tool: MakeTool) -> None:
    seen = echoed(make_tool(ADD_PET).run({"body": {"name": "小白", "tags": ["cat"]}}))
    assert seen["method"] == "POST"
    assert seen["headers"]["content-type"] == "application/json"
    assert json.loads(seen["body"]) == {"name": "小白", "tags": ["cat"]}


def test_form_and_text_bodies(make_tool: MakeTool) -> None:
    form = Body("application/x-www-form-urlencoded", schema={"type": "object"})
    seen = echoed(make_tool(operation("f", "POST", "/echo", body=form)).run({"body": {"q": "a&b"}}))
    assert seen["body"] == "q=a%26b"
    assert seen["headers"]["content-type"] == "application/x-www-form-urlencoded"
    text = Body("text/plain", schema={"type": "string"})
    seen = echoed(make_tool(operation("t", "PUT", "/echo", body=text)).run({"body": "hi 你好"}))
    assert seen["body"] == "hi 你好"
    assert seen["headers"]["content-type"] == "text/plain; charset=utf-8"
    multipart = Body("multipart/form-data", schema={"type": "object"})
    tool = make_tool(operation("m", "POST", "/echo", body=multipart))
    seen = echoed(tool.run({"body": {"a": "1"}}))
    assert seen["headers"]["content-type"].startswith("multipart/form-data; boundary=")
    assert 'name="a"' in seen["body"]


# -- answers ----------------------------------------------------------------------------------


def test_json_answers_are_compact(make_tool: MakeTool) -> None:
    output = make_tool(GET_PET).run({"petId": 1}).output
    assert output.startswith('{"method":"GET","path":"/echo/pets/1"')


def test_text_html_binary_and_empty_answers(make_tool: MakeTool) -> None:
    assert make_tool(get("t", "/text")).run({}).output == "hello, 世界\n"
    assert make_tool(get("h", "/html")).run({}).output == "<p>hi</p>"
    binary = make_tool(get("b", "/binary")).run({})
    assert binary.output == "binary response: image/png, 1,032 bytes"
    assert binary.details["request"]["content_type"] == "image/png"
    assert make_tool(get("e", "/empty")).run({}).output == "empty response (204 No Content)"


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_error_statuses_are_answers_not_failures(
    make_tool: MakeTool, status: int, reason: str
) -> None:
    result = make_tool(get("s", f"/status/{status}")).run({})
    error = json.loads(result.output)["error"]
    assert error == {
        "status": status,
        "reason": reason,
        "body": {"message": f"status {status}", "detail": "scripted"},
    }
    assert result.details["request"]["status"] == status


def test_long_answers_are_truncated_with_a_note(make_tool: MakeTool) -> None:
    result = make_tool(get("c", "/chars", param("n", "query", {"type": "integer"}))).run(
        {"n": 5000}
    )
    assert result.output.startswith("x" * 2000)
    assert result.output.endswith("[truncated: showing the first 2,000 of 5,000 characters]")
    assert result.details["output_chars"] == 5000
    assert result.details["truncated"] is True


def test_details_describe_the_call(make_tool: MakeTool, api: ActionServer) -> None:
    result = make_tool(GET_PET).run({"petId": 3, "verbose": False})
    request = result.details["request"]
    assert request["method"] == "GET"
    assert request["url"] == f"{api.url}/echo/pets/3?verbose=false"
    assert request["status"] == 200
    assert request["content_type"] == "application/json"
    assert request["response_bytes"] > 0
    assert isinstance(request["duration_ms"], int)
    assert result.details["arguments"] == {"petId": 3, "verbose": False}
    assert result.details["output_chars"] == len(result.output)
    assert result.details["truncated"] is False


# -- failures ------------------------------------------------------------------------------


def test_a_slow_api_times_out(make_tool: MakeTool) -> None:
    tool = make_tool(get("slow", "/slow", param("seconds", "query", {"type": "number"})))
    with pytest.raises(errors.ToolError, match=r"127\.0\.0\.1 did not answer within 1 s"):
        tool.run({"seconds": 3})


@pytest.mark.parametrize("chunked", [False, True])
def test_answers_over_the_cap_are_refused(make_tool: MakeTool, chunked: bool) -> None:
    op = get(
        "huge",
        "/huge",
        param("bytes", "query", {"type": "integer"}),
        param("chunked", "query", {"type": "string"}),
    )
    with pytest.raises(errors.ToolError, match=r"larger than 200,000 bytes.*ask for less"):
        make_tool(op).run({"bytes": 500_000, "chunked": "1" if chunked else "0"})


def test_a_closed_port_is_a_connection_error(make_tool: MakeTool) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tool = make_tool(get("x", "/x"), server=f"http://127.0.0.1:{port}")
    with pytest.raises(errors.ToolError, match=r"Could not connect to 127\.0\.0\.1"):
        tool.run({})


def test_https_to_a_plain_http_server_is_a_tls_error(
    make_tool: MakeTool, api: ActionServer
) -> None:
    tool = make_tool(get("x", "/echo"), server=f"https://127.0.0.1:{api.port}")
    with pytest.raises(errors.ToolError, match=r"secure connection to 127\.0\.0\.1 failed"):
        tool.run({})


def test_a_redirect_loop_stops_after_five(make_tool: MakeTool, api: ActionServer) -> None:
    with pytest.raises(errors.ToolError, match="redirected more than 5 times"):
        make_tool(get("loop", "/loop")).run({})
    assert len(api.seen("/loop")) == 6


# -- redirects and auth --------------------------------------------------------------------


def redirect_tool(make_tool: MakeTool, auth: ActionAuth = KEY_AUTH) -> ActionTool:
    op = get("r", "/redirect", param("to", "query", {"type": "string"}))
    return make_tool(op, auth=auth)


def test_a_same_host_redirect_keeps_auth(
    make_tool: MakeTool, api: ActionServer, secrets: Secrets
) -> None:
    secrets.set("pets-key", API_KEY)
    result = redirect_tool(make_tool).run({"to": "/secure/header"})
    assert json.loads(result.output) == {"ok": True, "kind": "header"}
    assert result.details["request"]["redirects"] == [f"{api.url}/secure/header"]


def test_a_redirect_to_another_host_is_not_followed(
    make_tool: MakeTool, api: ActionServer, secrets: Secrets
) -> None:
    """Consent covers one host: a redirect elsewhere is an error, and nothing is sent there."""
    secrets.set("pets-key", API_KEY)
    other = f"http://localhost:{api.port}/echo/elsewhere"
    with pytest.raises(errors.ToolError, match="redirected to localhost, another host"):
        redirect_tool(make_tool).run({"to": other})
    assert api.seen("/echo/elsewhere") == []
    assert api.seen("/redirect")[0].headers["x-api-key"] == API_KEY


def test_a_cross_port_redirect_drops_auth(
    make_tool: MakeTool, secrets: Secrets, api: ActionServer
) -> None:
    secrets.set("pets-key", API_KEY)
    with ActionServer() as other:
        redirect_tool(make_tool).run({"to": f"{other.url}/echo/x"})
        assert "x-api-key" not in other.seen("/echo/x")[0].headers


def test_a_302_after_post_becomes_a_get_without_body(
    make_tool: MakeTool, api: ActionServer
) -> None:
    body = Body("application/json", schema={"type": "object"})
    op = operation("p", "POST", "/redirect", param("to", "query", {"type": "string"}), body=body)
    seen = echoed(make_tool(op).run({"to": "/echo/done", "body": {"a": 1}}))
    assert seen["method"] == "GET"
    assert seen["body"] == ""
    assert "content-type" not in seen["headers"]


def test_307_keeps_the_method_and_body(make_tool: MakeTool) -> None:
    body = Body("application/json", schema={"type": "object"})
    op = operation(
        "p",
        "POST",
        "/redirect",
        param("to", "query", {"type": "string"}),
        param("code", "query", {"type": "integer"}),
        body=body,
    )
    seen = echoed(make_tool(op).run({"to": "/echo/done", "code": 307, "body": {"a": 1}}))
    assert seen["method"] == "POST"
    assert json.loads(seen["body"]) == {"a": 1}


def test_cookies_set_by_an_api_are_not_kept(make_tool: MakeTool) -> None:
    make_tool(get("c", "/cookie")).run({})
    assert echoed(make_tool(GET_PET).run({"petId": 1}))["cookies"] == {}


def test_an_unusable_schema_is_a_tool_error(make_tool: MakeTool, api: ActionServer) -> None:
    broken = get("b", "/echo")
    schema = {"type": "object", "properties": {"x": {"$ref": "https://elsewhere.example/s.json"}}}
    tool = make_tool(replace(broken, parameters_schema=schema))
    with pytest.raises(errors.ToolError, match="re-import the action"):
        tool.run({"x": 1})
    assert api.requests == []
