"""The step inspector: one page per kind of step, and the run's own when no step is selected.

GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.core.runs.compare import MODEL_CALL, RETRIEVAL, step_kind
from desktop.core.runs.steps import Step
from desktop.core.runs.timeline import RunTimeline
from desktop.ui.playground.labels import translate
from desktop.ui.playground.model_call_panel import ModelCallPanel
from desktop.ui.playground.retrieval_panel import RetrievalPanel
from desktop.ui.playground.run_panel import RunPanel
from desktop.ui.playground.tool_panel import ImageLoader, ToolCallsPanel


class StepInspector(QStackedWidget):
    """Shows one step (or the run) in full.

    Signals:
        action_requested(UserAction): the fix of a run's error was pressed.
    """

    action_requested = Signal(object)

    def __init__(self, load_image: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Playground", "Step inspector"))
        self.run_panel = RunPanel(self)
        self.model_panel = ModelCallPanel(self)
        self.retrieval_panel = RetrievalPanel(self)
        self.tools_panel = ToolCallsPanel(load_image, self)
        for page in (self.run_panel, self.model_panel, self.retrieval_panel, self.tools_panel):
            self.addWidget(page)
        self.run_panel.action_requested.connect(self.action_requested)
        self.step_id: str | None = None

    def show_step(self, step: Step | None, timeline: RunTimeline) -> None:
        """Show `step` of `timeline` (None: the run); call again when it changes."""
        self.step_id = step.id if step is not None else None
        if step is None:
            self.run_panel.show_run(timeline)
            self.setCurrentWidget(self.run_panel)
            return
        kind = step_kind(step)
        if kind == MODEL_CALL:
            self.model_panel.show_step(step, timeline)
            self.setCurrentWidget(self.model_panel)
        elif kind == RETRIEVAL:
            self.retrieval_panel.show_step(step)
            self.setCurrentWidget(self.retrieval_panel)
        else:
            self.tools_panel.show_step(step)
            self.setCurrentWidget(self.tools_panel)
