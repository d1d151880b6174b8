"""A stacked bar of a model's context window filling up, part by part. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.playground.labels import PARTS, number_text, part_name, translate

FREE_COLOR = "#e6e6e6"


class ContextBar(QWidget):
    """Each part of the prompt as a share of the window; the rest is left for the answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts: dict[str, int] = {}
        self.window = 0
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("Playground", "Context window"))

    def sizeHint(self) -> QSize:
        return QSize(300, 22)

    def set_parts(self, parts: dict[str, int], window: int) -> None:
        """The tokens of each part (keys of `labels.PARTS`) out of a `window` of tokens."""
        self.parts = {name: parts.get(name, 0) for name in PARTS}
        used = sum(self.parts.values())
        self.window = max(window, used)
        lines = [f"{part_name(n)}: {number_text(v)}" for n, v in self.parts.items() if v]
        lines.append(
            translate("Playground", "%1 of %2 tokens used")
            .replace("%1", number_text(used))
            .replace("%2", number_text(self.window))
        )
        self.setToolTip("\n".join(lines))
        self.setAccessibleDescription(self.toolTip())
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.rect().adjusted(0, 2, -1, -3)
        painter.fillRect(area, QColor(FREE_COLOR))
        if self.window > 0:
            x = float(area.left())
            for name, tokens in self.parts.items():
                width = area.width() * tokens / self.window
                if tokens:
                    rect = QRect(round(x), area.top(), max(round(x + width) - round(x), 1), 0)
                    rect.setHeight(area.height())
                    painter.fillRect(rect, QColor(PARTS[name][1]))
                x += width
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)
        painter.end()
