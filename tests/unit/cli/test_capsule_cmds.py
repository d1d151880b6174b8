"""Tests for desktop/cli/capsule_cmds.py: `capsule export|import|inspect` and `capsule signing`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.paths import Paths
from desktop.core.services import Services
from tests.helpers.capsules import gpt_with_knowledge, with_action
from tests.helpers.cli import cli


@pytest.fixture
def gpt_id(isolated_home: Paths, tmp_path: Path) -> str:
    services = Services(isolated_home)
    try:
        gpt_id = gpt_with_knowledge(services, tmp_path / "files")
        with_action(services, gpt_id)
    finally:
        services.close()
    return gpt_id


def test_export_inspect_and_import_a_capsule(
    capsys: pytest.CaptureFixture[str], gpt_id: str, tmp_path: Path
) -> None:
    target = tmp_path / "pets.capsule"
    code, out, err = cli(
        capsys, "export", gpt_id, "-o", str(target), "--include-index", "--author", "Ada"
    )
    assert code == 0, err
    assert out.startswith(f"Wrote {target} (") and "3 knowledge file(s)" in out
    assert "not encrypted, with its index" in out

    code, out, err = cli(capsys, "inspect", str(target))
    assert code == 0, err
    assert out.startswith("Pet handbook: a capsule,")
    assert "author: Ada" in out and "signature: unsigned" in out
    assert "contents: 3 knowledge files" in out and "1 action" in out
    assert "Calls the action 'Pets' on api.pets.example, with api_key auth" in out
    assert "hosts it reaches: api.pets.example" in out
    assert "secret: API key for the action 'Pets' (asked on import)" in out
    assert "it gets a new one, unless --replace" in out  # this machine has the GPT

    code, out, err = cli(capsys, "import", str(target))
    assert code == 0, err
    new_id = out.strip()
    assert new_id.startswith("gpt_") and new_id != gpt_id and "\n" not in new_id
    assert f"already had the id {gpt_id}" in err
    assert "knowledge: 3 file(s), used the capsule's index" in err
    assert f"Use `capsule actions auth {new_id} pets`." in err
    code, out, _ = cli(capsys, "knowledge", "list", new_id)
    assert "FROM" in out.splitlines()[0] and out.count("Ada, pets.capsule") == 3

    code, out, err = cli(capsys, "import", str(target), "--replace", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["gpt_id"] == gpt_id and result["replaced"] is True


def test_a_password_comes_from_stdin_and_a_wrong_one_is_worded(
    capsys: pytest.CaptureFixture[str], gpt_id: str, tmp_path: Path
) -> None:
    target = tmp_path / "locked.capsule"
    code, out, err = cli(
        capsys, "export", gpt_id, "-o", str(target), "--password-stdin", stdin="s3cret\n"
    )
    assert code == 0 and "encrypted" in out, err

    code, out, _ = cli(capsys, "inspect", str(target))
    assert "encrypted: yes (give the password to see inside)" in out
    code, out, _ = cli(capsys, "inspect", str(target), "--password-stdin", stdin="s3cret\n")
    assert "contents: 3 knowledge files" in out

    code, _, err = cli(capsys, "import", str(target))
    assert code == 1
    assert err.strip() == (
        "error: This capsule is encrypted: give its password to open it. Pipe the password "
        f"in: `capsule import {target} --password-stdin` (or `capsule inspect {target} "
        "--password-stdin`)."
    )
    code, _, err = cli(capsys, "import", str(target), "--password-stdin", stdin="wrong\n")
    assert code == 1 and "The password is wrong" in err and "Traceback" not in err
    code, out, err = cli(capsys, "import", str(target), "--password-stdin", stdin="s3cret\n")
    assert code == 0 and out.strip().startswith("gpt_"), err


def test_a_hostile_file_is_an_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.capsule"
    bad.write_bytes(b"PK\x03\x04 and then nothing")
    code, out, err = cli(capsys, "import", str(bad))
    assert code == 1 and out == ""
    assert err.startswith("error: This file is damaged or incomplete")


def test_other_formats_both_ways(
    capsys: pytest.CaptureFixture[str], gpt_id: str, tmp_path: Path
) -> None:
    target = tmp_path / "webui.json"
    code, out, err = cli(capsys, "export", gpt_id, "-o", str(target), "--format", "openwebui")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))[0]["name"] == "Pet handbook"
    assert "note: The 3 knowledge file(s) are not in this JSON" in err
    code, out, err = cli(capsys, "inspect", str(target), "--json")
    assert code == 0 and json.loads(out)["label"] == "an Open WebUI model"
    code, out, err = cli(capsys, "import", str(target))
    assert code == 0 and out.strip().startswith("gpt_") and "from an Open WebUI model" in err


def test_signing_keys_and_trust(
    capsys: pytest.CaptureFixture[str], gpt_id: str, tmp_path: Path
) -> None:
    code, out, _ = cli(capsys, "signing", "key")
    fingerprint = out.strip().rsplit(": ", 1)[1]
    assert code == 0 and len(fingerprint.split()) == 8
    target = tmp_path / "signed.capsule"
    code, out, _ = cli(capsys, "export", gpt_id, "-o", str(target), "--sign", "--author", "Ada")
    assert f"signed by {fingerprint}" in out

    code, out, _ = cli(capsys, "signing", "trust", *fingerprint.split(), "--name", "Ada L.")
    assert code == 0
    code, out, _ = cli(capsys, "inspect", str(target))
    assert f"signature: signed by Ada {fingerprint} (trusted as Ada L.)" in out
    code, out, _ = cli(capsys, "signing", "list", "--json")
    assert json.loads(out) == [{"fingerprint": fingerprint, "name": "Ada L."}]
    code, _, _ = cli(capsys, "signing", "untrust", fingerprint.replace(" ", ""))
    assert code == 0
    code, _, err = cli(capsys, "signing", "untrust", fingerprint)
    assert code == 1 and "was not trusted" in err
    code, _, err = cli(capsys, "signing", "trust", "xyz", "--name", "x")
    assert code == 1 and "is not a fingerprint" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_import_asks_for_each_secret(
    capsys: pytest.CaptureFixture[str],
    gpt_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Paths,
) -> None:
    target = tmp_path / "pets.capsule"
    assert cli(capsys, "export", gpt_id, "-o", str(target))[0] == 0
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return "pk-typed-in"

    monkeypatch.setattr("getpass.getpass", answer)
    monkeypatch.setattr("sys.stdin", _Terminal())
    code = main(["import", str(target)])
    out, err = capsys.readouterr()

    assert code == 0 and asked == ["  API key for the action 'Pets' (not shown): "]
    new_id = out.strip()
    services = Services(isolated_home)
    try:
        assert services.secrets.get(f"action:{new_id}:pets") == "pk-typed-in"
    finally:
        services.close()
    assert "not set" not in err
