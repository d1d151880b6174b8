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
from desktop.core.capsule.note import Note
from desktop.core.gpt import Action, GptDefinition
from desktop.core.netguard import host_of
from desktop.core.secrets import Secrets, provider_secret_name
from desktop.core.settings import Settings

Kind = Literal["provider", "action", "search"]
# What a secret is, so that a front end can word it in its own language.
SecretWhat = Literal[
    "api_key",
    "bearer_token",
    "user_name",
    "password",
    "client_id",
    "client_secret",
    "provider_key",
    "search_key",
]
# What the GPT would do: each kind has its own arguments (see `Enabled`).
EnableKind = Literal["provider", "code", "browse", "browse_search", "images", "action"]
_ACTION_SECRETS: dict[str, tuple[tuple[SecretWhat, str], ...]] = {
    "api_key": (("api_key", "API key"),),
    "bearer": (("bearer_token", "bearer token"),),
    "basic": (("user_name", "user name"), ("password", "password")),
    "oauth2_client_credentials": (("client_id", "client id"), ("client_secret", "client secret")),
}


@dataclass(frozen=True)
class Enabled:
    """One thing the GPT would do, as a kind and its arguments, and in English (`text`).

    The arguments by kind (an empty host means none is known or set up):
    `provider` and `images`: `provider`, `host`; `code` and `browse`: none;
    `browse_search`: `service` (the search service's name), `host`;
    `action`: `action` (its name), `hosts` (comma-separated), `auth` (its auth type, or
    empty for none).
    """

    kind: EnableKind
    args: dict[str, str]
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "args": dict(self.args), "text": self.text}


@dataclass(frozen=True)
class SecretNeed:
    """A secret the user is asked for on import. `key` is what an answer is given under.

    `what` the secret is and its `subject` (the action's name, the provider's name, or the
    search service's name), with the provider's `host`, let a front end word it; `label`
    says it in English.
    """

    key: str
    kind: Kind
    label: str
    secret_name: str  # the keyring entry the answer is stored as
    what: SecretWhat
    subject: str
    host: str = ""
    already_set: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Review:
    enables: list[Enabled]
    hosts: list[str]
    secrets: list[SecretNeed]
    problems: list[Note]


def review(
    definition: GptDefinition,
    gpt_id: str,
    providers: list[ProviderEntry],
    settings: Settings,
    secrets: Secrets,
) -> Review:
    """What `definition` (to be imported as `gpt_id`) enables, reaches and needs."""
    enables: list[Enabled] = []
    hosts: list[str] = []
    problems: list[Note] = []
    needs = _provider_needs(providers, settings, secrets)
    profiles = {p.name: p.base_url for p in providers}
    profiles.update({name: p.base_url for name, p in settings.providers.items()})
    if definition.model.provider != "local":
        provider = definition.model.provider
        host = host_of(profiles.get(provider, ""))
        enables.append(
            Enabled(
                "provider",
                {"provider": provider, "host": host},
                f"Answers through the provider '{provider}' ({host or 'not set up'}): "
                "conversations and knowledge excerpts go there.",
            )
        )
        hosts.append(host)
    caps = definition.capabilities
    if caps.code_interpreter.enabled:
        enables.append(
            Enabled("code", {}, "Runs Python code it writes (code interpreter), in a sandbox.")
        )
    if caps.web_browsing.enabled:
        enables.append(_browsing(definition, hosts, needs, secrets))
    if caps.image_generation.enabled:
        provider = caps.image_generation.provider
        host = host_of(profiles.get(provider, ""))
        enables.append(
            Enabled(
                "images",
                {"provider": provider, "host": host},
                f"Generates images through the provider '{provider}' ({host or 'not set up'}).",
            )
        )
        hosts.append(host)
    for action in definition.actions:
        reached = _action_hosts(action, problems)
        hosts += reached
        enables.append(_action_enabled(action, reached))
        needs += _action_needs(action, gpt_id, secrets)
    return Review(enables, sorted({h for h in hosts if h}), needs, problems)


def _action_enabled(action: Action, reached: list[str]) -> Enabled:
    auth = "" if action.auth.type == "none" else action.auth.type
    where = ", ".join(reached)
    with_auth = f", with {auth} auth" if auth else ""
    return Enabled(
        "action",
        {"action": action.name, "hosts": where, "auth": auth},
        f"Calls the action '{action.name}' on {where or 'no known host'}{with_auth}; "
        "each host asks for consent before its first call.",
    )


def _browsing(
    definition: GptDefinition, hosts: list[str], needs: list[SecretNeed], secrets: Secrets
) -> Enabled:
    from desktop.core.tools.browser.search import provider_for  # noqa: PLC0415 (tools load late)

    web = definition.capabilities.web_browsing
    search = provider_for(web.search_provider, web.search_url)
    if search is None:
        return Enabled(
            "browse", {}, "Fetches web pages the model chooses (each host asks for consent first)."
        )
    host = host_of(search.endpoint)
    hosts.append(host)
    if search.secret:
        needs.append(
            SecretNeed(
                key=f"search:{search.kind}",
                kind="search",
                label=f"{search.label} API key (web search)",
                secret_name=search.secret,
                what="search_key",
                subject=search.label,
                host=host,
                already_set=_is_set(secrets, search.secret),
            )
        )
    return Enabled(
        "browse_search",
        {"service": search.label, "host": host},
        f"Fetches web pages and searches with {search.label} ({host}); "
        "each host asks for consent first.",
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
        host = host_of(entry.base_url)
        needs.append(
            SecretNeed(
                key=f"provider:{entry.name}",
                kind="provider",
                label=f"API key of the provider '{entry.name}' ({host})",
                secret_name=name,
                what="provider_key",
                subject=entry.name,
                host=host,
                already_set=_is_set(secrets, name),
            )
        )
    return needs


def _action_needs(action: Action, gpt_id: str, secrets: Secrets) -> list[SecretNeed]:
    from desktop.core.tools.actions import setup  # noqa: PLC0415 (tools load late)

    asked = _ACTION_SECRETS.get(action.auth.type, ())
    if not asked:  # no auth: nothing to ask for
        return []
    names = setup.secret_names(gpt_id, action.id, action.auth.type)
    # Paired auth asks for the user name or client id first, as the CLI does.
    fields = ["username_secret", "secret_name"] if len(asked) == 2 else ["secret_name"]
    return [
        SecretNeed(
            key=f"action:{action.id}" + (":id" if field == "username_secret" else ""),
            kind="action",
            label=f"{label} for the action '{action.name}'",
            secret_name=names[field],
            what=what,
            subject=action.name,
            already_set=_is_set(secrets, names[field]),
        )
        for field, (what, label) in zip(fields, asked, strict=True)
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


def _action_hosts(action: Action, problems: list[Note]) -> list[str]:
    """The hosts an action's operations are called at (and its token URL's), from its document."""
    from desktop.core.tools.actions import setup  # noqa: PLC0415 (tools load late)

    try:
        urls = setup.secret_urls(action, action.auth.token_url)
    except errors.CapsuleError as exc:
        problems.append(
            Note(
                "action_unreadable",
                {"action": action.name, "reason": exc.message},
                f"The action '{action.name}' cannot be read: {exc.message}",
            )
        )
        return []
    return sorted({host_of(url) for url in urls})
