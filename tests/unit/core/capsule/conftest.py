"""Two machines for the capsule tests: one exports, the other imports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.paths import Paths
from desktop.core.services import Services
from tests.helpers.capsules import machine


@pytest.fixture
def ours(isolated_home: Paths) -> Iterator[Services]:
    """The exporter's machine (the test's own data folder)."""
    services = Services(isolated_home)
    yield services
    services.close()


@pytest.fixture
def theirs(tmp_path: Path) -> Iterator[Services]:
    """Another machine, with its own data folder, settings and (shared) keyring."""
    with machine(tmp_path / "theirs") as services:
        yield services
