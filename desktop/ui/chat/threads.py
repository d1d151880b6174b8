"""A GPT's conversations: new, rename (F2), delete with undo (Delete), and search.

A deleted conversation goes to the trash at once (its code kernel stops); the undo offer
lasts `UNDO_S`, and when it is over the conversation is removed for good with its files.
Search looks through titles and messages as you type. GUI thread; reads and writes go
through the app's background tasks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.conversations import Found
from desktop.core.store.records import Thread
from desktop.ui.widgets import UndoBar

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNDO_S = 10.0
SEARCH_DELAY_MS = 250


class ThreadsPane(QWidget):
    """The list of conversations. See the module docstring.

    Signals:
        thread_selected(str): open this conversation ('' for a new one).
        listed(list): the list now shows these `Thread`s.
    """

    thread_selected = Signal(str)
    listed = Signal(list)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._chats = services.conversations
        self.gpt_id = ""
        self._selecting = ""
        self._deleted: dict[str, QTimer] = {}
        self._last_deleted = ""
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search conversations"))
        self.search.setAccessibleName(self.tr("Search conversations"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.new_button = QPushButton(self.tr("New chat"), self)
        self.new_button.setAccessibleName(self.tr("Start a new conversation"))
        self.new_button.clicked.connect(self.new_thread)
        self.model = QStandardItemModel(self)
        self.model.itemChanged.connect(self._on_item_changed)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Conversations"))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_menu_requested)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        self.undo_bar = UndoBar(self, UNDO_S)
        self.undo_bar.undo_requested.connect(self._on_undo_requested)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.undo_bar)

    # -- what the page asks -------------------------------------------------------------------

    def load(self, gpt_id: str, select: str = "") -> None:
        self.gpt_id = gpt_id
        self._selecting = select
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        gpt_id, query = self.gpt_id, self.search.text()
        if not gpt_id:
            return
        self._services.tasks.run(
            lambda: self._chats.search(gpt_id, query),
            lambda found: self._on_found(gpt_id, found),
            owner=self,
        )

    def current_thread_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else ""

    def select(self, thread_id: str) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(ID_ROLE) == thread_id:
                self.list.setCurrentIndex(index)
                return
        self._selecting = thread_id

    def show_thread(self, thread: Thread) -> None:
        """A conversation started or renamed elsewhere: show it (first), selected."""
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(ID_ROLE) == thread.id:
                self.model.item(row).setText(thread.title)
                return
        self.model.insertRow(0, self._row(thread, ""))
        self.list.blockSignals(True)
        self.list.selectionModel().blockSignals(True)
        self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.selectionModel().blockSignals(False)
        self.list.blockSignals(False)

    def new_thread(self) -> None:
        self.list.selectionModel().clearCurrentIndex()
        self.list.clearSelection()
        self.thread_selected.emit("")

    def rename_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.list.edit(index)

    def delete_current(self) -> None:
        thread_id = self.current_thread_id()
        if not thread_id:
            return
        title = self.list.currentIndex().data() or ""

        def deleted(_thread: Thread) -> None:
            self._offer_undo(thread_id, str(title))
            self._remove_row(thread_id)
            self.thread_selected.emit(self.current_thread_id())

        self._services.tasks.run(lambda: self._chats.delete(thread_id), deleted, owner=self)

    def purge_now(self) -> None:
        """Remove what waits in the trash for good (the window is closing)."""
        for thread_id in list(self._deleted):
            self._purge(thread_id)

    # -- inside --------------------------------------------------------------------------------

    def _row(self, thread: Thread, snippet: str) -> QStandardItem:
        item = QStandardItem(thread.title or self.tr("New conversation"))
        item.setData(thread.id, ID_ROLE)
        item.setToolTip(snippet or thread.title)
        item.setEditable(True)
        return item

    def _on_found(self, gpt_id: str, found: list[Found]) -> None:
        if gpt_id != self.gpt_id:
            return
        current = self._selecting or self.current_thread_id()
        self.model.blockSignals(True)
        self.model.clear()
        for hit in found:
            self.model.appendRow(self._row(hit.thread, hit.snippet))
        self.model.blockSignals(False)
        self.list.reset()
        self._selecting = ""
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(ID_ROLE) == current:
                self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(self.model.index(row, 0))
                self.list.selectionModel().blockSignals(False)
        self.listed.emit([hit.thread for hit in found])

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.thread_selected.emit(str(current.data(ID_ROLE)))

    def _on_item_changed(self, item: QStandardItem) -> None:
        thread_id = str(item.data(ID_ROLE))
        title = item.text()

        def renamed(thread: Thread) -> None:
            self.model.blockSignals(True)
            item.setText(thread.title)
            self.model.blockSignals(False)

        def refused(error: Exception) -> None:
            self._services.errors.notify_error(error)
            self.refresh()  # put the old title back

        self._services.tasks.run(
            lambda: self._chats.rename(thread_id, title), renamed, refused, owner=self
        )

    def _on_menu_requested(self, pos: object) -> None:
        index = self.list.indexAt(pos)  # type: ignore[arg-type]
        if not index.isValid():
            return
        self.list.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Rename"), self.rename_current)
        menu.addAction(self.tr("Delete"), self.delete_current)
        menu.popup(self.list.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def _remove_row(self, thread_id: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(ID_ROLE) == thread_id:
                self.model.removeRow(row)
                return

    def _offer_undo(self, thread_id: str, title: str) -> None:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(int(UNDO_S * 1000))
        timer.timeout.connect(lambda: self._purge(thread_id))
        timer.start()
        self._deleted[thread_id] = timer
        self._last_deleted = thread_id
        self.undo_bar.offer(self.tr("Deleted “%1”").replace("%1", title))

    def _purge(self, thread_id: str) -> None:
        timer = self._deleted.pop(thread_id, None)
        if timer is None:
            return
        timer.stop()
        timer.deleteLater()
        self._services.tasks.run(lambda: self._chats.purge(thread_id), lambda _r: None)

    def _on_undo_requested(self) -> None:
        thread_id, self._last_deleted = self._last_deleted, ""
        timer = self._deleted.pop(thread_id, None)
        if timer is None:
            return
        timer.stop()
        timer.deleteLater()

        def restored(thread: Thread) -> None:
            self._selecting = thread.id
            self.refresh()
            self.thread_selected.emit(thread.id)

        self._services.tasks.run(lambda: self._chats.restore(thread_id), restored, owner=self)
