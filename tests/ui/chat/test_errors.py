"""A failed run shows a banner with what to do and Retry; a refused message comes back."""

from __future__ import annotations

from tests.helpers.openai_server import OpenAIServer, error_answer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import WAIT_MS, Chat


def test_a_failed_run_offers_its_fix_and_retry(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    server.script(error_answer(401, "invalid api key"))
    page = chat.page
    with chat.qtbot.wait_signal(page.session.failed, timeout=WAIT_MS):
        page.composer.editor.setPlainText("Hello?")
        page.composer.submit()
    chat.wait_idle()
    banner = page.banner
    assert banner.isVisible()
    assert "The service refused the API key." in banner.text()
    assert banner.fix_button.isVisible() and banner.fix_button.text() == "Set the API key"
    assert banner.retry_button.isVisible()

    with chat.qtbot.wait_signal(page.action_requested, timeout=WAIT_MS) as fix:
        banner.fix_button.click()
    assert fix.args[0].kind == "set_provider_key"

    page.banner.show_notice(banner.notice)  # shown again, to retry from it
    server.script(text_answer("Hello!"))
    with chat.qtbot.wait_signal(page.session.busy_changed, timeout=WAIT_MS):
        banner.retry_button.click()
    chat.wait_idle()
    assert chat.texts() == ["Hello?", "Hello!"]
    assert not banner.isVisible()


def test_a_message_the_engine_refuses_is_given_back(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    server.script(text_answer("One."))
    chat.send("First")
    page = chat.page
    thread_id = page.session.thread_id
    chat.services.store.threads.lock(thread_id, "run_elsewhere")  # another process answers
    page.composer.editor.setPlainText("Second")
    with chat.qtbot.wait_signal(page.session.failed, timeout=WAIT_MS):
        page.composer.submit()
    chat.wait_idle()
    assert "still answering" in page.banner.text()
    assert page.banner.fix_button.text() == "Stop the run"
    assert page.composer.editor.toPlainText() == "Second"
