"""Setting up a GPT's actions: a new action from an imported document, its auth, its secrets.

What the CLI and the builder both decide: the id a new action gets, which auth a
document's security schemes ask for, the keyring names of an action's secrets, and where
those secrets travel. Pure, except `action_document` (parses, cached) and `secret_urls`
(which uses it). Any thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from desktop.core import errors
from desktop.core.gpt import Action
from desktop.core.tools.actions.http import base_url
from desktop.core.tools.actions.model import ActionDocument, Operation, SecurityScheme

AUTH_TYPES = ("none", "api_key", "bearer", "basic", "oauth2_client_credentials")
# Auth types with two secrets: a user name or client id (`username_secret`), then the
# password or client secret (`secret_name`).
PAIRED_AUTH = ("basic", "oauth2_client_credentials")


def action_document(action: Action) -> ActionDocument:
    """The parsed document of `action` (cached by its text)."""
    # The parser's libraries (YAML, JSON Schema) load only when a document is read.
    from desktop.core.tools.actions.parse import cached_document  # noqa: PLC0415

    source_url = action.source if action.source.startswith(("http://", "https://")) else ""
    return cached_document(action.document, source_url)


def new_action_id(taken: Iterable[str], title: str) -> str:
    """A short id from `title`, unique among the ids `taken`."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "action"
    taken = set(taken)
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def new_action(
    taken: Iterable[str],
    document: ActionDocument,
    text: str,
    source: str,
    name: str = "",
    server: str = "",
) -> Action:
    """The action for an imported document (`text` as read, from `source`).

    Its id is free among the ids `taken` by the GPT's other actions.
    """
    title = (name or document.title or "Action").strip()[:200] or "Action"
    return Action(
        id=new_action_id(taken, title),
        name=title,
        source=source,
        document=text,
        server=server,
    )


def tool_names(actions: Iterable[Action], skip: str | None = None) -> set[str]:
    """The operations' tool names of `actions` (all but the one with id `skip`)."""
    names: set[str] = set()
    for action in actions:
        if action.id != skip:
            names |= {op.tool_name for op in action_document(action).operations}
    return names


def has_absolute_server(document: ActionDocument) -> bool:
    return any(
        s.startswith(("http://", "https://")) for op in document.operations for s in op.servers
    )


# -- auth ---------------------------------------------------------------------------------


def auth_type(scheme: SecurityScheme) -> str | None:
    """The auth type that follows a security scheme, or None for one this app cannot use."""
    if scheme.type == "apiKey":
        return "api_key"
    if scheme.type == "http" and scheme.scheme.lower() in ("bearer", "basic"):
        return scheme.scheme.lower()
    if scheme.type == "oauth2" and scheme.token_url:
        return "oauth2_client_credentials"
    return None


def usable_schemes(document: ActionDocument) -> list[SecurityScheme]:
    """The document's security schemes this app can follow, in the document's order."""
    return [s for s in document.security_schemes if auth_type(s) is not None]


def auth_fields(scheme: SecurityScheme) -> dict[str, Any]:
    """The auth settings a scheme asks for (without secrets' names)."""
    kind = auth_type(scheme) or "none"
    fields: dict[str, Any] = {"type": kind}
    if kind == "api_key":
        fields["location"] = scheme.location or "header"
        fields["parameter_name"] = scheme.parameter_name
    elif kind == "oauth2_client_credentials":
        fields["token_url"] = scheme.token_url
        fields["scopes"] = list(scheme.scopes)
    return fields


def secret_names(gpt_id: str, action_id: str, kind: str) -> dict[str, str]:
    """The keyring names of an action's secrets for auth `kind`, as `ActionAuth` fields."""
    if kind == "none":
        return {"secret_name": "", "username_secret": ""}
    base = f"action:{gpt_id}:{action_id}"
    return {"secret_name": base, "username_secret": f"{base}:id" if kind in PAIRED_AUTH else ""}


def auth_secrets(action: Action) -> list[str]:
    """The keyring names `action`'s auth uses."""
    return [n for n in (action.auth.secret_name, action.auth.username_secret) if n]


def secret_urls(action: Action, token_url: str = "") -> set[str]:
    """Where `action`'s secrets travel: each operation's base URL, and the token URL."""
    document = action_document(action)
    urls = {_call_url(op, action, document.source_url) for op in document.operations}
    return {*urls, token_url} - {""}


def _call_url(operation: Operation, action: Action, source_url: str) -> str:
    try:
        return base_url(operation, action.server, source_url)
    except errors.ToolError:
        return ""  # no absolute server yet: nothing is called, so nothing travels
