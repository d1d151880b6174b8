"""What the builder's table models share: a list of rows and a row of column titles.

GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A flat table over `rows()`, titled by `titles()`; subclasses give `data`."""

    def rows(self) -> Sequence[Any]:
        """The records shown, one a row (each subclass gives its own)."""
        raise NotImplementedError  # an abstract hook (Qt's metaclass rules out abc)

    def titles(self) -> Sequence[str]:
        """The column titles (each subclass gives its own)."""
        raise NotImplementedError  # an abstract hook (Qt's metaclass rules out abc)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.titles()[section]
