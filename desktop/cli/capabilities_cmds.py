"""`capsule capabilities ...`: what the built-in tools can do on this machine, and their keys."""

from __future__ import annotations

import argparse
import importlib.metadata
import sys
from typing import Any

from desktop.cli.output import confirm, emit_json, read_secret
from desktop.core.gpt import Capabilities, capability_problems
from desktop.core.services import Services
from desktop.core.tools.browser import BRAVE_SECRET, TAVILY_SECRET
from desktop.core.tools.code_interpreter import UNISOLATED_WARNING, protection

SEARCH_SECRETS = {"brave": BRAVE_SECRET, "tavily": TAVILY_SECRET}
# What code in the interpreter can import, as people expect of a data-analysis sandbox.
INTERPRETER_PACKAGES = ("numpy", "pandas", "matplotlib", "Pillow")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "capabilities", help="the code interpreter's sandbox, web search keys"
    )
    commands = parser.add_subparsers(dest="capabilities_command", metavar="COMMAND")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=show_capabilities)
    key = commands.add_parser("search-key", help="store or remove a web search service's key")
    key.add_argument("service", choices=sorted(SEARCH_SECRETS))
    key.add_argument("--remove", action="store_true", help="forget the key")
    key.add_argument("--yes", action="store_true", help="do not ask before removing")
    key.set_defaults(handler=search_key)
    allow = commands.add_parser(
        "allow-unisolated",
        help="let GPTs run code where nothing keeps it from your files (after a warning)",
    )
    allow.add_argument("--off", action="store_true", help="turn it off again")
    allow.add_argument("--yes", action="store_true", help="do not ask")
    allow.set_defaults(handler=allow_unisolated)


def show_capabilities(args: argparse.Namespace, services: Services) -> int:
    sandbox = protection()
    usable, why = services.secrets.available()
    keys = _keys_set(services) if usable else {}
    packages = {name: _version(name) for name in INTERPRETER_PACKAGES}
    python = sys.version.split()[0]
    allowed = services.settings.load().allow_unisolated_code
    if args.json:
        interpreter = {
            **sandbox.to_dict(),
            "unisolated_allowed": allowed,
            "python": python,
            "packages": packages,
        }
        emit_json({"code_interpreter": interpreter, "web_search_keys": keys or None})
        return 0
    print("Code interpreter (Python in a sandboxed Jupyter kernel per thread)")
    for line in sandbox.lines():
        print(f"  {line}")
    for note in sandbox.notes:
        print(f"  note: {note}")
    if not sandbox.isolated:
        state = (
            "allowed anyway (`capsule capabilities allow-unisolated --off` to stop)"
            if allowed
            else "so the code interpreter is off; `capsule capabilities allow-unisolated` "
            "turns it on after a warning"
        )
        print(f"  Nothing here isolates the code from your files: {state}")
    installed = ", ".join(f"{name} {version}" for name, version in packages.items() if version)
    print(f"  Python {python}; {installed or 'no data libraries installed'}")
    print("\nWeb search keys (SearXNG needs none: set its address on the GPT)")
    if not usable:
        print(f"  unknown: {why}")
    for name, present in keys.items():
        state = "set" if present else f"not set: `capsule capabilities search-key {name}`"
        print(f"  {name}: {state}")
    return 0


def _keys_set(services: Services) -> dict[str, bool]:
    """Which search services have a key in the keyring."""
    secrets = services.secrets
    return {name: secrets.get_optional(s) is not None for name, s in SEARCH_SECRETS.items()}


def search_key(args: argparse.Namespace, services: Services) -> int:
    secret = SEARCH_SECRETS[args.service]
    if args.remove:
        if not confirm(f"Forget the {args.service} search key?", args.yes):
            return 1
        services.secrets.delete(secret)
        print(f"Forgot the {args.service} search key.")
        return 0
    pipe = f'printf %s "$KEY" | capsule capabilities search-key {args.service}'
    services.secrets.set(secret, read_secret(f"{args.service} API key", pipe))
    print(f"Stored the {args.service} key in the keyring as '{secret}'.")
    return 0


def allow_unisolated(args: argparse.Namespace, services: Services) -> int:
    """Let code run without isolation of the files, after the warning (or stop that)."""
    allow = not args.off
    if allow:
        print(UNISOLATED_WARNING)
        if not confirm("Let GPTs run code on this computer anyway?", args.yes):
            return 1
    services.settings.update(lambda s: setattr(s, "allow_unisolated_code", allow))
    print(
        "GPTs with the code interpreter may now run code here without isolation."
        if allow
        else "The code interpreter runs only where its code is isolated from your files."
    )
    return 0


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def capability_lines(capabilities: Capabilities) -> list[str]:
    """A GPT's capabilities for a person: what is on, its limits, and what is missing."""
    code = capabilities.code_interpreter
    web = capabilities.web_browsing
    images = capabilities.image_generation
    lines = []
    if code.enabled:
        lines.append(
            f"code interpreter: on ({code.timeout_s:g} s, {code.memory_mb} MB, "
            f"{code.cpu_s} CPU s, {code.max_processes} processes, files up to "
            f"{code.max_file_mb} MB); {protection().network_text}"
        )
    else:
        lines.append("code interpreter: off")
    if web.enabled:
        search = "no search" if web.search_provider == "none" else f"search: {web.search_provider}"
        lines.append(f"web browsing: on (fetch_url; {search}); asks before each new site")
    else:
        lines.append("web browsing: off")
    if images.enabled:
        lines.append(
            f"image generation: on ({images.provider or 'no provider'}"
            f"{':' + images.model if images.model else ''}, {images.size}, {images.quality})"
        )
    else:
        lines.append("image generation: off")
    return lines + [f"warning: {problem}" for problem in capability_problems(capabilities)]
