"""The models on this machine: metadata, memory estimate, GPU layers; import and delete.

A table over core's `ModelFacts` (GGUF metadata, the memory estimate against this
machine's RAM, and what `gpu_layers: auto` does with the llama.cpp build). Importing a
GGUF copies it with progress (and can be cancelled); deleting asks first, naming the
files and their size. GUI thread; disk work runs through `services.tasks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from desktop.core import errors
from desktop.core.models.library import ImportResult, RemoveResult
from desktop.core.models.overview import ModelFacts, model_facts
from desktop.core.models.progress import Progress
from desktop.core.units import human_count, human_size
from desktop.ui.settings import rows, wording
from desktop.ui.settings.jobs import ProgressJob
from desktop.ui.settings.rows import RowsModel, TableArea, table_view
from desktop.ui.settings.section import Section
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ModelsModel(RowsModel[ModelFacts]):
    """Local models: id, kind, architecture, quantization, size, memory, GPU layers."""

    def key(self, record: ModelFacts) -> str:
        return record.model.id

    def cell(self, record: ModelFacts, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole and self._troubled(record, column):
            return PROBLEM_COLOR
        return None

    def _text(self, record: ModelFacts, column: int) -> str:
        if column == 0:
            return record.model.id
        if record.model.info is None:
            return self.tr("Not usable") if column == 1 else ""
        return self._columns(record)[column - 1]

    def _tip(self, record: ModelFacts, column: int) -> str | None:
        if record.model.info is None:
            return record.model.problem
        if column == 7 and record.estimate is not None:
            return record.estimate.warning or wording.memory_text(record.estimate)
        return str(record.model.path) if column == 0 else None

    def _troubled(self, record: ModelFacts, column: int) -> bool:
        if record.model.info is None:
            return column == 1
        return column == 7 and record.estimate is not None and bool(record.estimate.warning)

    def _columns(self, record: ModelFacts) -> list[str]:
        info = record.model.info
        assert info is not None
        if info.embedding:
            kind = self.tr("embeddings")
        elif info.chat_template:
            kind = self.tr("chat")
        else:
            kind = self.tr("no chat template")
        memory = human_size(record.estimate.total) if record.estimate else "?"
        if record.estimate is not None and record.estimate.warning:
            memory += " ⚠"
        return [
            kind,
            info.architecture,
            info.quantization,
            human_count(info.parameter_count),
            f"{info.context_length:,}" if info.context_length else "?",
            human_size(info.file_size),
            memory,
            wording.gpu_layers_text(record),
        ]


class InstalledPane(Section):
    """The local models table, with import (with progress) and delete (with a question).

    Signals:
        models_changed(): a model was imported or deleted.
        listed(): the table was filled.
        imported(object): an `ImportResult`.
        import_failed(object): the import's exception (a `CancelledError` when cancelled).
    """

    models_changed = Signal()
    listed = Signal()
    imported = Signal(object)
    import_failed = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._build_info: dict[str, Any] = {}
        # The build's facts the table was last listed with ({} before they are known).
        self.listed_build: dict[str, Any] = {}
        self.job: ProgressJob | None = None
        self.file_dialog: QFileDialog | None = None
        self._build()

    def _build(self) -> None:
        layout = self.column
        headers = [
            self.tr("Model"),
            self.tr("Kind"),
            self.tr("Architecture"),
            self.tr("Quantization"),
            self.tr("Parameters"),
            self.tr("Context"),
            self.tr("Size"),
            self.tr("Memory"),
            self.tr("GPU layers"),
        ]
        self.model = ModelsModel(headers, self)
        self.table = table_view(self.model, self.tr("Models on this machine"), self)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.area = TableArea(
            self.table,
            self.tr(
                "No models on this machine yet. Download one from the catalog below, or "
                "import a .gguf file you already have."
            ),
            self,
        )
        self.area.show_rows(False)
        layout.addWidget(self.area, 1)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("The selected model's details"))
        layout.addWidget(self.details)
        row = QHBoxLayout()
        self.import_button = self.button(
            self.tr("&Import a GGUF file…"), self.tr("Import a GGUF model file"), self.choose_file
        )
        self.delete_button = self.button(
            self.tr("&Delete…"), self.tr("Delete the selected model"), self.delete_selected
        )
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        self.cancel_button = self.button(
            self.tr("Cancel import"), self.tr("Cancel the import"), self.cancel_import
        )
        self.cancel_button.hide()
        for widget in (self.import_button, self.delete_button):
            row.addWidget(widget)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(0)
        layout.addLayout(row)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._on_selection_changed()

    # -- listing -----------------------------------------------------------------------------

    def set_build_info(self, build: dict[str, Any]) -> None:
        """The llama.cpp build's facts arrived: list again with what auto offloads."""
        self._build_info = build
        self.refresh()

    def refresh(self) -> None:
        shelf, build = self._services.models, dict(self._build_info)
        self._services.tasks.run(
            lambda: ([model_facts(m, build) for m in shelf.list()], build),
            self._on_listed,
            owner=self,
        )

    def _on_listed(self, found: tuple[list[ModelFacts], dict[str, Any]]) -> None:
        facts, self.listed_build = found
        chosen = self.selected()
        self.model.set_rows(facts)
        self.area.show_rows(bool(facts))
        if chosen is not None:
            self.select(chosen.model.id)
        self._on_selection_changed()
        self.listed.emit()

    def selected(self) -> ModelFacts | None:
        return rows.selected(self.table, self.model)

    def select(self, model_id: str) -> None:
        rows.select(self.table, self.model, model_id)

    def _on_selection_changed(self) -> None:
        facts = self.selected()
        self.delete_button.setEnabled(facts is not None)
        self.details.setText(self._describe(facts) if facts is not None else "")

    def _describe(self, facts: ModelFacts) -> str:
        info = facts.model.info
        lines = [self.tr("File: %1").replace("%1", str(facts.model.path))]
        if info is None:
            lines.append(self.tr("Not usable: %1").replace("%1", facts.model.problem or ""))
            return "\n".join(lines)
        if info.name:
            lines.append(self.tr("Name in the file: %1").replace("%1", info.name))
        lines.append(
            self.tr("Trained context: %1 tokens; layers: %2; chat template: %3")
            .replace("%1", f"{info.context_length:,}" if info.context_length else "?")
            .replace("%2", str(info.block_count or "?"))
            .replace("%3", self.tr("yes") if info.chat_template else self.tr("no"))
        )
        if facts.estimate is not None:
            lines.append(wording.memory_text(facts.estimate))
            if facts.estimate.warning:
                lines.append(facts.estimate.warning)
        fit = wording.gpu_fit_text(facts)
        if fit:
            lines.append(fit)
        return "\n".join(lines)

    # -- import --------------------------------------------------------------------------------

    def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Import a GGUF model file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("GGUF models (*.gguf)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def import_file(self, path: Path) -> None:
        """Copy `path` into the model folder in the background, with progress."""
        if self.job is not None and self.job.running:
            return
        shelf = self._services.models
        self.job = ProgressJob(
            self._services.tasks,
            lambda progress, cancel: shelf.import_file(path, progress, cancel),
            self,
        )
        self.job.progressed.connect(self._on_import_progress)
        self.job.succeeded.connect(self._on_imported)
        self.job.failed.connect(self._on_import_failed)
        self.error_banner.set_text("")
        self.status.setText(self.tr("Checking %1…").replace("%1", path.name))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.import_button.setEnabled(False)
        self.job.start()

    def cancel_import(self) -> None:
        if self.job is not None:
            self.job.stop()

    def _on_import_progress(self, progress: Progress) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(round((progress.fraction or 0.0) * 1000))
        self.status.setText(wording.progress_text(progress))

    def _import_over(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.import_button.setEnabled(True)

    def _on_imported(self, result: ImportResult) -> None:
        self._import_over()
        if result.already_present:
            text = self.tr("%1 is already on this machine (the same file).")
        else:
            text = self.tr("Imported %1.")
        self.status.setText(text.replace("%1", result.id))
        self.refresh()
        self.listed.connect(lambda: self.select(result.id), Qt.ConnectionType.SingleShotConnection)
        self.models_changed.emit()
        self.imported.emit(result)

    def _on_import_failed(self, error: Exception) -> None:
        self._import_over()
        if isinstance(error, errors.CancelledError):
            self.status.setText(self.tr("Import cancelled; nothing was copied."))
        else:
            self.status.setText("")
            self.show_error(error)
        self.import_failed.emit(error)

    # -- delete ----------------------------------------------------------------------------------

    def delete_selected(self) -> None:
        """Find the files the model takes (with partial downloads), then ask."""
        facts = self.selected()
        if facts is None:
            return
        shelf = self._services.models
        path = facts.model.path
        self._services.tasks.run(
            lambda: [(f, f.stat().st_size) for f in shelf.removable_files(path)],
            lambda files: self._confirm_delete(facts.model.id, path, files),
            self.show_error,
            owner=self,
        )

    def _confirm_delete(self, model_id: str, path: Path, files: list[tuple[Path, int]]) -> None:
        size = human_size(sum(size for _, size in files))
        shelf = self._services.models

        def delete() -> None:
            self._services.tasks.run(
                lambda: shelf.remove(path), self._on_deleted, self.show_error, owner=self
            )

        self.ask(
            self.tr("Delete model"),
            self.tr("Delete %1 from this machine? This frees %2 and cannot be undone.")
            .replace("%1", model_id)
            .replace("%2", size),
            self.tr("Delete"),
            delete,
            "\n".join(f"• {file}" for file, _ in files),
        )

    def _on_deleted(self, result: RemoveResult) -> None:
        self.status.setText(
            self.tr("Deleted %1 (%2 freed).")
            .replace("%1", ", ".join(p.name for p in result.removed))
            .replace("%2", human_size(result.freed))
        )
        self.refresh()
        self.models_changed.emit()
