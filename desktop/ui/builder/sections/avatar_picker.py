"""Choosing a GPT's avatar: an emoji on a colour, or an image file (kept in the data folder).

GUI thread; the image is copied and read on a worker through the app's tasks.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.avatar import PALETTE, Avatar, color_for, emoji_avatar, parse_avatar
from desktop.ui.builder.sections.base import ProblemLabel
from desktop.ui.errors import notice_for
from desktop.ui.widgets.avatar import avatar_pixmap, load_image

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

PREVIEW_PX = 64


class AvatarPicker(QWidget):
    """The avatar's preview, an emoji and colour to type and pick, and an image to choose.

    Signals:
        edited(): the avatar changed.
    """

    edited = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._value = ""
        self._name = ""
        self._image: QImage | None = None
        self._dialog: QFileDialog | None = None
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        self.preview.setAccessibleName(self.tr("Avatar preview"))
        self.emoji = QLineEdit(self)
        self.emoji.setPlaceholderText(self.tr("An emoji or symbol"))
        self.emoji.setAccessibleName(self.tr("Avatar emoji"))
        self.emoji.setMaximumWidth(140)
        self.emoji.textEdited.connect(self._on_emoji_edited)
        self.color = QComboBox(self)
        self.color.setAccessibleName(self.tr("Avatar colour"))
        self.color.setIconSize(QSize(16, 16))
        names = (
            self.tr("Blue"),
            self.tr("Green"),
            self.tr("Orange"),
            self.tr("Purple"),
            self.tr("Pink"),
            self.tr("Teal"),
            self.tr("Amber"),
            self.tr("Grey"),
        )
        for color, name in zip(PALETTE, names, strict=True):
            swatch = QPixmap(16, 16)
            swatch.fill(QColor(color))
            self.color.addItem(QIcon(swatch), name, color)
        self.color.activated.connect(self._on_emoji_edited)
        self.image_button = QPushButton(self.tr("Choose image…"), self)
        self.image_button.setAccessibleName(self.tr("Choose an image file as the avatar"))
        self.image_button.clicked.connect(self._on_image_clicked)
        self.clear_button = QPushButton(self.tr("Use initial"), self)
        self.clear_button.setAccessibleName(self.tr("Show the name's initial as the avatar"))
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.problem = ProblemLabel(self)
        controls = QHBoxLayout()
        controls.addWidget(self.emoji)
        controls.addWidget(self.color)
        controls.addWidget(self.image_button)
        controls.addWidget(self.clear_button)
        controls.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(controls)
        column.addWidget(self.problem)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(column, 1)

    def value(self) -> str:
        """The definition's `avatar` string."""
        return self._value

    def set_value(self, value: str, name: str) -> None:
        """Show `value` for a GPT called `name` (not an edit)."""
        self._value = value
        self._name = name
        avatar = parse_avatar(value, name)
        self.emoji.setText(avatar.text if avatar.kind == "emoji" else "")
        index = self.color.findData(avatar.color if avatar.kind == "emoji" else color_for(name))
        self.color.setCurrentIndex(max(index, 0))
        self.problem.show_text("")
        self._image = None
        self._paint()
        if avatar.kind == "image":
            self._load_image(avatar)

    def set_name(self, name: str) -> None:
        """The GPT's name changed: an initial follows it."""
        self._name = name
        self._paint()

    def _paint(self) -> None:
        avatar = parse_avatar(self._value, self._name)
        self.preview.setPixmap(avatar_pixmap(avatar, PREVIEW_PX, self._image))

    def _load_image(self, avatar: Avatar) -> None:
        def read() -> QImage | None:
            path = self._services.avatars.path_of(avatar)
            return load_image(path, PREVIEW_PX * 2) if path is not None else None

        def show(image: QImage | None) -> None:
            if self._value == avatar.to_string():
                self._image = image
                self._paint()

        self._services.tasks.run(read, show, owner=self)

    def _set(self, value: str) -> None:
        self._value = value
        self._image = None
        self.problem.show_text("")
        self._paint()
        self.edited.emit()

    def _on_emoji_edited(self, *_args: object) -> None:
        text = self.emoji.text().strip()
        if not text:
            self._set("")
            return
        try:
            value = emoji_avatar(text, str(self.color.currentData()))
        except errors.ValidationError:
            self.problem.show_text(
                self.tr("An avatar emoji is one emoji or a short symbol, without spaces.")
            )
            return
        self._set(value)

    def _on_clear_clicked(self) -> None:
        self.emoji.clear()
        self._set("")

    def _on_image_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose an avatar image"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"))
        dialog.fileSelected.connect(lambda path: self.choose_image(Path(path)))
        self._dialog = dialog
        dialog.open()

    def choose_image(self, path: Path) -> None:
        """Keep a copy of the image at `path` and show it as the avatar."""

        def failed(exc: Exception) -> None:
            notice = notice_for(exc)
            self.problem.show_text(notice.detail or notice.headline)

        def chosen(value: str) -> None:
            self.emoji.clear()
            self._set(value)
            self._load_image(parse_avatar(value, self._name))

        self._services.tasks.run(
            lambda: self._services.avatars.add_image(path), chosen, failed, owner=self
        )
