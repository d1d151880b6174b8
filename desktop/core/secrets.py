"""API keys and passwords in the OS keyring: the only module that imports keyring.

Values live in the keyring and nowhere else; settings hold only their names, so the app
can list and delete them. Where there is no usable keyring the user gets an error that
says how to get one, never a silent plaintext file. Every value read or written here is
added to `SecretMask`, which the log handlers use to blank it out.
"""

from __future__ import annotations

import functools
import logging
import sys
import threading
from typing import TYPE_CHECKING, ClassVar

from desktop.core import errors
from desktop.core.settings import Settings, SettingsFile

if TYPE_CHECKING:
    from types import ModuleType

    import keyring.backend

SERVICE = "capsule-studio"


@functools.cache
def _keyring_errors() -> ModuleType:
    """The keyring package's exceptions, imported on first use (it adds ~60 ms to a start)."""
    import keyring.errors  # noqa: PLC0415

    return keyring.errors


MASK = "****"
# Shorter values are not masked in logs: blanking "a" or "ab" would shred every message.
MIN_MASKED_LENGTH = 4


def provider_secret_name(profile: str) -> str:
    """The keyring entry that holds a provider profile's API key."""
    return f"provider:{profile}"


class SecretMask(logging.Filter):
    """A logging filter that replaces every known secret value with `****`."""

    _values: ClassVar[set[str]] = set()
    _lock = threading.Lock()

    @classmethod
    def add(cls, value: str) -> None:
        if len(value) >= MIN_MASKED_LENGTH:
            with cls._lock:
                cls._values.add(value)

    @classmethod
    def mask(cls, text: str) -> str:
        # Longest first, so a secret that contains another is blanked whole.
        for value in sorted(cls._values, key=len, reverse=True):
            if value in text:
                text = text.replace(value, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._values:
            return True
        record.msg = self.mask(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        if record.stack_info:
            record.stack_info = self.mask(record.stack_info)
        return True


def mask_logs(logger: logging.Logger | None = None) -> None:
    """Put a `SecretMask` on each handler of `logger` (the root logger by default)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, SecretMask) for f in handler.filters):
            handler.addFilter(SecretMask())


def masked_preview(value: str) -> str:
    """How a stored key is shown: enough to recognise it, never enough to use it."""
    if len(value) < 12:
        return MASK
    return f"{value[:3]}…{value[-4:]}"


class Secrets:
    """Set, get, delete and list named secrets held in the OS keyring."""

    def __init__(self, settings: SettingsFile) -> None:
        self._settings = settings

    def available(self) -> tuple[bool, str]:
        """Whether a usable keyring exists, and if not, what to do about it."""
        try:
            self._backend()
        except errors.SecretsUnavailableError as exc:
            return False, exc.message
        return True, ""

    def set(self, name: str, value: str) -> None:
        """Store `value` under `name`, replacing any earlier value."""
        if not value:
            raise errors.ValidationError(
                errors.said("The secret '{name}' is empty; nothing was stored.", name=name)
            )
        backend = self._backend()
        SecretMask.add(value)
        try:
            backend.set_password(SERVICE, name, value)
        except _keyring_errors().KeyringError as exc:
            raise self._failed("store", name, exc) from None
        self._settings.update(lambda s: _add_name(s, name))

    def get(self, name: str) -> str:
        """The value stored under `name`; raises `SecretNotFoundError` when there is none."""
        backend = self._backend()
        try:
            value = backend.get_password(SERVICE, name)
        except _keyring_errors().KeyringError as exc:
            raise self._failed("read", name, exc) from None
        if value is None:
            raise errors.SecretNotFoundError(
                errors.said(
                    "The keyring has no secret named '{name}'. Set it again where it is used "
                    "(a provider's API key, an action's or a search service's key).",
                    name=name,
                )
            )
        SecretMask.add(value)
        return value

    def get_optional(self, name: str) -> str | None:
        """Like `get`, but None when the secret is not there."""
        try:
            return self.get(name)
        except errors.SecretNotFoundError:
            return None

    def delete(self, name: str) -> bool:
        """Remove `name` from the keyring and from settings; False when it was not there."""
        backend = self._backend()
        existed = True
        try:
            backend.delete_password(SERVICE, name)
        except _keyring_errors().PasswordDeleteError:
            existed = False
        except _keyring_errors().KeyringError as exc:
            raise self._failed("delete", name, exc) from None
        self._settings.update(lambda s: _drop_name(s, name))
        return existed

    def names(self) -> list[str]:
        """Names of the secrets the app has stored (values are never listed)."""
        return sorted(self._settings.load().secret_names)

    def _backend(self) -> keyring.backend.KeyringBackend:
        import keyring  # noqa: PLC0415 (see _keyring_errors)

        backend = keyring.get_keyring()
        if _usable(backend):
            return backend
        raise errors.SecretsUnavailableError(_no_keyring())

    @staticmethod
    def _failed(action: str, name: str, exc: Exception) -> errors.CapsuleError:
        if isinstance(exc, _keyring_errors().KeyringLocked):
            return errors.SecretsUnavailableError(_locked(action, name))
        # The backend's own text names the service and user, never the value.
        return errors.SecretsUnavailableError(_refused(action, name, exc))


def _locked(action: str, name: str) -> errors.Said:
    """Why the locked keyring could not `action` ("store", "read", "delete") secret `name`."""
    if action == "store":
        return errors.said(
            "The keyring is locked, so the secret '{name}' could not be stored. Unlock it (log "
            "in to your desktop session or open your keyring app) and try again.",
            name=name,
        )
    if action == "read":
        return errors.said(
            "The keyring is locked, so the secret '{name}' could not be read. Unlock it (log "
            "in to your desktop session or open your keyring app) and try again.",
            name=name,
        )
    return errors.said(
        "The keyring is locked, so the secret '{name}' could not be deleted. Unlock it (log "
        "in to your desktop session or open your keyring app) and try again.",
        name=name,
    )


def _refused(action: str, name: str, exc: Exception) -> errors.Said:
    """Why the keyring could not `action` ("store", "read", "delete") secret `name`."""
    if action == "store":
        return errors.said(
            "The keyring could not store the secret '{name}': {reason}. Check that your "
            "keyring app is running and unlocked.",
            name=name,
            reason=exc,
        )
    if action == "read":
        return errors.said(
            "The keyring could not read the secret '{name}': {reason}. Check that your "
            "keyring app is running and unlocked.",
            name=name,
            reason=exc,
        )
    return errors.said(
        "The keyring could not delete the secret '{name}': {reason}. Check that your "
        "keyring app is running and unlocked.",
        name=name,
        reason=exc,
    )


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    backends = getattr(backend, "backends", None)  # keyring's chainer wraps several
    if backends is not None:
        return any(_usable(b) for b in backends)
    module = type(backend).__module__
    # fail raises on every call and null forgets everything; keyrings.alt's plaintext and
    # "encrypted" file backends are files on disk with the key beside them: the very thing
    # this module exists to avoid.
    refused = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
    return not module.startswith(refused)


def _no_keyring() -> errors.Said:
    """There is no usable keyring: what to do about it on this system."""
    if sys.platform.startswith("linux"):
        return errors.said(
            "No OS keyring is available, and Capsule Studio keeps API keys only there (never "
            "in a plain file). On Linux, install and start a Secret Service provider: GNOME "
            "Keyring (`sudo apt install gnome-keyring`), KWallet, or KeePassXC with Secret "
            "Service integration enabled; on a headless machine, run `dbus-run-session -- sh` "
            "and unlock gnome-keyring-daemon inside it. Then run the command again."
        )
    if sys.platform == "darwin":
        return errors.said(
            "No OS keyring is available, and Capsule Studio keeps API keys only there (never "
            "in a plain file). On macOS the login Keychain should be used; check that it is "
            "unlocked. Then run the command again."
        )
    if sys.platform == "win32":
        return errors.said(
            "No OS keyring is available, and Capsule Studio keeps API keys only there (never "
            "in a plain file). On Windows, Credential Manager should be used; check that it is "
            "enabled. Then run the command again."
        )
    return errors.said(
        "No OS keyring is available, and Capsule Studio keeps API keys only there (never "
        "in a plain file). Install a keyring backend supported by the `keyring` package for "
        "your system. Then run the command again."
    )


def _add_name(settings: Settings, name: str) -> None:
    if name not in settings.secret_names:
        settings.secret_names.append(name)


def _drop_name(settings: Settings, name: str) -> None:
    settings.secret_names = [n for n in settings.secret_names if n != name]
