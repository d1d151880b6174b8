"""A model picker: a first choice meaning "the default", the local models, or a typed reference.

The Create pane picks the builder's chat model with it; the knowledge settings pick the
embedding model. Either may type `provider:model` for a remote one. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ModelPicker(QComboBox):
    """An editable list of local models (chat or embedding ones) after a default entry."""

    def __init__(
        self, default_label: str, embedding: bool, placeholder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._embedding = embedding
        self._listed = False
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(placeholder)
        self.addItem(default_label, "")

    def list_models(self, services: AppServices) -> None:
        """Offer the local models of this kind, read from disk once, in the background."""
        if self._listed:
            return
        self._listed = True
        local, embedding = services.local_models, self._embedding

        def models() -> list[str]:
            return [
                m.id for m in local.list() if m.info is not None and m.info.embedding == embedding
            ]

        services.tasks.run(models, self._on_models, owner=self)

    def reference(self) -> str:
        """The choice: "" for the default, a listed model's id, or what the user typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        return str(self.itemData(index) or "") if index >= 0 else text

    def select(self, reference: str) -> None:
        """Show `reference` as the choice (typed in when it is not listed)."""
        index = self.findData(reference)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(reference)

    def _on_models(self, ids: list[str]) -> None:
        choice = self.reference()
        blocked = self.blockSignals(True)  # listing is not the user choosing
        try:
            for ident in ids:
                if self.findData(ident) < 0:
                    self.addItem(ident, ident)
            self.select(choice)
        finally:
            self.blockSignals(blocked)
