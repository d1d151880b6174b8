"""Paints one library row: the avatar, the name, and the model with its readiness."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.library import words
from desktop.ui.library.model import AVATAR_ROLE, IMAGE_ROLE, MODEL_ROLE, READINESS_ROLE
from desktop.ui.widgets import OK_COLOR, PROBLEM_COLOR, paint_avatar

AVATAR_SIZE = 36
_MARGIN = 8
_GAP = 10


class GptDelegate(QStyledItemDelegate):
    """Draws a GPT as avatar, bold name, and a muted line with its model and readiness."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lines = QFontMetrics(option.font).height() * 2 + 4
        return QSize(200, max(AVATAR_SIZE, lines) + 2 * _MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""  # the panel (selection, focus) only; the text is drawn below
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = QRectF(option.rect).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        avatar_rect = QRectF(
            rect.left(), rect.center().y() - AVATAR_SIZE / 2, AVATAR_SIZE, AVATAR_SIZE
        )
        paint_avatar(painter, avatar_rect, index.data(AVATAR_ROLE), index.data(IMAGE_ROLE))
        text = rect.adjusted(AVATAR_SIZE + _GAP, 0, 0, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if option.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = option.palette.color(group, role)
        self._paint_lines(painter, option.font, text, index, color, selected)

    def _paint_lines(
        self,
        painter: QPainter,
        base: QFont,
        rect: QRectF,
        index: QModelIndex | QPersistentModelIndex,
        color: QColor,
        selected: bool,
    ) -> None:
        painter.save()
        name_font = QFont(base)
        name_font.setBold(True)
        metrics = QFontMetrics(name_font)
        height = metrics.height()
        top = rect.center().y() - height - 1
        name = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.setFont(name_font)
        painter.setPen(color)
        painter.drawText(
            QRectF(rect.left(), top, rect.width(), height),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            name,
        )
        readiness = index.data(READINESS_ROLE)
        status = words.status(readiness)
        small = QFont(base)
        small_metrics = QFontMetrics(small)
        status_width = small_metrics.horizontalAdvance(status) + 2
        second = QRectF(rect.left(), rect.center().y() + 1, rect.width(), height)
        model_width = max(0, int(second.width() - status_width - _GAP))
        model = small_metrics.elidedText(
            str(index.data(MODEL_ROLE)), Qt.TextElideMode.ElideRight, model_width
        )
        muted = QColor(color)
        muted.setAlpha(170)
        painter.setFont(small)
        painter.setPen(muted)
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(second, int(Qt.AlignmentFlag.AlignLeft | middle), model)
        if readiness is not None and not selected:
            painter.setPen(OK_COLOR if readiness.ready else PROBLEM_COLOR)
        painter.drawText(second, int(Qt.AlignmentFlag.AlignRight | middle), status)
        painter.restore()
