"""The knowledge files: a table of them, their indexing in batches, removing and re-indexing.

Indexing runs in the background through `services.tasks`, one batch at a time (files
added meanwhile wait their turn), and reports each file to the table as it goes. GUI
thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.extract import SUFFIXES
from desktop.core.store.knowledge import KnowledgeFile
from desktop.ui.builder.knowledge_batch import (
    Batch,
    Item,
    Queued,
    Work,
    adding,
    progress_text,
    reindexing,
)
from desktop.ui.builder.knowledge_model import (
    NAME,
    PROBLEM,
    PROGRESS,
    KnowledgeFilesModel,
    ProgressDelegate,
    problem_text,
)
from desktop.ui.builder.knowledge_rows import FileRow
from desktop.ui.errors import notice_for

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class KnowledgeFilesPane(QWidget):
    """The open GPT's knowledge files, and the buttons that add, re-index, remove and stop.

    Args:
        services: the app's services.
        settings: the knowledge settings to index with (the form's, unsaved edits
            included), or None when they are invalid.

    Signals:
        listed(): the table shows core's files as they are now.
        files_changed(): a batch, a removal or a re-index changed the files.
    """

    listed = Signal()
    files_changed = Signal()

    def __init__(
        self,
        services: AppServices,
        settings: Callable[[], KnowledgeSettings | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self.gpt_id = ""
        self.records: list[KnowledgeFile] | None = None  # core's files, once loaded
        self._batch: Batch | None = None
        self._waiting: list[tuple[str, list[Path], KnowledgeSettings]] = []
        self.model = KnowledgeFilesModel(self)
        self._build()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._enable()

    # -- construction ----------------------------------------------------------------------

    def _button(self, text: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.add_files_button = self._button(
            self.tr("Add files…"), self.tr("Add files to the knowledge"), self.open
        )
        self.add_folder_button = self._button(
            self.tr("Add folder…"), self.tr("Add a folder to the knowledge"), self.open_folder
        )
        self.reindex_button = self._button(
            self.tr("Re-index"), self.tr("Index the selected files again"), self.reindex
        )
        self.reindex_button.setToolTip(
            self.tr("Index the selected files again, or every file when none is selected.")
        )
        self.remove_button = self._button(
            self.tr("Remove"), self.tr("Remove the selected files"), self.remove_selected
        )
        self.cancel_button = self._button(self.tr("Stop"), self.tr("Stop indexing"), self.cancel)
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.reindex_button, self.remove_button, self.cancel_button):
            buttons.addWidget(button)
        self.hint = QLabel(
            self.tr("Drop files or folders here, or add them with the buttons above."), self
        )
        self.hint.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Indexing progress"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Indexing status"))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Knowledge files"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        remove = QAction(self.tr("Remove"), self.table)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.table.addAction(remove)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def open_gpt(self, gpt_id: str) -> None:
        """Show `gpt_id`'s files (a batch for another GPT goes on, out of sight)."""
        self.gpt_id = gpt_id
        self.records = None
        self.model.reconcile([])
        self.status.clear()
        self.detail.hide()
        self._reload()
        self._enable()

    @property
    def busy(self) -> bool:
        """Whether a batch runs now."""
        return self._batch is not None

    # -- adding -------------------------------------------------------------------------------

    def open(self) -> None:
        """Choose files to add (a dialog, shown with `open()`)."""
        dialog = QFileDialog(self, self.tr("Add files to the knowledge"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        patterns = " ".join(f"*{suffix}" for suffix in sorted(SUFFIXES))
        dialog.setNameFilters(
            [self.tr("Documents (%1)").replace("%1", patterns), self.tr("All files (*)")]
        )
        dialog.filesSelected.connect(lambda files: self.add_paths([Path(f) for f in files]))
        dialog.open()
        self.file_dialog = dialog

    def open_folder(self) -> None:
        """Choose a folder to add, with every file in it."""
        dialog = QFileDialog(self, self.tr("Add a folder to the knowledge"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.add_paths([Path(folder)]))
        dialog.open()
        self.file_dialog = dialog

    def add_paths(self, paths: list[Path]) -> None:
        """Index these files and folders into the open GPT's knowledge."""
        if not paths:
            return
        if not self.gpt_id:
            self._services.errors.notify_error(
                self.tr("Open a GPT first: files become the open GPT's knowledge.")
            )
            return
        settings = self._settings()
        if settings is None:
            self.status.setText(self.tr("Fix the knowledge settings first, then add the files."))
            return
        self._add(self.gpt_id, list(paths), settings)

    def _add(self, gpt_id: str, paths: list[Path], settings: KnowledgeSettings) -> None:
        """Start adding, or wait for the batch that runs (whichever GPT it is for)."""
        if self._batch is not None:
            self._waiting.append((gpt_id, paths, settings))
            self.status.setText(self.tr("These files will be indexed after the current ones."))
            return
        self._start(gpt_id, adding(self._services, gpt_id, paths, settings), reindex=False)

    # -- re-indexing, removing, stopping ----------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def reindex(self) -> None:
        """Index the selected files again (every file when none is selected)."""
        if self._batch is not None or not self.gpt_id:
            return
        rows = self.selected_rows() or range(len(self.model.files))
        ids = [fid for r in rows if (fid := self.model.row(r).file_id) is not None]
        settings = self._settings()
        if not ids or settings is None:
            return
        self.model.queue(ids)
        self.model.next_queued()
        self._start(self.gpt_id, reindexing(self._services, self.gpt_id, ids, settings), True)

    def remove_selected(self) -> None:
        """Ask, then remove the selected files and their chunks (the files on disk stay)."""
        rows = self.selected_rows()
        if not rows or self._batch is not None:
            return
        names = [self.model.row(r).name for r in rows]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove files"),
            self.tr("Remove %1 from this GPT's knowledge? The files on your disk stay.").replace(
                "%1",
                names[0] if len(names) == 1 else self.tr("%1 files").replace("%1", str(len(names))),
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        confirm = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        chosen = [self.model.row(r) for r in rows]  # rows may move while the box is open
        box.buttonClicked.connect(
            lambda button: self._remove(chosen) if button is confirm else None
        )
        box.open()
        self.confirm_box = box

    def _remove(self, chosen: list[FileRow]) -> None:
        if self._batch is not None:
            self.status.setText(self.tr("Files cannot be removed while indexing; try again after."))
            return
        for row in chosen:
            at = self.model.files.find(name=row.name)
            if row.file_id is None and at is not None:
                self.model.remove_row(at)  # it never reached the knowledge: only its row goes
        ids = [row.file_id for row in chosen if row.file_id is not None]
        if not ids:
            return
        gpt_id, services = self.gpt_id, self._services

        def remove() -> None:
            for file_id in ids:
                services.knowledge.remove(gpt_id, file_id)

        def failed(error: Exception) -> None:
            self.status.setText(notice_for(error).text())
            self._after_change(gpt_id)

        self.status.setText(self.tr("Removing…"))
        self._services.tasks.run(remove, lambda _: self._after_change(gpt_id), failed, owner=self)

    def cancel(self) -> None:
        """Stop the batch after the file being read now; waiting files are not indexed."""
        if self._batch is not None:
            self._batch.token.cancel()
            self._waiting.clear()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Stopping after the current file…"))

    # -- the batch ----------------------------------------------------------------------------

    def _start(self, gpt_id: str, work: Work, reindex: bool) -> None:
        batch = Batch(gpt_id, reindex)
        self._batch = batch
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Starting…"))
        batch.task = self._services.tasks.stream(
            lambda: work(batch.token),
            self._on_progress,
            lambda _dropped: self._finish_batch(None),
            self._finish_batch,
            owner=self,
        )
        self._enable()

    def _on_progress(self, item: Item) -> None:
        batch = self._batch
        if batch is None:
            return
        if isinstance(item, Queued):
            if batch.gpt_id == self.gpt_id:
                self.model.queue_names(item.names)
            return
        progress = item
        batch.count(progress)
        if batch.gpt_id != self.gpt_id:
            return  # another GPT's batch: its table is not on screen
        if progress.status == "started":
            self.model.started(progress.file)
        elif progress.status == "reading":
            self.model.reading(progress)
        elif progress.status == "cancelled":
            self.model.stop_waiting()
        else:
            self.model.finished(progress)
            if batch.reindex:
                self.model.next_queued()
        self.progress.setRange(0, max(1, progress.files_total))
        self.progress.setValue(progress.files_done)
        self.status.setText(progress_text(progress))

    def _finish_batch(self, error: Exception | None) -> None:
        """Say how it went, show the files as they are now, then start what waits."""
        batch, self._batch = self._batch, None
        self.progress.hide()
        if batch is not None and batch.gpt_id == self.gpt_id:
            self.status.setText(batch.summary() if error is None else notice_for(error).text())
            self.model.stop_waiting()
            self._reload(notify=True)
        elif error is not None:
            self._services.errors.notify_error(error)  # its table is not on screen
        self._enable()
        if self._waiting:
            self._add(*self._waiting.pop(0))

    # -- reloading ----------------------------------------------------------------------------

    def _after_change(self, gpt_id: str) -> None:
        if gpt_id == self.gpt_id:
            self._reload(notify=True)

    def _reload(self, notify: bool = False) -> None:
        gpt_id, services = self.gpt_id, self._services
        self._services.tasks.run(
            lambda: services.knowledge.files(gpt_id),
            lambda records: self._on_files(gpt_id, records, notify),
            owner=self,
        )

    def _on_files(self, gpt_id: str, records: list[KnowledgeFile], notify: bool) -> None:
        if gpt_id != self.gpt_id:
            return
        self.records = records
        self.model.reconcile(records)
        self._enable()
        self.listed.emit()
        if notify:
            self.files_changed.emit()

    # -- what is enabled --------------------------------------------------------------------------

    def _enable(self) -> None:
        busy = self._batch is not None
        has_gpt = bool(self.gpt_id)
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(has_gpt)
        has_files = len(self.model.files) > 0
        self.reindex_button.setEnabled(has_gpt and has_files and not busy)
        self.remove_button.setEnabled(has_gpt and bool(self.selected_rows()) and not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.hint.setVisible(has_gpt and not has_files and not busy)

    def _on_selection_changed(self) -> None:
        self._enable()
        rows = self.selected_rows()
        row = self.model.row(rows[0]) if len(rows) == 1 else None
        if row is not None and row.reason:
            headline = problem_text(row)
            prefix = headline + " " if headline != row.reason else ""
            self.detail.setText(prefix + row.reason)
            self.detail.show()
        else:
            self.detail.hide()
