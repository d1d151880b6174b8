"""`capsule export|import|inspect`, and `capsule signing ...`: capsules from a terminal.

Passwords and secrets never come from arguments: a hidden prompt on a terminal, else
lines of stdin. `import` prints the new GPT's id on stdout (and nothing else there, so
scripts can capture it); everything else goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from desktop.cli.fixes import command
from desktop.cli.output import StatusLine, emit_json, err, read_secret, table
from desktop.core import errors
from desktop.core.services import Services
from desktop.core.units import human_size

FORMATS = {"capsule": None, "openwebui": "openwebui", "openai-assistant": "openai_assistant"}
_STAGES = {
    "checking": "checking",
    "decrypting": "decrypting",
    "unpacking": "unpacking",
    "indexing": "indexing files",
    "saving": "saving",
    "hashing": "reading files",
    "packing": "packing",
    "encrypting": "encrypting",
}


def add_parser(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="write a GPT to a .capsule file (or JSON)")
    export.add_argument("gpt_id")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.add_argument(
        "--password-stdin",
        action="store_true",
        help="encrypt with a password (prompted on a terminal, else one line of stdin)",
    )
    export.add_argument(
        "--include-index",
        action="store_true",
        help="add the built index, so the importer need not index the files again",
    )
    export.add_argument(
        "--sign", action="store_true", help="sign with your key (made on first use)"
    )
    export.add_argument("--author", default="", help="your name, in the public header")
    export.add_argument("--author-url", default="", help="a link for the author")
    export.add_argument(
        "--private-header",
        action="store_true",
        help="with a password: hide the name and description too",
    )
    export.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="capsule",
        help="capsule (default), or another app's JSON: openwebui, openai-assistant",
    )
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=export_cmd)

    imp = subparsers.add_parser(
        "import",
        help="add a GPT from a .capsule, or from OpenAI, Open WebUI, LobeHub or Character "
        "Card files; prints its id",
    )
    imp.add_argument("file", type=Path)
    _password_option(imp)
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace the GPT with the capsule's id (its old versions stay in its history)",
    )
    imp.add_argument(
        "--embedding-model",
        help="embed the knowledge with this model instead of the capsule's ('' for none)",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=import_cmd)

    look = subparsers.add_parser(
        "inspect", help="what a capsule (or another app's file) holds and enables; writes nothing"
    )
    look.add_argument("file", type=Path)
    _password_option(look)
    look.add_argument("--json", action="store_true")
    look.set_defaults(handler=inspect_cmd)

    signing = subparsers.add_parser("signing", help="your signing key, and the signers you trust")
    commands = signing.add_subparsers(dest="signing_command", required=True, metavar="COMMAND")
    key = commands.add_parser("key", help="your key's fingerprint (made now if you have none)")
    key.set_defaults(handler=key_cmd)
    trust = commands.add_parser("trust", help="trust a signer's fingerprint under a name")
    trust.add_argument("fingerprint", nargs="+", help="the 32 hex digits (spaces allowed)")
    trust.add_argument("--name", required=True, help="who this is, to you")
    trust.set_defaults(handler=trust_cmd)
    untrust = commands.add_parser("untrust", help="stop trusting a fingerprint")
    untrust.add_argument("fingerprint", nargs="+")
    untrust.set_defaults(handler=untrust_cmd)
    listing = commands.add_parser("list", help="the signers you trust")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_trusted_cmd)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="the capsule's password: prompted on a terminal, else one line of stdin",
    )


class _Progress(StatusLine):
    def __call__(self, step: Any) -> None:
        stage = _STAGES.get(step.stage, step.stage)
        if step.stage == "indexing":
            self.show(f"{stage}: {step.done}/{step.total}")
        elif step.total:
            self.show(f"{stage}: {human_size(step.done)} of {human_size(step.total)}")


# -- export -----------------------------------------------------------------------------


def export_cmd(args: argparse.Namespace, services: Services) -> int:
    from desktop.core.capsule.export import ExportOptions  # noqa: PLC0415

    kind = FORMATS[args.format]
    if kind is not None:
        notes = services.capsules.export_as(args.gpt_id, args.output, kind)
        if args.json:
            emit_json({"path": str(args.output), "format": args.format, "notes": notes})
        else:
            print(f"Wrote {args.output} ({args.format}).")
            for note in notes:
                err(f"note: {note}")
        return 0
    password = _new_password(args.output) if args.password_stdin else None
    if args.private_header and not password:
        raise errors.ValidationError("--private-header needs a password: add --password-stdin.")
    options = ExportOptions(
        password=password,
        include_index=args.include_index,
        sign=args.sign,
        author=args.author,
        author_url=args.author_url,
        public_header=not args.private_header,
    )
    progress = _Progress()
    try:
        result = services.capsules.export(args.gpt_id, args.output, options, progress)
    finally:
        progress.clear()
    if args.json:
        emit_json(result.to_dict())
        return 0
    what = ["encrypted" if result.encrypted else "not encrypted"]
    what.append("with its index" if result.includes_index else "without its index")
    if result.fingerprint:
        what.append(f"signed by {result.fingerprint}")
    print(
        f"Wrote {result.path} ({human_size(result.size)}): version {result.version}, "
        f"{result.knowledge_files} knowledge file(s), {', '.join(what)}."
    )
    for warning in result.warnings:
        err(f"note: {warning}")
    return 0


def _new_password(target: Path) -> str:
    example = f"printenv CAPSULE_PASSWORD | capsule export GPT_ID -o {target} --password-stdin"
    password = read_secret("password for the capsule", example)
    if sys.stdin.isatty() and read_secret("the password again", example) != password:
        raise errors.ValidationError("The two passwords differ; nothing was written.")
    return password


def _password(args: argparse.Namespace) -> str | None:
    if not args.password_stdin:
        return None
    return read_secret(
        "password of the capsule",
        f"printenv CAPSULE_PASSWORD | capsule import {args.file} --password-stdin",
    )


# -- import -----------------------------------------------------------------------------


def import_cmd(args: argparse.Namespace, services: Services) -> int:
    from desktop.core.capsule.install import ImportOptions  # noqa: PLC0415

    options = ImportOptions(
        password=_password(args), replace=args.replace, embedding_model=args.embedding_model
    )
    progress = _Progress()
    try:
        result = services.capsules.import_(args.file, options, progress)
    except errors.PasswordNeededError:
        if not sys.stdin.isatty():
            raise
        progress.clear()
        options = ImportOptions(
            password=read_secret("password of the capsule", ""),
            replace=args.replace,
            embedding_model=args.embedding_model,
        )
        result = services.capsules.import_(args.file, options, progress)
    finally:
        progress.clear()
    stored = _ask_secrets(services, result.secrets_missing)
    if args.json:
        data = result.to_dict()
        data["secrets_stored"] += stored
        data["secrets_missing"] = [
            n.to_dict() for n in result.secrets_missing if n.secret_name not in stored
        ]
        emit_json(data)
        return 0
    print(result.gpt_id)
    _describe_import(result, stored)
    return 0


def _ask_secrets(services: Services, needs: list[Any]) -> list[str]:
    """On a terminal, ask for each secret the import needs (Enter skips); what was stored."""
    if not needs or not sys.stdin.isatty():
        return []
    import getpass  # noqa: PLC0415

    stored = []
    err("The GPT needs these secrets; they go to the OS keyring (Enter to skip one):")
    for need in needs:
        value = getpass.getpass(f"  {need.label} (not shown): ").strip()
        if value:
            services.secrets.set(need.secret_name, value)
            stored.append(need.secret_name)
    return stored


def _describe_import(result: Any, stored: list[str]) -> None:
    how = "replaced" if result.replaced else "added"
    err(f"{how.capitalize()} '{result.name}' (version {result.version}) from {result.label}.")
    if result.renamed_from:
        err(
            f"note: a GPT here already had the id {result.renamed_from}, so this one got a new "
            "id; --replace replaces that GPT instead."
        )
    if result.signature is not None:
        err(f"signature: {result.signature.describe()}")
    index = "used the capsule's index"
    if result.reindexed:
        index = "indexed again" if result.source == "capsule" else "indexed"
    if result.knowledge_files:
        err(f"knowledge: {result.knowledge_files} file(s), {index}")
    for name in result.providers_added:
        err(f"added the provider profile '{name}'")
    for warning in result.warnings:
        err(f"note: {warning}")
    for need in result.secrets_missing:
        if need.secret_name not in stored:
            err(f"not set: {need.label}. {command(_fix(need, result.gpt_id))}".rstrip())


def _fix(need: Any, gpt_id: str) -> errors.UserAction:
    if need.kind == "provider":
        return errors.do(errors.Do.SET_PROVIDER_KEY, profile=need.key.split(":", 1)[1])
    if need.kind == "search":
        return errors.do(errors.Do.SET_SEARCH_KEY, provider=need.key.split(":", 1)[1])
    action_id = need.key.split(":")[1]
    return errors.do(errors.Do.SET_ACTION_AUTH, gpt_id=gpt_id, action_id=action_id)


# -- inspect ----------------------------------------------------------------------------


def inspect_cmd(args: argparse.Namespace, services: Services) -> int:
    progress = _Progress()
    try:
        info = services.capsules.inspect(args.file, _password(args), progress=progress)
    finally:
        progress.clear()
    if args.json:
        emit_json(info.to_dict())
        return 0
    print("\n".join(_inspect_lines(info)))
    return 0


def _inspect_lines(info: Any) -> list[str]:
    lines = _about_lines(info)
    if info.contents:
        lines.append("contents: " + "; ".join(info.summary()))
        rows = [[c.kind, c.name, human_size(c.size), c.detail] for c in info.contents]
        lines += [
            "  " + row for row in table(rows, ["KIND", "NAME", "SIZE", "DETAIL"]).splitlines()
        ]
    if info.enables:
        lines.append("it enables:")
        lines += [f"  - {line.text}" for line in info.enables]
    if info.hosts:
        lines.append(f"hosts it reaches: {', '.join(info.hosts)}")
    for need in info.secrets:
        state = "already set" if need.already_set else "asked on import"
        lines.append(f"secret: {need.label} ({state})")
    lines += [f"adds the provider profile '{p.name}' ({p.base_url})" for p in info.providers]
    lines += [f"file it used, not included: {name}" for name in info.wanted_files]
    return lines + [f"warning: {w.text}" for w in info.warnings]


def _about_lines(info: Any) -> list[str]:
    """Who made it, when, what it says of itself, and whether it is signed and encrypted."""
    header = info.header
    lines = [f"{header.name if header else '(name hidden)'}: {info.label}, {human_size(info.size)}"]
    if info.source == "capsule":
        made = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.created_at or 0))
        lines.append(
            f"  made {made} by Capsule Studio {info.app_version} (format {info.format_version})"
        )
    if header is not None:
        link = f" <{header.author_url}>" if header.author_url else ""
        lines += [f"  author: {header.author}{link}"] if header.author else []
        lines += [f"  {header.description}"] if header.description else []
        lines += [f"  starter: {starter}" for starter in header.starters]
    if info.signature is not None:
        lines.append(f"signature: {info.signature.describe()}")
    if info.encrypted:
        lines.append(
            "encrypted: yes" + (" (give the password to see inside)" if info.locked else "")
        )
    if info.gpt_id:
        taken = (
            " (a GPT here has this id: it gets a new one, unless --replace)"
            if info.id_taken
            else ""
        )
        lines.append(f"GPT id: {info.gpt_id}{taken}")
    return lines


# -- signing ----------------------------------------------------------------------------


def key_cmd(args: argparse.Namespace, services: Services) -> int:
    fingerprint = services.capsules.signing.own_fingerprint(create=True)
    print(f"Your signing key's fingerprint: {fingerprint}")
    err("Give it to the people you share capsules with, so they can trust your signature.")
    return 0


def trust_cmd(args: argparse.Namespace, services: Services) -> int:
    shown = services.capsules.signing.trust(" ".join(args.fingerprint), args.name)
    print(f"Capsules signed by {shown} now show as signed by {args.name.strip()} (trusted).")
    return 0


def untrust_cmd(args: argparse.Namespace, services: Services) -> int:
    if services.capsules.signing.untrust(" ".join(args.fingerprint)):
        print("No longer trusted.")
        return 0
    err("That fingerprint was not trusted.")
    return 1


def list_trusted_cmd(args: argparse.Namespace, services: Services) -> int:
    trusted = services.capsules.signing.trusted()
    if args.json:
        emit_json([{"fingerprint": f, "name": n} for f, n in sorted(trusted.items())])
        return 0
    if not trusted:
        print("You trust no signers yet.")
        return 0
    print(table([[f, n] for f, n in sorted(trusted.items())], ["FINGERPRINT", "NAME"]))
    return 0
