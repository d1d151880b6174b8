"""`capsule runs ...`: inspect, cancel and answer runs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.chat_cmds import follow
from desktop.cli.output import emit_json, table
from desktop.cli.steps_text import run_header, step_text, timings_text
from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY
from desktop.core.runs.steps import Timings
from desktop.core.runs.timeline import RunTimeline
from desktop.core.services import Services


def add_parser(subparsers: Any) -> None:
    runs = subparsers.add_parser("runs", help="inspect, cancel and answer runs")
    commands = runs.add_subparsers(dest="runs_command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="a run with all its steps")
    show.add_argument("run_id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_run)
    listing = commands.add_parser("list", help="the runs of a thread")
    listing.add_argument("--thread", required=True)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_runs)
    cancel = commands.add_parser("cancel", help="stop a run")
    cancel.add_argument("run_id")
    cancel.set_defaults(handler=cancel_run)
    submit = commands.add_parser("submit", help="answer a paused run's tool call")
    submit.add_argument("run_id")
    submit.add_argument("call_id")
    submit.add_argument("output", help="the tool's output; '-' reads it from stdin")
    submit.add_argument("--json", action="store_true")
    submit.set_defaults(handler=submit_output)

    consent = commands.add_parser(
        "consent", help="answer a run that asks whether a tool may reach a host"
    )
    consent.add_argument("run_id")
    consent.add_argument("answer", choices=["once", "always", "deny"])
    consent.add_argument("--json", action="store_true")
    consent.set_defaults(handler=answer_consent)


def show_run(args: argparse.Namespace, services: Services) -> int:
    timeline = RunTimeline.load(services.store, args.run_id)
    run = timeline.run
    assert run is not None
    if args.json:
        emit_json({**run.to_dict(), "steps": [s.to_dict() for s in timeline.steps]})
        return 0
    print(run_header(run))
    for step in timeline.steps:
        print(step_text(step))
    return 0


def list_runs(args: argparse.Namespace, services: Services) -> int:
    services.store.threads.get(args.thread)
    runs = services.store.runs.list(args.thread)
    if args.json:
        emit_json([r.to_dict() for r in runs])
        return 0
    rows = [
        [
            r.id,
            r.status,
            str((r.usage or {}).get("total_tokens", 0)),
            timings_text(Timings.model_validate(r.timings)),
        ]
        for r in runs
    ]
    print(table(rows, ["RUN", "STATUS", "TOKENS", "TIMINGS"]))
    return 0


def cancel_run(args: argparse.Namespace, services: Services) -> int:
    run = services.engine.cancel(args.run_id)
    print(f"Run {run.id}: {run.status}")
    return 0


def submit_output(args: argparse.Namespace, services: Services) -> int:
    output = sys.stdin.read() if args.output == "-" else args.output
    stream = services.engine.submit_tool_outputs(args.run_id, {args.call_id: output})
    return follow(stream, services, args.json)


def answer_consent(args: argparse.Namespace, services: Services) -> int:
    decision = {"once": ALLOW_ONCE, "always": ALWAYS, "deny": DENY}[args.answer]
    stream = services.engine.answer_consent(args.run_id, decision)
    return follow(stream, services, args.json)
