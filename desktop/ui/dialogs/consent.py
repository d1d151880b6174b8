"""The consent question a run asks before a tool first reaches a host.

Runs on the GUI thread. The run engine pauses the run (`requires_action` of type
`consent`); the window shows this dialog and hands the answer to
`RunEngine.answer_consent` on a worker.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY

# Arguments longer than this are cut in the dialog; the run step keeps them whole.
MAX_ARGUMENTS_SHOWN = 600


class ConsentDialog(QMessageBox):
    """Allow once / Always allow for this GPT / Deny. Escape and closing mean deny.

    `decision` is one of the engine's answers once the dialog has closed.
    """

    def __init__(self, consent: dict[str, Any], gpt_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Allow this call?")
        domain = html.escape(consent["domain"])
        self.setText(
            f"<b>{html.escape(consent['tool'])}</b> wants to send a request to <b>{domain}</b>."
        )
        self.setInformativeText(
            f"{html.escape(gpt_name)} has not called {domain} before. Nothing is sent until "
            "you answer; if you deny, the assistant is told and carries on without it."
        )
        self.setDetailedText(_arguments_text(consent.get("arguments", "")))
        self._once = self.addButton("Allow &once", QMessageBox.ButtonRole.AcceptRole)
        self._always = self.addButton(
            "&Always allow for this GPT", QMessageBox.ButtonRole.AcceptRole
        )
        self._deny = self.addButton("&Deny", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self._deny)
        self.setEscapeButton(self._deny)
        self.decision = DENY

    def done(self, result: int) -> None:
        clicked = self.clickedButton()
        self.decision = {self._once: ALLOW_ONCE, self._always: ALWAYS}.get(clicked, DENY)
        super().done(result)


def ask_consent(consent: dict[str, Any], gpt_name: str, parent: QWidget | None = None) -> str:
    """Show the question modally and return the answer (`allow_once`, `always`, `deny`)."""
    dialog = ConsentDialog(consent, gpt_name, parent)
    dialog.exec()
    return dialog.decision


def _arguments_text(arguments: str) -> str:
    try:
        text = json.dumps(json.loads(arguments), indent=2, ensure_ascii=False)
    except (TypeError, ValueError):
        text = str(arguments)
    if len(text) > MAX_ARGUMENTS_SHOWN:
        text = text[:MAX_ARGUMENTS_SHOWN] + "\n… (cut; the run step has them all)"
    return "Arguments:\n" + text
