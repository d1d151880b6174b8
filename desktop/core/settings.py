"""User settings in one JSON file: provider profiles and secret names, never secret values.

Writes are atomic (a temporary file in the same folder, flushed, then renamed over the old
one) and serialised across processes by a lock file, so a crash or a second `capsule`
process never leaves half a file. A file that cannot be read is moved aside, not lost,
and the app goes on with defaults; `SettingsFile.recovered` says where it went.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import filelock
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic import ValidationError as PydanticValidationError

from desktop.core import errors

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
# `local` names the llama.cpp backend in a GPT's model settings.
RESERVED_PROFILES = frozenset({"local"})


class ProviderProfile(BaseModel):
    """A remote OpenAI-compatible endpoint a GPT can use. The API key lives in the keyring."""

    model_config = ConfigDict(extra="forbid")

    name: str
    preset: str = "custom"
    base_url: str
    api_key_secret: str | None = None
    api_version: str | None = None
    context_size: Annotated[int, Field(ge=256, le=10_000_000)] | None = None
    timeout_s: Annotated[float, Field(gt=0, le=3600)] = 60.0

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not PROFILE_NAME.match(value):
            raise ValueError(
                "use 1-40 lowercase letters, digits, '.', '_' or '-', starting with a "
                f"letter or digit (got {value!r})"
            )
        if value in RESERVED_PROFILES:
            raise ValueError(f"'{value}' is reserved for models on this machine; pick another")
        return value

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"give an http:// or https:// URL with a host (got {value!r})")
        return value.strip().rstrip("/")


class Settings(BaseModel):
    """Everything in settings.json. Unknown keys (from a newer minor version) are kept."""

    model_config = ConfigDict(extra="allow")

    schema_version: int = SCHEMA_VERSION
    providers: dict[str, ProviderProfile] = Field(default_factory=dict)
    secret_names: list[str] = Field(default_factory=list)
    # The user read the warning and lets code run where nothing isolates it from files.
    allow_unisolated_code: bool = False
    # Hosts the user allowed to get secrets over plain http (see `netguard`).
    http_credential_hosts: list[str] = Field(default_factory=list)
    # Capsule signers the user trusts: fingerprint -> the name the user knows them by.
    trusted_signers: dict[str, str] = Field(default_factory=dict)
    # The embedding model new GPTs start with ("" for keyword search only): a local
    # model id or PROFILE:MODEL_ID. Older files lack it and read as "".
    default_embedding_model: str = Field(default="", max_length=4096)

    def allow_http(self, host: str) -> None:
        """Let `host` get secrets over plain http from now on."""
        host = host.strip().rstrip(".").lower()
        if host and host not in self.http_credential_hosts:
            self.http_credential_hosts.append(host)

    def profile(self, name: str) -> ProviderProfile:
        """The profile called `name`; raises `UnknownProfileError` naming the fix."""
        try:
            return self.providers[name]
        except KeyError:
            if self.providers:
                message = errors.said(
                    "No provider profile named '{name}' (profiles: {known}). Add it first.",
                    name=name,
                    known=", ".join(sorted(self.providers)),
                )
            else:
                message = errors.said(
                    "No provider profile named '{name}' (profiles: none yet). Add it first.",
                    name=name,
                )
            raise errors.UnknownProfileError(
                message, errors.do(errors.Do.ADD_PROVIDER, profile=name)
            ) from None


class SettingsFile:
    """Reads and writes one settings file; safe to share between threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered: Path | None = None  # where an unreadable file was moved, if it was
        self._lock = filelock.FileLock(str(path) + ".lock", timeout=10)

    def load(self) -> Settings:
        """The current settings; defaults when there is no file (or it had to be set aside)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            raise errors.SettingsError(
                errors.said(
                    "Cannot read settings from {path}: {reason}. Check the file's permissions.",
                    path=self.path,
                    reason=exc.strerror or exc,
                )
            ) from None
        return self._parse(raw)

    def save(self, settings: Settings) -> None:
        """Write `settings` atomically."""
        with self._locked():
            self._write(settings)

    def update(self, change: Callable[[Settings], None]) -> Settings:
        """Load, apply `change` in place and save, with other writers held off meanwhile."""
        with self._locked():
            settings = self.load()
            change(settings)
            self._write(settings)
            return settings

    def _parse(self, raw: bytes) -> Settings:
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the file does not hold a JSON object")
            version = data.get("schema_version", SCHEMA_VERSION)
            if isinstance(version, int) and version > SCHEMA_VERSION:
                raise errors.SettingsError(
                    errors.said(
                        "{path} was written by a newer Capsule Studio (settings schema "
                        "{version}; this one reads up to {known}). Update the app; "
                        "the file was left as it is.",
                        path=self.path,
                        version=version,
                        known=SCHEMA_VERSION,
                    )
                )
            return Settings.model_validate(data)
        except (UnicodeDecodeError, ValueError, PydanticValidationError) as exc:
            return self._set_aside(exc)

    def _set_aside(self, problem: Exception) -> Settings:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.broken-{stamp}{self.path.suffix}")
        os.replace(self.path, aside)
        self.recovered = aside
        first_line = str(problem).splitlines()[0] if str(problem) else type(problem).__name__
        log.warning(
            "settings file %s could not be read (%s); kept it as %s and started with defaults",
            self.path,
            first_line,
            aside,
        )
        return Settings()

    def _write(self, settings: Settings) -> None:
        current = self.path.exists() and self._version_on_disk()
        if isinstance(current, int) and current > SCHEMA_VERSION:
            raise errors.SettingsError(
                errors.said(
                    "{path} belongs to a newer Capsule Studio; not overwriting it.", path=self.path
                )
            )
        settings.schema_version = SCHEMA_VERSION
        text = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except OSError as exc:
            Path(temp).unlink(missing_ok=True)
            raise errors.SettingsError(
                errors.said(
                    "Cannot save settings to {path}: {reason}. Free some disk space or check "
                    "the folder's permissions; the previous settings are intact.",
                    path=self.path,
                    reason=exc.strerror or exc,
                )
            ) from None

    def _version_on_disk(self) -> int | None:
        try:
            version = json.loads(self.path.read_text(encoding="utf-8")).get("schema_version")
        except (OSError, ValueError, AttributeError):
            return None
        return version if isinstance(version, int) else None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            with self._lock:
                yield
        except filelock.Timeout:
            raise errors.SettingsError(
                errors.said(
                    "Another Capsule Studio process is writing {path}; try again in a moment.",
                    path=self.path,
                )
            ) from None
