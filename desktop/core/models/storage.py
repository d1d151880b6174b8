"""Disk facts for model files: free space, sha256, and where partial downloads live."""

from __future__ import annotations

import glob
import hashlib
import re
import shutil
from pathlib import Path

from desktop.core import errors
from desktop.core.models.progress import Meter
from desktop.core.units import human_size

PARTIAL_SUFFIX = ".incomplete"
_BLOCK = 4 * 1024 * 1024
# Room left free after a download or import: a full disk breaks more than this app.
_MIN_MARGIN = 32 * 1000**2
_MARGIN_SHARE = 20  # plus 5% of what is written


def free_bytes(folder: Path) -> int:
    """Free space on the disk that holds `folder` (or its nearest existing parent)."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def margin_for(size: int) -> int:
    return max(_MIN_MARGIN, size // _MARGIN_SHARE)


def check_free_space(folder: Path, needed: int, name: str, *, importing: bool = False) -> None:
    """Refuse with `errors.DiskSpaceError` unless `needed` bytes and a margin fit.

    `name` is the file that needs them: downloaded, or `importing` it.
    """
    free = free_bytes(folder)
    margin = margin_for(needed)
    if needed + margin <= free:
        return
    values = {
        "name": name,
        "needed": human_size(needed),
        "margin": human_size(margin),
        "free": human_size(free),
        "folder": folder,
    }
    if importing:
        message = errors.said(
            "Not enough disk space for importing {name}: it needs {needed} (plus {margin} to "
            "spare) and only {free} is free on the disk holding {folder}. Free some space, or "
            "point CAPSULE_STUDIO_HOME at a larger disk.",
            **values,
        )
    else:
        message = errors.said(
            "Not enough disk space for {name}: it needs {needed} (plus {margin} to spare) and "
            "only {free} is free on the disk holding {folder}. Free some space, or point "
            "CAPSULE_STUDIO_HOME at a larger disk.",
            **values,
        )
    raise errors.DiskSpaceError(message)


def sha256_file(path: Path, meter: Meter | None = None) -> str:
    """The file's sha256 in hex; `meter` reports progress and can cancel."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if meter is not None:
                meter.check()
            digest.update(block)
            if meter is not None:
                meter.advance(len(block))
    if meter is not None:
        meter.finish()
    return digest.hexdigest()


def partial_path(folder: Path, name: str, etag: str) -> Path:
    """Where a download of `name` collects its bytes, tagged with the hub's version of it.

    The suffix is not `.gguf`, so a half-downloaded file is never listed as a model.
    """
    tag = re.sub(r"[^0-9A-Za-z]", "", etag)[:16] or "unknown"
    return folder / f"{name}.{tag}{PARTIAL_SUFFIX}"


def partials_for(folder: Path, name: str) -> list[Path]:
    """Every partial download of `name` in `folder`, whatever version it was of."""
    pattern = f"{glob.escape(name)}.*{PARTIAL_SUFFIX}"
    return sorted(p for p in folder.glob(pattern) if p.is_file())
