"""A fast, model-free token estimate used to size chunks: `approx_tokens`.

The estimate imitates subword tokenizers (BPE, WordPiece) closely enough to size chunks
without loading a model:

- every CJK character (Han, Kana, Hangul, Bopomofo, CJK and fullwidth punctuation and
  forms) is one token, except that every third Han character in a row is free: a run of
  n Han characters is n - n // 3 tokens, 1.5 characters a token. Current tokenizers pack
  Chinese tighter than one token a character; measured on the CMRC (Simplified) and DRCD
  (Traditional) Wikipedia passages: Qwen2, the tokenizer of the catalog's Chinese models,
  1.39 and 1.21 characters a token, DeepSeek 1.36 and 0.85, Llama 3 1.17 and 1.08.
  Counting each character whole made a 400-token chunk a third of a Wikipedia passage's
  worth of Chinese, and split passages lost answers to their other halves;
- a run of other letters and digits (a word or a number) is one token per started group of
  four characters: "the" is 1, "token" 2, "tokenizer" 3;
- any other visible character (punctuation, symbols, emoji, underscore, combining marks) is
  one token;
- whitespace is free.

On English prose this runs higher: about 1.75 tokens per word, 3.6 characters per token on
the GPL-3 text, where GPT-style BPE takes about 4 characters per token. Chunks sized by it
therefore err on the small side, which keeps them inside an embedding model's window.
Scripts written with combining marks (Devanagari, Thai vowels) are overcounted too.

The count is subadditive: counting a text never gives more than counting its parts and
adding up, so a chunk packed from pieces whose counts add up to at most N counts at most N.
It is a pure function of the text (no locale, no state) and runs as two regular-expression
passes, about 0.07 s per MB of mixed text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TokenCounter = Callable[[str], int]
"""Counts the tokens in a text; `approx_tokens` or a model's own tokenizer."""

# U+3000 (ideographic space) is whitespace and stays out: whitespace is free.
CJK_CHARS = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u2e80-\u2fdf"  # CJK and Kangxi radicals
    "\u3001-\u33ff"  # CJK punctuation, Kana, Bopomofo, Hangul compatibility, enclosed
    "\u3400-\u9fff"  # Han, extension A, and the unified block
    "\ua960-\ua97f"  # Hangul Jamo extended A
    "\uac00-\ud7ff"  # Hangul syllables, Jamo extended B
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\ufe30-\ufe6f"  # CJK compatibility forms, small form variants
    "\uff00-\uffef"  # fullwidth and halfwidth forms
    "\U00020000-\U0003ffff"  # Han extensions B and later
)
"""Character-class body (no brackets) of the characters counted one token each."""

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_FREE_HAN = re.compile(f"[{_HAN}]{{3}}")  # each match: three Han in a row, one of them free

# Alternatives are tried in order at each position, so every visible character lands in
# exactly one of them; `[^\W_...]` is "letter or digit, not CJK". `{1,4}` makes a word of
# length n match ceil(n / 4) times, so counting matches counts word pieces too.
_TOKEN = re.compile(f"[{CJK_CHARS}]|[^\\W_{CJK_CHARS}]{{1,4}}|\\S")


def approx_tokens(text: str) -> int:
    """An estimate of how many tokens `text` takes; see the module docstring for the rules."""
    # subn with an empty replacement counts matches without building a list of them.
    return _TOKEN.subn("", text)[1] - _FREE_HAN.subn("", text)[1]
