"""The Create pane's conversation, as the user reads it: their messages and the builder's.

GUI thread only.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

USER, BUILDER, NOTE = "user", "builder", "note"


class Transcript(QTextBrowser):
    """Each GPT's conversation with the builder; shows the open GPT's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Conversation with the builder"))
        self.setMinimumHeight(140)
        self.gpt_id = ""
        self._lines: dict[str, list[tuple[str, str]]] = {}

    def open_gpt(self, gpt_id: str) -> None:
        self.gpt_id = gpt_id
        self._show()

    def lines(self) -> list[tuple[str, str]]:
        """The open GPT's lines: (USER | BUILDER | NOTE, text)."""
        return list(self._lines.get(self.gpt_id, []))

    def say(self, who: str, text: str) -> None:
        self._lines.setdefault(self.gpt_id, []).append((who, text))
        self._show()

    def take_back(self) -> str | None:
        """Remove the last line if it is the user's (it was not answered); returns its text."""
        lines = self._lines.get(self.gpt_id, [])
        text = lines.pop()[1] if lines and lines[-1][0] == USER else None
        self._show()
        return text

    def _show(self) -> None:
        names = {USER: self.tr("You"), BUILDER: self.tr("Builder")}
        parts = []
        for who, text in self._lines.get(self.gpt_id, []):
            body = html.escape(text).replace("\n", "<br>")
            if who == NOTE:
                parts.append(f"<p style='color:gray'><i>{body}</i></p>")
            else:
                parts.append(f"<p><b>{html.escape(names[who])}:</b> {body}</p>")
        if not parts:
            hint = self.tr(
                "Tell the builder what this GPT should do. It proposes a name, a description, "
                "instructions, conversation starters and capabilities; you choose what goes "
                "into the form."
            )
            parts.append(f"<p style='color:gray'>{html.escape(hint)}</p>")
        self.setHtml("".join(parts))
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
