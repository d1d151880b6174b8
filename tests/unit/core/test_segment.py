"""Search terms: jieba words for Chinese, plain words for the rest, the same both ways."""

from __future__ import annotations

import pytest

from desktop.core.segment import terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("知识库的检索", "知识 知识库 的 检索"),
        ("Hello, World! GPT-4 o'clock", "hello world gpt 4 o clock"),
        ("用 LanceDB 建知识库。", "用 lancedb 建 知识 知识库"),
        ("  \n ，。!! ", ""),
        ("snake_case and 数字123", "snake_case and 数字 123"),
    ],
)
def test_terms(text: str, expected: str) -> None:
    assert terms(text) == expected


def test_a_query_word_is_among_the_document_terms() -> None:
    document = set(terms("我们的知识库支持中文检索和 English search.").split())
    for query in ("知识库", "知识", "检索", "english", "SEARCH"):
        assert set(terms(query).split()) <= document
