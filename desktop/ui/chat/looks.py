"""The chat's colours, taken from the window's palette so light and dark themes both read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from desktop.ui.chat.markdown import Colors

translate = QCoreApplication.translate  # named so: lupdate reads `translate("Context", ...)`


def tint(palette: QPalette, alpha: int) -> QColor:
    color = QColor(palette.color(QPalette.ColorRole.Highlight))
    color.setAlpha(alpha)
    return color


def colors_of(palette: QPalette) -> Colors:
    """Code panels, muted text and marks that suit the palette (light or dark)."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    text = palette.color(QPalette.ColorRole.Text)
    mixed = QColor(
        (text.red() + 2 * base.red()) // 3,
        (text.green() + 2 * base.green()) // 3,
        (text.blue() + 2 * base.blue()) // 3,
    )
    return Colors(
        code_background="#2b2d31" if dark else "#f3f4f6",
        code_border="#3f4147" if dark else "#d0d7de",
        muted=mixed.name(),
        mark="#7a5c00" if dark else "#fde68a",
        dark=dark,
        copy=translate("Chat", "Copy"),
    )


def css(colors: Colors) -> str:
    return (
        f"code {{ background-color: {colors.code_background}; }}"
        "pre { margin: 0; }"
        "h1 { font-size: x-large; } h2 { font-size: large; } h3 { font-size: medium; }"
        "th { font-weight: bold; }"
    )
