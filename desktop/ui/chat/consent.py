"""The consent question of a run, asked in the conversation instead of a modal dialog.

When a tool (an action, web browsing) first reaches a host, the run pauses
(`requires_action` of type `consent`). This prompt sits in the conversation where the run
stopped; the rest of the window stays usable, and the answer goes to
`RunEngine.answer_consent` on a worker. GUI thread only.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY

# Arguments longer than this are cut in the prompt; the run step keeps them whole.
MAX_ARGUMENTS_SHOWN = 600


class ConsentPrompt(QFrame):
    """Allow once / Always allow for this GPT / Deny, for one waiting call.

    Signals:
        answered(str): `allow_once`, `always` or `deny`.
    """

    answered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consent")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("A tool asks to reach a website"))
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.arguments = QLabel(self)
        self.arguments.setWordWrap(True)
        self.arguments.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.arguments.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.once_button = QPushButton(self.tr("Allow once"), self)
        self.always_button = QPushButton(self.tr("Always allow for this GPT"), self)
        self.deny_button = QPushButton(self.tr("Deny"), self)
        buttons = {ALLOW_ONCE: self.once_button, ALWAYS: self.always_button, DENY: self.deny_button}
        for decision, button in buttons.items():
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, d=decision: self._answer(d))
        row = QHBoxLayout()
        row.addWidget(self.once_button)
        row.addWidget(self.always_button)
        row.addStretch(1)
        row.addWidget(self.deny_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.question)
        layout.addWidget(self.explanation)
        layout.addWidget(self.arguments)
        layout.addLayout(row)
        self.setTabOrder(self.once_button, self.always_button)
        self.setTabOrder(self.always_button, self.deny_button)

    def ask(self, consent: dict[str, Any], gpt_name: str) -> None:
        """Show the question for `consent` (the run's `required_action["consent"]`)."""
        domain = html.escape(str(consent.get("domain", "")))
        tool = html.escape(str(consent.get("tool", "")))
        self.question.setText(
            self.tr("<b>%1</b> wants to send a request to <b>%2</b>.")
            .replace("%1", tool)
            .replace("%2", domain)
        )
        self.explanation.setText(
            self.tr(
                "%1 has not called %2 before. Nothing is sent until you answer; if you deny, "
                "the assistant is told and carries on without it."
            )
            .replace("%1", gpt_name)
            .replace("%2", str(consent.get("domain", "")))
        )
        self.arguments.setText(arguments_text(str(consent.get("arguments", ""))))
        self.arguments.setVisible(bool(self.arguments.text()))
        for button in (self.once_button, self.always_button, self.deny_button):
            button.setEnabled(True)

    def _answer(self, decision: str) -> None:
        for button in (self.once_button, self.always_button, self.deny_button):
            button.setEnabled(False)  # one answer; the run takes it from here
        self.answered.emit(decision)


def arguments_text(arguments: str) -> str:
    """The call's arguments, pretty and cut to `MAX_ARGUMENTS_SHOWN`."""
    try:
        text = json.dumps(json.loads(arguments), indent=2, ensure_ascii=False)
    except (TypeError, ValueError):
        text = arguments
    if len(text) > MAX_ARGUMENTS_SHOWN:
        text = text[:MAX_ARGUMENTS_SHOWN] + "\n…"
    return text
