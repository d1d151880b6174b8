"""The composition root of `capsule-studio`: builds the core services and the main window.

This is the only place that constructs services; views get theirs through their
constructors. Startup stays light: llama.cpp never loads in this process (each local model
runs in a model host process, started the first time it is needed).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core import logfile
from desktop.core.errors import CapsuleError
from desktop.core.gpt import GptDefinition
from desktop.core.paths import Paths, default_paths
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.local import LocalModels
from desktop.core.providers.profiles import Endpoints
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.secrets import Secrets, mask_logs
from desktop.core.settings import SettingsFile
from desktop.core.store import Store
from desktop.core.tools.base import ToolContext
from desktop.ui.errors import ErrorChannel, install_hooks
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.core.runs.toolbox import Toolbox
    from desktop.core.tools.code_interpreter.probe import Protection

log = logging.getLogger(__name__)

APP_TITLE = "Capsule Studio"
# How long to let background work finish at exit before closing the database under it.
_SHUTDOWN_WAIT_MS = 5000


@dataclass
class Services:
    """The core services of one running app, owned by the composition root."""

    paths: Paths
    store: Store
    local_models: LocalModels
    settings: SettingsFile
    secrets: Secrets
    factory: ProviderFactory
    toolbox: LazyToolbox
    engine: RunEngine
    errors: ErrorChannel

    def close(self) -> None:
        """Stop kernels, free loaded models, then close the database (GUI thread, at exit)."""
        try:
            self.toolbox.close()
            self.factory.close()
        finally:
            self.store.close()


def build_services(paths: Paths) -> Services:
    """Open the store and build the services on it.

    Raises:
        CapsuleError: the database cannot be used (corrupt, newer, locked); it was left as
            it was, and nothing stays open.
    """
    store = Store(paths.database)
    try:
        local_models = LocalModels(paths.model_dirs())
        settings = SettingsFile(paths.settings_file)
        secrets = Secrets(settings)
        factory = ProviderFactory(local_models, Endpoints(settings, secrets))
        toolbox = LazyToolbox(paths, secrets, factory)
        engine = RunEngine(store, resolve_provider=factory, tools_for=toolbox)
        recovered = engine.recover()
    except BaseException:
        store.close()
        raise
    if recovered:
        log.info("marked %d run(s) interrupted by an earlier crash", len(recovered))
    errors = ErrorChannel(log_dir=paths.logs)
    return Services(paths, store, local_models, settings, secrets, factory, toolbox, engine, errors)


def build_main_window(paths: Paths) -> tuple[MainWindow, Services]:
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


class LazyToolbox:
    """The engine's `tools_for`, built on the first run's first call.

    The tools' libraries (YAML, JSON Schema, Jupyter, Pillow, trafilatura) cost about
    200 ms that the window should not wait for.
    """

    def __init__(self, paths: Paths, secrets: Secrets, factory: ProviderFactory) -> None:
        self._paths = paths
        self._secrets = secrets
        self._factory = factory
        self._box: Toolbox | None = None
        self._lock = threading.Lock()

    def __call__(self, definition: GptDefinition, context: ToolContext) -> ToolRegistry:
        return self._toolbox()(definition, context)

    def _toolbox(self) -> Toolbox:
        from desktop.core.runs.toolbox import Toolbox, capabilities  # noqa: PLC0415

        with self._lock:
            if self._box is None:
                self._box = Toolbox(
                    self._secrets, capabilities=capabilities(self._paths, self._factory)
                )
            return self._box

    def close(self) -> None:
        """Stop kernels and close the tools' HTTP clients, if a run ever built them."""
        with self._lock:
            box, self._box = self._box, None
        if box is not None:
            box.close()


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
