"""The Playground tab of a GPT: start runs with their own settings and inspect every step.

Left: the thread, the next run's settings and message, and the thread's runs. Right: the
selected run's timeline and the step inspector (or two runs compared), with what a
paused run waits for above them. Everything slow runs through the app's tasks; live
events update one row of a model each. GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QWidget

from desktop.core import errors
from desktop.core.runs import events as ev
from desktop.core.runs.again import run_again
from desktop.core.runs.compare import Comparison
from desktop.core.runs.overrides import RunOverrides
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.trace import Trace
from desktop.core.store.records import Thread
from desktop.ui.playground.again_dialog import RunAgainDialog
from desktop.ui.playground.compare_view import compared
from desktop.ui.playground.labels import translate
from desktop.ui.playground.layout import PlaygroundLayout
from desktop.ui.playground.live import LiveRun, Streams
from desktop.ui.playground.run_view import LIVE
from desktop.ui.playground.runs_model import Listing, RunRow, read_listing, read_threads
from desktop.ui.playground.settings_form import Choices, overrides_of, read_choices
from desktop.ui.playground.tool_panel import image_loader
from desktop.ui.playground.traces import TraceFiles

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class PlaygroundPage(PlaygroundLayout):
    """The open GPT's playground.

    Signals:
        action_requested(UserAction): go where an error's fix is.
        settings_requested(str): open settings at a section.
        run_shown(str): the timeline of this run is on screen (loaded, live or from a file).
        run_finished(str): a run streamed here ended (completed, failed, stopped or paused).
        comparison_shown(): two runs are shown side by side.
        trace_saved(str): a run's trace was saved to this file.
        runs_listed(): the chosen thread's runs are listed (after opening a GPT, say).
    """

    action_requested = Signal(object)
    settings_requested = Signal(str)
    run_shown = Signal(str)
    run_finished = Signal(str)
    comparison_shown = Signal()
    trace_saved = Signal(str)
    runs_listed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(image_loader(services), parent)
        self._services = services
        self.gpt_id = ""
        self.thread_id: str | None = None
        self.streams = Streams(services, self)
        self.streams.event_arrived.connect(self._on_event_arrived)
        self.streams.stream_ended.connect(self._on_stream_ended)
        self.streams.start_failed.connect(self._on_start_failed)
        self.streams.thread_created.connect(self._on_thread_created)
        self.inspector.action_requested.connect(self.action_requested)
        self.run_button.clicked.connect(self.start_run)
        self.stop_button.clicked.connect(self.stop_run)
        self.again_button.clicked.connect(self.run_again)
        self.compare_button.clicked.connect(self.compare_selected)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.traces = TraceFiles(services, self)
        self.traces.saved.connect(self._on_saved)
        self.traces.opened.connect(self._on_trace_opened)
        self.traces.failed.connect(self.status.setText)
        self.open_button.clicked.connect(self.traces.ask_open)
        self.threads.activated.connect(self._on_thread_chosen)
        self.compare_view.close_requested.connect(self.show_single)
        self.outputs_editor.outputs_submitted.connect(self._on_outputs_submitted)
        self.consent_bar.answered.connect(self._on_consent_answered)
        self.runs_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.runs_view.selectionModel().currentRowChanged.connect(self._on_run_row_changed)
        self.shown: RunRow | None = None
        # The run read with the runs list, shown without a second read when it is selected.
        self._preloaded: RunTimeline | None = None

    # -- what the shell asks -------------------------------------------------------------

    def open_gpt(self, gpt_id: str) -> None:
        """Show `gpt_id`'s playground: its threads, the latest one's runs, the latest run."""
        if gpt_id != self.gpt_id:
            self.gpt_id = gpt_id
            self.thread_id = None
            self.shown = None
            self.runs_model.set_runs([])
            self.steps_model.set_timeline(RunTimeline())
            self.show_single()
        self._load_gpt()

    def close_gpt(self) -> None:
        """Stop what runs for this GPT before the window closes (each is recorded stopped)."""
        self.streams.stop_all()

    # -- loading -------------------------------------------------------------------------

    def _load_gpt(self) -> None:
        """Read the GPT's choices, threads, runs and the run to show, in one worker call."""
        services, gpt_id, current = self._services, self.gpt_id, self.thread_id
        self._services.tasks.run(
            lambda: (
                read_choices(services, gpt_id),
                *read_threads(services.store, gpt_id, current),
            ),
            self._on_gpt_loaded,
            owner=self,
        )

    def _on_gpt_loaded(
        self, loaded: tuple[Choices, list[Thread], str | None, Listing | None]
    ) -> None:
        choices, threads, thread, listing = loaded
        if choices != self.form.choices:  # the same GPT again keeps what the user set
            self.form.set_choices(choices)
        self.set_threads(threads, thread)
        self.thread_id = thread
        self._on_runs_loaded(thread, listing, None)

    def _load_runs(self, select: str | None = None) -> None:
        thread_id, store = self.thread_id, self._services.store
        if thread_id is None:
            self._on_runs_loaded(None, None, None)
            return
        self._services.tasks.run(
            lambda: read_listing(store, thread_id, select),
            lambda listing: self._on_runs_loaded(thread_id, listing, select),
            owner=self,
        )

    def _on_runs_loaded(
        self, thread_id: str | None, listing: Listing | None, select: str | None
    ) -> None:
        if thread_id != self.thread_id:
            return
        runs = listing.runs if listing is not None else []
        self.runs_model.set_runs(runs)
        self._preloaded = listing.shown if listing is not None else None
        row = self.runs_model.row_of(select) if select else len(runs) - 1
        self.select_run_row(row)
        self.runs_listed.emit()

    def _on_thread_chosen(self, index: int) -> None:
        self.thread_id = self.threads.itemData(index)
        self._load_runs()

    # -- showing a run ---------------------------------------------------------------------

    def select_run_row(self, row: int) -> None:
        """Select one row of the runs list (and show that run)."""
        if row < 0:
            self.runs_view.selectionModel().clear()
            self._show_row(None)
            return
        index = self.runs_model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.runs_view.selectionModel().setCurrentIndex(index, flags)

    def _on_run_row_changed(self, current: QModelIndex) -> None:
        self._show_row(self.runs_model.at(current.row()))

    def _show_row(self, row: RunRow | None) -> None:
        self.shown = row
        self.show_single()
        self._update_buttons()
        if row is None:
            self.steps_model.set_timeline(RunTimeline())
            self._after_shown()
            return
        timeline = self._at_hand(row)
        if timeline is not None:
            self._show_timeline(timeline)
        else:
            run_id = row.run.id
            self._services.tasks.run(
                lambda: RunTimeline.load(self._services.store, run_id),
                lambda timeline: self._on_run_loaded(run_id, timeline),
                owner=self,
            )

    def _at_hand(self, row: RunRow) -> RunTimeline | None:
        """The row's timeline where it needs no read: from a file, live, or read with the list."""
        if row.trace is not None:
            return row.trace.timeline
        live = self.streams.get(row.run.id)
        if live is not None:
            return live.timeline
        preloaded = self._preloaded
        if preloaded is not None and preloaded.run is not None and preloaded.run.id == row.run.id:
            return preloaded
        return None

    def _on_run_loaded(self, run_id: str, timeline: RunTimeline) -> None:
        if self.shown is not None and self.shown.trace is None and self.shown.run.id == run_id:
            self._show_timeline(timeline)

    def _show_timeline(self, timeline: RunTimeline) -> None:
        self._preloaded = None
        self.single.show_timeline(timeline)
        self._after_shown()
        if timeline.run is not None:
            self.run_shown.emit(timeline.run.id)

    def _after_shown(self) -> None:
        """Show what the shown run waits for; Stop is for a run that runs or waits."""
        self.single.update_waiting()
        run = self.steps_model.timeline.run
        self.stop_button.setEnabled(
            run is not None and (run.status in LIVE or run.status == "requires_action")
        )

    def select_step_row(self, row: int) -> None:
        """Inspect the shown run's step in `row` (-1: the run itself)."""
        self.single.select_step_row(row)

    # -- starting, continuing and stopping runs --------------------------------------------

    def start_run(self) -> None:
        """Send the message with the form's settings, in the chosen thread (or a new one)."""
        text = self.message.toPlainText()
        if not text.strip():
            self.show_problem(translate("Playground", "Type a message to send first."))
            return
        self.show_problem("")
        values = self.form.values()
        services, gpt_id, thread_id = self._services, self.gpt_id, self.thread_id

        def begin() -> Any:
            return services.engine.run(
                gpt_id, text, thread_id=thread_id, overrides=overrides_of(values, services.models)
            )

        self.streams.start(begin)
        self.single.following = True
        self.run_button.setEnabled(False)

    def stop_run(self) -> None:
        """Stop the shown run: between tokens if it streams, at once if it is paused."""
        run = self.steps_model.timeline.run
        if run is None:
            return
        self.stop_button.setEnabled(False)
        if self.streams.get(run.id) is None:  # paused: nothing streams, so reload it
            self.streams.stop(run.id, lambda _run: self._load_runs(select=run.id))
        else:
            self.streams.stop(run.id)

    def _continue(self, make: Any) -> None:
        """Continue the shown run (outputs submitted, consent answered) as a live run."""
        self.streams.start(make, timeline=self.steps_model.timeline)
        self.single.following = True
        self.outputs_editor.set_pending([])
        self.consent_bar.hide()
        self.timeline_view.set_live(True)

    def _on_outputs_submitted(self, outputs: dict[str, str]) -> None:
        run = self.steps_model.timeline.run
        if run is not None:
            engine = self._services.engine
            self._continue(lambda: engine.submit_tool_outputs(run.id, outputs))

    def _on_consent_answered(self, decision: str) -> None:
        run = self.steps_model.timeline.run
        if run is not None:
            engine = self._services.engine
            self._continue(lambda: engine.answer_consent(run.id, decision))

    def run_again(self) -> None:
        """Open "Run again with…" for the selected run; its answer starts the repeat."""
        row = self.shown
        timeline = self.steps_model.timeline
        if row is None or row.trace is not None or timeline.user_message is None:
            return
        dialog = RunAgainDialog(
            self.form.choices, timeline.user_message.text, RunOverrides.of(row.run), self
        )
        dialog.accepted.connect(lambda: self._on_again_accepted(dialog, row.run.id))
        self.again_dialog = dialog
        dialog.open()

    def _on_again_accepted(self, dialog: RunAgainDialog, run_id: str) -> None:
        values, where = dialog.values(), dialog.where()
        services = self._services

        def begin() -> Any:
            overrides = overrides_of(values, services.models)
            return run_again(services.engine, services.store, run_id, overrides, where)  # type: ignore[arg-type]

        self.streams.start(begin, compare_with=run_id)
        self.single.following = True
        dialog.deleteLater()

    # -- live events -------------------------------------------------------------------------

    def _on_event_arrived(self, live: LiveRun, event: ev.Event) -> None:
        shown = self.steps_model.timeline is live.timeline
        change = self.steps_model.apply(event) if shown else live.timeline.apply(event)
        run = live.timeline.run
        if change is not None and change.kind == "run" and run is not None:
            if run.thread_id == self.thread_id:
                row = self.runs_model.put(run)
                if event.event == ev.RUN_CREATED:
                    self.select_run_row(row)
            if shown:
                self._after_shown()
                if self.inspector.step_id is None:
                    self.inspector.show_step(None, live.timeline)

    def _on_thread_created(self, thread: Thread) -> None:
        if thread.gpt_id != self.gpt_id:
            return
        self.thread_id = thread.id
        self.add_thread(thread)
        self.runs_model.set_runs([])

    def _on_stream_ended(self, live: LiveRun) -> None:
        self.run_button.setEnabled(True)
        run = live.timeline.run
        if run is None:
            return
        if self.steps_model.timeline is live.timeline:
            self._after_shown()
            self.single.flush()  # the inspector shows the run as it ended
        if run.status == "completed":
            self.message.clear()
        self.run_finished.emit(run.id)
        if live.compare_with and run.status != "requires_action":
            self.compare_runs(live.compare_with, run.id)

    def _on_start_failed(self, _live: LiveRun, exc: Exception) -> None:
        self.run_button.setEnabled(True)
        if isinstance(exc, errors.ValidationError | errors.ModelError):
            self.show_problem(str(exc))
        else:
            self._services.errors.notify_error(exc)

    # -- comparing ---------------------------------------------------------------------------

    def compare_selected(self) -> None:
        rows = sorted({i.row() for i in self.runs_view.selectionModel().selectedRows()})
        if len(rows) == 2:
            left, right = (self.runs_model.at(r) for r in rows)
            assert left is not None and right is not None
            self._compare(self._at_hand(left) or left.run.id, self._at_hand(right) or right.run.id)

    def compare_runs(self, left_id: str, right_id: str) -> None:
        """Compare two runs by id (a repeat with the run it repeats)."""
        live = [self.streams.get(run_id) for run_id in (left_id, right_id)]
        self._compare(
            *(r.timeline if r else i for r, i in zip(live, (left_id, right_id), strict=True))
        )

    def _compare(self, left: RunTimeline | str, right: RunTimeline | str) -> None:
        """Compare two runs, each a timeline at hand or the id of one to read (on a worker)."""
        store = self._services.store
        self._services.tasks.run(
            lambda: compared(store, left, right), self._on_compared, owner=self
        )

    def _on_compared(self, result: tuple[RunTimeline, RunTimeline, Comparison]) -> None:
        left, right, comparison = result
        assert left.run is not None and right.run is not None
        self.compare_view.show_comparison(left.run, right.run, comparison)
        self.stack.setCurrentWidget(self.compare_view)
        self.comparison_shown.emit()

    def show_single(self) -> None:
        self.stack.setCurrentWidget(self.single)

    # -- traces ------------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        if self.shown is not None and self.shown.trace is None:
            self.traces.ask_save(self.shown.run.id)

    def export_trace_to(self, path: Path) -> None:
        """Save the shown run's trace to `path` (on a worker)."""
        if self.shown is not None and self.shown.trace is None:
            self.traces.save(self.shown.run.id, path)

    def open_trace_from(self, path: Path) -> None:
        """Read a trace file (on a worker) and show it as a run that can be compared."""
        self.traces.open(path)

    def _on_saved(self, path: Path) -> None:
        self.status.setText(translate("Playground", "Trace saved to %1").replace("%1", str(path)))
        self.trace_saved.emit(str(path))

    def _on_trace_opened(self, trace: Trace, path: Path) -> None:
        self.select_run_row(self.runs_model.add_trace(trace, path))

    # -- helpers -----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        selected = len(self.runs_view.selectionModel().selectedRows())
        stored = self.shown is not None and self.shown.trace is None
        self.compare_button.setEnabled(selected == 2)
        self.again_button.setEnabled(stored)
        self.export_button.setEnabled(stored)
