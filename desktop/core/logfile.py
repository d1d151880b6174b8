"""The app's log file: rotating, in the log folder, with secret values masked."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from desktop.core.paths import Paths
from desktop.core.secrets import SecretMask

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_to_file(paths: Paths, name: str, level: int = logging.INFO) -> RotatingFileHandler:
    """Send the root logger's records at `level` and above to `paths.logs / name`."""
    handler = RotatingFileHandler(
        paths.logs / name, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    handler.addFilter(SecretMask())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler
