"""A conversation exported as JSON (complete, and importable again) or as Markdown (to read).

The JSON keeps every message's content parts as stored (text with its citations,
reasoning, pictures) and its attachments; `import_thread` makes a new thread of the same
GPT from it. The Markdown is for people: each message under its author, the reasoning
folded away in a `<details>` block, citations listed under the answer. Its words come
from `MarkdownLabels`, which a front end fills in its own language.

Runs on any thread; reading and importing touch the store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.core import errors
from desktop.core.runs.reasoning import reasoning_of
from desktop.core.store import Store
from desktop.core.store.records import Message, Thread

FORMAT = "capsule-studio.thread"
VERSION = 1
# An exported file larger than this is not read back (it is not one of ours).
MAX_IMPORT_BYTES = 64 * 1024 * 1024


class ExportedMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    role: Literal["user", "assistant"]
    content: list[dict[str, Any]]
    attachments: list[dict[str, Any]] = Field(default_factory=list)
    status: str = "completed"
    created_at: float | None = None

    @property
    def text(self) -> str:
        return "".join(str(p["text"]["value"]) for p in self.content if p.get("type") == "text")


class ThreadExport(BaseModel):
    """One conversation, as written to (and read from) a `.json` export."""

    model_config = ConfigDict(extra="ignore")

    format: Literal["capsule-studio.thread"] = "capsule-studio.thread"
    version: int = VERSION
    title: str = ""
    gpt: dict[str, Any] = Field(default_factory=dict)
    created_at: float | None = None
    exported_at: float | None = None
    messages: list[ExportedMessage] = Field(default_factory=list)

    @classmethod
    def of(cls, store: Store, thread_id: str) -> ThreadExport:
        """The thread as it stands (edited-away messages left out), with its GPT's name."""
        thread = store.threads.get(thread_id)
        gpt = store.gpts.get(thread.gpt_id, include_deleted=True)
        return cls(
            title=thread.title,
            gpt={"id": gpt.id, "name": gpt.name},
            created_at=thread.created_at,
            exported_at=datetime.now(UTC).timestamp(),
            messages=[_exported(m) for m in store.threads.messages(thread_id, current=True)],
        )

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ThreadExport:
        """Read an export back; a file that is not one gets a clear error."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise errors.ValidationError(
                errors.said("The file is not JSON ({reason}).", reason=exc)
            ) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise errors.ValidationError(
                errors.said(
                    "The file is not a Capsule Studio conversation: export one from the chat."
                )
            )
        if not isinstance(data.get("version"), int) or data["version"] > VERSION:
            raise errors.ValidationError(
                errors.said(
                    "The conversation was exported by a newer Capsule Studio (format "
                    "{version}); update Capsule Studio to read it.",
                    version=repr(data.get("version")),
                )
            )
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            raise errors.ValidationError(
                errors.said(
                    "The conversation file is damaged: {problems}",
                    problems="; ".join(problems[:3]),
                ),
                problems,
            ) from None

    def to_markdown(self, labels: MarkdownLabels | None = None) -> str:
        return markdown(self, labels or MarkdownLabels())


@dataclass(frozen=True)
class MarkdownLabels:
    """The words of a Markdown export; `%1` stands for the value put in."""

    you: str = "You"
    assistant: str = "Assistant"
    thought: str = "Thought for %1 s"
    sources: str = "Sources"
    page: str = "page %1"
    attached: str = "Attached: %1"
    picture: str = "Picture: %1"
    exported: str = "Exported from Capsule Studio on %1."


def export_thread(
    store: Store, thread_id: str, path: Path, labels: MarkdownLabels | None = None
) -> Path:
    """Write the thread to `path`: Markdown for `.md`/`.markdown`, JSON otherwise."""
    export = ThreadExport.of(store, thread_id)
    markdown_file = path.suffix.lower() in (".md", ".markdown")
    text = export.to_markdown(labels) if markdown_file else export.to_json()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise errors.ValidationError(
            errors.said(
                "Cannot write {path}: {reason}. Choose another place.",
                path=path,
                reason=exc.strerror or exc,
            )
        ) from None
    return path


def import_thread(store: Store, gpt_id: str, path: Path) -> Thread:
    """A new thread of `gpt_id` holding an exported conversation's messages."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise errors.ValidationError(
                errors.said("{name} is too large to be a conversation.", name=path.name)
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.ValidationError(
            errors.said("Cannot read {path}: {reason}.", path=path, reason=exc)
        ) from None
    export = ThreadExport.from_json(text)
    store.gpts.get(gpt_id)
    with store.transaction() as tx:
        thread = tx.threads.create(gpt_id, title=export.title)
        for message in export.messages:
            tx.threads.add_message(
                thread.id, message.role, message.content, message.status, None, message.attachments
            )
    return store.threads.get(thread.id)


def _exported(message: Message) -> ExportedMessage:
    return ExportedMessage(
        role=message.role,  # type: ignore[arg-type]
        content=message.content,
        attachments=message.attachments,
        status=message.status,
        created_at=message.created_at,
    )


# -- Markdown ---------------------------------------------------------------------------------


def markdown(export: ThreadExport, labels: MarkdownLabels) -> str:
    name = str(export.gpt.get("name") or labels.assistant)
    when = datetime.fromtimestamp(export.exported_at or 0, UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [f"# {export.title or name}", "", f"*{labels.exported.replace('%1', when)}*", ""]
    for message in export.messages:
        out += [f"## {labels.you if message.role == 'user' else name}", ""]
        out += _message_lines(message, labels)
    return "\n".join(out).rstrip() + "\n"


def _message_lines(message: ExportedMessage, labels: MarkdownLabels) -> list[str]:
    out: list[str] = []
    reasoning, duration = reasoning_of(message.content)
    if reasoning.strip():
        seconds = f"{(duration or 0) / 1000:.0f}"
        out += ["<details>", f"<summary>{labels.thought.replace('%1', seconds)}</summary>", ""]
        out += [f"> {line}" if line else ">" for line in reasoning.strip().splitlines()]
        out += ["", "</details>", ""]
    for part in message.content:
        if part.get("type") == "image_file":
            name = str(part["image_file"].get("file_id", ""))
            out += [f"![{labels.picture.replace('%1', name)}]({_link(name)})", ""]
    if message.text.strip():
        out += [message.text.strip(), ""]
    out += _sources(message, labels)
    if message.attachments:
        names = ", ".join(str(a.get("name") or a.get("file_id")) for a in message.attachments)
        out += [f"*{labels.attached.replace('%1', names)}*", ""]
    return out


def _sources(message: ExportedMessage, labels: MarkdownLabels) -> list[str]:
    """The answer's citations as a list: `[1] file, page 3: "quote"` or a linked title."""
    lines: list[str] = []
    seen: set[str] = set()
    for part in message.content:
        if part.get("type") != "text":
            continue
        for note in part["text"].get("annotations") or []:
            mark = str(note.get("text", ""))
            if mark in seen:
                continue
            seen.add(mark)
            if note.get("type") == "file_citation":
                cited = note["file_citation"]
                page = cited.get("page")
                where = f", {labels.page.replace('%1', str(page))}" if page else ""
                quote = " ".join(str(cited.get("quote") or "").split())
                lines.append(f"- {mark} {cited.get('file', '')}{where}: “{quote}”")
            elif note.get("type") == "url_citation":
                cited = note["url_citation"]
                lines.append(f"- [{cited.get('title') or cited['url']}]({cited['url']})")
    return [f"**{labels.sources}**", "", *lines, ""] if lines else []


def _link(name: str) -> str:
    return name.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
