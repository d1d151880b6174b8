"""Two runs side by side: their settings, and their steps aligned with the differences marked.

Steps are aligned by what they are (a retrieval, a model call, a round of calls of named
tools) with difflib's longest-matching-blocks alignment, so a run that made one more tool
call still lines up with the other around it. Each pair lists facts for both sides; a
fact that differs in content is a difference, while timings are shown but never count
(two runs of one model never take the same time). Pure functions, any thread.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

from desktop.core.runs.steps import FunctionCall, Step, ToolCallsDetails
from desktop.core.runs.timeline import RunTimeline

RETRIEVAL, MODEL_CALL, TOOL_CALLS = "retrieval", "model_call", "tool_calls"


@dataclass(frozen=True)
class Fact:
    """One fact of both sides. `index` numbers the tool call it is about (from 1).

    `measured` facts (durations, rates) are shown, never counted as differences.
    """

    key: str
    left: Any
    right: Any
    index: int | None = None
    measured: bool = False

    @property
    def differs(self) -> bool:
        return not self.measured and self.left != self.right


@dataclass(frozen=True)
class Pair:
    """Two aligned steps (one side is None where a run had no such step)."""

    left: Step | None
    right: Step | None
    facts: tuple[Fact, ...]

    @property
    def kind(self) -> str:
        step = self.left or self.right
        assert step is not None
        return step_kind(step)

    @property
    def paired(self) -> bool:
        """Both runs made this step (else it is one difference as a whole)."""
        return self.left is not None and self.right is not None

    @property
    def differences(self) -> list[Fact]:
        """The facts that differ between two paired steps."""
        return [f for f in self.facts if f.differs] if self.paired else []

    @property
    def matched(self) -> bool:
        """Both runs made this step, and it came out the same."""
        return self.paired and not self.differences


@dataclass(frozen=True)
class Comparison:
    """The runs' settings and outcome (`settings`), then their aligned steps (`pairs`)."""

    settings: tuple[Fact, ...]
    pairs: tuple[Pair, ...]

    @property
    def differences(self) -> int:
        """How many facts differ, over the settings and every step."""
        steps = sum(len(p.differences) if p.paired else 1 for p in self.pairs)
        return sum(f.differs for f in self.settings) + steps


def step_kind(step: Step) -> str:
    if step.type == "message_creation":
        return MODEL_CALL
    return TOOL_CALLS if step.function_calls() else RETRIEVAL


def compare(left: RunTimeline, right: RunTimeline) -> Comparison:
    """Align the steps of two runs and list what differs."""
    ours = [_signature(s) for s in left.steps]
    theirs = [_signature(s) for s in right.steps]
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    pairs: list[Pair] = []
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        lefts, rights = left.steps[i1:i2], right.steps[j1:j2]
        for index in range(max(len(lefts), len(rights))):
            a = lefts[index] if index < len(lefts) else None
            b = rights[index] if index < len(rights) else None
            if a is not None and b is not None and step_kind(a) != step_kind(b):
                pairs += [_pair(left, right, a, None), _pair(left, right, None, b)]
            else:
                pairs.append(_pair(left, right, a, b))
    return Comparison(tuple(_both(run_facts(left), run_facts(right))), tuple(pairs))


def run_facts(timeline: RunTimeline) -> dict[str, Any]:
    """What a run was asked to do and what came of it, by key, in display order."""
    run = timeline.run
    if run is None:
        return {}
    model = run.model or {}
    usage = run.usage or {}
    answer = timeline.answer
    return {
        "gpt_version": run.gpt_version,
        "provider": model.get("provider"),
        "model": model.get("model"),
        "temperature": model.get("temperature"),
        "instructions": run.instructions,
        "tool_choice": _text(run.tool_choice),
        "truncation": _text(run.truncation_strategy),
        "status": run.status,
        "steps": len(timeline.steps),
        "prompt_tokens": usage.get("prompt_tokens"),
        "completion_tokens": usage.get("completion_tokens"),
        "answer": answer.text if answer is not None else None,
        "duration_ms": (run.timings or {}).get("duration_ms"),
        "ttft_ms": (run.timings or {}).get("ttft_ms"),
    }


def step_facts(timeline: RunTimeline, step: Step) -> dict[tuple[str, int | None], Any]:
    """The facts of one step, by (key, tool call number)."""
    facts: dict[tuple[str, int | None], Any] = {("status", None): step.status}
    call = step.model_call
    if call is not None:
        written = _written(timeline, step)
        facts |= {
            ("provider", None): call.provider,
            ("temperature", None): call.sampling.temperature,
            ("tool_choice", None): _text(call.tool_choice),
            ("tools", None): ", ".join(call.tools),
            ("prompt_tokens", None): call.prompt_tokens,
            ("completion_tokens", None): step.usage.completion_tokens if step.usage else None,
            ("dropped_messages", None): len(call.truncation.dropped_message_ids),
            ("finish_reason", None): call.finish_reason,
            ("output", None): written,
        }
    found = step.details.retrieval() if isinstance(step.details, ToolCallsDetails) else None
    if found is not None:
        results = found.retrieval.results
        facts |= {
            ("query", None): found.retrieval.query,
            ("chunks", None): [f"{c.file} {c.where}".strip() for c in results],
            ("scores", None): [round(c.score, 4) for c in results],
        }
    for number, function in enumerate(step.function_calls(), 1):
        facts |= _call_facts(function, number)
    return facts


_MEASURED = ("duration_ms", "ttft_ms", "tokens_per_s")


def _pair(left: RunTimeline, right: RunTimeline, a: Step | None, b: Step | None) -> Pair:
    ours = step_facts(left, a) if a is not None else {}
    theirs = step_facts(right, b) if b is not None else {}
    facts = [
        Fact(key, ours.get((key, index)), theirs.get((key, index)), index)
        for key, index in dict.fromkeys([*ours, *theirs])
    ]
    for key in _MEASURED:
        values = [getattr(s.timings, key) if s is not None else None for s in (a, b)]
        if any(v is not None for v in values):
            facts.append(Fact(key, values[0], values[1], measured=True))
    return Pair(a, b, tuple(facts))


def _both(ours: dict[str, Any], theirs: dict[str, Any]) -> list[Fact]:
    return [
        Fact(key, ours.get(key), theirs.get(key), measured=key in _MEASURED)
        for key in dict.fromkeys([*ours, *theirs])
    ]


def _call_facts(call: FunctionCall, number: int) -> dict[tuple[str, int | None], Any]:
    http = call.http
    return {
        ("tool", number): call.name,
        ("arguments", number): _json(call.arguments),
        ("consent", number): call.consent.decision if call.consent is not None else None,
        ("http_status", number): http.status if http is not None else None,
        ("error", number): call.error.code if call.error is not None else None,
        ("tool_output", number): _json(call.output) if call.output is not None else None,
    }


def _signature(step: Step) -> tuple[str, ...]:
    """What a step is, for alignment: its kind, and the tools it called."""
    return (step_kind(step), *sorted(c.name for c in step.function_calls()))


def _written(timeline: RunTimeline, step: Step) -> str | None:
    """The text a model call wrote, or the calls it made instead."""
    if step.message_id is not None:
        try:
            return timeline.message(step.message_id).text
        except KeyError:
            return None
    call = step.model_call
    if call is not None and call.tool_calls:
        return "; ".join(f"{c.name}({c.arguments})" for c in call.tool_calls)
    return None


def _json(text: str | None) -> str | None:
    """JSON text in one canonical form, so key order and spacing never count as a change."""
    if text is None:
        return None
    try:
        return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)
    except ValueError:
        return text


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)
