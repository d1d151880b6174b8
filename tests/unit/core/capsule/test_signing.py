"""Tests for desktop/core/capsule/signing.py: signed, unsigned and badly signed capsules."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.capsule.signing import SIGNING_SECRET, normal_fingerprint
from desktop.core.services import Services
from tests.helpers.capsules import gpt_with_knowledge
from tests.helpers.hostile import changed, members_of, write_zip
from tests.helpers.memory_keyring import MemoryKeyring


def signed(services: Services, folder: Path, **options: object) -> Path:
    gpt_id = gpt_with_knowledge(services, folder / "files", {"a.txt": "Alpha bravo charlie."})
    target = folder / "signed.capsule"
    services.capsules.export(gpt_id, target, ExportOptions(sign=True, author="Ada", **options))  # type: ignore[arg-type]
    return target


def test_the_key_pair_is_made_once_and_kept_in_the_keyring(
    ours: Services, memory_keyring: MemoryKeyring
) -> None:
    assert ours.capsules.signing.own_fingerprint() is None
    first = ours.capsules.signing.own_fingerprint(create=True)
    assert first is not None and len(first.replace(" ", "")) == 32
    assert ours.capsules.signing.own_fingerprint(create=True) == first
    assert ("capsule-studio", SIGNING_SECRET) in memory_keyring.passwords
    assert SIGNING_SECRET in ours.secrets.names()


def test_a_signed_capsule_names_its_signer_and_can_be_trusted(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    capsule = signed(ours, tmp_path)
    fingerprint = ours.capsules.signing.own_fingerprint()
    assert fingerprint is not None

    status = theirs.capsules.inspect(capsule).signature
    assert status is not None and status.state == "signed"
    assert status.describe() == f"signed by Ada {fingerprint} (not a signer you trust yet)"

    theirs.capsules.signing.trust(fingerprint.replace(" ", "").upper(), "Ada Lovelace")
    status = theirs.capsules.inspect(capsule).signature
    assert status is not None and status.trusted_as == "Ada Lovelace"
    assert status.describe().endswith("(trusted as Ada Lovelace)")
    result = theirs.capsules.import_(capsule)
    assert result.signature == status
    (file,) = theirs.store.knowledge.list(result.gpt_id)
    assert file.origin["fingerprint"] == fingerprint and file.origin["author"] == "Ada"

    assert theirs.capsules.signing.untrust(fingerprint)
    assert not theirs.capsules.signing.untrust(fingerprint)


def test_an_encrypted_capsule_is_checked_without_its_password(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    capsule = signed(ours, tmp_path, password="pw")
    info = theirs.capsules.inspect(capsule)
    assert info.locked and info.signature is not None and info.signature.state == "signed"


def test_unsigned_capsules_say_so(ours: Services, theirs: Services, tmp_path: Path) -> None:
    gpt_id = gpt_with_knowledge(ours, tmp_path / "f", {})
    ours.capsules.export(gpt_id, tmp_path / "plain.capsule")
    status = theirs.capsules.inspect(tmp_path / "plain.capsule").signature
    assert status is not None and status.state == "unsigned"
    assert status.describe() == "unsigned: nothing says who made it"


def test_a_capsule_changed_after_signing_is_badly_signed_and_not_imported(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    capsule = signed(ours, tmp_path)
    forged = changed(
        capsule,
        "header.json",
        lambda data: data.replace(b'"Ada"', b'"Eve"'),
        tmp_path / "forged.capsule",
    )

    info = theirs.capsules.inspect(forged)
    assert info.signature is not None and info.signature.state == "bad"
    assert "header.json" in info.signature.problem
    assert (info.signature.reason, info.signature.changed) == ("changed", "header.json")
    assert [w.kind for w in info.warnings] == ["bad_signature"]
    assert info.warnings[0].args == {"problem": info.signature.problem}
    assert "will not be imported" in info.warnings[0].text
    with pytest.raises(errors.CapsuleTamperedError, match="badly signed"):
        theirs.capsules.import_(forged, ImportOptions())
    assert theirs.store.gpts.list() == []


def test_a_signature_by_another_key_is_bad(
    ours: Services, theirs: Services, tmp_path: Path
) -> None:
    capsule = signed(ours, tmp_path)
    other = signed(theirs, tmp_path / "other")
    mine = {m.name: m for m in members_of(capsule)}
    theirs_signature = next(m for m in members_of(other) if m.name == "signature.json")
    mixed = write_zip(
        tmp_path / "mixed.capsule",
        [*[m for n, m in mine.items() if n != "signature.json"], theirs_signature],
    )
    status = ours.capsules.inspect(mixed).signature
    assert status is not None and status.state == "bad"


def test_fingerprints_are_checked() -> None:
    assert normal_fingerprint("ABCD" * 8) == " ".join(["abcd"] * 8)
    with pytest.raises(errors.ValidationError, match="not a fingerprint"):
        normal_fingerprint("abc")
