"""Actions end to end: a document imported from a local API, called by a scripted model.

The API is the scripted action server on 127.0.0.1, described by its own OpenAPI
document; the store, keyring (in memory), HTTP client and engine are the real ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest

from desktop.core.gpt import Action
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.toolbox import Toolbox
from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.store import Store
from desktop.core.store.records import Gpt
from desktop.core.tools.actions.client import ActionClient, Limits
from desktop.core.tools.actions.importer import import_action
from desktop.core.tools.base import ToolContext
from tests.helpers.action_server import (
    API_KEY,
    BASIC_PASSWORD,
    BASIC_USER,
    BEARER,
    CLIENT_ID,
    CLIENT_SECRET,
    ActionServer,
)
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for


@pytest.fixture
def api() -> Iterator[ActionServer]:
    with ActionServer() as server:
        yield server


@pytest.fixture
def secrets(isolated_home: Any) -> Secrets:
    return Secrets(SettingsFile(isolated_home.settings_file))


@pytest.fixture
def toolbox(secrets: Secrets) -> Iterator[Toolbox]:
    box = Toolbox(secrets, ActionClient(Limits(total_timeout_s=1.0, max_response_bytes=100_000)))
    yield box
    box.close()


def action_gpt(make_gpt: Any, api: ActionServer, **fields: Any) -> Gpt:
    imported = import_action(f"{api.url}/openapi.yaml")
    action = Action(id="test-api", name="Test API", source=imported.source, document=imported.text)
    fields.setdefault("allowed_domains", ["127.0.0.1"])
    return make_gpt(actions=[action.model_dump()], **fields)


def run(
    store: Store, toolbox: Toolbox, gpt: Gpt, *replies: Reply, message: str = "go"
) -> tuple[list[ev.Event], ScriptedProvider]:
    provider = ScriptedProvider([*replies, Reply(pieces=["done"])])
    engine = RunEngine(store, provider_for(provider), toolbox)
    return list(engine.run(gpt.id, message)), provider


def calls_of(store: Store, events: list[ev.Event]) -> list[dict[str, Any]]:
    run_id = events[-1].data["id"]
    steps = [s for s in store.runs.steps(run_id) if s.type == "tool_calls"]
    return [c for s in steps for c in s.step_details["tool_calls"]]


def call(name: str, arguments: dict[str, Any]) -> Reply:
    return Reply(tool_calls=[(name, json.dumps(arguments, ensure_ascii=False))])


def test_a_call_reaches_the_api_after_consent_and_the_step_records_it(
    store: Store, toolbox: Toolbox, make_gpt: Any, api: ActionServer
) -> None:
    gpt = action_gpt(make_gpt, api, allowed_domains=[])
    provider = ScriptedProvider(
        [call("getWeather", {"city": "北京", "days": 3}), Reply(pieces=["晴"])]
    )
    engine = RunEngine(store, provider_for(provider), toolbox)
    events = list(engine.run(gpt.id, "北京天气怎么样?"))
    assert events[-1].event == ev.RUN_REQUIRES_ACTION
    assert events[-1].data["required_action"]["consent"]["domain"] == "127.0.0.1"
    assert [r.path for r in api.requests] == ["/openapi.yaml"]  # nothing sent yet

    events = list(engine.answer_consent(events[-1].data["id"], "allow_once"))
    assert events[-1].event == ev.RUN_COMPLETED
    (done,) = calls_of(store, events)
    request = done["details"]["request"]
    assert request["method"] == "GET" and request["status"] == 200
    assert request["url"].startswith(f"{api.url}/echo/weather/%E5%8C%97%E4%BA%AC?days=3")
    assert done["details"]["arguments"] == {"city": "北京", "days": 3}
    assert done["consent"]["decision"] == "allow_once"
    echoed = json.loads(done["function"]["output"])
    assert unquote(echoed["path"]) == "/echo/weather/北京" and echoed["query"] == {"days": ["3"]}
    tool_message = provider.requests[-1].messages[-1]
    assert tool_message["role"] == "tool" and "weather" in tool_message["content"]


def test_invalid_arguments_go_back_to_the_model_which_corrects_itself(
    store: Store, toolbox: Toolbox, make_gpt: Any, api: ActionServer
) -> None:
    gpt = action_gpt(make_gpt, api)
    events, provider = run(
        store,
        toolbox,
        gpt,
        call("createOrder", {"body": {"product": "tea", "quantity": "two"}}),
        call("createOrder", {"body": {"product": "tea", "quantity": 2}}),
    )
    assert events[-1].event == ev.RUN_COMPLETED
    wrong, right = calls_of(store, events)
    assert "quantity" in wrong["function"]["output"] and "integer" in wrong["function"]["output"]
    assert wrong["error"]["code"] == "tool_error"
    assert json.loads(json.loads(right["function"]["output"])["body"]) == {
        "product": "tea",
        "quantity": 2,
    }
    assert len(api.seen("/echo/orders")) == 1  # the invalid call never left the machine
    assert "integer" in provider.requests[1].messages[-1]["content"]


@pytest.mark.parametrize("status", [404, 500])
def test_error_statuses_are_answers_the_model_reads(
    store: Store, toolbox: Toolbox, make_gpt: Any, api: ActionServer, status: int
) -> None:
    gpt = action_gpt(make_gpt, api)
    events, _ = run(store, toolbox, gpt, call("getStatus", {"code": status}))
    (done,) = calls_of(store, events)
    assert json.loads(done["function"]["output"])["error"]["status"] == status
    assert done["details"]["request"]["status"] == status
    assert events[-1].event == ev.RUN_COMPLETED


def test_a_slow_api_and_a_huge_answer_become_tool_errors(
    store: Store, toolbox: Toolbox, make_gpt: Any, api: ActionServer
) -> None:
    gpt = action_gpt(make_gpt, api)
    events, _ = run(
        store,
        toolbox,
        gpt,
        Reply(tool_calls=[("slow", '{"seconds": 5}'), ("huge", '{"bytes": 5000000}')]),
    )
    slow, huge = calls_of(store, events)
    assert "did not answer within 1 s" in slow["error"]["message"]
    assert huge["error"]["code"] == "tool_error" and "large" in huge["error"]["message"]
    assert events[-1].event == ev.RUN_COMPLETED


# As `capsule actions auth` fills them in from the document's security schemes.
AUTHS = {
    "secureHeader": (
        {"type": "api_key", "location": "header", "parameter_name": "X-API-Key"},
        API_KEY,
        None,
    ),
    "secureQuery": (
        {"type": "api_key", "location": "query", "parameter_name": "api_key"},
        API_KEY,
        None,
    ),
    "secureCookie": (
        {"type": "api_key", "location": "cookie", "parameter_name": "session_key"},
        API_KEY,
        None,
    ),
    "secureBearer": ({"type": "bearer"}, BEARER, None),
    "secureBasic": ({"type": "basic"}, BASIC_PASSWORD, BASIC_USER),
    "secureOauth": ({"type": "oauth2_client_credentials"}, CLIENT_SECRET, CLIENT_ID),
}


@pytest.mark.parametrize("operation", sorted(AUTHS))
def test_each_auth_type_signs_with_keyring_secrets_and_masks_them(
    store: Store,
    toolbox: Toolbox,
    make_gpt: Any,
    api: ActionServer,
    secrets: Secrets,
    operation: str,
) -> None:
    auth, secret, user = AUTHS[operation]
    secrets.set("api-secret", secret)
    auth = {**auth, "secret_name": "api-secret"}
    if user is not None:
        secrets.set("api-user", user)
        auth["username_secret"] = "api-user"
    imported = import_action(f"{api.url}/openapi.yaml")
    action = Action(id="a", name="A", source=imported.source, document=imported.text, auth=auth)
    gpt = make_gpt(actions=[action.model_dump()], allowed_domains=["127.0.0.1"])
    events, _ = run(store, toolbox, gpt, call(operation, {}))
    (done,) = calls_of(store, events)
    assert json.loads(done["function"]["output"]) == {
        "ok": True,
        "kind": operation.removeprefix("secure").lower(),
    }
    stored = json.dumps([s.to_dict() for s in store.runs.steps(events[-1].data["id"])])
    assert secret not in stored


def test_many_operations_offer_only_the_relevant_ones(
    store: Store, toolbox: Toolbox, make_gpt: Any, api: ActionServer
) -> None:
    gpt = action_gpt(make_gpt, api, max_offered_operations=2)
    events, provider = run(store, toolbox, gpt, message="What's the weather in Paris?")
    offered = [t["function"]["name"] for t in provider.requests[0].tools]
    assert len(offered) == 2 and "getWeather" in offered
    steps = store.runs.steps(events[-1].data["id"])
    selection = steps[0].step_details["model_call"]["tool_selection"]
    assert selection["from"] == 11 and selection["offered"][0] == "getWeather"


def test_two_actions_with_the_same_operations_get_distinct_names(
    store: Store, toolbox: Toolbox, make_gpt: Any, api: ActionServer
) -> None:
    imported = import_action(f"{api.url}/openapi.yaml")
    first = Action(id="one", name="One", source=imported.source, document=imported.text)
    second = Action(id="two", name="Two", source=imported.source, document=imported.text)
    gpt = make_gpt(actions=[first.model_dump(), second.model_dump()])
    registry = toolbox(gpt.definition, ToolContext(gpt.id, "thread_1"))
    assert "getWeather" in registry and "two_getWeather" in registry
    assert len(registry) == 22
