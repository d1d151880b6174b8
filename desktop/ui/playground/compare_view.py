"""Two runs side by side: settings, aligned steps, and each pair's facts, differences marked.

Reads a `Comparison` from core (`runs/compare.py`) through two table models. GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.runs.compare import Comparison, Fact, Pair, compare
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store import Store
from desktop.core.store.records import Run
from desktop.ui.playground.labels import fact_name, fact_text, step_title, translate
from desktop.ui.playground.list_model import ListModel
from desktop.ui.playground.runs_model import model_label

DIFFERENT = QColor("#fde2e1")
ONE_SIDE = QColor("#fff2cc")
Index = QModelIndex | QPersistentModelIndex


def compared(
    store: Store, left: RunTimeline | str, right: RunTimeline | str
) -> tuple[RunTimeline, RunTimeline, Comparison]:
    """Two runs (each a timeline, or the id of a stored one, read here) and their comparison.

    Runs on a worker: it reads the store.
    """
    a, b = (t if isinstance(t, RunTimeline) else RunTimeline.load(store, t) for t in (left, right))
    return a, b, compare(a, b)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class FactsModel(ListModel[Fact]):
    """Facts of both runs: what, left, right; the ones that differ are marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = _bold()

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Playground", "What"),
            translate("Playground", "Left run"),
            translate("Playground", "Right run"),
        )

    def cell(self, row: int, column: int, role: int) -> Any:
        fact = self.items[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(fact, column, role == Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.BackgroundRole and fact.differs:
            return QBrush(DIFFERENT)
        if role == Qt.ItemDataRole.FontRole and fact.differs:
            return self._bold
        return None

    @staticmethod
    def _text(fact: Fact, column: int, short: bool) -> str:
        """A cell's text: shortened to one line in the cell, whole in its tooltip."""
        if column == 0:
            return ("≠ " if fact.differs and short else "") + fact_name(fact.key, fact.index)
        text = fact_text(fact.key, fact.left if column == 1 else fact.right)
        return " ".join(text.split())[:200] if short else text


class PairsModel(ListModel[Pair]):
    """Aligned steps: the left step, the right step, and how many facts differ."""

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Playground", "Left run's step"),
            translate("Playground", "Right run's step"),
            translate("Playground", "Differences"),
        )

    def cell(self, row: int, column: int, role: int) -> Any:
        pair = self.items[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(pair, column)
        if role == Qt.ItemDataRole.BackgroundRole and not pair.matched:
            return QBrush(DIFFERENT if pair.paired else ONE_SIDE)
        return None

    @staticmethod
    def _text(pair: Pair, column: int) -> str:
        if column < 2:
            step = pair.left if column == 0 else pair.right
            return (
                step_title(step) if step is not None else translate("Playground", "(no such step)")
            )
        if not pair.paired:
            return translate("Playground", "only in one run")
        if not pair.differences:
            return translate("Playground", "same")
        names = ", ".join(fact_name(f.key, f.index) for f in pair.differences)
        return (
            translate("Playground", "%1 differ: %2")
            .replace("%1", str(len(pair.differences)))
            .replace("%2", names)
        )


def _table(model: ListModel[Any], name: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class CompareView(QWidget):
    """Two runs compared.

    Signals:
        close_requested(): back to the single run.
    """

    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.back_button = QPushButton(translate("Playground", "Back to the run"), self)
        self.back_button.setAccessibleName(translate("Playground", "Close the comparison"))
        self.back_button.clicked.connect(self.close_requested)
        self.settings = FactsModel(self)
        self.pairs = PairsModel(self)
        self.pair_facts = FactsModel(self)
        self.settings_table = _table(
            self.settings, translate("Playground", "Settings of both runs"), self
        )
        self.pairs_table = _table(self.pairs, translate("Playground", "Aligned steps"), self)
        self.facts_table = _table(
            self.pair_facts, translate("Playground", "The selected steps compared"), self
        )
        self.pairs_table.selectionModel().currentRowChanged.connect(self._on_pair_changed)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for table in (self.settings_table, self.pairs_table, self.facts_table):
            splitter.addWidget(table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.comparison: Comparison | None = None

    def show_comparison(self, left: Run, right: Run, comparison: Comparison) -> None:
        self.comparison = comparison
        self.title.setText(
            translate(
                "Playground",
                "<b>Left</b>: %1 · %2 &nbsp; <b>Right</b>: %3 · %4 &nbsp; — %5 differences",
            )
            .replace("%1", left.id[-8:])
            .replace("%2", model_label(left))
            .replace("%3", right.id[-8:])
            .replace("%4", model_label(right))
            .replace("%5", str(comparison.differences))
        )
        self.settings.set_items(list(comparison.settings))
        self.pairs.set_items(list(comparison.pairs))
        self.pair_facts.set_items([])
        first = next((i for i, p in enumerate(comparison.pairs) if not p.matched), 0)
        if comparison.pairs:
            self.pairs_table.selectRow(first)

    def _on_pair_changed(self, current: QModelIndex) -> None:
        row = current.row()
        if self.comparison is not None and 0 <= row < len(self.comparison.pairs):
            self.pair_facts.set_items(list(self.comparison.pairs[row].facts))
