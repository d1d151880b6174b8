"""The inspector's page for a model call: what was sent, part by part, and how it went.

Shows the exact messages and the rendered prompt, the tokens of each part (exact where
the model counted them, else marked as estimated), the context window filling up, the
sampling and truncation, usage and timings, and the answer as it streams. GUI thread.
"""

from __future__ import annotations

import html
import json
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.runs.steps import ModelCall, Step
from desktop.core.runs.timeline import RunTimeline
from desktop.ui.playground.context_bar import ContextBar
from desktop.ui.playground.labels import PARTS, duration_text, number_text, part_name, translate

# A window to draw against when a step recorded none (steps from before it was recorded).
_FALLBACK_WINDOW = 4096


@cache
def _fixed_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)


def text_box(parent: QWidget, name: str, monospace: bool = True) -> QPlainTextEdit:
    """A read-only text box with an accessible name."""
    box = QPlainTextEdit(parent)
    box.setReadOnly(True)
    box.setAccessibleName(name)
    if monospace:
        box.setFont(_fixed_font())
    return box


def messages_text(messages: list[dict[str, object]]) -> str:
    """The chat messages as sent, one block per message under its role."""
    blocks = []
    for message in messages:
        role = str(message.get("role", "?"))
        content = message.get("content")
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        calls = message.get("tool_calls")
        if calls:
            text += "\n" + json.dumps(calls, ensure_ascii=False, indent=2)
        call_id = message.get("tool_call_id")
        head = f"── {role}" + (f" ({call_id})" if call_id else "") + " ──"
        blocks.append(f"{head}\n{text}")
    return "\n\n".join(blocks)


class ModelCallPanel(QWidget):
    """One model call, inspected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("Playground", "Model call summary"))
        self.timings = QLabel(self)
        self.timings.setAccessibleName(translate("Playground", "Timings of the model call"))
        self.parts = QTableWidget(2, len(PARTS), self)
        self.parts.setAccessibleName(translate("Playground", "Tokens by part of the prompt"))
        self.parts.setVerticalHeaderLabels(
            [translate("Playground", "Tokens"), translate("Playground", "Share")]
        )
        self.parts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.parts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.parts.verticalHeader().setDefaultSectionSize(22)
        self.parts.setHorizontalHeaderLabels([part_name(name) for name in PARTS])
        self.parts.setFixedHeight(self.parts.horizontalHeader().sizeHint().height() + 2 * 22 + 4)
        self.parts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.estimate_note = QLabel(self)
        self.estimate_note.setWordWrap(True)
        self.window_label = QLabel(self)
        self.context = ContextBar(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("Playground", "What the model was sent"))
        self.messages = text_box(self.tabs, translate("Playground", "Messages sent"))
        self.prompt = text_box(self.tabs, translate("Playground", "Rendered prompt"))
        self.answer = text_box(self.tabs, translate("Playground", "Answer"), monospace=False)
        self.tabs.addTab(self.messages, translate("Playground", "Messages"))
        self.tabs.addTab(self.prompt, translate("Playground", "Prompt text"))
        self.tabs.addTab(self.answer, translate("Playground", "Answer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.timings)
        layout.addWidget(self.window_label)
        layout.addWidget(self.context)
        layout.addWidget(self.parts)
        layout.addWidget(self.estimate_note)
        layout.addWidget(self.tabs, 1)
        self._shown: tuple[str, str] | None = None

    def show_step(self, step: Step, timeline: RunTimeline) -> None:
        """Show `step`; an update of the same step only refreshes what can change."""
        call = step.model_call
        assert call is not None
        if self._shown is None or self._shown[0] != step.id:  # what was sent never changes
            self.messages.setPlainText(messages_text(call.messages))
            self.prompt.setPlainText(
                call.prompt or translate("Playground", "(this provider sends the messages)")
            )
        if self._shown != (step.id, step.status):  # the parts are settled when it ends
            self._shown = (step.id, step.status)
            self._parts(call)
        self.summary.setText(self._summary(step, call))
        self.timings.setText(
            " · ".join(
                [
                    translate("Playground", "first token after %1").replace(
                        "%1", duration_text(step.timings.ttft_ms)
                    ),
                    translate("Playground", "%1 tokens/s").replace(
                        "%1", number_text(step.timings.tokens_per_s)
                    ),
                    translate("Playground", "took %1").replace(
                        "%1", duration_text(step.timings.duration_ms)
                    ),
                ]
            )
        )
        self._show_answer(self._written(step, timeline))

    def _show_answer(self, written: str) -> None:
        """Show the answer so far; streamed text is appended, not set again."""
        shown = self.answer.toPlainText()
        if written == shown:
            return
        if shown and written.startswith(shown):
            cursor = self.answer.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(written[len(shown) :])
        else:
            self.answer.setPlainText(written)

    def _written(self, step: Step, timeline: RunTimeline) -> str:
        if step.message_id is not None:
            try:
                return timeline.message(step.message_id).text
            except KeyError:
                return ""
        calls = step.model_call.tool_calls if step.model_call is not None else None
        return "\n".join(f"{c.name}({c.arguments})" for c in calls or [])

    def _parts(self, call: ModelCall) -> None:
        parts = call.prompt_parts
        counts = {name: getattr(parts, name, 0) if parts else 0 for name in PARTS}
        total = sum(counts.values()) or call.prompt_tokens
        for column, (name, tokens) in enumerate(counts.items()):
            share = f"{100 * tokens / total:.1f} %" if total else "–"
            for row, text in enumerate((number_text(tokens), share)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == 0:  # keyed to the part's colour in the bar above
                    tint = QColor(PARTS[name][1])
                    tint.setAlpha(110)
                    item.setBackground(tint)
                self.parts.setItem(row, column, item)
        window = call.context_size or _FALLBACK_WINDOW
        self.context.set_parts(counts, window)
        self.window_label.setText(
            translate("Playground", "Context window: %1 of %2 tokens (%3 %) before the answer")
            .replace("%1", number_text(total))
            .replace("%2", number_text(window))
            .replace("%3", f"{100 * total / window:.1f}" if window else "–")
        )
        if parts is None or parts.estimated:
            self.estimate_note.setText(
                translate(
                    "Playground",
                    "Estimated: this model's service does not count each part, so the total it "
                    "reported is shared out by each part's size.",
                )
            )
        else:
            self.estimate_note.setText(
                translate("Playground", "Counted exactly with the model's own tokenizer.")
            )

    @staticmethod
    def _summary(step: Step, call: ModelCall) -> str:
        usage = step.usage
        sampling = call.sampling
        facts = [
            f"<b>{html.escape(call.provider)}</b>",
            translate("Playground", "%1 prompt + %2 completion tokens")
            .replace("%1", number_text(call.prompt_tokens))
            .replace("%2", number_text(usage.completion_tokens if usage else None)),
            translate("Playground", "finish: %1").replace(
                "%1", html.escape(call.finish_reason or "–")
            ),
            translate("Playground", "temperature %1").replace(
                "%1", number_text(sampling.temperature)
            ),
            translate("Playground", "tool choice: %1").replace(
                "%1", html.escape(json.dumps(call.tool_choice))
            ),
        ]
        dropped = len(call.truncation.dropped_message_ids)
        if dropped:
            facts.append(
                translate("Playground", "truncation dropped %1 messages").replace(
                    "%1", str(dropped)
                )
            )
        if call.tools:
            facts.append(
                translate("Playground", "tools offered: %1").replace(
                    "%1", html.escape(", ".join(call.tools))
                )
            )
        selection = call.tool_selection
        if selection is not None:
            facts.append(
                translate("Playground", "%1 of %2 operations picked for this message in %3")
                .replace("%1", str(len(selection.offered)))
                .replace("%2", str(selection.from_))
                .replace("%3", duration_text(selection.duration_ms))
            )
        if call.gpu_layers is not None:
            facts.append(
                translate("Playground", "%1 layers on the GPU").replace("%1", str(call.gpu_layers))
            )
        return " · ".join(facts)
