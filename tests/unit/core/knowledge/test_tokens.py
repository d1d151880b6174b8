"""Tests for the model-free token estimate."""

from __future__ import annotations

import random
import time

import pytest

from desktop.core.knowledge.tokens import approx_tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t\u3000 ", 0),  # whitespace, ideographic space included, is free
        ("中文", 2),
        ("我们在这里。", 5),  # five Han (the third in a row free) and CJK punctuation
        ("中文中文中文", 4),  # every third Han in a row is free
        ("中文，中文", 5),  # punctuation breaks the run
        ("ひらがな漢字", 6),  # Kana count whole; two Han are two tokens
        ("ひらがなカタカナ", 8),
        ("한국어", 3),
        ("！？；（）", 5),  # fullwidth punctuation
        ("𠀀𠀁", 2),  # Han extension B, outside the basic plane
        ("a", 1),
        ("the", 1),
        ("word", 1),
        ("token", 2),
        ("tokenizer", 3),
        ("internationalization", 5),
        ("2024", 1),
        ("123456789", 3),
        ("3.14", 3),  # "3", ".", "14"
        ("snake_case", 4),  # "snak", "e", "_", "case"
        ("Hello, world!", 6),  # "Hell" "o" "," "worl" "d" "!"
    ],
)
def test_counts_follow_the_documented_rules(text: str, expected: int) -> None:
    assert approx_tokens(text) == expected


def test_mixed_script_runs_are_counted_separately() -> None:
    # 使 用 (2) + Python (2) + 开 发 (2)
    assert approx_tokens("使用Python开发") == 6


def test_emoji_and_symbols_count_one_each() -> None:
    assert approx_tokens("🙂 → ©") == 3


def test_english_prose_runs_above_word_count() -> None:
    text = (
        "The quick brown fox jumps over the lazy dog, and then it runs away into the "
        "forest where nobody can find it again."
    )
    words = len(text.split())
    assert words < approx_tokens(text) < 2 * words


def test_counting_a_whole_never_exceeds_its_parts() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghij0123 .,!中文字詞한ひ_\n"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        cut = rng.randint(0, len(text))
        whole, head, rest = (
            approx_tokens(text),
            approx_tokens(text[:cut]),
            approx_tokens(text[cut:]),
        )
        assert whole <= head + rest
        assert head <= whole  # a prefix never counts more than the text
        assert rest <= whole  # nor does a suffix


def test_counts_a_megabyte_of_mixed_text_quickly() -> None:
    piece = "Chunking keeps 400 tokens, 每个块保留页码。 Überprüfung läuft! 한국어 テキスト\n\n"
    text = piece * (1_000_000 // len(piece))
    started = time.perf_counter()
    count = approx_tokens(text)
    elapsed = time.perf_counter() - started
    assert count == approx_tokens(piece) * (1_000_000 // len(piece))
    # Measured about 0.05 s; the bound only catches a slide into a per-character loop.
    assert elapsed < 1.0
