"""Settings › General: the default embedding model, the data folder, language and theme."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QUrl

from desktop.core.paths import Paths
from desktop.core.providers.manage import ProfileDraft, save_profile
from desktop.ui.prefs import UiPrefs
from desktop.ui.services import AppServices
from desktop.ui.settings.general import restart_command
from desktop.ui.settings.page import SettingsPage
from tests.helpers.cli import cli
from tests.ui.settings.conftest import WAIT_MS, World, shown


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The app speaks English here, whatever an earlier test installed."""
    previous = QLocale()
    QLocale.setDefault(QLocale("en"))
    yield
    QLocale.setDefault(previous)


def shown_general(qtbot: Any, make_page: Any) -> SettingsPage:
    page = make_page()
    return shown(qtbot, page, "general", page.general.loaded)


def test_the_default_embedding_model_is_what_new_gpts_get(
    qtbot: Any,
    make_page: Any,
    services: AppServices,
    tiny_embedding_gguf: Path,
    tiny_gguf: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copy(tiny_embedding_gguf, services.models.user_folder)
    shutil.copy(tiny_gguf, services.models.user_folder)
    page = shown_general(qtbot, make_page)
    combo = page.general.embedding
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == ["", "tiny-embed"]  # none, and the models that embed
    with qtbot.wait_signal(page.general.embedding_saved, timeout=WAIT_MS):
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
    assert services.settings.load().default_embedding_model == "tiny-embed"
    # The app's and the CLI's new GPTs start with it.
    made = services.new_gpt({"name": "Notes"})
    assert made.definition.knowledge.embedding_model == "tiny-embed"
    code, out, err = cli(capsys, "gpt", "create", "--name", "From the terminal")
    assert code == 0, err
    created = services.store.gpts.get(out.strip())
    assert created.definition.knowledge.embedding_model == "tiny-embed"


def test_a_chat_model_is_refused_as_the_embedding_model(
    qtbot: Any, make_page: Any, services: AppServices, tiny_gguf: Path
) -> None:
    shutil.copy(tiny_gguf, services.models.user_folder)
    page = shown_general(qtbot, make_page)
    general = page.general
    with qtbot.assert_not_emitted(general.embedding_saved):
        general.set_embedding_model("tiny-chat")
        qtbot.wait_until(general.error_banner.isVisible, timeout=WAIT_MS)
    assert "not an embedding model" in general.error_banner.notice.detail
    assert services.settings.load().default_embedding_model == ""


def test_a_typed_provider_model_is_kept(qtbot: Any, make_page: Any, services: AppServices) -> None:
    save_profile(services.settings, services.secrets, ProfileDraft("oa", "openai", api_key="k"))
    page = shown_general(qtbot, make_page)
    combo = page.general.embedding
    combo.setEditText("oa:text-embedding-3-small")
    with qtbot.wait_signal(page.general.embedding_saved, timeout=WAIT_MS) as saved:
        combo.activated.emit(combo.currentIndex())
    assert saved.args == ["oa:text-embedding-3-small"]
    assert services.settings.load().default_embedding_model == "oa:text-embedding-3-small"


def test_the_data_folder_is_shown_and_opened(
    qtbot: Any, make_page: Any, world: World, isolated_home: Paths
) -> None:
    page = shown_general(qtbot, make_page)
    assert page.general.data_folder.text() == str(isolated_home.data)
    page.general.open_data_button.click()
    assert world.opened == [QUrl.fromLocalFile(str(isolated_home.data))]


def test_choosing_chinese_is_saved_and_offers_a_restart(
    qtbot: Any, make_page: Any, services: AppServices, world: World, isolated_home: Paths
) -> None:
    page = shown_general(qtbot, make_page)
    general = page.general
    assert general.language.currentData() == "en"
    assert general.restart_banner.isHidden()
    general.language.setCurrentIndex(general.language.findData("zh_CN"))
    # Saved at once, where the next start reads it.
    assert UiPrefs(isolated_home.config).language == "zh_CN"
    assert general.restart_banner.isVisible()
    assert "简体中文" in general.restart_banner.text()
    with qtbot.wait_signal(general.restart_requested, timeout=WAIT_MS):
        general.restart_button.click()
    assert world.restarts == 1
    assert not page.isVisible()  # this window closed for the new one

    # Back to the language it speaks: nothing to restart for.
    general.language.setCurrentIndex(general.language.findData("en"))
    assert general.restart_banner.isHidden()


def test_a_restart_starts_the_same_app_without_a_language_option() -> None:
    program, args = restart_command(["capsule-studio", "--lang", "en", "--view=build"])
    assert program == sys.executable
    assert args == ["-m", "desktop.ui.app", "--view=build"]
    assert restart_command(["x", "--lang=zh_CN"])[1] == ["-m", "desktop.ui.app"]


def test_the_theme_applies_at_once_and_is_kept(
    qtbot: Any, make_page: Any, services: AppServices, world: World, isolated_home: Paths
) -> None:
    page = shown_general(qtbot, make_page)
    theme = page.general.theme
    assert theme.currentData() == "system"
    theme.setCurrentIndex(theme.findData("dark"))
    assert world.themes == ["dark"]
    services.prefs.sync()
    assert UiPrefs(isolated_home.config).theme == "dark"
