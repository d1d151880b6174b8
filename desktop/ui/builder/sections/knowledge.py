"""The builder's Knowledge section: the GPT's files, their indexing, its settings, a test search.

Files come by dialog, by drag and drop on the section, or from the window (`add_paths`).
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from desktop.core.gpt import GptDefinition, KnowledgeSettings
from desktop.ui.builder.knowledge_files import KnowledgeFilesPane
from desktop.ui.builder.knowledge_search import KnowledgeSearchBox
from desktop.ui.builder.knowledge_settings import FIELDS, KnowledgeSettingsForm
from desktop.ui.builder.sections.base import Section, set_tab_order

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class KnowledgeSection(Section):
    """The open GPT's knowledge files and knowledge settings (see `sections` for the contract).

    Signals:
        changed(): the settings were edited, or the files changed (the draft follows).
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._definition: GptDefinition | None = None
        self.setAcceptDrops(True)
        self.files = KnowledgeFilesPane(services, self.current_settings, self)
        self.settings_form = KnowledgeSettingsForm(self)
        self.search_box = KnowledgeSearchBox(services, self.current_settings, self)
        settings = QGroupBox(self.tr("Settings"), self)
        QVBoxLayout(settings).addWidget(self.settings_form)
        search = QGroupBox(self.tr("Test search"), self)
        QVBoxLayout(search).addWidget(self.search_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files, 1)
        layout.addWidget(settings)
        layout.addWidget(search)
        self.settings_form.changed.connect(self.changed)
        self.files.files_changed.connect(self.changed)
        set_tab_order(self.tab_chain())

    @property
    def gpt_id(self) -> str:
        return self.files.gpt_id

    def tab_chain(self) -> Sequence[QWidget]:
        """The section's controls in reading order: the order Tab visits them."""
        files, search = self.files, self.search_box
        return [
            files.add_files_button,
            files.add_folder_button,
            files.reindex_button,
            files.remove_button,
            files.cancel_button,
            files.table,
            *self.settings_form.fields(),
            search.query,
            search.search_button,
            search.view,
        ]

    # -- the section contract ----------------------------------------------------------------

    def open_gpt(self, gpt_id: str) -> None:
        """Show `gpt_id`'s files; a batch for another GPT goes on, out of sight."""
        self.files.open_gpt(gpt_id)
        self.search_box.open_gpt(gpt_id)
        self.settings_form.embedding_model.list_models(self._services)

    def load(self, definition: GptDefinition) -> None:
        """Show the knowledge settings of `definition` (the files come from core)."""
        self._definition = definition
        self.settings_form.load(definition.knowledge)

    def changes(self) -> dict[str, Any]:
        """The knowledge settings, and the ready files once they are known.

        The files are core's (indexing saves them as they become ready); they are given
        here so that a draft saved later does not bring back an older list.
        """
        knowledge: dict[str, Any] = self.settings_form.values()
        if self.files.records is not None:
            knowledge["files"] = [
                {"id": f.id, "name": f.name, "sha256": f.sha256, "size": f.size}
                for f in self.files.records
                if f.status == "ready"
            ]
        return {"knowledge": knowledge}

    def show_problems(self, problems: list[str]) -> None:
        """Mark the knowledge fields named in `problems` (`knowledge.top_k: ...`)."""
        marked: dict[str, str] = {}
        for line in problems:
            where, _, what = line.partition(": ")
            parts = where.split(".")
            if where == "knowledge":  # the one check across fields: overlap below size
                marked["chunk_overlap"] = what
            elif len(parts) > 1 and parts[0] == "knowledge" and parts[1] in FIELDS:
                marked[parts[1]] = what
        self.settings_form.show_problems(marked)

    def add_paths(self, paths: list[Path]) -> None:
        """Index these files and folders into the open GPT's knowledge."""
        self.files.add_paths(paths)

    def current_settings(self) -> KnowledgeSettings | None:
        """The settings as the fields show them, or None (with the field marked) if invalid."""
        base = self._definition.knowledge if self._definition else KnowledgeSettings()
        data = {**base.model_dump(mode="json"), **self.settings_form.values()}
        try:
            return KnowledgeSettings.model_validate(data)
        except ValueError as exc:
            errors = getattr(exc, "errors", lambda: [])()
            self.show_problems(
                [
                    f"knowledge: {str(e.get('msg', '')).removeprefix('Value error, ')}"
                    for e in errors
                ]
            )
            return None

    # -- drops ---------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
