"""The app's services for a feature's tests, in English, closed after the test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from desktop.core.paths import Paths
from desktop.ui import app
from desktop.ui.services import AppServices


@contextlib.contextmanager
def app_services(paths: Paths) -> Iterator[AppServices]:
    """`AppServices` on `paths`; background work is stopped and awaited before closing.

    The window's language (which templates follow) is set to English first, whatever an
    earlier test installed.
    """
    QLocale.setDefault(QLocale("en"))
    built = app.build_services(paths)
    try:
        yield built
    finally:
        built.tasks.cancel_all()
        built.tasks.wait_all(20)
        built.close()


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[AppServices]:
    """The app's services on the test's data folder (import it into a conftest to use it)."""
    with app_services(isolated_home) as built:
        yield built
