"""The keyboard: Ctrl+S saves a version, Tab follows the form, every control has a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QScrollBar,
    QWidget,
)

from desktop.ui.builder.sections.base import Section
from tests.ui.builder.conftest import Builder


def tabbable(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def tab_walk(start: QWidget, count: int) -> list[QWidget]:
    """The next `count` widgets Tab reaches from `start`."""
    found: list[QWidget] = []
    widget = start
    while len(found) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if tabbable(widget):
            found.append(widget)
    return found


def test_ctrl_s_is_save_version(builder: Builder) -> None:
    b = builder
    assert b.window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    b.qtbot.keyClicks(b.page.form.profile.description, "Saved with the keys")
    b.save()  # the action Ctrl+S triggers
    assert b.services.store.gpts.get(b.gpt_id).definition.description == "Saved with the keys"


def test_tab_follows_each_section_from_the_list(builder: Builder) -> None:
    b = builder
    b.window.show()
    form = b.page.form
    for name in ("profile", "model", "knowledge", "capabilities", "actions"):
        b.page.show_section(name)
        b.settle()
        section = form.sections[name]
        assert isinstance(section, Section)
        expected = [w for w in section.tab_chain() if tabbable(w)]
        assert expected, name
        assert tab_walk(form.nav, len(expected)) == expected, name
    # The bar over the form comes first (the save buttons rest disabled here).
    assert tab_walk(b.page.configure_button, 3) == [
        b.page.create_button,
        b.page.history_button,
        form.nav,
    ]


def inner_part(widget: QWidget) -> bool:
    """A piece of a compound control (a spin box's editor, a scroll bar, a viewport)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            return True
        parent = parent.parentWidget() if isinstance(parent, QScrollBar) else None
    return isinstance(widget, QScrollBar)


def test_every_control_has_an_accessible_name(builder: Builder) -> None:
    b = builder
    b.window.show()
    unnamed = []
    checked = 0
    for section in ("profile", "model", "capabilities", "actions", "history"):
        b.page.show_section(section)
        b.settle()
        for widget in b.page.findChildren(QWidget):
            focusable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            if focusable and widget.isVisible() and not inner_part(widget):
                checked += 1
                if not widget.accessibleName():
                    unnamed.append(f"{section}: {type(widget).__name__} {widget.objectName()}")
    assert unnamed == []
    assert checked > 40
