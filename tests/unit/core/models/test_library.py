from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gguf import GGUFWriter

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models import storage
from desktop.core.models.library import import_model, removable_files, remove_model
from desktop.core.models.progress import Progress
from desktop.core.paths import Paths


@pytest.fixture
def dest(isolated_home: Paths) -> Path:
    return isolated_home.user_models


def _vocabulary_only(path: Path) -> Path:
    writer = GGUFWriter(str(path), "llama")
    writer.add_name("vocab")
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def test_import_copies_a_valid_gguf_and_names_its_id(tiny_gguf: Path, dest: Path) -> None:
    reports: list[Progress] = []
    result = import_model(tiny_gguf, dest, progress=reports.append)
    assert result.path == dest / tiny_gguf.name and result.id == "tiny-chat"
    assert result.path.read_bytes() == tiny_gguf.read_bytes() and not result.already_present
    assert result.info.architecture == "llama"
    assert reports[-1].stage == "copy" and reports[-1].done == tiny_gguf.stat().st_size
    assert sorted(p.name for p in dest.iterdir()) == [tiny_gguf.name]


def test_importing_the_same_file_again_says_it_is_there(tiny_gguf: Path, dest: Path) -> None:
    import_model(tiny_gguf, dest)
    again = import_model(tiny_gguf, dest)
    assert again.already_present
    assert import_model(again.path, dest).already_present


def test_a_different_file_with_that_name_is_refused(
    tiny_gguf: Path, tiny_embedding_gguf: Path, dest: Path, tmp_path: Path
) -> None:
    import_model(tiny_gguf, dest)
    other = tmp_path / "elsewhere" / tiny_gguf.name
    other.parent.mkdir()
    shutil.copy(tiny_embedding_gguf, other)
    with pytest.raises(errors.ModelError, match=r"different model named tiny-chat\.gguf"):
        import_model(other, dest)
    assert (dest / tiny_gguf.name).read_bytes() == tiny_gguf.read_bytes()


def test_a_file_that_is_not_a_gguf_is_refused_before_copying(tmp_path: Path, dest: Path) -> None:
    page = tmp_path / "model.gguf"
    page.write_text("<html>not a model</html>")
    with pytest.raises(errors.ModelFileError, match="not a GGUF model file"):
        import_model(page, dest)
    assert list(dest.iterdir()) == []


def test_a_gguf_without_weights_is_refused(tmp_path: Path, dest: Path) -> None:
    with pytest.raises(errors.ModelFileError, match="holds no weights"):
        import_model(_vocabulary_only(tmp_path / "vocab.gguf"), dest)
    assert list(dest.iterdir()) == []


def test_a_gguf_without_the_suffix_gets_it(tiny_gguf: Path, tmp_path: Path, dest: Path) -> None:
    bare = tmp_path / "downloaded-model"
    shutil.copy(tiny_gguf, bare)
    assert import_model(bare, dest).path == dest / "downloaded-model.gguf"


def test_missing_files_and_split_parts_are_explained(tmp_path: Path, dest: Path) -> None:
    with pytest.raises(errors.ModelNotFoundError, match="No file at"):
        import_model(tmp_path / "nothing.gguf", dest)
    part = tmp_path / "big-00001-of-00002.gguf"
    part.write_bytes(b"GGUF")
    with pytest.raises(errors.ModelFileError, match="one part of a split model"):
        import_model(part, dest)


def test_cancel_leaves_nothing_behind(tiny_gguf: Path, dest: Path) -> None:
    token = CancelToken()

    def cancel(report: Progress) -> None:
        token.cancel()

    with pytest.raises(errors.CancelledError, match="nothing was copied"):
        import_model(tiny_gguf, dest, progress=cancel, cancel=token)
    assert list(dest.iterdir()) == []


def test_too_little_disk_space_refuses_the_import(
    tiny_gguf: Path, dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "free_bytes", lambda folder: 10)
    with pytest.raises(errors.DiskSpaceError, match=r"importing tiny-chat\.gguf"):
        import_model(tiny_gguf, dest)
    assert list(dest.iterdir()) == []


def test_remove_deletes_the_model_and_its_partial_downloads(
    tiny_gguf: Path, isolated_home: Paths
) -> None:
    model = import_model(tiny_gguf, isolated_home.user_models).path
    partial = storage.partial_path(model.parent, model.name, "abc")
    partial.write_bytes(b"half")
    result = remove_model(model, isolated_home.model_dirs())
    assert result.removed == [model, partial] and not model.exists() and not partial.exists()
    assert result.freed == tiny_gguf.stat().st_size + 4


def test_remove_takes_every_part_of_a_split_model(isolated_home: Paths) -> None:
    parts = [isolated_home.user_models / f"big-{i:05d}-of-00003.gguf" for i in (1, 2, 3)]
    for part in parts:
        part.write_bytes(b"GGUF part")
    assert remove_model(parts[0], isolated_home.model_dirs()).removed == parts
    assert not any(p.exists() for p in parts)


def test_remove_refuses_files_outside_the_model_folders(
    tiny_gguf: Path, isolated_home: Paths, tmp_path: Path
) -> None:
    outside = tmp_path / "keep.gguf"
    shutil.copy(tiny_gguf, outside)
    sneaky = isolated_home.user_models / ".." / ".." / ".." / outside.name
    assert sneaky.resolve() == outside.resolve()
    for path in (outside, sneaky):
        with pytest.raises(errors.ModelError, match="not in a model folder"):
            remove_model(path, isolated_home.model_dirs())
    assert outside.exists()


def test_remove_of_nothing_says_so(isolated_home: Paths) -> None:
    missing = isolated_home.user_models / "gone.gguf"
    assert removable_files(missing, isolated_home.model_dirs()) == []
    with pytest.raises(errors.ModelNotFoundError, match="Nothing to remove"):
        remove_model(missing, isolated_home.model_dirs())
