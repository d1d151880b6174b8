"""The knowledge settings: chunking, retrieval and the embedding model, each explained in a line.

GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import KnowledgeSettings
from desktop.ui.builder.create_model_picker import ModelPicker
from desktop.ui.builder.problems import reason_text
from desktop.ui.builder.sections.base import hint
from desktop.ui.widgets import PROBLEM_COLOR

FIELDS = (
    "chunk_size",
    "chunk_overlap",
    "top_k",
    "score_threshold",
    "retrieval_mode",
    "embedding_model",
)
MODES = ("auto", "bm25", "hybrid")


class KnowledgeSettingsForm(QWidget):
    """The fields of `KnowledgeSettings` (all but the file list).

    Signals:
        changed(): the user edited a field.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.chunk_size = QSpinBox(self)
        self.chunk_size.setRange(32, 8192)
        self.chunk_size.setSingleStep(50)
        self.chunk_size.setSuffix(self.tr(" tokens"))
        self.chunk_overlap = QSpinBox(self)
        self.chunk_overlap.setRange(0, 4096)
        self.chunk_overlap.setSingleStep(10)
        self.chunk_overlap.setSuffix(self.tr(" tokens"))
        self.top_k = QSpinBox(self)
        self.top_k.setRange(1, 100)
        self.score_threshold = QDoubleSpinBox(self)
        self.score_threshold.setRange(0.0, 1000.0)
        self.score_threshold.setDecimals(3)
        self.score_threshold.setSingleStep(0.1)
        self.retrieval_mode = QComboBox(self)
        for mode, label in zip(
            MODES,
            (
                self.tr("Automatic"),
                self.tr("Keywords only (BM25)"),
                self.tr("Keywords and meaning (hybrid)"),
            ),
            strict=True,
        ):
            self.retrieval_mode.addItem(label, mode)
        self.embedding_model = ModelPicker(
            self.tr("None (keyword search only)"),
            embedding=True,
            placeholder=self.tr("None, or provider:model"),
            parent=self,
        )
        self.problems: dict[str, QLabel] = {}
        self._build()
        for spin in (self.chunk_size, self.chunk_overlap, self.top_k):
            spin.valueChanged.connect(self._on_edited)
        self.score_threshold.valueChanged.connect(self._on_edited)
        self.retrieval_mode.currentIndexChanged.connect(self._on_edited)
        self.embedding_model.currentTextChanged.connect(self._on_edited)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        rows = (
            (
                self.chunk_size,
                self.tr("Chunk size"),
                self.tr("How much text each searchable piece holds; smaller finds details."),
            ),
            (
                self.chunk_overlap,
                self.tr("Overlap"),
                self.tr("Text shared by neighbouring pieces, so no sentence is cut in two."),
            ),
            (
                self.top_k,
                self.tr("Pieces per answer"),
                self.tr("How many pieces the GPT reads before each answer (top-k)."),
            ),
            (
                self.score_threshold,
                self.tr("Minimum score"),
                self.tr("Pieces scoring below this are left out; 0 keeps every match."),
            ),
            (
                self.retrieval_mode,
                self.tr("Search mode"),
                self.tr("Automatic uses meaning as well as keywords once there are embeddings."),
            ),
            (
                self.embedding_model,
                self.tr("Embedding model"),
                self.tr(
                    "Lets search match meaning, not only words; takes effect once saved as a "
                    "version and re-indexed."
                ),
            ),
        )
        for name, (field, label, help_text) in zip(FIELDS, rows, strict=True):
            field.setAccessibleName(label)
            field.setAccessibleDescription(help_text)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(hint(help_text, self))
            problem = QLabel(self)
            problem.setProperty("help", help_text)  # the description again once fixed
            problem.setWordWrap(True)
            problem.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
            problem.hide()
            column.addWidget(problem)
            self.problems[name] = problem
            form.addRow(label, column)

    # -- the contract with the section ----------------------------------------------------------

    def load(self, settings: KnowledgeSettings) -> None:
        """Show `settings` without reporting an edit."""
        self._loading = True
        try:
            self.chunk_size.setValue(settings.chunk_size)
            self.chunk_overlap.setValue(settings.chunk_overlap)
            self.top_k.setValue(settings.top_k)
            self.score_threshold.setValue(settings.score_threshold)
            self.retrieval_mode.setCurrentIndex(max(0, MODES.index(settings.retrieval_mode)))
            self.embedding_model.select(settings.embedding_model)
        finally:
            self._loading = False
        self.show_problems({})

    def values(self) -> dict[str, Any]:
        """The fields as `update_definition` takes them under "knowledge"."""
        return {
            "chunk_size": self.chunk_size.value(),
            "chunk_overlap": self.chunk_overlap.value(),
            "top_k": self.top_k.value(),
            "score_threshold": round(self.score_threshold.value(), 3),
            "retrieval_mode": self.retrieval_mode.currentData(),
            "embedding_model": self.embedding_model.reference(),
        }

    def fields(self) -> list[QWidget]:
        """The fields in reading order."""
        return [getattr(self, name) for name in FIELDS]

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark fields with their problem (field name to the validator's words).

        The words are said in the GUI's language where they are a known wording.
        """
        for name, label in self.problems.items():
            text = reason_text(problems[name]) if name in problems else ""
            label.setText(text)
            label.setVisible(bool(text))
            field = getattr(self, name)
            field.setToolTip(text)
            field.setAccessibleDescription(text or label.property("help"))

    # -- inside ---------------------------------------------------------------------------------

    def _on_edited(self) -> None:
        if not self._loading:
            self.changed.emit()
