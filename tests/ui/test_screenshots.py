"""`capsule-studio --screenshot` opens each view in each language and saves the window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.store import Store
from desktop.ui.main_window import VIEWS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("screenshot-home")
    paths = Paths(folder / "data", folder / "config", folder / "cache", folder / "logs").ensure()
    store = Store(paths.database)
    try:
        gpt = store.gpts.create(validate_definition({"name": "Travel helper"}))
    finally:
        store.close()
    return folder, gpt.id


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_in_every_language(
    home: tuple[Path, str], tmp_path: Path, view: str, lang: str
) -> None:
    folder, gpt_id = home
    out = tmp_path / f"{view}-{lang}.png"
    env = {
        **os.environ,
        "CAPSULE_STUDIO_HOME": str(folder),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.ui.app",
            "--screenshot",
            str(out),
            "--view",
            view,
            "--gpt",
            gpt_id,
            "--lang",
            lang,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
