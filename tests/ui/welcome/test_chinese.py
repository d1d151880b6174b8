"""The first-run page in Chinese: its own labels, and Chinese templates for the example."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from desktop.core.paths import Paths
from desktop.ui import i18n
from desktop.ui.services import AppServices
from desktop.ui.welcome.page import WelcomePage
from tests.ui.welcome.conftest import WAIT_MS, shown


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = i18n.install(qapp, "zh_CN")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))


def test_the_first_run_page_speaks_chinese(
    qtbot: Any,
    services: AppServices,
    chinese: None,  # after `services`, which sets English
    isolated_home: Paths,
    tiny_gguf: Path,
) -> None:
    page = WelcomePage(services)
    qtbot.add_widget(page)
    assert page.heading.text() == "欢迎使用 Capsule Studio"
    assert shown(qtbot, page) == "start"
    assert [c.title.text() for c in (page.download_card, page.import_card, page.key_card)] == [
        "下载模型",
        "使用已有的模型文件",
        "使用在线服务",
    ]
    assert page.download_card.button.text() == "下载"
    assert "许可证：apache-2.0" in page.download_card.facts.text()

    with qtbot.wait_signal(page.import_card.imported, timeout=WAIT_MS):
        page.import_card.import_file(tiny_gguf)
    qtbot.wait_until(lambda: page.state == "first_gpt", timeout=WAIT_MS)
    assert "模型 tiny-chat 已可以使用" in page.first_gpt.text.text()
    with qtbot.wait_signal(page.gpt_created, timeout=WAIT_MS) as created:
        page.first_gpt.example_button.click()
    gpt = services.store.gpts.get(created.args[0])
    assert gpt.name == "日常助手"
    assert "用用户使用的语言回答" in gpt.definition.instructions
