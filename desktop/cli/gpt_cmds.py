"""`capsule gpt ...`: create, list, show, edit, delete and version GPTs."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.cli.capabilities_cmds import capability_lines
from desktop.cli.output import emit_json, err, table
from desktop.core import errors
from desktop.core.gpt import (
    Capabilities,
    capability_problems,
    update_definition,
)
from desktop.core.services import Services


def add_parser(subparsers: Any) -> None:
    gpt = subparsers.add_parser("gpt", help="create and manage GPTs")
    commands = gpt.add_subparsers(dest="gpt_command", required=True, metavar="COMMAND")

    create = commands.add_parser("create", help="create a GPT and print its id")
    _definition_options(create, creating=True)
    create.set_defaults(handler=create_gpt)

    listing = commands.add_parser("list", help="list GPTs")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--deleted", action="store_true", help="include GPTs in the trash")
    listing.set_defaults(handler=list_gpts)

    show = commands.add_parser("show", help="show a GPT's definition")
    show.add_argument("gpt_id")
    show.add_argument("--version", type=int, help="an older version")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_gpt)

    edit = commands.add_parser("edit", help="change a GPT (saved as a new version)")
    edit.add_argument("gpt_id")
    _definition_options(edit, creating=False)
    edit.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="FIELD=JSON",
        help="set any field, e.g. --set model.temperature=0.2 --set knowledge_protection=true",
    )
    edit.set_defaults(handler=edit_gpt)

    delete = commands.add_parser("delete", help="move a GPT to the trash (undo with undelete)")
    delete.add_argument("gpt_id")
    delete.set_defaults(handler=delete_gpt)

    undelete = commands.add_parser("undelete", help="bring a GPT back from the trash")
    undelete.add_argument("gpt_id")
    undelete.set_defaults(handler=undelete_gpt)

    versions = commands.add_parser("versions", help="list a GPT's saved versions")
    versions.add_argument("gpt_id")
    versions.add_argument("--json", action="store_true")
    versions.set_defaults(handler=list_versions)

    diff = commands.add_parser("diff", help="compare two versions (default: with the current one)")
    diff.add_argument("gpt_id")
    diff.add_argument("old", type=int)
    diff.add_argument("new", type=int, nargs="?")
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(handler=diff_versions)

    restore = commands.add_parser("restore", help="make an old version current (as a new version)")
    restore.add_argument("gpt_id")
    restore.add_argument("version", type=int)
    restore.set_defaults(handler=restore_version)


CAPABILITIES = ("code_interpreter", "web_browsing", "image_generation")


def _definition_options(parser: argparse.ArgumentParser, creating: bool) -> None:
    parser.add_argument("--name", required=creating)
    parser.add_argument("--description")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--instructions", help="the system prompt")
    group.add_argument("--instructions-file", type=Path, help="read the system prompt from a file")
    parser.add_argument(
        "--model",
        help="a model id from `capsule models list`, a path to a .gguf, or PROFILE:MODEL_ID "
        "for a provider profile (e.g. deepseek:deepseek-chat)",
    )
    parser.add_argument("--starter", action="append", help="a conversation starter (repeatable)")
    parser.add_argument("--temperature", type=float)
    parser.add_argument("--top-p", type=float)
    parser.add_argument("--max-tokens", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--context-size", type=int)
    parser.add_argument(
        "--gpu-layers",
        type=_gpu_layers,
        metavar="auto|N",
        help="layers to offload to the GPU: auto (all where the build can; the default), "
        "-1 (all) or N",
    )
    parser.add_argument("--threads", type=int)
    parser.add_argument(
        "--embedding-model",
        metavar="MODEL",
        help="the embedding model for hybrid knowledge search (a model id, a path to a "
        ".gguf, or PROFILE:MODEL_ID); '' for keyword search only",
    )
    parser.add_argument(
        "--rerank-model",
        metavar="MODEL",
        help="a reranker GGUF (model id or path) that rereads the best chunks; '' for none",
    )
    for switch, verb in (("--enable", "switch on"), ("--disable", "switch off")):
        parser.add_argument(
            switch,
            action="append",
            default=[],
            choices=CAPABILITIES,
            metavar="CAPABILITY",
            help=f"{verb} a capability: {', '.join(CAPABILITIES)} (repeatable)",
        )


def _gpu_layers(value: str) -> int | str:
    if value.strip().lower() == "auto":
        return "auto"
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not auto or a number of layers") from None


def _changes(args: argparse.Namespace, services: Services) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for field in ("name", "description"):
        if getattr(args, field) is not None:
            changes[field] = getattr(args, field)
    if args.instructions is not None:
        changes["instructions"] = args.instructions
    if args.instructions_file is not None:
        try:
            changes["instructions"] = args.instructions_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise errors.ValidationError(f"Cannot read {args.instructions_file}: {exc}") from None
    if args.starter is not None:
        changes["conversation_starters"] = args.starter
    model: dict[str, Any] = {}
    if args.model is not None:
        model["provider"], model["model"] = services.models.choose(args.model)
    for option, field in (
        ("temperature", "temperature"),
        ("top_p", "top_p"),
        ("max_tokens", "max_tokens"),
        ("seed", "seed"),
        ("context_size", "context_size"),
        ("gpu_layers", "gpu_layers"),
        ("threads", "threads"),
    ):
        if getattr(args, option) is not None:
            model[field] = getattr(args, option)
    if model:
        changes["model"] = model
    changes.update(_knowledge_changes(args, services))
    switches = _switches(args.enable, args.disable)
    if switches:
        changes["capabilities"] = switches
    return changes


def _knowledge_changes(args: argparse.Namespace, services: Services) -> dict[str, Any]:
    """`--embedding-model` and `--rerank-model`, each checked to name a real model."""
    knowledge: dict[str, Any] = {}
    if args.embedding_model is not None:
        profile, reference = services.models.choose(args.embedding_model)
        knowledge["embedding_model"] = reference if profile == "local" else args.embedding_model
    if args.rerank_model is not None:
        provider, reference = services.models.choose(args.rerank_model)
        if provider != "local":
            raise errors.ValidationError(
                "Rerankers run locally: name a reranker GGUF (a model id or a path)."
            )
        knowledge["rerank_model"] = reference
    return {"knowledge": knowledge} if knowledge else {}


def _switches(enable: list[str], disable: list[str]) -> dict[str, Any]:
    """`--enable` and `--disable` as capability changes."""
    both = set(enable) & set(disable)
    if both:
        raise errors.ValidationError(f"{', '.join(sorted(both))}: both --enable and --disable")
    switches = {name: {"enabled": True} for name in enable}
    return switches | {name: {"enabled": False} for name in disable}


def _assignments(pairs: list[str]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise errors.ValidationError(f"--set needs FIELD=VALUE, got {pair!r}")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw  # a bare string
        target = changes
        parts = key.strip().split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return changes


def create_gpt(args: argparse.Namespace, services: Services) -> int:
    gpt = services.new_gpt(_changes(args, services))
    print(gpt.id)
    return 0


def list_gpts(args: argparse.Namespace, services: Services) -> int:
    gpts = services.store.gpts.list(include_deleted=args.deleted)
    if args.json:
        emit_json([g.to_dict() for g in gpts])
        return 0
    if not gpts:
        print("No GPTs yet. Create one: capsule gpt create --name NAME --model MODEL")
        return 0
    rows = [
        [
            g.id,
            g.name + (" (deleted)" if g.deleted_at else ""),
            g.definition.model.model or "(no model)",
            str(g.version),
            _when(g.updated_at),
        ]
        for g in gpts
    ]
    print(table(rows, ["ID", "NAME", "MODEL", "VERSION", "UPDATED"]))
    return 0


def show_gpt(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.get(args.gpt_id)
    if args.version is not None:
        definition = services.store.gpts.version(gpt.id, args.version).definition
        data = {"id": gpt.id, "version": args.version, **definition.model_dump(mode="json")}
    else:
        data = gpt.to_dict()
    if args.json:
        emit_json(data)
    else:
        print(json.dumps(_readable(data), indent=2, ensure_ascii=False))
        capabilities = Capabilities.model_validate(data["capabilities"])
        print("\n" + "\n".join(capability_lines(capabilities)))
    return 0


def _readable(data: dict[str, Any]) -> dict[str, Any]:
    """The definition for a person: action documents (often megabytes) named, not printed."""
    actions = []
    for action in data.get("actions", []):
        size = len(action.get("document", ""))
        shown = f"({size:,} characters: `capsule actions show {data['id']} {action['id']}`)"
        actions.append({**action, "document": shown})
    return {**data, "actions": actions} if actions else data


def edit_gpt(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.get(args.gpt_id)
    changes = _changes(args, services)
    extra = _assignments(args.assignments)
    definition = update_definition(update_definition(gpt.definition, changes), extra)
    saved = services.store.gpts.save(gpt.id, definition, note="edited from the command line")
    if saved.version == gpt.version:
        print(f"No changes: {gpt.id} stays at version {gpt.version}.")
    else:
        print(f"Saved {gpt.id} as version {saved.version}.")
    for problem in capability_problems(definition.capabilities):
        err(f"warning: {problem}")
    return 0


def delete_gpt(args: argparse.Namespace, services: Services) -> int:
    services.store.gpts.delete(args.gpt_id)
    print(f"Moved {args.gpt_id} to the trash. Undo with: capsule gpt undelete {args.gpt_id}")
    return 0


def undelete_gpt(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.undelete(args.gpt_id)
    print(f"Restored {gpt.id} ({gpt.name}).")
    return 0


def list_versions(args: argparse.Namespace, services: Services) -> int:
    versions = services.store.gpts.versions(args.gpt_id)
    if args.json:
        emit_json([v.to_dict() for v in versions])
        return 0
    rows = [[str(v.version), _when(v.created_at), v.definition.name, v.note] for v in versions]
    print(table(rows, ["VERSION", "SAVED", "NAME", "NOTE"]))
    return 0


def diff_versions(args: argparse.Namespace, services: Services) -> int:
    new = args.new if args.new is not None else services.store.gpts.get(args.gpt_id).version
    changes = services.store.gpts.diff(args.gpt_id, args.old, new)
    if args.json:
        emit_json(changes)
        return 0
    if not changes:
        print(f"Versions {args.old} and {new} are the same.")
    for change in changes:
        print(f"{change['field']}:")
        print(f"  - {json.dumps(change['old'], ensure_ascii=False)}")
        print(f"  + {json.dumps(change['new'], ensure_ascii=False)}")
    return 0


def restore_version(args: argparse.Namespace, services: Services) -> int:
    gpt = services.store.gpts.restore(args.gpt_id, args.version)
    print(f"Restored version {args.version} of {gpt.id} as version {gpt.version}.")
    return 0


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")
