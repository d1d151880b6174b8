"""The catalog of recommended models, with downloads: progress, speed, pause, resume, checksum.

Each row is a catalog entry and what this machine has of it (downloaded, part of it, or
nothing). A download runs core's resumable `download` in the background; pausing stops
it between blocks and keeps the partial file, and resuming starts it again, which goes
on from that file. The file is checked against the hub's sha256 before it is kept. One
row changes per progress report. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models.catalog import Catalog, CatalogEntry, load_catalog
from desktop.core.models.library import RemoveResult
from desktop.core.models.progress import Progress, ProgressCallback
from desktop.core.models.shelf import CatalogState
from desktop.core.units import human_size
from desktop.ui.errors import notice_for
from desktop.ui.settings import rows, wording
from desktop.ui.settings.jobs import ProgressJob
from desktop.ui.settings.rows import RowsModel, table_view
from desktop.ui.settings.section import Section
from desktop.ui.tasks import Latest
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.core.models.download import DownloadResult
    from desktop.ui.services import AppServices

STATUS_COLUMN = 5
# The fraction of a running transfer, for the progress bar drawn in the status cell.
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 1
# The short text on that bar (the cell's tooltip has the whole status).
BAR_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class CatalogRow:
    """A catalog entry, what is on disk of it, and what is happening to it now."""

    entry: CatalogEntry
    state: CatalogState
    activity: str = ""  # "", "downloading", "pausing", "paused", "failed" or "done"
    progress: Progress | None = None
    problem: str = ""
    verified: bool = False  # the sha256 was checked in this download

    @property
    def resumable(self) -> bool:
        return not self.state.downloaded and self.state.partial_bytes > 0


class CatalogModel(RowsModel[CatalogRow]):
    """The catalog: name, uses, languages, licence, context, and the download's status."""

    def key(self, record: CatalogRow) -> str:
        return record.entry.id

    def cell(self, record: CatalogRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS_COLUMN:
                return record.problem or self.status(record)
            tips = {0: record.entry.good_for, 2: ", ".join(record.entry.languages)}
            return tips.get(column)
        if role in (FRACTION_ROLE, BAR_TEXT_ROLE):
            return self._bar(record, role)
        failed = record.activity == "failed" and column == STATUS_COLUMN
        if role == Qt.ItemDataRole.ForegroundRole and failed:
            return PROBLEM_COLOR
        return None

    def _bar(self, record: CatalogRow, role: int) -> Any:
        """The progress bar's fraction or text while a transfer runs; None otherwise."""
        progress = record.progress
        if record.activity != "downloading" or progress is None:
            return None
        return progress.fraction if role == FRACTION_ROLE else wording.progress_brief(progress)

    def _text(self, record: CatalogRow, column: int) -> str:
        entry = record.entry
        name = (
            self.tr("%1 (recommended)").replace("%1", entry.name)
            if entry.recommended
            else entry.name
        )
        return (
            name,
            ", ".join(self._use(use) for use in entry.uses),
            ", ".join(entry.languages[:4]) + (" …" if len(entry.languages) > 4 else ""),
            entry.license,
            f"{entry.context_length:,}" if entry.context_length else "?",
            self.status(record),
        )[column]

    def _use(self, use: str) -> str:
        names = {
            "chat": self.tr("chat"),
            "tools": self.tr("tools"),
            "embeddings": self.tr("embeddings"),
        }
        return names.get(use, use)

    def status(self, record: CatalogRow) -> str:
        """The status cell's text: the transfer's progress, or what is on disk."""
        if record.activity in ("downloading", "pausing"):
            if record.progress is None:
                return self.tr("Starting…")
            return wording.progress_text(record.progress)
        if record.activity == "failed":
            return self.tr("Failed: %1").replace("%1", record.problem.splitlines()[0])
        if record.state.downloaded:
            verified = self.tr("Downloaded · checksum verified")
            return verified if record.verified else self.tr("Downloaded")
        if record.state.partial_bytes:
            return self.tr("Paused · %1 downloaded").replace(
                "%1", human_size(record.state.partial_bytes)
            )
        return self.tr("Not downloaded")


class ProgressDelegate(QStyledItemDelegate):
    """Draws a progress bar with the status text in the cell of a running transfer."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        fraction = index.data(FRACTION_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = round(float(fraction) * 1000)
        bar.text = str(index.data(BAR_TEXT_ROLE))
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.palette = option.palette  # type: ignore[attr-defined]
        bar.fontMetrics = option.fontMetrics  # type: ignore[attr-defined]
        # Horizontal must be said: Qt 6 reads the orientation from the state.
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


def _download(entry: CatalogEntry, folder: Any) -> Callable[[ProgressCallback, CancelToken], Any]:
    def work(progress: ProgressCallback, cancel: CancelToken) -> DownloadResult:
        # Imported on the worker: huggingface_hub takes a moment the window should not wait.
        from desktop.core.models.download import download  # noqa: PLC0415

        return download(entry, folder, progress=progress, cancel=cancel)

    return work


class CatalogPane(Section):
    """The recommended models, each downloadable (and pausable) from here.

    Signals:
        models_changed(): a download finished (a new model is on this machine).
        listed(): the catalog and what is on disk of it were read.
        download_finished(str): the download of this catalog id succeeded.
        download_stopped(str): the download of this catalog id was paused or failed.
    """

    models_changed = Signal()
    listed = Signal()
    download_finished = Signal(str)
    download_stopped = Signal(str)

    def __init__(
        self,
        services: AppServices,
        catalog: Callable[[], Catalog] = load_catalog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._catalog = catalog
        self.jobs: dict[str, ProgressJob] = {}
        self._latest = Latest()  # of readings: only the newest is shown
        self._build()

    def _build(self) -> None:
        layout = self.column
        headers = [
            self.tr("Model"),
            self.tr("Uses"),
            self.tr("Languages"),
            self.tr("Licence"),
            self.tr("Context"),
            self.tr("Status"),
        ]
        self.model = CatalogModel(headers, self)
        self.table = table_view(self.model, self.tr("Recommended models"), self)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        # The status (with its progress bar) takes the room; names are as long as they are.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.download_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.download_button = self.button(
            self.tr("Do&wnload"), self.tr("Download the selected model"), self.download_selected
        )
        self.pause_button = self.button(
            self.tr("&Pause"), self.tr("Pause the selected download"), self.pause_selected
        )
        self.discard_button = self.button(
            self.tr("Dis&card…"),
            self.tr("Discard the selected model's partial download"),
            self.discard_selected,
        )
        row.addWidget(self.download_button)
        row.addWidget(self.pause_button)
        row.addWidget(self.discard_button)
        self.note = QLabel(
            self.tr(
                "Sizes come from the hub when a download starts; files are checked "
                "against the hub's sha256 before they are kept."
            ),
            self,
        )
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        layout.addLayout(row)
        self._on_selection_changed()

    # -- listing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the catalog's state on disk again; only the latest reading is shown."""
        shelf, catalog = self._services.models, self._catalog
        fresh = self._latest.next()

        def read() -> list[CatalogRow]:
            return [CatalogRow(e, shelf.catalog_state(e)) for e in catalog().models]

        def listed(rows: list[CatalogRow]) -> None:
            # An earlier reading that lands late (a pause's, after a discard's) is stale.
            if fresh():
                self._on_listed(rows)

        self._services.tasks.run(read, listed, self.show_error, owner=self)

    def _on_listed(self, rows: list[CatalogRow]) -> None:
        chosen = self.selected()
        self.model.set_rows([self._merged(r) for r in rows])
        if chosen is not None:
            self.select(chosen.entry.id)
        self._on_selection_changed()
        self.listed.emit()

    def _merged(self, fresh: CatalogRow) -> CatalogRow:
        """A freshly read row, keeping what this session knows about it."""
        old = next((r for r in self.model.rows if r.entry.id == fresh.entry.id), None)
        if old is None:
            return fresh
        if fresh.entry.id in self.jobs:
            return old  # a transfer is running: it says what is happening
        if old.activity == "failed":
            return replace(fresh, activity="failed", problem=old.problem)
        return replace(fresh, verified=old.verified and fresh.state.downloaded)

    def selected(self) -> CatalogRow | None:
        return rows.selected(self.table, self.model)

    def select(self, ident: str) -> None:
        rows.select(self.table, self.model, ident)

    def row_of(self, ident: str) -> tuple[int, CatalogRow]:
        row = self.model.row_of(ident)
        if row < 0:
            raise KeyError(ident)
        return row, self.model.rows[row]

    def _change(self, ident: str, **changes: Any) -> None:
        row, record = self.row_of(ident)
        self.model.update_row(row, replace(record, **changes))
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        record = self.selected()
        running = record is not None and record.entry.id in self.jobs
        self.pause_button.setEnabled(
            running and record is not None and record.activity == "downloading"
        )
        can_fetch = record is not None and not running and not record.state.downloaded
        self.download_button.setEnabled(can_fetch)
        resume = record is not None and record.resumable
        self.discard_button.setEnabled(resume and not running)
        self.download_button.setText(self.tr("&Resume") if resume else self.tr("Do&wnload"))
        self.download_button.setAccessibleName(
            self.tr("Resume the selected download")
            if resume
            else self.tr("Download the selected model")
        )

    # -- downloads ------------------------------------------------------------------------------

    def download_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.download(record.entry.id)

    def download(self, ident: str) -> None:
        """Start (or resume) downloading catalog model `ident`."""
        _row, record = self.row_of(ident)
        if ident in self.jobs or record.state.downloaded:
            return
        job = ProgressJob(
            self._services.tasks, _download(record.entry, self._services.models.user_folder), self
        )
        job.progressed.connect(lambda progress: self._on_progress(ident, progress))
        job.succeeded.connect(lambda result: self._on_downloaded(ident, result))
        job.failed.connect(lambda error: self._on_download_failed(ident, error))
        self.jobs[ident] = job
        self.error_banner.set_text("")
        self._change(ident, activity="downloading", progress=None, problem="")
        job.start()

    def discard_selected(self) -> None:
        """Ask, then delete the selected model's partial download (a paused one)."""
        record = self.selected()
        if record is None or not record.resumable or record.entry.id in self.jobs:
            return
        shelf, catalog, entry = self._services.models, self._catalog, record.entry

        def discard() -> RemoveResult:
            return shelf.remove(shelf.removal_target(entry.id, catalog().models))

        self.ask(
            self.tr("Discard download"),
            self.tr("Discard the %1 downloaded of %2? The download starts over next time.")
            .replace("%1", human_size(record.state.partial_bytes))
            .replace("%2", entry.name),
            self.tr("Discard"),
            lambda: self._services.tasks.run(
                discard, lambda _result: self.refresh(), self.show_error, owner=self
            ),
        )

    def pause_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.pause(record.entry.id)

    def pause(self, ident: str) -> None:
        """Stop the download between blocks; its partial file stays for resuming."""
        job = self.jobs.get(ident)
        if job is not None:
            job.stop()
            self._change(ident, activity="pausing")

    def _on_progress(self, ident: str, progress: Progress) -> None:
        _row, record = self.row_of(ident)
        if record.activity == "downloading":
            self._change(ident, progress=progress)

    def _on_downloaded(self, ident: str, result: DownloadResult) -> None:
        self.jobs.pop(ident, None)
        state = CatalogState(result.path, 0)
        self._change(ident, activity="done", state=state, verified=result.sha256 is not None)
        self.models_changed.emit()
        self.download_finished.emit(ident)

    def _on_download_failed(self, ident: str, error: Exception) -> None:
        self.jobs.pop(ident, None)
        if isinstance(error, errors.CancelledError):
            _row, record = self.row_of(ident)
            done = record.progress.done if record.progress else 0
            kept = done if record.progress and record.progress.stage == "download" else 0
            state = CatalogState(None, kept or record.state.partial_bytes)
            self._change(ident, activity="paused", progress=None, state=state)
        else:
            notice = notice_for(error)
            self._change(ident, activity="failed", progress=None, problem=notice.text())
            self.error_banner.show_notice(notice)
        self.download_stopped.emit(ident)
        self.refresh()  # what is on disk now: the partial file's size
