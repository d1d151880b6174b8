"""Profile and instructions: name, description, avatar, starters, instructions, protection.

Also the live preview of the system prompt those make. GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import MAX_INSTRUCTIONS, GptDefinition
from desktop.core.knowledge.tokens import approx_tokens
from desktop.ui.builder.sections.avatar_picker import AvatarPicker
from desktop.ui.builder.sections.base import Section, heading, hint, set_tab_order
from desktop.ui.builder.sections.preview import PromptPreview
from desktop.ui.builder.sections.starters import StartersEditor

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ProfileSection(Section):
    """Who the GPT is and what it is told.

    Signals:
        changed(): the user edited something.
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("What the GPT is called"))
        self.name.textEdited.connect(self._on_name_edited)
        self.description = QLineEdit(self)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("One line on what it does, for the library"))
        self.description.textEdited.connect(self.notify)
        self.avatar = AvatarPicker(services, self)
        self.avatar.edited.connect(self.notify)
        self.starters = StartersEditor(self)
        self.starters.edited.connect(self.notify)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setAccessibleName(self.tr("Instructions"))
        self.instructions.setPlaceholderText(
            self.tr("What the GPT does, how it behaves, what it should avoid…")
        )
        self.instructions.setTabChangesFocus(True)
        self.instructions.setMinimumHeight(180)
        self.instructions.textChanged.connect(self._on_instructions_changed)
        self.instruction_counts = QLabel(self)
        self.instruction_counts.setAccessibleName(self.tr("Length of the instructions"))
        self.protection = QCheckBox(self.tr("Protect the instructions and knowledge"), self)
        self.protection.setAccessibleName(self.tr("Knowledge protection"))
        self.protection.toggled.connect(self.notify)
        self.preview = PromptPreview(self)
        self._build_layout()
        self._on_instructions_changed()
        set_tab_order(self.tab_chain())

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self.problem_field(self.name, "name"))
        form.addRow(self.tr("Description"), self.problem_field(self.description, "description"))
        form.addRow(self.tr("Avatar"), self.problem_field(self.avatar, "avatar"))
        starters = QVBoxLayout()
        starters.addWidget(self.problem_field(self.starters, "conversation_starters"))
        starters.addWidget(
            hint(self.tr("Shown as buttons when a conversation starts; drag to reorder."), self)
        )
        form.addRow(self.tr("Conversation starters"), starters)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Profile"), self))
        layout.addLayout(form)
        layout.addWidget(heading(self.tr("Instructions"), self))
        layout.addWidget(self.problem_field(self.instructions, "instructions"))
        layout.addWidget(self.instruction_counts)
        layout.addWidget(self.protection)
        layout.addWidget(
            hint(
                self.tr(
                    "When on, the GPT declines to reveal its instructions or quote its "
                    "knowledge at length, and long verbatim copies are withheld from answers."
                ),
                self,
            )
        )
        layout.addWidget(heading(self.tr("System prompt preview"), self))
        layout.addWidget(self.preview)
        layout.addStretch(1)

    def tab_chain(self) -> list[QWidget]:
        avatar, starters = self.avatar, self.starters
        return [
            self.name,
            self.description,
            avatar.emoji,
            avatar.color,
            avatar.image_button,
            avatar.clear_button,
            starters.list,
            starters.add_button,
            starters.remove_button,
            starters.up_button,
            starters.down_button,
            self.instructions,
            self.protection,
            self.preview.text,
        ]

    # -- the contract ----------------------------------------------------------------

    def load(self, definition: GptDefinition) -> None:
        with self.loading():
            self.name.setText(definition.name)
            self.description.setText(definition.description)
            self.avatar.set_value(definition.avatar, definition.name)
            self.starters.set_starters(definition.conversation_starters)
            if self.instructions.toPlainText() != definition.instructions:
                self.instructions.setPlainText(definition.instructions)
            self.protection.setChecked(definition.knowledge_protection)
        self.preview.show_definition(definition)

    def changes(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "description": self.description.text(),
            "avatar": self.avatar.value(),
            "conversation_starters": self.starters.starters(),
            "instructions": self.instructions.toPlainText(),
            "knowledge_protection": self.protection.isChecked(),
        }

    # -- for the form ------------------------------------------------------------------

    def show_preview(self, definition: GptDefinition) -> None:
        """Show the system prompt of the form's whole definition (other sections count)."""
        self.preview.show_definition(definition)

    # -- what the user does ----------------------------------------------------------------

    def _on_name_edited(self, name: str) -> None:
        self.avatar.set_name(name)
        self.notify()

    def _on_instructions_changed(self) -> None:
        text = self.instructions.toPlainText()
        line = self.tr("%1 of %2 characters · about %3 tokens (estimated)")
        self.instruction_counts.setText(
            line.replace("%1", f"{len(text):,}")
            .replace("%2", f"{MAX_INSTRUCTIONS:,}")
            .replace("%3", f"{approx_tokens(text):,}")
        )
        self.notify()
