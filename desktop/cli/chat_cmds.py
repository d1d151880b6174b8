"""`capsule chat`: send a message and stream the answer (text, or one JSON event per line)."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType
from typing import Any

from desktop.cli.output import emit_json, err
from desktop.cli.services import Services
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunStream

EXIT_FAILED = 1
EXIT_CANCELLED = 130


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("chat", help="send a message to a GPT and stream the answer")
    parser.add_argument("gpt_id")
    parser.add_argument("message", help="the message; '-' reads it from stdin")
    parser.add_argument("--thread", help="continue this thread (default: start a new one)")
    parser.add_argument("--json", action="store_true", help="print one JSON event per line")
    parser.set_defaults(handler=chat)


class _Interrupts:
    """First Ctrl-C cancels the run between tokens; a second one quits at once."""

    def __init__(self, stream: RunStream) -> None:
        self._stream = stream
        self._count = 0
        self._previous: Any = None

    def __enter__(self) -> _Interrupts:
        self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._previous)

    def _on_interrupt(self, _signum: int, _frame: FrameType | None) -> None:
        self._count += 1
        if self._count > 1:
            raise KeyboardInterrupt
        err("\n(cancelling: press Ctrl-C again to quit at once)")
        self._stream.cancel()


def chat(args: argparse.Namespace, services: Services) -> int:
    message = sys.stdin.read() if args.message == "-" else args.message
    stream = services.engine.run(args.gpt_id, message, thread_id=args.thread)
    with _Interrupts(stream):
        final = print_json(stream) if args.json else print_text(stream)
    run = services.store.runs.get(stream.run_id)
    if args.json:
        emit_json(run.to_dict())
    else:
        err(f"thread {run.thread_id}  run {run.id}  ({run.status})")
        if final == "failed" and run.last_error:
            err(f"error: {run.last_error['message']}")
    if run.status == "failed":
        return EXIT_FAILED
    if run.status == "cancelled":
        return EXIT_CANCELLED
    return 0


def print_json(stream: RunStream) -> str:
    status = ""
    for event in stream:
        emit_json(event.to_dict())
        if event.event in ev.RUN_FINAL.values():
            status = event.data["status"]
    return status


def print_text(stream: RunStream) -> str:
    status = ""
    wrote = False
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            for part in event.data["delta"]["content"]:
                sys.stdout.write(part["text"]["value"])
            sys.stdout.flush()
            wrote = True
        elif event.event == ev.MODEL_LOADING:
            err(f"Loading {event.data['model']}…")
        elif event.event == ev.MODEL_LOADED:
            err(f"Loaded in {event.data['seconds']:.1f} s")
        elif event.event == ev.RUN_REQUIRES_ACTION:
            calls = event.data["required_action"]["submit_tool_outputs"]["tool_calls"]
            for call in calls:
                err(
                    f"waiting for tool output: {call['function']['name']}"
                    f"({call['function']['arguments']}) call {call['id']}"
                )
        if event.event in ev.RUN_FINAL.values():
            status = event.data["status"]
    if wrote:
        sys.stdout.write("\n")
        sys.stdout.flush()
    return status
