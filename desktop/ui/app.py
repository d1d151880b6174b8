"""The app's entry point: builds core's services (`desktop.core.services`) and the main window.

Core's `Services` is the one composition root; the app adds only its Qt pieces (the error
channel) and hands each view what it needs through its constructor. Startup stays light:
the toolbox and the knowledge index load when first needed, and llama.cpp never loads in
this process (each local model runs in a model host process, started when first needed).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core import logfile
from desktop.core.errors import CapsuleError
from desktop.core.paths import Paths, default_paths
from desktop.core.secrets import mask_logs
from desktop.core.services import Services
from desktop.core.settings import SettingsFile
from desktop.ui.errors import ErrorChannel, install_hooks
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.core.tools.code_interpreter.probe import Protection

log = logging.getLogger(__name__)

APP_TITLE = "Capsule Studio"
# How long to let background work finish at exit before closing the database under it.
_SHUTDOWN_WAIT_MS = 5000


class AppServices(Services):
    """Core's services, plus the app's one Qt piece: the channel errors are reported on."""

    def __init__(self, paths: Paths, errors: ErrorChannel) -> None:
        super().__init__(paths)
        self.errors = errors


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


def build_main_window(paths: Paths) -> tuple[MainWindow, AppServices]:
    """Build the services and the main window on them (GUI thread; needs a QApplication).

    Raises:
        CapsuleError: as `build_services`.
    """
    services = build_services(paths)
    window = MainWindow(
        services.store,
        services.local_models,
        paths,
        services.errors,
        profiles=lambda: sorted(services.settings.load().providers),
        sandbox=_sandbox,
        unisolated=UnisolatedSetting(services.settings),
    )
    return window, services


def _sandbox() -> Protection:
    """Worker thread: what the code interpreter's sandbox gets on this machine."""
    from desktop.core.tools.code_interpreter import protection  # noqa: PLC0415

    return protection()


class UnisolatedSetting:
    """The settings file's `allow_unisolated_code`, for the sandbox window's check box."""

    def __init__(self, settings: SettingsFile) -> None:
        self._settings = settings

    def allowed(self) -> bool:
        return self._settings.load().allow_unisolated_code

    def allow(self, allowed: bool) -> None:
        self._settings.update(lambda s: setattr(s, "allow_unisolated_code", allowed))


def _show_startup_error(message: str) -> None:
    QMessageBox.critical(None, f"{APP_TITLE} cannot start", message)


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
        argv: the command line, for QApplication (ignored if one exists already).
        show_startup_error: how to tell the user that the app cannot start.
        log_to_file: also write the log to the log folder (the real app does; tests don't).
    """
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
    try:
        window, services = build_main_window(paths)
    except CapsuleError as exc:
        # Never recreate or repair the database here: say what is wrong and stop.
        log.error("cannot start: %s", exc)
        show_startup_error(str(exc))
        return 1
    uninstall_hooks = install_hooks(services.errors)
    try:
        window.show()
        window.refresh()
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone(_SHUTDOWN_WAIT_MS)
        services.close()
        uninstall_hooks()


if __name__ == "__main__":
    sys.exit(main())
