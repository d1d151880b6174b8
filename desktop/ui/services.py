"""Core's services with the app's Qt pieces added: what every page is built with."""

from __future__ import annotations

from desktop.core.paths import Paths
from desktop.core.services import Services
from desktop.ui.errors import ErrorChannel
from desktop.ui.prefs import UiPrefs
from desktop.ui.tasks import Tasks


class AppServices(Services):
    """Core's services, plus the error channel, background tasks and the app's preferences.

    Built once by the app (GUI thread) and handed to each page's constructor.
    """

    def __init__(self, paths: Paths, errors: ErrorChannel) -> None:
        super().__init__(paths)
        self.errors = errors
        self.tasks = Tasks(errors.notify_error)
        self.prefs = UiPrefs(paths.config)
