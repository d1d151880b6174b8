"""Widgets several features share: banners, the undo bar, titled lists, avatars."""

from desktop.ui.widgets.avatar import avatar_pixmap, load_image, load_images, paint_avatar
from desktop.ui.widgets.banner import (
    ERROR_COLORS,
    INFO_COLORS,
    OK_COLOR,
    PROBLEM_COLOR,
    Banner,
    ErrorBanner,
    UndoBar,
)
from desktop.ui.widgets.list_pane import ListPane, table_item

__all__ = [
    "ERROR_COLORS",
    "INFO_COLORS",
    "OK_COLOR",
    "PROBLEM_COLOR",
    "Banner",
    "ErrorBanner",
    "ListPane",
    "UndoBar",
    "avatar_pixmap",
    "load_image",
    "load_images",
    "paint_avatar",
    "table_item",
]
