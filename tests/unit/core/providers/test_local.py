"""Tests for desktop/core/providers/local.py: discovering, naming and resolving GGUF files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.providers.local import LocalModels, model_id


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "models", tmp_path / "user-models"
    first.mkdir()
    second.mkdir()
    return first, second


def place(tiny_gguf: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tiny_gguf, target)
    return target


def broken(target: Path, content: bytes = b"<html>404</html>") -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target


# -- ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Qwen2.5-0.5B-Instruct-Q4_K_M.gguf", "qwen2.5-0.5b-instruct-q4_k_m"),
        ("tiny.gguf", "tiny"),
        ("Big-Model-00001-of-00003.gguf", "big-model"),
        ("keep-00001-of-3.gguf", "keep-00001-of-3"),
    ],
)
def test_model_id_is_the_lower_cased_stem_without_split_suffix(name: str, expected: str) -> None:
    assert model_id(Path("/x") / name) == expected


# -- discovery -------------------------------------------------------------------------------


def test_discovers_models_in_every_folder_in_folder_order(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, second = folders
    place(tiny_gguf, second / "Alpha.gguf")
    place(tiny_gguf, first / "Zeta.gguf")
    place(tiny_gguf, first / "nested" / "Beta-Q8_0.gguf")
    (first / "notes.txt").write_text("not a model", encoding="utf-8")

    models = LocalModels([first, second]).list()

    # Within a folder, files are sorted by path; the first folder's files come first.
    assert [m.id for m in models] == ["zeta", "beta-q8_0", "alpha"]
    assert [m.path for m in models] == [
        first / "Zeta.gguf",
        first / "nested" / "Beta-Q8_0.gguf",
        second / "Alpha.gguf",
    ]
    assert all(m.info is not None and m.problem is None for m in models)
    assert models[0].info is not None
    assert models[0].info.architecture == "llama"


def test_missing_folders_are_skipped(tiny_gguf: Path, tmp_path: Path) -> None:
    present = tmp_path / "present"
    place(tiny_gguf, present / "one.gguf")

    models = LocalModels([tmp_path / "absent", present]).list()

    assert [m.id for m in models] == ["one"]


def test_no_folders_means_no_models(tmp_path: Path) -> None:
    assert LocalModels([]).list() == []
    assert LocalModels([tmp_path / "absent"]).list() == []


def test_folders_property_is_a_copy(folders: tuple[Path, Path]) -> None:
    local = LocalModels(list(folders))

    local.folders.append(Path("/elsewhere"))

    assert local.folders == list(folders)


def test_duplicate_ids_get_numeric_suffixes(tiny_gguf: Path, folders: tuple[Path, Path]) -> None:
    first, second = folders
    place(tiny_gguf, first / "Model.gguf")
    place(tiny_gguf, first / "sub" / "model.gguf")
    place(tiny_gguf, second / "MODEL.gguf")

    models = LocalModels([first, second]).list()

    assert [m.id for m in models] == ["model", "model-2", "model-3"]
    assert len({m.path for m in models}) == 3


def test_a_suffixed_id_does_not_clash_with_a_real_one(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, second = folders
    place(tiny_gguf, first / "model.gguf")
    place(tiny_gguf, first / "model-2.gguf")
    place(tiny_gguf, second / "model.gguf")

    ids = [m.id for m in LocalModels([first, second]).list()]

    assert len(ids) == len(set(ids)) == 3


def test_split_models_are_listed_once_by_their_first_part(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, _ = folders
    part_one = place(tiny_gguf, first / "Big-00001-of-00002.gguf")
    broken(first / "Big-00002-of-00002.gguf", b"tensor data only")

    models = LocalModels([first]).list()

    assert [(m.id, m.path) for m in models] == [("big", part_one)]
    assert models[0].problem is None


def test_broken_files_are_listed_with_their_problem(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, _ = folders
    place(tiny_gguf, first / "good.gguf")
    broken(first / "page.gguf")
    broken(first / "empty.gguf", b"")
    broken(first / "cut.gguf", tiny_gguf.read_bytes()[:1000])

    models = {m.id: m for m in LocalModels([first]).list()}

    assert sorted(models) == ["cut", "empty", "good", "page"]
    assert models["good"].problem is None
    for ident in ("cut", "empty", "page"):
        assert models[ident].info is None
        assert models[ident].problem
        assert f"{ident}.gguf" in (models[ident].problem or "")
    assert "not a GGUF model file" in (models["page"].problem or "")
    assert "empty" in (models["empty"].problem or "")


def test_to_dict_of_good_and_broken_models(tiny_gguf: Path, folders: tuple[Path, Path]) -> None:
    first, _ = folders
    place(tiny_gguf, first / "good.gguf")
    bad = broken(first / "bad.gguf")

    models = {m.id: m.to_dict() for m in LocalModels([first]).list()}

    good = models["good"]
    assert good["has_chat_template"] is True
    assert "chat_template" not in good
    assert good["architecture"] == "llama"
    assert good["problem"] is None
    assert models["bad"]["file_size"] == bad.stat().st_size
    assert models["bad"]["problem"]


def test_listing_twice_reuses_the_cached_metadata(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, _ = folders
    place(tiny_gguf, first / "one.gguf")
    local = LocalModels([first])

    assert local.list()[0] is local.list()[0]


def test_a_repaired_file_is_read_again(tiny_gguf: Path, folders: tuple[Path, Path]) -> None:
    first, _ = folders
    target = broken(first / "model.gguf")
    local = LocalModels([first])
    assert local.list()[0].problem is not None

    place(tiny_gguf, target)

    [model] = local.list()
    assert model.problem is None
    assert model.info is not None


# -- resolving -------------------------------------------------------------------------------


def test_resolve_by_id_ignores_case_and_spaces(tiny_gguf: Path, folders: tuple[Path, Path]) -> None:
    first, second = folders
    place(tiny_gguf, first / "alpha.gguf")
    target = place(tiny_gguf, second / "Beta.gguf")
    local = LocalModels([first, second])

    model = local.resolve("  BETA ")

    assert (model.id, model.path) == ("beta", target)
    assert model.info is not None


def test_resolve_a_suffixed_duplicate(tiny_gguf: Path, folders: tuple[Path, Path]) -> None:
    first, second = folders
    place(tiny_gguf, first / "model.gguf")
    other = place(tiny_gguf, second / "model.gguf")

    assert LocalModels([first, second]).resolve("model-2").path == other


def test_resolve_by_path_outside_the_folders(tiny_gguf: Path, tmp_path: Path) -> None:
    elsewhere = place(tiny_gguf, tmp_path / "downloads" / "My-Model.gguf")

    model = LocalModels([]).resolve(str(elsewhere))

    assert model.id == "my-model"
    assert model.path == elsewhere.resolve()
    assert model.info is not None
    assert model.info.architecture == "llama"


def test_resolve_a_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "gone.gguf"

    with pytest.raises(errors.ModelNotFoundError, match="Model file not found") as caught:
        LocalModels([]).resolve(str(path))

    assert str(path) in caught.value.message


def test_resolve_a_path_to_a_broken_file(tmp_path: Path) -> None:
    path = broken(tmp_path / "broken.gguf")

    with pytest.raises(errors.ModelFileError, match="not a GGUF model file"):
        LocalModels([]).resolve(str(path))


def test_resolve_an_id_of_a_broken_file(folders: tuple[Path, Path]) -> None:
    first, _ = folders
    broken(first / "broken.gguf")

    with pytest.raises(errors.ModelFileError) as caught:
        LocalModels([first]).resolve("broken")

    assert "'broken' cannot be used" in caught.value.message
    assert "not a GGUF model file" in caught.value.message


@pytest.mark.parametrize("reference", ["", "   "])
def test_resolve_nothing_without_models_names_the_folders(
    folders: tuple[Path, Path], reference: str
) -> None:
    first, second = folders
    broken(first / "broken.gguf")

    with pytest.raises(errors.NoModelError) as caught:
        LocalModels([first, second]).resolve(reference)

    message = caught.value.message
    assert str(first) in message
    assert str(second) in message
    assert "drop a .gguf file" in message
    assert caught.value.code == "no_model"


def test_resolve_nothing_with_models_lists_them(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, _ = folders
    place(tiny_gguf, first / "alpha.gguf")
    place(tiny_gguf, first / "beta.gguf")
    broken(first / "broken.gguf")

    with pytest.raises(errors.NoModelError) as caught:
        LocalModels([first]).resolve("")

    message = caught.value.message
    assert "No model selected" in message
    assert "alpha, beta" in message
    assert "broken" not in message


def test_resolve_an_unknown_id_lists_the_usable_ids(
    tiny_gguf: Path, folders: tuple[Path, Path]
) -> None:
    first, second = folders
    place(tiny_gguf, first / "alpha.gguf")
    place(tiny_gguf, second / "beta.gguf")
    broken(second / "broken.gguf")

    with pytest.raises(errors.ModelNotFoundError) as caught:
        LocalModels([first, second]).resolve("gamma")

    message = caught.value.message
    assert "Unknown model 'gamma'" in message
    assert "Local models: alpha, beta." in message
    assert caught.value.action == errors.UserAction("list_models")


def test_resolve_an_unknown_id_with_no_models(folders: tuple[Path, Path]) -> None:
    with pytest.raises(errors.ModelNotFoundError, match="Local models: none found"):
        LocalModels(list(folders)).resolve("gamma")
