"""The welcome page's first way forward: download the catalog's recommended model.

Shows the model's size (asked from the hub in the background) and licence; downloads with
progress, speed and time left; Cancel keeps the partial file, and the button then offers
to resume it; core checks the sha256 before the file is put in place. GUI thread.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.core.models.catalog import CatalogEntry
from desktop.core.models.shelf import CatalogState
from desktop.core.units import human_size
from desktop.ui.welcome.cards import Card, Transfer, is_cancel

if TYPE_CHECKING:
    from desktop.core.models.download import DownloadResult  # huggingface_hub: slow to import
    from desktop.ui.services import AppServices


class DownloadCard(Card):
    """Download the recommended model.

    Signals:
        downloaded(str): the model with this id is downloaded and checked.
    """

    downloaded = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget) -> None:
        super().__init__(
            self.tr("Download a model"),
            self.tr(
                "A free model that runs on this computer, offline. Nothing you type leaves it."
            ),
            parent,
        )
        self._services = services
        self.entry: CatalogEntry | None = None
        self._state: CatalogState | None = None
        self._size: int | None = None
        self._size_asked = ""  # the entry whose size was asked for
        self._size_failed = False
        self.model_name = QLabel(self)
        font = self.model_name.font()
        font.setBold(True)
        self.model_name.setFont(font)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setOpenExternalLinks(True)
        self.facts.setAccessibleName(self.tr("Model size and licence"))
        self.button = QPushButton(self.tr("Download"), self)
        self.button.clicked.connect(self.start)
        self.transfer = Transfer(self.tr("the download"), self)
        self.transfer.progressed.connect(self._on_progressed)
        self.column.addWidget(self.model_name)
        self.column.addWidget(self.facts)
        self.add_button(self.button)
        self.column.addWidget(self.transfer)
        self.column.addStretch(1)
        self.set_entry(None, None)

    @property
    def busy(self) -> bool:
        return self.transfer.busy

    def set_entry(self, entry: CatalogEntry | None, state: CatalogState | None) -> None:
        """Offer `entry` (None: the catalog names no model), `state` being what is on disk."""
        self.entry, self._state = entry, state
        if entry is None:
            self.model_name.setText(self.tr("No recommended model is listed in the catalog."))
            self.facts.setText("")
            self.button.setEnabled(False)
            return
        self.model_name.setText(entry.name)
        self._show_facts()
        if not self.busy:  # while it runs, the button stays as the download left it
            self.button.setEnabled(True)
            self._show_button()
        if self._size_asked != entry.id:
            self._ask_size(entry)

    def start(self) -> None:
        """Download (or resume) the recommended model in the background."""
        entry = self.entry
        if entry is None or self.busy:
            return
        models = self._services.models
        self.button.setEnabled(False)
        self.transfer.run(
            self._services,
            lambda report, cancel: models.download(entry, report, cancel),
            self._on_downloaded,
            self._on_failed,
        )

    # -- what it shows ---------------------------------------------------------------------

    def _ask_size(self, entry: CatalogEntry) -> None:
        self._size_asked, self._size, self._size_failed = entry.id, None, False

        def known(size: int | None) -> None:
            if self.entry is not None and self.entry.id == entry.id:
                self._size = size
                self._size_failed = size is None
                self._show_facts()
                if not self.busy:
                    self._show_button()

        def unknown(_error: Exception) -> None:
            known(None)

        self._services.tasks.run(
            lambda: self._services.models.remote_file(entry).size, known, unknown, owner=self
        )

    def _show_facts(self) -> None:
        entry = self.entry
        if entry is None:
            return
        if self._size is not None:
            size = human_size(self._size)
        elif self._size_failed:
            size = self.tr("unknown until the download starts")
        else:
            size = self.tr("checking…")
        facts = (
            self.tr("Size: %1 · Licence: %2")
            .replace("%1", html.escape(size))
            .replace("%2", html.escape(entry.license))
        )
        link = self.tr("About this model")
        self.facts.setText(f'{facts} · <a href="{html.escape(entry.source)}">{link}</a>')

    def _show_button(self) -> None:
        partial = self._state.partial_bytes if self._state is not None else 0
        if partial and self._size:
            text = (
                self.tr("Resume download (%1 of %2 done)")
                .replace("%1", human_size(partial))
                .replace("%2", human_size(self._size))
            )
        elif partial:
            text = self.tr("Resume download (%1 done)").replace("%1", human_size(partial))
        else:
            text = self.tr("Download")
        self.button.setText(text)
        name = self.entry.name if self.entry is not None else ""
        self.button.setAccessibleName(f"{text}: {name}" if name else text)

    # -- results -----------------------------------------------------------------------------

    def _on_progressed(self, progress: object) -> None:
        total = getattr(progress, "total", None)
        if total and self._size is None:
            self._size = total
            self._show_facts()

    def _on_downloaded(self, result: DownloadResult) -> None:
        self.button.setEnabled(True)
        self._state = CatalogState(result.path, 0)
        self._show_button()
        if self.entry is not None:
            self.downloaded.emit(self.entry.id)

    def _on_failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        if not is_cancel(error):
            self.transfer.show_error(error)
        entry = self.entry
        if entry is None:
            return
        models = self._services.models

        def seen(state: CatalogState) -> None:
            if self.entry is not None and self.entry.id == entry.id:
                self._state = state
                self._show_button()

        # What is on disk now (a partial file to resume from, or nothing after a bad checksum).
        self._services.tasks.run(lambda: models.catalog_state(entry), seen, owner=self)
