"""The translations: complete, in step with the code, built, and used by the window."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.paths import Paths
from desktop.ui import app, i18n

PARTS = ("shell", *i18n.FEATURES)


def messages(ts: Path) -> set[tuple[str, str]]:
    root = ElementTree.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("part", PARTS)
def test_each_catalog_holds_every_string_of_its_code(part: str, tmp_path: Path) -> None:
    committed = i18n.catalog(part, "zh_CN")
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    files = [str(p) for p in i18n.sources(part)]
    subprocess.run(
        [i18n.tool("lupdate"), *files, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert messages(fresh) == messages(committed), "run: python -m desktop.ui.i18n " + part


@pytest.mark.parametrize("part", PARTS)
def test_each_catalog_is_translated_and_built(part: str, tmp_path: Path) -> None:
    assert i18n.unfinished(part, "zh_CN") == []
    ts = i18n.catalog(part, "zh_CN")
    built = tmp_path / "built.qm"
    subprocess.run([i18n.tool("lrelease"), "-silent", str(ts), "-qm", str(built)], check=True)
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), "the .qm is out of date"


def test_the_window_speaks_chinese(qtbot: Any, isolated_home: Paths) -> None:
    qapp = QApplication.instance()
    assert qapp is not None
    installed = i18n.install(qapp, "zh_CN")
    try:
        assert len(installed) >= 1 + len(i18n.FEATURES)
        window, services = app.build_main_window(isolated_home)
        qtbot.add_widget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[0] == "文件(&F)" and "帮助(&H)" in titles
        assert window.tabs.tabText(0) == "构建"
        window.close()
        services.close()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
