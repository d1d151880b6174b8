"""`capsule providers ...` and GPTs on remote models, against a scripted server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop.core.paths import Paths
from desktop.core.secrets import SERVICE
from tests.helpers.cli import cli
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.openai_server import (
    OpenAIServer,
    embeddings_answer,
    error_answer,
    models_answer,
    text_answer,
)

KEY = "sk-test-7f3a9c1e5b2d4f60a8e1"


def add_profile(capsys: pytest.CaptureFixture[str], server: OpenAIServer, name: str = "ds") -> None:
    code, out, err = cli(
        capsys,
        "providers",
        "add",
        name,
        "--preset",
        "deepseek",
        "--base-url",
        server.url,
        "--api-key-stdin",
        stdin=KEY + "\n",
    )
    assert code == 0, err
    assert "key stored in the keyring" in out


def test_add_keeps_the_key_in_the_keyring_only(
    capsys: pytest.CaptureFixture[str],
    server: OpenAIServer,
    memory_keyring: MemoryKeyring,
    isolated_home: Paths,
) -> None:
    add_profile(capsys, server)
    assert memory_keyring.passwords[(SERVICE, "provider:ds")] == KEY
    settings = json.loads(isolated_home.settings_file.read_text(encoding="utf-8"))
    assert settings["providers"]["ds"]["api_key_secret"] == "provider:ds"
    assert KEY not in isolated_home.settings_file.read_text(encoding="utf-8")


def test_list_shows_the_key_masked(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    add_profile(capsys, server)
    code, out, _ = cli(capsys, "providers", "list")
    assert code == 0
    assert "ds" in out and "DeepSeek" in out and server.url in out
    assert "sk-…e1" not in out and "sk-…a8e1" in out
    assert KEY not in out
    code, out, _ = cli(capsys, "providers", "list", "--json")
    assert json.loads(out)[0]["key"] == "sk-…a8e1"


def test_a_preset_named_profile_needs_no_flags(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths
) -> None:
    code, out, err = cli(capsys, "providers", "add", "ollama")
    assert code == 0, err
    assert "http://localhost:11434/v1" in out
    assert err == ""  # Ollama needs no key, so no warning
    code, out, err = cli(capsys, "providers", "add", "deepseek")
    assert code == 0
    assert "needs an API key" in err


def test_custom_profile_without_url_says_to_give_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "providers", "add", "mine")
    assert code == 1
    assert "--base-url" in err


def test_bad_name_and_url_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "providers", "add", "Bad Name", "--base-url", "http://x")
    assert code == 1 and "Cannot add" in err
    code, _, err = cli(capsys, "providers", "add", "ok", "--base-url", "localhost:1234")
    assert code == 1 and "http://" in err


def test_empty_stdin_key_is_refused_and_nothing_saved(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths
) -> None:
    code, _, err = cli(capsys, "providers", "add", "deepseek", "--api-key-stdin", stdin="")
    assert code == 1
    assert "No API key for deepseek on standard input" in err
    assert not isolated_home.settings_file.exists()


def test_no_keyring_is_a_clear_error_and_nothing_saved(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths
) -> None:
    keyring.set_keyring(fail.Keyring())
    code, _, err = cli(capsys, "providers", "add", "deepseek", "--api-key-stdin", stdin=KEY)
    assert code == 1
    assert "No OS keyring" in err
    assert not isolated_home.settings_file.exists()


def test_test_lists_models_and_chats(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    add_profile(capsys, server)
    server.script(models_answer("deepseek-chat", "deepseek-reasoner"), text_answer("O", "K"))
    code, out, err = cli(capsys, "providers", "test", "ds", "--model", "deepseek-chat")
    assert code == 0, err
    assert "2 model(s)" in out and "ds:deepseek-chat" in out
    assert "'OK'" in out
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_test_with_a_rejected_key_names_the_fix(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    add_profile(capsys, server)
    server.script(error_answer(401, f"Incorrect API key provided: {KEY}"))
    code, _, err = cli(capsys, "providers", "test", "ds")
    assert code == 1
    assert "rejected" in err and "capsule providers add ds --api-key-stdin" in err
    assert KEY not in err


def test_remove_needs_yes_without_a_terminal(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer, memory_keyring: MemoryKeyring
) -> None:
    add_profile(capsys, server)
    code, _, err = cli(capsys, "providers", "remove", "ds")
    assert code == 1 and "--yes" in err
    assert (SERVICE, "provider:ds") in memory_keyring.passwords
    code, out, _ = cli(capsys, "providers", "remove", "ds", "--yes")
    assert code == 0 and "Removed ds" in out
    assert memory_keyring.passwords == {}
    code, _, err = cli(capsys, "providers", "remove", "ds", "--yes")
    assert code == 1 and "No provider profile named 'ds'" in err


def test_gpt_model_accepts_profile_and_model(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    add_profile(capsys, server)
    code, gpt_id, err = cli(capsys, "gpt", "create", "--name", "R", "--model", "ds:deepseek-chat")
    assert code == 0, err
    code, out, _ = cli(capsys, "gpt", "show", gpt_id.strip(), "--json")
    model = json.loads(out)["model"]
    assert (model["provider"], model["model"]) == ("ds", "deepseek-chat")


def test_gpt_model_with_an_unknown_profile_says_how_to_add_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = cli(capsys, "gpt", "create", "--name", "R", "--model", "nope:some-model")
    assert code == 1
    assert "capsule providers add nope" in err


def test_gpt_model_with_an_empty_model_id_is_refused(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    add_profile(capsys, server)
    code, _, err = cli(capsys, "gpt", "create", "--name", "R", "--model", "ds:")
    assert code == 1 and "ds:MODEL_ID" in err


def test_whole_chat_leaves_the_key_in_no_file_and_no_log(
    capsys: pytest.CaptureFixture[str],
    server: OpenAIServer,
    isolated_home: Paths,
    tmp_path: Path,
) -> None:
    """A chat, a failing chat, a listing and a test: then search every file for the key."""
    add_profile(capsys, server)
    code, gpt_id, _ = cli(capsys, "gpt", "create", "--name", "R", "--model", "ds:deepseek-chat")
    gpt_id = gpt_id.strip()
    server.script(text_answer("Hello", " there", tokens=(12, 2)))
    code, out, err = cli(capsys, "chat", gpt_id, "hi", "--json")
    assert code == 0, err
    outputs = [out, err]
    events = [json.loads(line) for line in out.splitlines()]
    run_id = next(e["data"]["id"] for e in events if e["event"] == "thread.run.created")
    # A hostile server echoes the key in its error; it must not travel on.
    server.script(error_answer(401, f"bad key {KEY}"))
    code, out, err = cli(capsys, "chat", gpt_id, "again", "--json")
    assert code == 1
    outputs += [out, err]
    for args in (("runs", "show", run_id, "--json"), ("providers", "list", "--json")):
        code, out, err = cli(capsys, *args)
        outputs += [out, err]
    assert "Hello there" in outputs[0]

    assert server.requests[-1].headers["authorization"] == f"Bearer {KEY}"
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert isolated_home.database in files
    assert [p for p in files if KEY.encode() in p.read_bytes()] == []
    assert not any(KEY in text for text in outputs)
    log = (isolated_home.logs / "capsule.log").read_text(encoding="utf-8")
    assert "chat/completions" in log  # the log was written, and the failed run is in it
    assert "provider_auth" in log


def test_knowledge_embeds_through_a_remote_profile(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer, tmp_path: Path
) -> None:
    add_profile(capsys, server)
    code, gpt_id, _ = cli(capsys, "gpt", "create", "--name", "K", "--model", "ds:deepseek-chat")
    gpt_id = gpt_id.strip()
    edit = ("gpt", "edit", gpt_id, "--set", "knowledge.embedding_model=ds:text-embed")
    assert cli(capsys, *edit)[0] == 0
    note = tmp_path / "note.txt"
    note.write_text("Refunds are paid within 14 days.", encoding="utf-8")
    server.script(embeddings_answer([[3.0, 4.0, 0.0]]), embeddings_answer([[3.0, 4.0, 0.0]]))
    code, out, err = cli(capsys, "knowledge", "add", gpt_id, str(note))
    assert code == 0, err
    code, out, err = cli(capsys, "knowledge", "search", gpt_id, "refund", "--json")
    assert code == 0, err
    hit = json.loads(out)[0]
    assert "14 days" in hit["text"]
    bodies = [r.body for r in server.requests if r.path.endswith("/embeddings")]
    assert [b["model"] for b in bodies] == ["text-embed", "text-embed"]
    assert bodies[1]["input"] == ["refund"]


def test_remove_names_the_gpts_that_use_the_profile(
    capsys: pytest.CaptureFixture[str], server: OpenAIServer
) -> None:
    add_profile(capsys, server)
    assert cli(capsys, "gpt", "create", "--name", "Uses ds", "--model", "ds:deepseek-chat")[0] == 0
    code, _, err = cli(capsys, "providers", "remove", "ds")
    assert code == 1
    assert "1 GPT(s) use 'ds' (Uses ds)" in err
    code, _, err = cli(capsys, "providers", "remove", "ds", "--yes")
    assert code == 0
    assert "those GPTs need another model" in err
