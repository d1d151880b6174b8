"""The app's entry point: builds core's services (`desktop.core.services`) and the window.

Core's `Services` is the one composition root; the app adds only its Qt pieces (the error
channel, background tasks, its own preferences) and builds each feature's page with what
it needs, handing them to the shell (`MainWindow`). Startup stays light: the toolbox and
the knowledge index load when first needed, and llama.cpp never loads in this process
(each local model runs in a model host process, started when first needed).

`capsule-studio --screenshot FILE [--view VIEW] [--gpt ID] [--lang LANG]` opens a view,
saves a PNG of the window and quits (offscreen works too).
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core import logfile
from desktop.core.errors import CapsuleError
from desktop.core.paths import Paths, default_paths
from desktop.core.secrets import mask_logs
from desktop.ui import i18n, theme
from desktop.ui.errors import ErrorChannel, core_text, install_hooks
from desktop.ui.main_window import VIEWS, MainWindow, Pages
from desktop.ui.prefs import UiPrefs
from desktop.ui.services import AppServices

log = logging.getLogger(__name__)

APP_TITLE = "Capsule Studio"
# How long to let background work finish at exit before closing the database under it.
_SHUTDOWN_WAIT_MS = 5000
# How long a screenshot waits for the view's background reads before it is taken.
_SCREENSHOT_SETTLE_MS = 1500


def build_services(paths: Paths) -> AppServices:
    """Open the store and build the engine on it (recovering runs a crash left behind).

    Everything else (the toolbox, the knowledge index, llama.cpp) is built on first use.

    Raises:
        CapsuleError: the database cannot be used (corrupt, newer, locked); it was left as
            it was, and nothing stays open.
    """
    services = AppServices(paths, ErrorChannel(log_dir=paths.logs))
    try:
        services.engine  # noqa: B018 (opens the store, recovers interrupted runs)
    except BaseException:
        services.close()
        raise
    return services


def build_pages(services: AppServices) -> Pages:
    """Each feature's page, built with what it needs (GUI thread)."""
    from desktop.ui.builder.page import BuilderPage  # noqa: PLC0415
    from desktop.ui.chat.page import ChatPage  # noqa: PLC0415
    from desktop.ui.library.pane import LibraryPane  # noqa: PLC0415
    from desktop.ui.playground.page import PlaygroundPage  # noqa: PLC0415
    from desktop.ui.settings.page import SettingsPage  # noqa: PLC0415
    from desktop.ui.welcome.page import WelcomePage  # noqa: PLC0415

    return Pages(
        library=LibraryPane(services),
        welcome=WelcomePage(services),
        builder=BuilderPage(services),
        chat=ChatPage(services),
        playground=PlaygroundPage(services),
        settings=SettingsPage(services),
    )


def build_main_window(paths: Paths) -> tuple[MainWindow, AppServices]:
    """Build the services and the main window on them (GUI thread; needs a QApplication).

    Raises:
        CapsuleError: as `build_services`.
    """
    services = build_services(paths)
    window = MainWindow(services, build_pages(services))
    return window, services


def _show_startup_error(message: str) -> None:
    QMessageBox.critical(None, f"{APP_TITLE} cannot start", message)


@dataclass(frozen=True)
class Options:
    """The command line: a screenshot to take instead of a session, and its view."""

    screenshot: str | None
    view: str
    gpt: str | None
    lang: str | None


def parse_options(argv: Sequence[str]) -> Options:
    parser = argparse.ArgumentParser(prog="capsule-studio", description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", metavar="FILE", help="save a PNG of the window and quit")
    parser.add_argument("--view", choices=VIEWS, default="welcome", help="the view to open")
    parser.add_argument("--gpt", metavar="ID", help="the GPT to open (build, chat, playground)")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="the language")
    known, _qt_args = parser.parse_known_args(list(argv)[1:])
    return Options(known.screenshot, known.view, known.gpt, known.lang)


def main() -> int:
    """The `capsule-studio` entry point: run the GUI, logging to the log folder."""
    return run(sys.argv, log_to_file=True)


def run(
    argv: Sequence[str],
    show_startup_error: Callable[[str], None] = _show_startup_error,
    log_to_file: bool = False,
) -> int:
    """Run the GUI until its window closes; the process's exit status.

    Args:
        argv: the command line (options above; the rest goes to QApplication).
        show_startup_error: how to tell the user that the app cannot start.
        log_to_file: also write the log to the log folder (the real app does; tests don't).
    """
    options = parse_options(argv)
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    try:
        paths = default_paths().ensure()
    except OSError as exc:
        show_startup_error(f"Cannot create Capsule Studio's folders: {exc}")
        return 1
    if log_to_file:
        logfile.log_to_file(paths, "capsule-studio.log")
        mask_logs()
    prefs = UiPrefs(paths.config)
    language = options.lang or prefs.language or i18n.system_language()
    translators = i18n.install(app, language)
    theme.apply(app, prefs.theme)
    try:
        window, services = build_main_window(paths)
    except CapsuleError as exc:
        # Never recreate or repair the database here: say what is wrong and stop.
        log.error("cannot start: %s", exc)
        show_startup_error(core_text(exc.message))
        return 1
    uninstall_hooks = install_hooks(services.errors)
    # What start-up built lives as long as the app: keep the garbage collector from walking
    # it again and again (a full collection would stall the window; see bench_chat).
    gc.freeze()
    try:
        window.show()
        if options.screenshot:
            window.resize(1280, 800)  # the same frame every time, whatever was saved
        window.start(options.view if options.screenshot else None, options.gpt)
        if options.screenshot:
            return _screenshot(app, window, services, options.screenshot)
        return app.exec()
    finally:
        services.tasks.cancel_all()
        QThreadPool.globalInstance().waitForDone(_SHUTDOWN_WAIT_MS)
        services.close()
        uninstall_hooks()
        for translator in translators:
            app.removeTranslator(translator)


def _screenshot(app: QApplication, window: MainWindow, services: AppServices, file: str) -> int:
    """Let the view's background reads land, save the window as a PNG, then quit."""
    saved: list[bool] = []

    def take() -> None:
        services.tasks.wait_all(10.0)
        app.processEvents()
        saved.append(window.grab().save(file, "PNG"))
        app.quit()

    QTimer.singleShot(_SCREENSHOT_SETTLE_MS, take)
    app.exec()
    if not saved or not saved[0]:
        sys.stderr.write(f"capsule-studio: could not save {file}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
