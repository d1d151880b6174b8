"""The welcome page once a model exists: a first GPT to create, or the recent GPTs.

GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.avatar import Avatar, parse_avatar
from desktop.core.store.records import Gpt
from desktop.core.templates import EXAMPLE, Template
from desktop.ui.welcome.cards import Card
from desktop.ui.widgets import avatar_pixmap

RECENT = 6  # GPTs listed on the welcome page
_ICON = 32
_AVATAR_ROLE = Qt.ItemDataRole.UserRole + 1


def _icon(avatar: str, name: str) -> QIcon:
    return QIcon(avatar_pixmap(parse_avatar(avatar, name), _ICON * 2))


class FirstGptPanel(Card):
    """A model is there: make the example GPT, or start from a template or blank.

    Signals:
        example_requested(): make the ready example GPT.
        template_requested(object): make a GPT from this `Template`.
        blank_requested(): make a blank GPT.
    """

    example_requested = Signal()
    template_requested = Signal(object)
    blank_requested = Signal()

    def __init__(self, templates: list[Template], parent: QWidget) -> None:
        super().__init__(self.tr("Create your first GPT"), "", parent)
        example = next(t for t in templates if t.id == EXAMPLE)
        self.example_button = QPushButton(
            _icon(example.avatar, example.name),
            self.tr("Create the example GPT: %1").replace("%1", example.name.replace("&", "&&")),
            self,
        )
        self.example_button.setIconSize(QSize(_ICON, _ICON))
        self.example_button.setAccessibleName(self.tr("Create the example GPT"))
        self.example_button.setDefault(True)
        self.example_button.clicked.connect(self.example_requested)
        self.or_label = QLabel(self.tr("Or start from a template:"), self)
        grid = QGridLayout()
        self.template_buttons: list[QToolButton] = []
        others = [t for t in templates if t.id != EXAMPLE]
        for number, template in enumerate(others):
            button = QToolButton(self)
            button.setText(template.name.replace("&", "&&"))  # "Q&A" is no shortcut
            button.setIcon(_icon(template.avatar, template.name))
            button.setIconSize(QSize(_ICON - 8, _ICON - 8))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(template.description)
            button.setAccessibleName(
                self.tr("New GPT from the template %1").replace("%1", template.name)
            )
            button.clicked.connect(lambda _=False, t=template: self.template_requested.emit(t))
            grid.addWidget(button, number // 3, number % 3, Qt.AlignmentFlag.AlignLeft)
            self.template_buttons.append(button)
        grid.setColumnStretch(3, 1)
        self.blank_button = QPushButton(self.tr("Blank GPT"), self)
        self.blank_button.setAccessibleName(self.tr("Create a blank GPT"))
        self.blank_button.clicked.connect(self.blank_requested)
        self.add_button(self.example_button)
        self.column.addWidget(self.or_label)
        self.column.addLayout(grid)
        self.add_button(self.blank_button)

    def describe(self, model: str, just_added: bool, has_gpts: bool) -> None:
        """Say which model the new GPT will use, and why this is offered."""
        if just_added:
            text = self.tr(
                "The model %1 is ready to use. Start with a ready example you can chat with "
                "now, and change it any time."
            )
        elif not has_gpts:
            text = self.tr(
                "You have a model (%1) but no GPT yet. Start with a ready example you can "
                "chat with now, and change it any time."
            )
        else:
            text = self.tr(
                "New GPTs start with the model %1. Start with a ready example you can chat "
                "with now, and change it any time."
            )
        self.text.setText(text.replace("%1", model))


class RecentPanel(Card):
    """The GPTs used last; activating one opens it.

    Signals:
        open_requested(str): open the GPT with this id.
        blank_requested(): make a blank GPT.
    """

    open_requested = Signal(str)
    blank_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            self.tr("Recent GPTs"),
            self.tr("Pick up where you left off, or make a new GPT."),
            parent,
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Recent GPTs"))
        self.list.setIconSize(QSize(_ICON, _ICON))
        self.list.setSpacing(2)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.itemClicked.connect(self._on_item_activated)
        self.new_button = QPushButton(self.tr("New GPT"), self)
        self.new_button.setAccessibleName(self.tr("Create a new GPT"))
        self.new_button.clicked.connect(self.blank_requested)
        self.column.addWidget(self.list, 1)
        self.add_button(self.new_button)

    def show_gpts(self, gpts: list[Gpt]) -> set[str]:
        """List the most recent GPTs; returns the avatar images they need loaded."""
        self.list.clear()
        wanted = set()
        for gpt in gpts[:RECENT]:
            description = gpt.definition.description
            avatar = parse_avatar(gpt.definition.avatar, gpt.name)
            text = f"{gpt.name}\n{description}" if description else gpt.name
            item = QListWidgetItem(QIcon(avatar_pixmap(avatar, _ICON * 2)), text)
            item.setData(Qt.ItemDataRole.UserRole, gpt.id)
            item.setData(_AVATAR_ROLE, avatar)
            item.setToolTip(description)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{gpt.name}: {description}" if description else gpt.name,
            )
            self.list.addItem(item)
            if avatar.kind == "image":
                wanted.add(avatar.image)
        return wanted

    def set_images(self, images: dict[str, QImage]) -> None:
        """Show avatar images loaded in the background."""
        for number in range(self.list.count()):
            item = self.list.item(number)
            avatar: Avatar = item.data(_AVATAR_ROLE)
            if avatar.kind == "image" and avatar.image in images:
                item.setIcon(QIcon(avatar_pixmap(avatar, _ICON * 2, images[avatar.image])))

    def ids(self) -> list[str]:
        return [
            str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
        ]

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))


class Column(QWidget):
    """Widgets stacked with a stretch under them."""

    def __init__(self, parent: QWidget, *widgets: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
