"""`capsule knowledge ...`: add files to a GPT's knowledge, list, remove and search them."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop.cli.output import StatusLine, emit_json, err, table
from desktop.core.knowledge.ingest import Progress
from desktop.core.models.catalog import load_catalog
from desktop.core.services import Services
from desktop.core.units import human_size


def add_parser(subparsers: Any) -> None:
    knowledge = subparsers.add_parser("knowledge", help="a GPT's knowledge files")
    commands = knowledge.add_subparsers(dest="knowledge_command", required=True, metavar="COMMAND")
    add = commands.add_parser(
        "add", help="add files or folders (a changed file replaces its old version)"
    )
    add.add_argument("gpt_id")
    add.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    add.add_argument("--password", help="the password of encrypted PDFs")
    add.set_defaults(handler=add_files)
    rebuild = commands.add_parser(
        "rebuild", help="index every file again (after changing the chunk size or models)"
    )
    rebuild.add_argument("gpt_id")
    rebuild.set_defaults(handler=rebuild_files)
    listing = commands.add_parser("list", help="the files and their state")
    listing.add_argument("gpt_id")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_files)
    remove = commands.add_parser("remove", help="remove a file and its chunks")
    remove.add_argument("gpt_id")
    remove.add_argument("file_id")
    remove.set_defaults(handler=remove_file)
    find = commands.add_parser("search", help="search the knowledge as the GPT would")
    find.add_argument("gpt_id")
    find.add_argument("query")
    find.add_argument("-k", type=int, default=None, help="results (default: the GPT's top-k)")
    find.add_argument("--json", action="store_true")
    rerank = find.add_mutually_exclusive_group()
    rerank.add_argument(
        "--rerank", action="store_true", default=None, help="rerank with the GPT's reranker"
    )
    rerank.add_argument(
        "--no-rerank", dest="rerank", action="store_false", help="skip the GPT's reranker"
    )
    find.set_defaults(handler=search_files)


def rebuild_files(args: argparse.Namespace, services: Services) -> int:
    return _report(services.knowledge.rebuild(args.gpt_id))


def add_files(args: argparse.Namespace, services: Services) -> int:
    failed = _report(services.knowledge.add(args.gpt_id, args.paths, args.password))
    hint = embedding_hint(services, args.gpt_id)
    if hint:
        err(hint)
    return failed


def _report(steps: Iterable[Progress]) -> int:
    """Print a line per file (a progress bar meanwhile); 1 if any failed."""
    failed = 0
    bar = _Bar()
    for progress in steps:
        if progress.status in ("started", "reading"):
            bar.show_file(progress)
            continue
        bar.clear()
        failed += progress.status == "failed"
        print(_line(progress), flush=True)
    return 1 if failed else 0


def embedding_hint(services: Services, gpt_id: str) -> str:
    """A line suggesting the catalog's embedding model to a GPT searching by keywords only."""
    if services.store.gpts.get(gpt_id).definition.knowledge.embedding_model:
        return ""
    suggestion = services.models.recommended_embedder(load_catalog().models)
    if suggestion is None:
        return ""
    model = suggestion.entry.id
    then = (
        f"`capsule gpt edit {gpt_id} --embedding-model {model}` (the next add, or "
        f"`capsule knowledge rebuild {gpt_id}`, embeds the files)"
    )
    if suggestion.downloaded:
        step = f"it is downloaded: {then}"
    else:
        step = f"`capsule models download {model}`, then {then}"
    return (
        f"Tip: searching by keywords only. For hybrid search (meaning as well as words), "
        f"use the recommended embedding model {suggestion.entry.name}: {step}."
    )


def _line(progress: Progress) -> str:
    if progress.status == "ok":
        detail = f"{progress.pages} pages, " if progress.pages else ""
        note = f" ({progress.message})" if progress.message else ""
        return f"ok       {progress.file}: {detail}{progress.chunks} chunks{note}"
    if progress.status == "skipped":
        return f"skipped  {progress.file}: unchanged"
    if progress.status == "cancelled":
        return "cancelled"
    return f"failed   {progress.file}: {progress.message}"


class _Bar(StatusLine):
    """The batch's progress: which file, and about how long is left."""

    def show_file(self, progress: Progress) -> None:
        eta = f", about {progress.eta_s:.0f} s left" if progress.eta_s else ""
        page = f", page {progress.page} of {progress.pages}" if progress.status == "reading" else ""
        self.show(f"[{progress.files_done + 1}/{progress.files_total}] {progress.file}{page}{eta}")


def list_files(args: argparse.Namespace, services: Services) -> int:
    files = services.knowledge.files(args.gpt_id)
    if args.json:
        emit_json([f.to_dict() for f in files])
        return 0
    if not files:
        print(f"No knowledge files yet. Add some: capsule knowledge add {args.gpt_id} FILE_OR_DIR")
        return 0
    rows = [
        [
            f.id,
            f.name,
            f.status,
            str(f.pages),
            str(f.chunks),
            human_size(f.size),
            (f.error or {}).get("message", ""),
        ]
        for f in files
    ]
    headers = ["ID", "NAME", "STATUS", "PAGES", "CHUNKS", "SIZE", "PROBLEM"]
    if any(f.origin for f in files):  # imported knowledge says whose it is
        rows = [[*row, _origin(f.origin)] for row, f in zip(rows, files, strict=True)]
        headers.append("FROM")
    print(table(rows, headers))
    return 0


def _origin(origin: dict[str, Any]) -> str:
    """Where an imported file came from: its author (and signer), or the other app."""
    if not origin:
        return "-"
    who = origin.get("author") or "unknown author"
    if origin.get("signature") == "signed":
        who += f" (signed {str(origin.get('fingerprint', ''))[:9]}…)"
    where = origin.get("file") or origin.get("source", "")
    return f"{who}, {where}" if where else who


def remove_file(args: argparse.Namespace, services: Services) -> int:
    record = services.knowledge.remove(args.gpt_id, args.file_id)
    print(f"Removed {record.name} and its {record.chunks} chunks.")
    return 0


def search_files(args: argparse.Namespace, services: Services) -> int:
    results = services.knowledge.search(args.gpt_id, args.query, k=args.k, rerank=args.rerank)
    if args.json:
        emit_json(results)
        return 0
    if not results:
        err("No matching chunks.")
    for rank, result in enumerate(results, 1):
        where = f"page {result['page']}" if result["page"] else result["location"] or "-"
        ocr = ", read by OCR" if result.get("ocr") else ""
        print(f"{rank}. {result['file']} ({where}{ocr}), score {result['score']:.4f}")
        print("   " + result["text"].replace("\n", " ")[:300])
    return 0
