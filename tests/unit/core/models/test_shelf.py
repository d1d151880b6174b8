"""The shelf's suggestion of an embedding model for knowledge search."""

from __future__ import annotations

from desktop.core.models.catalog import load_catalog, parse_catalog
from desktop.core.paths import Paths
from desktop.core.services import Services


def test_the_recommended_embedder_and_whether_it_is_here(isolated_home: Paths) -> None:
    shelf = Services(isolated_home).models
    catalog = load_catalog().models

    suggestion = shelf.recommended_embedder(catalog)
    assert suggestion is not None
    assert suggestion.entry.id == "qwen3-embedding-0.6b-q8_0"
    assert "embeddings" in suggestion.entry.uses and "zh" in suggestion.entry.languages
    assert not suggestion.downloaded
    (shelf.user_folder / suggestion.entry.file_name).write_bytes(b"GGUF")
    here = shelf.recommended_embedder(catalog)
    assert here is not None and here.downloaded
    assert here.to_dict()["path"] == str(shelf.user_folder / suggestion.entry.file_name)


def test_without_a_marked_one_the_first_embedder_is_suggested(isolated_home: Paths) -> None:
    entries = [e.to_dict() for e in load_catalog().models]
    for entry in entries:
        entry.pop("recommended", None)
    catalog = parse_catalog({"version": 1, "models": entries}).models
    chat_only = [e for e in catalog if "embeddings" not in e.uses]
    shelf = Services(isolated_home).models

    first = shelf.recommended_embedder(catalog)
    assert first is not None and first.entry == next(e for e in catalog if "embeddings" in e.uses)
    assert shelf.recommended_embedder(chat_only) is None
