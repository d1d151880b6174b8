"""`capsule models ...`: the local GGUF models and their metadata."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.output import emit_json, table
from desktop.cli.services import Services
from desktop.core.units import human_count, human_size


def add_parser(subparsers: Any) -> None:
    models = subparsers.add_parser("models", help="local GGUF models")
    commands = models.add_subparsers(dest="models_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="list the models found in the model folders")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_models)


def list_models(args: argparse.Namespace, services: Services) -> int:
    models = services.local_models.list()
    if args.json:
        emit_json([m.to_dict() for m in models])
        return 0
    if not models:
        folders = "\n  ".join(str(f) for f in services.local_models.folders)
        print(f"No models found. Put .gguf files into one of:\n  {folders}")
        return 0
    rows = []
    for model in models:
        info = model.info
        if info is None:
            rows.append([model.id, "-", "-", "-", "-", "-", f"unusable: {model.problem}"])
            continue
        rows.append(
            [
                model.id,
                info.architecture,
                info.quantization,
                human_count(info.parameter_count),
                str(info.context_length or "?"),
                human_size(info.file_size),
                "embedding"
                if info.embedding
                else ("chat" if info.chat_template else "no chat template"),
            ]
        )
    print(table(rows, ["ID", "ARCH", "QUANT", "PARAMS", "CONTEXT", "SIZE", "NOTES"]))
    return 0
