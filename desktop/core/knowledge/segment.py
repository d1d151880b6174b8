"""Word segmentation for keyword search, the same at index and at query time.

BM25 needs words; Chinese has no spaces between them. jieba's search mode splits
知识库 into 知识 and 知识库 as well, so a query for either finds it. Latin text passes
through as its words. The result is lower-cased words joined by single spaces.
"""

from __future__ import annotations

import logging
import re
import threading

import jieba

_lock = threading.Lock()
_SPACE = re.compile(r"\s+")
_WORDLESS = re.compile(r"^\W+$")


def _tokenizer() -> jieba.Tokenizer:
    with _lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)  # it announces its dictionary on stderr
            jieba.initialize()
    return jieba.dt


def terms(text: str) -> str:
    """Space-separated search terms of `text` (punctuation dropped)."""
    words = _tokenizer().cut_for_search(_SPACE.sub(" ", text.lower()))
    return " ".join(w for w in words if w.strip() and not _WORDLESS.match(w))
