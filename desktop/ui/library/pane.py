"""The library sidebar: the GPTs, searchable; new, duplicate, and delete with undo.

New GPTs are blank or from a template. Every read and write goes through the app's
background tasks; readiness and avatar images are looked up after the list shows.
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.avatar import parse_avatar
from desktop.core.readiness import Readiness
from desktop.core.store.records import Gpt
from desktop.core.templates import Template, templates
from desktop.ui import i18n
from desktop.ui.library.copying import CopyStrip
from desktop.ui.library.delegate import GptDelegate
from desktop.ui.library.model import GPT_ROLE, ID_ROLE, READINESS_ROLE, GptFilter, GptListModel
from desktop.ui.library.words import fix_label
from desktop.ui.tasks import Latest
from desktop.ui.widgets import UndoBar, avatar_pixmap, load_images

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

_IMAGE_SIZE = 72  # px: the avatar images are loaded at twice the size they are drawn


class LibraryPane(QWidget):
    """Every GPT in a list; selecting one opens it.

    Signals:
        gpt_selected(str): the GPT to open ('' when the open one is gone).
        gpts_changed(): GPTs were created, changed or deleted here.
        listed(list): the list now shows these `Gpt`s.
        readiness_checked(dict): readiness by GPT id, now shown.
        action_requested(UserAction): the user asked to fix a GPT's readiness problem.
        export_requested(Gpt): the user asked to export this GPT.
        import_requested(): the user asked to import a GPT from a file.
    """

    gpt_selected = Signal(str)
    gpts_changed = Signal()
    listed = Signal(list)
    readiness_checked = Signal(dict)
    action_requested = Signal(object)
    export_requested = Signal(object)
    import_requested = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._language = i18n.current()
        self._latest = Latest()  # of refreshes: older answers are dropped
        self._loaded = False
        self._pending = ""  # a GPT to select once the list has it
        self._pending_opens = False  # whether selecting it should open it
        self._quiet = False  # selection changes made here do not open anything
        self._deleted = ""
        self.templates = templates(self._language)
        self._build()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search GPTs"))
        self.search.setAccessibleName(self.tr("Search GPTs"))
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):  # Qt's own clear button
            button.setAccessibleName(self.tr("Clear the search"))
        self.search.textChanged.connect(self._on_search_changed)
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("New GPT"))
        self.new_button.setToolTip(self.tr("Create a blank GPT, or start from a template"))
        self.new_button.setAccessibleName(self.tr("Create a new GPT"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button.clicked.connect(self.new_gpt)
        self.new_menu = self._new_menu(self)
        self.new_button.setMenu(self.new_menu)
        self._build_list()
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty.setMargin(12)
        self.copying = CopyStrip(self)
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_requested.connect(self._on_undo_requested)
        # The list, or a line saying why it is empty, in the same place.
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.copying)
        layout.addWidget(self.undo_bar)
        self.setTabOrder(self.search, self.new_button)
        self.setTabOrder(self.new_button, self.list)

    def _build_list(self) -> None:
        self.model = GptListModel(self)
        self.proxy = GptFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(GptDelegate(self.list))
        self.list.setAccessibleName(self.tr("GPTs"))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu_requested)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.delete_key = QAction(self.tr("Delete GPT"), self.list)
        self.delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_key.triggered.connect(self.delete_current)
        self.list.addAction(self.delete_key)
        # GPTs made elsewhere (the `capsule` command) or a model file dropped into a
        # folder show up on F5; the window refreshes the list itself after its own changes.
        self.refresh_action = QAction(self.tr("Refresh the list"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)

    def _new_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setAccessibleName(self.tr("New GPT"))
        blank = menu.addAction(self.tr("Blank GPT"))
        blank.triggered.connect(self.new_gpt)
        menu.addSeparator()
        section = menu.addAction(self.tr("From a template"))
        section.setEnabled(False)
        for template in self.templates:
            action = menu.addAction(self._template_icon(template), _label(template.name))
            action.setToolTip(template.description)
            action.triggered.connect(lambda _=False, t=template: self.new_from_template(t))
        return menu

    @staticmethod
    def _template_icon(template: Template) -> QIcon:
        return QIcon(avatar_pixmap(parse_avatar(template.avatar, template.name), 32))

    # -- what the shell asks -------------------------------------------------------------

    def refresh(self) -> None:
        """List the GPTs again (then check their readiness), in the background."""
        fresh = self._latest.next()
        self._services.tasks.run(
            self._services.store.gpts.list,
            lambda gpts: self._on_listed(fresh, gpts),
            owner=self,
        )

    def select(self, gpt_id: str) -> None:
        """Show `gpt_id` as the current GPT (the shell opened it); waits for the list."""
        row = self.model.row_of(gpt_id)
        if row < 0:
            self._pending, self._pending_opens = gpt_id, False
            return
        self._set_current(gpt_id, opens=False)

    def current_gpt_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else ""

    def is_empty(self) -> bool:
        return self._loaded and self.model.rowCount() == 0

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_gpt(self) -> None:
        """Create a blank GPT (with the first usable local model) and open it."""
        name = self.tr("New GPT")
        self._services.tasks.run(
            lambda: self._services.gpt_library.create_blank(name), self._on_created, owner=self
        )

    def new_from_template(self, template: Template) -> None:
        self._services.tasks.run(
            lambda: self._services.gpt_library.create_from_template(template),
            self._on_created,
            owner=self,
        )

    def duplicate_current(self) -> None:
        gpt = self._current_gpt()
        if gpt is not None:
            self.duplicate(gpt)

    def duplicate(self, gpt: Gpt) -> None:
        """Copy `gpt` with its knowledge (progress below the list), then open the copy."""
        name = self.tr("%1 (copy)").replace("%1", gpt.name)
        self.copying.start(self._services, gpt, name, self._on_created)

    def export_current(self) -> None:
        gpt = self._current_gpt()
        if gpt is not None:
            self.export_requested.emit(gpt)

    def delete_current(self) -> None:
        gpt = self._current_gpt()
        if gpt is not None:
            self.delete(gpt.id)

    def delete(self, gpt_id: str) -> None:
        """Move a GPT to the trash and offer to undo it."""

        def deleted(gpt: Gpt) -> None:
            self._deleted = gpt.id
            self.undo_bar.offer(self.tr("Deleted “%1”").replace("%1", gpt.name))
            self.gpts_changed.emit()
            self.refresh()

        self._services.tasks.run(
            lambda: self._services.gpt_library.delete(gpt_id), deleted, owner=self
        )

    # -- the right-click menu --------------------------------------------------------------

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The menu for the row at `index` (or for the empty list when it is invalid)."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("GPT actions"))
        gpt: Gpt | None = index.data(GPT_ROLE) if index.isValid() else None
        if gpt is not None:
            menu.addAction(self.tr("Open"), lambda: self._open(gpt.id))
            menu.addAction(self.tr("Duplicate"), lambda: self.duplicate(gpt))
            menu.addAction(self.tr("Export…"), lambda: self.export_requested.emit(gpt))
            menu.addAction(self.tr("Delete"), lambda: self.delete(gpt.id))
            readiness: Readiness | None = index.data(READINESS_ROLE)
            if readiness is not None and readiness.action is not None:
                menu.addSeparator()
                menu.addAction(fix_label(readiness), lambda: self._fix(gpt.id, readiness))
            menu.addSeparator()
        menu.addAction(self.refresh_action)
        menu.addSeparator()
        menu.addAction(self.tr("New blank GPT"), self.new_gpt)
        templates_menu = menu.addMenu(self.tr("New from a template"))
        for template in self.templates:
            templates_menu.addAction(
                self._template_icon(template),
                _label(template.name),
                lambda t=template: self.new_from_template(t),
            )
        menu.addAction(self.tr("Import a GPT…"), self.import_requested.emit)
        return menu

    def _on_context_menu_requested(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if index.isValid():
            self.list.setCurrentIndex(index)
        self.menu = self.context_menu(index)
        self.menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per click
        self.menu.popup(self.list.viewport().mapToGlobal(position))

    def _open(self, gpt_id: str) -> None:
        self._set_current(gpt_id, opens=True)

    def _fix(self, gpt_id: str, readiness: Readiness) -> None:
        self._set_current(gpt_id, opens=True)
        if readiness.action is not None:
            self.action_requested.emit(readiness.action)

    # -- results -------------------------------------------------------------------------

    def _on_listed(self, fresh: Callable[[], bool], gpts: list[Gpt]) -> None:
        if not fresh():
            return  # a newer refresh is on its way
        current = self.current_gpt_id()
        self._quiet = True
        try:
            self.model.set_gpts(gpts)
        finally:
            self._quiet = False
        self._loaded = True
        self._show_placeholder()
        if current and self.model.row_of(current) < 0:
            self.list.selectionModel().clear()
            self.list.setCurrentIndex(QModelIndex())
            self.gpt_selected.emit("")
        if self._pending:
            wanted, opens, self._pending = self._pending, self._pending_opens, ""
            if self.model.row_of(wanted) >= 0:
                self._set_current(wanted, opens)
            elif not opens:
                # The shell opened a GPT that is not there (deleted since it was last open).
                self.gpt_selected.emit("")
        self.listed.emit(gpts)
        self._check_readiness(fresh, gpts)
        self._load_images()

    def _check_readiness(self, fresh: Callable[[], bool], gpts: list[Gpt]) -> None:
        pairs = [(gpt.id, gpt.definition) for gpt in gpts]

        def checked(found: dict[str, Readiness]) -> None:
            if fresh():
                self.model.set_readiness(found)
                self.readiness_checked.emit(found)

        self._services.tasks.run(lambda: self._services.readiness(pairs), checked, owner=self)

    def _load_images(self) -> None:
        avatars = self._services.avatars
        wanted = self.model.image_names()
        if wanted:
            self._services.tasks.run(
                lambda: load_images(avatars, wanted, _IMAGE_SIZE), self.model.set_images, owner=self
            )

    def _on_created(self, gpt: Gpt) -> None:
        self._pending, self._pending_opens = gpt.id, True
        self.gpts_changed.emit()
        self.refresh()

    def _on_current_changed(self) -> None:
        gpt_id = self.current_gpt_id()
        if gpt_id and not self._quiet:
            self.gpt_selected.emit(gpt_id)

    def _on_undo_requested(self) -> None:
        gpt_id, self._deleted = self._deleted, ""
        if gpt_id:
            self._services.tasks.run(
                lambda: self._services.gpt_library.undelete(gpt_id), self._on_created, owner=self
            )

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._show_placeholder()

    # -- helpers -------------------------------------------------------------------------

    def _current_gpt(self) -> Gpt | None:
        index = self.list.currentIndex()
        return index.data(GPT_ROLE) if index.isValid() else None

    def _set_current(self, gpt_id: str, opens: bool) -> None:
        row = self.model.row_of(gpt_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the search: show everything again
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._quiet = not opens
        try:
            if self.list.currentIndex() != index:
                self.list.setCurrentIndex(index)
            elif opens:
                self.gpt_selected.emit(gpt_id)
        finally:
            self._quiet = False
        self.list.scrollTo(index)

    def _show_placeholder(self) -> None:
        if not self._loaded:
            return
        if self.model.rowCount() == 0:
            text = self.tr("No GPTs yet. Create one with “New GPT”.")
        elif self.proxy.rowCount() == 0:
            text = self.tr("No GPT matches “%1”.").replace("%1", self.search.text().strip())
        else:
            text = ""
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty if text else self.list)


def _label(text: str) -> str:
    """`text` for a menu or button, its "&" shown rather than taken as a shortcut mark."""
    return text.replace("&", "&&")
