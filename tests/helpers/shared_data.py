"""Where the third-party test material lives: `../shared/data` beside the repository."""

from __future__ import annotations

from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
