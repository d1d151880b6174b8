"""The conversation as a Qt item model over core's `Transcript`: one row per item.

A run event goes to the transcript, which says which rows it changed. New or removed
rows are announced at once; changed rows are collected and announced together every
`BATCH_MS` (a model streaming 500 tokens a second repaints ~30 times a second, not 500).
GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from desktop.core.conversations.transcript import MESSAGE, TOOL, Edit, Item, Transcript
from desktop.core.runs import events as ev
from desktop.core.runs.timeline import RunTimeline
from desktop.ui.chat.activity import lines_of

# How long changed rows wait to be announced together.
BATCH_MS = 30
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class TranscriptModel(QAbstractListModel):
    """Rows of one conversation (or of none). See the module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.transcript: Transcript | None = None
        self._changed: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BATCH_MS)
        self._timer.timeout.connect(self.flush)

    # -- changing ----------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript | None) -> None:
        self.beginResetModel()
        self.transcript = transcript
        self._changed.clear()
        self.endResetModel()

    def apply(self, event: ev.Event) -> Edit | None:
        """Take a run event; rows that changed are announced within `BATCH_MS`."""
        if self.transcript is None:
            return None
        return self._announce(self.transcript.apply, event)

    def replace_run(self, timeline: RunTimeline) -> None:
        if self.transcript is not None:
            self._announce(self.transcript.replace_run, timeline)

    def drop_from(self, message_id: str) -> None:
        if self.transcript is not None:
            self._announce(self.transcript.drop_from, message_id)

    def _announce(self, change: Any, argument: Any) -> Edit | None:
        assert self.transcript is not None
        before = len(self.transcript)
        edit: Edit | None = change(argument)
        if edit is None:
            return None
        if edit.structural:
            self.flush()
            self._structure(edit, before)
        self._changed.update(edit.changed)
        if self._changed and not self._timer.isActive():
            self._timer.start()
        return edit

    def _structure(self, edit: Edit, before: int) -> None:
        """Announce the rows that went, then those that came.

        The transcript has changed already, so the row count the views read follows the
        announcements step by step (`_shown`).
        """
        assert self.transcript is not None
        kept = before - edit.removed
        try:
            if edit.removed:
                self._shown = before
                self.beginRemoveRows(QModelIndex(), edit.start, edit.start + edit.removed - 1)
                self._shown = kept
                self.endRemoveRows()
            if edit.inserted:
                self._shown = kept
                self.beginInsertRows(QModelIndex(), edit.start, edit.start + edit.inserted - 1)
                self._shown = len(self.transcript)
                self.endInsertRows()
        finally:
            self._shown = None

    def flush(self) -> None:
        """Announce the changed rows now, in runs of neighbours."""
        self._timer.stop()
        rows = sorted(r for r in self._changed if r < self.rowCount())
        self._changed.clear()
        start = None
        for position, row in enumerate(rows):
            if start is None:
                start = row
            following = rows[position + 1] if position + 1 < len(rows) else None
            if following != row + 1:
                self.dataChanged.emit(self.index(start), self.index(row), [VERSION_ROLE])
                start = None

    # -- reading ------------------------------------------------------------------------------

    _shown: int | None = None  # the row count while a change is being announced

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self.transcript is None:
            return 0
        return self._shown if self._shown is not None else len(self.transcript)

    def item(self, row: int) -> Item:
        assert self.transcript is not None
        return self.transcript.items[row]

    def row_of(self, key: str) -> int | None:
        return self.transcript.row(key) if self.transcript is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.transcript is None:
            return None
        item = self.transcript.items[index.row()]
        if role == ITEM_ROLE:
            return item
        if role == VERSION_ROLE:
            return self.transcript.version(item.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(item)
        return None

    def text(self, item: Item) -> str:
        """A row as plain text (what a screen reader says, and what tests read)."""
        assert self.transcript is not None
        if item.kind == MESSAGE:
            return self.transcript.message(item.key).text
        if item.kind == TOOL:
            return "\n".join(lines_of(self.transcript.step(item)))
        return ""
