"""Every core error and every action has words in the GUI, in its language."""

from __future__ import annotations

import inspect

from desktop.core import errors
from desktop.core.knowledge.extract import errors as extract_errors
from desktop.ui.errors import ACTION_LABELS, HEADLINES, notice_for, notice_from_dict


def error_codes() -> set[str]:
    classes = []
    for module in (errors, extract_errors):
        classes += [c for _, c in inspect.getmembers(module, inspect.isclass)]
    return {c.code for c in classes if issubclass(c, errors.CapsuleError) and c.code != "error"}


def test_every_error_code_has_a_headline() -> None:
    assert error_codes() - set(HEADLINES) == set()


def test_every_action_has_a_button() -> None:
    kinds = {v for k, v in vars(errors.Do).items() if not k.startswith("_")}
    assert kinds - set(ACTION_LABELS) == set()


def test_a_core_error_keeps_its_words_and_its_action() -> None:
    notice = notice_for(
        errors.ProviderAuthError(
            "The key for 'deepseek' was refused.",
            errors.do(errors.Do.SET_PROVIDER_KEY, profile="deepseek"),
        )
    )
    assert notice.headline == "The service refused the API key."
    assert notice.detail == "The key for 'deepseek' was refused."
    assert notice.action_label == "Set the API key"
    assert notice.action is not None and notice.action.args == {"profile": "deepseek"}


def test_a_stored_error_reads_back_as_a_notice() -> None:
    stored = errors.ModelCrashedError("llama.cpp stopped (SIGSEGV).").to_dict()
    notice = notice_from_dict(stored)
    assert notice.code == "model_crashed" and notice.detail == "llama.cpp stopped (SIGSEGV)."
    assert notice.action is None and notice.action_label == ""
