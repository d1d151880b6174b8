"""The "test search" box: what the GPT's retrieval finds for a query, with the matches marked.

GUI thread only; the search itself runs through the background tasks.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.highlight import match_spans
from desktop.ui.errors import notice_for

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

# How a match is marked: Qt's rich text has no <mark>, so a highlighter's yellow behind
# dark text (readable in a dark theme too).
MARK = "<span style='background-color:#ffe066; color:#202020'>"


def marked(text: str, query: str) -> str:
    """`text` as HTML with the query's terms highlighted."""
    out, at = [], 0
    for start, end in match_spans(text, query):
        out += [html.escape(text[at:start]), MARK, html.escape(text[start:end]), "</span>"]
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


class KnowledgeSearchBox(QWidget):
    """A query field and the ranked chunks it finds: file, page, score and the text.

    Signals:
        searched(list): results arrived (JSON-ready dicts, as `KnowledgeLibrary.search`).
    """

    searched = Signal(list)

    def __init__(
        self,
        services: AppServices,
        settings: Callable[[], KnowledgeSettings | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self.gpt_id = ""
        self.results: list[dict[str, Any]] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Type what a user might ask…"))
        self.query.setAccessibleName(self.tr("Test search query"))
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setAccessibleName(self.tr("Run the test search"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(self.tr("Test search results"))
        self.view.setOpenLinks(False)
        self.view.setMinimumHeight(160)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.view.hide()

    def open_gpt(self, gpt_id: str) -> None:
        self.gpt_id = gpt_id
        self.results = []
        self.view.clear()
        self.view.hide()
        self.status.clear()

    def search(self) -> None:
        """Search the open GPT's knowledge for the query, with the form's current settings."""
        query = self.query.text().strip()
        if not query or not self.gpt_id:
            return
        settings = self._settings()
        if settings is None:
            self.status.setText(self.tr("Fix the knowledge settings above first."))
            return
        gpt_id = self.gpt_id
        self.search_button.setEnabled(False)
        self.status.setText(self.tr("Searching…"))
        self._services.tasks.run(
            lambda: self._services.knowledge.search(gpt_id, query, settings=settings),
            lambda found: self._on_found(gpt_id, query, found),
            self._on_failed,
            owner=self,
        )

    def _on_found(self, gpt_id: str, query: str, found: list[dict[str, Any]]) -> None:
        self.search_button.setEnabled(True)
        if gpt_id != self.gpt_id:
            return
        self.results = found
        if not found:
            self.status.setText(
                self.tr("Nothing found. Try other words, or lower the minimum score.")
            )
            self.view.hide()
        else:
            self.status.setText(
                self.tr("%1 pieces found, best first.").replace("%1", str(len(found)))
            )
            self.view.setHtml(self._html(query, found))
            self.view.show()
        self.searched.emit(found)

    def _on_failed(self, error: Exception) -> None:
        self.search_button.setEnabled(True)
        self.status.setText(notice_for(error).text())

    def _html(self, query: str, found: list[dict[str, Any]]) -> str:
        parts = []
        for rank, result in enumerate(found, 1):
            where = html.escape(str(result.get("file", "")))
            if result.get("page"):
                where += " · " + self.tr("page %1").replace("%1", str(result["page"]))
            elif result.get("location"):
                where += " · " + html.escape(str(result["location"]))
            score = self.tr("score %1").replace("%1", f"{result.get('score', 0.0):.4f}")
            bm25 = (result.get("scores") or {}).get("bm25")
            if bm25 is not None:
                score += " · BM25 " + f"{bm25:.2f}"
            parts.append(
                f"<p><b>{rank}. {where}</b> <span style='color:gray'>{score}</span><br>"
                f"{marked(str(result.get('text', '')), query)}</p>"
            )
        return "".join(parts)
