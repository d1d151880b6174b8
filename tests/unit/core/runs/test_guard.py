"""The output guard: long verbatim copies are withheld as they stream; the rest passes."""

from __future__ import annotations

import random

import pytest

from desktop.core.runs.guard import INSTRUCTIONS_SPAN, KNOWLEDGE_SPAN, NOTICE, OutputGuard

INSTRUCTIONS = (
    "You are Acme's support assistant. Never promise refunds above fifty dollars. Escalate "
    "angry customers to a human agent named Bob, and never mention the internal price list."
)
CHAPTER = (
    "第三章 退款政策。客户在购买后三十天内可以申请全额退款，但必须提供原始收据。"
    "超过三十天的申请由主管逐一审核，审核通常需要五个工作日。数字商品一经下载不予退款，"
    "除非商品存在经过确认的技术缺陷。所有退款将原路退回到客户的付款账户中。" * 2
)


def stream(guard: OutputGuard, text: str, piece: int = 5) -> str:
    pieces = [text[i : i + piece] for i in range(0, len(text), piece)]
    return "".join(guard.feed(p) for p in pieces) + guard.finish()


@pytest.mark.parametrize("piece", [1, 3, 17, 1000])
def test_a_copy_of_the_instructions_is_withheld(piece: int) -> None:
    guard = OutputGuard.for_texts(INSTRUCTIONS, [])
    shown = stream(guard, f"My instructions: {INSTRUCTIONS} Hope that helps!", piece)
    assert shown == f"My instructions: {NOTICE.format(what='instructions')} Hope that helps!"
    assert guard.withheld == [{"source": "instructions", "chars": len(INSTRUCTIONS)}]


def test_case_and_whitespace_do_not_hide_a_copy() -> None:
    guard = OutputGuard.for_texts(INSTRUCTIONS, [])
    disguised = INSTRUCTIONS.upper().replace(" ", "\n  ")
    shown = stream(guard, disguised)
    assert "REFUNDS ABOVE FIFTY" not in shown and guard.withheld


def test_an_ordinary_answer_passes_unchanged() -> None:
    guard = OutputGuard.for_texts(INSTRUCTIONS, [("policy.pdf", CHAPTER)])
    answer = "I can help with refunds!  Please share your order number.\n\nThanks."
    assert stream(guard, answer) == answer
    assert guard.withheld == []


def test_a_short_quote_of_knowledge_passes_a_whole_passage_does_not() -> None:
    guard = OutputGuard.for_texts("", [("policy.pdf", CHAPTER)])
    quote = CHAPTER[:40]
    assert stream(guard, f"政策写道：“{quote}”[1]") == f"政策写道：“{quote}”[1]"
    guard = OutputGuard.for_texts("", [("policy.pdf", CHAPTER)])
    shown = stream(guard, f"全文如下：{CHAPTER}")
    assert shown.startswith("全文如下：[withheld") and "原路退回" not in shown
    assert guard.withheld == [{"source": "knowledge (policy.pdf)", "chars": len(CHAPTER)}]


def test_spans_are_what_the_module_promises() -> None:
    assert INSTRUCTIONS_SPAN < KNOWLEDGE_SPAN
    guard = OutputGuard.for_texts(INSTRUCTIONS, [])
    just_under = INSTRUCTIONS[: INSTRUCTIONS_SPAN - 1]
    assert stream(guard, just_under) == just_under
    guard = OutputGuard.for_texts(INSTRUCTIONS, [])
    assert guard.withheld == [] and NOTICE.split(":")[0] in stream(
        guard, INSTRUCTIONS[:INSTRUCTIONS_SPAN]
    )


def test_random_text_is_never_changed() -> None:
    rng = random.Random(7)
    words = ["refund", "知识", "Bob", "agent", "price", "，", "。", "\n", "the", "退款"]
    for _ in range(50):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 200)))
        guard = OutputGuard.for_texts(INSTRUCTIONS, [("policy.pdf", CHAPTER)])
        assert stream(guard, text, rng.randint(1, 9)) == text
