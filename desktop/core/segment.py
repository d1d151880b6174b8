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
# Runs of Han, Kana or Hangul go through jieba; everything else is split into words by a
# regex, which gives the same words for Latin text at a fraction of jieba's cost.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_WORD = re.compile(r"\w+")


def _tokenizer() -> jieba.Tokenizer:
    with _lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)  # it announces its dictionary on stderr
            jieba.initialize()
    return jieba.dt


def terms(text: str) -> str:
    """Space-separated search terms of `text` (punctuation dropped)."""
    text = text.lower()
    words: list[str] = []
    at = 0
    for run in _CJK_RUN.finditer(text):
        words += _WORD.findall(text, at, run.start())
        words += (w for w in _tokenizer().cut_for_search(run.group()) if w.strip())
        at = run.end()
    words += _WORD.findall(text, at)
    return " ".join(words)
