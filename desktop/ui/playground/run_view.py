"""The run on screen: what it waits for, its timeline, and the step inspector. GUI thread.

While a run streams, the inspector follows its newest step (until the user clicks one)
and refreshes in batches: a streamed answer changes its step's row at every token.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.core.runs.timeline import RunTimeline
from desktop.ui.playground.inspector import StepInspector
from desktop.ui.playground.labels import translate
from desktop.ui.playground.manual_tools import ConsentBar, ToolOutputsEditor
from desktop.ui.playground.steps_model import StepsModel
from desktop.ui.playground.timeline_view import TimelineView, legend
from desktop.ui.playground.tool_panel import ImageLoader

LIVE = ("queued", "in_progress", "cancelling")
# How often the inspector follows a step that streams (its row changes at every token).
INSPECTOR_REFRESH_MS = 100


class RunView(QWidget):
    """One run: the consent question or tool outputs it waits for, its timeline, a step."""

    def __init__(self, load_image: ImageLoader, parent: QWidget) -> None:
        super().__init__(parent)
        self.consent_bar = ConsentBar(self)
        self.outputs_editor = ToolOutputsEditor(self)
        self.steps_model = StepsModel(self)
        self.timeline_view = TimelineView(self.steps_model, self)
        self.empty_hint = QLabel(
            translate("Playground", "No run yet: type a message on the left and press Run."),
            self,
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inspector = StepInspector(load_image, self)
        timeline = QWidget(self)
        timeline_column = QVBoxLayout(timeline)
        timeline_column.setContentsMargins(0, 0, 0, 0)
        timeline_column.addWidget(self.timeline_view, 1)
        timeline_column.addWidget(legend(timeline))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(timeline)
        split.addWidget(self.inspector)
        split.setSizes([170, 470])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.consent_bar)
        column.addWidget(self.outputs_editor)
        column.addWidget(self.empty_hint)
        column.addWidget(split, 1)
        self.following = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(INSPECTOR_REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh_due)
        self.timeline_view.selectionModel().currentRowChanged.connect(self._on_step_row_changed)
        self.timeline_view.clicked.connect(self._on_step_clicked)
        self.steps_model.dataChanged.connect(self._on_steps_changed)
        self.steps_model.rowsInserted.connect(self._on_step_added)

    @property
    def timeline(self) -> RunTimeline:
        return self.steps_model.timeline

    def show_timeline(self, timeline: RunTimeline) -> None:
        """Show another run, its first model call in the inspector."""
        self.steps_model.set_timeline(timeline)
        calls = [i for i, s in enumerate(timeline.steps) if s.model_call is not None]
        self.select_step_row(calls[0] if calls else -1)
        self.update_waiting()

    def update_waiting(self) -> None:
        """Show what the run waits for, and let its bars grow while it runs."""
        run = self.timeline.run
        self.timeline_view.set_live(run is not None and run.status in LIVE)
        self.empty_hint.setVisible(run is None)
        required = (run.required_action or {}) if run is not None else {}
        waiting = run is not None and run.status == "requires_action"
        if waiting and required.get("type") == "submit_tool_outputs":
            self.outputs_editor.set_pending(required["submit_tool_outputs"]["tool_calls"])
        else:
            self.outputs_editor.set_pending([])
        if waiting and required.get("type") == "consent":
            self.consent_bar.ask(required["consent"])
        else:
            self.consent_bar.hide()

    def select_step_row(self, row: int) -> None:
        """Inspect the step in `row` (-1: the run itself)."""
        if row < 0:
            self.timeline_view.clearSelection()
            self.inspector.show_step(None, self.timeline)
        else:
            self.timeline_view.selectRow(row)
            self._on_step_row_changed(self.steps_model.index(row, 0))

    def flush(self) -> None:
        """Refresh the inspector now if a refresh is pending (the run just ended)."""
        if self._refresh.isActive():
            self._refresh.stop()
            self._on_refresh_due()

    def _on_step_row_changed(self, current: QModelIndex) -> None:
        self.inspector.show_step(self.steps_model.step_at(current.row()), self.timeline)

    def _on_step_added(self, _parent: QModelIndex, _first: int, last: int) -> None:
        if self.following:
            self.select_step_row(last)

    def _on_step_clicked(self) -> None:
        self.following = False

    def _on_steps_changed(self, top_left: QModelIndex, _bottom_right: QModelIndex) -> None:
        """A row changed: refresh the inspector soon (once per batch) if it shows that step."""
        step = self.steps_model.step_at(top_left.row())
        shown = step is not None and step.id == self.inspector.step_id
        if shown and not self._refresh.isActive():
            self._refresh.start()

    def _on_refresh_due(self) -> None:
        step = self.steps_model.step_at(self.steps_model.row_of(self.inspector.step_id or ""))
        if step is not None:
            self.inspector.show_step(step, self.timeline)
