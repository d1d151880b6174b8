"""What a citation in an answer points at: the excerpt, where it is from, and its score.

An answer's `[n]` carries a `file_citation` annotation (file, page, chunk id, the first
words); the run's retrieval step holds the whole excerpt, its scores and the query. The
source panel shows the excerpt with the query's words marked. Pure; any thread (the
first segmentation of Chinese loads jieba's dictionary, so call it off the GUI thread).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.runs.steps import Chunk
from desktop.core.segment import terms

# Query words shorter than this (Latin letters) are too common to be worth marking.
MIN_WORD = 3


@dataclass(frozen=True)
class CitedSource:
    """One cited excerpt, ready to show: `spans` are the marked (start, end) of `text`."""

    number: int
    file: str
    file_id: str
    page: int | None
    location: str
    text: str
    score: float | None
    scores: dict[str, float] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)


def cited(annotation: dict[str, Any], sources: list[Chunk], query: str, number: int) -> CitedSource:
    """The excerpt a `file_citation` annotation names, found among the run's `sources`."""
    cite = annotation.get("file_citation") or {}
    chunk_id = cite.get("chunk_id")
    found = next((s for s in sources if chunk_id and s.id == chunk_id), None)
    if found is None and 1 <= number <= len(sources):
        found = sources[number - 1]
    text = found.text if found is not None else str(cite.get("quote") or "")
    return CitedSource(
        number=number,
        file=str(cite.get("file") or (found.file if found else "")),
        file_id=str(cite.get("file_id") or (found.file_id if found else "")),
        page=cite.get("page") if cite.get("page") is not None else (found.page if found else None),
        location=found.location if found is not None else "",
        text=text,
        score=found.score if found is not None else None,
        scores=dict(found.scores) if found is not None else {},
        spans=matches(text, query),
    )


def matches(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in `text` (any case), as sorted, merged spans."""
    words = {w for w in terms(query).split() if _worth_marking(w)}
    if not words or not text:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _worth_marking(word: str) -> bool:
    if word.isascii():
        return len(word) >= MIN_WORD
    return len(word) >= 2 or not word.isalnum()
