"""What this installation has to start with: chat models, provider profiles and GPTs.

The first-run page asks this to choose what to offer: ways to get a model when there is
none anywhere, a first GPT when there are models but no GPTs, the recent GPTs otherwise.
Reads the disk and the database: call it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.models.catalog import Catalog
from desktop.core.models.shelf import ModelShelf, Suggestion
from desktop.core.providers.local import LocalModel
from desktop.core.settings import SettingsFile
from desktop.core.store import Store
from desktop.core.store.records import Gpt


@dataclass(frozen=True)
class Inventory:
    """What there is to start with.

    Usable local chat models, provider profiles, GPTs (newest first), and the catalog's
    recommended chat model with how much of it is already downloaded.
    """

    models: list[LocalModel]
    profiles: list[str]
    gpts: list[Gpt]
    recommended: Suggestion | None = None

    @property
    def has_model(self) -> bool:
        """Whether any GPT could answer: a usable local chat model or a provider profile."""
        return bool(self.models or self.profiles)


def take_inventory(
    shelf: ModelShelf, settings: SettingsFile, store: Store, catalog: Catalog | None = None
) -> Inventory:
    """Look at the model folders, the settings and the database (and the catalog, if given)."""
    models = [m for m in shelf.list() if m.info is not None and not m.info.embedding]
    profiles = sorted(settings.load().providers)
    suggestion = shelf.suggest(catalog.models, "chat") if catalog is not None else None
    return Inventory(models, profiles, store.gpts.list(), suggestion)
