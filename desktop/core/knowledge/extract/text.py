"""Plain text in any common encoding, and JSON flattened into 'path.to.key: value' lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from desktop.core.knowledge.extract.common import (
    CHARS_PER_SECTION,
    decode_text,
    read_limited,
)
from desktop.core.knowledge.extract.errors import corrupt
from desktop.core.knowledge.types import Extraction, Section


def extract_text(path: Path, max_bytes: int) -> Extraction:
    """The file as one section, decoded by BOM, UTF-8, or charset-normalizer's guess."""
    text = decode_text(read_limited(path, max_bytes), path.name)
    return Extraction([Section(text)] if text.strip() else [])


def extract_json(path: Path, max_bytes: int) -> Extraction:
    """One line per leaf value ('servers[0].url: https://...'), in sections by top-level key."""
    text = decode_text(read_limited(path, max_bytes), path.name)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise corrupt(path.name, "JSON", exc) from None
    return Extraction(_sections(flatten(document)))


def flatten(document: object) -> Iterator[tuple[str, str]]:
    """(path, value) for every leaf, depth first, in document order.

    Iterative, so that a deeply nested document cannot overflow the stack here.
    """
    stack: list[tuple[str, object]] = [("", document)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            children = [(f"{path}.{key}" if path else str(key), v) for key, v in node.items()]
            stack.extend(reversed(children))
        elif isinstance(node, list):
            stack.extend(reversed([(f"{path}[{i}]", v) for i, v in enumerate(node)]))
        else:
            yield path or "value", _scalar(node)


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    return json.dumps(value)


def _top(path: str) -> str:
    """The first step of a path: 'a' of 'a.b[2]', '[3]' of '[3].name'."""
    if path.startswith("["):
        return path[: path.index("]") + 1]
    cut = min((i for i in (path.find("."), path.find("[")) if i > 0), default=len(path))
    return path[:cut]


def _sections(leaves: Iterator[tuple[str, str]]) -> list[Section]:
    sections: list[Section] = []
    lines: list[str] = []
    tops: list[str] = []
    size = 0
    for path, value in leaves:
        line = f"{path}: {value}"
        if lines and size + len(line) > CHARS_PER_SECTION:
            sections.append(_section(lines, tops))
            lines, tops, size = [], [], 0
        lines.append(line)
        size += len(line) + 1
        top = _top(path)
        if not tops or tops[-1] != top:
            tops.append(top)
    if lines:
        sections.append(_section(lines, tops))
    return sections


def _section(lines: list[str], tops: list[str]) -> Section:
    location = tops[0] if len(tops) == 1 else f"{tops[0]} to {tops[-1]}"
    return Section("\n".join(lines), location=location)
