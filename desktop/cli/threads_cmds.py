"""`capsule threads ...`: conversations and their files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.output import emit_json, table
from desktop.core.services import Services
from desktop.core.units import human_size


def add_parser(subparsers: Any) -> None:
    threads = subparsers.add_parser("threads", help="conversations and their files")
    commands = threads.add_subparsers(dest="threads_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="list threads")
    listing.add_argument("--gpt", help="only this GPT's threads")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_threads)
    show = commands.add_parser("show", help="a thread's messages")
    show.add_argument("thread_id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_thread)
    files = commands.add_parser(
        "files", help="a thread's files: attachments, and what code and tools made"
    )
    files.add_argument("thread_id")
    files.add_argument("--json", action="store_true")
    files.set_defaults(handler=list_files)
    attach = commands.add_parser(
        "attach", help="copy files into a thread (the code interpreter works on them)"
    )
    attach.add_argument("thread_id")
    attach.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    attach.set_defaults(handler=attach_files)
    save = commands.add_parser("save", help="copy a thread's file out")
    save.add_argument("thread_id")
    save.add_argument("name", help="the file's name, as `threads files` lists it")
    save.add_argument("destination", nargs="?", type=Path, default=Path("."))
    save.add_argument("--force", action="store_true", help="overwrite an existing file")
    save.set_defaults(handler=save_file)


def list_threads(args: argparse.Namespace, services: Services) -> int:
    threads = services.store.threads.list(args.gpt)
    if args.json:
        emit_json([t.to_dict() for t in threads])
        return 0
    rows = [[t.id, t.gpt_id, t.title, t.active_run_id or ""] for t in threads]
    print(table(rows, ["THREAD", "GPT", "TITLE", "ACTIVE RUN"]))
    return 0


def show_thread(args: argparse.Namespace, services: Services) -> int:
    messages = services.store.threads.messages(args.thread_id)
    if args.json:
        emit_json([m.to_dict() for m in messages])
        return 0
    for message in messages:
        suffix = "" if message.status == "completed" else f" ({message.status})"
        print(f"[{message.role}{suffix}] {message.text}")
        for part in message.content:
            if part.get("type") == "image_file":
                name = part["image_file"]["file_id"]
                print(f"  [image] {services.thread_files.path_of(args.thread_id, name)}")
        print()
    return 0


def list_files(args: argparse.Namespace, services: Services) -> int:
    services.store.threads.get(args.thread_id)
    files = services.thread_files.list(args.thread_id)
    if args.json:
        emit_json([f.to_dict() for f in files])
        return 0
    if not files:
        print(f"No files yet. Add some with `capsule threads attach {args.thread_id} FILE`.")
        return 0
    print(table([[f.name, human_size(f.size)] for f in files], ["NAME", "SIZE"]))
    print(f"\nin {services.thread_files.folder(args.thread_id)}")
    return 0


def attach_files(args: argparse.Namespace, services: Services) -> int:
    services.store.threads.get(args.thread_id)
    for entry in services.thread_files.attach(args.thread_id, args.paths):
        print(f"attached {entry.name} ({human_size(entry.size)})")
    return 0


def save_file(args: argparse.Namespace, services: Services) -> int:
    services.store.threads.get(args.thread_id)
    target = services.thread_files.save(args.thread_id, args.name, args.destination, args.force)
    print(f"saved {target}")
    return 0
