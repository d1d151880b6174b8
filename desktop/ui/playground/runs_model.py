"""A thread's runs as a Qt table model: status, model, tokens and duration. GUI thread.

A run's event updates its own row (`put`); runs read back from trace files sit at the
end, marked as such, so they can be inspected and compared like stored ones.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.trace import Trace
from desktop.core.store import Store
from desktop.core.store.records import Run, Thread
from desktop.ui.playground.labels import duration_text, number_text, status_text, translate

RUN_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS, MODEL, TOKENS, DURATION = range(4)

Index = QModelIndex | QPersistentModelIndex


@dataclass
class RunRow:
    """A row: a stored run, or one read from a trace file (`trace`, `file`)."""

    run: Run
    trace: Trace | None = None
    file: Path | None = None


@dataclass
class Listing:
    """A thread's runs, and the timeline of the one to show first (read together)."""

    runs: list[Run]
    shown: RunTimeline | None


def read_listing(store: Store, thread_id: str, select: str | None) -> Listing:
    """The thread's runs and the timeline of `select` (else the latest run). Worker."""
    runs = store.runs.list(thread_id)
    wanted = select or (runs[-1].id if runs else None)
    shown = RunTimeline.load(store, wanted) if wanted in {r.id for r in runs} else None
    return Listing(runs, shown)


def read_threads(
    store: Store, gpt_id: str, current: str | None
) -> tuple[list[Thread], str | None, Listing | None]:
    """A GPT's threads, the one to show and its runs. Worker.

    The thread shown is `current` while it is still there, else the newest one.
    """
    threads = store.threads.list(gpt_id)
    ids = [t.id for t in threads]
    thread = current if current in ids else (ids[0] if ids else None)
    return threads, thread, read_listing(store, thread, None) if thread else None


def model_label(run: Run) -> str:
    model = run.model or {}
    name = str(model.get("model") or translate("Playground", "(none chosen)"))
    name = Path(name).name if name.endswith(".gguf") else name
    provider = str(model.get("provider") or "")
    return name if provider in ("", "local") else f"{provider}:{name}"


def run_duration_ms(run: Run) -> float | None:
    """From the run's start to its end (or to now while it runs), waits for the user included.

    The wall clock, as on the timeline's axis: a run paused for consent took that long too.
    """
    start = run.started_at or run.created_at
    end = run.completed_at or run.failed_at or run.cancelled_at
    if end is None and run.status in ("queued", "in_progress", "cancelling"):
        end = time.time()
    return (end - start) * 1000 if end is not None else None


class RunsModel(QAbstractTableModel):
    """Rows are runs, oldest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RunRow] = []

    def set_runs(self, runs: list[Run]) -> None:
        """Show another thread's runs (traces read from files stay)."""
        self.beginResetModel()
        self.rows = [RunRow(r) for r in runs] + [r for r in self.rows if r.trace is not None]
        self.endResetModel()

    def put(self, run: Run) -> int:
        """Add a run, or update its row; its row."""
        for row, known in enumerate(self.rows):
            if known.trace is None and known.run.id == run.id:
                known.run = run
                self.dataChanged.emit(self.index(row, 0), self.index(row, DURATION))
                return row
        row = sum(1 for r in self.rows if r.trace is None)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, RunRow(run))
        self.endInsertRows()
        return row

    def add_trace(self, trace: Trace, file: Path) -> int:
        assert trace.timeline.run is not None
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(RunRow(trace.timeline.run, trace, file))
        self.endInsertRows()
        return row

    def row_of(self, run_id: str) -> int:
        return next(
            (i for i, r in enumerate(self.rows) if r.trace is None and r.run.id == run_id), -1
        )

    def at(self, row: int) -> RunRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("Playground", "Status"),
                translate("Playground", "Model"),
                translate("Playground", "Tokens"),
                translate("Playground", "Duration"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.at(index.row())
        if row is None:
            return None
        if role == RUN_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        return None

    @staticmethod
    def _text(row: RunRow, column: int) -> str:
        run = row.run
        if column == STATUS:
            status = status_text(run.status)
            if row.trace is None:
                return status
            return translate("Playground", "%1 (file)").replace("%1", status)
        if column == MODEL:
            return model_label(run)
        if column == TOKENS:
            return number_text((run.usage or {}).get("total_tokens"))
        return duration_text(run_duration_ms(run))

    @staticmethod
    def _tooltip(row: RunRow) -> str:
        run = row.run
        lines = [translate("Playground", "Run %1").replace("%1", run.id)]
        if row.file is not None:
            lines.append(translate("Playground", "Read from %1").replace("%1", str(row.file)))
        if run.metadata.get("again_of"):
            lines.append(
                translate("Playground", "Runs %1 again").replace(
                    "%1", str(run.metadata["again_of"])
                )
            )
        if run.metadata.get("overrides"):
            lines.append(translate("Playground", "With its own settings"))
        return "\n".join(lines)
