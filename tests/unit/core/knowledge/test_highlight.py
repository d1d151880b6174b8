"""Where a query's words are in a chunk."""

from __future__ import annotations

from desktop.core.knowledge.highlight import match_spans


def marked(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in match_spans(text, query)]


def test_words_match_without_regard_to_case() -> None:
    text = "Cats sleep. A cat's sleep is long; CATS dream."
    assert marked(text, "cats SLEEP") == ["Cats", "sleep", "sleep", "CATS"]


def test_chinese_words_match_as_the_segmenter_cuts_them() -> None:
    text = "本知识库收录了所有的产品手册。"
    assert marked(text, "知识库") == ["知识库"]
    assert marked(text, "产品手册在哪里") == ["产品手册"]


def test_one_letter_words_and_empty_queries_mark_nothing() -> None:
    assert marked("a b c", "a") == []
    assert match_spans("text", "") == []
    assert match_spans("", "text") == []


def test_overlapping_matches_merge() -> None:
    assert match_spans("knowledgebase", "knowledge base knowledgebase") == [(0, 13)]
