"""A model's reasoning: a collapsed "Thought for N s" part, kept apart, never sent back."""

from __future__ import annotations

from desktop.core.runs.reasoning import reasoning_of
from tests.helpers.openai_server import OpenAIServer, chunk, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import Chat


def test_think_text_is_collapsed_kept_apart_and_not_sent_back(
    chat: Chat, server: OpenAIServer
) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    server.script(
        text_answer(
            "<thi", "nk>The user wants a sum. ", "Two plus two.</th", "ink>\n\n", "It is 4."
        )
    )
    chat.send("2+2?")

    assert chat.texts() == ["2+2?", "It is 4."]
    shown = chat.row_text(1)
    assert "Thought for 1 s" in shown and "It is 4." in shown
    assert "The user wants a sum" not in shown  # collapsed
    chat.click_link(1, "think")
    assert "The user wants a sum. Two plus two." in chat.row_text(1)
    chat.click_link(1, "think")
    assert "The user wants a sum" not in chat.row_text(1)

    stored = chat.services.store.threads.messages(chat.page.session.thread_id)[1]
    assert stored.text == "It is 4."
    assert reasoning_of(stored.content)[0] == "The user wants a sum. Two plus two."

    server.script(text_answer("Six."))
    chat.send("And 3+3?")
    sent = server.requests[-1].body["messages"]
    assert {"role": "assistant", "content": "It is 4."} in sent
    assert all("wants a sum" not in str(m.get("content")) for m in sent)


def test_a_reasoning_field_shows_the_same_way(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    answer = text_answer("B is larger.")
    assert answer.events is not None
    answer.events[1:1] = [
        chunk({"reasoning_content": "Compare them: "}),
        chunk({"reasoning_content": "B wins."}),
    ]
    server.script(answer)
    chat.send("A or B?")
    assert chat.texts()[-1] == "B is larger."
    assert "Thought for" in chat.row_text(1) and "B wins" not in chat.row_text(1)
    chat.click_link(1, "think")
    assert "Compare them: B wins." in chat.row_text(1)
