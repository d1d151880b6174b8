"""Inspect before import, then import: the real window, real capsules, a memory keyring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from tests.helpers.capsules import data_files, exported, machine
from tests.helpers.hostile import changed, hostile
from tests.ui.capsules.conftest import WAIT_MS, made_elsewhere, opened_import


def test_inspect_shows_the_capsule_then_import_opens_the_new_gpt(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, capsule = made_elsewhere(tmp_path, ExportOptions(author="Ada"), action=True)
    dialog = opened_import(qtbot, window, capsule)
    view = dialog.view
    assert view.name.text() == "Pet handbook"
    assert "Ada" in view.byline.text()
    assert "Unsigned" in view.signature.text()
    rows = [view.contents.topLevelItem(i).text(1) for i in range(view.contents.topLevelItemCount())]
    assert {"cats.txt", "dogs.md", "熊猫.txt", "Pets"} <= set(rows)
    assert not view.contents.isHidden()
    assert "api.pets.example" in view.enables.text()
    assert dialog.import_button.isEnabled()
    (need,) = dialog.info.secrets
    view.secret_field(need.key).setText("sk-action-123")
    with qtbot.wait_signal(dialog.imported, timeout=WAIT_MS) as done:
        dialog.import_button.click()
    gpt_id = done.args[0]
    (gpt,) = services.store.gpts.list()
    assert gpt.id == gpt_id and gpt.name == "Pet handbook"
    # The answer went to the keyring through core, under the name the action reads.
    assert services.secrets.get(need.secret_name) == "sk-action-123"
    qtbot.wait_until(lambda: window.pages.builder.gpt_id == gpt_id, timeout=WAIT_MS)
    qtbot.wait_until(lambda: window.pages.library.current_gpt_id() == gpt_id, timeout=WAIT_MS)


def test_what_is_left_to_do_after_an_import_stays_on_screen(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, capsule = made_elsewhere(tmp_path, ExportOptions(author="Ada"), action=True)
    dialog = opened_import(qtbot, window, capsule)
    with qtbot.wait_signal(dialog.imported, timeout=WAIT_MS):
        dialog.import_button.click()  # the action's key left empty
    assert dialog.isVisible() and not dialog.done_note.isHidden()
    assert "Imported “Pet handbook”" in dialog.done_note.text()
    assert "Keys still to set" in dialog.done_note.text() and "Pets" in dialog.done_note.text()
    assert dialog.import_button.isHidden() and dialog.cancel_button.text() == "Close"
    assert len(services.store.gpts.list()) == 1
    dialog.cancel_button.click()
    assert dialog.isHidden() and dialog.result() == dialog.DialogCode.Accepted


def test_an_encrypted_capsule_asks_for_its_password_and_says_when_it_is_wrong(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, capsule = made_elsewhere(tmp_path, ExportOptions(password="correct horse"))
    before = data_files(services.paths)
    dialog = opened_import(qtbot, window, capsule)
    assert dialog.info.locked
    assert not dialog.password_row.isHidden()
    assert not dialog.import_button.isEnabled()
    assert dialog.view.details.isHidden()  # only the public header before the password
    assert dialog.view.name.text() == "Pet handbook"

    dialog.password.setText("wrong horse")
    dialog.unlock_button.click()
    qtbot.wait_until(lambda: "Wrong password" in dialog.problem.text(), timeout=WAIT_MS)
    assert not dialog.import_button.isEnabled()

    with qtbot.wait_signal(dialog.inspected, timeout=WAIT_MS):
        dialog.password.setText("correct horse")
        dialog.unlock_button.click()
    assert dialog.problem.isHidden()
    assert not dialog.view.details.isHidden()
    assert data_files(services.paths) == before  # inspecting wrote nothing
    with qtbot.wait_signal(dialog.imported, timeout=WAIT_MS):
        dialog.import_button.click()
    assert [g.name for g in services.store.gpts.list()] == ["Pet handbook"]


def test_a_tampered_capsule_says_so_and_nothing_is_written(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, capsule = made_elsewhere(tmp_path, ExportOptions(password="correct horse"))
    tampered = changed(
        capsule, "payload.enc", lambda data: bytes([data[0] ^ 1]) + data[1:], tmp_path / "t.capsule"
    )
    before = data_files(services.paths)
    dialog = opened_import(qtbot, window, tampered)
    dialog.password.setText("correct horse")
    with qtbot.wait_signal(dialog.refused, timeout=WAIT_MS) as refused:
        dialog.unlock_button.click()
    assert "changed after it was exported" in refused.args[0]
    assert "Wrong password" not in dialog.problem.text()
    assert not dialog.import_button.isEnabled()
    assert data_files(services.paths) == before
    assert services.store.gpts.list() == []


def test_a_hostile_capsule_is_refused_with_nothing_written(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, valid = made_elsewhere(tmp_path)
    before = data_files(services.paths)
    for kind, said in (("traversal", "traversal"), ("zip bomb", "zip bomb")):
        bad = hostile(valid, kind, tmp_path)
        dialog = opened_import(qtbot, window, bad)
        qtbot.wait_until(lambda d=dialog: bool(d.problem.text()), timeout=WAIT_MS)
        assert said in dialog.problem.text(), kind
        assert not dialog.import_button.isEnabled()
        dialog.import_()  # even asked directly, nothing happens
        assert not dialog.job.busy
        dialog.reject()
    assert data_files(services.paths) == before
    assert services.store.gpts.list() == []


def test_a_signed_capsule_can_be_trusted_from_the_dialog(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, capsule = made_elsewhere(tmp_path, ExportOptions(sign=True, author="Ada"))
    dialog = opened_import(qtbot, window, capsule)
    fingerprint = dialog.info.signature.fingerprint
    assert "Signed by Ada" in dialog.view.signature.text()
    assert "not a signer you trust" in dialog.view.signature.text()
    assert not dialog.view.trust_button.isHidden()
    dialog.view.trust_button.click()
    qtbot.wait_until(lambda: "trusted as Ada" in dialog.view.signature.text(), timeout=WAIT_MS)
    assert services.capsules.signing.trusted() == {fingerprint: "Ada"}
    assert dialog.view.trust_button.isHidden()


def test_the_same_id_is_a_new_gpt_unless_the_user_replaces_it(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    window, services = shell
    _, capsule = made_elsewhere(tmp_path)
    first = services.capsules.import_(capsule, ImportOptions())
    dialog = opened_import(qtbot, window, capsule)
    assert dialog.info.id_taken and not dialog.view.replace.isHidden()
    dialog.view.replace.setChecked(True)
    with qtbot.wait_signal(dialog.imported, timeout=WAIT_MS) as done:
        dialog.import_button.click()
    assert done.args[0] == first.gpt_id
    assert len(services.store.gpts.list()) == 1
    assert len(services.store.gpts.versions(first.gpt_id)) >= 2  # the old one in history


def test_another_apps_file_shows_what_its_importer_changed(qtbot: Any, shell: Any) -> None:
    window, _ = shell
    sample = Path(__file__).resolve().parents[2] / "data" / "importers" / "openai_assistant.json"
    dialog = opened_import(qtbot, window, sample)
    assert "OpenAI Assistant" in dialog.view.byline.text()
    assert dialog.view.signature.isHidden()
    assert not dialog.view.warnings_box.isHidden() and dialog.view.warnings.text()
    assert dialog.view.contents.isHidden()  # it brings no files: no empty table
    assert dialog.import_button.isEnabled()


def test_cancel_closes_without_importing(qtbot: Any, shell: Any, tmp_path: Path) -> None:
    window, services = shell
    with machine(tmp_path / "theirs") as theirs:
        _, capsule = exported(theirs, tmp_path)
    dialog = opened_import(qtbot, window, capsule)
    dialog.cancel_button.click()
    assert dialog.isHidden()
    assert services.store.gpts.list() == []
