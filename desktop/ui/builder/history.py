"""The version history: every saved version, the differences between two, and restore.

Select one version to see what it changed from the one before; select two to compare
them. Restoring makes an old version current again as a new version (history is never
rewritten). GUI thread; the versions are read through the app's tasks.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import diff_definitions
from desktop.core.store.records import GptVersion
from desktop.ui.builder.problems import Known, reworded
from desktop.ui.builder.table import Index, RowsModel

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

# A changed value longer than this shows shortened; its tooltip has all of it.
_SHOWN_CHARS = 160
# The note the builder gives the versions it saves (stored as is, shown translated).
BUILDER_NOTE = "saved in the builder"
# The notes core and the CLI write, and how the history says them.
_NOTES: Known = [
    (re.compile(r"^created$"), lambda: QCoreApplication.translate("History", "Created")),
    (
        re.compile(r"^saved in the builder$"),
        lambda: QCoreApplication.translate("History", "Saved in the builder"),
    ),
    (
        re.compile(r"^knowledge files changed$"),
        lambda: QCoreApplication.translate("History", "Knowledge files changed"),
    ),
    (
        re.compile(r"^restored version (\d+)$"),
        lambda: QCoreApplication.translate("History", "Restored version %1"),
    ),
    (
        re.compile(r"^always allow (.+)$"),
        lambda: QCoreApplication.translate("History", "Always allowed %1"),
    ),
    (
        re.compile(r"^imported action (.+)$"),
        lambda: QCoreApplication.translate("History", "Imported action %1"),
    ),
    (
        re.compile(r"^removed action (.+)$"),
        lambda: QCoreApplication.translate("History", "Removed action %1"),
    ),
    (
        re.compile(r"^duplicated from (.+)$"),
        lambda: QCoreApplication.translate("History", "Duplicated from %1"),
    ),
    (
        re.compile(r"^edited from the command line$"),
        lambda: QCoreApplication.translate("History", "Edited from the command line"),
    ),
]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for the catalog; it is translated where it is shown."""
    return text


# The definition's fields as people name them (translated when shown).
_FIELDS = {
    "name": QT_TRANSLATE_NOOP("History", "Name"),
    "description": QT_TRANSLATE_NOOP("History", "Description"),
    "avatar": QT_TRANSLATE_NOOP("History", "Avatar"),
    "instructions": QT_TRANSLATE_NOOP("History", "Instructions"),
    "conversation_starters": QT_TRANSLATE_NOOP("History", "Conversation starters"),
    "knowledge_protection": QT_TRANSLATE_NOOP("History", "Knowledge protection"),
    "model": QT_TRANSLATE_NOOP("History", "Model"),
    "provider": QT_TRANSLATE_NOOP("History", "Where the model runs"),
    "temperature": QT_TRANSLATE_NOOP("History", "Temperature"),
    "top_p": QT_TRANSLATE_NOOP("History", "Top-p"),
    "max_tokens": QT_TRANSLATE_NOOP("History", "Max tokens"),
    "context_size": QT_TRANSLATE_NOOP("History", "Context size"),
    "gpu_layers": QT_TRANSLATE_NOOP("History", "GPU layers"),
    "knowledge": QT_TRANSLATE_NOOP("History", "Knowledge"),
    "files": QT_TRANSLATE_NOOP("History", "Files"),
    "capabilities": QT_TRANSLATE_NOOP("History", "Capabilities"),
    "code_interpreter": QT_TRANSLATE_NOOP("History", "Code interpreter"),
    "web_browsing": QT_TRANSLATE_NOOP("History", "Web browsing"),
    "image_generation": QT_TRANSLATE_NOOP("History", "Image generation"),
    "enabled": QT_TRANSLATE_NOOP("History", "On"),
    "actions": QT_TRANSLATE_NOOP("History", "Actions"),
    "allowed_domains": QT_TRANSLATE_NOOP("History", "Allowed hosts"),
}


def field_label(path: str) -> str:
    """A changed field as people name it: "Model › Temperature" for `model.temperature`."""
    parts = path.split(".")
    if path in ("model.model", "model.provider"):
        parts = parts[1:]  # "Model", "Where the model runs": the section goes without saying
    return " › ".join(
        QCoreApplication.translate("History", _FIELDS[part]) if part in _FIELDS else part
        for part in parts
    )


def note_text(note: str) -> str:
    """A version's note in the GUI's language (notes it does not know stay as written)."""
    return reworded(note, _NOTES)


class VersionsModel(RowsModel):
    """The versions of one GPT, newest first: number, when, note, name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.versions: list[GptVersion] = []
        self.current = 0

    def set_versions(self, versions: list[GptVersion], current: int) -> None:
        self.beginResetModel()
        self.versions = sorted(versions, key=lambda v: -v.version)
        self.current = current
        self.endResetModel()

    def rows(self) -> list[GptVersion]:
        return self.versions

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Version"), self.tr("Saved"), self.tr("Note"), self.tr("Name"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        version = self.versions[index.row()]
        if index.column() == 0:
            number = str(version.version)
            return (
                self.tr("%1 (current)").replace("%1", number)
                if (version.version == self.current)
                else number
            )
        if index.column() == 1:
            return datetime.fromtimestamp(version.created_at).strftime("%Y-%m-%d %H:%M")
        if index.column() == 2:
            return note_text(version.note)
        return version.definition.name


def shown(value: Any) -> str:
    """A changed value as one short line (text as it is, anything else as JSON)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


class HistoryView(QWidget):
    """The versions, the differences of the selected ones, and the restore button.

    Signals:
        restore_requested(int): make this version current again.
        back_requested(): return to the form.
    """

    restore_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._gpt_id = ""
        self.model = VersionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Saved versions"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._build_diff()
        self.restore_button = QPushButton(self.tr("Restore this version"), self)
        self.restore_button.setAccessibleName(self.tr("Make the selected version current again"))
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.back_button = QPushButton(self.tr("Back to the form"), self)
        self.back_button.setAccessibleName(self.tr("Back to the form"))
        self.back_button.clicked.connect(self.back_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(
            QLabel(self.tr("Select one version to see what it changed, or two to compare."), self),
            1,
        )
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.back_button)
        lower = QWidget(self)
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.compared)
        lower_column.addWidget(self.diff)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([220, 360])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(split, 1)
        self._on_selection_changed()
        for first, second in (
            (self.restore_button, self.back_button),
            (self.back_button, self.table),
            (self.table, self.diff),
        ):
            QWidget.setTabOrder(first, second)

    def _build_diff(self) -> None:
        self.compared = QLabel(self)
        self.compared.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        self.compared.setWordWrap(True)
        self.diff = QTableWidget(0, 3, self)
        self.diff.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.diff.setAccessibleName(self.tr("Differences between the versions"))
        self.diff.verticalHeader().hide()
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.setWordWrap(True)
        header = self.diff.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def open_gpt(self, gpt_id: str) -> None:
        self._gpt_id = gpt_id
        self.model.set_versions([], 0)

    def reload(self, current: int) -> None:
        """Read the versions again; `current` is the GPT's current version."""
        gpt_id = self._gpt_id

        def listed(versions: list[GptVersion]) -> None:
            if gpt_id == self._gpt_id:
                self.model.set_versions(versions, current)
                if versions:
                    self.table.selectRow(0)

        self._services.tasks.run(
            lambda: self._services.store.gpts.versions(gpt_id), listed, owner=self
        )

    def select_versions(self, *numbers: int) -> None:
        """Select the versions numbered `numbers` (as the user would, with Ctrl-click)."""
        self.table.clearSelection()
        rows = [i for i, v in enumerate(self.model.versions) if v.version in numbers]
        for row in rows:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                self.table.selectionModel().SelectionFlag.Select
                | self.table.selectionModel().SelectionFlag.Rows,
            )

    def _selected(self) -> list[GptVersion]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.versions[r] for r in rows]

    def _on_selection_changed(self, *_args: object) -> None:
        selected = self._selected()
        self.restore_button.setEnabled(
            len(selected) == 1 and selected[0].version != self.model.current
        )
        if len(selected) == 1:
            older = next((v for v in self.model.versions if v.version < selected[0].version), None)
            self._show_diff(older, selected[0])
        elif len(selected) == 2:
            newer, older = selected  # newest first
            self._show_diff(older, newer)
        else:
            self._show_diff(None, None)

    def _show_diff(self, old: GptVersion | None, new: GptVersion | None) -> None:
        self.diff.setRowCount(0)
        if new is None:
            self.compared.setText("")
            return
        if old is None:
            self.compared.setText(
                self.tr("Version %1 is the first: nothing before it.").replace(
                    "%1", str(new.version)
                )
            )
            return
        changes = diff_definitions(old.definition, new.definition)
        text = self.tr("From version %1 to version %2: %3 changes.")
        self.compared.setText(
            text.replace("%1", str(old.version))
            .replace("%2", str(new.version))
            .replace("%3", str(len(changes)))
        )
        self.diff.setRowCount(len(changes))
        for row, change in enumerate(changes):
            field = QTableWidgetItem(field_label(change["field"]))
            field.setToolTip(change["field"])
            self.diff.setItem(row, 0, field)
            for column, value in ((1, change["old"]), (2, change["new"])):
                item = QTableWidgetItem(shown(value))
                whole = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                item.setToolTip(whole)
                self.diff.setItem(row, column, item)
        self.diff.resizeRowsToContents()

    def diff_rows(self) -> list[list[str]]:
        """The differences shown, as text (for tests and screen readers)."""
        return [
            [self.diff.item(r, c).text() for c in range(3)] for r in range(self.diff.rowCount())
        ]

    def _on_restore_clicked(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.restore_requested.emit(selected[0].version)
