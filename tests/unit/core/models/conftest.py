"""Fixtures for the model manager: a fake hub on 127.0.0.1 and fast retries."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.hf_server import FakeHub, serving


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    """A fake hub that downloads reach through HF_ENDPOINT, read at call time."""
    with serving(monkeypatch) as fake:
        yield fake
