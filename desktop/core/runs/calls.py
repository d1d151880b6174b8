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
from desktop.core.runs.tools import ToolRegistry
from desktop.core.tools.base import RESERVED_CALL_KEYS

log = logging.getLogger(__name__)


def execute_call(
    tools: ToolRegistry, call: dict[str, Any], clock: Callable[[], float] = time.perf_counter
) -> None:
    """Run one call in place; any failure becomes the output the model reads, never a crash."""
    function = call["function"]
    started = clock()
    try:
        tool = tools.get(function["name"])
        arguments = parse_arguments(function["arguments"])
        result = tool.run(arguments)
        function["output"] = result.output
        if result.details:
            call["details"] = result.details
        call.update((k, v) for k, v in result.record.items() if k not in RESERVED_CALL_KEYS)
        if result.images:
            call["images"] = list(result.images)
    except errors.CapsuleError as exc:
        function["output"] = json.dumps({"error": exc.message}, ensure_ascii=False)
        call["error"] = exc.to_dict()
    except Exception as exc:  # a tool's bug must not kill the run: the model reads it
        log.exception("tool %s failed", function.get("name"))
        function["output"] = json.dumps({"error": f"{type(exc).__name__}: {exc}"})
        call["error"] = {"code": "tool_crashed", "message": f"{type(exc).__name__}: {exc}"}
    call["duration_ms"] = round((clock() - started) * 1000, 2)


def merge_call(calls: dict[int, dict[str, Any]], delta: base.ToolCallDelta) -> None:
    call = calls.setdefault(delta.index, {"id": None, "name": "", "arguments": ""})
    if delta.id:
        call["id"] = delta.id
    if delta.name:
        call["name"] += delta.name
    call["arguments"] += delta.arguments


def finished_call(call: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": call["id"] or new_id("call"),
        "type": "function",
        "function": {"name": call["name"], "arguments": call["arguments"] or "{}"},
    }


def parse_arguments(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise errors.ToolError(
            f"the arguments are not valid JSON ({exc.msg} at position {exc.pos}); "
            "send a JSON object"
        ) from None
    if not isinstance(value, dict):
        raise errors.ToolError("the arguments must be a JSON object")
    return value


def usage_dict(usage: base.Usage | None) -> dict[str, int]:
    prompt = usage.prompt_tokens if usage else 0
    completion = usage.completion_tokens if usage else 0
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "cached_prompt_tokens": usage.cached_prompt_tokens if usage else 0,
    }


def timings(started: float, first: float | None, ended: float, completion: int) -> dict[str, Any]:
    timings: dict[str, Any] = {"duration_ms": round((ended - started) * 1000, 2)}
    if first is not None:
        timings["ttft_ms"] = round((first - started) * 1000, 2)
        span = ended - first
        if completion > 1 and span > 0:
            timings["tokens_per_s"] = round((completion - 1) / span, 2)
    return timings
