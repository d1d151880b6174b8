"""The library sidebar: the GPTs, searchable; new, duplicate and delete with undo.

GUI thread; reads and writes go through the app's background tasks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import validate_definition
from desktop.core.store.records import Gpt
from desktop.ui.widgets import UndoBar

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LibraryPane(QWidget):
    """Every GPT in a list; selecting one opens it.

    Signals:
        gpt_selected(str): the GPT to open ('' when none is left).
        gpts_changed(): GPTs were created, changed or deleted here.
        listed(list): the list now shows these `Gpt`s.
    """

    gpt_selected = Signal(str)
    gpts_changed = Signal()
    listed = Signal(list)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._gpts: list[Gpt] = []
        self._pending_select = ""
        self._deleted = ""
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search GPTs"))
        self.search.setAccessibleName(self.tr("Search GPTs"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("New GPT"), self)
        self.new_button.setAccessibleName(self.tr("Create a new GPT"))
        self.new_button.clicked.connect(self.new_gpt)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("GPTs"))
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_requested.connect(self._on_undo_requested)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.undo_bar)

    # -- what the shell asks -------------------------------------------------------------

    def refresh(self) -> None:
        self._services.tasks.run(self._services.store.gpts.list, self._on_listed, owner=self)

    def select(self, gpt_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == gpt_id:
                if self.list.currentIndex() != index:
                    self.list.setCurrentIndex(index)
                return
        self._pending_select = gpt_id

    def current_gpt_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else ""

    def is_empty(self) -> bool:
        return not self._gpts

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_gpt(self) -> None:
        name = self.tr("New GPT")
        self._services.tasks.run(
            lambda: self._services.store.gpts.create(validate_definition({"name": name})),
            self._on_created,
            owner=self,
        )

    def duplicate_current(self) -> None:
        gpt_id = self.current_gpt_id()
        if not gpt_id:
            return
        store = self._services.store

        def duplicate() -> Gpt:
            source = store.gpts.get(gpt_id).definition
            copy = source.model_copy(
                update={"name": self.tr("%1 (copy)").replace("%1", source.name)}
            )
            return store.gpts.create(copy, note=f"duplicated from {gpt_id}")

        self._services.tasks.run(duplicate, self._on_created, owner=self)

    def delete_current(self) -> None:
        gpt_id = self.current_gpt_id()
        if not gpt_id:
            return
        name = next((g.definition.name for g in self._gpts if g.id == gpt_id), gpt_id)

        def deleted(_result: object) -> None:
            self._deleted = gpt_id
            self.undo_bar.offer(self.tr("Deleted “%1”").replace("%1", name))
            self.gpts_changed.emit()
            self.refresh()

        self._services.tasks.run(
            lambda: self._services.store.gpts.delete(gpt_id), deleted, owner=self
        )

    # -- results -------------------------------------------------------------------------

    def _on_listed(self, gpts: list[Gpt]) -> None:
        current = self.current_gpt_id()
        self._gpts = gpts
        self.model.clear()
        for gpt in gpts:
            item = QStandardItem(gpt.definition.name)
            item.setData(gpt.id, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        wanted = self._pending_select or current
        self._pending_select = ""
        if wanted:
            self.select(wanted)
        if current and not any(g.id == current for g in gpts):
            self.gpt_selected.emit("")
        self.listed.emit(gpts)

    def _on_created(self, gpt: Gpt) -> None:
        self._pending_select = gpt.id
        self.gpts_changed.emit()
        self.refresh()

    def _on_current_changed(self) -> None:
        gpt_id = self.current_gpt_id()
        if gpt_id:
            self.gpt_selected.emit(gpt_id)

    def _on_undo_requested(self) -> None:
        gpt_id, self._deleted = self._deleted, ""
        if gpt_id:
            self._services.tasks.run(
                lambda: self._services.store.gpts.undelete(gpt_id), self._on_created, owner=self
            )
