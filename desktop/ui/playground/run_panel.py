"""The inspector's page for the run itself: its settings, usage, timings and error.

Shown when no step is selected. A failed run's error shows in place, with the button of
the fix its action names. GUI thread.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.runs.overrides import RunOverrides
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store.records import Run
from desktop.ui.errors import notice_from_dict
from desktop.ui.playground.labels import (
    duration_text,
    fact_name,
    number_text,
    status_text,
    translate,
)
from desktop.ui.playground.runs_model import model_label
from desktop.ui.widgets import ErrorBanner


def settings_lines(run: Run) -> list[str]:
    """What the run was asked to do differently from its GPT, in words."""
    overrides = RunOverrides.of(run).to_dict()
    lines = []
    for key, value in overrides.items():
        shown = (
            value
            if not isinstance(value, dict)
            else ", ".join(f"{k} {v}" for k, v in value.items())
        )
        name = {
            "additional_instructions": translate("Playground", "Additional instructions"),
            "manual_tool_outputs": translate("Playground", "Tool outputs by hand"),
        }.get(key, fact_name(key))
        lines.append(f"{name}: {shown}")
    return lines


class RunPanel(QWidget):
    """One run, summed up.

    Signals:
        action_requested(UserAction): the user pressed the fix of the run's error.
    """

    action_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser(self)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setAccessibleName(translate("Playground", "Run summary"))
        self.error = ErrorBanner(self)
        self.error.action_requested.connect(self.action_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.text, 1)

    def show_run(self, timeline: RunTimeline) -> None:
        run = timeline.run
        if run is None:
            self.text.setText(translate("Playground", "Choose a run, or start one."))
            self.error.set_text("")
            return
        usage = run.usage or {}
        timings = run.timings or {}
        rows = [
            (translate("Playground", "Status"), status_text(run.status)),
            (translate("Playground", "Model"), model_label(run)),
            (translate("Playground", "GPT version"), str(run.gpt_version)),
            (
                translate("Playground", "Tokens"),
                translate("Playground", "%1 prompt + %2 completion")
                .replace("%1", number_text(usage.get("prompt_tokens")))
                .replace("%2", number_text(usage.get("completion_tokens"))),
            ),
            (translate("Playground", "Time to first token"), duration_text(timings.get("ttft_ms"))),
            (translate("Playground", "Tokens/s"), number_text(timings.get("tokens_per_s"))),
            (translate("Playground", "Duration"), duration_text(timings.get("duration_ms"))),
            (translate("Playground", "Steps"), str(len(timeline.steps))),
        ]
        rows += [(translate("Playground", "Setting"), line) for line in settings_lines(run)]
        body = "".join(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        self.text.setText(f"<table>{body}</table>")
        if run.last_error:
            self.error.show_notice(notice_from_dict(run.last_error))
        else:
            self.error.set_text("")
