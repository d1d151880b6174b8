"""Settings › Providers: add from a preset with a key, test, edit, remove, http allowances."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.providers.manage import ProfileDraft, save_profile
from desktop.core.secrets import SERVICE
from desktop.ui.services import AppServices
from desktop.ui.settings.page import SettingsPage
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.openai_server import OpenAIServer, error_answer, models_answer
from tests.ui.settings.conftest import WAIT_MS, files_under, question

KEY = "sk-settings-9d1c7e2a5b4f3081c6e2"


def add_ds(services: AppServices, server: OpenAIServer) -> None:
    """A DeepSeek profile `ds` on the scripted server, with KEY in the keyring."""
    save_profile(
        services.settings, services.secrets, ProfileDraft("ds", "deepseek", server.url, KEY)
    )


def shown_page(qtbot: Any, make_page: Any) -> SettingsPage:
    """The settings page, shown on its first section (providers), listed."""
    page = make_page()
    with qtbot.wait_signal(page.providers.listed, timeout=WAIT_MS):
        page.show()
    return page


def test_a_key_set_here_reaches_the_keyring_and_no_file(
    qtbot: Any,
    make_page: Any,
    services: AppServices,
    server: OpenAIServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    page = shown_page(qtbot, make_page)
    providers = page.providers
    assert providers.area.empty
    providers.add()
    dialog = providers.dialog
    assert dialog is not None
    dialog.preset.setCurrentIndex(dialog.preset.findData("deepseek"))
    # The preset fills in the service's address and a name.
    assert dialog.base_url.text() == "https://api.deepseek.com/v1"
    assert dialog.name.text() == "deepseek"
    assert dialog.api_key.echoMode() == dialog.api_key.EchoMode.Password
    dialog.base_url.setText(server.url)  # the scripted service on 127.0.0.1
    dialog.api_key.setText(KEY)
    with qtbot.wait_signal(providers.listed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert memory_keyring.passwords[(SERVICE, "provider:deepseek")] == KEY
    assert dialog.api_key.text() == ""  # not kept in the form either
    [row] = providers.model.rows
    assert (row.name, row.label, row.base_url) == ("deepseek", "DeepSeek", server.url)
    shown = providers.model.index(0, 3).data()
    assert shown == f"{KEY[:3]}…{KEY[-4:]}"
    assert providers.selected() is not None and providers.selected().name == "deepseek"

    server.script(models_answer("deepseek-chat", "deepseek-reasoner"))
    with qtbot.wait_signal(providers.tested, timeout=WAIT_MS):
        qtbot.mouseClick(providers.test_button, Qt.MouseButton.LeftButton)
    listed = [providers.models_list.item(i).text() for i in range(providers.models_list.count())]
    assert listed == ["deepseek:deepseek-chat", "deepseek:deepseek-reasoner"]
    assert "2 model(s)" in providers.result.text()
    assert server.requests[-1].headers["authorization"] == f"Bearer {KEY}"

    # Nothing under the isolated data, config, cache and log folders holds the key.
    services.prefs.sync()
    services.close()
    found = files_under(tmp_path)
    assert any(f.name == "settings.json" for f in found)
    assert [f for f in found if KEY.encode() in f.read_bytes()] == []


def test_the_model_list_waits_for_a_test_and_a_failure_shows_its_fix(
    qtbot: Any, make_page: Any, services: AppServices, server: OpenAIServer
) -> None:
    add_ds(services, server)
    page = shown_page(qtbot, make_page)
    providers = page.providers
    providers.select("ds")
    server.script(error_answer(401, f"Incorrect API key provided: {KEY}"))
    with qtbot.assert_not_emitted(providers.tested):
        qtbot.mouseClick(providers.test_button, Qt.MouseButton.LeftButton)
        qtbot.wait_until(providers.error_banner.isVisible, timeout=WAIT_MS)
    banner = providers.error_banner
    assert banner.notice is not None and banner.notice.code == "provider_auth"
    assert KEY not in banner.details.text()
    assert banner.fix_button.text() == "Set the API key"
    assert providers.models_list.isHidden()
    # The fix opens the profile for a new key.
    qtbot.mouseClick(banner.fix_button, Qt.MouseButton.LeftButton)
    assert providers.dialog is not None and providers.dialog.name.text() == "ds"


def test_editing_keeps_the_stored_key_unless_a_new_one_is_typed(
    qtbot: Any,
    make_page: Any,
    services: AppServices,
    server: OpenAIServer,
    memory_keyring: MemoryKeyring,
) -> None:
    add_ds(services, server)
    page = shown_page(qtbot, make_page)
    providers = page.providers
    providers.select("ds")
    providers.edit_selected()
    dialog = providers.dialog
    assert dialog is not None
    assert dialog.name.isReadOnly() and dialog.api_key.text() == ""
    assert KEY[-4:] in dialog.key_note.text() and KEY not in dialog.key_note.text()
    dialog.context_size.setValue(65536)
    with qtbot.wait_signal(providers.listed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert memory_keyring.passwords[(SERVICE, "provider:ds")] == KEY
    profile = services.settings.load().providers["ds"]
    assert profile.context_size == 65536 and profile.api_key_secret == "provider:ds"


def test_a_key_for_a_plain_http_host_needs_the_hosts_allowance(
    qtbot: Any, make_page: Any, services: AppServices, memory_keyring: MemoryKeyring
) -> None:
    page = shown_page(qtbot, make_page)
    providers = page.providers
    providers.add()
    dialog = providers.dialog
    assert dialog is not None
    dialog.preset.setCurrentIndex(dialog.preset.findData("vllm"))
    dialog.name.setText("lab")
    dialog.base_url.setText("http://gpu-box.example:8000/v1")
    dialog.api_key.setText(KEY)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(dialog.error_banner.isVisible, timeout=WAIT_MS)
    notice = dialog.error_banner.notice
    assert notice is not None and notice.code == "insecure_transport"
    assert "gpu-box.example" in notice.detail
    assert dialog.isVisible() and "lab" not in services.settings.load().providers
    assert memory_keyring.passwords == {}
    # "Allow this host" under the refusal saves it, with the allowance.
    assert dialog.error_banner.fix_button.text() == "Allow this host"
    with qtbot.wait_signal(providers.listed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.error_banner.fix_button, Qt.MouseButton.LeftButton)
    settings = services.settings.load()
    assert settings.http_credential_hosts == ["gpu-box.example"]
    assert settings.providers["lab"].api_key_secret == "provider:lab"


def test_a_profile_moved_to_plain_http_offers_the_allowance_when_tested(
    qtbot: Any, make_page: Any, services: AppServices, server: OpenAIServer
) -> None:
    add_ds(services, server)
    # Changed behind the app's back: the key may not go there now.
    services.settings.update(
        lambda s: setattr(s.providers["ds"], "base_url", "http://api.example.com/v1")
    )
    page = shown_page(qtbot, make_page)
    providers = page.providers
    assert "not sent over http" in providers.model.index(0, 3).data()
    providers.select("ds")
    qtbot.mouseClick(providers.test_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(providers.error_banner.isVisible, timeout=WAIT_MS)
    assert providers.error_banner.notice.action.args == {"host": "api.example.com"}
    assert server.requests == []  # the key never left
    qtbot.mouseClick(providers.error_banner.fix_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(
        lambda: services.settings.load().http_credential_hosts == ["api.example.com"],
        timeout=WAIT_MS,
    )


def test_removal_says_which_gpts_use_it_and_asks_first(
    qtbot: Any,
    make_page: Any,
    services: AppServices,
    server: OpenAIServer,
    memory_keyring: MemoryKeyring,
    isolated_home: Paths,
) -> None:
    add_ds(services, server)
    services.store.gpts.create(
        validate_definition(
            {"name": "Travel helper", "model": {"provider": "ds", "model": "deepseek-chat"}}
        )
    )
    page = shown_page(qtbot, make_page)
    providers = page.providers
    providers.select("ds")
    box = question(qtbot, providers, providers.remove_selected)
    assert "1 GPT(s) use it" in box.text() and "Travel helper" in box.text()
    box.done(QMessageBox.StandardButton.Cancel)
    assert "ds" in services.settings.load().providers

    box = question(qtbot, providers, providers.remove_selected)
    with (
        qtbot.wait_signal(providers.providers_changed, timeout=WAIT_MS),
        qtbot.wait_signal(providers.listed, timeout=WAIT_MS),
    ):
        box.done(QMessageBox.StandardButton.Yes)
    assert services.settings.load().providers == {}
    assert memory_keyring.passwords == {}
    assert providers.area.empty
