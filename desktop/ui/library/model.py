"""The library's Qt item model over core state: GPTs, their avatars and readiness.

The rows follow `set_gpts` by inserting, moving, changing or removing single rows, so a
refresh never resets the view (selection and scroll position stay). Readiness and avatar
images arrive later from background tasks and change only the rows they concern. The
filter proxy asks core's `matches` whether a row fits the search. GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QImage

from desktop.core.avatar import Avatar, parse_avatar
from desktop.core.gpt_library import matches
from desktop.core.readiness import Readiness
from desktop.core.store.records import Gpt
from desktop.ui.library import words

ID_ROLE = Qt.ItemDataRole.UserRole + 1
GPT_ROLE = Qt.ItemDataRole.UserRole + 2
AVATAR_ROLE = Qt.ItemDataRole.UserRole + 3
IMAGE_ROLE = Qt.ItemDataRole.UserRole + 4
READINESS_ROLE = Qt.ItemDataRole.UserRole + 5
MODEL_ROLE = Qt.ItemDataRole.UserRole + 6

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """One GPT as the list shows it; `readiness` is None until it has been checked."""

    gpt: Gpt
    avatar: Avatar
    readiness: Readiness | None = None


class GptListModel(QAbstractListModel):
    """The GPTs, newest first, with avatar, model and readiness per row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._images: dict[str, QImage] = {}

    # -- reading -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        values = {
            Qt.ItemDataRole.DisplayRole: lambda: row.gpt.name,
            ID_ROLE: lambda: row.gpt.id,
            GPT_ROLE: lambda: row.gpt,
            AVATAR_ROLE: lambda: row.avatar,
            IMAGE_ROLE: lambda: self._images.get(row.avatar.image),
            READINESS_ROLE: lambda: row.readiness,
            MODEL_ROLE: lambda: words.model_label(row.gpt.definition),
            Qt.ItemDataRole.ToolTipRole: lambda: words.row_description(row.gpt, row.readiness),
            Qt.ItemDataRole.AccessibleTextRole: lambda: words.row_description(
                row.gpt, row.readiness
            ),
        }
        value = values.get(role)
        return value() if value is not None else None

    def gpts(self) -> list[Gpt]:
        return [row.gpt for row in self._rows]

    def row_of(self, gpt_id: str) -> int:
        """The row of `gpt_id`, or -1."""
        return next((n for n, row in enumerate(self._rows) if row.gpt.id == gpt_id), -1)

    def image_names(self) -> set[str]:
        """The stored avatar images the rows show (to load them off the GUI thread)."""
        return {row.avatar.image for row in self._rows if row.avatar.kind == "image"}

    # -- updating ----------------------------------------------------------------------

    def set_gpts(self, gpts: list[Gpt]) -> None:
        """Make the rows `gpts`, in that order, changing only the rows that differ."""
        wanted = {gpt.id for gpt in gpts}
        for number in reversed(range(len(self._rows))):
            if self._rows[number].gpt.id not in wanted:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()
        for target, gpt in enumerate(gpts):
            current = self.row_of(gpt.id)
            if current < 0:
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, Row(gpt, parse_avatar(gpt.definition.avatar, gpt.name)))
                self.endInsertRows()
                continue
            if current != target:  # earlier rows are in place, so it only moves up
                self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), target)
                self._rows.insert(target, self._rows.pop(current))
                self.endMoveRows()
            if self._rows[target].gpt != gpt:
                avatar = parse_avatar(gpt.definition.avatar, gpt.name)
                self._rows[target] = replace(self._rows[target], gpt=gpt, avatar=avatar)
                self._changed(target)

    def set_readiness(self, found: dict[str, Readiness]) -> None:
        """Show readiness checked in the background; rows it does not name stay as they are."""
        for number, row in enumerate(self._rows):
            readiness = found.get(row.gpt.id)
            if readiness is not None and readiness != row.readiness:
                self._rows[number] = replace(row, readiness=readiness)
                self._changed(number)

    def set_images(self, images: dict[str, QImage]) -> None:
        """Avatar images loaded in the background, by stored name."""
        self._images.update(images)
        for number, row in enumerate(self._rows):
            if row.avatar.kind == "image" and row.avatar.image in images:
                self._changed(number)

    def _changed(self, number: int) -> None:
        index = self.index(number, 0)
        self.dataChanged.emit(index, index)


class GptFilter(QSortFilterProxyModel):
    """The rows whose GPT matches the search words (core's `matches`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+, where invalidating is deprecated
            self.beginFilterChange()
            self._query = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._query = text
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        gpt = self.sourceModel().index(source_row, 0, source_parent).data(GPT_ROLE)
        return gpt is None or matches(gpt, self._query)
