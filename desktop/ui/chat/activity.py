"""Tool activity in words: one compact line per call, and its details when expanded.

"Searched knowledge: 5 results", "getWeather → 200 OK in 120 ms", "Ran code: 1 plot".
The details are Markdown (arguments and outputs as JSON code blocks, the code that ran),
rendered like a message. GUI thread (the words are translated here).
"""

from __future__ import annotations

import json
from http import HTTPStatus

from PySide6.QtCore import QCoreApplication

from desktop.core.runs.steps import FunctionCall, RetrievalCall, Step
from desktop.core.runs.toolrecords import CodeRun
from desktop.ui.errors import stored_text

translate = QCoreApplication.translate  # named so: lupdate reads `translate("Context", ...)`

# Characters of a tool's output shown in its details; the playground shows it whole.
MAX_DETAIL_CHARS = 2000
# Characters of each retrieved excerpt in a search's details.
EXCERPT_CHARS = 160


def lines_of(step: Step) -> list[str]:
    """One line for each call of a tool step (a knowledge search, a function call)."""
    if step.type != "tool_calls":
        return []
    return [
        _retrieval_line(call, step.status) if isinstance(call, RetrievalCall) else call_line(call)
        for call in step.details.tool_calls  # type: ignore[union-attr]
    ]


def details_of(step: Step, number: int) -> str:
    """The details of the step's call `number`, as Markdown (shown when its line opens)."""
    call = step.details.tool_calls[number]  # type: ignore[union-attr]
    return _retrieval_details(call) if isinstance(call, RetrievalCall) else call_details(call)


def _retrieval_line(call: RetrievalCall, status: str) -> str:
    if status == "in_progress":
        return translate("ChatActivity", "Searching knowledge…")
    return _counted(
        len(call.retrieval.results),
        translate("ChatActivity", "Searched knowledge: 1 result"),
        translate("ChatActivity", "Searched knowledge: %1 results"),
    )


def _retrieval_details(call: RetrievalCall) -> str:
    rows = []
    for rank, chunk in enumerate(call.retrieval.results, 1):
        page = translate("ChatActivity", "page %1").replace("%1", str(chunk.page))
        where = f", {page}" if chunk.page else ""
        excerpt = " ".join(chunk.text.split())[:EXCERPT_CHARS]
        rows.append(f"{rank}. **{_md(chunk.file)}**{where} · {chunk.score:.3f}  \n{_md(excerpt)}")
    query = translate("ChatActivity", "Query: %1").replace("%1", _md(call.retrieval.query))
    return "\n\n".join([query, *rows])


def call_line(call: FunctionCall) -> str:
    """One line on one call: what it did and how it ended."""
    if call.consent is not None and call.consent.decision == "deny":
        return (
            translate("ChatActivity", "%1: not allowed to reach %2")
            .replace("%1", call.name)
            .replace("%2", call.consent.domain)
        )
    builtin = _builtin_line(call)
    if builtin:
        return builtin
    if not call.answered and call.error is None:
        return translate("ChatActivity", "Calling %1…").replace("%1", call.name)
    if call.error is not None:
        return (
            translate("ChatActivity", "%1 failed: %2")
            .replace("%1", call.name)
            .replace("%2", stored_text(call.error))
        )
    http = call.http
    if http is not None and http.status is not None:
        return (
            translate("ChatActivity", "%1 → %2 in %3 ms")
            .replace("%1", call.name)
            .replace("%2", f"{http.status} {_reason(http.status)}".strip())
            .replace("%3", f"{http.duration_ms:.0f}")
        )
    return translate("ChatActivity", "Called %1").replace("%1", call.name)


def _builtin_line(call: FunctionCall) -> str:
    """The line of code run, a web page read, a search or a picture ('' for other calls)."""
    if call.code_interpreter is not None:
        return _code_line(call.code_interpreter, call)
    if call.web_browsing is not None:
        browsing = call.web_browsing
        if browsing.action == "search":
            return _counted(
                len(browsing.sources),
                translate("ChatActivity", "Searched the web: 1 result"),
                translate("ChatActivity", "Searched the web: %1 results"),
            )
        where = browsing.final_url or browsing.url or ""
        return translate("ChatActivity", "Read %1").replace("%1", browsing.title or where)
    if call.image_generation is not None:
        return _counted(
            len(call.image_generation.images),
            translate("ChatActivity", "Made 1 image"),
            translate("ChatActivity", "Made %1 images"),
        )
    return ""


def _code_line(code: CodeRun, call: FunctionCall) -> str:
    if not call.answered and call.error is None:
        return translate("ChatActivity", "Running code…")
    if call.error is not None or any(o.type == "error" for o in code.outputs):
        return translate("ChatActivity", "Ran code: it failed")
    plots = len(call.images or [])
    files = sum(len(o.files or []) for o in code.outputs if o.type == "files")
    parts = []
    if plots:
        parts.append(
            _counted(
                plots,
                translate("ChatActivity", "1 plot"),
                translate("ChatActivity", "%1 plots"),
            )
        )
    if files:
        parts.append(
            _counted(
                files,
                translate("ChatActivity", "1 file"),
                translate("ChatActivity", "%1 files"),
            )
        )
    return (
        translate("ChatActivity", "Ran code: %1").replace("%1", ", ".join(parts))
        if parts
        else translate("ChatActivity", "Ran code")
    )


def call_details(call: FunctionCall) -> str:
    """What a call was given and what came back, as Markdown."""
    parts = []
    if call.code_interpreter is not None:
        parts.append(_fenced(call.code_interpreter.input, "python"))
        for output in call.code_interpreter.outputs:
            if output.logs:
                parts.append(_fenced(_cut(output.logs), "text"))
            if output.error:
                parts.append(
                    _fenced(_cut(str(output.error.get("traceback") or output.error)), "text")
                )
    else:
        parts.append(translate("ChatActivity", "Arguments:"))
        parts.append(_fenced(_pretty(call.arguments), "json"))
    http = call.http
    if http is not None:
        size = f", {http.response_bytes} B" if http.response_bytes is not None else ""
        status = http.status if http.status is not None else "—"
        parts.append(f"`{http.method} {http.url}` → {status} ({http.duration_ms:.0f} ms{size})")
    if call.consent is not None:
        parts.append(
            translate("ChatActivity", "Consent for %1: %2")
            .replace("%1", call.consent.domain)
            .replace("%2", call.consent.decision)
        )
    if call.error is not None:
        parts.append(
            translate("ChatActivity", "Error: %1").replace("%1", _md(stored_text(call.error)))
        )
    elif call.output is not None and call.code_interpreter is None:
        parts.append(translate("ChatActivity", "Output:"))
        parts.append(_fenced(_cut(_pretty(call.output)), "json"))
    return "\n\n".join(parts)


def _counted(count: int, one: str, many: str) -> str:
    """`one` for a count of 1, `many` (with %1) otherwise: English has two forms, Chinese one."""
    return one if count == 1 else many.replace("%1", str(count))


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _pretty(text: str) -> str:
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except (TypeError, ValueError):
        return text


def _cut(text: str) -> str:
    if len(text) <= MAX_DETAIL_CHARS:
        return text
    return (
        text[:MAX_DETAIL_CHARS]
        + "\n"
        + translate("ChatActivity", "… (cut here; the playground shows it all)")
    )


def _fenced(text: str, language: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{language}\n{text}\n{fence}"


_ESCAPED = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]()#+-.!|<>"})


def _md(text: str) -> str:
    """Text safe to put in Markdown as it is."""
    return text.translate(_ESCAPED)
