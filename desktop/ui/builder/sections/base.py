"""What the builder's own sections share: the `changed` signal, quiet loading, inline problems.

A section built on `Section` wraps each field with `problem_field(widget, path)`: the
validator's problems about `path` then show under that field, in red, and the field is
outlined and described to screen readers. GUI thread.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.core.gpt import GptDefinition
from desktop.ui.builder.problems import belongs, reason_text, split
from desktop.ui.widgets import PROBLEM_COLOR


class ProblemLabel(QLabel):
    """The line under a field that says what is wrong with it (hidden when nothing is)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class _Field:
    def __init__(self, widget: QWidget, paths: tuple[str, ...], label: ProblemLabel) -> None:
        self.widget = widget
        self.paths = paths
        self.label = label
        self.description = widget.accessibleDescription()


class Section(QWidget):
    """One part of the form (see `sections/__init__.py` for the contract).

    Signals:
        changed(): the user edited something.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = 0
        self._fields: list[_Field] = []

    # -- the contract ----------------------------------------------------------------

    def load(self, definition: GptDefinition) -> None:
        """Show `definition`'s fields of this section (each section gives its own)."""
        raise NotImplementedError  # an abstract hook: every Section subclass defines it

    def changes(self) -> dict[str, Any]:
        """The section's fields as a partial definition (each section gives its own)."""
        raise NotImplementedError  # an abstract hook: every Section subclass defines it

    def show_problems(self, problems: list[str]) -> None:
        """Mark each wrapped field with its problems; clear the others."""
        parsed = [split(p) for p in problems]
        for field in self._fields:
            reasons = [
                reason_text(reason)
                for path, reason in parsed
                if any(belongs(path, prefix) for prefix in field.paths)
            ]
            text = "\n".join(dict.fromkeys(reasons))
            if text == field.label.text():
                continue  # restyling every field on every check would cost for nothing
            field.label.show_text(text)
            _outline(field.widget, bool(text))
            field.widget.setAccessibleDescription(text or field.description)

    def tab_chain(self) -> Sequence[QWidget]:
        """The section's controls in reading order: the order Tab visits them."""
        return ()

    def problem_texts(self) -> list[str]:
        """The problems shown now, field by field (for tests and screen readers)."""
        return [f.label.text() for f in self._fields if f.label.isVisibleTo(self)]

    # -- for subclasses ----------------------------------------------------------------

    def problem_field(self, widget: QWidget, *paths: str) -> QWidget:
        """`widget` with a problem line under it, for the problems about `paths`."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        label = ProblemLabel(box)
        column.addWidget(label)
        self._fields.append(_Field(widget, paths, label))
        return box

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """Show a definition without telling the form that the user changed something."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    def notify(self, *_args: object) -> None:
        """The user edited something (a slot for any widget's change signal)."""
        if not self._loading:
            self.changed.emit()


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab moves through `widgets` in this order (the form's reading order)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def _outline(widget: QWidget, on: bool) -> None:
    """Outline a field in the problem colour (or take the outline away)."""
    name = widget.metaObject().className()
    widget.setStyleSheet(f"{name} {{ border: 1px solid {PROBLEM_COLOR.name()}; }}" if on else "")


def hint(text: str, parent: QWidget) -> QLabel:
    """A one-line explanation under a field, in a muted colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    palette = label.palette()
    color = palette.color(label.foregroundRole())
    color.setAlpha(170)
    palette.setColor(label.foregroundRole(), color)
    label.setPalette(palette)
    return label


def heading(text: str, parent: QWidget) -> QLabel:
    """A bold title over a group of fields."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
