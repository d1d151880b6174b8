"""`capsule doctor`: what this installation runs on (Python, llama.cpp build, folders)."""

from __future__ import annotations

import argparse
import platform
import sys
from typing import Any

from desktop import __version__
from desktop.cli.output import emit_json
from desktop.core.providers.llama.build import build_info, describe
from desktop.core.services import Services


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor", help="the llama.cpp build (CPU features, GPU backend) and this installation"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=doctor)


def doctor(args: argparse.Namespace, services: Services) -> int:
    info = build_info(services.paths.cache, fresh=True)
    python = sys.version.split()[0]
    if args.json:
        emit_json(
            {
                "capsule_studio": __version__,
                "python": python,
                "platform": platform.platform(),
                "llama_cpp": info,
                "data_folder": str(services.paths.data),
            }
        )
        return 0
    print(f"Capsule Studio {__version__} on Python {python}, {platform.platform()}")
    for line in describe(info):
        print(line)
    print(f"Data folder: {services.paths.data}")
    return 0
