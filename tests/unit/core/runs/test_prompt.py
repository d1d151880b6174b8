"""Tests for desktop/core/runs/prompt.py: prompt order, history filtering and truncation."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core import errors
from desktop.core.runs.prompt import (
    ChatMessage,
    Conversation,
    FitCheck,
    fit,
    history_from,
    user_message,
)
from desktop.core.store.records import Message, text_content

AUTO = {"type": "auto"}


def message(ident: str, role: str, text: str, status: str = "completed", seq: int = 0) -> Message:
    return Message(
        id=ident,
        thread_id="thread_1",
        seq=seq,
        role=role,
        content=text_content(text),
        status=status,
        run_id=None,
        created_at=0.0,
    )


def turns(count: int, size: int = 10) -> list[Message]:
    """`count` user/assistant turns whose texts are each `size` characters long."""
    out: list[Message] = []
    for i in range(1, count + 1):
        out.append(message(f"u{i}", "user", f"u{i}".ljust(size, ".")))
        out.append(message(f"a{i}", "assistant", f"a{i}".ljust(size, ".")))
    return out


def chars(messages: list[ChatMessage]) -> int:
    return sum(len(m.get("content") or "") for m in messages)


def budget(limit: int, calls: list[int] | None = None) -> FitCheck:
    """A FitCheck that counts characters and fits up to `limit`."""

    def check(messages: list[ChatMessage]) -> tuple[bool, int]:
        size = chars(messages)
        if calls is not None:
            calls.append(size)
        return size <= limit, size

    return check


def contents(messages: list[ChatMessage]) -> list[str]:
    return [m["content"] for m in messages]


def history_ids(fitted_messages: list[ChatMessage], history: list[Message]) -> list[str]:
    by_text = {m.text: m.id for m in history}
    return [by_text[m["content"]] for m in fitted_messages if m["content"] in by_text]


# -- Conversation.messages ---------------------------------------------------------------


def test_messages_are_system_then_history_then_latest_then_in_run() -> None:
    tool_call = {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1"}]}
    tool_result = {"role": "tool", "tool_call_id": "call_1", "content": "42"}
    conversation = Conversation(
        system="Be brief.",
        history=[message("u1", "user", "hi"), message("a1", "assistant", "hello")],
        latest=user_message("what is 6*7?"),
        in_run=[tool_call, tool_result],
    )

    assert conversation.messages() == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
        {"role": "user", "content": "what is 6*7?"},
        tool_call,
        tool_result,
    ]


def test_no_system_message_without_instructions() -> None:
    conversation = Conversation(system="", history=[], latest=user_message("hi"))

    assert conversation.messages() == [{"role": "user", "content": "hi"}]


def test_messages_can_be_built_from_a_kept_subset_of_the_history() -> None:
    history = turns(2)
    conversation = Conversation(system="S", history=history, latest=user_message("now"))

    built = conversation.messages(history[2:])

    assert contents(built) == ["S", history[2].text, history[3].text, "now"]
    assert contents(conversation.messages([])) == ["S", "now"]


def test_history_messages_send_the_joined_text_of_their_parts() -> None:
    multi = message("a1", "assistant", "")
    multi.content = [
        *text_content("第一部分，"),
        {"type": "image_file", "image_file": {"file_id": "f"}},
        *text_content("第二部分。"),
    ]
    conversation = Conversation(system="", history=[multi], latest=user_message("q"))

    assert conversation.messages()[0] == {"role": "assistant", "content": "第一部分，第二部分。"}


def test_user_message_puts_turn_context_after_the_question() -> None:
    assert user_message("Question?") == {"role": "user", "content": "Question?"}
    assert user_message("Question?", "Context chunk") == {
        "role": "user",
        "content": "Question?\n\nContext chunk",
    }


# -- history_from ------------------------------------------------------------------------


def test_history_from_keeps_finished_user_and_assistant_text_in_order() -> None:
    kept = [
        message("u1", "user", "hello", seq=1),
        message("a1", "assistant", "partial answer", status="incomplete", seq=2),
        message("u2", "user", "你好", seq=3),
    ]
    noise = [
        message("x1", "assistant", "still streaming", status="in_progress"),
        message("x2", "assistant", "broken", status="failed"),
        message("x3", "assistant", ""),
        message("x4", "user", "  \n "),
        message("x5", "system", "not history"),
        message("x6", "tool", "tool output"),
    ]
    mixed = [noise[0], kept[0], noise[1], noise[2], kept[1], noise[3], noise[4], kept[2], noise[5]]

    assert [m.id for m in history_from(mixed)] == ["u1", "a1", "u2"]


def test_history_from_an_empty_thread_is_empty() -> None:
    assert history_from([]) == []


# -- fit: nothing to drop ----------------------------------------------------------------


def test_fit_returns_everything_when_it_fits() -> None:
    history = turns(3)
    conversation = Conversation(system="System", history=history, latest=user_message("latest"))
    total = chars(conversation.messages())

    fitted = fit(conversation, AUTO, budget(total))

    assert fitted.messages == conversation.messages()
    assert fitted.prompt_tokens == total
    assert fitted.dropped_message_ids == []


def test_fit_checks_only_once_when_it_fits() -> None:
    calls: list[int] = []
    conversation = Conversation(system="S", history=turns(5), latest=user_message("q"))

    fit(conversation, AUTO, budget(10_000, calls))

    assert len(calls) == 1


def test_fit_with_an_empty_strategy_behaves_like_auto() -> None:
    conversation = Conversation(system="S", history=turns(4), latest=user_message("q"))
    limit = chars(conversation.messages()) - 1

    assert fit(conversation, {}, budget(limit)) == fit(conversation, AUTO, budget(limit))


# -- fit: auto ---------------------------------------------------------------------------


def test_auto_drops_the_oldest_turn_after_the_first_one_first() -> None:
    history = turns(4, size=10)
    conversation = Conversation(system="S" * 10, history=history, latest=user_message("L" * 10))
    limit = chars(conversation.messages()) - 1  # one turn (20 characters) has to go

    fitted = fit(conversation, AUTO, budget(limit))

    assert history_ids(fitted.messages, history) == ["u1", "a1", "u3", "a3", "u4", "a4"]
    assert fitted.dropped_message_ids == ["u2", "a2"]
    assert fitted.messages[0] == {"role": "system", "content": "S" * 10}
    assert fitted.messages[-1] == {"role": "user", "content": "L" * 10}
    assert fitted.prompt_tokens == chars(fitted.messages) == limit - 19


def test_auto_drops_as_few_turns_as_possible() -> None:
    history = turns(6, size=10)
    conversation = Conversation(system="S", history=history, latest=user_message("L"))
    # System and latest take 2; the first turn plus two more turns take 60.
    fitted = fit(conversation, AUTO, budget(2 + 60))

    assert history_ids(fitted.messages, history) == ["u1", "a1", "u5", "a5", "u6", "a6"]
    assert fitted.dropped_message_ids == ["u2", "a2", "u3", "a3", "u4", "a4"]
    assert fitted.prompt_tokens == 62


def test_auto_keeps_the_first_turn_until_everything_else_is_gone() -> None:
    history = turns(3, size=10)
    conversation = Conversation(system="S", history=history, latest=user_message("L"))

    fitted = fit(conversation, AUTO, budget(2 + 20))

    assert history_ids(fitted.messages, history) == ["u1", "a1"]
    assert fitted.dropped_message_ids == ["u2", "a2", "u3", "a3"]


def test_auto_drops_the_first_turn_last_and_keeps_system_and_latest() -> None:
    history = turns(3, size=10)
    conversation = Conversation(system="System", history=history, latest=user_message("Latest"))

    fitted = fit(conversation, AUTO, budget(len("System") + len("Latest") + 5))

    assert fitted.messages == [
        {"role": "system", "content": "System"},
        {"role": "user", "content": "Latest"},
    ]
    assert fitted.dropped_message_ids == [m.id for m in history]
    assert fitted.prompt_tokens == 12


def test_auto_keeps_this_runs_tool_calls() -> None:
    history = turns(2, size=10)
    tool_result = {"role": "tool", "tool_call_id": "call_1", "content": "R" * 5}
    conversation = Conversation(
        system="S", history=history, latest=user_message("L"), in_run=[tool_result]
    )

    fitted = fit(conversation, AUTO, budget(1 + 1 + 5 + 20))

    assert fitted.messages[-1] == tool_result
    assert history_ids(fitted.messages, history) == ["u1", "a1"]


def test_auto_keeps_assistant_replies_with_their_turn() -> None:
    history = [
        message("u1", "user", "1" * 10),
        message("a1", "assistant", "a" * 10),
        message("u2", "user", "2" * 10),
        message("a2", "assistant", "b" * 10),
        message("a2b", "assistant", "c" * 10),
        message("u3", "user", "3" * 10),
    ]
    conversation = Conversation(system="", history=history, latest=user_message("L"))

    fitted = fit(conversation, AUTO, budget(1 + 30))

    assert history_ids(fitted.messages, history) == ["u1", "a1", "u3"]
    assert fitted.dropped_message_ids == ["u2", "a2", "a2b"]


def test_overflow_when_even_system_and_latest_do_not_fit() -> None:
    conversation = Conversation(system="S" * 50, history=turns(3), latest=user_message("L" * 50))
    total = chars(conversation.messages())

    with pytest.raises(errors.ContextOverflowError) as caught:
        fit(conversation, AUTO, budget(99))

    message_text = caught.value.message
    assert str(total) in message_text
    assert "raise the GPT's context size" in message_text
    assert caught.value.code == "context_length_exceeded"


def test_overflow_without_any_history() -> None:
    conversation = Conversation(system="", history=[], latest=user_message("L" * 20))

    with pytest.raises(errors.ContextOverflowError):
        fit(conversation, AUTO, budget(19))


def test_overflow_when_this_runs_tool_output_is_too_big() -> None:
    conversation = Conversation(
        system="S",
        history=[],
        latest=user_message("L"),
        in_run=[{"role": "tool", "tool_call_id": "c", "content": "R" * 100}],
    )

    with pytest.raises(errors.ContextOverflowError):
        fit(conversation, AUTO, budget(50))


# -- fit: last_messages ------------------------------------------------------------------


def last(count: int) -> dict[str, Any]:
    return {"type": "last_messages", "last_messages": count}


def test_last_messages_counts_the_latest_user_message() -> None:
    history = turns(3, size=4)
    conversation = Conversation(system="S", history=history, latest=user_message("L"))

    fitted = fit(conversation, last(3), budget(10_000))

    assert history_ids(fitted.messages, history) == ["u3", "a3"]
    assert fitted.messages[-1] == {"role": "user", "content": "L"}
    assert fitted.messages[0] == {"role": "system", "content": "S"}
    assert fitted.dropped_message_ids == ["u1", "a1", "u2", "a2"]


def test_last_messages_never_starts_history_with_an_assistant_message() -> None:
    history = turns(3, size=4)
    conversation = Conversation(system="", history=history, latest=user_message("L"))

    fitted = fit(conversation, last(4), budget(10_000))

    assert history_ids(fitted.messages, history) == ["u3", "a3"]
    assert fitted.messages[0]["role"] == "user"
    assert fitted.dropped_message_ids == ["u1", "a1", "u2", "a2"]


def test_last_messages_one_keeps_only_the_latest_message() -> None:
    history = turns(2, size=4)
    conversation = Conversation(system="S", history=history, latest=user_message("L"))

    fitted = fit(conversation, last(1), budget(10_000))

    assert fitted.messages == [
        {"role": "system", "content": "S"},
        {"role": "user", "content": "L"},
    ]
    assert fitted.dropped_message_ids == ["u1", "a1", "u2", "a2"]


def test_last_messages_keeps_whole_history_when_it_is_shorter_than_n() -> None:
    history = turns(2, size=4)
    conversation = Conversation(system="S", history=history, latest=user_message("L"))

    for count in (5, 6, 7, 50):
        fitted = fit(conversation, last(count), budget(10_000))

        assert fitted.messages == conversation.messages(), count
        assert fitted.dropped_message_ids == []


def test_last_messages_then_drops_more_turns_if_still_too_long() -> None:
    history = turns(4, size=10)
    conversation = Conversation(system="S", history=history, latest=user_message("L"))

    # last(6) keeps u3 a3 u4 a4 (a2 is dropped: history must open with a user message);
    # at 2 + 20 characters only the first kept turn survives.
    fitted = fit(conversation, last(6), budget(2 + 20))

    assert history_ids(fitted.messages, history) == ["u3", "a3"]
    assert fitted.dropped_message_ids == ["u1", "a1", "u2", "a2", "u4", "a4"]


def test_last_messages_overflows_like_auto() -> None:
    conversation = Conversation(system="S" * 30, history=turns(2), latest=user_message("q"))

    with pytest.raises(errors.ContextOverflowError):
        fit(conversation, last(3), budget(10))
