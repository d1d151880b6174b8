"""Secrets over plain http and link-local addresses, from the command line.

Nothing here reaches another machine: each refusal comes before any request, and what
is allowed goes to servers on 127.0.0.1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.paths import Paths
from tests.helpers.cli import cli, remote_gpt
from tests.helpers.openai_server import OpenAIServer

KEY = "sk-test-7f3a9c1e5b2d4f60a8e1"
DOCUMENT = """openapi: 3.0.0
info: {title: Remote, version: '1'}
servers: [{url: 'SERVER'}]
paths:
  /items:
    get: {operationId: listItems, responses: {'200': {description: ok}}}
"""


def test_a_provider_key_for_a_plain_http_host_is_refused_unless_allowed(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths
) -> None:
    args = ["providers", "add", "lan", "--base-url", "http://gpu-box.example:8000/v1"]
    code, out, err = cli(capsys, *args, "--api-key-stdin", stdin=KEY + "\n")
    assert code == 1
    assert "gpu-box.example over plain http" in err and "https://gpu-box.example:8000" in err
    assert "lan" not in cli(capsys, "providers", "list")[1]  # nothing was saved
    code, out, err = cli(capsys, *args, "--api-key-stdin", "--allow-http", stdin=KEY + "\n")
    assert code == 0, err
    assert "key stored in the keyring" in out


def test_a_provider_without_a_key_or_on_this_machine_needs_nothing(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    assert cli(capsys, "providers", "add", "open", "--base-url", "http://gpu-box.example")[0] == 0
    code, _, err = cli(
        capsys, "providers", "add", "here", "--base-url", server.url, "--api-key-stdin",
        stdin=KEY + "\n",
    )  # fmt: skip
    assert code == 0, err


def test_a_stored_key_is_not_sent_once_the_profile_moves_to_plain_http(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer, isolated_home: Paths
) -> None:
    code, _, err = cli(
        capsys, "providers", "add", "moving", "--base-url", server.url, "--api-key-stdin",
        stdin=KEY + "\n",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = cli(
        capsys, "providers", "add", "moving", "--base-url", "http://api.example.com/v1"
    )
    assert code == 1 and "over plain http" in err
    # Edited by hand (or by code that got at settings.json): using it is refused too.
    settings_file = isolated_home.settings_file
    data = json.loads(settings_file.read_text(encoding="utf-8"))
    data["providers"]["moving"]["base_url"] = "http://api.example.com/v1"
    settings_file.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = cli(capsys, "providers", "test", "moving")
    assert code == 1 and "api.example.com over plain http" in err


def test_an_action_on_a_metadata_address_is_refused_at_import(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer, tmp_path: Path
) -> None:
    gpt_id = remote_gpt(capsys, server, "Meta")
    for server_url in ("http://169.254.169.254", "http://[::ffff:169.254.169.254]/v1"):
        document = tmp_path / "metadata.yaml"
        document.write_text(DOCUMENT.replace("SERVER", server_url), encoding="utf-8")
        code, _, err = cli(capsys, "actions", "import", gpt_id, str(document))
        assert code == 1 and "link-local" in err
    code, _, err = cli(
        capsys, "actions", "import", gpt_id, "http://169.254.169.254/latest/openapi.json"
    )
    assert code == 1 and "link-local" in err
    safe = tmp_path / "safe.yaml"
    safe.write_text(DOCUMENT.replace("SERVER", "https://api.example.com"), encoding="utf-8")
    code, _, err = cli(
        capsys, "actions", "import", gpt_id, str(safe), "--server", "http://169.254.169.254"
    )
    assert code == 1 and "link-local" in err
    assert json.loads(cli(capsys, "actions", "list", gpt_id, "--json")[1]) == []


def test_action_secrets_for_a_plain_http_server_are_refused_unless_allowed(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer, tmp_path: Path, isolated_home: Paths
) -> None:
    gpt_id = remote_gpt(capsys, server, "Plain")
    document = tmp_path / "plain.yaml"
    document.write_text(DOCUMENT.replace("SERVER", "http://api.example.com"), encoding="utf-8")
    code, out, err = cli(capsys, "actions", "import", gpt_id, str(document), "--json")
    assert code == 0, err
    action = json.loads(out)["action"]["id"]
    auth = ["actions", "auth", gpt_id, action, "--type", "bearer"]
    code, _, err = cli(capsys, *auth, stdin="tok-123\n")
    assert code == 1 and "api.example.com over plain http" in err
    listed = json.loads(cli(capsys, "actions", "list", gpt_id, "--json")[1])
    assert listed[0]["auth"] == "none"
    code, out, err = cli(capsys, *auth, "--allow-http", stdin="tok-123\n")
    assert code == 0, err
    stored = json.loads(isolated_home.settings_file.read_text(encoding="utf-8"))
    assert stored["http_credential_hosts"] == ["api.example.com"]


def test_the_refusal_says_how_to_allow_the_host(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(
        capsys, "providers", "add", "lan", "--base-url", "http://gpu-box.example",
        "--api-key-stdin", stdin=KEY + "\n",
    )  # fmt: skip
    assert code == 1 and "add --allow-http to `capsule providers add`" in err
