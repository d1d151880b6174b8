"""The builder in Chinese: its labels, its status and its inline problems."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.paths import Paths
from desktop.ui import i18n
from desktop.ui.builder.history import field_label, note_text
from tests.ui.builder.conftest import Builder, open_builder


@pytest.fixture
def chinese(qtbot: Any, isolated_home: Paths) -> Iterator[Builder]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    installed = i18n.install(qapp, "zh_CN")
    try:
        with open_builder(qtbot, isolated_home, "旅行助手") as made:
            yield made
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_builder_speaks_chinese(chinese: Builder) -> None:
    b = chinese
    nav = [b.page.form.nav.item(i).text() for i in range(b.page.form.nav.count())]
    assert nav == ["资料与指令", "模型", "知识库", "能力", "动作"]
    assert b.page.save_button.text() == "保存版本"
    assert field_label("model.temperature") == "模型 › 温度"
    assert note_text("restored version 2") == "恢复了版本 2"
    assert b.page.status.text() == "版本 1 · 所有更改已保存"
    b.page.form.profile.name.clear()
    b.kept()
    assert b.page.form.profile.problem_texts() == ["名称为空：请给 GPT 起个名字。"]
    assert b.page.status.text() == "未保存：请修正标出的字段"
    b.page.form.model.context.setValue(100)
    b.kept()
    assert b.page.form.model.problem_texts() == ["太小了：请填写 256 或更大的值。"]
