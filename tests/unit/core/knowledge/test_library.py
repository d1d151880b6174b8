"""A GPT's knowledge as the front ends use it: settings from a form, and re-indexing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.cancel import CancelToken
from desktop.core.gpt import KnowledgeSettings, validate_definition
from desktop.core.paths import Paths
from desktop.core.services import Services

TEXT = "\n\n".join(
    f"Section {n}. The lighthouse keeper logs the weather at dawn, noon and dusk; "
    f"entry {n} notes wind from the {('north', 'south', 'east', 'west')[n % 4]}."
    for n in range(40)
)


@pytest.fixture
def services(isolated_home: Paths) -> Services:
    built = Services(isolated_home)
    yield built  # type: ignore[misc]
    built.close()


@pytest.fixture
def gpt_id(services: Services, tmp_path: Path) -> str:
    gpt = services.store.gpts.create(validate_definition({"name": "Keeper"}))
    for name in ("log.txt", "notes.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    list(services.knowledge.add(gpt.id, [tmp_path / "log.txt", tmp_path / "notes.txt"]))
    return gpt.id


def chunks(services: Services, gpt_id: str) -> dict[str, int]:
    return {f.name: f.chunks for f in services.knowledge.files(gpt_id)}


def test_a_forms_settings_stand_in_for_the_saved_ones(
    services: Services, gpt_id: str, tmp_path: Path
) -> None:
    small = KnowledgeSettings(chunk_size=40, chunk_overlap=0)
    (tmp_path / "extra.txt").write_text(TEXT, encoding="utf-8")
    list(services.knowledge.add(gpt_id, [tmp_path / "extra.txt"], settings=small))
    counts = chunks(services, gpt_id)
    assert counts["extra.txt"] > counts["log.txt"]  # smaller pieces, more of them

    assert len(services.knowledge.search(gpt_id, "lighthouse wind")) == 5  # saved top-k
    narrow = KnowledgeSettings(top_k=2)
    assert len(services.knowledge.search(gpt_id, "lighthouse wind", settings=narrow)) == 2


def test_reindexing_rechunks_the_chosen_files_from_their_originals(
    services: Services, gpt_id: str, tmp_path: Path
) -> None:
    before = chunks(services, gpt_id)
    (tmp_path / "log.txt").unlink()  # the original on disk is gone; the stored copy stays
    log = next(f for f in services.knowledge.files(gpt_id) if f.name == "log.txt")
    small = KnowledgeSettings(chunk_size=40, chunk_overlap=0)

    progress = list(services.knowledge.reindex(gpt_id, [log.id], settings=small))

    assert [(p.file, p.status) for p in progress] == [("log.txt", "ok")]
    after = chunks(services, gpt_id)
    assert after["log.txt"] > before["log.txt"]
    assert after["notes.txt"] == before["notes.txt"]  # not chosen, not touched
    listed = services.store.gpts.get(gpt_id).definition.knowledge.files
    assert sorted(f.name for f in listed) == ["log.txt", "notes.txt"]
    assert services.knowledge.search(gpt_id, "north")[0]["file"] in ("log.txt", "notes.txt")


def test_reindexing_can_stop_between_files(services: Services, gpt_id: str) -> None:
    token = CancelToken()
    seen = []
    ids = [f.id for f in services.knowledge.files(gpt_id)]
    for progress in services.knowledge.reindex(gpt_id, ids, cancel=token):
        seen.append(progress.status)
        token.cancel()  # after the first file
    assert seen == ["ok", "cancelled"]
    assert all(f.status == "ready" for f in services.knowledge.files(gpt_id))


def test_the_saved_embedding_model_stays_whatever_a_form_says(
    services: Services, gpt_id: str
) -> None:
    # The engine embeds queries with the saved model: an index built with a draft's model
    # would not match them, so a form's model choice waits for a saved version.
    draft = KnowledgeSettings(embedding_model="lab:some-embedder", top_k=1)
    assert len(services.knowledge.search(gpt_id, "lighthouse", settings=draft)) == 1
    ids = [f.id for f in services.knowledge.files(gpt_id)]
    assert [p.status for p in services.knowledge.reindex(gpt_id, ids, settings=draft)] == [
        "ok",
        "ok",
    ]  # no embedder was asked for: "lab" is no provider here
