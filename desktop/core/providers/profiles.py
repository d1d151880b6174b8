"""Provider profiles from settings, turned into endpoints with their keys from the keyring."""

from __future__ import annotations

from pathlib import PureWindowsPath

from desktop.core import errors
from desktop.core.gpt import GptDefinition
from desktop.core.netguard import refuse_plain_credentials
from desktop.core.providers.endpoint import Endpoint, endpoint_for
from desktop.core.secrets import Secrets
from desktop.core.settings import Settings, SettingsFile


class Endpoints:
    """Callable: a profile name to the `Endpoint` a remote provider connects with."""

    def __init__(self, settings: SettingsFile, secrets: Secrets) -> None:
        self._settings = settings
        self._secrets = secrets

    def __call__(self, name: str) -> Endpoint:
        """The endpoint of profile `name`, with its key.

        Raises:
            errors.InsecureTransportError: the key would go over plain http to another
                machine the user has not allowed.
        """
        settings = self._settings.load()
        profile = settings.profile(name)
        if profile.api_key_secret:
            refuse_plain_credentials(
                profile.base_url, settings.http_credential_hosts, f"Provider '{name}'"
            )
        key = self._secrets.get(profile.api_key_secret) if profile.api_key_secret else None
        return endpoint_for(
            profile.name,
            profile.preset,
            profile.base_url,
            key,
            api_version=profile.api_version,
            timeout=profile.timeout_s,
            context_size=profile.context_size,
        )


def split_reference(reference: str, settings: Settings) -> tuple[str | None, str]:
    """`deepseek:deepseek-chat` to ("deepseek", "deepseek-chat"); a local model to (None, it).

    Only a prefix naming a profile counts: a Windows path such as `C:/models/x.gguf` and
    Ollama-style ids such as `qwen2.5:7b` on their own stay local references.
    """
    profile, sep, model = reference.partition(":")
    if not sep or not profile or PureWindowsPath(reference).drive:
        return None, reference
    if profile not in settings.providers:
        return None, reference
    if not model.strip():
        raise errors.ValidationError(
            errors.said(
                "Give the model after the colon: {profile}:MODEL_ID, one of the ids it serves.",
                profile=profile,
            ),
            action=errors.do(errors.Do.LIST_PROVIDER_MODELS, profile=profile),
        )
    return profile, model.strip()


def uses_profile(definition: GptDefinition, profile: str) -> bool:
    """Whether a GPT answers, or embeds its knowledge, through the provider `profile`."""
    embedding = definition.knowledge.embedding_model
    return definition.model.provider == profile or embedding.startswith(f"{profile}:")
