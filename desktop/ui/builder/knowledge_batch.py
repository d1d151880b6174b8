"""One indexing batch as the knowledge pane runs it: its work, its tally and its words.

`batch_work` runs on a worker thread; the rest on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.cancel import CancelToken
from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.ingest import Progress, collect, display_name

if TYPE_CHECKING:
    from desktop.core.services import Services
    from desktop.ui.tasks import Task


@dataclass(frozen=True)
class Queued:
    """The files a batch will go through, by name, before it starts on the first."""

    names: list[str]


Item = Progress | Queued
Work = Callable[[CancelToken], Iterator[Item]]


def adding(services: Services, gpt_id: str, paths: list[Path], settings: KnowledgeSettings) -> Work:
    """The work of adding `paths` (files, or folders of them) to a GPT's knowledge."""

    def work(token: CancelToken) -> Iterator[Item]:
        files = collect(paths)  # the folders' files, so the table can list them all now
        yield Queued([display_name(f) for f in files])
        yield from services.knowledge.add(gpt_id, files, cancel=token, settings=settings)

    return work


def reindexing(
    services: Services, gpt_id: str, file_ids: list[str], settings: KnowledgeSettings
) -> Work:
    """The work of indexing some of a GPT's files again."""

    def work(token: CancelToken) -> Iterator[Item]:
        return services.knowledge.reindex(gpt_id, file_ids, cancel=token, settings=settings)

    return work


@dataclass
class Batch:
    """The indexing that runs now: for which GPT, how to stop it, and how it went."""

    gpt_id: str
    reindex: bool
    token: CancelToken = field(default_factory=CancelToken)
    task: Task | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, progress: Progress) -> None:
        """Tally a file's outcome (a page read is not one)."""
        if progress.status != "reading":
            self.counts[progress.status] = self.counts.get(progress.status, 0) + 1

    def summary(self) -> str:
        """How the batch went, in the GUI's language."""
        counts = self.counts
        parts = [
            QCoreApplication.translate("KnowledgeBatch", "%1 indexed").replace(
                "%1", str(counts.get("ok", 0))
            )
        ]
        if counts.get("skipped"):
            parts.append(
                QCoreApplication.translate("KnowledgeBatch", "%1 unchanged").replace(
                    "%1", str(counts["skipped"])
                )
            )
        if counts.get("failed"):
            parts.append(
                QCoreApplication.translate("KnowledgeBatch", "%1 failed").replace(
                    "%1", str(counts["failed"])
                )
            )
        if counts.get("cancelled") or self.token.cancelled:
            parts.append(QCoreApplication.translate("KnowledgeBatch", "stopped before the rest"))
        return QCoreApplication.translate("KnowledgeBatch", "Done: %1.").replace(
            "%1", ", ".join(parts)
        )


def progress_text(progress: Progress) -> str:
    """What a batch is doing now, in the GUI's language."""
    if progress.status == "cancelled":
        return QCoreApplication.translate("KnowledgeBatch", "Stopping…")
    if progress.status == "reading":
        return (
            QCoreApplication.translate("KnowledgeBatch", "Reading %1: page %2 of %3")
            .replace("%1", progress.file)
            .replace("%2", str(progress.page))
            .replace("%3", str(progress.pages))
        )
    text = (
        QCoreApplication.translate("KnowledgeBatch", "Indexing %1 (file %2 of %3)")
        .replace("%1", progress.file)
        .replace("%2", str(min(progress.files_done + 1, progress.files_total)))
        .replace("%3", str(progress.files_total))
    )
    if progress.eta_s:
        text += " · " + QCoreApplication.translate("KnowledgeBatch", "about %1 s left").replace(
            "%1", str(round(progress.eta_s))
        )
    return text
