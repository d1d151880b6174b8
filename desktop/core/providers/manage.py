"""Provider profiles as users change them: add or edit, list with keys masked, remove.

The use cases the CLI and the app share. A profile's API key goes to the keyring and
nowhere else; settings hold only the keyring entry's name. A key never goes to another
machine over plain http unless the user allowed that host (`netguard`). Any thread;
reads and writes the settings file and the keyring.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from desktop.core import errors
from desktop.core.gpt import GptDefinition, problems_of
from desktop.core.netguard import host_of, refuse_plain_credentials
from desktop.core.providers.presets import PRESETS, preset
from desktop.core.providers.profiles import uses_profile
from desktop.core.secrets import Secrets, masked_preview, provider_secret_name
from desktop.core.settings import ProviderProfile, Settings, SettingsFile


@dataclass(frozen=True)
class ProfileDraft:
    """What the user gave for a profile; None keeps what an existing profile has.

    `api_key` None keeps the stored key (or none); `allow_http` lets this profile's host
    get the key over plain http from now on.
    """

    name: str
    preset: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    api_version: str | None = None
    context_size: int | None = None
    timeout_s: float | None = None
    allow_http: bool = False


@dataclass(frozen=True)
class ProfileSummary:
    """A profile as a list shows it: the key masked, or why it cannot be read."""

    name: str
    preset: str
    label: str
    base_url: str
    key: str  # masked preview, "" without a key
    key_problem: str = ""  # why the key could not be read (keyring locked, gone)
    needs_key: bool = False  # the service wants a key and none is stored
    api_version: str | None = None
    context_size: int | None = None
    # The key may not travel to this host: plain http to another machine, not allowed.
    blocked_host: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "preset": self.preset,
            "label": self.label,
            "base_url": self.base_url,
            "key": self.key or ("unavailable" if self.key_problem else "-"),
            "api_version": self.api_version,
            "context_size": self.context_size,
        }


@dataclass(frozen=True)
class SavedProfile:
    profile: ProviderProfile
    created: bool
    key_stored: bool
    missing_key: bool = False  # the service needs a key and the profile has none
    notes: list[str] = field(default_factory=list)


def build_profile(settings: Settings, draft: ProfileDraft, with_key: bool) -> ProviderProfile:
    """The profile `draft` makes (merged into the existing one), checked; nothing is saved.

    Args:
        settings: the current settings.
        draft: what the user gave.
        with_key: a new key will be stored with it.

    Raises:
        errors.ValidationError: a field is not valid, or a preset without a standard
            address got no base URL.
        errors.InsecureTransportError: the key would go over plain http to a host the user
            has not allowed (its action allows the host).
    """
    existing = settings.providers.get(draft.name)
    preset_id = draft.preset or (
        existing.preset if existing else draft.name if draft.name in PRESETS else "custom"
    )
    chosen = preset(preset_id)
    base_url = (
        (draft.base_url or "").strip()
        or (existing.base_url if existing else None)
        or chosen.base_url
    )
    if not base_url:
        raise errors.ValidationError(
            errors.said("{label} has no standard address: give its base URL.", label=chosen.label),
            ["base_url: is required"],
            errors.do(
                errors.Do.ADD_PROVIDER, profile=draft.name, preset=preset_id, needs="base_url"
            ),
        )
    fields: dict[str, Any] = {
        **(existing.model_dump() if existing else {}),
        "name": draft.name,
        "preset": preset_id,
        "base_url": base_url,
    }
    for name in ("api_version", "context_size", "timeout_s"):
        value = getattr(draft, name)
        if value is not None:
            # An emptied api_version clears it; numbers are taken as given.
            fields[name] = (value or None) if name == "api_version" else value
    try:
        profile = ProviderProfile.model_validate(fields)
    except PydanticValidationError as exc:
        problems = problems_of(exc)
        raise errors.ValidationError(
            errors.said(
                "Cannot add '{name}': {problems}", name=draft.name, problems="; ".join(problems)
            ),
            problems,
        ) from None
    if with_key or profile.api_key_secret:
        allowed = [*settings.http_credential_hosts]
        if draft.allow_http:
            allowed.append(host_of(profile.base_url))
        refuse_plain_credentials(profile.base_url, allowed, f"Provider '{draft.name}'")
    return profile


def store_profile(
    settings_file: SettingsFile,
    secrets: Secrets,
    profile: ProviderProfile,
    api_key: str | None = None,
    allow_http: bool = False,
) -> SavedProfile:
    """Save `profile` (from `build_profile`), its key first into the keyring.

    Raises:
        errors.SecretsUnavailableError: no usable keyring; nothing was saved.
        errors.ValidationError: an empty key.
        errors.SettingsError: the settings file cannot be written.
    """
    if api_key is not None:
        key = api_key.strip()
        if not key:
            raise errors.ValidationError(
                errors.said(
                    "The API key for '{profile}' is empty; nothing was saved.", profile=profile.name
                )
            )
        secrets.set(provider_secret_name(profile.name), key)
        profile = profile.model_copy(update={"api_key_secret": provider_secret_name(profile.name)})
    created = True

    def save(settings: Settings) -> None:
        nonlocal created
        created = profile.name not in settings.providers
        settings.providers[profile.name] = profile
        if allow_http:
            settings.allow_http(host_of(profile.base_url))

    settings_file.update(save)
    needs = PRESETS.get(profile.preset, PRESETS["custom"]).needs_key
    return SavedProfile(profile, created, api_key is not None, needs and not profile.api_key_secret)


def save_profile(
    settings_file: SettingsFile, secrets: Secrets, draft: ProfileDraft
) -> SavedProfile:
    """`build_profile` then `store_profile`: add a profile or change one, in one step."""
    profile = build_profile(settings_file.load(), draft, with_key=draft.api_key is not None)
    return store_profile(settings_file, secrets, profile, draft.api_key, draft.allow_http)


def list_profiles(settings_file: SettingsFile, secrets: Secrets) -> list[ProfileSummary]:
    """Every profile by name, its key masked (read from the keyring to prove it is there)."""
    settings = settings_file.load()
    return [_summary(p, settings, secrets) for _, p in sorted(settings.providers.items())]


def _summary(profile: ProviderProfile, settings: Settings, secrets: Secrets) -> ProfileSummary:
    known = PRESETS.get(profile.preset, PRESETS["custom"])
    key, problem = "", ""
    if profile.api_key_secret:
        try:
            key = masked_preview(secrets.get(profile.api_key_secret))
        except errors.CapsuleError as exc:
            problem = exc.message
    blocked = ""
    if profile.api_key_secret:
        try:
            refuse_plain_credentials(profile.base_url, settings.http_credential_hosts, "")
        except errors.InsecureTransportError as exc:
            blocked = exc.host
    return ProfileSummary(
        name=profile.name,
        preset=profile.preset,
        label=known.label,
        base_url=profile.base_url,
        key=key,
        key_problem=problem,
        needs_key=known.needs_key and not profile.api_key_secret,
        api_version=profile.api_version,
        context_size=profile.context_size,
        blocked_host=blocked,
    )


def profile_users(definitions: Iterable[GptDefinition], name: str) -> list[str]:
    """The names of the GPTs that answer, or embed their knowledge, through profile `name`."""
    return [d.name for d in definitions if uses_profile(d, name)]


def remove_profile(settings_file: SettingsFile, secrets: Secrets, name: str) -> ProviderProfile:
    """Remove profile `name` and its stored key; returns what was removed.

    Raises:
        errors.UnknownProfileError: no such profile.
    """
    profile = settings_file.load().profile(name)
    if profile.api_key_secret:
        secrets.delete(profile.api_key_secret)

    def drop(settings: Settings) -> None:
        settings.providers.pop(name, None)

    settings_file.update(drop)
    return profile


def allow_http_host(settings_file: SettingsFile, host: str) -> None:
    """Let `host` get secrets over plain http from now on (the user trusts its network)."""
    if not host.strip():
        raise errors.ValidationError(errors.said("Name the host to allow."))
    settings_file.update(lambda s: s.allow_http(host))
