from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.models.catalog import (
    CATALOG_FILE,
    HubFile,
    load_catalog,
    parse_catalog,
    recommended,
)
from desktop.core.providers.local import model_id


def _entry(**changes: Any) -> dict[str, Any]:
    entry = {
        "id": "tiny-q4_k_m",
        "name": "Tiny",
        "repo": "owner/Tiny-GGUF",
        "file": "Tiny-Q4_K_M.gguf",
        "license": "apache-2.0",
        "uses": ["chat"],
        "languages": ["en"],
        "good_for": "tests",
        "source": "https://huggingface.co/owner/Tiny-GGUF",
    }
    entry.update(changes)
    return entry


def test_the_shipped_catalog_validates_with_unique_ids_that_match_their_files() -> None:
    catalog = load_catalog()
    ids = [e.id for e in catalog.models]
    assert 6 <= len(ids) <= 10 and len(set(ids)) == len(ids)
    for entry in catalog.models:
        assert entry.id == model_id(Path(entry.file_name))
        assert entry.source.startswith("https://huggingface.co/")
    uses = {use for e in catalog.models for use in e.uses}
    assert uses == {"chat", "tools", "embeddings"}
    assert any("zh" in e.languages and "embeddings" in e.uses for e in catalog.models)
    assert any("zh" in e.languages and "tools" in e.uses for e in catalog.models)


def test_the_shipped_catalog_holds_no_sizes_or_hashes() -> None:
    raw = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
    keys = {key for entry in raw["models"] for key in entry}
    assert not keys & {"size", "sha256", "hash", "bytes"}


def test_get_is_case_insensitive_and_unknown_ids_list_the_known_ones() -> None:
    catalog = parse_catalog({"version": 1, "models": [_entry()]})
    assert catalog.get("TINY-Q4_K_M").repo == "owner/Tiny-GGUF"
    with pytest.raises(errors.NotFoundError, match="Known ids: tiny-q4_k_m"):
        catalog.get("nope")


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"file": "Tiny.bin", "id": "tiny"}, "must name a .gguf file"),
        ({"id": "other"}, "id must be 'tiny-q4_k_m'"),
        ({"uses": ["chat", "chat"]}, "lists a use twice"),
        ({"uses": ["painting"]}, "uses.0"),
        ({"source": "http://example.com"}, "source"),
        ({"size": 123}, "size"),
    ],
)
def test_bad_entries_are_refused_with_the_field_named(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        parse_catalog({"version": 1, "models": [_entry(**changes)]})
    assert problem in caught.value.message


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(errors.ValidationError, match="appears twice"):
        parse_catalog({"version": 1, "models": [_entry(), _entry()]})


def test_unreadable_catalog_files_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(errors.ValidationError, match="missing"):
        load_catalog(tmp_path / "none.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(errors.ValidationError, match="not valid JSON"):
        load_catalog(broken)


def test_hub_file_parses_owner_repo_file_and_revision() -> None:
    parsed = HubFile.parse("owner/repo/sub/model.gguf@v1")
    assert (parsed.repo, parsed.file, parsed.revision, parsed.name) == (
        "owner/repo",
        "sub/model.gguf",
        "v1",
        "model.gguf",
    )
    with pytest.raises(errors.ValidationError, match=r"OWNER/REPO/FILE\.gguf"):
        HubFile.parse("owner/repo")


def test_the_shipped_catalog_recommends_a_chat_model_for_chinese_and_english() -> None:
    entry = recommended(load_catalog().models, "chat")
    assert entry is not None and entry.recommended
    assert {"zh", "en"} <= set(entry.languages)


def test_recommended_prefers_the_marked_entry_for_its_use() -> None:
    first = _entry()
    marked = _entry(id="other-q4_k_m", file="Other-Q4_K_M.gguf", recommended=True)
    embedder = _entry(id="embed-q8_0", file="Embed-Q8_0.gguf", uses=["embeddings"])
    catalog = parse_catalog({"version": 1, "models": [first, marked, embedder]})
    assert recommended(catalog.models, "chat") == catalog.get("other-q4_k_m")
    plain = parse_catalog({"version": 1, "models": [first, embedder]})
    assert recommended(plain.models, "chat") == plain.get("tiny-q4_k_m")  # the first, then
    assert recommended(plain.models, "tools") is None
