"""The app's own preferences: language, theme, window geometry, the last open GPT.

Kept with QSettings in an INI file in the config folder (so `CAPSULE_STUDIO_HOME` keeps
them inside it too), apart from core's `settings.json`, which the CLI shares. GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("system", "light", "dark")


class UiPrefs:
    """Typed access to the app's QSettings file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(folder / "app.ini"), QSettings.Format.IniFormat)

    def _text(self, key: str, default: str = "") -> str:
        value = self._settings.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        """The chosen language code, or '' to follow the system."""
        return self._text("language")

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("language", value)

    @property
    def theme(self) -> str:
        value = self._text("theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("theme", value if value in THEMES else "system")

    @property
    def last_gpt(self) -> str:
        return self._text("last_gpt")

    @last_gpt.setter
    def last_gpt(self, value: str) -> None:
        self._settings.setValue("last_gpt", value)

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (geometry, splitter sizes), or None."""
        value = self._settings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"state/{key}", value)

    def sync(self) -> None:
        self._settings.sync()
