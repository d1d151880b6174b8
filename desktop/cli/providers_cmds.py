"""`capsule providers ...`: remote OpenAI-compatible services, with keys in the keyring."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.output import confirm, emit_json, err, read_secret, table
from desktop.core.gpt import ModelSettings
from desktop.core.providers.check import list_endpoint_models, try_chat
from desktop.core.providers.manage import (
    ProfileDraft,
    build_profile,
    list_profiles,
    profile_users,
    remove_profile,
    store_profile,
)
from desktop.core.providers.presets import PRESETS
from desktop.core.services import Services

SHOWN_MODELS = 20


def add_parser(subparsers: Any) -> None:
    providers = subparsers.add_parser(
        "providers", help="remote OpenAI-compatible model services (keys live in the keyring)"
    )
    commands = providers.add_subparsers(dest="providers_command", required=True, metavar="COMMAND")

    add = commands.add_parser("add", help="add a provider profile, or update one")
    add.add_argument("name", help="the profile name GPTs use, as in --model NAME:MODEL_ID")
    add.add_argument("--base-url", help="the API's base URL (presets fill it in)")
    add.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        help="a known service (default: the preset named like the profile, else custom)",
    )
    add.add_argument(
        "--api-key-stdin",
        action="store_true",
        help="read the API key from standard input (keys are never taken from arguments)",
    )
    add.add_argument("--api-version", help="Azure OpenAI's api-version")
    add.add_argument("--context-size", type=int, help="the models' context window in tokens")
    add.add_argument("--timeout", type=float, help="seconds to wait for the service to answer")
    add.add_argument(
        "--allow-http",
        action="store_true",
        help="let this http:// host get the API key unencrypted (a network you trust)",
    )
    add.set_defaults(handler=add_provider)

    listing = commands.add_parser("list", help="list provider profiles")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_providers)

    test = commands.add_parser("test", help="check a profile: list its models, optionally chat")
    test.add_argument("name")
    test.add_argument("--model", help="also send a one-line chat to this model")
    test.add_argument("--json", action="store_true")
    test.set_defaults(handler=test_provider)

    remove = commands.add_parser("remove", help="remove a profile and its stored key")
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.set_defaults(handler=remove_provider)


def add_provider(args: argparse.Namespace, services: Services) -> int:
    draft = ProfileDraft(
        name=args.name,
        preset=args.preset,
        base_url=args.base_url,
        api_version=args.api_version,
        context_size=args.context_size,
        timeout_s=args.timeout,
        allow_http=args.allow_http,
    )
    # Checked before the key is read, so nobody types a key that is then refused.
    profile = build_profile(services.settings.load(), draft, with_key=args.api_key_stdin)
    key = None
    if args.api_key_stdin:
        key = read_secret(
            f"API key for {args.name}",
            f"printenv DEEPSEEK_API_KEY | capsule providers add {args.name} --api-key-stdin",
        )
    saved = store_profile(services.settings, services.secrets, profile, key, args.allow_http)
    profile = saved.profile
    label = PRESETS[profile.preset].label
    verb = "Added" if saved.created else "Updated"
    key_note = "key stored in the keyring" if profile.api_key_secret else "no key"
    print(f"{verb} {profile.name} ({label}, {profile.base_url}; {key_note}).")
    if saved.missing_key:
        err(
            f"warning: {label} needs an API key; add it with "
            f"`capsule providers add {profile.name} --api-key-stdin`."
        )
    print(f"Try it: capsule providers test {profile.name}")
    return 0


def list_providers(args: argparse.Namespace, services: Services) -> int:
    rows = [p.to_dict() for p in list_profiles(services.settings, services.secrets)]
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        print("No provider profiles. Add one, e.g.: capsule providers add deepseek --api-key-stdin")
        return 0
    body = [[r["name"], r["label"], r["base_url"], r["key"]] for r in rows]
    print(table(body, ["NAME", "SERVICE", "BASE URL", "KEY"]))
    return 0


def test_provider(args: argparse.Namespace, services: Services) -> int:
    check = list_endpoint_models(services.endpoints(args.name))
    models = check.models
    result: dict[str, Any] = {"name": args.name, "models": models, "list_ms": check.list_ms}
    if args.model:
        provider = services.factory(ModelSettings(provider=args.name, model=args.model))
        result["chat"] = try_chat(provider).to_dict()
    if args.json:
        emit_json(result)
        return 0
    print(f"{check.label} answered in {check.list_ms} ms with {len(models)} model(s).")
    for model in models[:SHOWN_MODELS]:
        print(f"  {args.name}:{model}")
    if len(models) > SHOWN_MODELS:
        print(f"  … and {len(models) - SHOWN_MODELS} more (--json lists them all)")
    if "chat" in result:
        chat = result["chat"]
        print(
            f"Chat with {args.model}: {chat['text']!r} "
            f"(first token {chat['first_token_ms']} ms, {chat['completion_tokens']} token(s))"
        )
    return 0


def remove_provider(args: argparse.Namespace, services: Services) -> int:
    services.settings.load().profile(args.name)  # an unknown name fails before asking
    definitions = (g.definition for g in services.store.gpts.list())
    users = profile_users(definitions, args.name)
    question = f"Remove the provider profile '{args.name}' and its stored API key?"
    if users:
        question = f"{len(users)} GPT(s) use '{args.name}' ({', '.join(users[:5])}). " + question
    if not confirm(question, assume_yes=args.yes):
        err("Nothing removed.")
        return 1
    remove_profile(services.settings, services.secrets, args.name)
    print(f"Removed {args.name}.")
    if users:
        err("warning: those GPTs need another model now: capsule gpt edit GPT_ID --model ...")
    return 0
