"""The settings page in the window: sections by name, Ctrl+, , Chinese, accessible names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from desktop.core import errors
from desktop.core.paths import Paths
from desktop.ui import app, i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.services import AppServices
from desktop.ui.settings.page import SECTIONS, SettingsPage
from desktop.ui.widgets import Banner
from tests.ui.settings.conftest import WAIT_MS


@pytest.fixture
def shell(qtbot: Any, services: AppServices) -> Iterator[tuple[MainWindow, AppServices]]:
    """The real window on the test's services (which the services fixture closes)."""
    window = MainWindow(services, app.build_pages(services))
    qtbot.add_widget(window)
    yield window, services
    window.close()


@pytest.fixture
def restore_locale() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)


def test_ctrl_comma_opens_settings(qtbot: Any, shell: Any) -> None:
    window, _ = shell
    window.show()
    window.start("welcome")
    window.activateWindow()
    qtbot.wait_until(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    with qtbot.wait_signal(window.view_shown, timeout=WAIT_MS) as shown:
        QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert shown.args == ["settings"]
    assert window.stack.currentWidget() is window.pages.settings


@pytest.mark.parametrize(
    ("kind", "section"),
    [
        (errors.Do.ALLOW_UNISOLATED_CODE, "sandbox"),
        (errors.Do.SHOW_CATALOG, "models"),
        (errors.Do.ALLOW_HTTP_HOST, "providers"),
        (errors.Do.SET_PROVIDER_KEY, "providers"),
    ],
)
def test_an_errors_fix_opens_the_section_that_fixes_it(
    qtbot: Any, shell: Any, kind: str, section: str
) -> None:
    window, _ = shell
    window.show()
    page = window.pages.settings
    page.show_section("general")
    window.follow(errors.do(kind))
    assert window.stack.currentWidget() is page
    assert page.current_section() == section
    assert page.stack.currentWidget() is getattr(page, section)


def test_a_change_in_settings_refreshes_the_library(qtbot: Any, shell: Any) -> None:
    window, _ = shell
    with qtbot.wait_signal(window.pages.library.listed, timeout=WAIT_MS):
        window.pages.settings.models_changed.emit()


def test_the_window_in_chinese_shows_chinese_settings(
    qtbot: Any, isolated_home: Paths, restore_locale: None
) -> None:
    qapp = QApplication.instance()
    assert qapp is not None
    installed = i18n.install(qapp, "zh_CN")
    try:
        window, services = app.build_main_window(isolated_home)
        qtbot.add_widget(window)
        page = window.pages.settings
        assert page.heading.text() == "设置"
        assert [page.nav.item(i).text() for i in range(page.nav.count())] == [
            "模型服务",
            "本地模型",
            "通用",
            "代码沙箱",
        ]
        assert page.providers.add_button.text() == "添加(&A)…"
        assert page.providers.test_button.text() == "测试连接(&T)"
        assert page.general.theme.itemText(0) == "跟随系统"
        assert page.general.language.currentData() == "zh_CN"
        assert page.models.catalog.download_button.text() == "下载(&W)"
        window.close()
        services.tasks.wait_all(10)
        services.close()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def unnamed_controls(root: QWidget) -> list[str]:
    """The controls under `root` that a screen reader would find without a name."""
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView):
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            # Parts of a compound control (a combo's list, a spin box's field, a table's
            # corner) and of the shared banners are named by their owner.
            if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView, Banner)):
                inner = True
            parent = parent.parentWidget()
        if not inner and not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()} {widget!r}")
    return missing


def test_every_control_has_an_accessible_name(qtbot: Any, make_page: Any) -> None:
    page: SettingsPage = make_page()
    page.show()
    for section in SECTIONS:
        page.show_section(section)
    page.providers.add()
    assert page.providers.dialog is not None
    assert unnamed_controls(page) == []
    assert unnamed_controls(page.providers.dialog) == []
    page.providers.dialog.reject()
