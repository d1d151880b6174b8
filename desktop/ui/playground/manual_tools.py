"""What a paused run waits for, answered in place: tool outputs by hand, or consent.

`ToolOutputsEditor` gives each pending call an editor: its arguments shown, its output
written as JSON and checked for syntax before anything is sent (a mistake is shown at
its line and column, and nothing is submitted). `ConsentBar` asks whether a tool may
reach a host. GUI thread.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.runs.consent import ALLOW_ONCE, ALWAYS, DENY
from desktop.ui.playground.labels import pretty_json, translate
from desktop.ui.playground.model_call_panel import text_box
from desktop.ui.widgets import INFO_COLORS, PROBLEM_COLOR, Banner

_INVALID_STYLE = f"QPlainTextEdit {{ border: 2px solid {PROBLEM_COLOR.name()}; }}"


def json_problem(text: str) -> tuple[str, int] | None:
    """What is wrong with `text` as JSON, and where (a character offset); None if valid."""
    if not text.strip():
        return translate(
            "Playground", 'Write the output as JSON, such as {"temperature": 21} or "sunny".'
        ), 0
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return (
            translate("Playground", "Not valid JSON at line %1, column %2: %3")
            .replace("%1", str(exc.lineno))
            .replace("%2", str(exc.colno))
            .replace("%3", exc.msg),
            exc.pos,
        )
    return None


class OutputEditor(QGroupBox):
    """One pending call: its arguments, and its output to write."""

    def __init__(self, call: dict[str, Any], parent: QWidget) -> None:
        function = call.get("function") or {}
        name = str(function.get("name", "?"))
        super().__init__(f"{name} · {call.get('id', '')}", parent)
        self.call_id = str(call.get("id", ""))
        self.arguments = text_box(
            self, translate("Playground", "Arguments of %1").replace("%1", name)
        )
        self.arguments.setPlainText(pretty_json(str(function.get("arguments", "{}"))))
        self.arguments.setMaximumHeight(80)
        self.output = QPlainTextEdit(self)
        self.output.setAccessibleName(translate("Playground", "Output of %1").replace("%1", name))
        self.output.setPlaceholderText(translate("Playground", "The tool's output, as JSON"))
        self.output.setMaximumHeight(80)
        self.output.textChanged.connect(self._on_text_changed)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.problem.hide()
        arguments = QVBoxLayout()
        arguments.addWidget(QLabel(translate("Playground", "Arguments"), self))
        arguments.addWidget(self.arguments)
        output = QVBoxLayout()
        output.addWidget(QLabel(translate("Playground", "Output (JSON)"), self))
        output.addWidget(self.output)
        side_by_side = QHBoxLayout()
        side_by_side.addLayout(arguments, 1)
        side_by_side.addLayout(output, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(side_by_side)
        layout.addWidget(self.problem)

    def check(self) -> bool:
        """Show what is wrong with the output, in place; True when it is valid JSON."""
        problem = json_problem(self.output.toPlainText())
        if problem is None:
            self._on_text_changed()
            return True
        message, position = problem
        self.problem.setText(message)
        self.problem.show()
        self.output.setStyleSheet(_INVALID_STYLE)
        cursor = self.output.textCursor()
        cursor.setPosition(min(position, len(self.output.toPlainText())))
        self.output.setTextCursor(cursor)
        return False

    def _on_text_changed(self) -> None:
        self.problem.hide()
        self.output.setStyleSheet("")


class ToolOutputsEditor(QFrame):
    """The pending calls of a run paused in requires_action, each with an output editor.

    Signals:
        outputs_submitted(dict): every output is valid JSON: {call id: output text}.
    """

    outputs_submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("Playground", "Tool outputs to write"))
        self.heading = QLabel(
            translate(
                "Playground",
                "The run waits for these tool calls' outputs. Write each as JSON and submit.",
            ),
            self,
        )
        self.heading.setWordWrap(True)
        self.editors: list[OutputEditor] = []
        self._column = QVBoxLayout()
        self.submit_button = QPushButton(translate("Playground", "Submit outputs"), self)
        self.submit_button.setAccessibleName(
            translate("Playground", "Submit the tool outputs and go on")
        )
        self.submit_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self._column)
        layout.addWidget(self.submit_button)
        self.hide()

    def set_pending(self, calls: list[dict[str, Any]]) -> None:
        """Show an editor for each pending call (none: hide); the same calls keep their text."""
        if [str(c.get("id", "")) for c in calls] == [e.call_id for e in self.editors]:
            self.submit_button.setEnabled(True)
            self.setVisible(bool(calls))
            return
        for editor in self.editors:
            editor.deleteLater()
        self.editors = [OutputEditor(call, self) for call in calls]
        for editor in self.editors:
            self._column.addWidget(editor)
        self.submit_button.setEnabled(True)
        self.setVisible(bool(calls))
        if self.editors:
            self.editors[0].output.setFocus()

    def submit(self) -> None:
        """Check every output; submit them all only if each is valid JSON."""
        valid = [editor.check() for editor in self.editors]
        if not all(valid):
            first = self.editors[valid.index(False)]
            first.output.setFocus()
            return
        self.submit_button.setEnabled(False)
        self.outputs_submitted.emit({e.call_id: e.output.toPlainText() for e in self.editors})


class ConsentBar(Banner):
    """Asks whether a tool may reach a host, without stopping the window.

    Signals:
        answered(str): `allow_once`, `always` or `deny`.
    """

    answered = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(INFO_COLORS, QStyle.StandardPixmap.SP_MessageBoxQuestion, parent)
        self.setAccessibleName(translate("Playground", "Consent"))
        self.buttons: list[QPushButton] = []
        for decision, text, name in (
            (
                ALLOW_ONCE,
                translate("Playground", "Allow once"),
                translate("Playground", "Allow this call once"),
            ),
            (
                ALWAYS,
                translate("Playground", "Always allow for this GPT"),
                translate("Playground", "Always allow this host for this GPT"),
            ),
            (DENY, translate("Playground", "Deny"), translate("Playground", "Deny this call")),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, d=decision: self._answer(d))
            self.row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons.append(button)

    def ask(self, consent: dict[str, Any]) -> None:
        self.set_text(
            translate(
                "Playground",
                "<b>%1</b> wants to send a request to <b>%2</b>. Nothing is sent until you answer.",
            )
            .replace("%1", html.escape(str(consent.get("tool", ""))))
            .replace("%2", html.escape(str(consent.get("domain", ""))))
        )

    def _answer(self, decision: str) -> None:
        self.set_text("")
        self.answered.emit(decision)
