"""Tests for desktop/ui/app.py (the composition root) and the error hooks it installs."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.errors import StoreCorruptError
from desktop.core.gpt import GptDefinition, update_definition
from desktop.core.paths import Paths
from desktop.core.services import Services
from desktop.core.tools.base import ToolContext
from desktop.ui import app
from desktop.ui.errors import ErrorChannel, install_hooks
from desktop.ui.main_window import MainWindow
from tests.helpers.imports import HEAVY, loaded_after
from tests.helpers.openai_server import OpenAIServer
from tests.helpers.wiring import chat_once, gpt_with_knowledge

WAIT_MS = 10_000
GARBAGE = b"\x00\xffthis is not an sqlite database\x01" * 64


def test_build_main_window_wires_the_services(qtbot, isolated_home: Paths) -> None:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    try:
        assert isinstance(window, MainWindow)
        assert window.windowTitle() == "Capsule Studio"
        assert services.local_models.folders == isolated_home.model_dirs()
        assert services.store.db.path == isolated_home.database
        with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
            window.start()
        # Errors reported to the services' channel show in this window.
        services.errors.notify_error("Disk full: free some space.")
        assert "Disk full: free some space." in window.error_banner.text()
    finally:
        services.close()


def test_corrupt_database_is_refused_and_left_untouched(isolated_home: Paths) -> None:
    isolated_home.database.write_bytes(GARBAGE)
    before = sorted(p.name for p in isolated_home.data.iterdir())

    with pytest.raises(StoreCorruptError, match="left untouched"):
        app.build_main_window(isolated_home)

    assert isolated_home.database.read_bytes() == GARBAGE
    assert sorted(p.name for p in isolated_home.data.iterdir()) == before


def test_run_shows_the_store_error_and_exits_non_zero(qapp, isolated_home: Paths) -> None:
    isolated_home.database.write_bytes(GARBAGE)
    shown: list[str] = []

    status = app.run([], show_startup_error=shown.append)

    assert status == 1
    assert len(shown) == 1
    assert str(isolated_home.database) in shown[0]
    assert isolated_home.database.read_bytes() == GARBAGE
    assert not any(
        isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_run_shows_the_window_until_it_closes(qapp, isolated_home: Paths) -> None:
    shown: list[str] = []
    hooks_before = (sys.excepthook, threading.excepthook)
    QTimer.singleShot(300, QApplication.closeAllWindows)
    QTimer.singleShot(WAIT_MS, qapp.quit)  # a backstop, should closing not end the loop

    status = app.run([], show_startup_error=shown.append)

    assert status == 0
    assert shown == []
    assert isolated_home.database.exists()
    assert (sys.excepthook, threading.excepthook) == hooks_before


def test_startup_does_not_import_heavy_libraries() -> None:
    assert loaded_after("import desktop.ui.app") == []


def test_the_window_is_built_without_heavy_libraries(isolated_home: Paths) -> None:
    # Every page is built at start; what they need for files, models and keys comes when
    # used (lancedb alone took over a second of the cold start).
    build = (
        "from PySide6.QtWidgets import QApplication\n"
        "qt = QApplication([])\n"
        "from desktop.ui import app\n"
        "window, services = app.build_main_window(app.default_paths().ensure())\n"
    )
    at_start = (*HEAVY, "numpy", "pyarrow", "gguf", "keyring", "jieba", "huggingface_hub")
    assert loaded_after(build, at_start) == []


def test_the_apps_toolbox_is_built_at_the_first_run_and_stops_kernels_at_exit(
    isolated_home: Paths,
) -> None:
    services = app.build_services(isolated_home)
    try:
        gpt = services.store.gpts.create(
            update_definition(
                GptDefinition(name="t"), {"capabilities": {"code_interpreter": {"enabled": True}}}
            )
        )
        tools = services.toolbox(gpt.definition, ToolContext(gpt.id, "thread_1"))
        assert tools.names() == ["python"]
        result = tools.get("python").run({"code": "1 + 1"})
        assert result.output.strip() == "2"
    finally:
        services.close()
    left = [p.pid for p in psutil.process_iter(["cmdline"]) if _kernel_under(p, isolated_home)]
    assert left == []


def test_the_apps_engine_retrieves_from_a_gpts_knowledge(
    isolated_home: Paths, server: OpenAIServer, tmp_path: Path
) -> None:
    services = app.build_services(isolated_home)
    try:
        assert isinstance(services, Services)  # core's composition root, with Qt added
        gpt_id = gpt_with_knowledge(services, server, tmp_path)
        run = chat_once(services, server, gpt_id)
    finally:
        services.close()
    assert [s.type for s in run.steps] == ["tool_calls", "message_creation"]
    found = run.steps[0].details.retrieval()  # type: ignore[union-attr]
    assert found is not None and found.retrieval.results[0].file == "handbook.txt"
    assert "Cats sleep sixteen hours" in server.requests[-1].body["messages"][-1]["content"]


def _kernel_under(process: psutil.Process, home: Paths) -> bool:
    """A code interpreter process working in `home`'s thread folders."""
    if "code_interpreter.launcher" not in " ".join(process.info["cmdline"] or ()):
        return False
    try:
        return str(home.threads) in process.cwd()
    except psutil.NoSuchProcess:
        return False


# -- error hooks (desktop/ui/errors.py), as installed by the app ----------------------


def test_uncaught_exception_goes_to_the_error_channel(qtbot) -> None:
    channel = ErrorChannel()
    uninstall = install_hooks(channel)
    try:
        with qtbot.wait_signal(channel.error_reported, timeout=WAIT_MS) as reported:
            try:
                raise KeyError("boom")
            except KeyError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        uninstall()

    [notice] = reported.args
    assert "KeyError" in notice.detail
    assert "bug" in notice.detail and notice.code == "internal_error"


def test_thread_exception_goes_to_the_error_channel(qtbot) -> None:
    channel = ErrorChannel()
    previous = threading.excepthook
    uninstall = install_hooks(channel)
    try:

        def fail() -> None:
            raise StoreCorruptError("The database is damaged: restore a backup.")

        with qtbot.wait_signal(channel.error_reported, timeout=WAIT_MS) as reported:
            thread = threading.Thread(target=fail)
            thread.start()
            thread.join()
    finally:
        uninstall()

    [notice] = reported.args
    assert notice.detail == "The database is damaged: restore a backup."
    assert notice.headline == "The database is damaged." and notice.code == "store_corrupt"
    assert threading.excepthook is previous
