"""Tests for desktop/core/capsule/crypto.py: passwords, and telling a wrong one from tampering."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.capsule import crypto
from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.services import Services
from tests.helpers.capsules import data_files, gpt_with_knowledge
from tests.helpers.hostile import changed

SECRET_TEXT = "The vault combination is 31-41-59."


@pytest.fixture
def locked(ours: Services, tmp_path: Path) -> Path:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "files", {"vault.txt": SECRET_TEXT})
    target = tmp_path / "vault.capsule"
    ours.capsules.export(gpt_id, target, ExportOptions(password="correct horse", author="Ada"))
    return target


def test_the_payload_is_unreadable_without_the_password(locked: Path) -> None:
    names = zipfile.ZipFile(locked).namelist()
    assert sorted(names) == ["capsule.json", "header.json", "payload.enc"]
    assert SECRET_TEXT.encode() not in locked.read_bytes()


def test_the_right_password_imports_it(locked: Path, theirs: Services) -> None:
    result = theirs.capsules.import_(locked, ImportOptions(password="correct horse"))
    assert theirs.knowledge.search(result.gpt_id, "vault combination")[0]["text"] == SECRET_TEXT


def test_without_a_password_only_the_header_shows(locked: Path, theirs: Services) -> None:
    info = theirs.capsules.inspect(locked)
    assert info.locked and info.encrypted and info.contents == []
    assert info.header is not None and info.header.author == "Ada"
    with pytest.raises(errors.PasswordNeededError) as caught:
        theirs.capsules.import_(locked)
    assert caught.value.action == errors.do(errors.Do.GIVE_CAPSULE_PASSWORD, path=str(locked))


def test_a_wrong_password_and_a_tampered_payload_say_different_things(
    locked: Path, theirs: Services, tmp_path: Path
) -> None:
    before = data_files(theirs.paths)
    with pytest.raises(errors.WrongPasswordError, match="password is wrong"):
        theirs.capsules.import_(locked, ImportOptions(password="wrong horse"))

    # A byte flipped in transit: zip's CRC notices before the password is even needed.
    raw = bytearray(locked.read_bytes())
    raw[raw.index(b"payload.enc") + 200] ^= 0x01
    flipped = tmp_path / "flipped.capsule"
    flipped.write_bytes(bytes(raw))
    with pytest.raises(errors.CapsuleDamagedError, match="damaged or incomplete"):
        theirs.capsules.import_(flipped, ImportOptions(password="correct horse"))

    # A deliberate change, CRC recomputed: GCM's tag notices.
    tampered = changed(
        locked,
        "payload.enc",
        lambda data: bytes([data[0] ^ 0x01]) + data[1:],
        tmp_path / "t.capsule",
    )
    with pytest.raises(errors.CapsuleTamperedError, match="changed after export"):
        theirs.capsules.import_(tampered, ImportOptions(password="correct horse"))
    assert data_files(theirs.paths) == before
    assert theirs.store.gpts.list() == []


def test_the_descriptor_is_bound_to_the_payload(
    locked: Path, theirs: Services, tmp_path: Path
) -> None:
    swapped = changed(
        locked,
        "capsule.json",
        lambda data: data.replace(b'"created_at": ', b'"created_at": 1'),
        tmp_path / "swapped.capsule",
    )
    with pytest.raises(errors.CapsuleTamperedError):
        theirs.capsules.import_(swapped, ImportOptions(password="correct horse"))


def test_a_private_header_hides_the_name(ours: Services, theirs: Services, tmp_path: Path) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {}, name="Project Nightingale")
    target = tmp_path / "private.capsule"
    ours.capsules.export(gpt_id, target, ExportOptions(password="pw", public_header=False))

    assert b"Nightingale" not in target.read_bytes()
    info = theirs.capsules.inspect(target)
    assert info.locked and info.header is None
    opened = theirs.capsules.inspect(target, password="pw")
    assert opened.header is not None and opened.header.name == "Project Nightingale"


def test_key_derivation_settings_from_a_file_are_bounded() -> None:
    key, params = crypto.new_encryption("pw")
    assert params.n == 2**17 and params.r == 8 and len(key) == 32
    for weak in ({"n": 2**10}, {"n": 2**24}, {"n": 2**17 + 1}, {"r": 1}, {"p": 64}):
        with pytest.raises(errors.CapsuleRefusedError, match="scrypt"):
            crypto.key_for("pw", params.model_copy(update=weak))


def test_encrypt_and_decrypt_stream_through(tmp_path: Path) -> None:
    key, params = crypto.new_encryption("pw")
    plain = bytes(range(256)) * 9000  # more than one block
    sealed = io.BytesIO()
    stream = crypto.Encrypting(sealed, key, params, b"aad")
    for start in range(0, len(plain), 100_000):  # written in pieces, as zipfile does
        stream.write(plain[start : start + 100_000])
    stream.finish()
    opened = io.BytesIO()
    data = sealed.getvalue()
    crypto.decrypt(io.BytesIO(data), len(data), opened, key, params, b"aad")
    assert opened.getvalue() == plain
    with pytest.raises(errors.CapsuleTamperedError):
        crypto.decrypt(io.BytesIO(data[:-1]), len(data) - 1, io.BytesIO(), key, params, b"aad")
    with pytest.raises(errors.CapsuleTamperedError):
        crypto.decrypt(io.BytesIO(data), len(data), io.BytesIO(), key, params, b"other")


def test_inspecting_with_the_password_leaves_nothing_behind(
    locked: Path, theirs: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_temp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    before = data_files(theirs.paths)
    info = theirs.capsules.inspect(locked, password="correct horse")
    assert [c.name for c in info.contents] == ["vault.txt"]
    assert data_files(theirs.paths) == before
    assert list(system_temp.iterdir()) == []  # no decrypted copy went through /tmp either
