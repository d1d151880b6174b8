"""Where a query's words occur in a retrieved chunk, so a front end can highlight them."""

from __future__ import annotations

import re

from desktop.core.segment import terms

# A one-letter Latin word ("a", "I") would mark half a page; a single Han character is a word.
_SHORT_LATIN = re.compile(r"^[^\W\d_]$", re.ASCII)


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """The `(start, end)` character ranges of `text` that hold the query's search terms.

    The terms are the ones keyword search uses (words, and for Chinese the segmenter's
    words), matched without regard to case; overlapping and touching ranges are merged.
    Runs on any thread.
    """
    words = {w for w in terms(query).split() if not _SHORT_LATIN.match(w)}
    if not words or not text:
        return []
    # Longest first, so that "知识库" wins over "知识" where both match at one place.
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    spans: list[tuple[int, int]] = []
    for found in pattern.finditer(text):
        start, end = found.span()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
