"""A page's frame: a heading and a short line under it, then the page's own content."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PageFrame(QWidget):
    """A titled page. `body` is the layout the page puts its content in."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(title, self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.subtitle = QLabel(subtitle, self)
        self.subtitle.setWordWrap(True)
        self.subtitle.setVisible(bool(subtitle))
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.subtitle)
