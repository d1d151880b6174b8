"""The app's services for a GUI test of one widget, closed after the work they started."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop.core.paths import Paths
from desktop.ui.errors import ErrorChannel
from desktop.ui.services import AppServices


@contextmanager
def app_services(paths: Paths) -> Iterator[AppServices]:
    """`AppServices` on `paths`; at the end, background work is stopped and waited for."""
    services = AppServices(paths, ErrorChannel(log_dir=paths.logs))
    try:
        yield services
    finally:
        services.tasks.cancel_all()
        services.tasks.wait_all(30)
        services.close()
