"""`capsule-studio --screenshot --view playground` on a GPT with runs, in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from desktop.core.paths import Paths
from desktop.ui.playground import bars
from desktop.ui.playground.timeline_view import COLORS
from tests.ui.playground.populated import populate

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("playground-home")
    paths = Paths(folder / "data", folder / "config", folder / "cache", folder / "logs").ensure()
    return folder, populate(paths, folder)


def pixels(image: QImage, colour: str) -> int:
    """How many pixels of the image are exactly `colour`."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.width() * rgb.height())
    return int(np.count_nonzero(data == QColor(colour).rgb()))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_playground_shows_the_latest_runs_timeline(
    home: tuple[Path, str], tmp_path: Path, lang: str
) -> None:
    folder, gpt_id = home
    out = tmp_path / f"playground-{lang}.png"
    env = {
        **os.environ,
        "CAPSULE_STUDIO_HOME": str(folder),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "desktop.ui.app", "--screenshot", str(out)]
    command += ["--view", "playground", "--gpt", gpt_id, "--lang", lang]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # The bars of the timeline, well beyond the legend's swatches (under 100 pixels each):
    # waits for a first token, generation, and the wait for the user's consent.
    assert pixels(image, COLORS[bars.WAITING]) > 1000
    assert pixels(image, COLORS[bars.GENERATING]) > 400
    assert pixels(image, COLORS[bars.USER]) > 500
