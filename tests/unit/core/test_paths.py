"""Tests for desktop/core/paths.py: the home override, folder creation, file locations."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from desktop.core import paths
from desktop.core.paths import APP_NAME, HOME_ENV, Paths, default_paths


def paths_under(root: Path) -> Paths:
    return Paths(data=root / "d", config=root / "c", cache=root / "k", logs=root / "l")


def test_home_override_puts_every_folder_under_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "portable"
    monkeypatch.setenv(HOME_ENV, str(home))

    found = default_paths()

    assert found == Paths(
        data=home / "data", config=home / "config", cache=home / "cache", logs=home / "logs"
    )


def test_home_override_is_resolved_to_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(HOME_ENV, "  relative/home  ")

    found = default_paths()

    assert found.data == tmp_path.resolve() / "relative" / "home" / "data"
    assert found.data.is_absolute()


def test_home_override_expands_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(HOME_ENV, "~/capsule")

    assert default_paths().config == tmp_path.resolve() / "capsule" / "config"


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_override_falls_back_to_the_platform_folders(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, value)

    found = default_paths()

    assert found.data == Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    assert found.config == Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    assert found.cache == Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    assert found.logs == Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def test_unset_override_uses_folders_named_for_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)

    found = default_paths()

    for folder in (found.data, found.config, found.cache, found.logs):
        assert APP_NAME in folder.parts


def test_default_paths_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "not-yet"
    monkeypatch.setenv(HOME_ENV, str(home))

    default_paths()

    assert not home.exists()


def test_ensure_creates_every_folder_and_returns_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "fresh"))
    found = default_paths()

    returned = found.ensure()

    assert returned is found
    for folder in (found.data, found.config, found.cache, found.logs, found.user_models):
        assert folder.is_dir(), folder


def test_ensure_is_idempotent_and_keeps_existing_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "again"))
    found = default_paths().ensure()
    keep = found.config / "settings.json"
    keep.write_text("{}", encoding="utf-8")

    found.ensure()

    assert keep.read_text(encoding="utf-8") == "{}"


def test_database_and_files_live_in_their_folders() -> None:
    found = Paths(data=Path("/d"), config=Path("/c"), cache=Path("/k"), logs=Path("/l"))

    assert found.database == Path("/d/capsule.db")
    assert found.user_models == Path("/d/models")
    assert found.settings_file == Path("/c/settings.json")


def test_isolated_home_fixture_points_the_database_at_tmp_path(
    isolated_home: Paths, tmp_path: Path
) -> None:
    assert isolated_home.database == tmp_path.resolve() / "home" / "data" / "capsule.db"
    assert isolated_home.data.is_dir()
    assert default_paths() == isolated_home


def test_model_dirs_lists_user_models_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "checkout" / "models"
    source.mkdir(parents=True)
    monkeypatch.setattr(paths, "_SOURCE_MODELS", source)
    found = paths_under(tmp_path)

    assert found.model_dirs() == [source, tmp_path / "d" / "models"]


def test_model_dirs_skips_a_missing_source_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "_SOURCE_MODELS", tmp_path / "absent")
    found = paths_under(tmp_path)

    assert found.model_dirs() == [tmp_path / "d" / "models"]
