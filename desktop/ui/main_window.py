"""The main window: the GPTs and local models there are, and what is missing to start."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.paths import Paths
from desktop.core.providers.local import LocalModel, LocalModels
from desktop.core.store import Store
from desktop.core.store.records import Gpt
from desktop.core.tools.code_interpreter.notes import UNISOLATED_WARNING
from desktop.core.tools.code_interpreter.probe import Protection
from desktop.core.units import human_size
from desktop.ui import tasks
from desktop.ui.errors import ErrorChannel, user_message
from desktop.ui.formatting import (
    human_time,
    missing_notes,
    model_problem,
    plural,
)
from desktop.ui.widgets import (
    ERROR_COLORS,
    INFO_COLORS,
    PROBLEM_COLOR,
    Banner,
    ListPane,
    table_item,
)


class UnisolatedChoice(Protocol):
    """The user's choice to run code where nothing isolates it from their files."""

    def allowed(self) -> bool: ...

    def allow(self, allowed: bool) -> None: ...


class MainWindow(QMainWindow):
    """Lists GPTs and local models and says what is missing. GUI thread only.

    Lists are read in the background (model discovery reads files) on `refresh()`.

    Signals:
        gpts_listed(list): the GPT pane now shows these `Gpt`s.
        models_listed(list): the model pane now shows these `LocalModel`s.
        listing_failed(str): a list could not be read; the message went to the error channel.
    """

    gpts_listed = Signal(list)
    models_listed = Signal(list)
    listing_failed = Signal(str)
    sandbox_shown = Signal(list)

    def __init__(
        self,
        store: Store,
        local_models: LocalModels,
        paths: Paths,
        errors: ErrorChannel,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        profiles: Callable[[], list[str]] = list,
        sandbox: Callable[[], Protection] | None = None,
        unisolated: UnisolatedChoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._local_models = local_models
        self._paths = paths
        self._errors = errors
        self._open_url = open_url
        self._list_profiles = profiles
        self._sandbox = sandbox
        self._unisolated = unisolated
        self.sandbox_box: QMessageBox | None = None
        self._profiles: list[str] = []
        self._gpts: list[Gpt] | None = None
        self._models: list[LocalModel] | None = None
        self._generation = 0
        self._tasks: list[tasks.Task] = []
        self.setWindowTitle("Capsule Studio")
        self.resize(1080, 640)
        self._build_actions()
        self._build_body()
        errors.error_reported.connect(self._on_error_reported)

    # -- construction ------------------------------------------------------------------

    def _build_actions(self) -> None:
        style = self.style()
        self.refresh_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), "&Refresh", self
        )
        self.refresh_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.refresh_action.triggered.connect(self.refresh)
        self.open_models_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon), "Open &models folder", self
        )
        self.open_models_action.setToolTip(f"Open {self._paths.user_models}")
        self.open_models_action.triggered.connect(self._on_open_models_requested)
        self.sandbox_action = QAction("Code interpreter &sandbox…", self)
        self.sandbox_action.setToolTip(
            "What protects your machine when a GPT runs code: network, processes, user"
        )
        self.sandbox_action.triggered.connect(self._on_sandbox_requested)
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu("&File")
        menu.addActions([self.refresh_action, self.open_models_action])
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.menuBar().addMenu("&Settings").addAction(self.sandbox_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.refresh_action, self.open_models_action])

    def _build_body(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        self.error_banner = Banner(
            ERROR_COLORS, QStyle.StandardPixmap.SP_MessageBoxCritical, body, dismissible=True
        )
        self.missing_banner = Banner(
            INFO_COLORS, QStyle.StandardPixmap.SP_MessageBoxInformation, body
        )
        self.missing_banner.label.linkActivated.connect(lambda url: self._open_url(QUrl(url)))
        self.gpt_pane = ListPane("GPTs", ["Name", "Model", "Updated"], body)
        self.model_pane = ListPane(
            "Local models", ["Model", "Architecture", "Quantization", "Size", "Context"], body
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, body)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.gpt_pane)
        splitter.addWidget(self.model_pane)
        splitter.setSizes([430, 620])
        layout.addWidget(self.error_banner)
        layout.addWidget(self.missing_banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)

    # -- refreshing ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read GPTs and models in the background; the panes update as each arrives."""
        self._generation += 1
        generation = self._generation
        self.statusBar().showMessage("Reading GPTs and models…")

        def current(fn: Callable[[object], None]) -> Callable[[object], None]:
            # A slow listing from an older refresh must not overwrite a newer one.
            return lambda value: fn(value) if generation == self._generation else None

        self._tasks = [t for t in self._tasks if not t.finished]
        for op, on_success, on_failure in (
            (self._read_gpts, self._on_gpts_read, self._on_gpts_failed),
            (self._local_models.list, self._on_models_read, self._on_models_failed),
        ):
            task = tasks.run_in_background(op, current(on_success), current(on_failure), owner=self)
            self._tasks.append(task)

    def _read_gpts(self) -> tuple[list[Gpt], list[str]]:
        """Worker thread: the GPTs, and the provider profiles their models may name."""
        return self._store.gpts.list(), self._list_profiles()

    def _on_gpts_read(self, result: object) -> None:
        assert isinstance(result, tuple)
        gpts, self._profiles = result
        self._gpts = gpts
        self._show_gpts()
        self._update_summary()
        self.gpts_listed.emit(gpts)

    def _on_models_read(self, models: object) -> None:
        assert isinstance(models, list)
        self._models = models
        problems = "".join(
            f"<p><b>{html.escape(m.path.name)}</b>: {html.escape(m.problem or '')}</p>"
            for m in models
            if m.info is None
        )
        self.model_pane.show_rows([_model_row(m, self.style()) for m in models], problems)
        if not models:
            self.model_pane.show_message(
                "No GGUF model files found.\nDrop a .gguf file into "
                f"{self._paths.user_models},\nor download one: capsule models catalog"
            )
        if self._gpts:
            self._show_gpts()  # a GPT's model may have appeared or gone
        self._update_summary()
        self.models_listed.emit(models)

    def _on_gpts_failed(self, error: object) -> None:
        assert isinstance(error, Exception)
        self._gpts = None
        self.gpt_pane.show_message(f"Could not read the GPTs.\n{user_message(error)}")
        self._failed(error)

    def _on_models_failed(self, error: object) -> None:
        assert isinstance(error, Exception)
        self._models = None
        self.model_pane.show_message(f"Could not list the models.\n{user_message(error)}")
        self._failed(error)

    def _failed(self, error: Exception) -> None:
        self._update_summary()
        self._errors.notify_error(error)
        self.listing_failed.emit(user_message(error))

    def _show_gpts(self) -> None:
        gpts = self._gpts or []
        rows = [_gpt_row(g, self._models, self._profiles, self.style()) for g in gpts]
        self.gpt_pane.show_rows(rows)
        if not gpts:
            self.gpt_pane.show_message("No GPTs yet.\nCreate one from a terminal (see above).")

    def _update_summary(self) -> None:
        notes = missing_notes(self._gpts, self._models, self._local_models.folders, self._profiles)
        self.missing_banner.set_text("".join(f"<p>{n}</p>" for n in notes))
        parts = []
        if self._gpts is not None:
            parts.append(plural(len(self._gpts), "GPT"))
        if self._models is not None:
            bad = sum(1 for m in self._models if m.info is None)
            parts.append(
                plural(len(self._models), "local model") + (f", {bad} unreadable" if bad else "")
            )
        self.statusBar().showMessage(" · ".join(parts))

    # -- other actions -----------------------------------------------------------------

    def _on_open_models_requested(self) -> None:
        folder = self._paths.user_models
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._errors.notify_error(f"Cannot create {folder}: {exc.strerror or exc}.")
            return
        if not self._open_url(QUrl.fromLocalFile(str(folder))):
            self._errors.notify_error(
                f"Could not open {folder} in a file manager; open that folder yourself and "
                "drop .gguf files into it."
            )

    def _on_sandbox_requested(self) -> None:
        """Probe the sandbox in the background (a short subprocess), then show what it gives."""
        if self._sandbox is None:
            return
        self.statusBar().showMessage("Checking what the code interpreter's sandbox gets here…")
        self._tasks.append(
            tasks.run_in_background(
                self._sandbox, self._show_sandbox, self._failed_sandbox, owner=self
            )
        )

    def _show_sandbox(self, found: object) -> None:
        assert isinstance(found, Protection)
        lines = found.lines()
        self.statusBar().clearMessage()
        icon = QMessageBox.Icon.Information if found.isolated else QMessageBox.Icon.Warning
        box = QMessageBox(icon, "Code interpreter sandbox", "", parent=self)
        box.setText(
            "Code a GPT runs goes to a Python session of its own, with time, memory, CPU, "
            "process and file-size limits on every run. On this machine:"
        )
        box.setInformativeText("\n".join(f"• {line}" for line in lines))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        if not found.isolated and self._unisolated is not None:
            box.setDetailedText(UNISOLATED_WARNING)
            allow = QCheckBox("Run GPTs' code here anyway, without isolation from my files", box)
            allow.setChecked(self._unisolated.allowed())
            allow.toggled.connect(self._unisolated.allow)
            box.setCheckBox(allow)
        self.sandbox_box = box
        box.open()
        self.sandbox_shown.emit(lines)

    def _failed_sandbox(self, error: object) -> None:
        self.statusBar().clearMessage()
        self._errors.notify_error(f"Could not check the code interpreter's sandbox: {error}")

    def _on_error_reported(self, message: str) -> None:
        self.error_banner.set_text(html.escape(message).replace("\n", "<br>"))

    def closeEvent(self, event: QCloseEvent) -> None:
        for task in self._tasks:
            task.cancel()
        super().closeEvent(event)


def _gpt_row(
    gpt: Gpt, models: Sequence[LocalModel] | None, profiles: list[str], style: QStyle
) -> list[QTableWidgetItem]:
    definition = gpt.definition
    name = table_item(
        definition.name,
        "\n".join(filter(None, [definition.description, f"{gpt.id} · version {gpt.version}"])),
    )
    settings = definition.model
    label = settings.model or "(none)"
    if settings.provider != "local":
        label = f"{settings.provider}:{label}"
    model = table_item(label)
    problem = model_problem(gpt, models, profiles) if models is not None else None
    if problem:
        model.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        model.setForeground(PROBLEM_COLOR)
        model.setToolTip(problem)
    return [name, model, table_item(human_time(gpt.updated_at))]


def _model_row(model: LocalModel, style: QStyle) -> list[QTableWidgetItem]:
    ident = table_item(model.id, str(model.path))
    info = model.info
    if info is None:
        ident.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        ident.setForeground(PROBLEM_COLOR)
        ident.setToolTip(f"{model.path}\n{model.problem}")
        problem = table_item("Not usable (see below)", model.problem or "")
        problem.setForeground(PROBLEM_COLOR)
        return [ident, problem]
    details = [str(model.path), f"{info.parameter_count:,} parameters"]
    details.append("chat template included" if info.chat_template else "no chat template")
    if info.embedding:
        details.append("embedding model")
    ident.setToolTip("\n".join(details))
    context = f"{info.context_length:,}" if info.context_length else "unknown"
    return [
        ident,
        table_item(info.architecture + (" (embedding)" if info.embedding else "")),
        table_item(info.quantization),
        table_item(human_size(info.file_size)),
        table_item(context),
    ]
