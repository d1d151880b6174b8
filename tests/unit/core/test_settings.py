"""Settings: atomic writes, a schema version, and a broken file kept aside."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.settings import SCHEMA_VERSION, ProviderProfile, Settings, SettingsFile


def profile(name: str = "deepseek", **fields: object) -> ProviderProfile:
    return ProviderProfile.model_validate(
        {"name": name, "preset": "deepseek", "base_url": "https://api.deepseek.com/v1", **fields}
    )


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = SettingsFile(tmp_path / "settings.json").load()
    assert settings.providers == {}
    assert settings.schema_version == SCHEMA_VERSION


def test_round_trip_records_the_schema_version(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    file.update(lambda s: s.providers.update(deepseek=profile()))
    data = json.loads(file.path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert file.load().profile("deepseek").base_url == "https://api.deepseek.com/v1"


def test_broken_file_is_kept_aside_and_defaults_used(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    file.path.write_text('{"providers": {', encoding="utf-8")
    settings = file.load()
    assert settings.providers == {}
    assert file.recovered is not None
    assert file.recovered.read_text(encoding="utf-8") == '{"providers": {'
    assert "broken" in file.recovered.name
    assert not file.path.exists()


def test_invalid_profile_is_kept_aside_too(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    bad = {"providers": {"x": {"name": "x", "base_url": "ftp://nowhere"}}}
    file.path.write_text(json.dumps(bad), encoding="utf-8")
    assert file.load().providers == {}
    assert file.recovered is not None
    assert json.loads(file.recovered.read_text(encoding="utf-8")) == bad


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    text = json.dumps({"schema_version": SCHEMA_VERSION + 1, "future": True})
    file.path.write_text(text, encoding="utf-8")
    with pytest.raises(errors.SettingsError, match="newer Capsule Studio"):
        file.load()
    with pytest.raises(errors.SettingsError, match="not overwriting"):
        file.save(Settings())
    assert file.path.read_text(encoding="utf-8") == text


def test_unknown_keys_survive_a_write(tmp_path: Path) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    file.path.write_text(json.dumps({"schema_version": 1, "later_feature": [1]}), "utf-8")
    file.update(lambda s: s.secret_names.append("provider:x"))
    data = json.loads(file.path.read_text(encoding="utf-8"))
    assert data["later_feature"] == [1]
    assert data["secret_names"] == ["provider:x"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = SettingsFile(tmp_path / "settings.json")
    file.update(lambda s: s.providers.update(deepseek=profile()))
    before = file.path.read_bytes()

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(errors.SettingsError, match="previous settings are intact"):
        file.update(lambda s: s.providers.clear())
    assert file.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_concurrent_updates_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"

    def add(i: int) -> None:
        SettingsFile(path).update(lambda s: s.secret_names.append(f"s{i}"))

    threads = [threading.Thread(target=add, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(SettingsFile(path).load().secret_names) == sorted(f"s{i}" for i in range(16))


@pytest.mark.parametrize("name", ["local", "Has Space", "", "-x", "x" * 41])
def test_bad_profile_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="name"):
        profile(name)


def test_unknown_profile_says_how_to_add_it() -> None:
    with pytest.raises(errors.UnknownProfileError, match=r"'ollama'.*Add it first") as caught:
        Settings().profile("ollama")
    assert caught.value.action == errors.UserAction("add_provider", {"profile": "ollama"})


def test_base_url_loses_its_trailing_slash() -> None:
    assert profile(base_url=" http://localhost:11434/v1/ ").base_url == "http://localhost:11434/v1"


def test_a_file_from_before_the_default_embedding_model_reads_as_none(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "providers": {}}), encoding="utf-8")
    settings = SettingsFile(path)
    assert settings.load().default_embedding_model == ""
    settings.update(lambda s: setattr(s, "default_embedding_model", "tiny-embed"))
    assert json.loads(path.read_text(encoding="utf-8"))["default_embedding_model"] == "tiny-embed"
    assert SettingsFile(path).load().default_embedding_model == "tiny-embed"
