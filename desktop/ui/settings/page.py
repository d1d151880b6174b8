"""The settings page: providers, local models, the app (language, theme, folders), sandbox.

A list of sections on the left and the chosen section on the right. Each section reads
what it shows the first time it is shown (nothing at start-up), and again when shown
later. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListWidget, QStackedWidget, QWidget

from desktop.core.models.catalog import Catalog, load_catalog
from desktop.core.providers.llama.build import build_info
from desktop.ui import theme
from desktop.ui.settings.general import GeneralSection, restart_app
from desktop.ui.settings.models import ModelsSection
from desktop.ui.settings.providers import ProvidersSection
from desktop.ui.settings.sandbox import SandboxSection, probe_sandbox
from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.core.tools.code_interpreter.probe import Protection
    from desktop.ui.services import AppServices

SECTIONS = ("providers", "models", "general", "sandbox")


@dataclass(frozen=True)
class Outside:
    """What the settings reach beyond the app's services; tests give their own."""

    build_info: Callable[[Path], dict[str, Any]] = build_info
    catalog: Callable[[], Catalog] = load_catalog
    sandbox: Callable[[], Protection] = probe_sandbox
    open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
    restart: Callable[[], bool] = restart_app
    apply_theme: Callable[[QApplication, str], None] = theme.apply


class SettingsPage(PageFrame):
    """Settings, in sections: providers, models, general, sandbox.

    Signals:
        models_changed(): local models or providers were added or removed here.
        section_shown(str): a section is now on screen.
    """

    models_changed = Signal()
    section_shown = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        outside: Outside | None = None,
    ) -> None:
        super().__init__(self.tr("Settings"), "", parent)
        self._services = services
        out = outside or Outside()
        self.providers = ProvidersSection(services, self)
        self.models = ModelsSection(services, out.build_info, out.catalog, out.open_url, self)
        self.general = GeneralSection(
            services, out.open_url, out.restart, out.apply_theme, parent=self
        )
        self.sandbox = SandboxSection(services, out.sandbox, self)
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Settings sections"))
        self.nav.addItems(
            [
                self.tr("Providers"),
                self.tr("Local models"),
                self.tr("General"),
                self.tr("Code sandbox"),
            ]
        )
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget(self)
        for section in (self.providers, self.models, self.general, self.sandbox):
            self.stack.addWidget(section)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.body.addLayout(row, 1)
        self.nav.currentRowChanged.connect(self._on_section_changed)
        self.providers.providers_changed.connect(self.models_changed)
        self.models.models_changed.connect(self.models_changed)
        self.nav.setCurrentRow(0)

    def show_section(self, section: str) -> None:
        """Show one section: providers, models, general or sandbox."""
        if section in SECTIONS:
            self.nav.setCurrentRow(SECTIONS.index(section))

    def current_section(self) -> str:
        return SECTIONS[max(self.nav.currentRow(), 0)]

    def _on_section_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if self.isVisible():
            self._load(row)
        self.section_shown.emit(SECTIONS[row])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load(self.stack.currentIndex())

    def _load(self, row: int) -> None:
        """Read what the section shows (in the background)."""
        loads = (self.providers.refresh, self.models.load, self.general.load, self.sandbox.load)
        loads[row]()
