"""The steps of one run as a Qt table model over its `RunTimeline`. GUI thread.

Live events go through `apply`: a new step is one inserted row, and a streamed token, a
tool's output or a finished step is `dataChanged` on that step's row only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.core.runs import events as ev
from desktop.core.runs.steps import Step
from desktop.core.runs.timeline import Change, RunTimeline
from desktop.ui.playground import bars
from desktop.ui.playground.labels import duration_text, step_title, translate

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
BAR_ROLE = Qt.ItemDataRole.UserRole + 2
SLOWEST_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE, DURATION, TIMELINE = range(3)
_STEP_EVENTS = (ev.STEP_CREATED, ev.STEP_COMPLETED, ev.STEP_FAILED, ev.STEP_CANCELLED)

Index = QModelIndex | QPersistentModelIndex


class StepsModel(QAbstractTableModel):
    """Rows are the run's steps: what each is, how long it took, and its bar.

    Signals:
        run_changed(object): the run record changed (status, usage); the `Run`.
        message_changed(str): a message of the run changed (text streamed); its id.
    """

    run_changed = Signal(object)
    message_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline = RunTimeline()
        self._slowest: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # -- the run shown -------------------------------------------------------------------

    def set_timeline(self, timeline: RunTimeline) -> None:
        """Show another run (a reset: a different run, not an update)."""
        self.beginResetModel()
        self.timeline = timeline
        self._slowest = bars.slowest(timeline)
        self.endResetModel()

    def apply(self, event: ev.Event) -> Change | None:
        """Take one live event of the shown run into its timeline and update its row."""
        name = event.event
        if name in _STEP_EVENTS and not self._knows(event.data["id"]):
            row = len(self.timeline.steps)
            self.beginInsertRows(QModelIndex(), row, row)
            change = self.timeline.apply(event)
            self.endInsertRows()
            return change
        change = self.timeline.apply(event)
        if change is None:
            return None
        if change.kind == "step":
            self._row_changed(self.row_of(change.id))
            self._mark_slowest()
        elif change.kind == "message":
            self._row_changed(self._writer_of(change.id))
            self.message_changed.emit(change.id)
        elif change.kind == "run":
            self.run_changed.emit(self.timeline.run)
        return change

    # -- reading -------------------------------------------------------------------------

    def step_at(self, row: int) -> Step | None:
        steps = self.timeline.steps
        return steps[row] if 0 <= row < len(steps) else None

    def row_of(self, step_id: str) -> int:
        return next((i for i, s in enumerate(self.timeline.steps) if s.id == step_id), -1)

    def axis(self) -> tuple[float, float]:
        """The axis's zero (wall clock) and its length in seconds."""
        return bars.origin(self.timeline), bars.span(self.timeline)

    @property
    def slowest_id(self) -> str | None:
        return self._slowest

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.timeline.steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == TIMELINE:
            _zero, length = self.axis()
            return translate("Playground", "Timeline (0 – %1)").replace(
                "%1", duration_text(length * 1000)
            )
        return (translate("Playground", "Step"), translate("Playground", "Duration"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        step = self.step_at(index.row())
        if step is None:
            return None
        slow = step.id == self._slowest
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(step, index.column())
        roles = {
            STEP_ROLE: lambda: step,
            SLOWEST_ROLE: lambda: slow,
            BAR_ROLE: lambda: self._bar(step),
            Qt.ItemDataRole.ToolTipRole: lambda: (
                translate("Playground", "The slowest step of this run") if slow else None
            ),
            Qt.ItemDataRole.FontRole: lambda: self._bold if slow else None,
        }
        getter = roles.get(role)
        return getter() if getter is not None else None

    def _text(self, step: Step, column: int) -> str | None:
        if column == TITLE:
            return step_title(step)
        if column == DURATION:
            return duration_text(self._bar(step).length * 1000)
        return None

    # -- helpers ---------------------------------------------------------------------------

    def _bar(self, step: Step) -> bars.Bar:
        run = self.timeline.run
        paused = (
            run is not None
            and run.status == "requires_action"
            and step is self.timeline.steps[-1]
            and step.completed_at is None
        )
        return bars.bar(step, bars.origin(self.timeline), paused=paused)

    def _knows(self, step_id: str) -> bool:
        return self.row_of(step_id) >= 0

    def _writer_of(self, message_id: str) -> int:
        """The row of the model call that writes `message_id` (-1: none)."""
        return next(
            (i for i, s in enumerate(self.timeline.steps) if s.message_id == message_id), -1
        )

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def _mark_slowest(self) -> None:
        """Move the slow-step mark when a finished step takes the lead."""
        slowest = bars.slowest(self.timeline)
        if slowest != self._slowest:
            before, self._slowest = self._slowest, slowest
            for step_id in (before, slowest):
                if step_id is not None:
                    self._row_changed(self.row_of(step_id))
