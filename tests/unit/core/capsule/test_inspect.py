"""Tests for desktop/core/capsule/inspect.py: contents with typed details, and the JSON form."""

from __future__ import annotations

from pathlib import Path

from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.inspect import ContentItem
from desktop.core.services import Services
from tests.helpers.capsules import exported, with_action


def test_content_details_are_typed_beside_their_english() -> None:
    paper = ContentItem.knowledge("paper.pdf", 900, pages=12)
    assert (paper.detail, paper.pages) == ("12 pages", 12)
    notes = ContentItem.knowledge("notes.txt", 40, pages=0)
    assert (notes.detail, notes.pages) == ("", None)
    index = ContentItem.index(2048, 4, "bge-small")
    assert (index.detail, index.chunks, index.embedding_model) == (
        "4 chunks, bge-small",
        4,
        "bge-small",
    )
    assert ContentItem.index(2048, 4).detail == "4 chunks"
    assert index.to_dict() == {
        "kind": "index",
        "name": "index",
        "size": 2048,
        "detail": "4 chunks, bge-small",
        "pages": None,
        "chunks": 4,
        "embedding_model": "bge-small",
    }


def test_inspect_json_keeps_the_sentences_and_adds_their_kinds(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id, _ = exported(
        ours, tmp_path / "first", capabilities={"code_interpreter": {"enabled": True}}
    )
    with_action(ours, gpt_id)
    capsule = tmp_path / "pets.capsule"
    ours.capsules.export(gpt_id, capsule, ExportOptions(include_index=True))

    info = theirs.capsules.inspect(capsule)
    data = info.to_dict()
    assert data["enables"] == [e.text for e in info.enables]
    assert [(d["kind"], d["args"]) for d in data["enables_detail"]] == [
        ("code", {}),
        ("action", {"action": "Pets", "hosts": "api.pets.example", "auth": "api_key"}),
    ]
    (need,) = data["secrets"]
    assert (need["what"], need["subject"], need["label"]) == (
        "api_key",
        "Pets",
        "API key for the action 'Pets'",
    )
    (index,) = [c for c in info.contents if c.kind == "index"]
    assert index.chunks is not None and index.chunks > 0
    assert index.detail.startswith(f"{index.chunks} chunks")


def test_a_gpt_with_an_action_without_auth_is_inspected_and_imported(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id, _ = exported(ours, tmp_path / "first")
    with_action(ours, gpt_id, "none")
    capsule = tmp_path / "open.capsule"
    ours.capsules.export(gpt_id, capsule)

    info = theirs.capsules.inspect(capsule)
    assert [(e.kind, e.args["auth"]) for e in info.enables] == [("action", "")]
    assert info.secrets == []
    result = theirs.capsules.import_(capsule)
    assert result.secrets_missing == []
    assert [a.name for a in theirs.store.gpts.get(result.gpt_id).definition.actions] == ["Pets"]


def test_inspect_json_keeps_the_notes_and_adds_their_kinds(theirs: Services) -> None:
    sample = Path(__file__).resolve().parents[3] / "data" / "importers" / "lobehub_agent.json"
    data = theirs.capsules.inspect(sample).to_dict()
    assert data["source"] == "lobehub"
    assert data["warnings"] == [d["text"] for d in data["notes_detail"]]
    assert data["warnings"][1] == "Dropped the presence and frequency penalties: not set here."
    assert [d["kind"] for d in data["notes_detail"]] == [
        "model_missing",
        "dropped_penalties",
        "opening_message",
        "dropped",
        "dropped",
        "knowledge_elsewhere",
    ]
