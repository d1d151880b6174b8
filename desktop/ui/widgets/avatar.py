"""Drawing a GPT's avatar (core's `Avatar`): an image in a circle, or text on a colour.

`load_image` may run on a worker thread (QImage is safe there); painting and pixmaps are
for the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap

from desktop.core.avatar import Avatar, AvatarStore


def load_image(path: Path, size: int) -> QImage | None:
    """An avatar image read from disk and scaled to `size` px (None if it cannot be read)."""
    image = QImage(str(path))
    if image.isNull():
        return None
    return image.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )


def load_images(store: AvatarStore, names: Iterable[str], size: int) -> dict[str, QImage]:
    """The stored avatar images called `names` that can be read, scaled to `size` px.

    For a worker thread: the disk reads and the decoding stay off the GUI thread.
    """
    images = {}
    for name in names:
        path = store.image_path(name)
        image = load_image(path, size) if path is not None else None
        if image is not None:
            images[name] = image
    return images


def paint_avatar(
    painter: QPainter, rect: QRectF, avatar: Avatar, image: QImage | None = None
) -> None:
    """Paint `avatar` as a circle filling `rect`; `image` for an image avatar once loaded."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    circle = QPainterPath()
    circle.addEllipse(rect)
    if avatar.kind == "image" and image is not None:
        painter.setClipPath(circle)
        side = min(image.width(), image.height())
        source = QRectF((image.width() - side) / 2, (image.height() - side) / 2, side, side)
        painter.drawImage(rect, image, source)
    else:
        painter.fillPath(circle, QColor(avatar.color))
        font = QFont(painter.font())
        # An emoji fills more of the circle than a letter needs to.
        font.setPixelSize(max(6, int(rect.height() * (0.55 if avatar.kind == "emoji" else 0.45))))
        font.setBold(avatar.kind != "emoji")
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, avatar.text)
    painter.restore()


def avatar_pixmap(avatar: Avatar, size: int, image: QImage | None = None) -> QPixmap:
    """`avatar` drawn on a transparent square pixmap of `size` px (GUI thread).

    An image avatar whose `image` is not loaded (yet) shows its initial on its colour.
    """
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        paint_avatar(painter, QRectF(0, 0, size, size), avatar, image)
    finally:
        painter.end()
    return pixmap
