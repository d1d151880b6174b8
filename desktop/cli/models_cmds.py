"""`capsule models ...`: local GGUF models, the catalog, downloads, imports and removal."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from desktop.cli.chat_cmds import EXIT_CANCELLED
from desktop.cli.output import confirm, emit_json, err, table
from desktop.core import errors
from desktop.core.models import library, storage
from desktop.core.models.catalog import CatalogEntry, HubFile, load_catalog
from desktop.core.models.memory import MemoryEstimate, estimate_memory
from desktop.core.models.overview import ModelFacts, model_facts
from desktop.core.models.progress import Progress
from desktop.core.providers.llama.build import build_info
from desktop.core.providers.local import model_id
from desktop.core.services import Services
from desktop.core.units import human_count, human_size

# Imports smaller than this finish before a progress line would help.
_IMPORT_PROGRESS_FROM = 64 * 1000**2
# Without a terminal, one progress line per this many seconds (logs stay short).
_PLAIN_INTERVAL_S = 5.0
_STAGES = {"download": "downloading", "verify": "checking sha256", "copy": "copying"}


def add_parser(subparsers: Any) -> None:
    models = subparsers.add_parser("models", help="local GGUF models: list, download, import")
    commands = models.add_subparsers(dest="models_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="list the models found in the model folders")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_models)
    catalog = commands.add_parser("catalog", help="list the recommended models to download")
    catalog.add_argument("--json", action="store_true")
    catalog.set_defaults(handler=show_catalog)
    fetch = commands.add_parser("download", help="download a catalog model (resumable)")
    fetch.add_argument("id", help="a catalog id, or OWNER/REPO/FILE.gguf[@REVISION]")
    fetch.add_argument("--json", action="store_true")
    fetch.set_defaults(handler=download_model)
    bring = commands.add_parser("import", help="copy a .gguf file into your model folder")
    bring.add_argument("path", type=Path)
    bring.add_argument("--json", action="store_true")
    bring.set_defaults(handler=import_model)
    remove = commands.add_parser("remove", help="delete a model file (and partial downloads)")
    remove.add_argument("id", help="a model id from `capsule models list`, or a file path")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=remove_model)


def _memory(path: Path) -> MemoryEstimate | None:
    try:
        return estimate_memory(path)
    except errors.ModelFileError:
        return None


def list_models(args: argparse.Namespace, services: Services) -> int:
    models = services.models.list()
    build = _build(services) if any(m.info for m in models) else {}
    facts = [model_facts(m, build) for m in models]
    if args.json:
        emit_json([f.to_dict() for f in facts])
        return 0
    if not models:
        folders = "\n  ".join(str(f) for f in services.models.folders)
        print(f"No models found. Put .gguf files into one of:\n  {folders}")
        print("Or download one: `capsule models catalog` lists recommended models.")
        return 0
    rows = [_model_row(f) for f in facts]
    headers = ["ID", "ARCH", "QUANT", "PARAMS", "CONTEXT", "SIZE", "MEMORY", "GPU LAYERS", "NOTES"]
    print(table(rows, headers))
    if build and not build.get("gpu_offload"):
        print("\nGPU layers: auto keeps every layer on the CPU with this CPU-only llama.cpp build.")
    return 0


def _build(services: Services) -> dict[str, Any]:
    """The llama.cpp build's facts (cached), or {} when no host could tell them."""
    try:
        return build_info(services.paths.cache)
    except errors.CapsuleError as exc:
        err(f"warning: the llama.cpp build could not be asked what it offloads: {exc.message}")
        return {}


def _model_row(facts: ModelFacts) -> list[str]:
    model, info, estimate = facts.model, facts.model.info, facts.estimate
    if info is None:
        return [model.id, "-", "-", "-", "-", "-", "-", "-", f"unusable: {model.problem}"]
    layers = "?"
    if facts.gpu_layers_auto is not None:
        layers = f"auto: {facts.gpu_layers_auto} of {info.block_count or '?'}"
    memory = "-" if estimate is None else human_size(estimate.total)
    if estimate is not None and estimate.warning:
        memory += " (!)"
    kind = "embedding" if info.embedding else "chat" if info.chat_template else "no chat template"
    return [
        model.id,
        info.architecture,
        info.quantization,
        human_count(info.parameter_count),
        str(info.context_length or "?"),
        human_size(info.file_size),
        memory,
        layers,
        kind,
    ]


def show_catalog(args: argparse.Namespace, services: Services) -> int:
    catalog = load_catalog()
    states = [services.models.catalog_state(entry) for entry in catalog.models]
    if args.json:
        emit_json(
            [{**e.to_dict(), **s.to_dict()} for e, s in zip(catalog.models, states, strict=True)]
        )
        return 0
    rows = []
    for entry, state in zip(catalog.models, states, strict=True):
        status = "downloaded" if state.downloaded else ""
        if not status and state.partial_bytes:
            status = f"partial ({human_size(state.partial_bytes)})"
        context = f"{entry.context_length:,}" if entry.context_length else "?"
        langs = ",".join(entry.languages[:4]) + ("+" if len(entry.languages) > 4 else "")
        rows.append([entry.id, ",".join(entry.uses), langs, entry.license, context, status])
    print(table(rows, ["ID", "USES", "LANGUAGES", "LICENSE", "CONTEXT", "STATUS"]))
    print("\nDownload one with `capsule models download ID`; sizes come from the hub.")
    return 0


class ProgressLine:
    """Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise."""

    def __init__(self, stream: TextIO | None = None, min_total: int = 0) -> None:
        self._stream = stream or sys.stderr
        self._tty = self._stream.isatty()
        self._min_total = min_total
        self._open = False
        self._last = 0.0
        self._finals: set[str] = set()

    def __call__(self, progress: Progress) -> None:
        if progress.total is not None and progress.total < self._min_total:
            return
        text = describe_progress(progress)
        if self._tty:
            self._stream.write("\r" + text.ljust(79)[:100])
            self._stream.flush()
            self._open = True
            return
        final = progress.total is not None and progress.done >= progress.total
        now = time.monotonic()
        if final and progress.stage in self._finals:
            return
        if final or now - self._last >= _PLAIN_INTERVAL_S:
            self._last = now
            if final:
                self._finals.add(progress.stage)
            self._stream.write(text + "\n")
            self._stream.flush()

    def close(self) -> None:
        if self._open:
            self._stream.write("\n")
            self._stream.flush()
            self._open = False


def describe_progress(progress: Progress) -> str:
    stage = _STAGES.get(progress.stage, progress.stage)
    if progress.total is None:
        return f"{stage}  {human_size(progress.done)}"
    parts = [f"{stage}  {human_size(progress.done)} / {human_size(progress.total)}"]
    parts.append(f"{progress.fraction or 0.0:4.0%}")
    if progress.rate > 0:
        parts.append(f"{human_size(int(progress.rate))}/s")
    if progress.eta is not None and progress.done < progress.total:
        minutes, seconds = divmod(int(progress.eta), 60)
        parts.append(f"ETA {minutes}:{seconds:02d}")
    return "  ".join(parts)


def _source(ident: str) -> tuple[CatalogEntry | HubFile, str]:
    """The catalog entry for `ident`, or a hub file named OWNER/REPO/FILE.gguf."""
    if ident.count("/") >= 2:
        hub_file = HubFile.parse(ident)
        return hub_file, model_id(Path(hub_file.name))
    entry = load_catalog().get(ident)
    return entry, entry.id


def download_model(args: argparse.Namespace, services: Services) -> int:
    # Imported here: huggingface_hub takes a noticeable moment to import, and only this needs it.
    from desktop.core.models.download import download  # noqa: PLC0415

    source, ident = _source(args.id)
    folder = services.models.user_folder
    line = ProgressLine()
    try:
        result = download(source, folder, progress=line)
    except KeyboardInterrupt:
        line.close()
        name = source.file_name if isinstance(source, CatalogEntry) else source.name
        kept = sum(p.stat().st_size for p in storage.partials_for(folder, name))
        err(
            f"Download interrupted. The partial file ({human_size(kept)}) is kept in {folder}: "
            f"run `capsule models download {args.id}` again to resume it."
        )
        return EXIT_CANCELLED
    finally:
        line.close()
    checked = "sha256 verified" if result.sha256 else "size checked (no sha256 on the hub)"
    what = "Already downloaded" if result.already_present else "Downloaded"
    summary = f"{what}: {result.path} ({human_size(result.size)}, {checked})."
    return _report_added(args, result.path, ident, {"id": ident, **result.to_dict()}, summary)


def _report_added(
    args: argparse.Namespace, path: Path, ident: str, data: dict[str, Any], summary: str
) -> int:
    """Print what a download or import added, with its memory estimate and any warning."""
    estimate = _memory(path)
    if args.json:
        emit_json({**data, "memory_estimate": estimate.to_dict() if estimate else None})
    else:
        print(summary)
        print(f"Use it with `capsule gpt create --name NAME --model {ident}`.")
    if estimate is not None and estimate.warning:
        err(f"warning: {estimate.warning}")
    return 0


def import_model(args: argparse.Namespace, services: Services) -> int:
    line = ProgressLine(min_total=_IMPORT_PROGRESS_FROM)
    try:
        result = services.models.import_file(args.path, progress=line)
    except KeyboardInterrupt:
        line.close()
        err(f"Import of {args.path.name} interrupted; nothing was copied.")
        return EXIT_CANCELLED
    finally:
        line.close()
    if result.already_present:
        summary = f"{result.path.name} is already in {result.path.parent} (identical)."
    else:
        summary = f"Imported {result.path} ({human_size(result.size)}) as '{result.id}'."
    return _report_added(args, result.path, result.id, result.to_dict(), summary)


def remove_model(args: argparse.Namespace, services: Services) -> int:
    target = services.models.removal_target(args.id, load_catalog().models)
    files = services.models.removable_files(target)
    if not files:
        raise errors.ModelNotFoundError(f"Nothing to remove: {target} does not exist.")
    size = human_size(sum(f.stat().st_size for f in files))
    names = ", ".join(str(f) for f in files)
    if not confirm(f"Delete {names} ({size})?", assume_yes=args.yes):
        err("Nothing removed.")
        return 1
    result = services.models.remove(target)
    if args.json:
        emit_json(result.to_dict())
    else:
        print(library.describe_removal(result))
    return 0
