"""Tests for desktop/core/capsule/export.py: what a capsule carries, and never carries."""

from __future__ import annotations

import base64
import zipfile
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.avatar import emoji_avatar, parse_avatar
from desktop.core.cancel import CancelToken
from desktop.core.capsule import reader
from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.capsule.layout import Limits
from desktop.core.capsule.service import CapsuleProgress
from desktop.core.gpt import update_definition
from desktop.core.secrets import provider_secret_name
from desktop.core.services import Services
from desktop.core.settings import ProviderProfile, Settings
from tests.helpers.capsules import gpt_with_knowledge, png, with_action

PROVIDER_KEY = "sk-live-PROVIDER-4f9a8b7c6d5e"
ACTION_KEY = "act-key-ACTION-0a1b2c3d4e5f"


def unpacked_bytes(
    services: Services, capsule: Path, folder: Path, password: str | None
) -> list[bytes]:
    """Every file the capsule holds, decrypted and decompressed, as the importer sees it."""
    with zipfile.ZipFile(capsule) as archive:
        found = [archive.read(name) for name in archive.namelist()]
    reader.unpack(capsule, password, folder, services.capsules.signing, Limits())
    for path in (p for p in folder.rglob("*") if p.is_file()):
        found.append(path.read_bytes())
        if zipfile.is_zipfile(path):  # the decrypted payload
            with zipfile.ZipFile(path) as inner:
                found += [inner.read(name) for name in inner.namelist()]
    return found


@pytest.mark.parametrize("password", [None, "pw"], ids=["plain", "encrypted"])
def test_no_secret_is_ever_in_a_capsule(
    password: str | None, ours: Services, tmp_path: Path
) -> None:
    def lab(settings: Settings) -> None:
        settings.providers["lab"] = ProviderProfile(
            name="lab",
            base_url="https://lab.example/v1",
            api_key_secret=provider_secret_name("lab"),
        )

    ours.settings.update(lab)
    ours.secrets.set(provider_secret_name("lab"), PROVIDER_KEY)
    gpt_id = gpt_with_knowledge(ours, tmp_path / "files", model={"provider": "lab", "model": "m"})
    with_action(ours, gpt_id)
    ours.secrets.set(f"action:{gpt_id}:pets", ACTION_KEY)
    capsule = tmp_path / "out.capsule"

    ours.capsules.export(
        gpt_id, capsule, ExportOptions(password=password, include_index=True, sign=True)
    )

    raw = capsule.read_bytes()
    everything = [raw, *unpacked_bytes(ours, capsule, tmp_path / "unpacked", password)]
    assert len(everything) > 8
    for secret in (PROVIDER_KEY, ACTION_KEY):
        for form in (
            secret.encode(),
            base64.b64encode(secret.encode()),
            secret.encode("utf-16-le"),
        ):
            assert not any(form in blob for blob in everything), secret
    # The names travel, so the importer knows what to ask for.
    assert any(b"pets" in blob and b"api_key" in blob for blob in everything)


def test_credentials_in_addresses_and_machine_paths_are_left_out(
    ours: Services, tmp_path: Path, tiny_gguf: Path
) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "files", {}, model={"model": str(tiny_gguf)})
    with_action(ours, gpt_id)
    gpt = ours.store.gpts.get(gpt_id)
    data = gpt.definition.model_dump(mode="json")
    data["actions"][0]["server"] = "https://bob:hunter2@api.pets.example/v1?api_key=zzz&lang=en"
    data["capabilities"]["web_browsing"]["search_url"] = "https://search.example/?token=abc"
    ours.store.gpts.save(gpt_id, update_definition(gpt.definition, data))
    capsule = tmp_path / "x.capsule"

    result = ours.capsules.export(gpt_id, capsule)

    manifest = zipfile.ZipFile(capsule).read("manifest.json").decode()
    for leaked in ("hunter2", "zzz", "token=abc", str(tiny_gguf.parent)):
        assert leaked not in manifest
    assert "https://api.pets.example/v1?lang=en" in manifest
    assert '"model": "tiny-chat"' in manifest
    assert any("Credentials" in w for w in result.warnings)
    assert any("path on this machine" in w for w in result.warnings)


def test_the_avatar_travels_as_an_image_or_as_text(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    picture = tmp_path / "face.png"
    picture.write_bytes(png())
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {}, avatar=ours.avatars.add_image(picture))
    capsule = tmp_path / "face.capsule"
    ours.capsules.export(gpt_id, capsule, ExportOptions(password="pw"))

    info = theirs.capsules.inspect(capsule)  # the icon is public, the avatar inside
    assert info.header is not None and info.header.icon_file is not None
    result = theirs.capsules.import_(capsule, ImportOptions(password="pw"))
    avatar = parse_avatar(theirs.store.gpts.get(result.gpt_id).definition.avatar, "x")
    kept = theirs.avatars.path_of(avatar)
    assert avatar.kind == "image" and kept is not None and kept.read_bytes() == png()

    fox = emoji_avatar("🦊", "#c2562a")
    emoji = gpt_with_knowledge(ours, tmp_path / "g", {}, name="Fox", avatar=fox)
    ours.capsules.export(emoji, tmp_path / "fox.capsule")
    header = theirs.capsules.inspect(tmp_path / "fox.capsule").header
    assert header is not None and header.icon == fox and header.icon_file is None
    result = theirs.capsules.import_(tmp_path / "fox.capsule")
    assert theirs.store.gpts.get(result.gpt_id).definition.avatar == fox


def test_files_that_are_not_ready_are_left_out_and_a_missing_original_is_an_error(
    ours: Services, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {"ok.txt": "fine text"})
    empty = tmp_path / "f" / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    list(ours.knowledge.add(gpt_id, [empty]))
    result = ours.capsules.export(gpt_id, tmp_path / "a.capsule")
    assert result.knowledge_files == 1
    assert any("empty.txt is left out" in w for w in result.warnings)

    (ready,) = ours.store.knowledge.list(gpt_id, "ready")
    (ours.paths.data / "knowledge" / ready.sha256).unlink()
    with pytest.raises(errors.CapsuleError, match=r"stored copy of ok\.txt is missing") as caught:
        ours.capsules.export(gpt_id, tmp_path / "b.capsule")
    assert caught.value.action == errors.do(errors.Do.LIST_KNOWLEDGE, gpt_id=gpt_id)


def test_a_cancelled_export_leaves_no_file(ours: Services, tmp_path: Path) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f")
    target = tmp_path / "out" / "p.capsule"
    target.parent.mkdir()
    target.write_bytes(b"an older export")
    cancel = CancelToken()

    def stop(step: CapsuleProgress) -> None:
        if step.stage == "packing":
            cancel.cancel()

    with pytest.raises(errors.CancelledError):
        ours.capsules.export(gpt_id, target, ExportOptions(), progress=stop, cancel=cancel)
    assert [p.name for p in target.parent.iterdir()] == ["p.capsule"]
    assert target.read_bytes() == b"an older export"


def test_an_index_with_nothing_to_index_is_not_included(ours: Services, tmp_path: Path) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {})
    result = ours.capsules.export(gpt_id, tmp_path / "e.capsule", ExportOptions(include_index=True))
    assert not result.includes_index and result.warnings


def test_a_place_that_cannot_be_written_is_a_clear_error(ours: Services, tmp_path: Path) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {})
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for export in (
        lambda: ours.capsules.export(gpt_id, blocker / "x.capsule"),
        lambda: ours.capsules.export_as(gpt_id, blocker / "x.json", "openwebui"),
    ):
        with pytest.raises(errors.CapsuleError, match=r"Cannot write .*a-file"):
            export()
