"""Where a remote model lives and how to talk to it; the API key never shows in its repr."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from desktop.core import errors
from desktop.core.providers import presets
from desktop.core.providers.presets import AZURE_API_VERSION, Preset

# Sent where the server wants no key: the openai client insists on one, local servers
# ignore it, and it is not a secret.
NO_KEY = "no-key"


@dataclass(frozen=True)
class Endpoint:
    """One configured OpenAI-compatible service (a provider profile with its key resolved).

    `timeout` is the read timeout: the longest wait for the first byte and between chunks.
    """

    profile: str
    preset: str
    base_url: str
    api_key: str | None = field(repr=False)
    label: str
    api_version: str | None = None
    timeout: float = 60.0
    connect_timeout: float = 10.0
    max_retries: int = 3
    context_size: int | None = None

    @property
    def host(self) -> str:
        """`host:port` of the base URL, for messages."""
        parts = urlsplit(self.base_url)
        try:
            port = parts.port
        except ValueError:
            port = None
        port = port or (443 if parts.scheme == "https" else 80)
        return f"{parts.hostname or self.base_url}:{port}"

    @property
    def info(self) -> Preset:
        """What the preset knows: the hint for messages, whether usage can be asked for."""
        return presets.preset(self.preset)


def endpoint_for(
    profile: str,
    preset: str = "custom",
    base_url: str | None = None,
    api_key: str | None = None,
    *,
    api_version: str | None = None,
    timeout: float = 60.0,
    connect_timeout: float = 10.0,
    max_retries: int = 3,
    context_size: int | None = None,
) -> Endpoint:
    """An `Endpoint` with the preset's defaults filled in.

    Raises `ValidationError` for an unknown preset or a missing base URL, and
    `ProviderAuthError` when the preset needs a key and none was given.
    """
    known = presets.preset(preset)
    url = (base_url or known.base_url or "").strip().rstrip("/")
    if not url:
        raise errors.ValidationError(
            errors.said(
                "{label} needs a base URL: give the profile '{profile}' one.",
                label=known.label,
                profile=profile,
            ),
            action=errors.do(
                errors.Do.ADD_PROVIDER, profile=profile, preset=preset, needs="base_url"
            ),
        )
    if known.needs_key and not api_key:
        raise errors.ProviderAuthError(
            errors.said(
                "{label} needs an API key: give the profile '{profile}' one.",
                label=known.label,
                profile=profile,
            ),
            errors.do(errors.Do.SET_PROVIDER_KEY, profile=profile),
        )
    if preset == "custom":
        label = profile
    elif profile == preset:
        label = known.label
    else:
        label = f"{known.label} ({profile})"
    if preset == "azure":
        api_version = api_version or AZURE_API_VERSION
    return Endpoint(
        profile=profile,
        preset=preset,
        base_url=url,
        api_key=api_key or None,
        label=label,
        api_version=api_version,
        timeout=timeout,
        connect_timeout=connect_timeout,
        max_retries=max_retries,
        context_size=context_size,
    )
