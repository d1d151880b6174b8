"""The conversation on screen: a scroll area that lays out only the rows it shows.

It reads the chat's item model: rows come and go with `rowsInserted`/`rowsRemoved`, a
changed row (`dataChanged`) is laid out again only when it is on screen. Rows not yet seen
have an estimated height, replaced by the real one when they come into view, with the
row at the top of the view kept in place. While the user is at the bottom, the view
follows new text; once they scroll up, it stays where they are. A row may hold a widget
(the consent question), placed where the row is. GUI thread only.
"""

from __future__ import annotations

import bisect
from itertools import accumulate

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from desktop.core.conversations.transcript import Item
from desktop.ui.chat.model import TranscriptModel
from desktop.ui.chat.rows import RowRenderer, changed_from

# Within this many pixels of the end counts as "at the bottom".
BOTTOM_SLACK = 24
# Passes of measuring what is on screen before painting (rows that grew push others out).
LAYOUT_PASSES = 4


class TranscriptView(QAbstractScrollArea):
    """Paints the conversation's rows. See the module docstring.

    Signals:
        anchor_activated(int, str): a link in a row was clicked (row, href).
        context_requested(int, QPoint): a row's menu was asked for (row, global position).
    """

    anchor_activated = Signal(int, str)
    context_requested = Signal(int, QPoint)

    def __init__(self, renderer: RowRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self._model: TranscriptModel | None = None
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._tops: list[int] = [0]
        self._dirty_from = 0
        self._width = 0
        self.follow = True
        self._moving = False  # the view itself is moving the scroll bar
        self._widgets: dict[str, QWidget] = {}
        # What to repaint after the next layout: everything, or parts of rows (row -> the
        # height in the row from which it changed). A streamed token repaints its lines.
        self._repaint_all = True
        self._dirty: dict[int, float] = {}
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self.relayout)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setMouseTracking(True)
        self.verticalScrollBar().setSingleStep(40)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- the model -------------------------------------------------------------------------

    def set_model(self, model: TranscriptModel) -> None:
        self._model = model
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._on_rows_removed)
        model.modelReset.connect(self._on_reset)
        model.dataChanged.connect(self._on_data_changed)
        self._on_reset()

    def item(self, row: int) -> Item:
        assert self._model is not None
        return self._model.item(row)

    def set_row_widget(self, key: str, widget: QWidget | None) -> None:
        """Show `widget` in the row of `key` (None takes it away)."""
        old = self._widgets.pop(key, None)
        if old is not None and old is not widget:
            old.hide()
        if widget is not None:
            widget.setParent(self.viewport())
            self._widgets[key] = widget
        self.invalidate()

    def invalidate(self, row: int | None = None) -> None:
        """Lay a row (or every row on screen) out again: something it shows changed."""
        rows = range(len(self._heights)) if row is None else [row]
        for number in rows:
            if 0 <= number < len(self._exact):
                self._exact[number] = False
        self._repaint_all = self._repaint_all or row is None
        self._schedule()

    # -- scrolling ---------------------------------------------------------------------------

    def at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - BOTTOM_SLACK

    def scroll_to_bottom(self) -> None:
        self.follow = True
        self.relayout()

    def row_at(self, y: int) -> int:
        """The row under viewport position `y` (-1 past the end)."""
        self._tops_now()
        top = y + self.verticalScrollBar().value()
        row = bisect.bisect_right(self._tops, top) - 1
        return row if 0 <= row < len(self._heights) else -1

    def row_top(self, row: int) -> int:
        return self._tops_now()[row] - self.verticalScrollBar().value()

    def visible_rows(self) -> range:
        start = max(self.row_at(0), 0)
        end = self.row_at(self.viewport().height() - 1)
        return range(start, (end if end >= 0 else len(self._heights) - 1) + 1)

    # -- layout ------------------------------------------------------------------------------

    def relayout(self) -> None:
        """Measure the rows on screen, fix the scroll range, and keep the view where it was."""
        if self._model is None:
            return
        width = self.viewport().width()
        if width != self._width:
            self._width = width
            self._exact = [False] * len(self._heights)
            self._repaint_all = True
        bar = self.verticalScrollBar()
        anchor_row = self.row_at(0)
        anchor_offset = bar.value() - self._tops_now()[anchor_row] if anchor_row >= 0 else 0
        for _ in range(LAYOUT_PASSES):
            if not self._measure(self.visible_rows()):
                break
            self._set_range()
            if self.follow:
                self._move_to(bar.maximum())
            elif anchor_row >= 0:
                self._move_to(self._tops_now()[anchor_row] + anchor_offset)
        self._set_range()
        if self.follow:
            self._move_to(bar.maximum())
        self._place_widgets()
        self._repaint()

    def _repaint(self) -> None:
        """Ask for a paint of what changed: all of it, or the changed parts of rows."""
        viewport = self.viewport()
        if self._repaint_all:
            viewport.update()
        else:
            shown = self.visible_rows()
            for row, since in self._dirty.items():
                if row in shown:
                    top = self.row_top(row) + int(since)
                    viewport.update(
                        QRect(0, top, viewport.width(), self._heights[row] - int(since))
                    )
        self._repaint_all = False
        self._dirty.clear()

    def _measure(self, rows: range) -> bool:
        """Lay out the rows not yet measured; whether any height changed."""
        changed = False
        last = len(self._heights) - 1
        for row in rows:
            if self._exact[row]:
                continue
            height = self._height_of(row)
            self._exact[row] = True
            if height != self._heights[row]:
                self._heights[row] = height
                self._dirty_from = min(self._dirty_from, row)
                changed = True
                self._repaint_all = self._repaint_all or row != last  # rows below move
        return changed

    def _height_of(self, row: int) -> int:
        item = self.item(row)
        widget = self._widgets.get(item.key)
        if widget is not None:
            self._repaint_all = True
            height = widget.heightForWidth(self._width - 24)
            return (height if height > 0 else widget.sizeHint().height()) + 8
        before = self.renderer.cached(item)
        render = self.renderer.render(item, self._width)
        since = changed_from(before, render)
        if since < render.height:
            self._dirty[row] = min(self._dirty.get(row, since), since)
        return round(render.height)

    def _tops_now(self) -> list[int]:
        if self._dirty_from < len(self._heights) or len(self._tops) != len(self._heights) + 1:
            start = min(self._dirty_from, len(self._tops) - 1)
            head = self._tops[: start + 1]
            self._tops = head + list(accumulate(self._heights[start:], initial=head[-1]))[1:]
        self._dirty_from = len(self._heights)
        return self._tops

    def _set_range(self) -> None:
        total = self._tops_now()[-1]
        bar = self.verticalScrollBar()
        self._moving = True
        try:
            bar.setRange(0, max(total - self.viewport().height(), 0))
            bar.setPageStep(self.viewport().height())
        finally:
            self._moving = False

    def _move_to(self, value: int) -> None:
        self._moving = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._moving = False

    def _place_widgets(self) -> None:
        if self._model is None:
            return
        shown = set(self.visible_rows())
        for key, widget in self._widgets.items():
            row = self._model.row_of(key)
            if row is None or row not in shown:
                widget.hide()
                continue
            widget.setGeometry(12, self.row_top(row) + 4, self._width - 24, self._heights[row] - 8)
            widget.show()

    def _schedule(self) -> None:
        if not self._layout_timer.isActive():
            self._layout_timer.start()

    # -- what the model says -------------------------------------------------------------------

    def _on_reset(self) -> None:
        self._repaint_all = True
        count = self._model.rowCount() if self._model is not None else 0
        self._heights = [self._estimate(row) for row in range(count)]
        self._exact = [False] * count
        self._tops = [0]
        self._dirty_from = 0
        self.follow = True
        self._schedule()

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        count = last - first + 1
        self._heights[first:first] = [self._estimate(r) for r in range(first, last + 1)]
        self._exact[first:first] = [False] * count
        self._dirty_from = min(self._dirty_from, first)
        self._repaint_all = True
        self._schedule()

    def _on_rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        del self._heights[first : last + 1]
        del self._exact[first : last + 1]
        self._dirty_from = min(self._dirty_from, first)
        self._repaint_all = True
        self._schedule()

    def _on_data_changed(
        self,
        top: QModelIndex | QPersistentModelIndex,
        bottom: QModelIndex | QPersistentModelIndex,
        *_: object,
    ) -> None:
        for row in range(top.row(), bottom.row() + 1):
            self._exact[row] = False
        self._schedule()

    def _estimate(self, row: int) -> int:
        return self.renderer.estimate(self.item(row), max(self.viewport().width(), 200))

    def _on_scrolled(self, _value: int) -> None:
        if not self._moving:
            self.follow = self.at_bottom()
            self._schedule()  # rows scrolled into view get measured

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Move what is drawn already; only the part scrolled into view is painted."""
        self.viewport().scroll(dx, dy)

    # -- Qt events ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._model is None or not self._heights:
            return
        painter = QPainter(self.viewport())
        palette = self.palette()
        clip = QRectF(event.rect())
        for row in self.visible_rows():
            item = self.item(row)
            if item.key in self._widgets:
                continue
            render = self.renderer.render(item, self._width)
            render.paint(painter, self.row_top(row), self._width, palette, clip)
        painter.end()

    def _anchor(self, pos: QPoint) -> tuple[int, str]:
        row = self.row_at(pos.y())
        if row < 0 or self.item(row).key in self._widgets:
            return row, ""
        render = self.renderer.render(self.item(row), self._width)
        return row, render.anchor_at(pos.x(), pos.y() - self.row_top(row))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        _, href = self._anchor(event.position().toPoint())
        shape = Qt.CursorShape.PointingHandCursor if href else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(shape)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            row, href = self._anchor(event.position().toPoint())
            if href:
                self.anchor_activated.emit(row, href)
                return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: object) -> None:
        pos = event.pos()  # type: ignore[attr-defined]
        row = self.row_at(pos.y())
        if row >= 0:
            self.context_requested.emit(row, event.globalPos())  # type: ignore[attr-defined]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.verticalScrollBar()
        key = event.key()
        if key == Qt.Key.Key_Home:
            bar.setValue(0)
        elif key == Qt.Key.Key_End:
            self.scroll_to_bottom()
        else:
            super().keyPressEvent(event)
