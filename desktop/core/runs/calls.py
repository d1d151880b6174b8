"""Tool calls as the engine handles them: assembling deltas, parsing, executing, timing."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from desktop.core import errors
from desktop.core.ids import new_id
from desktop.core.providers import base
from desktop.core.runs.steps import ErrorInfo, FunctionCall, FunctionSpec, Timings, Usage
from desktop.core.runs.tools import ToolRegistry
from desktop.core.tools.base import RESERVED_CALL_KEYS

log = logging.getLogger(__name__)


def execute_call(
    tools: ToolRegistry, call: FunctionCall, clock: Callable[[], float] = time.perf_counter
) -> None:
    """Run one call in place; any failure becomes the output the model reads, never a crash."""
    started = clock()
    try:
        tool = tools.get(call.name)
        arguments = parse_arguments(call.arguments)
        result = tool.run(arguments)
        call.function.output = result.output
        if result.details:
            call.details = result.details
        for key, value in result.record.items():
            if key not in RESERVED_CALL_KEYS:
                setattr(call, key, value)
        if result.images:
            call.images = list(result.images)
    except errors.CapsuleError as exc:
        call.function.output = json.dumps({"error": exc.message}, ensure_ascii=False)
        call.error = ErrorInfo.model_validate(exc.to_dict())
    except Exception as exc:  # a tool's bug must not kill the run: the model reads it
        log.exception("tool %s failed", call.name)
        call.function.output = json.dumps({"error": f"{type(exc).__name__}: {exc}"})
        call.error = ErrorInfo(code="tool_crashed", message=f"{type(exc).__name__}: {exc}")
    call.duration_ms = round((clock() - started) * 1000, 2)


def merge_call(calls: dict[int, dict[str, Any]], delta: base.ToolCallDelta) -> None:
    call = calls.setdefault(delta.index, {"id": None, "name": "", "arguments": ""})
    if delta.id:
        call["id"] = delta.id
    if delta.name:
        call["name"] += delta.name
    call["arguments"] += delta.arguments


def finished_call(call: dict[str, Any]) -> FunctionCall:
    return FunctionCall(
        id=call["id"] or new_id("call"),
        type="function",
        function=FunctionSpec(name=call["name"], arguments=call["arguments"] or "{}"),
    )


def parse_arguments(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise errors.ToolError(
            errors.said(
                "the arguments are not valid JSON ({problem} at position {position}); "
                "send a JSON object",
                problem=exc.msg,
                position=exc.pos,
            )
        ) from None
    if not isinstance(value, dict):
        raise errors.ToolError(errors.said("the arguments must be a JSON object"))
    return value


def usage_of(usage: base.Usage | None) -> Usage:
    prompt = usage.prompt_tokens if usage else 0
    completion = usage.completion_tokens if usage else 0
    return Usage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=prompt + completion,
        cached_prompt_tokens=usage.cached_prompt_tokens if usage else 0,
    )


def timings(started: float, first: float | None, ended: float, completion: int) -> Timings:
    """How long a span took, its first token's delay and its decoding rate, in ms and tokens/s."""
    timed = Timings(duration_ms=round((ended - started) * 1000, 2))
    if first is not None:
        timed.ttft_ms = round((first - started) * 1000, 2)
        span = ended - first
        if completion > 1 and span > 0:
            timed.tokens_per_s = round((completion - 1) / span, 2)
    return timed
