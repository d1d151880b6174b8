"""What an incoming GPT would do and need: what it enables, the hosts it reaches, its secrets.

Read before importing, so the user can confirm: the code interpreter, web browsing, image
generation, each action and the hosts it calls, the remote providers it answers through;
and the secrets the user must supply (never carried by a capsule), each with where its
answer goes in the keyring. Pure functions over a definition; any thread.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from desktop.core import errors
from desktop.core.capsule.layout import ProviderEntry
from desktop.core.gpt import Action, GptDefinition
from desktop.core.netguard import host_of
from desktop.core.secrets import Secrets, provider_secret_name
from desktop.core.settings import Settings

Kind = Literal["provider", "action", "search"]
_ACTION_SECRETS = {
    "api_key": ("API key",),
    "bearer": ("bearer token",),
    "basic": ("user name", "password"),
    "oauth2_client_credentials": ("client id", "client secret"),
}


@dataclass(frozen=True)
class SecretNeed:
    """A secret the user is asked for on import. `key` is what an answer is given under."""

    key: str
    kind: Kind
    label: str
    secret_name: str  # the keyring entry the answer is stored as
    already_set: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Review:
    enables: list[str]
    hosts: list[str]
    secrets: list[SecretNeed]
    problems: list[str]


def review(
    definition: GptDefinition,
    gpt_id: str,
    providers: list[ProviderEntry],
    settings: Settings,
    secrets: Secrets,
) -> Review:
    """What `definition` (to be imported as `gpt_id`) enables, reaches and needs."""
    enables: list[str] = []
    hosts: list[str] = []
    problems: list[str] = []
    needs = _provider_needs(providers, settings, secrets)
    profiles = {p.name: p.base_url for p in providers}
    profiles.update({name: p.base_url for name, p in settings.providers.items()})
    if definition.model.provider != "local":
        where = profiles.get(definition.model.provider, "")
        enables.append(
            f"Answers through the provider '{definition.model.provider}' "
            f"({host_of(where) or 'not set up'}): conversations and knowledge excerpts go there."
        )
        hosts.append(host_of(where))
    caps = definition.capabilities
    if caps.code_interpreter.enabled:
        enables.append("Runs Python code it writes (code interpreter), in a sandbox.")
    if caps.web_browsing.enabled:
        enables.append(_browsing(definition, hosts, needs, secrets))
    if caps.image_generation.enabled:
        where = profiles.get(caps.image_generation.provider, "")
        enables.append(
            f"Generates images through the provider '{caps.image_generation.provider}' "
            f"({host_of(where) or 'not set up'})."
        )
        hosts.append(host_of(where))
    for action in definition.actions:
        reached = _action_hosts(action, problems)
        hosts += reached
        auth = "" if action.auth.type == "none" else f", with {action.auth.type} auth"
        enables.append(
            f"Calls the action '{action.name}' on {', '.join(reached) or 'no known host'}{auth}; "
            "each host asks for consent before its first call."
        )
        needs += _action_needs(action, gpt_id, secrets)
    return Review(enables, sorted({h for h in hosts if h}), needs, problems)


def _browsing(
    definition: GptDefinition, hosts: list[str], needs: list[SecretNeed], secrets: Secrets
) -> str:
    from desktop.core.tools.browser.search import provider_for  # noqa: PLC0415 (tools load late)

    web = definition.capabilities.web_browsing
    search = provider_for(web.search_provider, web.search_url)
    if search is None:
        return "Fetches web pages the model chooses (each host asks for consent first)."
    hosts.append(host_of(search.endpoint))
    if search.secret:
        needs.append(
            SecretNeed(
                f"search:{search.kind}",
                "search",
                f"{search.label} API key (web search)",
                search.secret,
                _is_set(secrets, search.secret),
            )
        )
    return (
        f"Fetches web pages and searches with {search.label} ({host_of(search.endpoint)}); "
        "each host asks for consent first."
    )


def _provider_needs(
    providers: list[ProviderEntry], settings: Settings, secrets: Secrets
) -> list[SecretNeed]:
    needs = []
    for entry in providers:
        existing = settings.providers.get(entry.name)
        if existing is not None:
            name = existing.api_key_secret or ""
        else:
            name = provider_secret_name(entry.name) if entry.needs_key else ""
        if not name:
            continue
        needs.append(
            SecretNeed(
                f"provider:{entry.name}",
                "provider",
                f"API key of the provider '{entry.name}' ({host_of(entry.base_url)})",
                name,
                _is_set(secrets, name),
            )
        )
    return needs


def _action_needs(action: Action, gpt_id: str, secrets: Secrets) -> list[SecretNeed]:
    from desktop.core.tools.actions import setup  # noqa: PLC0415 (tools load late)

    labels = _ACTION_SECRETS.get(action.auth.type, ())
    names = setup.secret_names(gpt_id, action.id, action.auth.type)
    # Paired auth asks for the user name or client id first, as the CLI does.
    fields = ["username_secret", "secret_name"] if len(labels) == 2 else ["secret_name"]
    return [
        SecretNeed(
            f"action:{action.id}" + (":id" if field == "username_secret" else ""),
            "action",
            f"{label} for the action '{action.name}'",
            names[field],
            _is_set(secrets, names[field]),
        )
        for field, label in zip(fields, labels, strict=True)
    ]


def _is_set(secrets: Secrets, name: str) -> bool:
    """Whether the keyring has `name`; without a usable keyring, nothing is set."""
    try:
        return secrets.get_optional(name) is not None
    except errors.SecretsUnavailableError:
        return False


def with_secret_names(definition: GptDefinition, gpt_id: str) -> GptDefinition:
    """`definition` with each action's secrets named for the GPT id it is imported as."""
    from desktop.core.tools.actions import setup  # noqa: PLC0415 (tools load late)

    data = definition.model_dump(mode="json")
    for action in data["actions"]:
        action["auth"].update(setup.secret_names(gpt_id, action["id"], action["auth"]["type"]))
    return GptDefinition.model_validate(data)


def _action_hosts(action: Action, problems: list[str]) -> list[str]:
    """The hosts an action's operations are called at (and its token URL's), from its document."""
    from desktop.core.tools.actions import setup  # noqa: PLC0415 (tools load late)

    try:
        urls = setup.secret_urls(action, action.auth.token_url)
    except errors.CapsuleError as exc:
        problems.append(f"The action '{action.name}' cannot be read: {exc.message}")
        return []
    return sorted({host_of(url) for url in urls})
