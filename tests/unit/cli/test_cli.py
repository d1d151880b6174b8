"""The `capsule` command: the exact forms scripts rely on, outputs and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def gpt_id(capsys: pytest.CaptureFixture[str], tiny_gguf: Path) -> str:
    code, out, _ = run_cli(
        capsys,
        "gpt",
        "create",
        "--name",
        "Tiny",
        "--model",
        str(tiny_gguf),
        "--max-tokens",
        "8",
        "--seed",
        "1",
    )
    assert code == 0
    return out.strip()


def test_gpt_create_prints_only_the_id(gpt_id: str) -> None:
    assert gpt_id.startswith("gpt_") and "\n" not in gpt_id


def test_gpt_list_show_edit_versions_diff_restore(
    capsys: pytest.CaptureFixture[str], gpt_id: str
) -> None:
    code, out, _ = run_cli(capsys, "gpt", "list", "--json")
    assert code == 0 and json.loads(out)[0]["id"] == gpt_id
    code, out, _ = run_cli(
        capsys, "gpt", "edit", gpt_id, "--temperature", "0.2", "--set", "knowledge_protection=true"
    )
    assert code == 0 and "version 2" in out
    code, out, _ = run_cli(capsys, "gpt", "edit", gpt_id, "--temperature", "0.2")
    assert "No changes" in out
    code, out, _ = run_cli(capsys, "gpt", "show", gpt_id, "--json")
    shown = json.loads(out)
    assert shown["model"]["temperature"] == 0.2 and shown["knowledge_protection"] is True
    code, out, _ = run_cli(capsys, "gpt", "diff", gpt_id, "1", "--json")
    fields = {c["field"] for c in json.loads(out)}
    assert fields == {"model.temperature", "knowledge_protection"}
    code, out, _ = run_cli(capsys, "gpt", "restore", gpt_id, "1")
    assert code == 0 and "version 3" in out
    code, out, _ = run_cli(capsys, "gpt", "versions", gpt_id, "--json")
    assert [v["version"] for v in json.loads(out)] == [1, 2, 3]
    code, out, _ = run_cli(capsys, "gpt", "show", gpt_id, "--json")
    assert json.loads(out)["model"]["temperature"] == 0.7


def test_delete_moves_to_trash_and_undelete_restores(
    capsys: pytest.CaptureFixture[str], gpt_id: str
) -> None:
    code, out, _ = run_cli(capsys, "gpt", "delete", gpt_id)
    assert code == 0 and f"capsule gpt undelete {gpt_id}" in out
    code, _, err = run_cli(capsys, "gpt", "show", gpt_id)
    assert code == 1 and "No GPT" in err
    code, out, _ = run_cli(capsys, "gpt", "list", "--json", "--deleted")
    assert json.loads(out)[0]["deleted_at"] is not None
    assert run_cli(capsys, "gpt", "undelete", gpt_id)[0] == 0
    assert run_cli(capsys, "gpt", "show", gpt_id)[0] == 0


def test_models_list_json_has_the_metadata(
    capsys: pytest.CaptureFixture[str], isolated_home: Any, tiny_gguf: Path
) -> None:
    shutil.copy(tiny_gguf, isolated_home.user_models / "my-model.gguf")
    (isolated_home.user_models / "broken.gguf").write_text("<html>")
    code, out, _ = run_cli(capsys, "models", "list", "--json")
    assert code == 0
    models = {m["id"]: m for m in json.loads(out)}
    good = models["my-model"]
    assert good["architecture"] == "llama"
    assert good["context_length"] == 2048
    assert good["quantization"] == "F32"
    assert good["parameter_count"] > 0 and good["file_size"] > 0
    assert good["has_chat_template"] is True and good["problem"] is None
    assert "not a GGUF" in models["broken"]["problem"]
    assert good["block_count"] == 2
    assert good["gpu_layers_auto"] == 0  # this CPU-only build offloads nothing
    assert "gpu_layers_auto" not in models["broken"]
    code, out, _ = run_cli(capsys, "models", "list")
    assert "my-model" in out and "unusable" in out
    assert "auto: 0 of 2" in out and "CPU-only llama.cpp build" in out


def test_doctor_reports_the_llama_cpp_build(
    capsys: pytest.CaptureFixture[str], isolated_home: Any
) -> None:
    code, out, _ = run_cli(capsys, "doctor")
    assert code == 0
    assert "llama.cpp: llama-cpp-python" in out and "CPU features:" in out
    assert "GPU offload: none" in out  # the suite runs a CPU build
    code, out, _ = run_cli(capsys, "doctor", "--json")
    build = json.loads(out)["llama_cpp"]
    assert "AVX" in build["system_info"] and build["gpu_offload"] is False
    assert any(d["type"] == "CPU" for d in build["devices"])
    assert (isolated_home.cache / "llama-build.json").exists()


def test_model_option_accepts_an_id(
    capsys: pytest.CaptureFixture[str], isolated_home: Any, tiny_gguf: Path
) -> None:
    shutil.copy(tiny_gguf, isolated_home.user_models / "Tiny-Chat.gguf")
    code, out, _ = run_cli(capsys, "gpt", "create", "--name", "x", "--model", "tiny-chat")
    assert code == 0
    code, out, _ = run_cli(capsys, "gpt", "show", out.strip(), "--json")
    assert json.loads(out)["model"]["model"] == "tiny-chat"


def test_chat_json_ends_with_the_run_and_runs_show_has_the_prompt(
    capsys: pytest.CaptureFixture[str], gpt_id: str
) -> None:
    code, out, _ = run_cli(capsys, "chat", gpt_id, "hello", "--json")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert all("event" in line for line in lines[:-1])
    final = lines[-1]
    assert {"id", "thread_id", "status", "usage"} <= set(final)
    assert final["status"] in ("completed", "incomplete")
    code, out, _ = run_cli(
        capsys, "chat", gpt_id, "again", "--thread", final["thread_id"], "--json"
    )
    assert json.loads(out.splitlines()[-1])["thread_id"] == final["thread_id"]

    code, out, _ = run_cli(capsys, "runs", "show", final["id"], "--json")
    shown = json.loads(out)
    call = shown["steps"][0]["step_details"]["model_call"]
    assert "<|im_start|>user\nhello<|im_end|>" in call["prompt"]
    assert "ttft_ms" in shown["timings"] and "duration_ms" in shown["steps"][0]["timings"]
    code, out, _ = run_cli(capsys, "runs", "show", final["id"])
    assert "prompt:" in out and "first token" in out


def test_chat_text_mode_streams_and_reports_the_thread(
    capsys: pytest.CaptureFixture[str], gpt_id: str
) -> None:
    code, out, err = run_cli(capsys, "chat", gpt_id, "hello")
    assert code == 0
    assert "thread thread_" in err and "run run_" in err
    thread_id = err.split("thread ", 1)[1].split()[0]
    _, shown, _ = run_cli(capsys, "threads", "show", thread_id, "--json")
    answer = json.loads(shown)[-1]["content"][0]["text"]["value"]
    assert out == (answer + "\n" if answer else "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chat", "gpt_nope", "hi"], "No GPT with id 'gpt_nope'"),
        (["runs", "show", "run_nope"], "No run with id"),
        (["gpt", "create", "--name", " "], "give the GPT a name"),
        (["gpt", "create", "--name", "x", "--model", "nosuch"], "Unknown model 'nosuch'"),
        (["gpt", "create", "--name", "x", "--temperature", "9"], "model.temperature"),
    ],
)
def test_errors_go_to_stderr_with_exit_1(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *args)
    assert code == 1
    assert out == ""
    assert message in err and "Traceback" not in err


def test_chat_with_an_unknown_thread(capsys: pytest.CaptureFixture[str], gpt_id: str) -> None:
    code, _, err = run_cli(capsys, "chat", gpt_id, "hi", "--thread", "thread_nope")
    assert code == 1 and "No thread with id 'thread_nope'" in err


def test_a_failed_run_exits_1_with_its_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_text("nope")
    code, out, _ = run_cli(
        capsys, "gpt", "create", "--name", "b", "--model", str(tmp_path / "later.gguf")
    )
    assert code == 1  # a missing file is refused at create time
    (tmp_path / "later.gguf").write_bytes(b"GGUF")  # looks like a GGUF, is not
    code, out, _ = run_cli(capsys, "gpt", "create", "--name", "b", "--model", str(broken))
    assert code == 1
    code, out, err = run_cli(capsys, "gpt", "create", "--name", "b")
    gpt = out.strip()
    code, out, err = run_cli(capsys, "chat", gpt, "hi")
    assert code == 1
    assert "No model selected" in err


def test_runs_list_and_threads(capsys: pytest.CaptureFixture[str], gpt_id: str) -> None:
    code, out, _ = run_cli(capsys, "chat", gpt_id, "hello", "--json")
    final = json.loads(out.splitlines()[-1])
    assert code == 0
    _code, out, _ = run_cli(capsys, "runs", "list", "--thread", final["thread_id"], "--json")
    assert [r["id"] for r in json.loads(out)] == [final["id"]]
    _, out, _ = run_cli(capsys, "threads", "show", final["thread_id"], "--json")
    assert json.loads(out)[0]["content"][0]["text"]["value"] == "hello"
    _, out, _ = run_cli(capsys, "threads", "list", "--gpt", gpt_id)
    assert final["thread_id"] in out


def test_the_installed_entry_point(tmp_path: Path) -> None:
    """The real `capsule` script: ids on stdout, errors on stderr, exit codes."""
    script = Path(sys.executable).parent / "capsule"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]
    env = {**os.environ, "CAPSULE_STUDIO_HOME": str(tmp_path / "home")}
    created = subprocess.run(
        [*command, "gpt", "create", "--name", "E"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert created.returncode == 0 and created.stdout.strip().startswith("gpt_")
    failed = subprocess.run(
        [*command, "chat", "gpt_x", "hi"], capture_output=True, text=True, env=env, check=False
    )
    assert failed.returncode == 1
    assert failed.stdout == "" and "No GPT" in failed.stderr
