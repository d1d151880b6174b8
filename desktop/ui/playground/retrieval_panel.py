"""The inspector's page for a knowledge search: every chunk with its ranks and scores.

The table shows rank, BM25 score, vector score, fused score, file, page and text; the
chunk selected is shown whole below it. GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.runs.steps import Chunk, Step, ToolCallsDetails
from desktop.ui.playground.labels import duration_text, number_text, translate
from desktop.ui.playground.list_model import ListModel
from desktop.ui.playground.model_call_panel import text_box

RANK, BM25, VECTOR, FUSED, FILE, PAGE, TEXT = range(7)
Index = QModelIndex | QPersistentModelIndex


class ChunksModel(ListModel[Chunk]):
    """The chunks one retrieval returned, best first."""

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Playground", "Rank"),
            translate("Playground", "BM25"),
            translate("Playground", "Vector"),
            translate("Playground", "Fused"),
            translate("Playground", "File"),
            translate("Playground", "Page"),
            translate("Playground", "Text"),
        )

    def cell(self, row: int, column: int, role: int) -> Any:
        chunk = self.items[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            ranks = ", ".join(f"{k} #{v}" for k, v in sorted(chunk.ranks.items()))
            return translate("Playground", "Ranked by each search: %1").replace("%1", ranks or "–")
        if role == Qt.ItemDataRole.TextAlignmentRole and column <= FUSED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values: tuple[Any, ...] = (
            row + 1,
            chunk.scores.get("bm25"),
            chunk.scores.get("vector"),
            chunk.score,
            chunk.file,
            chunk.page if chunk.page else chunk.location or None,
            " ".join(chunk.text.split())[:300],
        )
        value = values[column]
        return value if column in (FILE, TEXT) else number_text(value)


class RetrievalPanel(QWidget):
    """One knowledge search, inspected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = ChunksModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("Playground", "Retrieved chunks"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.chunk_text = text_box(
            self, translate("Playground", "The chunk's text"), monospace=False
        )
        self.chunk_text.setMaximumHeight(110)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chunk_text)

    def show_step(self, step: Step) -> None:
        found = step.details.retrieval() if isinstance(step.details, ToolCallsDetails) else None
        chunks = list(found.retrieval.results) if found is not None else []
        query = found.retrieval.query if found is not None else ""
        self.summary.setText(
            translate("Playground", "Searched the knowledge for “%1”: %2 chunks in %3")
            .replace("%1", query)
            .replace("%2", str(len(chunks)))
            .replace("%3", duration_text(step.timings.duration_ms))
        )
        if chunks != self.model.items:
            self.model.set_items(chunks)
            self.chunk_text.clear()
            if chunks:
                self.table.selectRow(0)

    def _on_current_row_changed(self, current: QModelIndex) -> None:
        row = current.row()
        if 0 <= row < len(self.model.items):
            chunk = self.model.items[row]
            self.chunk_text.setPlainText(chunk.text)
