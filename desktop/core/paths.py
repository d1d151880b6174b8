"""Where Capsule Studio keeps its data, settings, caches and models.

`CAPSULE_STUDIO_HOME` moves everything under one folder (tests, portable installs);
otherwise the platform's usual places come from platformdirs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "capsule-studio"
HOME_ENV = "CAPSULE_STUDIO_HOME"

# The repository's own models/ folder, for people running from a source checkout.
_SOURCE_MODELS = Path(__file__).resolve().parents[2] / "models"


@dataclass(frozen=True)
class Paths:
    """The folders of one installation. Pure values: nothing is created until asked."""

    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "capsule.db"

    @property
    def user_models(self) -> Path:
        """Models that belong to this user (downloads and imports land here)."""
        return self.data / "models"

    @property
    def threads(self) -> Path:
        """One folder per thread: its files (attachments, what code and tools made)."""
        return self.data / "threads"

    @property
    def runtime(self) -> Path:
        """Short-lived files of running helpers (kernel sockets and connection files)."""
        return self.cache / "run"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def model_dirs(self) -> list[Path]:
        """Every folder searched for GGUF files, in order of precedence."""
        dirs = [self.user_models]
        if _SOURCE_MODELS.is_dir():
            dirs.insert(0, _SOURCE_MODELS)
        return dirs

    def ensure(self) -> Paths:
        """Create the folders that must exist before the app writes anything."""
        for folder in (self.data, self.config, self.cache, self.logs, self.user_models):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_paths() -> Paths:
    """The paths for this process: `CAPSULE_STUDIO_HOME` if set, else the platform's."""
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(
            data=root / "data", config=root / "config", cache=root / "cache", logs=root / "logs"
        )
    return Paths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
