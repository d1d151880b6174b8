"""Tests for desktop/cli/fixes.py: core's actions worded as commands for a terminal."""

from __future__ import annotations

import pytest

from desktop.cli.fixes import command, error_text, worded
from desktop.core import errors
from desktop.core.errors import Do, UserAction, do
from tests.helpers.cli import cli

KINDS = [value for name, value in vars(Do).items() if name.isupper()]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_worded_as_a_command(kind: str) -> None:
    sentence = command(UserAction(kind))
    assert "`capsule " in sentence or "--thread" in sentence
    assert "{" not in sentence  # every argument filled, with a placeholder if need be


def test_arguments_fill_the_command() -> None:
    assert (
        command(do(Do.CANCEL_RUN, run_id="run_1")) == "Cancel it with `capsule runs cancel run_1`."
    )
    assert command(do(Do.CANCEL_RUN)) == "Cancel it with `capsule runs cancel RUN_ID`."
    assert command(do(Do.SET_ACTION_AUTH, action_id="pets")) == (
        "Use `capsule actions auth GPT_ID pets`."
    )
    assert command(do(Do.ADD_PROVIDER, profile="az", preset="azure", needs="base_url")) == (
        "Add it with `capsule providers add az --preset azure --base-url URL`."
    )
    assert command(None) == "" and command(UserAction("from_a_newer_version")) == ""


def test_raised_and_stored_errors_read_the_same() -> None:
    raised = errors.UnknownGptError("gpt_x")
    stored = raised.to_dict()

    assert stored["action"] == {"kind": "list_gpts", "args": {}}
    assert error_text(raised) == error_text(stored)
    assert error_text(raised) == "No GPT with id 'gpt_x'. Run `capsule gpt list` to see the ids."
    assert error_text({"code": "x", "message": "Plain."}) == "Plain."
    assert worded("Busy.", None) == "Busy."


def test_the_cli_words_a_core_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "gpt", "show", "gpt_nope")

    assert code == 1
    assert err.strip() == "error: No GPT with id 'gpt_nope'. Run `capsule gpt list` to see the ids."
