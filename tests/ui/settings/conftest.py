"""Fixtures for the settings page: the app's services on an isolated home, and the page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl, SignalInstance
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.paths import Paths
from desktop.core.tools.code_interpreter.probe import Protection
from desktop.core.tools.code_interpreter.sandbox import NAMESPACE, VIEW
from desktop.ui import app
from desktop.ui.services import AppServices
from desktop.ui.settings.page import Outside, SettingsPage

WAIT_MS = 15_000
# What `build_info` says on a CPU-only build (the shape of `server.model.build_info`).
CPU_BUILD: dict[str, Any] = {
    "llama_cpp_python": "0.3.36",
    "system_info": "CPU : SSE3 = 1 | AVX2 = 1 | FMA = 1 |",
    "gpu_offload": False,
    "devices": [{"type": "CPU", "name": "CPU", "description": "x86", "memory_free": 0}],
}
ISOLATED = Protection(NAMESPACE, True, True, "nobody", files=VIEW, proc="own")


class World:
    """What the page reached outside the app: opened URLs, restarts, themes applied."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []
        self.restarts = 0
        self.themes: list[str] = []
        self.build: dict[str, Any] = dict(CPU_BUILD)
        self.protection = ISOLATED

    def outside(self) -> Outside:
        def open_url(url: QUrl) -> bool:
            self.opened.append(url)
            return True

        def restart() -> bool:
            self.restarts += 1
            return True

        def apply_theme(_app: QApplication, theme: str) -> None:
            self.themes.append(theme)

        return Outside(
            build_info=lambda _cache: self.build,
            sandbox=lambda: self.protection,
            open_url=open_url,
            restart=restart,
            apply_theme=apply_theme,
        )


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[AppServices]:
    built = app.build_services(isolated_home)
    yield built
    built.tasks.cancel_all()
    built.tasks.wait_all(10)
    built.close()


@pytest.fixture
def make_page(qtbot: Any, services: AppServices, world: World) -> Callable[[], SettingsPage]:
    def make() -> SettingsPage:
        page = SettingsPage(services, outside=world.outside())
        qtbot.add_widget(page)
        page.resize(1100, 760)
        return page

    return make


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def shown(qtbot: Any, page: SettingsPage, section: str, loaded: SignalInstance) -> SettingsPage:
    """Show `page` at `section` and wait for the section's `loaded` signal."""
    page.show()
    with qtbot.wait_signal(loaded, timeout=WAIT_MS):
        page.show_section(section)
    return page


def question(qtbot: Any, holder: Any, ask: Callable[[], None]) -> QMessageBox:
    """Call `ask` and wait for the confirmation box it opens (`holder.confirm_box`)."""
    ask()
    qtbot.wait_until(lambda: holder.confirm_box is not None, timeout=WAIT_MS)
    box: QMessageBox = holder.confirm_box
    return box
