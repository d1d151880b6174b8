"""Tests for desktop/core/capsule/install.py: round trips, ids, consent, atomic imports."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.capsule.service import CapsuleProgress
from desktop.core.capsule.staging import sweep
from desktop.core.gpt import update_definition
from desktop.core.services import Services
from desktop.core.settings import ProviderProfile, Settings
from tests.helpers.capsules import chunks, data_files, exported, gpt_with_knowledge

QUERIES = ["how long do cats sleep", "walks", "大熊猫 竹子"]


@pytest.mark.parametrize(
    "options",
    [
        ExportOptions(),
        ExportOptions(include_index=True),
        ExportOptions(password="pw", include_index=True),
    ],
    ids=["originals", "with index", "encrypted with index"],
)
def test_a_round_trip_retrieves_the_same_chunks(
    options: ExportOptions, ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "files", instructions="Answer from the files.")
    capsule = tmp_path / "pets.capsule"
    exported = ours.capsules.export(gpt_id, capsule, options)
    assert exported.includes_index == options.include_index

    result = theirs.capsules.import_(capsule, ImportOptions(password=options.password))

    assert result.gpt_id == gpt_id and not result.replaced and result.renamed_from is None
    assert result.reindexed is not options.include_index
    for query in QUERIES:
        assert chunks(theirs, result.gpt_id, query) == chunks(ours, gpt_id, query) != []
    mine, imported = ours.store.gpts.get(gpt_id), theirs.store.gpts.get(result.gpt_id)
    assert imported.definition.instructions == "Answer from the files."
    names = sorted(f.name for f in imported.definition.knowledge.files)
    assert names == sorted(f.name for f in mine.definition.knowledge.files)
    pages = {f.name: (f.pages, f.chunks) for f in theirs.store.knowledge.list(result.gpt_id)}
    assert pages == {f.name: (f.pages, f.chunks) for f in ours.store.knowledge.list(gpt_id)}


def test_progress_is_reported_and_stages_follow_each_other(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "files")
    capsule = tmp_path / "p.capsule"
    seen: list[CapsuleProgress] = []
    ours.capsules.export(gpt_id, capsule, ExportOptions(password="pw"), progress=seen.append)
    assert {s.stage for s in seen} >= {"hashing", "encrypting"}
    seen.clear()
    theirs.capsules.import_(capsule, ImportOptions(password="pw"), progress=seen.append)
    stages = list(dict.fromkeys(s.stage for s in seen))
    assert stages == ["checking", "decrypting", "unpacking", "indexing", "saving"]
    assert all(0 <= s.done <= s.total for s in seen if s.total)


def test_the_same_id_gets_a_new_one_unless_replacing(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id, capsule = exported(ours, tmp_path)
    first = theirs.capsules.import_(capsule)
    info = theirs.capsules.inspect(capsule)
    assert info.id_taken and info.gpt_id == gpt_id

    second = theirs.capsules.import_(capsule)
    assert second.gpt_id != gpt_id and second.renamed_from == gpt_id
    assert len(theirs.store.gpts.list()) == 2

    edited = theirs.store.gpts.get(first.gpt_id)
    theirs.store.gpts.save(
        first.gpt_id, update_definition(edited.definition, {"instructions": "my own edit"})
    )
    theirs.store.gpts.delete(first.gpt_id)  # even from the trash
    replaced = theirs.capsules.import_(capsule, ImportOptions(replace=True))

    assert replaced.gpt_id == gpt_id and replaced.replaced
    history = theirs.store.gpts.versions(gpt_id)
    assert [v.definition.instructions for v in history][-2] == "my own edit"
    assert history[-1].note.endswith("(replaced)")
    assert theirs.store.gpts.get(gpt_id).deleted_at is None
    assert chunks(theirs, gpt_id, "cats") == chunks(ours, gpt_id, "cats")
    assert len(theirs.store.knowledge.list(gpt_id)) == 3  # the old files are gone


def test_consent_starts_afresh_and_knowledge_says_where_it_came_from(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(
        ours, tmp_path / "files", allowed_domains=["api.pets.example"], knowledge_protection=True
    )
    capsule = tmp_path / "pets.capsule"
    ours.capsules.export(
        gpt_id, capsule, ExportOptions(author="Ada", author_url="https://ada.example")
    )

    result = theirs.capsules.import_(capsule)

    imported = theirs.store.gpts.get(result.gpt_id).definition
    assert imported.allowed_domains == [] and imported.knowledge_protection
    assert any("Consent starts afresh" in w for w in result.warnings)
    for file in theirs.store.knowledge.list(result.gpt_id):
        assert file.origin["author"] == "Ada"
        assert file.origin["author_url"] == "https://ada.example"
        assert file.origin["source"] == "capsule" and file.origin["signature"] == "unsigned"
    assert theirs.store.gpts.versions(result.gpt_id)[0].note == "imported from pets.capsule by Ada"


def test_provider_profiles_travel_without_keys_and_keys_are_asked_for(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    def lab(settings: Settings) -> None:
        settings.providers["lab"] = ProviderProfile(
            name="lab", base_url="https://lab.example/v1", api_key_secret="provider:lab"
        )

    ours.settings.update(lab)
    ours.secrets.set("provider:lab", "sk-ours-not-theirs")
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {}, model={"provider": "lab", "model": "m"})
    capsule = tmp_path / "lab.capsule"
    ours.capsules.export(gpt_id, capsule)
    ours.secrets.delete("provider:lab")  # the other machine shares this test's keyring

    info = theirs.capsules.inspect(capsule)
    assert [p.name for p in info.providers] == ["lab"]
    (need,) = info.secrets
    assert (need.key, need.secret_name, need.already_set) == ("provider:lab", "provider:lab", False)
    assert "lab.example" in info.hosts and "lab.example" in info.enables[0].text

    result = theirs.capsules.import_(capsule, ImportOptions(secrets={"provider:lab": "sk-theirs"}))

    assert result.providers_added == ["lab"] and result.secrets_missing == []
    profile = theirs.settings.load().profile("lab")
    assert profile.base_url == "https://lab.example/v1" and profile.api_key_secret == "provider:lab"
    assert theirs.secrets.get("provider:lab") == "sk-theirs"


def test_a_cancelled_import_writes_nothing(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    gpt_id, capsule = exported(ours, tmp_path)
    before = data_files(theirs.paths)
    for stage in ("unpacking", "indexing"):
        cancel = CancelToken()

        def stop(step: CapsuleProgress, cancel: CancelToken = cancel, stage: str = stage) -> None:
            if step.stage == stage:
                cancel.cancel()

        with pytest.raises(errors.CancelledError):
            theirs.capsules.import_(capsule, progress=stop, cancel=cancel)
        assert theirs.store.gpts.list() == []
        assert data_files(theirs.paths) == before
        assert theirs.store.knowledge.list(gpt_id) == []


def test_a_failure_at_the_commit_rolls_everything_back(
    ours: Services, theirs: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, capsule = exported(ours, tmp_path, ExportOptions(include_index=True))
    first = theirs.capsules.import_(capsule)
    before_files = data_files(theirs.paths)
    before_chunks = chunks(theirs, first.gpt_id, "cats")

    def broken(*args: object, **kwargs: object) -> None:
        raise errors.StoreError("the disk is full")

    from desktop.core.store.gpts import GptRepository

    monkeypatch.setattr(GptRepository, "create", broken)
    monkeypatch.setattr(GptRepository, "save", broken)
    for replace in (False, True):
        with pytest.raises(errors.StoreError):
            theirs.capsules.import_(capsule, ImportOptions(replace=replace))
        assert [g.id for g in theirs.store.gpts.list()] == [first.gpt_id]
        # Replacing rewrites the GPT's own table (put back as it was); nothing else is new.
        table = f"lance/{first.gpt_id}.lance/"
        assert {
            f for f in data_files(theirs.paths) - before_files if not f.startswith(table)
        } == set()
        assert {p.name for p in (theirs.paths.data / "lance").iterdir()} == {
            f"{first.gpt_id}.lance"
        }
        assert chunks(theirs, first.gpt_id, "cats") == before_chunks
        assert len(theirs.store.knowledge.list(first.gpt_id)) == 3


def test_what_a_crash_left_staged_is_swept(theirs: Services, tmp_path: Path) -> None:
    leftover = theirs.paths.data / "capsule-imports" / "deadbeef"
    leftover.mkdir(parents=True)
    (leftover / "owner").write_text("gpt_crashed0000000000000000", encoding="ascii")
    gpt_with_knowledge(theirs, tmp_path / "mine", {"x.txt": "staged text"})
    staged = theirs.store.knowledge.list(theirs.store.gpts.list()[0].id)
    theirs.store.knowledge.move(staged[0].owner, "gpt_crashed0000000000000000")
    theirs.index.copy(staged[0].owner, "gpt_crashed0000000000000000")

    assert sweep(theirs.paths.data / "capsule-imports", theirs.store, lambda: theirs.index) == 1
    assert not leftover.exists()
    assert theirs.store.knowledge.list("gpt_crashed0000000000000000") == []
    assert theirs.index.count("gpt_crashed0000000000000000") == 0
