"""Error mapping details that the server tests do not reach."""

from __future__ import annotations

import json

import pytest

from desktop.core import errors
from desktop.core.providers.openai_compat import endpoint_for, map_error, redact
from desktop.core.providers.openai_compat.failures import guarded

SECRET = "sk-test-0123456789abcdef"
ENDPOINT = endpoint_for("deepseek", "deepseek", api_key=SECRET)


def test_redact_masks_the_key_then_cuts() -> None:
    text = redact(f"key {SECRET}\n\n  echoed " + "y" * 1000, ENDPOINT)
    assert text.startswith("key **** echoed yyy")
    assert len(text) == 300 and text.endswith("…")
    # The key is masked before the cut, so no prefix of it survives at the edge.
    assert SECRET[:12] not in redact("x" * 290 + SECRET, ENDPOINT)


def test_typed_errors_and_interrupts_pass_through() -> None:
    typed = errors.ProviderAuthError("already typed")
    assert map_error(typed, ENDPOINT) is typed
    interrupt = KeyboardInterrupt()
    assert map_error(interrupt, ENDPOINT) is interrupt


def test_bad_json_and_surprises_are_response_errors() -> None:
    try:
        json.loads(f"{SECRET} is not json")
    except ValueError as exc:
        bad_json = map_error(exc, ENDPOINT, received=7)
    assert isinstance(bad_json, errors.ProviderResponseError)
    assert "after 7 characters" in str(bad_json) and SECRET not in str(bad_json)
    surprise = map_error(AttributeError(f"'str' has no attribute {SECRET}"), ENDPOINT)
    assert isinstance(surprise, errors.ProviderResponseError) and SECRET not in str(surprise)


def test_guarded_raises_the_typed_error_without_the_original() -> None:
    def fail() -> None:
        raise ValueError(f"boom {SECRET}")

    with pytest.raises(errors.ProviderResponseError) as caught:
        guarded(fail, ENDPOINT)
    assert caught.value.__context__ is None and caught.value.__cause__ is None
    assert guarded(lambda: 5, ENDPOINT) == 5
