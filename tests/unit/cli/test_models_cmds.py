"""`capsule models catalog|download|import|remove` end to end, against a fake hub."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main, models_cmds
from desktop.core.models import download, memory, storage
from desktop.core.models.catalog import CatalogEntry, load_catalog
from desktop.core.models.progress import Progress
from desktop.core.paths import Paths
from tests.helpers.hf_server import FakeHub

ENTRY_ID = "qwen2.5-0.5b-instruct-q4_k_m"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def entry() -> CatalogEntry:
    return load_catalog().get(ENTRY_ID)


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, entry: CatalogEntry, tiny_gguf: Path) -> Iterator[FakeHub]:
    with FakeHub() as fake:
        fake.add(entry.repo, entry.file, tiny_gguf.read_bytes())
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        monkeypatch.setattr(download, "RETRY_WAIT_S", 0.01)
        yield fake


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_catalog_lists_entries_and_marks_what_is_downloaded(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths, entry: CatalogEntry
) -> None:
    code, out, _ = run_cli(capsys, "models", "catalog", "--json")
    listed = {e["id"]: e for e in json.loads(out)}
    assert code == 0 and listed.keys() == {e.id for e in load_catalog().models}
    assert listed[ENTRY_ID]["downloaded"] is False and listed[ENTRY_ID]["partial_bytes"] == 0
    (isolated_home.user_models / entry.file_name).write_bytes(b"GGUF")
    partial_of = load_catalog().get("qwen3-4b-q4_k_m").file_name
    storage.partial_path(isolated_home.user_models, partial_of, "abc").write_bytes(b"12345")
    code, out, _ = run_cli(capsys, "models", "catalog")
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "downloaded" in lines[ENTRY_ID] and "partial (5 B)" in lines["qwen3-4b-q4_k_m"]
    assert "apache-2.0" in lines[ENTRY_ID] and "32,768" in lines[ENTRY_ID]


def test_download_fetches_verifies_and_the_model_is_listed(
    capsys: pytest.CaptureFixture[str], hub: FakeHub, isolated_home: Paths, tiny_gguf: Path
) -> None:
    code, out, err = run_cli(capsys, "models", "download", ENTRY_ID)
    assert code == 0, err
    assert "Downloaded" in out and "sha256 verified" in out and f"--model {ENTRY_ID}" in out
    assert "downloading" in err and "100%" in err and "checking sha256" in err
    code, out, _ = run_cli(capsys, "models", "list", "--json")
    listed = {m["id"]: m for m in json.loads(out)}
    assert listed[ENTRY_ID]["memory_estimate"]["weights"] == tiny_gguf.stat().st_size
    code, out, _ = run_cli(capsys, "models", "download", ENTRY_ID, "--json")
    result = json.loads(out)
    assert code == 0 and result["already_present"] is True and result["id"] == ENTRY_ID
    assert result["memory_estimate"]["context"] == 2048


def test_download_warns_when_the_model_will_not_fit(
    capsys: pytest.CaptureFixture[str], hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memory, "machine_ram", lambda: memory.Ram(10**9, 10**6))
    code, _, err = run_cli(capsys, "models", "download", ENTRY_ID)
    assert code == 0 and "warning: Running" in err and "only 1.0 MB" in err


def test_download_errors_go_to_stderr_with_exit_code_1(
    capsys: pytest.CaptureFixture[str], hub: FakeHub, entry: CatalogEntry, tiny_gguf: Path
) -> None:
    code, out, err = run_cli(capsys, "models", "download", "no-such-model")
    assert code == 1 and out == "" and "error: No catalog model 'no-such-model'" in err
    hub.add(entry.repo, entry.file, tiny_gguf.read_bytes(), sha256="0" * 64)
    code, _, err = run_cli(capsys, "models", "download", ENTRY_ID)
    assert code == 1 and "error: The downloaded" in err and "was removed" in err
    code, _, err = run_cli(capsys, "models", "download", f"{entry.repo}/missing.gguf")
    assert code == 1 and "has no file 'missing.gguf'" in err


def test_ctrl_c_keeps_the_partial_file_and_the_same_command_resumes(
    capsys: pytest.CaptureFixture[str],
    hub: FakeHub,
    isolated_home: Paths,
    monkeypatch: pytest.MonkeyPatch,
    entry: CatalogEntry,
) -> None:
    interrupts = [KeyboardInterrupt()]

    class Interrupting(models_cmds.ProgressLine):
        def __call__(self, progress: Progress) -> None:
            if interrupts:  # Ctrl-C once, at the first report
                raise interrupts.pop()
            super().__call__(progress)

    monkeypatch.setattr(models_cmds, "ProgressLine", Interrupting)
    code, _, err = run_cli(capsys, "models", "download", ENTRY_ID)
    assert code == 130
    assert "partial file" in err and f"`capsule models download {ENTRY_ID}` again" in err
    assert storage.partials_for(isolated_home.user_models, entry.file_name)
    code, out, _ = run_cli(capsys, "models", "download", ENTRY_ID, "--json")
    assert code == 0 and json.loads(out)["resumed_from"] > 0
    assert hub.gets()[-1].headers.get("Range", "").startswith("bytes=")


def test_import_copies_and_a_second_import_says_it_is_there(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths, tiny_gguf: Path
) -> None:
    code, out, _ = run_cli(capsys, "models", "import", str(tiny_gguf))
    assert code == 0 and "Imported" in out and "as 'tiny-chat'" in out
    assert (isolated_home.user_models / tiny_gguf.name).is_file()
    code, out, _ = run_cli(capsys, "models", "import", str(tiny_gguf), "--json")
    assert code == 0 and json.loads(out)["already_present"] is True


def test_import_of_something_else_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "model.gguf"
    page.write_text("<html>")
    code, _, err = run_cli(capsys, "models", "import", str(page))
    assert code == 1 and "error: model.gguf is not a GGUF model file" in err


def test_remove_asks_on_a_terminal_and_refuses_without_one(
    capsys: pytest.CaptureFixture[str],
    isolated_home: Paths,
    tiny_gguf: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copy(tiny_gguf, isolated_home.user_models / "keep-me.gguf")
    code, _, err = run_cli(capsys, "models", "remove", "keep-me")
    assert code == 1 and "pass --yes" in err
    assert (isolated_home.user_models / "keep-me.gguf").exists()

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert run_cli(capsys, "models", "remove", "keep-me")[0] == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    code, out, _ = run_cli(capsys, "models", "remove", "keep-me")
    assert code == 0 and "Removed keep-me.gguf" in out
    assert not (isolated_home.user_models / "keep-me.gguf").exists()


def test_remove_with_yes_and_its_limits(
    capsys: pytest.CaptureFixture[str], isolated_home: Paths, tiny_gguf: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.gguf"
    shutil.copy(tiny_gguf, outside)
    code, _, err = run_cli(capsys, "models", "remove", str(outside), "--yes")
    assert code == 1 and "not in a model folder" in err and outside.exists()
    code, _, err = run_cli(capsys, "models", "remove", "nothing-here", "--yes")
    assert code == 1 and "No local model 'nothing-here'" in err

    name = load_catalog().get("qwen3-4b-q4_k_m").file_name
    partial = storage.partial_path(isolated_home.user_models, name, "abc")
    partial.write_bytes(b"half")
    code, out, _ = run_cli(capsys, "models", "remove", "qwen3-4b-q4_k_m", "--yes", "--json")
    assert code == 0 and json.loads(out)["removed"] == [str(partial)]


def test_progress_rewrites_one_line_on_a_terminal() -> None:
    terminal = _Terminal()
    line = models_cmds.ProgressLine(terminal)
    line(Progress("download", 500_000, 1_000_000, 250_000.0, 2.0))
    line(Progress("download", 1_000_000, 1_000_000, 250_000.0, 0.0))
    line.close()
    text = terminal.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n")
    assert "500.0 KB / 1.0 MB   50%  250.0 KB/s  ETA 0:02" in text


def test_progress_without_a_terminal_prints_few_whole_lines() -> None:
    plain = io.StringIO()
    line = models_cmds.ProgressLine(plain)
    for done in range(0, 1_000_001, 100_000):
        line(Progress("download", done, 1_000_000, 1.0, None))
    line(Progress("download", 1_000_000, 1_000_000, 1.0, None))
    lines = plain.getvalue().splitlines()
    assert "\r" not in plain.getvalue() and len(lines) == 2 and "100%" in lines[-1]
