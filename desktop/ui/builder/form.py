"""The builder form: its sections, a list to move between them, and the definition they make.

Every section follows the contract in `sections/__init__.py`. The form shows one
definition (`load`), composes the sections' changes into a new one (`compose`, which
validates), and hands the validator's problems to every section (`show_problems`), each
marking its own. GUI thread.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import GptDefinition, merge_changes, update_definition
from desktop.ui.builder.problems import belongs, split
from desktop.ui.builder.sections.actions import ActionsSection
from desktop.ui.builder.sections.base import Section, set_tab_order
from desktop.ui.builder.sections.capabilities import CapabilitiesSection
from desktop.ui.builder.sections.model import ModelSection
from desktop.ui.builder.sections.profile import ProfileSection

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

log = logging.getLogger(__name__)

SECTIONS = ("profile", "model", "knowledge", "capabilities", "actions")
# The definition's top-level fields, by the section that shows them.
FIELDS = {
    "profile": (
        "name",
        "description",
        "avatar",
        "instructions",
        "conversation_starters",
        "knowledge_protection",
    ),
    "model": ("model",),
    "knowledge": ("knowledge",),
    "capabilities": ("capabilities",),
    "actions": ("actions", "allowed_domains", "max_offered_operations"),
}


class FormSection(Protocol):
    """What the form needs of a section (see `sections/__init__.py`)."""

    changed: Any

    def load(self, definition: GptDefinition) -> None: ...

    def changes(self) -> dict[str, Any]: ...

    def show_composed(self, definition: GptDefinition) -> None:
        """Show what depends on the whole definition: the system prompt, capability warnings."""
        self.profile.show_preview(definition)
        self.capabilities.show_warnings(definition.capabilities)

    def show_problems(self, problems: list[str]) -> None: ...


def section_of(problem: str) -> str | None:
    """The section whose field a problem line is about, or None."""
    path, _reason = split(problem)
    for section, fields in FIELDS.items():
        if any(belongs(path, field) for field in fields):
            return section
    return None


class _Unavailable(Section):
    """Stands in for a section whose module is not in this build."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(text, self)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)

    def load(self, definition: GptDefinition) -> None:
        """Nothing to show."""

    def changes(self) -> dict[str, Any]:
        return {}


def knowledge_section(services: AppServices, parent: QWidget) -> QWidget:
    """The Knowledge section (its own module), or a line saying it is missing."""
    try:
        module = importlib.import_module("desktop.ui.builder.sections.knowledge")
    except ImportError as exc:
        log.warning("the knowledge section is not available: %s", exc)
        text = QCoreApplication.translate(
            "BuilderForm", "Knowledge files cannot be managed in this build of Capsule Studio."
        )
        return _Unavailable(text, parent)
    section: QWidget = module.KnowledgeSection(services)
    section.setParent(parent)
    return section


class BuilderForm(QWidget):
    """The sections of the form, one at a time, chosen from a list on the left.

    Signals:
        changed(): the user edited something in any section.
    """

    changed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base: GptDefinition | None = None
        # Made first, so that Tab reaches the list before the section it opens.
        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Parts of the form"))
        self.nav.setMaximumWidth(190)
        self.profile = ProfileSection(services, self)
        self.model = ModelSection(services, self)
        self.knowledge = knowledge_section(services, self)
        self.capabilities = CapabilitiesSection(services, self)
        self.actions = ActionsSection(services, self)
        self.sections: dict[str, QWidget] = {
            "profile": self.profile,
            "model": self.model,
            "knowledge": self.knowledge,
            "capabilities": self.capabilities,
            "actions": self.actions,
        }
        self.stack = QStackedWidget(self)
        titles = {
            "profile": self.tr("Profile and instructions"),
            "model": self.tr("Model"),
            "knowledge": self.tr("Knowledge"),
            "capabilities": self.tr("Capabilities"),
            "actions": self.tr("Actions"),
        }
        for name in SECTIONS:
            section = self.sections[name]
            QListWidgetItem(titles[name], self.nav)
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(section)
            scroll.setAccessibleName(titles[name])
            self.stack.addWidget(scroll)
            section.changed.connect(self.changed)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        chains = (s.tab_chain() for s in self.sections.values() if isinstance(s, Section))
        set_tab_order([self.nav, *(w for chain in chains for w in chain)])
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)

    def form_sections(self) -> list[FormSection]:
        return [self.sections[name] for name in SECTIONS]  # type: ignore[misc]

    # -- the definition ----------------------------------------------------------------

    def load(self, definition: GptDefinition) -> None:
        """Show `definition` in every section, and compose later edits onto it."""
        self._base = definition
        for section in self.form_sections():
            section.load(definition)
        self.show_composed(definition)
        self.show_problems([])

    def compose(self) -> GptDefinition:
        """The definition the sections show now.

        Raises:
            errors.ValidationError: with a `field.path: what` line per problem.
        """
        if self._base is None:
            raise RuntimeError("the form shows no GPT")
        changes: dict[str, Any] = {}
        for section in self.form_sections():
            changes = merge_changes(changes, section.changes())
        return update_definition(self._base, changes)

    def show_composed(self, definition: GptDefinition) -> None:
        """Show what depends on the whole definition: the system prompt, capability warnings."""
        self.profile.show_preview(definition)
        self.capabilities.show_warnings(definition.capabilities)

    def show_problems(self, problems: list[str]) -> None:
        """Mark the fields with problems, and the sections that have any in the list."""
        for section in self.form_sections():
            section.show_problems(problems)
        marked = {section_of(p) for p in problems}
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        flagged = self.tr("Has problems to fix")
        for row, name in enumerate(SECTIONS):
            item = self.nav.item(row)
            item.setIcon(warning if name in marked else QIcon())
            item.setData(
                Qt.ItemDataRole.AccessibleDescriptionRole, flagged if name in marked else ""
            )

    def show_section(self, name: str) -> None:
        if name in SECTIONS:
            self.nav.setCurrentRow(SECTIONS.index(name))

    def current_section(self) -> str:
        return SECTIONS[self.nav.currentRow()]
