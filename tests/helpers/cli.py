"""Running `capsule` in-process from tests, with stdin given and output captured."""

from __future__ import annotations

import io

import pytest

from desktop.cli import main
from tests.helpers.openai_server import OpenAIServer


def cli(capsys: pytest.CaptureFixture[str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    """Run one command; its exit code, stdout and stderr."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def remote_gpt(capsys: pytest.CaptureFixture[str], server: OpenAIServer, name: str) -> str:
    """A GPT on the scripted server (provider profile `lab`, model `m`); its id."""
    code, _, err = cli(capsys, "providers", "add", "lab", "--base-url", server.url)
    assert code == 0, err
    code, out, err = cli(capsys, "gpt", "create", "--name", name, "--model", "lab:m")
    assert code == 0, err
    return out.strip()
