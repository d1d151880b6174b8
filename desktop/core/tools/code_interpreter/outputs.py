"""What one execution produced (logs, images, an error, files) and how the model reads it.

`Collector` takes the kernel's iopub messages for one execution, on the executing thread;
`Execution` is the frozen result: `text()` for the model, `record()` for the run step in
the shape the Assistants API gave its code interpreter.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.threadfiles import FileEntry

LOG_LIMIT = 1_000_000  # characters of logs kept per execution: the first and last half
MODEL_CHARS = 16_000  # characters of logs (and as many of a traceback) the model reads
TRACEBACK_CHARS = 3_000  # the end of a chained traceback: the final error and the cell
IMAGE_SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/svg+xml": ".svg"}
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_OVERWRITTEN = re.compile(r"[^\n]*\r(?!\n)")  # a progress line rewritten in place

SaveImage = Callable[[bytes, str], str]  # (data, suffix) -> the file's name in the thread


@dataclass(frozen=True)
class KernelError:
    """An exception the code raised: its type name, message and readable traceback."""

    name: str
    value: str
    traceback: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "traceback": self.traceback}


@dataclass(frozen=True)
class Image:
    """A picture the code displayed, saved into the thread's folder."""

    name: str
    mime: str


@dataclass(frozen=True)
class Execution:
    """The outcome of one call: `outcome` is ok, error, timeout, cancelled, killed or died."""

    code: str
    outcome: str
    logs: str = ""
    logs_cut: int = 0  # characters of logs not kept (beyond LOG_LIMIT)
    images: tuple[Image, ...] = ()
    error: KernelError | None = None
    files: tuple[FileEntry, ...] = ()
    notes: tuple[str, ...] = ()
    kernel_started: bool = False
    duration_ms: int = 0
    limits: Mapping[str, Any] = field(default_factory=dict)
    protection: Mapping[str, Any] = field(default_factory=dict)

    def text(self, max_chars: int = MODEL_CHARS) -> str:
        """What the model reads: output, error, pictures and files made, then notes."""
        parts = []
        if self.logs:
            parts.append(cut_middle(self.logs, max_chars, self.logs_cut))
        if self.error is not None:
            trace = self.error.traceback or f"{self.error.name}: {self.error.value}"
            parts.append("Error:\n" + cut_start(trace, TRACEBACK_CHARS))
        if self.images:
            names = ", ".join(image.name for image in self.images)
            parts.append(f"Images shown to the user: {names}")
        if self.files:
            listed = ", ".join(f"{f.name} ({_size(f.size)})" for f in self.files)
            parts.append(f"Files made or changed in the working folder: {listed}")
        parts.extend(f"Note: {note}" for note in self.notes)
        if not parts:
            parts.append("(The code ran and printed nothing.)")
        return "\n\n".join(parts)

    def outputs(self) -> list[dict[str, Any]]:
        """Logs, images, the error, files made, then notes (limits hit, a lost session)."""
        found: list[dict[str, Any]] = []
        if self.logs:
            found.append({"type": "logs", "logs": self.logs})
        found.extend(
            {"type": "image", "image": {"name": i.name, "mime": i.mime}} for i in self.images
        )
        if self.error is not None:
            found.append({"type": "error", "error": self.error.to_dict()})
        if self.files:
            found.append({"type": "files", "files": [f.to_dict() for f in self.files]})
        found.extend({"type": "note", "text": note} for note in self.notes)
        return found

    def record(self) -> dict[str, Any]:
        """The run step's `code_interpreter` section."""
        return {
            "input": self.code,
            "outputs": self.outputs(),
            "kernel": {
                "started": self.kernel_started,
                "duration_ms": self.duration_ms,
                "outcome": self.outcome,
            },
            "limits": dict(self.limits),
            "protection": dict(self.protection),
        }


class Collector:
    """Gathers one execution's iopub messages, in order. Images are saved as they come."""

    def __init__(self, save_image: SaveImage, limit: int = LOG_LIMIT) -> None:
        self.images: list[Image] = []
        self.error: KernelError | None = None
        self._save_image = save_image
        self._log = _Log(limit)

    def add(self, kind: str, content: Mapping[str, Any]) -> None:
        if kind == "stream":
            self._log.add(str(content.get("text", "")))
        elif kind in ("execute_result", "display_data"):
            self._display(content.get("data") or {})
        elif kind == "error":
            self.error = KernelError(
                name=str(content.get("ename", "")),
                value=str(content.get("evalue", "")),
                traceback=strip_ansi("\n".join(content.get("traceback") or [])),
            )
        elif kind == "clear_output":
            self._log.clear()

    def logs(self) -> tuple[str, int]:
        """The logs kept (ANSI codes and overwritten progress lines removed), and the cut."""
        text, cut = self._log.text()
        return _OVERWRITTEN.sub("", strip_ansi(text)), cut

    def _display(self, data: Mapping[str, Any]) -> None:
        mime = next((m for m in IMAGE_SUFFIXES if m in data), None)
        if mime is None:
            if "text/plain" in data:
                self._log.add(str(data["text/plain"]) + "\n")
            return
        raw = data[mime]
        try:
            body = raw.encode() if mime == "image/svg+xml" else base64.b64decode(raw)
        except (binascii.Error, ValueError, AttributeError):
            self._log.add(f"[an image ({mime}) could not be read]\n")
            return
        self.images.append(Image(self._save_image(body, IMAGE_SUFFIXES[mime]), mime))


class _Log:
    """Text kept up to a limit: the first half, and the most recent half after that."""

    def __init__(self, limit: int) -> None:
        self.half = limit // 2
        self.head: list[str] = []
        self.head_size = 0
        self.tail: deque[str] = deque()
        self.tail_size = 0
        self.cut = 0

    def add(self, text: str) -> None:
        room = self.half - self.head_size
        if room > 0:
            self.head.append(text[:room])
            self.head_size += min(room, len(text))
            text = text[room:]
        if not text:
            return
        if len(text) > self.half:
            self.cut += len(text) - self.half
            text = text[-self.half :]
        self.tail.append(text)
        self.tail_size += len(text)
        while self.tail_size - len(self.tail[0]) >= self.half:
            self.cut += len(self.tail[0])
            self.tail_size -= len(self.tail.popleft())

    def clear(self) -> None:
        self.head, self.tail = [], deque()
        self.head_size = self.tail_size = self.cut = 0

    def text(self) -> tuple[str, int]:
        head, tail = "".join(self.head), "".join(self.tail)
        if self.cut:
            return f"{head}\n[cut: {self.cut} characters]\n{tail}", self.cut
        return head + tail, 0


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def cut_middle(text: str, max_chars: int, already_cut: int = 0) -> str:
    """`text` within `max_chars`: its start and end, with a note of what was left out."""
    if len(text) <= max_chars:
        return text
    keep = max_chars // 2
    left = len(text) - 2 * keep + already_cut
    return f"{text[:keep]}\n[cut: {left} more characters]\n{text[-keep:]}"


def cut_start(text: str, max_chars: int) -> str:
    """The end of `text` (where a traceback names the error) within `max_chars`."""
    if len(text) <= max_chars:
        return text
    return f"[cut: {len(text) - max_chars} more characters]\n{text[-max_chars:]}"


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
