"""`capsule actions ...`: import OpenAPI documents as a GPT's actions, list, remove, set auth."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.output import confirm, emit_json, err, read_secret, table
from desktop.core import errors
from desktop.core.gpt import Action, ActionAuth, update_definition
from desktop.core.netguard import host_of
from desktop.core.services import Services
from desktop.core.store.records import Gpt
from desktop.core.tools.actions import setup
from desktop.core.tools.actions.model import ActionDocument, SecurityScheme

AUTH_TYPES = list(setup.AUTH_TYPES)


def add_parser(subparsers: Any) -> None:
    actions = subparsers.add_parser("actions", help="HTTP APIs a GPT may call (OpenAPI)")
    commands = actions.add_subparsers(dest="actions_command", required=True, metavar="COMMAND")

    imp = commands.add_parser("import", help="add an OpenAPI document as an action")
    imp.add_argument("gpt_id")
    imp.add_argument("source", help="a file, an http(s) URL, or '-' to paste it on stdin")
    imp.add_argument("--name", help="a name for the action (default: the document's title)")
    imp.add_argument("--server", help="base URL to call instead of the document's servers")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=import_cmd)

    listing = commands.add_parser("list", help="a GPT's actions")
    listing.add_argument("gpt_id")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)

    show = commands.add_parser("show", help="the operations of one action")
    show.add_argument("gpt_id")
    show.add_argument("action_id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)

    remove = commands.add_parser("remove", help="remove an action and forget its secrets")
    remove.add_argument("gpt_id")
    remove.add_argument("action_id")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.set_defaults(handler=remove_cmd)

    auth = commands.add_parser(
        "auth",
        help="set how an action authenticates (secrets are read from a prompt or stdin)",
        description=(
            "Secrets never come from arguments. On a terminal you are prompted; otherwise "
            "stdin gives one line per secret: for basic, the user name then the password; "
            "for oauth2_client_credentials, the client id then the client secret."
        ),
    )
    auth.add_argument("gpt_id")
    auth.add_argument("action_id")
    auth.add_argument(
        "--type", choices=AUTH_TYPES, help="default: what the document's security scheme says"
    )
    auth.add_argument("--scheme", help="which of the document's security schemes to follow")
    auth.add_argument("--in", dest="location", choices=["header", "query", "cookie"])
    auth.add_argument("--param", dest="parameter_name", help="the API key's header/query name")
    auth.add_argument("--token-url", help="OAuth2 token endpoint")
    auth.add_argument("--scope", action="append", dest="scopes", help="OAuth2 scope (repeat)")
    auth.add_argument(
        "--allow-http",
        action="store_true",
        help="let the action's http:// host get its secrets unencrypted (a network you trust)",
    )
    auth.set_defaults(handler=auth_cmd)


# -- import -----------------------------------------------------------------------------


def import_cmd(args: argparse.Namespace, services: Services) -> int:
    # YAML, referencing and jsonschema load only for the commands that need them.
    from desktop.core.tools.actions.importer import (  # noqa: PLC0415
        import_action,
        refuse_link_local_servers,
    )

    gpt = services.store.gpts.get(args.gpt_id)
    source = sys.stdin.read() if args.source == "-" else args.source
    try:
        imported = import_action(source)
    except errors.ActionDocumentError as exc:
        if args.json:
            emit_json({"error": {**exc.to_dict(), "pointer": exc.pointer, "line": exc.line}})
            return 1
        raise
    document = imported.document
    refuse_link_local_servers(document, args.server or "")
    action = setup.new_action(
        [a.id for a in gpt.definition.actions],
        document,
        imported.text,
        imported.source,
        name=args.name or "",
        server=args.server or "",
    )
    taken = setup.tool_names(gpt.definition.actions)
    clashes = sorted(taken & {op.tool_name for op in document.operations})
    actions = [a.model_dump(mode="json") for a in gpt.definition.actions]
    definition = update_definition(gpt.definition, {"actions": [*actions, action.model_dump()]})
    services.store.gpts.save(gpt.id, definition, note=f"imported action {action.id}")
    if args.json:
        emit_json(
            {
                "action": _action_row(action, document),
                "operations": [_operation_row(op) for op in document.operations],
                "warnings": list(document.warnings),
                "renamed": clashes,
            }
        )
        return 0
    print(f"Imported '{action.name}' as action {action.id}: {_count(document)}.")
    print(_operations_table(document))
    for warning in document.warnings:
        err(f"warning: {warning}")
    if clashes:
        err(
            f"note: {', '.join(clashes[:5])} also exist in another action; in runs they "
            f"carry this action's id as a prefix ({action.id}_...)."
        )
    _suggest_auth(gpt.id, action, document)
    if not action.server and not setup.has_absolute_server(document):
        err(
            "note: the document names no absolute server. Set one with "
            f"`capsule actions import {gpt.id} SOURCE --server https://api.example.com`."
        )
    return 0


def _suggest_auth(gpt_id: str, action: Action, document: ActionDocument) -> None:
    usable = setup.usable_schemes(document)
    if not usable:
        return
    scheme = usable[0]
    kind = setup.auth_type(scheme)
    print(
        f"The API uses {kind} auth (scheme '{scheme.name}'). Set it with: "
        f"capsule actions auth {gpt_id} {action.id}"
    )


# -- list, show, remove -----------------------------------------------------------------


def list_cmd(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.get(args.gpt_id)
    rows = [_action_row(a, _document(a)) for a in gpt.definition.actions]
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        print(f"No actions. Add one: capsule actions import {gpt.id} FILE_OR_URL")
        return 0
    body = [[r["id"], r["name"], str(r["operations"]), r["auth"], r["server"] or "-"] for r in rows]
    print(table(body, ["ID", "NAME", "OPERATIONS", "AUTH", "SERVER"]))
    return 0


def show_cmd(args: argparse.Namespace, services: Services) -> int:
    action = _find(services.store.gpts.get(args.gpt_id), args.action_id)
    document = _document(action)
    if args.json:
        emit_json(
            {
                "action": _action_row(action, document),
                "operations": [_operation_row(op) for op in document.operations],
            }
        )
        return 0
    print(f"{action.name} ({action.id}): {_count(document)}, auth {action.auth.type}")
    print(_operations_table(document))
    return 0


def remove_cmd(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.get(args.gpt_id)
    action = _find(gpt, args.action_id)
    secrets = setup.auth_secrets(action)
    question = f"Remove action '{action.name}' ({action.id}) from {gpt.definition.name}"
    question += f" and forget its {len(secrets)} secret(s)?" if secrets else "?"
    if not confirm(question, args.yes):
        return 1
    kept = [a.model_dump(mode="json") for a in gpt.definition.actions if a.id != action.id]
    definition = update_definition(gpt.definition, {"actions": kept})
    saved = services.store.gpts.save(gpt.id, definition, note=f"removed action {action.id}")
    for name in secrets:
        services.secrets.delete(name)
    print(
        f"Removed action {action.id}. Version {saved.version - 1} still has it: "
        f"`capsule gpt restore {gpt.id} {saved.version - 1}` brings it back (secrets aside)."
    )
    return 0


# -- auth -------------------------------------------------------------------------------


def auth_cmd(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.get(args.gpt_id)
    action = _find(gpt, args.action_id)
    scheme = _chosen_scheme(_document(action), args.scheme)
    kind = args.type or (setup.auth_type(scheme) if scheme else None)
    if kind is None:
        raise errors.ValidationError(
            "The document names no security scheme this app can use; choose one with --type "
            f"({', '.join(AUTH_TYPES)})."
        )
    fields: dict[str, Any] = {"type": kind}
    if kind == "api_key":
        fields["location"] = args.location or (scheme.location if scheme else "") or "header"
        fields["parameter_name"] = args.parameter_name or (scheme.parameter_name if scheme else "")
        if not fields["parameter_name"]:
            raise errors.ValidationError(
                "Which header or query parameter carries the key? Give it with --param, "
                "e.g. --param X-API-Key."
            )
    if kind == "oauth2_client_credentials":
        fields["token_url"] = args.token_url or (scheme.token_url if scheme else "")
        fields["scopes"] = args.scopes or list(scheme.scopes if scheme else ())
        if not fields["token_url"]:
            raise errors.ValidationError(
                "OAuth2 needs the token endpoint: give it with --token-url."
            )
    if kind != "none":
        hosts = _check_transport(services, action, fields.get("token_url", ""), args)
        fields.update(_store_secrets(services, gpt.id, action, kind))
        if args.allow_http:
            services.settings.update(lambda s: [s.allow_http(h) for h in hosts])
    auth = ActionAuth.model_validate(fields)
    actions = [a.model_dump(mode="json") for a in gpt.definition.actions]
    for entry in actions:
        if entry["id"] == action.id:
            entry["auth"] = auth.model_dump()
    definition = update_definition(gpt.definition, {"actions": actions})
    services.store.gpts.save(gpt.id, definition, note=f"auth of action {action.id}: {kind}")
    kept = {auth.secret_name, auth.username_secret}
    for stale in set(setup.auth_secrets(action)) - kept:
        services.secrets.delete(stale)
    where = f" in {auth.location} '{auth.parameter_name}'" if kind == "api_key" else ""
    print(f"Action {action.id} now uses {kind} auth{where}; secrets are in the OS keyring.")
    return 0


def _check_transport(
    services: Services, action: Action, token_url: str, args: argparse.Namespace
) -> set[str]:
    """Refuse secrets for plain http hosts the user has not allowed; the hosts they go to."""
    from desktop.core.tools.actions.auth import refuse_plain_secrets  # noqa: PLC0415

    urls = setup.secret_urls(action, token_url)
    hosts = {host_of(url) for url in urls}
    allowed = services.settings.load().http_credential_hosts
    refuse_plain_secrets(action.name, urls, [*allowed, *(hosts if args.allow_http else ())])
    return hosts


def _store_secrets(services: Services, gpt_id: str, action: Action, kind: str) -> dict[str, str]:
    pipe = f"printenv API_SECRET | capsule actions auth {gpt_id} {action.id} --type {kind}"
    names = setup.secret_names(gpt_id, action.id, kind)
    if kind in setup.PAIRED_AUTH:
        first = "user name" if kind == "basic" else "client id"
        second = "password" if kind == "basic" else "client secret"
        first_value = read_secret(f"{first} for {action.name}", pipe)
        services.secrets.set(names["username_secret"], first_value)
        services.secrets.set(names["secret_name"], read_secret(f"{second} for {action.name}", pipe))
    else:
        label = "API key" if kind == "api_key" else "bearer token"
        services.secrets.set(names["secret_name"], read_secret(f"{label} for {action.name}", pipe))
    return names


def _chosen_scheme(document: ActionDocument, name: str | None) -> SecurityScheme | None:
    usable = setup.usable_schemes(document)
    if name is None:
        if len(usable) > 1:
            others = ", ".join(s.name for s in usable[1:])
            err(f"note: following scheme '{usable[0].name}'; --scheme picks another ({others}).")
        return usable[0] if usable else None
    for scheme in usable:
        if scheme.name == name:
            return scheme
    known = ", ".join(s.name for s in usable) or "none this app can use"
    raise errors.ValidationError(f"The document has no scheme '{name}'; its schemes: {known}.")


# -- shared -----------------------------------------------------------------------------


def _find(gpt: Gpt, action_id: str) -> Action:
    for action in gpt.definition.actions:
        if action.id == action_id:
            return action
    raise errors.UnknownActionError(gpt.id, action_id)


def _document(action: Action) -> ActionDocument:
    return setup.action_document(action)


def _count(document: ActionDocument) -> str:
    n = len(document.operations)
    return f"{n} operation{'s' if n != 1 else ''}"


def _action_row(action: Action, document: ActionDocument) -> dict[str, Any]:
    servers = [s for op in document.operations[:1] for s in op.servers[:1]]
    return {
        "id": action.id,
        "name": action.name,
        "source": action.source,
        "operations": len(document.operations),
        "auth": action.auth.type,
        "server": action.server or (servers[0] if servers else ""),
    }


def _operation_row(op: Any) -> dict[str, Any]:
    return {
        "tool": op.tool_name,
        "method": op.method,
        "path": op.path,
        "summary": op.summary,
        "deprecated": op.deprecated,
    }


def _operations_table(document: ActionDocument) -> str:
    rows = [[op.tool_name, op.label, (op.summary or "")[:60]] for op in document.operations]
    return table(rows, ["TOOL", "OPERATION", "SUMMARY"])
