"""How the welcome page words transfer progress, in the GUI's language (GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.models.progress import Progress
from desktop.core.units import human_size

# lupdate finds the texts by this name and their literal context.
translate = QCoreApplication.translate


def time_left(seconds: float) -> str:
    if seconds < 60:
        return translate("Welcome", "%1 s left").replace("%1", str(max(1, round(seconds))))
    return translate("Welcome", "%1 min left").replace("%1", str(round(seconds / 60)))


def progress_text(progress: Progress) -> str:
    """`412.3 MB of 1.1 GB · 25.3 MB/s · 1 min left`, or the check of a finished file."""
    if progress.stage == "verify":
        percent = round((progress.fraction or 0.0) * 100)
        return translate("Welcome", "Checking the file… %1%").replace("%1", str(percent))
    if progress.total:
        parts = [
            translate("Welcome", "%1 of %2")
            .replace("%1", human_size(progress.done))
            .replace("%2", human_size(progress.total))
        ]
    else:
        parts = [human_size(progress.done)]
    if progress.rate > 0:
        parts.append(translate("Welcome", "%1/s").replace("%1", human_size(int(progress.rate))))
    if progress.eta is not None and progress.total and progress.done < progress.total:
        parts.append(time_left(progress.eta))
    return " · ".join(parts)
