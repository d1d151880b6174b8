"""Tests for desktop/core/inventory.py: what there is to start with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.models.catalog import load_catalog
from desktop.core.paths import Paths
from desktop.core.services import Services
from desktop.core.settings import ProviderProfile, Settings


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[Services]:
    built = Services(isolated_home)
    yield built
    built.close()


def test_a_fresh_install_has_nothing(services: Services) -> None:
    found = services.inventory()
    assert (found.models, found.profiles, found.gpts) == ([], [], [])
    assert not found.has_model and found.recommended is None  # no catalog asked for


def test_an_embedding_model_alone_is_not_a_model_to_chat_with(
    services: Services, isolated_home: Paths, tiny_embedding_gguf: Path, tiny_gguf: Path
) -> None:
    (isolated_home.user_models / "embed.gguf").write_bytes(tiny_embedding_gguf.read_bytes())
    (isolated_home.user_models / "broken.gguf").write_bytes(b"not a model")
    assert not services.inventory().has_model
    (isolated_home.user_models / "chat.gguf").write_bytes(tiny_gguf.read_bytes())
    found = services.inventory()
    assert found.has_model and [m.id for m in found.models] == ["chat"]


def test_a_provider_profile_is_a_model_too(services: Services) -> None:
    def add(settings: Settings) -> None:
        settings.providers["deepseek"] = ProviderProfile(
            name="deepseek", base_url="https://api.deepseek.com/v1"
        )

    services.settings.update(add)
    found = services.inventory()
    assert found.has_model and found.profiles == ["deepseek"]


def test_the_recommended_model_and_its_partial_download(
    services: Services, isolated_home: Paths
) -> None:
    catalog = load_catalog()
    found = services.inventory(catalog).recommended
    assert found is not None and found.entry.recommended and "chat" in found.entry.uses
    assert found.state.partial_bytes == 0
    partial = isolated_home.user_models / f"{found.entry.file_name}.abc.incomplete"
    partial.write_bytes(b"x" * 1234)
    again = services.inventory(catalog).recommended
    assert again is not None
    assert (again.state.partial_bytes, again.state.downloaded) == (1234, False)
