"""An action's operations as a table: an enable switch, the tool name, the call, the summary.

The rows are core's parsed `Operation`s; the switch column follows the action's
`disabled_operations`. Toggling a row changes that row only (`dataChanged`). GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal

from desktop.core.tools.actions.model import Operation
from desktop.ui.builder.table import Index, RowsModel

ON, TOOL, CALL, SUMMARY = range(4)


class OperationsModel(RowsModel):
    """The operations of one action document, each with its enable switch.

    Signals:
        toggled(str, bool): an operation (by tool name) was switched on or off.
    """

    toggled = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._operations: list[Operation] = []
        self._disabled: set[str] = set()

    def set_operations(self, operations: list[Operation], disabled: list[str]) -> None:
        self.beginResetModel()
        self._operations = list(operations)
        self._disabled = set(disabled)
        self.endResetModel()

    def disabled(self) -> list[str]:
        """The tool names switched off, in the document's order."""
        return [op.tool_name for op in self._operations if op.tool_name in self._disabled]

    def set_enabled(self, row: int, on: bool) -> None:
        """Switch the operation in `row` on or off (as the user would)."""
        self.setData(
            self.index(row, ON),
            Qt.CheckState.Checked if on else Qt.CheckState.Unchecked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def set_all(self, on: bool) -> None:
        for row in range(len(self._operations)):
            self.set_enabled(row, on)

    # -- the table ------------------------------------------------------------------------

    def rows(self) -> list[Operation]:
        return self._operations

    def titles(self) -> tuple[str, ...]:
        return (self.tr("On"), self.tr("Tool"), self.tr("Call"), self.tr("Summary"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        op = self._operations[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == ON:
            on = op.tool_name not in self._disabled
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return {TOOL: op.tool_name, CALL: op.label, SUMMARY: op.summary}.get(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return op.description or op.summary or op.label
        if role == Qt.ItemDataRole.AccessibleTextRole and column == ON:
            return self.tr("Offer %1 to the model").replace("%1", op.tool_name)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == ON:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != ON or role != Qt.ItemDataRole.CheckStateRole:
            return False
        name = self._operations[index.row()].tool_name
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on == (name not in self._disabled):
            return True
        if on:
            self._disabled.discard(name)
        else:
            self._disabled.add(name)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(name, on)
        return True
