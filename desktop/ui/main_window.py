"""The shell: menus and shortcuts, the library beside the pages, errors, drops, geometry.

Each feature (library, welcome, builder, chat, playground, settings) owns its page; the
shell only places them and passes requests between them, so that no feature imports
another. GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.errors import Do, UserAction
from desktop.ui.errors import Notice
from desktop.ui.widgets import ErrorBanner

if TYPE_CHECKING:
    from desktop.core.store.records import Gpt
    from desktop.ui.builder.page import BuilderPage
    from desktop.ui.capsules.flows import CapsuleFlows
    from desktop.ui.chat.page import ChatPage
    from desktop.ui.library.pane import LibraryPane
    from desktop.ui.playground.page import PlaygroundPage
    from desktop.ui.services import AppServices
    from desktop.ui.settings.page import SettingsPage
    from desktop.ui.welcome.page import WelcomePage

# The views `--screenshot --view` opens, and the window's own places.
VIEWS = ("welcome", "build", "chat", "playground", "settings")
# Actions that lead into a GPT's builder, by the section that fixes them.
# After start, how long the window waits before importing what a first search or answer
# needs (it holds the GIL in long stretches: better while the user is still looking).
_WARM_UP_AFTER_MS = 1000
_BUILDER_SECTIONS = {
    Do.CHOOSE_MODEL: "model",
    Do.LIST_KNOWLEDGE: "knowledge",
    Do.LIST_ACTIONS: "actions",
    Do.SET_ACTION_AUTH: "actions",
    Do.SET_ACTION_SERVER: "actions",
    Do.LIST_GPT_VERSIONS: "history",
    Do.SET_KNOWLEDGE_MODEL: "knowledge",
}
# Actions that lead into settings, by the section that fixes them.
_SETTINGS_SECTIONS = {
    Do.LIST_MODELS: "models",
    Do.SHOW_CATALOG: "models",
    Do.DOWNLOAD_MODEL: "models",
    Do.IMPORT_MODEL: "models",
    Do.REMOVE_MODEL: "models",
    Do.ADD_PROVIDER: "providers",
    Do.SET_PROVIDER_KEY: "providers",
    Do.LIST_PROVIDER_MODELS: "providers",
    Do.LIST_PROVIDERS: "providers",
    Do.SET_SEARCH_KEY: "general",
    Do.ALLOW_HTTP_HOST: "providers",
    Do.ALLOW_UNISOLATED_CODE: "sandbox",
}


@dataclass
class Pages:
    """The features' pages, built by the app."""

    library: LibraryPane
    welcome: WelcomePage
    builder: BuilderPage
    chat: ChatPage
    playground: PlaygroundPage
    settings: SettingsPage


class MainWindow(QMainWindow):
    """The window: library on the left; welcome, a GPT's tabs or settings on the right.

    Signals:
        view_shown(str): one of `VIEWS` is now on screen.
    """

    view_shown = Signal(str)

    def __init__(self, services: AppServices, pages: Pages, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._prefs = services.prefs
        self.pages = pages
        self._capsules: CapsuleFlows | None = None
        self.setWindowTitle("Capsule Studio")
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._build_body()
        self._build_actions()
        self._connect()
        services.errors.error_reported.connect(self._on_error_reported)
        self._restore_layout()

    # -- construction ------------------------------------------------------------------

    def _build_body(self) -> None:
        pages = self.pages
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        self.error_banner = ErrorBanner(body)
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("gpt-tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(pages.builder, self.tr("Build"))
        self.tabs.addTab(pages.chat, self.tr("Chat"))
        self.tabs.addTab(pages.playground, self.tr("Playground"))
        self.tabs.setAccessibleName(self.tr("The open GPT"))
        self.stack = QStackedWidget(body)
        for page in (pages.welcome, self.tabs, pages.settings):
            self.stack.addWidget(page)
        self.splitter = QSplitter(body)
        self.splitter.setObjectName("main-splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(pages.library)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])
        layout.addWidget(self.error_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(body)

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        library = self.pages.library
        self.new_action = self._action(
            self.tr("&New GPT"), QKeySequence.StandardKey.New, library.new_gpt
        )
        self.duplicate_action = self._action(
            self.tr("&Duplicate GPT"), "Ctrl+D", library.duplicate_current
        )
        self.delete_action = self._action(self.tr("De&lete GPT"), None, library.delete_current)
        self.import_action = self._action(
            self.tr("&Import GPT…"), "Ctrl+Shift+I", self.choose_import
        )
        self.export_action = self._action(
            self.tr("&Export GPT…"), "Ctrl+Shift+E", library.export_current
        )
        self.find_action = self._action(
            self.tr("&Find GPT"), QKeySequence.StandardKey.Find, library.focus_search
        )
        self.save_action = self._action(
            self.tr("&Save version"), QKeySequence.StandardKey.Save, self._on_save_requested
        )
        self.history_action = self._action(
            self.tr("Version &history…"), "Ctrl+H", lambda: self._show_builder("history")
        )
        self.settings_action = self._action(
            self.tr("&Settings"), "Ctrl+,", lambda: self.show_settings("")
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.data_action = self._action(
            self.tr("Open the &data folder"), None, self._on_open_data_requested
        )
        self.logs_action = self._action(
            self.tr("Open the &log folder"), None, self._on_open_logs_requested
        )
        self.about_action = self._action(
            self.tr("&About Capsule Studio"), None, self._on_about_requested
        )
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.tab_actions = [
            self._action(label, f"Ctrl+{n}", lambda _=False, i=n - 1: self._show_tab(i))
            for n, label in enumerate(
                (self.tr("&Build"), self.tr("&Chat"), self.tr("&Playground")), 1
            )
        ]
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.duplicate_action, self.delete_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.data_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        gpt_menu = self.menuBar().addMenu(self.tr("&GPT"))
        gpt_menu.addActions([self.save_action, self.history_action])
        gpt_menu.addSeparator()
        gpt_menu.addActions(self.tab_actions)
        self.menuBar().addMenu(self.tr("&Settings")).addAction(self.settings_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([self.logs_action, self.about_action])

    def _connect(self) -> None:
        library = self.pages.library
        library.gpt_selected.connect(self._on_gpt_selected)
        library.gpts_changed.connect(self._on_gpts_changed)
        library.action_requested.connect(self.follow)
        library.export_requested.connect(self._on_export_requested)
        library.import_requested.connect(self.choose_import)
        self.error_banner.action_requested.connect(self.follow)
        pages = self.pages
        pages.welcome.gpt_created.connect(self._on_gpt_created)
        pages.welcome.gpt_open_requested.connect(self.open_gpt)
        pages.welcome.settings_requested.connect(self.show_settings)
        pages.welcome.models_changed.connect(self._on_models_changed)
        pages.builder.gpt_saved.connect(self._on_gpt_saved)
        pages.settings.models_changed.connect(self._on_models_changed)
        for page in (pages.builder, pages.chat, pages.playground):
            page.action_requested.connect(self.follow)
            page.settings_requested.connect(self.show_settings)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # -- places ----------------------------------------------------------------------------

    def start(self, view: str | None = None, gpt_id: str | None = None) -> None:
        """Fill the library, then open `view` (and `gpt_id`), or where the user left off.

        Once the window has been idle a moment, the libraries a first search or answer
        needs are imported in the background (`Services.warm_up`).
        """
        self.pages.library.refresh()
        QTimer.singleShot(_WARM_UP_AFTER_MS, self, self._warm_up)
        gpt = gpt_id or self._prefs.last_gpt
        if view == "settings":
            self.show_settings("")
        elif view in ("build", "chat", "playground") and gpt:
            self.open_gpt(gpt, ("build", "chat", "playground").index(view))
        elif view == "welcome" or not gpt:
            self.show_welcome()
        else:
            self.open_gpt(gpt, 0)

    def _warm_up(self) -> None:
        self._services.tasks.run(self._services.warm_up, lambda _r: None, owner=self)

    def show_welcome(self) -> None:
        self.pages.welcome.refresh()
        self.stack.setCurrentWidget(self.pages.welcome)
        self.view_shown.emit("welcome")

    def show_settings(self, section: str = "") -> None:
        if section:
            self.pages.settings.show_section(section)
        self.stack.setCurrentWidget(self.pages.settings)
        self.view_shown.emit("settings")

    def open_gpt(self, gpt_id: str, tab: int | None = None) -> None:
        """Open a GPT in every GPT page and show its tabs (`tab`: 0 build, 1 chat, 2 play)."""
        for page in (self.pages.builder, self.pages.chat, self.pages.playground):
            page.open_gpt(gpt_id)
        self.pages.library.select(gpt_id)
        self._prefs.last_gpt = gpt_id
        self.stack.setCurrentWidget(self.tabs)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        self.view_shown.emit(VIEWS[1 + self.tabs.currentIndex()])

    def follow(self, action: UserAction) -> None:
        """Go where the user can do what an error's action says."""
        if action.kind in _SETTINGS_SECTIONS:
            self.show_settings(_SETTINGS_SECTIONS[action.kind])
        elif action.kind in _BUILDER_SECTIONS:
            gpt = action.args.get("gpt_id") or self.pages.library.current_gpt_id()
            if gpt:
                self.open_gpt(gpt, 0)
                self._show_builder(_BUILDER_SECTIONS[action.kind])
        elif action.kind == Do.LIST_GPTS:
            self.pages.library.focus_search()
        elif action.kind in (Do.START_NEW_THREAD, Do.CANCEL_RUN, Do.LIST_THREAD_FILES):
            self._show_tab(1)
        elif action.kind == Do.INSTALL_OCR:
            self._explain_ocr()

    def _explain_ocr(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Reading scanned files"), "", parent=self
        )
        box.setText(
            self.tr(
                "Scanned PDFs and images are read with RapidOCR, an optional part of Capsule "
                "Studio. Install it into Capsule Studio's Python environment, then add the "
                "file again:"
            )
        )
        box.setInformativeText('pip install "capsule-studio[ocr]"')
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()

    def _show_builder(self, section: str) -> None:
        if self.stack.currentWidget() is not self.tabs:
            return
        self.tabs.setCurrentIndex(0)
        self.pages.builder.show_section(section)

    def _show_tab(self, index: int) -> None:
        if self.pages.library.current_gpt_id():
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentIndex(index)

    # -- what the pages say ------------------------------------------------------------------

    def _on_gpt_selected(self, gpt_id: str) -> None:
        if gpt_id:
            self.open_gpt(gpt_id)
        else:
            self.show_welcome()

    def _on_gpt_created(self, gpt_id: str) -> None:
        self.pages.library.refresh()
        self.open_gpt(gpt_id, 0)

    def _on_gpt_saved(self, _gpt_id: str) -> None:
        self.pages.library.refresh()

    def choose_import(self) -> None:
        """Ask for a capsule or another app's GPT file, then inspect and import it."""
        self.capsules.choose_import()

    def _on_export_requested(self, gpt: Gpt) -> None:
        self.capsules.export(gpt.id, gpt.name)

    def _on_gpts_changed(self) -> None:
        self.pages.welcome.refresh()

    def _on_models_changed(self) -> None:
        self.pages.welcome.refresh()
        self.pages.library.refresh()
        self.pages.builder.reload_models()

    def _on_tab_changed(self, index: int) -> None:
        if self.stack.currentWidget() is self.tabs:
            self.view_shown.emit(VIEWS[1 + index])

    def _on_save_requested(self) -> None:
        if self.stack.currentWidget() is self.tabs:
            self.pages.builder.save_version()

    def _on_error_reported(self, notice: Notice) -> None:
        self.error_banner.show_notice(notice)

    # -- files dropped on the window ---------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.capsules.sort_dropped(paths, self._on_dropped_sorted)

    def _on_dropped_sorted(self, imports: list[Path], knowledge: list[Path]) -> None:
        """Capsules and other apps' GPTs are imported; every other file is knowledge."""
        if imports:
            self.capsules.import_files(imports)
        if knowledge:
            self.add_knowledge(knowledge)

    @property
    def capsules(self) -> CapsuleFlows:
        """Export and import (built on first use: the capsule code loads only then)."""
        if self._capsules is None:
            from desktop.ui.capsules.flows import CapsuleFlows  # noqa: PLC0415

            self._capsules = CapsuleFlows(self._services, self)
            self._capsules.gpt_imported.connect(self._on_gpt_created)
        return self._capsules

    def add_knowledge(self, paths: list[Path]) -> None:
        """Files dropped on the window become knowledge of the open GPT."""
        gpt = self.pages.library.current_gpt_id()
        if not gpt:
            self._services.errors.notify_error(
                self.tr("Open a GPT first: dropped files become the open GPT's knowledge.")
            )
            return
        self.open_gpt(gpt, 0)
        self.pages.builder.add_knowledge(paths)

    # -- folders and about -------------------------------------------------------------------

    def _open_folder(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._services.errors.notify_error(
                self.tr("Cannot create %1: %2")
                .replace("%1", str(folder))
                .replace("%2", exc.strerror or str(exc))
            )
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._services.errors.notify_error(
                self.tr("Could not open %1 in a file manager; open it yourself.").replace(
                    "%1", str(folder)
                )
            )

    def _on_open_data_requested(self) -> None:
        self._open_folder(self._services.paths.data)

    def _on_open_logs_requested(self) -> None:
        self._open_folder(self._services.paths.logs)

    def _on_about_requested(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("About Capsule Studio"), "", parent=self
        )
        box.setText(
            self.tr("Capsule Studio %1: private assistants that run on your own machine.").replace(
                "%1", __version__
            )
        )
        box.open()

    # -- geometry ------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self._prefs.state("window")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._prefs.state("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._prefs.save_state("window", self.saveGeometry())
        self._prefs.save_state("splitter", self.splitter.saveState())
        self._prefs.sync()
        for page in (self.pages.builder, self.pages.chat, self.pages.playground):
            page.close_gpt()
        self._services.tasks.cancel_all()
        super().closeEvent(event)
