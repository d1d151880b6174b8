"""The first-run page: three ways to a model, the example GPT afterwards, recent GPTs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QFileDialog

from desktop.core.gpt import validate_definition
from desktop.core.models.catalog import CatalogEntry
from desktop.core.paths import Paths
from desktop.core.units import human_size
from desktop.ui import app
from desktop.ui.services import AppServices
from desktop.ui.welcome.page import WelcomePage
from tests.helpers.hf_server import FakeHub
from tests.ui.welcome.conftest import WAIT_MS, shown


def serve(hub: FakeHub, entry: CatalogEntry, data: bytes, **kwargs: Any) -> None:
    hub.add(entry.repo, entry.file, data, **kwargs)


def test_with_no_model_anywhere_three_ways_are_offered(
    qtbot: Any, page: WelcomePage, entry: CatalogEntry
) -> None:
    assert shown(qtbot, page) == "start"
    card = page.download_card
    assert card.model_name.text() == entry.name
    assert "apache-2.0" in card.facts.text() and entry.source in card.facts.text()
    # The hub cannot be reached (tests point it at a closed port): the size waits.
    qtbot.wait_until(lambda: "unknown until the download starts" in card.facts.text())
    assert card.button.text() == "Download" and card.button.isEnabled()
    assert page.import_card.button.isEnabled()
    with qtbot.wait_signal(page.settings_requested, timeout=WAIT_MS) as asked:
        page.key_card.button.click()
    assert asked.args == ["providers"]


def test_a_download_from_the_hub_then_the_example_gpt(
    qtbot: Any,
    page: WelcomePage,
    services: AppServices,
    hub: FakeHub,
    entry: CatalogEntry,
    tiny_gguf: Path,
    isolated_home: Paths,
) -> None:
    data = tiny_gguf.read_bytes()
    serve(hub, entry, data)
    assert shown(qtbot, page) == "start"
    card = page.download_card
    qtbot.wait_until(lambda: human_size(len(data)) in card.facts.text(), timeout=WAIT_MS)
    reports: list[Any] = []
    card.transfer.progressed.connect(reports.append)

    with qtbot.wait_signals([page.models_changed, page.state_shown], timeout=WAIT_MS):
        card.button.click()

    assert (isolated_home.user_models / entry.file_name).read_bytes() == data
    assert reports and reports[-1].stage == "verify"  # the sha256 was checked
    assert page.state == "first_gpt"
    assert f"The model {entry.id} is ready to use." in page.first_gpt.text.text()
    with qtbot.wait_signal(page.gpt_created, timeout=WAIT_MS) as created:
        page.first_gpt.example_button.click()
    gpt = services.store.gpts.get(created.args[0])
    assert gpt.name == "Everyday assistant"
    assert (gpt.definition.model.provider, gpt.definition.model.model) == ("local", entry.id)
    assert services.readiness([(gpt.id, gpt.definition)])[gpt.id].ready


def test_a_cancelled_download_resumes_where_it_stopped(
    qtbot: Any, page: WelcomePage, hub: FakeHub, entry: CatalogEntry, isolated_home: Paths
) -> None:
    data = os.urandom(3 * 1024 * 1024)
    serve(hub, entry, data)
    hub.script.piece_delay_s = 0.02  # 48 pieces: about a second
    shown(qtbot, page)
    card = page.download_card
    qtbot.wait_until(lambda: human_size(len(data)) in card.facts.text(), timeout=WAIT_MS)
    with qtbot.wait_signal(card.transfer.progressed, timeout=WAIT_MS):
        card.button.click()
    assert card.transfer.cancel_button.isVisibleTo(card)
    card.transfer.cancel_button.click()
    qtbot.wait_until(lambda: card.button.text().startswith("Resume download ("), timeout=WAIT_MS)
    assert not card.busy and card.transfer.error.isHidden()  # a cancel is not an error
    assert f"of {human_size(len(data))} done" in card.button.text()
    (partial,) = isolated_home.user_models.glob("*.incomplete")
    kept = partial.stat().st_size
    assert 0 < kept < len(data)

    hub.script.piece_delay_s = 0.0
    with qtbot.wait_signal(card.downloaded, timeout=WAIT_MS):
        card.button.click()
    assert (isolated_home.user_models / entry.file_name).read_bytes() == data
    assert hub.gets()[-1].headers.get("Range") == f"bytes={kept}-"


def test_a_download_that_fails_its_checksum_says_so_in_place(
    qtbot: Any, page: WelcomePage, hub: FakeHub, entry: CatalogEntry, isolated_home: Paths
) -> None:
    serve(hub, entry, b"GGUF" + b"\x00" * 5000, sha256="0" * 64)
    shown(qtbot, page)
    card = page.download_card
    with qtbot.wait_signal(card.transfer.progressed, timeout=WAIT_MS):
        card.button.click()
    qtbot.wait_until(lambda: not card.transfer.error.isHidden(), timeout=WAIT_MS)
    assert "The downloaded file is not the right one." in card.transfer.error.text()
    assert "checksum" in card.transfer.error.text()
    assert not (isolated_home.user_models / entry.file_name).exists()
    assert card.button.isEnabled() and page.state == "start"


def test_importing_the_tiny_gguf_then_the_example_gpt(
    qtbot: Any, page: WelcomePage, services: AppServices, tiny_gguf: Path
) -> None:
    shown(qtbot, page)
    with qtbot.wait_signals([page.models_changed, page.state_shown], timeout=WAIT_MS):
        page.import_card.import_file(tiny_gguf)
    assert page.state == "first_gpt"
    assert "The model tiny-chat is ready to use." in page.first_gpt.text.text()
    with qtbot.wait_signal(page.gpt_created, timeout=WAIT_MS) as created:
        page.create_example()
    model = services.store.gpts.get(created.args[0]).definition.model
    assert (model.provider, model.model) == ("local", "tiny-chat")


def test_the_file_dialog_imports_the_chosen_file(
    qtbot: Any, page: WelcomePage, tiny_gguf: Path
) -> None:
    shown(qtbot, page)
    page.show()
    page.import_card.button.click()
    dialog = page.import_card.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert "*.gguf" in dialog.nameFilters()[0]
    with qtbot.wait_signal(page.import_card.imported, timeout=WAIT_MS) as imported:
        dialog.selectFile(str(tiny_gguf))
        dialog.accept()
    assert imported.args == ["tiny-chat"]


def test_a_file_that_is_no_model_fails_in_place(
    qtbot: Any, page: WelcomePage, tmp_path: Path, isolated_home: Paths
) -> None:
    shown(qtbot, page)
    fake = tmp_path / "notes.gguf"
    fake.write_text("these are notes, not a model")
    card = page.import_card
    card.import_file(fake)
    qtbot.wait_until(lambda: not card.transfer.error.isHidden(), timeout=WAIT_MS)
    assert "The model file is damaged or incomplete." in card.transfer.error.text()
    assert list(isolated_home.user_models.iterdir()) == []
    assert card.button.isEnabled() and page.state == "start"


def test_a_model_but_no_gpt_offers_one(
    qtbot: Any, page: WelcomePage, services: AppServices, isolated_home: Paths, tiny_gguf: Path
) -> None:
    (isolated_home.user_models / "tiny-chat.gguf").write_bytes(tiny_gguf.read_bytes())
    assert shown(qtbot, page) == "first_gpt"
    assert "You have a model (tiny-chat) but no GPT yet." in page.first_gpt.text.text()
    labels = [b.text() for b in page.first_gpt.template_buttons]
    assert "Document Q&&A" in labels  # shown as "Q&A", not as a shortcut on "A"
    tutor = next(b for b in page.first_gpt.template_buttons if b.text() == "Study tutor")
    with qtbot.wait_signal(page.gpt_created, timeout=WAIT_MS) as created:
        tutor.click()
    gpt = services.store.gpts.get(created.args[0])
    assert (gpt.name, gpt.definition.model.model) == ("Study tutor", "tiny-chat")


def test_models_and_gpts_show_the_recent_gpts(
    qtbot: Any, page: WelcomePage, services: AppServices, isolated_home: Paths, tiny_gguf: Path
) -> None:
    (isolated_home.user_models / "tiny-chat.gguf").write_bytes(tiny_gguf.read_bytes())
    older = services.store.gpts.create(validate_definition({"name": "Older"})).id
    newer = services.store.gpts.create(validate_definition({"name": "Newer"})).id
    assert shown(qtbot, page) == "recent"
    assert page.recent.ids() == [newer, older]
    with qtbot.wait_signal(page.gpt_open_requested, timeout=WAIT_MS) as opened:
        page.recent.list.itemActivated.emit(page.recent.list.item(1))
    assert opened.args == [older]


def test_every_control_has_an_accessible_name(
    qtbot: Any, page: WelcomePage, isolated_home: Paths, tiny_gguf: Path
) -> None:
    shown(qtbot, page)
    (isolated_home.user_models / "tiny-chat.gguf").write_bytes(tiny_gguf.read_bytes())
    shown(qtbot, page)  # the first-GPT panel too
    controls = [*page.findChildren(QAbstractButton), *page.findChildren(QAbstractItemView)]
    assert len(controls) >= 10
    assert [c for c in controls if not c.accessibleName()] == []


@pytest.mark.slow
def test_first_run_in_the_window_ends_in_the_example_gpt(
    qtbot: Any, isolated_home: Paths, tiny_gguf: Path
) -> None:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    try:
        welcome = window.pages.welcome
        with qtbot.wait_signal(welcome.state_shown, timeout=WAIT_MS):
            window.start()
        assert window.stack.currentWidget() is welcome and welcome.state == "start"
        with qtbot.wait_signal(window.pages.library.readiness_checked, timeout=WAIT_MS):
            welcome.import_card.import_file(tiny_gguf)  # the library looks again too
        qtbot.wait_until(lambda: welcome.state == "first_gpt", timeout=WAIT_MS)
        with qtbot.wait_signal(window.view_shown, timeout=WAIT_MS):
            welcome.first_gpt.example_button.click()
        qtbot.wait_until(lambda: window.pages.library.current_gpt_id() != "", timeout=WAIT_MS)
        gpt_id = window.pages.library.current_gpt_id()
        assert window.stack.currentWidget() is window.tabs
        assert window.pages.builder.gpt_id == gpt_id
        assert services.prefs.last_gpt == gpt_id
    finally:
        window.close()
        services.tasks.wait_all(20)
        services.close()


def test_recent_gpts_show_their_avatar_images(
    qtbot: Any,
    page: WelcomePage,
    services: AppServices,
    isolated_home: Paths,
    tiny_gguf: Path,
    tmp_path: Path,
) -> None:
    from PySide6.QtGui import QColor, QImage

    (isolated_home.user_models / "tiny-chat.gguf").write_bytes(tiny_gguf.read_bytes())
    picture = QImage(32, 32, QImage.Format.Format_RGB32)
    picture.fill(QColor("#0000ff"))
    picture.save(str(tmp_path / "blue.png"))
    avatar = services.avatars.add_image(tmp_path / "blue.png")
    services.store.gpts.create(validate_definition({"name": "Blue", "avatar": avatar}))
    assert shown(qtbot, page) == "recent"
    item = page.recent.list.item(0)

    def centre() -> QColor:
        return item.icon().pixmap(64, 64).toImage().pixelColor(32, 32)

    qtbot.wait_until(lambda: centre() == QColor("#0000ff"), timeout=WAIT_MS)


def test_a_deleted_last_gpt_opens_the_welcome_page(qtbot: Any, isolated_home: Paths) -> None:
    window, services = app.build_main_window(isolated_home)
    qtbot.add_widget(window)
    try:
        gpt = services.store.gpts.create(validate_definition({"name": "Was here"}))
        services.store.gpts.delete(gpt.id)
        services.prefs.last_gpt = gpt.id
        with qtbot.wait_signal(window.pages.welcome.state_shown, timeout=WAIT_MS):
            window.start()
        assert window.stack.currentWidget() is window.pages.welcome
    finally:
        window.close()
        services.tasks.wait_all(20)
        services.close()
