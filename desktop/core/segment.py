"""Word segmentation for keyword search, the same at index and at query time.

BM25 needs words; Chinese has no spaces between them. jieba's search mode splits
知识库 into 知识 and 知识库 as well, so a query for either finds it. Latin text passes
through as its words. The result is lower-cased words joined by single spaces.

Traditional characters are turned into Simplified ones first (OpenCC's t2s), for the
search terms only: jieba's dictionary is Simplified, so Traditional text was cut into
single characters and lost most of its words, and a query in one script now finds a
passage written in the other. `TERMS_VERSION` names this recipe; an index built with an
older one recomputes its terms (see knowledge.index).
"""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba
    import opencc

TERMS_VERSION = 2  # 1: jieba search mode; 2: Traditional folded to Simplified first

_lock = threading.Lock()
_converter: opencc.OpenCC | None = None
# Runs of Han, Kana or Hangul go through jieba; everything else is split into words by a
# regex, which gives the same words for Latin text at a fraction of jieba's cost.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_WORD = re.compile(r"\w+")


def _tokenizer() -> jieba.Tokenizer:
    # Imported on first use: jieba (with pkg_resources) adds ~140 ms to the app's start.
    import jieba  # noqa: PLC0415

    with _lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)  # it announces its dictionary on stderr
            jieba.initialize()
    return jieba.dt


def _simplified(text: str) -> str:
    global _converter  # noqa: PLW0603 (one converter per process, built on first use)
    if _converter is None:
        with _lock:
            if _converter is None:
                import opencc  # noqa: PLC0415 (see _tokenizer)

                _converter = opencc.OpenCC("t2s")
    return str(_converter.convert(text))


def terms(text: str) -> str:
    """Space-separated search terms of `text` (punctuation dropped). Any thread."""
    text = text.lower()
    if _CJK_RUN.search(text):
        text = _simplified(text)
    words: list[str] = []
    at = 0
    for run in _CJK_RUN.finditer(text):
        words += _WORD.findall(text, at, run.start())
        words += (w for w in _tokenizer().cut_for_search(run.group()) if w.strip())
        at = run.end()
    words += _WORD.findall(text, at)
    return " ".join(words)
