"""`capsule actions ...` and consent on the command line, against APIs on 127.0.0.1.

The GPT's model is a remote profile on the scripted OpenAI-compatible server, so `chat`
runs the real engine, toolbox and HTTP client; the action is the scripted action server
described by its own OpenAPI document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from tests.helpers.action_server import API_KEY, BASIC_PASSWORD, BASIC_USER, ActionServer
from tests.helpers.cli import cli, remote_gpt
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.openai_server import OpenAIServer, text_answer, tool_answer


@pytest.fixture
def api() -> Iterator[ActionServer]:
    with ActionServer() as server:
        yield server


@pytest.fixture
def gpt_id(capsys: pytest.CaptureFixture[str], server: OpenAIServer) -> str:
    return remote_gpt(capsys, server, "Ops")


def imported(capsys: pytest.CaptureFixture[str], gpt_id: str, api: ActionServer) -> str:
    code, out, err = cli(capsys, "actions", "import", gpt_id, f"{api.url}/openapi.yaml", "--json")
    assert code == 0, err
    return str(json.loads(out)["action"]["id"])


def test_import_lists_the_operations_and_suggests_auth(
    capsys: pytest.CaptureFixture[str], gpt_id: str, api: ActionServer
) -> None:
    code, out, err = cli(capsys, "actions", "import", gpt_id, f"{api.url}/openapi.yaml")
    assert code == 0, err
    assert "Imported 'Scripted Test API' as action scripted-test-api: 11 operations." in out
    assert "getWeather" in out and "GET /echo/weather/{city}" in out
    assert f"capsule actions auth {gpt_id} scripted-test-api" in out

    code, out, _ = cli(capsys, "actions", "list", gpt_id, "--json")
    (row,) = json.loads(out)
    assert row["operations"] == 11 and row["server"] == api.url and row["auth"] == "none"
    code, out, _ = cli(capsys, "actions", "show", gpt_id, "scripted-test-api", "--json")
    tools = [op["tool"] for op in json.loads(out)["operations"]]
    assert tools[:2] == ["getWeather", "createOrder"]
    # A second import of the same document gets its own id.
    assert imported(capsys, gpt_id, api) == "scripted-test-api-2"


def test_a_broken_document_names_the_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], gpt_id: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.0\ninfo:\n  title: x\n  version: '1'\npaths: [\n")
    code, _, err = cli(capsys, "actions", "import", gpt_id, str(broken))
    assert code == 1 and "line" in err
    code, out, _ = cli(capsys, "actions", "import", gpt_id, str(broken), "--json")
    problem = json.loads(out)["error"]
    assert code == 1 and problem["code"] == "invalid_action_document" and problem["line"]
    code, out, _ = cli(capsys, "gpt", "versions", gpt_id)
    assert out.count("\n") == 2  # the header and version 1: nothing was saved

    pasted = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"
    code, _, err = cli(capsys, "actions", "import", gpt_id, "-", stdin=pasted)
    assert code == 1 and "no operations" in err


def test_auth_reads_secrets_from_stdin_and_remove_forgets_them(
    capsys: pytest.CaptureFixture[str],
    gpt_id: str,
    api: ActionServer,
    memory_keyring: MemoryKeyring,
) -> None:
    action = imported(capsys, gpt_id, api)
    code, out, err = cli(
        capsys, "actions", "auth", gpt_id, action, "--scheme", "keyQuery", stdin=API_KEY + "\n"
    )
    assert code == 0, err
    assert "api_key auth in query 'api_key'" in out
    assert API_KEY not in out + err
    stored = {k[1]: v for k, v in memory_keyring.passwords.items()}
    assert stored[f"action:{gpt_id}:{action}"] == API_KEY
    code, out, _ = cli(capsys, "gpt", "show", gpt_id, "--json")
    assert API_KEY not in out

    stdin = f"{BASIC_USER}\n{BASIC_PASSWORD}\n"
    code, out, err = cli(capsys, "actions", "auth", gpt_id, action, "--type", "basic", stdin=stdin)
    assert code == 0, err
    assert stored != {k[1]: v for k, v in memory_keyring.passwords.items()}
    code, _, err = cli(capsys, "actions", "auth", gpt_id, action, "--scheme", "nope")
    assert code == 1 and "keyHeader" in err

    code, _, err = cli(capsys, "actions", "remove", gpt_id, action)
    assert code == 1 and "--yes" in err  # no terminal to ask on
    code, out, _ = cli(capsys, "actions", "remove", gpt_id, action, "--yes")
    assert code == 0 and "gpt restore" in out
    assert not any(k[1].startswith("action:") for k in memory_keyring.passwords)
    code, _, err = cli(capsys, "actions", "remove", gpt_id, action, "--yes")
    assert code == 1 and "actions list" in err


def test_chat_waits_for_consent_and_runs_consent_goes_on(
    capsys: pytest.CaptureFixture[str], gpt_id: str, api: ActionServer, server: OpenAIServer
) -> None:
    imported(capsys, gpt_id, api)
    server.script(
        tool_answer(("call_1", "getWeather", '{"city": "Paris", "units": "metric"}')),
        text_answer("Sunny."),
    )
    code, out, err = cli(capsys, "chat", gpt_id, "Weather in Paris?")
    assert code == 0
    assert "getWeather wants to reach 127.0.0.1" in err and "runs consent" in err
    run_id = err.split(" run ")[1].split()[0]
    assert api.seen("/echo/weather/Paris") == []

    code, out, err = cli(capsys, "runs", "consent", run_id, "once")
    assert code == 0, err
    assert out.strip() == "Sunny."
    (seen,) = api.seen("/echo/weather/Paris")
    assert seen.query == {"units": ["metric"]}
    code, out, _ = cli(capsys, "runs", "show", run_id)
    assert "consent for 127.0.0.1: allow_once" in out
    assert f"GET {api.url}/echo/weather/Paris?units=metric -> 200" in out
    sent = server.requests[-1].body["messages"][-1]
    assert sent["role"] == "tool" and "Paris" in sent["content"]


def test_runs_consent_deny_and_always(
    capsys: pytest.CaptureFixture[str], gpt_id: str, api: ActionServer, server: OpenAIServer
) -> None:
    imported(capsys, gpt_id, api)
    weather = tool_answer(("call_1", "getWeather", '{"city": "Oslo"}'))
    server.script(weather, text_answer("I was not allowed."), weather, text_answer("Rain."))
    cli(capsys, "chat", gpt_id, "Oslo?")
    run_id = json.loads(cli(capsys, "runs", "list", "--thread", thread(capsys), "--json")[1])[0][
        "id"
    ]
    code, out, _ = cli(capsys, "runs", "consent", run_id, "deny")
    assert code == 0 and "not allowed" in out and api.seen("/echo/weather/Oslo") == []

    code, _, err = cli(capsys, "chat", gpt_id, "Oslo again?")
    second = err.split(" run ")[1].split()[0]
    code, out, _ = cli(capsys, "runs", "consent", second, "always")
    assert out.strip() == "Rain." and len(api.seen("/echo/weather/Oslo")) == 1
    code, out, _ = cli(capsys, "gpt", "show", gpt_id, "--json")
    assert json.loads(out)["allowed_domains"] == ["127.0.0.1"]
    code, _, err = cli(capsys, "runs", "consent", second, "once")
    assert code == 1 and "not waiting for consent" in err


def thread(capsys: pytest.CaptureFixture[str]) -> str:
    return str(json.loads(cli(capsys, "threads", "list", "--json")[1])[0]["id"])


def test_chat_asks_on_a_terminal_until_it_gets_an_answer(
    capsys: pytest.CaptureFixture[str],
    gpt_id: str,
    api: ActionServer,
    server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imported(capsys, gpt_id, api)
    server.script(tool_answer(("c1", "getWeather", '{"city": "Rome"}')), text_answer("Warm."))
    answers = iter(["maybe", "a"])
    questions: list[str] = []

    def answer(question: str) -> str:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    assert main(["chat", gpt_id, "Rome?"]) == 0
    out, _ = capsys.readouterr()
    assert out.strip() == "Warm."
    assert "getWeather wants to call 127.0.0.1" in questions[0]
    assert questions[1].startswith("Type o (allow once)")
    assert len(api.seen("/echo/weather/Rome")) == 1


def test_a_closed_terminal_leaves_the_run_waiting(
    capsys: pytest.CaptureFixture[str],
    gpt_id: str,
    api: ActionServer,
    server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imported(capsys, gpt_id, api)
    server.script(tool_answer(("c1", "getWeather", '{"city": "Rome"}')))

    def closed(_question: str) -> str:
        raise EOFError

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", closed)
    assert main(["chat", gpt_id, "Rome?"]) == 0
    _, err = capsys.readouterr()
    assert "the run waits" in err and "(requires_action)" in err
    assert api.seen("/echo/weather/Rome") == []


def test_gpt_show_names_the_document_instead_of_printing_it(
    capsys: pytest.CaptureFixture[str], gpt_id: str, api: ActionServer
) -> None:
    action = imported(capsys, gpt_id, api)
    code, out, _ = cli(capsys, "gpt", "show", gpt_id)
    assert code == 0 and "openapi: 3.1.0" not in out
    assert f"capsule actions show {gpt_id} {action}" in out
    code, out, _ = cli(capsys, "gpt", "show", gpt_id, "--json")
    assert json.loads(out)["actions"][0]["document"].startswith("openapi: 3.1.0")
