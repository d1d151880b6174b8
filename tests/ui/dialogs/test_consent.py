"""The consent dialog: each button gives its answer; Escape denies."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY
from desktop.ui.dialogs.consent import ConsentDialog, ask_consent

CONSENT = {
    "domain": "api.example.com",
    "tool": "getWeather",
    "arguments": '{"city": "北京"}',
    "tool_call_id": "call_1",
    "step_id": "step_1",
}


def button(dialog: ConsentDialog, label: str) -> QPushButton:
    (found,) = [b for b in dialog.buttons() if b.text().replace("&", "") == label]
    assert isinstance(found, QPushButton)
    return found


@pytest.mark.parametrize(
    ("label", "decision"),
    [("Allow once", ALLOW_ONCE), ("Always allow for this GPT", ALWAYS), ("Deny", DENY)],
)
def test_each_button_gives_its_answer(qtbot: Any, label: str, decision: str) -> None:
    dialog = ConsentDialog(CONSENT, "Weather GPT")
    qtbot.add_widget(dialog)
    assert "api.example.com" in dialog.text() and "getWeather" in dialog.text()
    assert "北京" in dialog.detailedText()
    QTimer.singleShot(0, button(dialog, label).click)
    dialog.exec()
    assert dialog.decision == decision


def test_escape_and_the_default_deny(qtbot: Any) -> None:
    dialog = ConsentDialog({**CONSENT, "arguments": "x" * 5000}, "GPT")
    qtbot.add_widget(dialog)
    assert dialog.defaultButton() is button(dialog, "Deny")
    assert dialog.escapeButton() is button(dialog, "Deny")
    assert "cut" in dialog.detailedText() and len(dialog.detailedText()) < 1000
    QTimer.singleShot(0, dialog.reject)
    dialog.exec()
    assert dialog.decision == DENY


def test_ask_consent_returns_the_clicked_answer(qtbot: Any) -> None:
    def click_always() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, ConsentDialog)
        button(modal, "Always allow for this GPT").click()

    QTimer.singleShot(0, click_always)
    assert ask_consent(CONSENT, "Weather GPT") == ALWAYS
