"""`capsule providers ...`: remote OpenAI-compatible services, with keys in the keyring."""

from __future__ import annotations

import argparse
import time
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from desktop.cli.output import confirm, emit_json, err, read_secret, table
from desktop.core import errors
from desktop.core.gpt import ModelSettings, problems_of
from desktop.core.netguard import host_of, refuse_plain_credentials
from desktop.core.providers.check import try_chat
from desktop.core.providers.presets import PRESETS
from desktop.core.providers.profiles import uses_profile
from desktop.core.secrets import masked_preview, provider_secret_name
from desktop.core.services import Services
from desktop.core.settings import ProviderProfile, Settings

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
    preset_id = args.preset or (args.name if args.name in PRESETS else "custom")
    preset = PRESETS[preset_id]
    existing = services.settings.load().providers.get(args.name)
    base_url = args.base_url or (existing.base_url if existing else None) or preset.base_url
    if not base_url:
        raise errors.ValidationError(
            f"{preset.label} has no standard address: give it with --base-url URL."
        )
    fields: dict[str, Any] = {
        **(existing.model_dump() if existing else {}),
        "name": args.name,
        "preset": preset_id,
        "base_url": base_url,
    }
    for option, field in (
        ("api_version", "api_version"),
        ("context_size", "context_size"),
        ("timeout", "timeout_s"),
    ):
        if getattr(args, option) is not None:
            fields[field] = getattr(args, option)
    try:
        profile = ProviderProfile.model_validate(fields)
    except PydanticValidationError as exc:
        problems = "; ".join(problems_of(exc))
        raise errors.ValidationError(f"Cannot add '{args.name}': {problems}") from None

    settings = services.settings.load()
    host = host_of(profile.base_url)
    allowed = [*settings.http_credential_hosts, *([host] if args.allow_http else [])]
    if args.api_key_stdin or profile.api_key_secret:
        refuse_plain_credentials(profile.base_url, allowed, f"Provider '{args.name}'")
    if args.api_key_stdin:
        key = read_secret(
            f"API key for {args.name}",
            f"printenv DEEPSEEK_API_KEY | capsule providers add {args.name} --api-key-stdin",
        )
        services.secrets.set(provider_secret_name(args.name), key)
        profile.api_key_secret = provider_secret_name(args.name)

    def save(settings: Settings) -> None:
        settings.providers[profile.name] = profile
        if args.allow_http:
            settings.allow_http(host)

    services.settings.update(save)
    verb = "Updated" if existing else "Added"
    key_note = "key stored in the keyring" if profile.api_key_secret else "no key"
    print(f"{verb} {profile.name} ({preset.label}, {profile.base_url}; {key_note}).")
    if preset.needs_key and not profile.api_key_secret:
        err(
            f"warning: {preset.label} needs an API key; add it with "
            f"`capsule providers add {profile.name} --api-key-stdin`."
        )
    print(f"Try it: capsule providers test {profile.name}")
    return 0


def list_providers(args: argparse.Namespace, services: Services) -> int:
    profiles = sorted(services.settings.load().providers.values(), key=lambda p: p.name)
    rows = [_describe(p, services) for p in profiles]
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
    # Imported here: loading openai costs a quarter second that other commands need not pay.
    from desktop.core.providers.openai_compat import list_models  # noqa: PLC0415

    endpoint = services.endpoints(args.name)
    started = time.perf_counter()
    models = list_models(endpoint)
    listed_ms = (time.perf_counter() - started) * 1000
    result: dict[str, Any] = {"name": args.name, "models": models, "list_ms": round(listed_ms)}
    if args.model:
        provider = services.factory(ModelSettings(provider=args.name, model=args.model))
        result["chat"] = try_chat(provider).to_dict()
    if args.json:
        emit_json(result)
        return 0
    print(f"{endpoint.label} answered in {listed_ms:.0f} ms with {len(models)} model(s).")
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
    profile = services.settings.load().profile(args.name)
    users = [g.name for g in services.store.gpts.list() if uses_profile(g.definition, args.name)]
    question = f"Remove the provider profile '{args.name}' and its stored API key?"
    if users:
        question = f"{len(users)} GPT(s) use '{args.name}' ({', '.join(users[:5])}). " + question
    if not confirm(question, assume_yes=args.yes):
        err("Nothing removed.")
        return 1
    if profile.api_key_secret:
        services.secrets.delete(profile.api_key_secret)

    def drop(settings: Settings) -> None:
        settings.providers.pop(args.name, None)

    services.settings.update(drop)
    print(f"Removed {args.name}.")
    if users:
        err("warning: those GPTs need another model now: capsule gpt edit GPT_ID --model ...")
    return 0


def _describe(profile: ProviderProfile, services: Services) -> dict[str, Any]:
    preset = PRESETS.get(profile.preset, PRESETS["custom"])
    key = "-"
    if profile.api_key_secret:
        try:
            key = masked_preview(services.secrets.get(profile.api_key_secret))
        except errors.CapsuleError as exc:
            key = f"unavailable ({exc.code})"
    return {
        "name": profile.name,
        "preset": profile.preset,
        "label": preset.label,
        "base_url": profile.base_url,
        "key": key,
        "api_version": profile.api_version,
        "context_size": profile.context_size,
    }
