"""Settings › General: the default embedding model, the data folder, language and theme.

The embedding model is core's setting (new GPTs and the CLI start from it); language and
theme are the app's own preferences. A theme applies at once; a language needs a restart,
which this section offers to do. GUI thread; settings are read and written through
`services.tasks`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QWidget,
)

from desktop.core.settings import Settings
from desktop.ui import i18n, theme
from desktop.ui.prefs import THEMES
from desktop.ui.settings.section import Section
from desktop.ui.widgets import INFO_COLORS, Banner

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

ApplyTheme = Callable[[QApplication, str], None]


def restart_command(argv: list[str]) -> tuple[str, list[str]]:
    """The program and arguments that start this app again, minus any `--lang`.

    The language chosen in settings must win over one given on the command line.
    """
    args: list[str] = []
    skip = False
    for arg in argv[1:]:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            args.append(arg)
    if getattr(sys, "frozen", False):  # a packaged app is its own program
        return sys.executable, args
    return sys.executable, ["-m", "desktop.ui.app", *args]


def restart_app() -> bool:
    """Start a new Capsule Studio process (the caller then closes this one)."""
    program, args = restart_command(sys.argv)
    started = QProcess.startDetached(program, args, os.getcwd())
    return bool(started[0] if isinstance(started, tuple) else started)


class GeneralSection(Section):
    """The embedding model new GPTs get, the data folder, language, theme.

    Signals:
        loaded(): the settings were read and shown.
        embedding_saved(str): the default embedding model was saved ("" for none).
        restart_requested(): the user asked to restart in the new language.
    """

    loaded = Signal()
    embedding_saved = Signal(str)
    restart_requested = Signal()

    def __init__(
        self,
        services: AppServices,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        restart: Callable[[], bool] = restart_app,
        apply_theme: ApplyTheme = theme.apply,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._open_url = open_url
        self._restart = restart
        self._apply_theme = apply_theme
        self._build()

    def _build(self) -> None:
        layout = self.column
        knowledge = QGroupBox(self.tr("New GPTs"), self)
        form = QFormLayout(knowledge)
        self.embedding = QComboBox(knowledge)
        self.embedding.setEditable(True)
        self.embedding.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.embedding.setAccessibleName(self.tr("Default embedding model"))
        self.embedding.activated.connect(self._on_embedding_chosen)
        self.embedding_note = QLabel(
            self.tr(
                "New GPTs start with this model for searching their knowledge by meaning. "
                "Without one, search matches words (it works offline and for Chinese too). "
                "Type PROFILE:MODEL for a provider's embedding model."
            ),
            knowledge,
        )
        self.embedding_note.setWordWrap(True)
        form.addRow(self.tr("&Embedding model:"), self.embedding)
        form.addRow(self.embedding_note)
        layout.addWidget(knowledge)
        data = QGroupBox(self.tr("Your data"), self)
        folder_row = QHBoxLayout(data)
        self.data_folder = QLabel(str(self._services.paths.data), data)
        self.data_folder.setAccessibleName(self.tr("Data folder"))
        self.data_folder.setWordWrap(True)
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_data_button = self.button(
            self.tr("&Open in the file manager"),
            self.tr("Open the data folder"),
            self.open_data_folder,
            data,
        )
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(self.open_data_button)
        layout.addWidget(data)
        looks = QGroupBox(self.tr("Language and theme"), self)
        form = QFormLayout(looks)
        self.language = QComboBox(looks)
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setCurrentIndex(max(self.language.findData(self._chosen_language()), 0))
        self.language.currentIndexChanged.connect(self._on_language_changed)
        form.addRow(self.tr("&Language:"), self.language)
        self.restart_banner = Banner(INFO_COLORS, QStyle.StandardPixmap.SP_BrowserReload, looks)
        self.restart_button = self.button(
            self.tr("&Restart now"),
            self.tr("Restart Capsule Studio now"),
            self.restart_now,
            self.restart_banner,
        )
        self.restart_banner.row.addWidget(self.restart_button)
        form.addRow(self.restart_banner)
        self.theme = QComboBox(looks)
        for code, label in zip(
            THEMES, (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark")), strict=True
        ):
            self.theme.addItem(label, code)
        self.theme.setAccessibleName(self.tr("Theme"))
        self.theme.setCurrentIndex(max(self.theme.findData(self._services.prefs.theme), 0))
        self.theme.currentIndexChanged.connect(self._on_theme_changed)
        form.addRow(self.tr("&Theme:"), self.theme)
        layout.addWidget(looks)
        layout.addStretch(1)

    def _chosen_language(self) -> str:
        return self._services.prefs.language or i18n.current()

    # -- the embedding model -------------------------------------------------------------------

    def load(self) -> None:
        """Read the current default and the local embedding models (background)."""
        settings, shelf = self._services.settings, self._services.models

        def read() -> tuple[Settings, list[str]]:
            models = [m.id for m in shelf.list() if m.info is not None and m.info.embedding]
            return settings.load(), models

        self._services.tasks.run(read, self._on_loaded, self.show_error, owner=self)

    def _on_loaded(self, found: tuple[Settings, list[str]]) -> None:
        settings, models = found
        current = settings.default_embedding_model
        self.embedding.clear()
        self.embedding.addItem(self.tr("None: match words only"), "")
        for model in models:
            self.embedding.addItem(model, model)
        if current and self.embedding.findData(current) < 0:
            self.embedding.addItem(current, current)
        self.embedding.setCurrentIndex(max(self.embedding.findData(current), 0))
        self.loaded.emit()

    def _on_embedding_chosen(self, index: int) -> None:
        text = self.embedding.currentText().strip()
        data = self.embedding.itemData(index)
        # A typed reference has no item of its own (nothing is inserted): use the text.
        reference = (
            str(data) if data is not None and self.embedding.itemText(index) == text else text
        )
        self.set_embedding_model(reference)

    def set_embedding_model(self, reference: str) -> None:
        """Check `reference` and make it the default for new GPTs (background)."""
        shelf, settings = self._services.models, self._services.settings

        def save() -> str:
            chosen = shelf.choose_embedding(reference)
            settings.update(lambda s: setattr(s, "default_embedding_model", chosen))
            return chosen

        self.error_banner.set_text("")
        self._services.tasks.run(save, self._on_embedding_saved, self.show_error, owner=self)

    def _on_embedding_saved(self, chosen: str) -> None:
        if chosen and self.embedding.findData(chosen) < 0:
            self.embedding.addItem(chosen, chosen)
        self.embedding.setCurrentIndex(max(self.embedding.findData(chosen), 0))
        self.embedding_saved.emit(chosen)

    # -- the data folder -------------------------------------------------------------------------

    def open_data_folder(self) -> None:
        folder = self._services.paths.data
        if not self._open_url(QUrl.fromLocalFile(str(folder))):
            self.show_error(
                self.tr("Could not open %1 in a file manager; open it yourself.").replace(
                    "%1", str(folder)
                )
            )

    # -- language and theme --------------------------------------------------------------------

    def _on_language_changed(self) -> None:
        code = str(self.language.currentData())
        prefs = self._services.prefs
        prefs.language = code
        prefs.sync()
        if code == i18n.current():
            self.restart_banner.set_text("")
            return
        self.restart_banner.set_text(
            self.tr(
                "Capsule Studio will speak %1 after a restart. Restart now, or the next "
                "time you start it."
            ).replace("%1", i18n.LANGUAGES[code])
        )

    def restart_now(self) -> None:
        """Start the app again and close this window (its state is saved as it closes)."""
        self._services.prefs.sync()
        if not self._restart():
            self.show_error(
                self.tr("Capsule Studio could not be started again; close it and start it.")
            )
            return
        self.restart_requested.emit()
        self.window().close()

    def _on_theme_changed(self) -> None:
        code = str(self.theme.currentData())
        self._services.prefs.theme = code
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._apply_theme(app, code)
