"""The stored objects, shaped like the Assistants API's, as plain dataclasses."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

from desktop.core.gpt import GptDefinition

RUN_ACTIVE = ("queued", "in_progress", "requires_action", "cancelling")
RUN_TERMINAL = ("cancelled", "failed", "completed", "incomplete", "expired")
STEP_TERMINAL = ("cancelled", "failed", "completed", "expired")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


Record = TypeVar("Record")


def from_row(cls: type[Record], row: sqlite3.Row, json_columns: frozenset[str]) -> Record:
    """Build a record dataclass from a row whose columns carry the fields' names."""
    values = {
        f.name: loads(row[f.name]) if f.name in json_columns else row[f.name]
        for f in fields(cls)  # type: ignore[arg-type]
    }
    return cls(**values)


@dataclass
class Gpt:
    id: str
    version: int
    definition: GptDefinition
    created_at: float
    updated_at: float
    deleted_at: float | None = None

    @property
    def name(self) -> str:
        return self.definition.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "gpt",
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "deleted_at": self.deleted_at,
            **self.definition.model_dump(mode="json"),
        }


@dataclass
class GptVersion:
    gpt_id: str
    version: int
    definition: GptDefinition
    note: str
    created_at: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "gpt_id": self.gpt_id,
            "version": self.version,
            "note": self.note,
            "created_at": self.created_at,
            "name": self.definition.name,
        }


@dataclass
class Thread:
    id: str
    gpt_id: str
    title: str
    metadata: dict[str, Any]
    active_run_id: str | None
    created_at: float
    updated_at: float
    # Set while the thread is in the trash (deleted, and can still be brought back).
    deleted_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"object": "thread", **asdict(self)}


@dataclass
class Message:
    """A chat message.

    `content` holds parts: `{"type": "text", "text": {"value": ..., "annotations": [...]}}`,
    pictures (`image_file`) and the model's reasoning (`reasoning`, see runs/reasoning.py),
    which `text` leaves out. `superseded_by` is the run that replaced the message (an
    edited question, a regenerated answer): it stays for the playground and leaves the
    conversation.
    """

    id: str
    thread_id: str
    seq: int
    role: str
    content: list[dict[str, Any]]
    status: str
    run_id: str | None
    created_at: float
    completed_at: float | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    superseded_by: str | None = None

    @property
    def text(self) -> str:
        return "".join(part["text"]["value"] for part in self.content if part.get("type") == "text")

    def to_dict(self) -> dict[str, Any]:
        return {"object": "thread.message", **asdict(self)}


def text_content(
    text: str, annotations: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Message content holding one text part."""
    return [{"type": "text", "text": {"value": text, "annotations": annotations or []}}]


@dataclass
class Run:
    id: str
    thread_id: str
    gpt_id: str
    gpt_version: int
    status: str
    model: dict[str, Any]
    instructions: str
    tool_choice: Any
    truncation_strategy: dict[str, Any]
    tools: list[dict[str, Any]]
    usage: dict[str, int] | None
    timings: dict[str, Any]
    last_error: dict[str, Any] | None
    required_action: dict[str, Any] | None
    incomplete_details: dict[str, Any] | None
    owner: str
    created_at: float
    started_at: float | None = None
    completed_at: float | None = None
    cancelled_at: float | None = None
    failed_at: float | None = None
    # What the run changed from its GPT (`overrides`) and the run it repeats (`again_of`).
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("owner")
        return {"object": "thread.run", **data}


@dataclass
class RunStep:
    id: str
    run_id: str
    thread_id: str
    seq: int
    type: str
    status: str
    step_details: dict[str, Any]
    usage: dict[str, int] | None
    timings: dict[str, Any]
    last_error: dict[str, Any] | None
    created_at: float
    completed_at: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"object": "thread.run.step", **asdict(self)}
