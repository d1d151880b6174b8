"""Sizes and counts as people read them."""

from __future__ import annotations

import pytest

from desktop.core.units import human_count, human_size


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1_500, "1.5 KB"),
        (469_000_000, "469.0 MB"),
        (4_700_000_000, "4.7 GB"),
        (123_000_000_000_000, "123000.0 GB"),
    ],
)
def test_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(
    ("count", "text"),
    [(999, "999"), (115_648, "115.6K"), (494_032_768, "494.0M"), (1_500_000_000, "1.5B")],
)
def test_human_count(count: int, text: str) -> None:
    assert human_count(count) == text
