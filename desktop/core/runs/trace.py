"""A run's full trace as one JSON file: the run, its typed steps, its messages, its history.

`export_trace` gathers it from the store, `write_trace` saves it (whole or not at all) and
`read_trace` reads it back into a `RunTimeline`, equal to the stored one (`to_dict()`),
so a trace can be inspected elsewhere. Runs on any thread; files are read and written on
the caller's (a worker in the GUI).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError

import desktop
from desktop.core import errors
from desktop.core.ids import now
from desktop.core.runs.history import earlier
from desktop.core.runs.steps import Step
from desktop.core.runs.timeline import RunTimeline, message_from_dict, run_from_dict
from desktop.core.store import Store
from desktop.core.store.records import Message

FORMAT = "capsule-studio/run-trace"
VERSION = 1
SUFFIX = ".json"
# A trace larger than this is not one we wrote (a run's prompts are big, not this big).
MAX_TRACE_BYTES = 512 * 1024 * 1024


@dataclass
class Trace:
    """A run as read back from its trace: the timeline, the history it saw, where it is from."""

    timeline: RunTimeline
    gpt: dict[str, Any] = field(default_factory=dict)
    thread: dict[str, Any] = field(default_factory=dict)
    history: list[Message] = field(default_factory=list)
    exported_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The trace's JSON form (what `write_trace` saves)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "app_version": desktop.__version__,
            "exported_at": self.exported_at,
            "gpt": self.gpt,
            "thread": self.thread,
            "history": [m.to_dict() for m in self.history],
            **self.timeline.to_dict(),
        }


def export_trace(store: Store, run_id: str) -> Trace:
    """The run as stored now, with its GPT's name and version and the history it saw.

    Raises:
        errors.UnknownRunError: no such run.
    """
    timeline = RunTimeline.load(store, run_id)
    run = timeline.run
    assert run is not None
    thread = store.threads.get(run.thread_id)
    history = earlier(store.threads.messages(run.thread_id), timeline)
    name = store.gpts.version(run.gpt_id, run.gpt_version).definition.name
    return Trace(
        timeline,
        gpt={"id": run.gpt_id, "name": name, "version": run.gpt_version},
        thread={"id": thread.id, "title": thread.title},
        history=history,
        exported_at=now(),
    )


def write_trace(store: Store, run_id: str, path: Path) -> Path:
    """Save the run's trace to `path` (a `.json` is added when it has no suffix).

    The file is written beside its target and renamed into place, so a failure leaves
    no half-written trace.

    Raises:
        errors.UnknownRunError: no such run.
        errors.ValidationError: the folder cannot be written (said why).
    """
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    text = json.dumps(export_trace(store, run_id).to_dict(), ensure_ascii=False, indent=2)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".trace-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise errors.ValidationError(
            errors.said(
                "Cannot save the trace to {path}: {reason}. Choose another folder.",
                path=path,
                reason=exc.strerror or exc,
            )
        ) from None
    return path


def read_trace(path: Path) -> Trace:
    """Read a trace file back.

    Raises:
        errors.ValidationError: the file cannot be read, is not a run trace, is from a
            newer Capsule Studio, or is damaged; the message says which.
    """
    try:
        if path.stat().st_size > MAX_TRACE_BYTES:
            raise errors.ValidationError(
                errors.said("{name} is too large to be a run trace.", name=path.name)
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise errors.ValidationError(
            errors.said("Cannot read {name}: it is not UTF-8 text.", name=path.name)
        ) from None
    except OSError as exc:
        raise errors.ValidationError(
            errors.said("Cannot read {name}: {reason}.", name=path.name, reason=exc.strerror or exc)
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise errors.ValidationError(
            errors.said(
                "{name} is not JSON (line {line}, column {column}: {problem}); "
                "choose a trace exported from the playground.",
                name=path.name,
                line=exc.lineno,
                column=exc.colno,
                problem=exc.msg,
            )
        ) from None
    return trace_from_dict(data, path.name)


def trace_from_dict(data: Any, name: str = "The file") -> Trace:
    """A trace from its JSON form; see `read_trace` for what is refused."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise errors.ValidationError(
            errors.said(
                "{name} is not a run trace; choose a file exported from the playground.",
                name=name,
            )
        )
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise errors.ValidationError(
            errors.said(
                "{name} was written by a newer Capsule Studio (trace version {version}); "
                "update Capsule Studio to open it.",
                name=name,
                version=version,
            )
        )
    try:
        timeline = RunTimeline(
            run_from_dict(data["run"]),
            [Step.from_dict(s) for s in data["steps"]],
            [message_from_dict(m) for m in data["messages"]],
        )
        history = [message_from_dict(m) for m in data.get("history", [])]
    except (KeyError, TypeError, AttributeError, PydanticError) as exc:
        raise errors.ValidationError(
            errors.said(
                "{name} is a damaged run trace ({problem}); export it again.",
                name=name,
                problem=f"{type(exc).__name__}: {exc}",
            )
        ) from None
    return Trace(
        timeline,
        gpt=dict(data.get("gpt") or {}),
        thread=dict(data.get("thread") or {}),
        history=history,
        exported_at=data.get("exported_at"),
    )
