"""What a citation points at, with the query's words marked in the excerpt."""

from __future__ import annotations

from desktop.core.conversations.sources import cited, matches
from desktop.core.runs.steps import Chunk


def test_matches_mark_the_querys_words_in_any_case() -> None:
    text = "Trains to Kyoto leave Tokyo every ten minutes; the TRAINS are fast."
    spans = matches(text, "How often do trains leave for kyoto?")
    assert [text[a:b] for a, b in spans] == ["Trains", "Kyoto", "leave", "TRAINS"]


def test_matches_in_chinese() -> None:
    text = "京都的火车每十分钟一班。"
    assert [text[a:b] for a, b in matches(text, "去京都的火车多久一班")] == ["京都", "火车", "一班"]
    assert matches(text, "") == [] and matches("", "x") == []


def test_cited_finds_the_whole_excerpt_and_its_score() -> None:
    sources = [
        Chunk(id="c1", file_id="f1", file="a.pdf", text="Alpha text", page=1, score=0.2),
        Chunk(
            id="c2",
            file_id="f2",
            file="b.pdf",
            text="Beta text about trains",
            page=7,
            score=0.9,
            scores={"bm25": 3.1, "vector": 0.8},
        ),
    ]
    note = {
        "type": "file_citation",
        "file_citation": {
            "file_id": "f2",
            "file": "b.pdf",
            "page": 7,
            "chunk_id": "c2",
            "quote": "Beta",
        },
    }
    source = cited(note, sources, "trains", 2)
    assert (source.file, source.page, source.text, source.score) == (
        "b.pdf",
        7,
        "Beta text about trains",
        0.9,
    )
    assert source.scores == {"bm25": 3.1, "vector": 0.8}
    assert [source.text[a:b] for a, b in source.spans] == ["trains"]

    lost = cited({"file_citation": {"file": "c.txt", "quote": "only the quote"}}, [], "quote", 3)
    assert (lost.text, lost.score, lost.page) == ("only the quote", None, None)
