"""Sizes and counts as people read them; shared by the window and the CLI."""

from __future__ import annotations


def human_size(size: int) -> str:
    """Bytes in decimal units, as model download pages give them (470.7 KB, 4.7 GB)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def human_count(count: int) -> str:
    """A parameter count such as 1.5B, 494.0M or 115.6K."""
    for unit, scale in (("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if count >= scale:
            return f"{count / scale:.1f}{unit}"
    return str(count)
