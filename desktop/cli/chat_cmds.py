"""`capsule chat`: send a message and stream the answer (text, or one JSON event per line)."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from desktop.cli.fixes import error_text
from desktop.cli.output import emit_json, err
from desktop.cli.steps_text import tool_note, waiting_lines
from desktop.core import errors
from desktop.core.runs import events as ev
from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY
from desktop.core.runs.engine import RunStream
from desktop.core.runs.timeline import RunTimeline
from desktop.core.services import Services
from desktop.core.store.records import Run

EXIT_FAILED = 1
EXIT_CANCELLED = 130
CONSENT_KEYS = {ALLOW_ONCE: ("o", "once"), ALWAYS: ("a", "always"), DENY: ("d", "deny", "n", "no")}


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("chat", help="send a message to a GPT and stream the answer")
    parser.add_argument("gpt_id")
    parser.add_argument("message", help="the message; '-' reads it from stdin")
    parser.add_argument("--thread", help="continue this thread (default: start a new one)")
    parser.add_argument("--json", action="store_true", help="print one JSON event per line")
    parser.add_argument(
        "--attach",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="copy a file into the thread first (repeatable); the code interpreter sees it",
    )
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
    thread_id = args.thread
    if args.attach:
        thread_id = _attach(args, services, message)
    stream = services.engine.run(args.gpt_id, message, thread_id=thread_id)
    return follow(stream, services, args.json, ask=args.message != "-")


def _attach(args: argparse.Namespace, services: Services, message: str) -> str:
    """Copy `--attach` files into the thread (a new one when none is named); its id."""
    services.store.gpts.get(args.gpt_id)
    if not message.strip():
        raise errors.ValidationError("The message is empty: type something to send.")
    for path in args.attach:
        if not path.is_file():
            raise errors.ValidationError(f"{path} is not a file: --attach takes files")
    if args.thread is not None:
        thread_id: str = args.thread
        services.store.threads.get(thread_id)
    else:
        thread_id = services.store.threads.create(args.gpt_id, title=message.strip()).id
    for entry in services.thread_files.attach(thread_id, args.attach):
        err(f"attached {entry.name}")
    return thread_id


def follow(stream: RunStream, services: Services, as_json: bool, ask: bool = True) -> int:
    """Print a run to its end; on a terminal, answer its consent questions as they come.

    The printers read the run's timeline, built from the store and kept up by the events.
    Returns the exit code for the run's final status.
    """
    timeline = RunTimeline.load(services.store, stream.run_id)
    while True:
        with _Interrupts(stream):
            final = print_json(stream, timeline) if as_json else print_text(stream, timeline)
        run = timeline.run
        assert run is not None
        decision = _ask_consent(run) if ask and not as_json else None
        if decision is None:
            break
        stream = services.engine.answer_consent(run.id, decision)
    if as_json:
        emit_json(run.to_dict())
    else:
        err(f"thread {run.thread_id}  run {run.id}  ({run.status})")
        if final == "failed" and run.last_error:
            err(f"error: {error_text(run.last_error)}")
    if run.status == "failed":
        return EXIT_FAILED
    if run.status == "cancelled":
        return EXIT_CANCELLED
    return 0


def _ask_consent(run: Run) -> str | None:
    """The user's answer to a consent question on the terminal; None without one to ask."""
    required = run.required_action or {}
    if run.status != "requires_action" or required.get("type") != "consent":
        return None
    asked = required["consent"]
    if not sys.stdin.isatty():
        err(
            f"{asked['tool']} wants to reach {asked['domain']}. Answer with "
            f"`capsule runs consent {run.id} once|always|deny`."
        )
        return None
    question = (
        f"\n{asked['tool']} wants to call {asked['domain']} with {asked['arguments']}\n"
        "Allow [o]nce, [a]lways for this GPT, or [d]eny? "
    )
    while True:
        try:
            answer = input(question).strip().lower()
        except EOFError:
            err(f"\nNo answer; the run waits: `capsule runs consent {run.id} once|always|deny`.")
            return None
        for decision, keys in CONSENT_KEYS.items():
            if answer in keys:
                return decision
        question = "Type o (allow once), a (always for this GPT) or d (deny): "


def print_json(stream: RunStream, timeline: RunTimeline) -> str:
    status = ""
    for event in stream:
        timeline.apply(event)
        emit_json(event.to_dict())
        if event.event in ev.RUN_FINAL.values():
            status = event.data["status"]
    return status


def print_text(stream: RunStream, timeline: RunTimeline) -> str:
    status = ""
    wrote = False
    for event in stream:
        timeline.apply(event)
        if event.event == ev.MESSAGE_DELTA:
            for part in event.data["delta"]["content"]:
                if part.get("type") == "text":  # reasoning stays in the run, not the answer
                    sys.stdout.write(part["text"]["value"])
            sys.stdout.flush()
            wrote = True
        for note in _notes(event, timeline):
            err(("\n" if wrote else "") + note)
        if event.event in ev.RUN_FINAL.values():
            status = event.data["status"]
    if wrote:
        sys.stdout.write("\n")
        sys.stdout.flush()
    return status


def _notes(event: ev.Event, timeline: RunTimeline) -> list[str]:
    """What the terminal says on stderr about an event besides the answer's text."""
    if event.event == ev.MODEL_LOADING:
        return [f"Loading {event.data['model']}…"] if not event.data.get("progress") else []
    if event.event == ev.MODEL_LOADED:
        return [f"Loaded in {event.data['seconds']:.1f} s{offload_note(event.data['details'])}"]
    if event.event == ev.STEP_COMPLETED and event.data["type"] == "tool_calls":
        notes = (tool_note(call) for call in timeline.step(event.data["id"]).function_calls())
        return [note for note in notes if note]
    if event.event == ev.RUN_REQUIRES_ACTION:
        return waiting_lines(event.data["required_action"])
    return []


def offload_note(details: dict[str, Any]) -> str:
    """`; 26 of 26 layers on CUDA0` for a local model on a GPU, `; on the CPU` without one."""
    if "gpu_layers" not in details:
        return ""
    if not details["gpu_layers"]:
        return "; on the CPU"
    return f"; {details['gpu_layers']} of {details['layers']} layers on {details['offload']}"
