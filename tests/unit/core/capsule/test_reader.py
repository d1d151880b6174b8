"""Tests for desktop/core/capsule/reader.py: hostile capsules are refused before any write."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.gpt import validate_definition
from desktop.core.services import Services
from tests.helpers.capsules import data_files, gpt_with_knowledge, machine, with_action
from tests.helpers.hostile import EXPECTED, hostile


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One valid, unencrypted capsule with knowledge and an action, made once."""
    root = tmp_path_factory.mktemp("valid")
    with machine(root / "maker") as services:
        gpt_id = gpt_with_knowledge(services, root / "files")
        with_action(services, gpt_id)
        target = root / "valid.capsule"
        services.capsules.export(gpt_id, target, ExportOptions(include_index=True))
    return target


def test_the_valid_capsule_imports(valid: Path, theirs: Services) -> None:
    result = theirs.capsules.import_(valid)
    assert result.knowledge_files == 3 and not result.reindexed


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_a_hostile_capsule_is_refused_and_nothing_is_written(
    kind: str, valid: Path, theirs: Services, tmp_path: Path
) -> None:
    existing = theirs.store.gpts.create(validate_definition({"name": "Mine"}))
    bad = hostile(valid, kind, tmp_path)
    before = data_files(theirs.paths)

    with pytest.raises(errors.CapsuleFileError) as caught:
        theirs.capsules.import_(bad, ImportOptions())

    assert EXPECTED[kind] in caught.value.message
    assert "Traceback" not in caught.value.message
    assert [g.id for g in theirs.store.gpts.list(include_deleted=True)] == [existing.id]
    assert data_files(theirs.paths) == before
    assert theirs.store.knowledge.list(existing.id) == []


@pytest.mark.parametrize("kind", ["traversal", "zip bomb", "truncated zip", "newer format"])
def test_inspect_refuses_them_too(kind: str, valid: Path, theirs: Services, tmp_path: Path) -> None:
    bad = hostile(valid, kind, tmp_path)
    with pytest.raises(errors.CapsuleFileError, match=EXPECTED[kind].replace("(", r"\(")):
        theirs.capsules.inspect(bad)


def test_a_newer_format_says_which_version_it_needs(
    valid: Path, theirs: Services, tmp_path: Path
) -> None:
    with pytest.raises(errors.CapsuleTooNewError) as caught:
        theirs.capsules.import_(hostile(valid, "newer format", tmp_path))
    assert "Capsule Studio 9.3 in format 99" in caught.value.message
    assert "Update Capsule Studio to 9.1 or later" in caught.value.message


def test_refusals_are_typed(valid: Path, theirs: Services, tmp_path: Path) -> None:
    kinds = {
        "traversal": errors.CapsuleRefusedError,
        "truncated zip": errors.CapsuleDamagedError,
        "hash mismatch": errors.CapsuleTamperedError,
    }
    for kind, error in kinds.items():
        with pytest.raises(error):
            theirs.capsules.import_(hostile(valid, kind, tmp_path))


def test_a_file_that_is_not_there_or_not_a_capsule(theirs: Services, tmp_path: Path) -> None:
    with pytest.raises(errors.CapsuleFileError, match="There is no file"):
        theirs.capsules.import_(tmp_path / "nope.capsule")
    noise = tmp_path / "noise.capsule"
    noise.write_bytes(b"\x00\x01 not json, not a zip")
    with pytest.raises(errors.CapsuleFileError, match="neither a capsule nor JSON"):
        theirs.capsules.import_(noise)
