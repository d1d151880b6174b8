"""The Create pane's diff table: a Qt item model over `ProposalDiff`. GUI thread only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.ui.builder.create_proposal import DiffRow, ProposalDiff

FIELD, NOW, PROPOSED = range(3)
Index = QModelIndex | QPersistentModelIndex
_FLAT = 120  # characters of a long value shown in its cell (the editor shows all of it)


def field_label(path: str) -> str:
    """A definition field's name in the GUI's language."""
    labels = {
        "name": QCoreApplication.translate("ProposalModel", "Name"),
        "description": QCoreApplication.translate("ProposalModel", "Description"),
        "instructions": QCoreApplication.translate("ProposalModel", "Instructions"),
        "conversation_starters": QCoreApplication.translate(
            "ProposalModel", "Conversation starters"
        ),
        "capabilities.code_interpreter.enabled": QCoreApplication.translate(
            "ProposalModel", "Code interpreter"
        ),
        "capabilities.web_browsing.enabled": QCoreApplication.translate(
            "ProposalModel", "Web browsing"
        ),
        "capabilities.image_generation.enabled": QCoreApplication.translate(
            "ProposalModel", "Image generation"
        ),
    }
    return labels.get(path, path)


def value_text(value: Any, flat: bool = True) -> str:
    """A field's value as text: a switch as on/off, a list one item a line (or joined)."""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ProposalModel", "On")
            if value
            else QCoreApplication.translate("ProposalModel", "Off")
        )
    if isinstance(value, list) and value:
        return ("  ·  " if flat else "\n").join(str(v) for v in value)
    if value is None or value in ("", []):
        return QCoreApplication.translate("ProposalModel", "(empty)") if flat else ""
    text = str(value)
    if flat:
        text = " ".join(text.split())
        return text if len(text) <= _FLAT else text[: _FLAT - 1] + "…"
    return text


class ProposalModel(QAbstractTableModel):
    """The proposed changes: field (tick to take it), value now, value proposed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.diff = ProposalDiff()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.diff.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Field"), self.tr("Now"), self.tr("Proposed"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.diff.rows[index.row()]
        column = index.column()
        value: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            value = (field_label(row.field), value_text(row.old), value_text(row.new))[column]
        elif role == Qt.ItemDataRole.ToolTipRole and column in (NOW, PROPOSED):
            value = value_text(row.old if column == NOW else row.new, flat=False) or None
        elif role == Qt.ItemDataRole.CheckStateRole and column == FIELD:
            value = Qt.CheckState.Checked if row.accepted else Qt.CheckState.Unchecked
        return value

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == FIELD:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != FIELD or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.diff.rows[index.row()].accepted = checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def row(self, index: int) -> DiffRow:
        return self.diff.rows[index]

    def reset_to(self, update: Any) -> None:
        """Run `update()` on the diff, which may change every row (a new proposal)."""
        self.beginResetModel()
        try:
            update()
        finally:
            self.endResetModel()

    def edit_row(self, index: int, value: Any) -> None:
        """Take the user's edit of row `index` (raises `ValidationError` when invalid)."""
        self.diff.edit(index, value)
        self.dataChanged.emit(self.index(index, 0), self.index(index, 2))
