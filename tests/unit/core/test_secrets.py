"""Secrets: values in the keyring only, names in settings, masked in logs."""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop.core import errors
from desktop.core.secrets import (
    SERVICE,
    SecretMask,
    Secrets,
    mask_logs,
    masked_preview,
    provider_secret_name,
)
from desktop.core.settings import SettingsFile
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def settings(tmp_path: Path) -> SettingsFile:
    return SettingsFile(tmp_path / "settings.json")


def test_set_get_delete_and_names(settings: SettingsFile, memory_keyring: MemoryKeyring) -> None:
    secrets = Secrets(settings)
    secrets.set("provider:deepseek", "sk-test-0123456789abcdef")
    assert memory_keyring.passwords[(SERVICE, "provider:deepseek")] == "sk-test-0123456789abcdef"
    assert secrets.get("provider:deepseek") == "sk-test-0123456789abcdef"
    assert secrets.names() == ["provider:deepseek"]
    assert "sk-test" not in settings.path.read_text(encoding="utf-8")
    assert secrets.delete("provider:deepseek") is True
    assert secrets.names() == []
    assert secrets.delete("provider:deepseek") is False
    with pytest.raises(errors.SecretNotFoundError, match="Set it again where it is used"):
        secrets.get("provider:deepseek")
    assert secrets.get_optional("provider:deepseek") is None


def test_empty_value_is_refused(settings: SettingsFile) -> None:
    with pytest.raises(errors.ValidationError, match="empty"):
        Secrets(settings).set("x", "")
    assert Secrets(settings).names() == []


def test_no_backend_is_a_clear_error_and_writes_nothing(settings: SettingsFile) -> None:
    keyring.set_keyring(fail.Keyring())
    secrets = Secrets(settings)
    ok, why = secrets.available()
    assert not ok
    assert "never" in why
    assert "plain file" in why
    with pytest.raises(errors.SecretsUnavailableError, match="No OS keyring"):
        secrets.set("provider:x", "sk-should-not-be-stored")
    assert not settings.path.exists()


def test_plaintext_backends_are_refused(settings: SettingsFile) -> None:
    plaintext = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    keyring.set_keyring(plaintext())
    with pytest.raises(errors.SecretsUnavailableError):
        Secrets(settings).set("provider:x", "sk-should-not-be-stored")


def test_locked_keyring_says_to_unlock(
    settings: SettingsFile, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_: object) -> None:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    with pytest.raises(errors.SecretsUnavailableError, match="Unlock"):
        Secrets(settings).get("provider:x")


def test_log_mask_blanks_known_values(caplog: pytest.LogCaptureFixture) -> None:
    SecretMask.add("sk-live-abcdefghijklmnop")
    logger = logging.getLogger("tests.secrets")
    caplog.handler.addFilter(SecretMask())
    try:
        raise ValueError("bad key sk-live-abcdefghijklmnop")
    except ValueError:
        logger.exception("request with %s failed", "sk-live-abcdefghijklmnop")
    text = caplog.text
    assert "sk-live-abcdefghijklmnop" not in text
    assert "request with **** failed" in text
    assert "bad key ****" in text


def test_mask_logs_installs_once() -> None:
    logger = logging.getLogger("tests.secrets.install")
    handler = logging.NullHandler()
    logger.addHandler(handler)
    try:
        mask_logs(logger)
        mask_logs(logger)
        assert sum(isinstance(f, SecretMask) for f in handler.filters) == 1
    finally:
        logger.removeHandler(handler)


def test_previews_never_show_a_short_key() -> None:
    assert masked_preview("short") == "****"
    assert masked_preview("sk-0123456789abcdef") == "sk-…cdef"
    assert provider_secret_name("deepseek") == "provider:deepseek"
