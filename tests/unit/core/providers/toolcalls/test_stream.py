"""The streaming call parser: held-back markers, parallel and unclosed calls, whitespace."""

from __future__ import annotations

import json
import random

import pytest

from desktop.core.providers.toolcalls.calls import Call, Found, Piece, Text
from desktop.core.providers.toolcalls.stream import Block, CallStream, Syntax
from desktop.core.providers.toolcalls.wrapped import command_r7b, hermes


def run(syntax: Syntax, chunks: list[str]) -> list[Piece]:
    stream = CallStream(syntax)
    pieces: list[Piece] = []
    for chunk in chunks:
        pieces += stream.feed(chunk)
    return pieces + stream.finish()


def text_of(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces if isinstance(p, Text))


def calls_of(pieces: list[Piece]) -> list[Call]:
    return [p for p in pieces if isinstance(p, Call)]


def random_chunks(text: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    chunks, at = [], 0
    while at < len(text):
        size = rng.randint(1, 4)
        chunks.append(text[at : at + size])
        at += size
    return chunks


CALL = '<tool_call>\n{"name": "echo", "arguments": {"text": "hi"}}\n</tool_call>'


def test_a_marker_split_at_every_position_never_leaks() -> None:
    answer = f"Let me check.\n{CALL}"
    for cut in range(1, len(answer)):
        pieces = run(hermes([]), [answer[:cut], answer[cut:]])
        assert text_of(pieces) == "Let me check."
        (call,) = calls_of(pieces)
        assert (call.name, json.loads(call.arguments)) == ("echo", {"text": "hi"})


def test_each_text_piece_comes_out_before_the_call_ends() -> None:
    stream = CallStream(hermes([]))
    assert stream.feed("Hello") == [Text("Hello")]
    assert stream.feed(" there <tool") == [Text(" there")]  # the space waits for what follows
    assert stream.feed("_call>{") == []
    assert stream.in_call and stream.call_text == "{"


def test_parallel_calls_are_numbered_in_order() -> None:
    second = CALL.replace('"hi"', '"there"')
    pieces = run(hermes([]), random_chunks(f"{CALL}\n{second}\n", 3))
    assert text_of(pieces) == ""
    assert [(c.index, json.loads(c.arguments)["text"]) for c in calls_of(pieces)] == [
        (0, "hi"),
        (1, "there"),
    ]
    ids = [c.id for c in calls_of(pieces)]
    assert len(set(ids)) == 2 and all(i.startswith("call_") for i in ids)


def test_a_call_that_never_closes_is_still_emitted() -> None:
    pieces = run(hermes([]), ['Sure: <tool_call>{"name": "echo", "arguments": {"text": "h'])
    assert text_of(pieces) == "Sure:"
    (call,) = calls_of(pieces)
    assert call.name == "echo" and not call.closed
    assert call.arguments.startswith('{"text": "h')


def test_an_answer_cut_inside_the_end_marker_still_gives_valid_json() -> None:
    pieces = run(hermes([]), [CALL[:-5]])
    (call,) = calls_of(pieces)
    assert json.loads(call.arguments) == {"text": "hi"} and not call.closed


@pytest.mark.parametrize("text", ["a < b and c > d", "x <", "<tool", "<tool_cal", "<<tool_call"])
def test_text_that_only_looks_like_a_marker_is_shown(text: str) -> None:
    pieces = run(hermes([]), list(text))
    assert text_of(pieces) == text and calls_of(pieces) == []


def test_text_around_calls_and_chinese() -> None:
    answer = f"我来查一下天气。\n\n{CALL}\n\n好的，已经查到了。"
    pieces = run(hermes([]), random_chunks(answer, 7))
    assert text_of(pieces) == "我来查一下天气。好的，已经查到了。"
    assert [type(p) for p in pieces if not isinstance(p, Text)] == [Call]


def test_a_plain_answer_comes_through_whole_with_its_trailing_space() -> None:
    answer = "Plain answer.\n\nWith two paragraphs.\n"
    assert text_of(run(hermes([]), random_chunks(answer, 1))) == answer


def test_broken_call_json_is_passed_through_for_the_engine_to_report() -> None:
    pieces = run(hermes([]), ['<tool_call>{"name": "echo", "arguments": {text: hi}}</tool_call>'])
    (call,) = calls_of(pieces)
    assert call.name == "echo" and call.arguments == "{text: hi}"


def test_a_list_inside_one_block_gives_several_calls() -> None:
    body = '[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"x": 1}}]'
    pieces = run(hermes([]), [f"<tool_call>{body}</tool_call>"])
    assert [(c.name, c.arguments) for c in calls_of(pieces)] == [("a", "{}"), ("b", '{"x": 1}')]


def test_hidden_markers_are_dropped_from_the_text() -> None:
    answer = "<|START_RESPONSE|>The answer is 4.<|END_RESPONSE|>"
    pieces = run(command_r7b([]), random_chunks(answer, 2))
    assert text_of(pieces) == "The answer is 4."


def test_a_block_without_an_end_runs_to_the_end_of_the_answer() -> None:
    syntax = Syntax((Block("[CALLS]", None, lambda body: []),))
    stream = CallStream(syntax)
    assert stream.feed("text [CALLS] anything </tool_call> more") == [Text("text")]
    assert stream.in_call
    assert stream.finish() == []


def test_the_longer_of_two_markers_at_one_place_wins() -> None:
    syntax = Syntax(
        (
            Block("<a>", "</a>", lambda body: []),
            Block("<a>b", "</a>", lambda body: [Found(body, "{}")]),
        )
    )
    pieces = CallStream(syntax).feed("<a>bz</a>")
    assert [p.name for p in pieces if isinstance(p, Call)] == ["z"]
