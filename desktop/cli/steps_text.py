"""A run's timeline worded for a terminal: its header, each typed step, and one-line notes."""

from __future__ import annotations

import json
from typing import Any

from desktop.cli.fixes import command, error_text
from desktop.cli.output import indent
from desktop.core.errors import UserAction
from desktop.core.runs.parts import PARTS
from desktop.core.runs.steps import (
    FunctionCall,
    MessageDetails,
    ModelCall,
    RetrievalCall,
    Step,
    Timings,
    ToolCallsDetails,
)
from desktop.core.runs.toolrecords import CodeRun
from desktop.core.store.records import Run

# Tool output shown per call by `runs show`; the step keeps the tool's (truncated) copy.
MAX_SHOWN_OUTPUT = 2000


def run_header(run: Run) -> str:
    usage = run.usage or {}
    model = run.model
    lines = [
        f"Run {run.id}  {run.status}",
        f"  thread {run.thread_id}  gpt {run.gpt_id} (version {run.gpt_version})",
        f"  model {model.get('provider')}:{model.get('model') or '(none)'}  "
        f"temperature {model.get('temperature')}  top_p {model.get('top_p')}  "
        f"max_tokens {model.get('max_tokens')}  seed {model.get('seed')}",
        f"  usage: prompt {usage.get('prompt_tokens', 0)}, completion "
        f"{usage.get('completion_tokens', 0)}, total {usage.get('total_tokens', 0)} tokens",
        "  timings: " + timings_text(Timings.model_validate(run.timings or {})),
    ]
    if run.last_error:
        lines.append(f"  error ({run.last_error['code']}): {error_text(run.last_error)}")
    return "\n".join(lines)


def timings_text(timings: Timings) -> str:
    parts = []
    if timings.ttft_ms is not None:
        parts.append(f"first token {timings.ttft_ms:.0f} ms")
    if timings.tokens_per_s is not None:
        parts.append(f"{timings.tokens_per_s:.1f} tokens/s")
    if timings.duration_ms is not None:
        parts.append(f"total {timings.duration_ms / 1000:.2f} s")
    return ", ".join(parts) or "-"


def step_text(step: Step) -> str:
    lines = [f"\nStep {step.seq}: {step.type}  {step.status}  ({timings_text(step.timings)})"]
    call = step.model_call
    if call is not None:
        lines += _model_call_lines(step, call)
    found = step.details.retrieval() if isinstance(step.details, ToolCallsDetails) else None
    if found is not None:
        lines += _retrieval_lines(found)
    for tool_call in step.function_calls():
        lines += _function_call_lines(tool_call)
    if step.last_error is not None:
        lines.append(f"  error: {error_text(step.last_error.to_dict())}")
    return "\n".join(lines)


def _model_call_lines(step: Step, call: ModelCall) -> list[str]:
    completion = step.usage.completion_tokens if step.usage is not None else 0
    lines = [
        f"  model call to {call.provider}: {call.prompt_tokens} prompt tokens, "
        f"{completion} completion tokens, finish {call.finish_reason or '-'}"
    ]
    parts = call.prompt_parts
    if parts is not None:
        shares = ", ".join(
            f"{name.replace('_', ' ')} {getattr(parts, name)}"
            for name in PARTS
            if getattr(parts, name)
        )
        lines.append(f"  prompt parts{' (estimated)' if parts.estimated else ''}: {shares}")
    dropped = call.truncation.dropped_message_ids
    if dropped:
        lines.append(f"  truncation dropped {len(dropped)} message(s)")
    lines.append("  prompt:" if call.prompt else "  messages:")
    lines.append(indent(call.prompt or json.dumps(call.messages, indent=2, ensure_ascii=False)))
    if step.message_id:
        lines.append(f"  wrote message {step.message_id}")
    notices = step.details.notices if isinstance(step.details, MessageDetails) else None
    for notice in notices or []:
        lines.append(f"  note: {notice}")
    selection = call.tool_selection
    if selection is not None:
        lines.append(
            f"  offered {len(selection.offered)} of {selection.from_} operations "
            f"(picked in {selection.duration_ms:.1f} ms): {', '.join(selection.offered)}"
        )
    return lines


def _retrieval_lines(call: RetrievalCall) -> list[str]:
    """The knowledge search: its query, then each chunk with its scores and where it is."""
    results = call.retrieval.results
    lines = [f"  retrieval for {call.retrieval.query!r}: {len(results)} chunk(s)"]
    for rank, chunk in enumerate(results, 1):
        where = f", {chunk.where}" if chunk.where else ""
        ranks = ", ".join(f"{name} #{place}" for name, place in sorted(chunk.ranks.items()))
        lines.append(f"    [{rank}] {chunk.file}{where}: score {chunk.score:.4f} ({ranks})")
        lines.append(indent(chunk.quote.replace("\n", " "), "        "))
    return lines


def _function_call_lines(call: FunctionCall) -> list[str]:
    lines = [f"  call {call.id}: {call.name}({call.arguments})"]
    if call.consent is not None:
        lines.append(f"    consent for {call.consent.domain}: {call.consent.decision}")
    http = call.http
    if http is not None:
        lines.append(
            f"    {http.method} {http.url} -> {http.status or 'no answer'} "
            f"in {http.duration_ms:.0f} ms"
        )
    if not call.answered:
        lines.append("    -> (waiting for output)")
        return lines
    if call.code_interpreter is not None:
        return lines + _code_lines(call.code_interpreter, call.duration_ms or 0)
    lines += _capability_lines(call)
    output = str(call.output)
    lines.append(indent(output[:MAX_SHOWN_OUTPUT], "    -> "))
    full = (call.details or {}).get("output_chars", len(output))
    if full > MAX_SHOWN_OUTPUT:
        lines.append(f"    (output is {full:,} characters; `runs show --json` has the stored copy)")
    fix = command(UserAction.from_dict(call.error.action)) if call.error is not None else ""
    if fix:
        lines.append(f"    fix: {fix}")
    return lines


def _code_lines(record: CodeRun, duration_ms: float) -> list[str]:
    """The code a call ran and what came out, as the Assistants API showed them."""
    lines = ["    code:", indent(record.input, "    | ")]
    if record.kernel.get("started"):
        lines.append("    (started a new Python session)")
    for output in record.outputs:
        if output.type == "logs":
            lines += ["    logs:", indent((output.logs or "")[:MAX_SHOWN_OUTPUT], "    > ")]
        elif output.type == "image" and output.image is not None:
            lines.append(f"    image: {output.image['name']}")
        elif output.type == "files":
            lines.append(f"    files written: {', '.join(f['name'] for f in output.files or [])}")
        elif output.type == "error":
            error = output.error or {}
            lines.append(f"    error: {error.get('name', '')}: {error.get('value', '')}")
        elif output.type == "note":
            lines.append(f"    note: {output.text or ''}")
    lines.append(f"    ({duration_ms:.0f} ms)")
    return lines


def _capability_lines(call: FunctionCall) -> list[str]:
    """A line on what a browsing or image call did, above its output."""
    browsing = call.web_browsing
    if browsing is not None:
        where = browsing.final_url or browsing.url or browsing.query or ""
        return [f"    {browsing.action or 'browse'} {where}"]
    images = call.image_generation
    if images is not None:
        names = ", ".join(image["name"] for image in images.images)
        return [f"    generated {names or 'no image'} ({images.size})"]
    return []


def tool_note(call: FunctionCall) -> str:
    """One line on what a built-in tool did, for the terminal (empty for other calls)."""
    made = list(call.images or [])
    if call.code_interpreter is not None:
        outputs = call.code_interpreter.outputs
        failed = any(o.type == "error" for o in outputs)
        for output in outputs:
            if output.type == "files":
                made += [f["name"] for f in output.files or [] if f["name"] not in made]
        lines = len(call.code_interpreter.input.splitlines())
        note = f"[{call.name}] ran {lines} line(s)" + (", failed" if failed else "")
    elif call.web_browsing is not None:
        browsing = call.web_browsing
        what = browsing.final_url or browsing.url or browsing.query or ""
        note = f"[{call.name}] {browsing.action} {what}"
    elif call.image_generation is not None:
        note = f"[{call.name}] made {len(call.image_generation.images)} image(s)"
    else:
        return ""
    if call.error is not None:
        note += f": {error_text(call.error.to_dict())}"
    if made:
        note += "; files: " + ", ".join(made)
    return note


def waiting_lines(required: dict[str, Any]) -> list[str]:
    """The calls a paused run waits on, one line each."""
    return [
        f"waiting for tool output: {call['function']['name']}"
        f"({call['function']['arguments']}) call {call['id']}"
        for call in required.get("submit_tool_outputs", {}).get("tool_calls", [])
    ]
