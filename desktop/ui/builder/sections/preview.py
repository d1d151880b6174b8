"""The live preview of the system prompt: its exact text and the tokens each part takes.

The text and the parts come from core (`runs.system`), the same function the engine
sends from, so the preview is what the model gets. GUI thread (pure work, small).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core.gpt import GptDefinition
from desktop.core.runs import system


def _part_name(kind: str) -> str:
    names = {
        system.INSTRUCTIONS: QCoreApplication.translate("PromptPreview", "Instructions"),
        system.KNOWLEDGE_CITATIONS: QCoreApplication.translate(
            "PromptPreview", "How to cite knowledge"
        ),
        system.WEB_CITATIONS: QCoreApplication.translate("PromptPreview", "How to cite web pages"),
        system.PROTECTION: QCoreApplication.translate("PromptPreview", "Knowledge protection"),
    }
    return names.get(kind, kind)


class PromptPreview(QWidget):
    """The system prompt as sent, with a line of token counts per part."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.counts = QLabel(self)
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("Tokens per part of the system prompt"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("The system prompt the model gets"))
        self.text.setMaximumHeight(180)
        self.text.setPlaceholderText(
            self.tr("No system prompt: write instructions or switch on a capability.")
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.counts)
        column.addWidget(self.text)

    def show_definition(self, definition: GptDefinition) -> None:
        """Show the system prompt `definition` makes."""
        parts = system.system_prompt_parts(definition)
        text = system.SEPARATOR.join(p.text for p in parts)
        if text == self._shown and self.counts.text():
            return  # counting long instructions again on every pause would cost for nothing
        self._shown = text
        self.text.setPlainText(text)
        counted = [(p.kind, p.tokens) for p in parts]
        total = sum(tokens for _kind, tokens in counted)
        pieces = [
            self.tr("%1: %2").replace("%1", _part_name(kind)).replace("%2", f"{tokens:,}")
            for kind, tokens in counted
        ]
        summary = self.tr("About %1 tokens in all (estimated; the model's tokenizer decides)")
        line = summary.replace("%1", f"{total:,}")
        self.counts.setText(f"{line}\n{' · '.join(pieces)}" if pieces else line)

    def counts_text(self) -> str:
        return self.counts.text()
