"""The playground's words and numbers: statuses, step kinds, prompt parts, durations, JSON.

Functions, not widgets: they translate through `QCoreApplication.translate("Playground",
...)` when called, so the language chosen at start applies. GUI thread.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.runs.compare import MODEL_CALL, RETRIEVAL, step_kind
from desktop.core.runs.steps import Step

# The playground's strings are in one context. lupdate reads `translate("Playground", "…")`
# calls (a literal context and text) wherever they are; `_lookup` translates texts marked
# with QT_TRANSLATE_NOOP in the tables below.
translate = QCoreApplication.translate


def _lookup(text: str) -> str:
    return QCoreApplication.translate("Playground", text)


# Marks texts for lupdate; they are translated when shown (`tr`).
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


STATUSES = {
    "queued": QT_TRANSLATE_NOOP("Playground", "queued"),
    "in_progress": QT_TRANSLATE_NOOP("Playground", "running"),
    "requires_action": QT_TRANSLATE_NOOP("Playground", "waiting for you"),
    "cancelling": QT_TRANSLATE_NOOP("Playground", "stopping"),
    "cancelled": QT_TRANSLATE_NOOP("Playground", "stopped"),
    "failed": QT_TRANSLATE_NOOP("Playground", "failed"),
    "completed": QT_TRANSLATE_NOOP("Playground", "completed"),
    "incomplete": QT_TRANSLATE_NOOP("Playground", "cut short"),
    "expired": QT_TRANSLATE_NOOP("Playground", "expired"),
}

# The parts of a prompt, in the order they are drawn, with their colours.
PARTS = {
    "instructions": (QT_TRANSLATE_NOOP("Playground", "Instructions"), "#5b8def"),
    "system": (QT_TRANSLATE_NOOP("Playground", "System"), "#8e7cc3"),
    "knowledge": (QT_TRANSLATE_NOOP("Playground", "Knowledge"), "#e69138"),
    "history": (QT_TRANSLATE_NOOP("Playground", "History"), "#93c47d"),
    "message": (QT_TRANSLATE_NOOP("Playground", "User"), "#3d85c6"),
    "tool_calls": (QT_TRANSLATE_NOOP("Playground", "Tool calls"), "#c27ba0"),
    "tools": (QT_TRANSLATE_NOOP("Playground", "Tools"), "#a61c00"),
}

# What a compared fact is about.
FACTS = {
    "gpt_version": QT_TRANSLATE_NOOP("Playground", "GPT version"),
    "provider": QT_TRANSLATE_NOOP("Playground", "Provider"),
    "model": QT_TRANSLATE_NOOP("Playground", "Model"),
    "temperature": QT_TRANSLATE_NOOP("Playground", "Temperature"),
    "instructions": QT_TRANSLATE_NOOP("Playground", "Instructions"),
    "tool_choice": QT_TRANSLATE_NOOP("Playground", "Tool choice"),
    "truncation": QT_TRANSLATE_NOOP("Playground", "Truncation"),
    "status": QT_TRANSLATE_NOOP("Playground", "Status"),
    "steps": QT_TRANSLATE_NOOP("Playground", "Steps"),
    "prompt_tokens": QT_TRANSLATE_NOOP("Playground", "Prompt tokens"),
    "completion_tokens": QT_TRANSLATE_NOOP("Playground", "Completion tokens"),
    "answer": QT_TRANSLATE_NOOP("Playground", "Answer"),
    "duration_ms": QT_TRANSLATE_NOOP("Playground", "Duration"),
    "ttft_ms": QT_TRANSLATE_NOOP("Playground", "Time to first token"),
    "tokens_per_s": QT_TRANSLATE_NOOP("Playground", "Tokens/s"),
    "tools": QT_TRANSLATE_NOOP("Playground", "Tools offered"),
    "dropped_messages": QT_TRANSLATE_NOOP("Playground", "Messages dropped"),
    "finish_reason": QT_TRANSLATE_NOOP("Playground", "Finish reason"),
    "output": QT_TRANSLATE_NOOP("Playground", "Output"),
    "query": QT_TRANSLATE_NOOP("Playground", "Query"),
    "chunks": QT_TRANSLATE_NOOP("Playground", "Chunks"),
    "scores": QT_TRANSLATE_NOOP("Playground", "Fused scores"),
    "tool": QT_TRANSLATE_NOOP("Playground", "Tool"),
    "arguments": QT_TRANSLATE_NOOP("Playground", "Arguments"),
    "consent": QT_TRANSLATE_NOOP("Playground", "Consent"),
    "http_status": QT_TRANSLATE_NOOP("Playground", "HTTP status"),
    "error": QT_TRANSLATE_NOOP("Playground", "Error"),
    "tool_output": QT_TRANSLATE_NOOP("Playground", "Tool output"),
}

CONSENT = {
    "allow_once": QT_TRANSLATE_NOOP("Playground", "allowed once"),
    "always": QT_TRANSLATE_NOOP("Playground", "always allowed"),
    "deny": QT_TRANSLATE_NOOP("Playground", "denied"),
}


def status_text(status: str) -> str:
    return _lookup(STATUSES.get(status, status))


def part_name(part: str) -> str:
    return _lookup(PARTS[part][0])


def fact_name(key: str, index: int | None = None) -> str:
    name = _lookup(FACTS.get(key, key))
    return f"{name} #{index}" if index is not None else name


def consent_text(decision: str) -> str:
    return _lookup(CONSENT.get(decision, decision))


def step_title(step: Step) -> str:
    """A step in a few words: "Retrieval", "Model call", "Tool calls: a, b"."""
    kind = step_kind(step)
    if kind == RETRIEVAL:
        return translate("Playground", "Knowledge search")
    if kind == MODEL_CALL:
        return translate("Playground", "Model call")
    names = ", ".join(c.name for c in step.function_calls())
    return translate("Playground", "Tool calls: %1").replace("%1", names)


def duration_text(ms: float | None) -> str:
    """A duration as people read it: "<1 ms", "120 ms", "2.4 s", "3 min 5 s"."""
    if ms is None:
        return "–"
    if ms < 1:
        return translate("Playground", "<1 ms")
    if ms < 1000:
        return translate("Playground", "%1 ms").replace("%1", f"{ms:.0f}")
    seconds = ms / 1000
    if seconds < 60:
        return translate("Playground", "%1 s").replace("%1", f"{seconds:.1f}")
    minutes, rest = divmod(round(seconds), 60)
    return (
        translate("Playground", "%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))
    )


def number_text(value: Any) -> str:
    """A count, a score or a rate; a dash for nothing."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def fact_text(key: str, value: Any) -> str:
    """A compared value as shown in a cell."""
    if value is None or value == "":
        return "–"
    if key in ("duration_ms", "ttft_ms"):
        return duration_text(value)
    if key == "status":
        return status_text(value)
    if key == "consent":
        return consent_text(value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) or "–"
    return number_text(value) if isinstance(value, int | float) else str(value)


def pretty_json(text: str | None) -> str:
    """JSON text indented for reading; anything else as it is."""
    if text is None:
        return ""
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text
