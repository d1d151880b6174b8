"""Light, dark, or the system's colours: Qt's Fusion style with its own colour schemes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

_SCHEMES = {
    "system": Qt.ColorScheme.Unknown,  # follow the platform
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}


def apply(app: QApplication, theme: str) -> None:
    """Use Fusion (the same look everywhere) in `theme`: system, light or dark (GUI thread)."""
    app.setStyle("Fusion")
    app.styleHints().setColorScheme(_SCHEMES.get(theme, Qt.ColorScheme.Unknown))
