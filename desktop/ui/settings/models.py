"""Settings › Local models: the llama.cpp build, the models here, and the catalog.

The build's facts (CPU features, GPU offload) are asked of a short-lived model host the
first time this section is shown (core caches them until llama.cpp changes); until
then the models are listed without what `gpu_layers: auto` does. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.models.catalog import Catalog, load_catalog
from desktop.core.models.fit import gpus
from desktop.core.providers.llama.build import build_info, describe
from desktop.ui.errors import core_text
from desktop.ui.settings import wording
from desktop.ui.settings.catalog import CatalogPane
from desktop.ui.settings.installed import InstalledPane

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

BuildInfo = Callable[[Path], dict[str, Any]]


class ModelsSection(QWidget):
    """Local models: what runs them (the build line), what is here, what to get.

    Signals:
        models_changed(): a model was imported, downloaded or deleted.
        build_known(object): the llama.cpp build's facts arrived (a dict).
    """

    models_changed = Signal()
    build_known = Signal(object)

    def __init__(
        self,
        services: AppServices,
        build: BuildInfo = build_info,
        catalog: Callable[[], Catalog] = load_catalog,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._build_info = build
        self._open_url = open_url
        self._asked = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.build_label = QLabel(self.tr("Asking llama.cpp what this build can do…"), self)
        self.build_label.setWordWrap(True)
        self.build_label.setAccessibleName(self.tr("The llama.cpp build"))
        self.auto_label = QLabel(self)
        self.auto_label.setWordWrap(True)
        self.auto_label.hide()
        here = QGroupBox(self.tr("On this machine"), self)
        here_layout = QVBoxLayout(here)
        here_layout.addWidget(self.build_label)
        here_layout.addWidget(self.auto_label)
        self.installed = InstalledPane(services, here)
        here_layout.addWidget(self.installed, 1)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(
            self.tr("Model folder: %1").replace("%1", str(services.models.user_folder)), here
        )
        self.folder_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Open the model &folder"), here)
        self.open_folder_button.setAccessibleName(self.tr("Open the model folder"))
        self.open_folder_button.clicked.connect(self._on_open_folder)
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)
        here_layout.addLayout(folder_row)
        get = QGroupBox(self.tr("Recommended models"), self)
        get_layout = QVBoxLayout(get)
        self.catalog = CatalogPane(services, catalog, get)
        get_layout.addWidget(self.catalog)
        layout.addWidget(here, 3)
        layout.addWidget(get, 2)
        # Each pane lists itself again after its own change; the other one is told here.
        self.installed.models_changed.connect(self.catalog.refresh)
        self.catalog.models_changed.connect(self.installed.refresh)
        self.installed.models_changed.connect(self.models_changed)
        self.catalog.models_changed.connect(self.models_changed)

    def load(self) -> None:
        """List the models and the catalog; ask the build once (GUI thread)."""
        self.installed.refresh()
        self.catalog.refresh()
        if not self._asked:
            self._asked = True
            cache, build = self._services.paths.cache, self._build_info
            self._services.tasks.run(
                lambda: build(cache), self._on_build_known, self._on_build_failed, owner=self
            )

    def _on_build_known(self, build: dict[str, Any]) -> None:
        # The doctor's lines, but the one about GPU offload in the window's language.
        lines = [line for line in describe(build) if not line.startswith("GPU offload:")]
        self.build_label.setText("\n".join(lines))
        self.auto_label.setText(wording.auto_offload_text(build, gpus(build)))
        self.auto_label.show()
        self.installed.set_build_info(build)
        self.build_known.emit(build)

    def _on_build_failed(self, error: Exception) -> None:
        message = core_text(getattr(error, "message", str(error)))
        self.build_label.setText(
            self.tr("llama.cpp could not be asked what this build can do: %1").replace(
                "%1", message
            )
        )

    def _on_open_folder(self) -> None:
        folder = self._services.models.user_folder
        if not self._open_url(QUrl.fromLocalFile(str(folder))):
            self._services.errors.notify_error(
                self.tr("Could not open %1 in a file manager; open it yourself.").replace(
                    "%1", str(folder)
                )
            )
