"""A table model over a list of Qt-free records, one row each, and a table view for it.

Each settings table (providers, local models, the catalog) subclasses `RowsModel` with
a `cell()` that says what a record shows in a column. A fresh listing replaces the rows;
a change to one record (a download's progress) is `update_row`, one `dataChanged`. GUI
thread.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QWidget,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of records under fixed headers; subclasses implement `cell`."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def update_row(self, row: int, record: Row) -> None:
        self.rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def cell(self, record: Row, column: int, role: int) -> Any:
        """What `record` shows in `column` for `role` (each subclass gives its own)."""
        raise NotImplementedError  # an abstract hook (Qt's metaclass rules out abc)

    def key(self, record: Row) -> str:
        """What tells a record from the others (a name, an id)."""
        raise NotImplementedError

    def row_of(self, key: str) -> int:
        """The row of the record with `key`; -1 when there is none."""
        return next((n for n, record in enumerate(self.rows) if self.key(record) == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index.column(), role)


def table_view(model: RowsModel[Any], name: str, parent: QWidget) -> QTableView:
    """A read-only, row-selecting table over `model`, its first column stretched."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def selected_row(view: QTableView) -> int:
    """The selected row, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def selected(view: QTableView, model: RowsModel[Row]) -> Row | None:
    """The record of the selected row, or None."""
    row = selected_row(view)
    return model.rows[row] if 0 <= row < len(model.rows) else None


def select(view: QTableView, model: RowsModel[Any], key: str) -> None:
    """Select the row of the record with `key` (nothing when there is none)."""
    row = model.row_of(key)
    if row >= 0:
        view.selectRow(row)


class TableArea(QStackedWidget):
    """A table, or in its place a framed note that says why it is empty."""

    def __init__(self, view: QTableView, empty_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self.placeholder = QLabel(empty_text, self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setFrameShape(QFrame.Shape.StyledPanel)
        self.placeholder.setAutoFillBackground(True)
        self.placeholder.setBackgroundRole(QPalette.ColorRole.Base)
        self.addWidget(view)
        self.addWidget(self.placeholder)

    def show_rows(self, any_rows: bool) -> None:
        self.setCurrentWidget(self.view if any_rows else self.placeholder)

    @property
    def empty(self) -> bool:
        return self.currentWidget() is self.placeholder
