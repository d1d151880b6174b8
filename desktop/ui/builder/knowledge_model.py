"""The knowledge table: a Qt item model over `FileRows`, and the delegate that draws progress.

Each change to the rows is one `dataChanged` (or one insert or removal), never a reset,
so a selection and a scroll position survive a batch's hundred updates. GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from desktop.core.knowledge.ingest import Progress
from desktop.core.store.knowledge import KnowledgeFile
from desktop.ui.builder.knowledge_rows import (
    FAILED,
    INDEXING,
    QUEUED,
    READY,
    STOPPED,
    FileRow,
    FileRows,
    Step,
)
from desktop.ui.errors import HEADLINES, core_text, notice_from_dict
from desktop.ui.widgets import PROBLEM_COLOR

NAME, STATUS, PAGES, CHUNKS, PROGRESS, PROBLEM = range(6)
# The progress column's value: -1 hides the bar, -2 draws it busy, else a percentage.
NO_BAR, BUSY = -1, -2
ProgressRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def status_text(status: str) -> str:
    """A row's status in the GUI's language."""
    texts = {
        QUEUED: QCoreApplication.translate("KnowledgeFilesModel", "Waiting"),
        INDEXING: QCoreApplication.translate("KnowledgeFilesModel", "Indexing…"),
        READY: QCoreApplication.translate("KnowledgeFilesModel", "Ready"),
        FAILED: QCoreApplication.translate("KnowledgeFilesModel", "Failed"),
        STOPPED: QCoreApplication.translate("KnowledgeFilesModel", "Stopped"),
    }
    return texts.get(status, status)


class KnowledgeFilesModel(QAbstractTableModel):
    """The open GPT's knowledge files: name, status, pages, chunks, progress and problem."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.files = FileRows()

    # -- Qt's side ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.files)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("File"),
            self.tr("Status"),
            self.tr("Pages"),
            self.tr("Chunks"),
            self.tr("Progress"),
            self.tr("Problem"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.files.rows[index.row()]
        column = index.column()
        value: Any = None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._display(row, column)
        elif role == ProgressRole and column == PROGRESS:
            value = _bar(row)
        elif role == Qt.ItemDataRole.ToolTipRole and column in (NAME, STATUS, PROBLEM):
            value = core_text(row.reason) or None
        elif role == Qt.ItemDataRole.ForegroundRole and column in (STATUS, PROBLEM):
            value = PROBLEM_COLOR if row.status == FAILED else None
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (PAGES, CHUNKS):
            value = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return value

    def _display(self, row: FileRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == STATUS:
            return status_text(row.status)
        if column == PAGES:
            return str(row.pages) if row.pages else ""
        if column == CHUNKS:
            return str(row.chunks) if row.status == READY else ""
        if column == PROBLEM:
            return problem_text(row)
        return ""

    # -- changes, one row at a time ---------------------------------------------------------

    def row(self, index: int) -> FileRow:
        return self.files.rows[index]

    def reconcile(self, records: list[KnowledgeFile]) -> None:
        """Show core's records: rows change, go or come one at a time."""
        self._run(self.files.reconcile(records))

    def started(self, name: str) -> None:
        self._run(self.files.started(name))

    def reading(self, progress: Progress) -> None:
        self._run(self.files.reading(progress))

    def finished(self, progress: Progress) -> None:
        self._run(self.files.finished(progress))

    def queue(self, file_ids: list[str]) -> None:
        self._run(self.files.queue(file_ids))

    def queue_names(self, names: list[str]) -> None:
        self._run(self.files.queue_names(names))

    def next_queued(self) -> None:
        self._run(self.files.next_queued())

    def stop_waiting(self) -> None:
        self._run(self.files.stop_waiting())

    def remove_row(self, at: int) -> None:
        self._run([Step("remove", at)])

    def _run(self, steps: list[Step]) -> None:
        for step in steps:
            if step.kind == "remove":
                self.beginRemoveRows(QModelIndex(), step.at, step.at)
                self.files.apply(step)
                self.endRemoveRows()
            elif step.kind == "insert":
                self.beginInsertRows(QModelIndex(), step.at, step.at)
                self.files.apply(step)
                self.endInsertRows()
            else:
                self.files.apply(step)
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(step.at, 0), self.index(step.at, last))


def problem_text(row: FileRow) -> str:
    """A failed row's headline in the GUI's language (core's own words are its tooltip)."""
    if row.status == FAILED and row.code in HEADLINES:
        return notice_from_dict({"code": row.code, "message": row.reason}).headline
    return core_text(row.reason)  # no headline of its own: core's words say more


def _bar(row: FileRow) -> int:
    if row.status == INDEXING:
        return BUSY if row.fraction is None else round(row.fraction * 100)
    if row.status == QUEUED:
        return 0
    if row.done and row.status == READY:
        return 100
    return NO_BAR


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a progress bar: empty, busy, or full."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(ProgressRole)
        if value is None or value == NO_BAR:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        bar.state = option.state | QStyle.StateFlag.State_Horizontal  # type: ignore[attr-defined]
        bar.minimum = 0
        # A busy bar has no end: min == max draws it moving (or striped, where still).
        bar.maximum = 0 if value == BUSY else 100
        bar.progress = 0 if value == BUSY else int(value)
        bar.textVisible = value != BUSY
        bar.text = f"{value}%" if value != BUSY else ""
        style = option.widget.style() if option.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)  # type: ignore[attr-defined]
