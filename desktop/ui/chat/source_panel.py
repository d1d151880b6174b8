"""The source of a citation: the file, the page, the excerpt with the match marked, the score.

Opened by clicking an `[n]` in an answer; its button opens the file at that page in the
system's viewer. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.conversations.sources import CitedSource
from desktop.ui.chat.markdown import marked_html


class SourcePanel(QFrame):
    """One cited excerpt. Hidden until a citation is opened.

    Signals:
        open_requested(str, int): open the knowledge file (id) at a page (0: none).
    """

    open_requested = Signal(str, int)

    def __init__(self, mark: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source-panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Source of a citation"))
        self._mark = mark
        self.source: CitedSource | None = None
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close the source"))
        self.close_button.clicked.connect(self.hide)
        self.file = QLabel(self)
        self.file.setWordWrap(True)
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel(self)
        self.score = QLabel(self)
        self.score.setWordWrap(True)
        self.excerpt = QTextBrowser(self)
        self.excerpt.setAccessibleName(self.tr("The cited excerpt"))
        self.excerpt.setOpenLinks(False)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._on_open_clicked)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.file)
        layout.addWidget(self.where)
        layout.addWidget(self.score)
        layout.addWidget(self.excerpt, 1)
        layout.addWidget(self.open_button)
        self.hide()

    def show_source(self, source: CitedSource) -> None:
        self.source = source
        self.title.setText(self.tr("Source [%1]").replace("%1", str(source.number)))
        self.file.setText(source.file)
        if source.page:
            self.where.setText(self.tr("Page %1").replace("%1", str(source.page)))
        else:
            self.where.setText(source.location)
        self.where.setVisible(bool(self.where.text()))
        self.score.setText(self._score_text(source))
        self.excerpt.setHtml(marked_html(source.text, source.spans, self._mark))
        if source.page:
            self.open_button.setText(self.tr("Open at page %1").replace("%1", str(source.page)))
        else:
            self.open_button.setText(self.tr("Open the file"))
        self.open_button.setAccessibleName(self.open_button.text())
        self.open_button.setEnabled(bool(source.file_id))
        self.show()

    def _score_text(self, source: CitedSource) -> str:
        if source.score is None:
            return self.tr("Score: not recorded")
        text = self.tr("Score: %1").replace("%1", f"{source.score:.3f}")
        named = {"bm25": self.tr("keywords"), "vector": self.tr("meaning")}
        parts = [f"{named.get(k, k)} {v:.3f}" for k, v in sorted(source.scores.items())]
        return f"{text} ({', '.join(parts)})" if parts else text

    def _on_open_clicked(self) -> None:
        if self.source is not None and self.source.file_id:
            self.open_requested.emit(self.source.file_id, self.source.page or 0)
