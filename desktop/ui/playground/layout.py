"""The playground's widgets and where they sit; the page (`page.py`) gives them life.

GUI thread.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store.records import Thread
from desktop.ui.playground.compare_view import CompareView
from desktop.ui.playground.labels import translate
from desktop.ui.playground.run_view import RunView
from desktop.ui.playground.runs_model import RunsModel
from desktop.ui.playground.settings_form import SettingsForm
from desktop.ui.playground.tool_panel import ImageLoader
from desktop.ui.widgets import PROBLEM_COLOR
from desktop.ui.widgets.page import PageFrame

_TITLE_LENGTH = 40


def thread_label(thread: Thread) -> str:
    title = thread.title if len(thread.title) <= _TITLE_LENGTH else thread.title[:39] + "…"
    when = datetime.fromtimestamp(thread.updated_at).strftime("%Y-%m-%d %H:%M")
    return f"{title or translate('Playground', '(untitled)')} · {when}"


class PlaygroundLayout(PageFrame):
    """The widgets of the playground, laid out: the run's controls left, the run right."""

    def __init__(self, load_image: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(translate("Playground", "Playground"), "", parent)
        self.heading.hide()  # the tab already says where we are; the space goes to the run
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._left())
        splitter.addWidget(self._right(load_image))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 640])
        self.body.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.run_button.click)
        QShortcut(QKeySequence("Ctrl+."), self, self.stop_button.click)

    def _left(self) -> QWidget:
        left = QWidget(self)
        self.threads = QComboBox(left)
        self.threads.setAccessibleName(translate("Playground", "Thread"))
        self.form = SettingsForm(left)
        settings = QGroupBox(translate("Playground", "Settings for this run"), left)
        QVBoxLayout(settings).addWidget(self.form)
        self.message = QPlainTextEdit(left)
        self.message.setPlaceholderText(
            translate("Playground", "Message to send (Ctrl+Enter runs it)")
        )
        self.message.setAccessibleName(translate("Playground", "Message"))
        self.message.setMaximumHeight(64)
        self.run_button = QPushButton(translate("Playground", "Run"), left)
        self.run_button.setAccessibleName(translate("Playground", "Run the message"))
        self.run_button.setDefault(True)
        self.stop_button = QPushButton(translate("Playground", "Stop"), left)
        self.stop_button.setAccessibleName(translate("Playground", "Stop the run"))
        self.stop_button.setEnabled(False)
        self.problem = QLabel(left)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.problem.hide()
        self.runs_model = RunsModel(self)
        self.runs_view = QTableView(left)
        self.runs_view.setModel(self.runs_model)
        self.runs_view.setAccessibleName(translate("Playground", "The thread's runs"))
        self.runs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.runs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs_view.verticalHeader().hide()
        self.runs_view.setWordWrap(False)
        header = self.runs_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.stop_button)
        runs_label = QLabel(translate("Playground", "Runs (select two to compare)"), left)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.threads)
        column.addWidget(settings)
        column.addWidget(self.message)
        column.addLayout(buttons)
        column.addWidget(self.problem)
        column.addWidget(runs_label)
        column.addWidget(self.runs_view, 1)
        return left

    def _right(self, load_image: ImageLoader) -> QWidget:
        right = QWidget(self)
        self.again_button = QPushButton(translate("Playground", "Run again with…"), right)
        self.again_button.setAccessibleName(
            translate("Playground", "Run the selected run's message again")
        )
        self.compare_button = QPushButton(translate("Playground", "Compare"), right)
        self.compare_button.setAccessibleName(
            translate("Playground", "Compare the two selected runs")
        )
        self.export_button = QPushButton(translate("Playground", "Export trace…"), right)
        self.export_button.setAccessibleName(
            translate("Playground", "Export the run's trace as JSON")
        )
        self.open_button = QPushButton(translate("Playground", "Open trace…"), right)
        self.open_button.setAccessibleName(
            translate("Playground", "Open a run's trace from a file")
        )
        for button in (self.again_button, self.compare_button, self.export_button):
            button.setEnabled(False)
        self.status = QLabel(right)
        self.status.setWordWrap(True)
        tools = QHBoxLayout()
        for button in (
            self.again_button,
            self.compare_button,
            self.export_button,
            self.open_button,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        self.stack = QStackedWidget(right)
        self.single = RunView(load_image, self.stack)
        # The run view's parts, named here for the page (and tests) to reach.
        self.consent_bar = self.single.consent_bar
        self.outputs_editor = self.single.outputs_editor
        self.steps_model = self.single.steps_model
        self.timeline_view = self.single.timeline_view
        self.inspector = self.single.inspector
        self.compare_view = CompareView(self.stack)
        self.stack.addWidget(self.single)
        self.stack.addWidget(self.compare_view)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(self.status)
        column.addWidget(self.stack, 1)
        return right

    # -- small changes the page makes ----------------------------------------------------------

    def set_threads(self, threads: list[Thread], current: str | None) -> None:
        """The GPT's threads, newest first, after "New thread"; `current` selected."""
        self.threads.clear()
        self.threads.addItem(translate("Playground", "New thread"), None)
        for thread in threads:
            self.threads.addItem(thread_label(thread), thread.id)
        self.threads.setCurrentIndex(max(self.threads.findData(current), 0) if current else 0)

    def add_thread(self, thread: Thread) -> None:
        self.threads.insertItem(1, thread_label(thread), thread.id)
        self.threads.setCurrentIndex(1)

    def show_problem(self, text: str) -> None:
        """A problem with what the user entered, shown under the Run button ('' hides it)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
