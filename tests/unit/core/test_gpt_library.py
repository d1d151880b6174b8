"""Tests for desktop/core/gpt_library.py: create, duplicate (with knowledge), delete, find."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.gpt import ModelSettings, validate_definition
from desktop.core.gpt_library import matches
from desktop.core.knowledge.copy import CopyProgress
from desktop.core.paths import Paths
from desktop.core.services import Services
from desktop.core.store.records import Gpt
from desktop.core.templates import template


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[Services]:
    built = Services(isolated_home)
    yield built
    built.close()


def with_knowledge(services: Services, folder: Path) -> tuple[Gpt, list[Path]]:
    """A GPT with an avatar, an action and two text files of knowledge."""
    gpt = services.store.gpts.create(
        validate_definition(
            {
                "name": "Handbook",
                "avatar": "emoji:#2f8f5b:📚",
                "instructions": "Answer from the handbook.",
                "knowledge": {"chunk_size": 64, "chunk_overlap": 8},
                "actions": [{"id": "weather", "name": "Weather", "document": "openapi: 3.0.0"}],
            }
        )
    )
    files = [folder / "cats.txt", folder / "dogs.txt"]
    files[0].write_text("Cats sleep sixteen hours a day.", encoding="utf-8")
    files[1].write_text("Dogs sleep twelve hours and dream of 骨头.", encoding="utf-8")
    progress = list(services.knowledge.add(gpt.id, files))
    assert [p.status for p in progress if p.status != "started"] == ["ok", "ok"]
    return services.store.gpts.get(gpt.id), files


def run(items: Iterator[CopyProgress | Gpt]) -> tuple[list[CopyProgress], Gpt]:
    seen = list(items)
    *progress, last = seen
    assert isinstance(last, Gpt)
    return progress, last  # type: ignore[return-value]


def test_a_duplicate_copies_definition_and_knowledge_without_the_users_files(
    services: Services, tmp_path: Path
) -> None:
    source, files = with_knowledge(services, tmp_path)
    for path in files:
        path.unlink()  # the user's files are gone: the copy must not need them

    progress, copy = run(services.gpt_library.duplicate(source.id, "Handbook (copy)"))

    assert [(p.done, p.total) for p in progress] == [(0, 2), (1, 2), (2, 2)]
    assert copy.id != source.id and copy.name == "Handbook (copy)"
    assert copy.definition.avatar == source.definition.avatar
    assert copy.definition.actions == source.definition.actions
    assert copy.definition.instructions == source.definition.instructions
    originals = {f.name: f for f in services.knowledge.files(source.id)}
    copied = services.knowledge.files(copy.id)
    assert sorted(f.name for f in copied) == ["cats.txt", "dogs.txt"]
    for file in copied:
        original = originals[file.name]
        assert file.id != original.id and file.owner == copy.id
        assert (file.sha256, file.status, file.chunks) == (
            original.sha256,
            "ready",
            original.chunks,
        )
    listed = copy.definition.knowledge.files
    assert sorted(f.id for f in listed) == sorted(f.id for f in copied)
    assert services.knowledge.search(copy.id, "骨头")[0]["file"] == "dogs.txt"
    assert services.knowledge.search(copy.id, "cats")[0]["file"] == "cats.txt"


def test_the_copy_lives_on_when_the_source_loses_its_knowledge(
    services: Services, tmp_path: Path
) -> None:
    source, _ = with_knowledge(services, tmp_path)
    _, copy = run(services.gpt_library.duplicate(source.id, "Copy"))

    for file in services.knowledge.files(source.id):
        services.knowledge.remove(source.id, file.id)
    services.gpt_library.delete(source.id)

    assert services.knowledge.search(copy.id, "cats")[0]["file"] == "cats.txt"
    assert len(services.knowledge.files(copy.id)) == 2


def test_a_cancelled_duplicate_leaves_nothing_behind(services: Services, tmp_path: Path) -> None:
    source, _ = with_knowledge(services, tmp_path)
    cancel = CancelToken()
    items = services.gpt_library.duplicate(source.id, "Copy", cancel)
    assert next(items) == CopyProgress(0, 2, "")
    cancel.cancel()
    with pytest.raises(errors.CancelledError):
        list(items)
    assert [g.id for g in services.store.gpts.list()] == [source.id]
    left = [g for g in services.store.gpts.list(include_deleted=True) if g.id != source.id]
    assert [services.store.knowledge.list(g.id) for g in left] == [[]]


def test_stopping_early_also_removes_the_half_copy(services: Services, tmp_path: Path) -> None:
    source, _ = with_knowledge(services, tmp_path)
    items = services.gpt_library.duplicate(source.id, "Copy")
    next(items)
    next(items)
    items.close()  # the reader went away (a cancelled background task)
    assert [g.id for g in services.store.gpts.list()] == [source.id]


def test_a_gpt_without_knowledge_is_copied_at_once(services: Services) -> None:
    source = services.gpt_library.create_from_template(template("writer", "en"))
    progress, copy = run(services.gpt_library.duplicate(source.id, "x" * 100))
    assert progress == []
    assert copy.name == "x" * 80  # the longest name a GPT may have
    assert copy.definition.conversation_starters == source.definition.conversation_starters


def test_new_gpts_start_with_the_first_usable_local_chat_model(
    services: Services, isolated_home: Paths, tiny_gguf: Path, tiny_embedding_gguf: Path
) -> None:
    assert services.gpt_library.create_blank("Empty").definition.model == ModelSettings()
    isolated_home.user_models.mkdir(parents=True, exist_ok=True)
    (isolated_home.user_models / "a-embed.gguf").write_bytes(tiny_embedding_gguf.read_bytes())
    (isolated_home.user_models / "b-chat.gguf").write_bytes(tiny_gguf.read_bytes())

    blank = services.gpt_library.create_blank("Blank")
    assert blank.definition.model.model == "b-chat"
    chosen = ModelSettings(provider="local", model="other")
    made = services.gpt_library.create_from_template(template("tutor", "zh_CN"), chosen)
    assert made.name == "学习辅导" and made.definition.model.model == "other"
    assert services.store.gpts.versions(made.id)[0].note == "created from template tutor"


def test_delete_and_undelete(services: Services) -> None:
    gpt = services.gpt_library.create_blank("Gone soon")
    assert services.gpt_library.delete(gpt.id).name == "Gone soon"
    assert services.store.gpts.list() == []
    assert services.gpt_library.undelete(gpt.id).id == gpt.id
    assert [g.id for g in services.store.gpts.list()] == [gpt.id]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("", True),
        ("TRAVEL", True),
        ("travel qwen", True),  # every word, anywhere
        ("trips", True),  # the description
        ("旅行", True),
        ("travel llama", False),
    ],
)
def test_search_matches_name_description_and_model(query: str, found: bool) -> None:
    gpt = Gpt(
        "gpt_1",
        1,
        validate_definition(
            {
                "name": "Travel helper 旅行",
                "description": "Plans trips",
                "model": {"model": "qwen2.5-1.5b-instruct-q4_k_m"},
            }
        ),
        0.0,
        0.0,
    )
    assert matches(gpt, query) is found
