"""The run's timeline: one row per step, its bar drawn on the run's time axis. GUI thread.

Model calls shade the wait for the first token apart from the generation; tool rounds
shade the wait for the user (consent, outputs by hand) apart from the tools' own time;
the slowest step is outlined and named. While a run is live the bars grow with a timer
that repaints (the model does not change for that).
"""

from __future__ import annotations

import html
import math
import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.ui.playground import bars
from desktop.ui.playground.labels import translate
from desktop.ui.playground.steps_model import BAR_ROLE, SLOWEST_ROLE, TIMELINE, StepsModel

COLORS = {
    bars.RETRIEVING: "#e69138",
    bars.WAITING: "#9fc5e8",
    bars.GENERATING: "#3d85c6",
    bars.TOOL: "#6aa84f",
    bars.USER: "#999999",
}
SLOW_COLOR = "#cc0000"
# How often a live run's bars grow.
LIVE_REPAINT_MS = 200


def legend_text() -> str:
    """The legend under the timeline, as rich text."""
    names = {
        bars.RETRIEVING: translate("Playground", "Knowledge search"),
        bars.WAITING: translate("Playground", "Until the first token"),
        bars.GENERATING: translate("Playground", "Generating"),
        bars.TOOL: translate("Playground", "Tools running"),
        bars.USER: translate("Playground", "Waiting for you"),
    }
    items = [
        f'<span style="color:{COLORS[kind]}">■</span>&nbsp;{html.escape(name)}'
        for kind, name in names.items()
    ]
    slowest = html.escape(translate("Playground", "Slowest step"))
    slow = f'<span style="color:{SLOW_COLOR}">▭</span>&nbsp;{slowest}'
    return "&nbsp;&nbsp; ".join([*items, slow])


def tick_step(length: float, most: int = 6) -> float:
    """A round interval (1, 2 or 5 times a power of ten) giving at most `most` ticks."""
    raw = max(length / most, 1e-6)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


class BarDelegate(QStyledItemDelegate):
    """Paints a step's bar on the axis of the model's run."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            # The view painted the row's selection already: paint it over, paler, so that
            # the bars keep their colours.
            palette = option.palette  # type: ignore[attr-defined]
            painter.fillRect(option.rect, palette.base())  # type: ignore[attr-defined]
            pale = palette.highlight().color()
            pale.setAlpha(60)
            painter.fillRect(option.rect, pale)  # type: ignore[attr-defined]
        bar = index.data(BAR_ROLE)
        if not isinstance(model, StepsModel) or not isinstance(bar, bars.Bar):
            return
        _zero, length = model.axis()
        area = option.rect.adjusted(6, 5, -6, -5)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._ticks(painter, area, length)
        for segment in bar.segments:
            self._segment(painter, area, length, segment)
        if index.data(SLOWEST_ROLE):
            left = self._x(area, length, bar.start)
            right = max(self._x(area, length, bar.end), left + 3)
            painter.setPen(QPen(QColor(SLOW_COLOR), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRect(left - 1, area.top() - 2, right - left + 2, area.height() + 4))
        painter.restore()

    @staticmethod
    def _x(area: QRect, length: float, seconds: float) -> int:
        return area.left() + round(area.width() * min(max(seconds / length, 0.0), 1.0))

    def _ticks(self, painter: QPainter, area: QRect, length: float) -> None:
        painter.setPen(QPen(QColor(128, 128, 128, 50), 1))
        step = tick_step(length)
        at = step
        while at < length:
            x = self._x(area, length, at)
            painter.drawLine(x, area.top() - 3, x, area.bottom() + 3)
            at += step

    def _segment(
        self, painter: QPainter, area: QRect, length: float, segment: bars.Segment
    ) -> None:
        left = self._x(area, length, segment.start)
        right = max(self._x(area, length, segment.end), left + 2)
        rect = QRect(left, area.top(), right - left, area.height())
        color = QColor(COLORS[segment.kind])
        painter.fillRect(rect, color)
        if segment.kind == bars.USER:  # hatched: nothing ran, the run waited
            painter.fillRect(rect, QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern))


class TimelineView(QTableView):
    """The steps table with bars; `set_live(True)` while the shown run is running."""

    def __init__(self, model: StepsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(translate("Playground", "Run timeline"))
        self.setItemDelegateForColumn(TIMELINE, BarDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setMinimumHeight(120)  # a paused run's editor above never hides the steps
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TIMELINE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 190)
        self._timer = QTimer(self)
        self._timer.setInterval(LIVE_REPAINT_MS)
        self._timer.timeout.connect(self._on_tick)
        self.painted_at: float | None = None

    def set_live(self, live: bool) -> None:
        if live:
            self._timer.start()
        else:
            self._timer.stop()
            self._on_tick()

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        self.painted_at = time.perf_counter()

    def _on_tick(self) -> None:
        self.viewport().update()
        self.horizontalHeader().viewport().update()


def legend(parent: QWidget) -> QLabel:
    label = QLabel(legend_text(), parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAccessibleName(translate("Playground", "Timeline legend"))
    return label
