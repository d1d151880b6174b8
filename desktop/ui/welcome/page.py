"""The first-run page: with no model anywhere, three ways forward; then an example GPT.

What it shows follows what the installation has (core's `Inventory`, read in the
background): no model and no provider: download the recommended model, pick a GGUF file,
or add an API key; a model but no GPT (or a model just added): the ready example GPT and
the templates; both: the recent GPTs. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QWidget

from desktop.core import errors
from desktop.core.gpt import ModelSettings
from desktop.core.inventory import Inventory
from desktop.core.models.catalog import load_catalog
from desktop.core.store.records import Gpt
from desktop.core.templates import EXAMPLE, Template, template, templates
from desktop.ui import i18n
from desktop.ui.welcome.download import DownloadCard
from desktop.ui.welcome.panels import Column, FirstGptPanel, RecentPanel
from desktop.ui.welcome.ways import ImportCard, KeyCard
from desktop.ui.widgets import load_images
from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

STATES = ("checking", "start", "first_gpt", "recent")


class WelcomePage(PageFrame):
    """Welcome: get a model (download, pick a file, add an API key), then try an example.

    Signals:
        gpt_created(str): a GPT (the example, a template, a blank one) was created here.
        gpt_open_requested(str): open this GPT (one of the recent ones).
        settings_requested(str): open settings at a section.
        models_changed(): a model was added here.
        state_shown(str): one of `STATES` is now shown.
    """

    gpt_created = Signal(str)
    gpt_open_requested = Signal(str)
    settings_requested = Signal(str)
    models_changed = Signal()
    state_shown = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Welcome to Capsule Studio"),
            self.tr("Build private assistants that run on your own machine."),
            parent,
        )
        self._services = services
        self._language = i18n.current()
        self._generation = 0
        self._added = ""  # the model added here last, until a GPT is made with it
        self.inventory: Inventory | None = None
        self.state = "checking"
        self.checking = QLabel(self.tr("Looking for models…"), self)
        self.download_card = DownloadCard(services, self)
        self.download_card.downloaded.connect(self._on_model_added)
        self.import_card = ImportCard(services, self)
        self.import_card.imported.connect(self._on_model_added)
        self.key_card = KeyCard(self)
        self.key_card.key_requested.connect(lambda: self.settings_requested.emit("providers"))
        self.start_intro = QLabel(
            self.tr("To answer, a GPT needs a model. Choose one of three ways to get one:"), self
        )
        self.start_intro.setWordWrap(True)
        ways = QWidget(self)
        row = QHBoxLayout(ways)
        row.setContentsMargins(0, 0, 0, 0)
        for card in (self.download_card, self.import_card, self.key_card):
            row.addWidget(card, 1)
        self.first_gpt = FirstGptPanel(templates(self._language), self)
        self.first_gpt.example_requested.connect(self.create_example)
        self.first_gpt.template_requested.connect(self._create_from_template)
        self.first_gpt.blank_requested.connect(self._create_blank)
        self.recent = RecentPanel(self)
        self.recent.open_requested.connect(self.gpt_open_requested)
        self.recent.blank_requested.connect(self._create_blank)
        self.stack = QStackedWidget(self)
        self._pages = {
            "checking": Column(self, self.checking),
            "start": Column(self, self.start_intro, ways),
            "first_gpt": Column(self, self.first_gpt),
            "recent": Column(self, self.recent),
        }
        for page in self._pages.values():
            self.stack.addWidget(page)
        self.body.addWidget(self.stack, 1)

    # -- what the shell asks -------------------------------------------------------------

    def refresh(self) -> None:
        """Look again at what there is (models, providers, GPTs), in the background."""
        self._generation += 1
        generation = self._generation
        services = self._services

        def look() -> Inventory:
            try:
                catalog = load_catalog()
            except errors.ValidationError:
                catalog = None  # the download card says so; the other ways still work
            return services.inventory(catalog)

        services.tasks.run(look, lambda found: self._on_inventory(generation, found), owner=self)

    @property
    def busy(self) -> bool:
        """Whether a model is being downloaded or imported here."""
        return self.download_card.busy or self.import_card.busy

    def create_example(self) -> None:
        """Create the example GPT with the model just added (or the first one there is)."""
        self._create_from_template(template(EXAMPLE, self._language))

    # -- what it shows -------------------------------------------------------------------

    def _on_inventory(self, generation: int, inventory: Inventory) -> None:
        if generation != self._generation:
            return
        self.inventory = inventory
        suggested = inventory.recommended
        if suggested is None:
            self.download_card.set_entry(None, None)
        else:
            self.download_card.set_entry(suggested.entry, suggested.state)
        if self._added and not any(m.id == self._added for m in inventory.models):
            self._added = ""  # removed since: offer what there is
        if self.busy or not inventory.has_model:
            self._show("start")
        elif self._added or not inventory.gpts:
            model = self._example_model(inventory)
            label = model.model or model.provider
            self.first_gpt.describe(label, bool(self._added), bool(inventory.gpts))
            self._show("first_gpt")
        else:
            wanted = self.recent.show_gpts(inventory.gpts)
            self._show("recent")
            if wanted:
                avatars = self._services.avatars
                self._services.tasks.run(
                    lambda: load_images(avatars, wanted, 64), self.recent.set_images, owner=self
                )

    def _show(self, state: str) -> None:
        self.state = state
        self.stack.setCurrentWidget(self._pages[state])
        self.state_shown.emit(state)

    def _example_model(self, inventory: Inventory) -> ModelSettings:
        if self._added:
            return ModelSettings(provider="local", model=self._added)
        if inventory.models:
            return ModelSettings(provider="local", model=inventory.models[0].id)
        if inventory.profiles:
            # The provider's model is picked in the builder: its list comes from the service.
            return ModelSettings(provider=inventory.profiles[0], model="")
        return ModelSettings()

    # -- what the user does --------------------------------------------------------------

    def _on_model_added(self, model_id: str) -> None:
        self._added = model_id
        self.models_changed.emit()
        self.refresh()

    def _create_from_template(self, chosen: Template) -> None:
        model = self._example_model(self.inventory) if self.inventory is not None else None
        library = self._services.gpt_library
        self._services.tasks.run(
            lambda: library.create_from_template(chosen, model), self._on_created, owner=self
        )

    def _create_blank(self) -> None:
        name = self.tr("New GPT")
        library = self._services.gpt_library
        self._services.tasks.run(lambda: library.create_blank(name), self._on_created, owner=self)

    def _on_created(self, gpt: Gpt) -> None:
        self._added = ""
        self.gpt_created.emit(gpt.id)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Settings may have added a provider, or the library a GPT, while it was hidden.
        super().showEvent(event)
        self.refresh()
