"""`capsule runs ...`: inspect, cancel and answer runs."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli.chat_cmds import follow
from desktop.cli.fixes import error_text
from desktop.cli.output import emit_json, indent, table
from desktop.cli.services import Services
from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY
from desktop.core.store.records import Run, RunStep

# Tool output shown per call by `runs show`; the step keeps the tool's (truncated) copy.
MAX_SHOWN_OUTPUT = 2000


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
    run = services.store.runs.get(args.run_id)
    steps = services.store.runs.steps(run.id)
    if args.json:
        emit_json({**run.to_dict(), "steps": [s.to_dict() for s in steps]})
        return 0
    print(_run_header(run))
    for step in steps:
        print(_step_text(step))
    return 0


def _run_header(run: Run) -> str:
    usage = run.usage or {}
    timings = run.timings or {}
    model = run.model
    lines = [
        f"Run {run.id}  {run.status}",
        f"  thread {run.thread_id}  gpt {run.gpt_id} (version {run.gpt_version})",
        f"  model {model.get('provider')}:{model.get('model') or '(none)'}  "
        f"temperature {model.get('temperature')}  top_p {model.get('top_p')}  "
        f"max_tokens {model.get('max_tokens')}  seed {model.get('seed')}",
        f"  usage: prompt {usage.get('prompt_tokens', 0)}, completion "
        f"{usage.get('completion_tokens', 0)}, total {usage.get('total_tokens', 0)} tokens",
        "  timings: " + _timings_text(timings),
    ]
    if run.last_error:
        lines.append(f"  error ({run.last_error['code']}): {error_text(run.last_error)}")
    return "\n".join(lines)


def _timings_text(timings: dict[str, Any]) -> str:
    parts = []
    if "ttft_ms" in timings:
        parts.append(f"first token {timings['ttft_ms']:.0f} ms")
    if "tokens_per_s" in timings:
        parts.append(f"{timings['tokens_per_s']:.1f} tokens/s")
    if "duration_ms" in timings:
        parts.append(f"total {timings['duration_ms'] / 1000:.2f} s")
    return ", ".join(parts) or "-"


def _step_text(step: RunStep) -> str:
    lines = [f"\nStep {step.seq}: {step.type}  {step.status}  ({_timings_text(step.timings)})"]
    details = step.step_details
    call = details.get("model_call")
    if call:
        usage = step.usage or {}
        lines.append(
            f"  model call to {call['provider']}: {call['prompt_tokens']} prompt tokens, "
            f"{usage.get('completion_tokens', 0)} completion tokens, "
            f"finish {call.get('finish_reason', '-')}"
        )
        dropped = call.get("truncation", {}).get("dropped_message_ids") or []
        if dropped:
            lines.append(f"  truncation dropped {len(dropped)} message(s)")
        lines.append("  prompt:" if call.get("prompt") else "  messages:")
        lines.append(
            indent(call.get("prompt") or json.dumps(call["messages"], indent=2, ensure_ascii=False))
        )
        message_id = details.get("message_creation", {}).get("message_id")
        if message_id:
            lines.append(f"  wrote message {message_id}")
        for notice in details.get("notices", []):
            lines.append(f"  note: {notice}")
        selection = call.get("tool_selection")
        if selection:
            lines.append(
                f"  offered {len(selection['offered'])} of {selection['from']} operations "
                f"(picked in {selection['duration_ms']:.1f} ms): {', '.join(selection['offered'])}"
            )
    for tool_call in details.get("tool_calls", []) if step.type == "tool_calls" else []:
        if tool_call.get("type") == "function":
            lines += _function_call_lines(tool_call)
    if step.last_error:
        lines.append(f"  error: {error_text(step.last_error)}")
    return "\n".join(lines)


def _function_call_lines(call: dict[str, Any]) -> list[str]:
    function = call["function"]
    lines = [f"  call {call['id']}: {function['name']}({function['arguments']})"]
    consent = call.get("consent")
    if consent:
        lines.append(f"    consent for {consent['domain']}: {consent['decision']}")
    request = call.get("details", {}).get("request")
    if request:
        status = request.get("status") or "no answer"
        lines.append(
            f"    {request['method']} {request['url']} -> {status} "
            f"in {request.get('duration_ms', 0):.0f} ms"
        )
    if "output" not in function:
        lines.append("    -> (waiting for output)")
        return lines
    if "code_interpreter" in call:
        return lines + _code_lines(call["code_interpreter"], call.get("duration_ms", 0))
    lines += _capability_lines(call)
    lines.append(indent(str(function["output"])[:MAX_SHOWN_OUTPUT], "    -> "))
    full = call.get("details", {}).get("output_chars", len(str(function["output"])))
    if full > MAX_SHOWN_OUTPUT:
        lines.append(f"    (output is {full:,} characters; `runs show --json` has the stored copy)")
    return lines


def _code_lines(record: dict[str, Any], duration_ms: float) -> list[str]:
    """The code a call ran and what came out, as the Assistants API showed them."""
    lines = ["    code:", indent(record.get("input", ""), "    | ")]
    kernel = record.get("kernel", {})
    if kernel.get("started"):
        lines.append("    (started a new Python session)")
    for output in record.get("outputs", []):
        kind = output.get("type")
        if kind == "logs":
            lines += ["    logs:", indent(output["logs"][:MAX_SHOWN_OUTPUT], "    > ")]
        elif kind == "image":
            lines.append(f"    image: {output['image']['name']}")
        elif kind == "files":
            names = ", ".join(f["name"] for f in output["files"])
            lines.append(f"    files written: {names}")
        elif kind == "error":
            error = output["error"]
            lines.append(f"    error: {error.get('name', '')}: {error.get('value', '')}")
        elif kind == "note":
            lines.append(f"    note: {output.get('text', '')}")
    lines.append(f"    ({duration_ms:.0f} ms)")
    return lines


def _capability_lines(call: dict[str, Any]) -> list[str]:
    """A line on what a browsing or image call did, above its output."""
    browsing = call.get("web_browsing")
    if browsing:
        where = browsing.get("final_url") or browsing.get("url") or browsing.get("query", "")
        return [f"    {browsing.get('action', 'browse')} {where}"]
    images = call.get("image_generation")
    if images:
        names = ", ".join(image["name"] for image in images.get("images", []))
        return [f"    generated {names or 'no image'} ({images.get('size', '')})"]
    return []


def list_runs(args: argparse.Namespace, services: Services) -> int:
    services.store.threads.get(args.thread)
    runs = services.store.runs.list(args.thread)
    if args.json:
        emit_json([r.to_dict() for r in runs])
        return 0
    rows = [
        [r.id, r.status, str((r.usage or {}).get("total_tokens", 0)), _timings_text(r.timings)]
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
