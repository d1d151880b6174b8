"""The "Run again with…" dialog: the selected run's input, with other settings. GUI thread.

Opened with `open()`; the page reads `values()` and `where()` when it is accepted.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.runs.overrides import RunOverrides
from desktop.ui.playground.labels import translate
from desktop.ui.playground.settings_form import Choices, FormValues, SettingsForm


class RunAgainDialog(QDialog):
    """The settings of the repeat, and where it runs (this thread, or a copy of it)."""

    def __init__(
        self,
        choices: Choices,
        question: str,
        start: RunOverrides,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Playground", "Run again with…"))
        intro = QLabel(
            translate(
                "Playground", "The same message on the same history, with these settings:\n“%1”"
            ).replace("%1", question if len(question) < 200 else question[:200] + "…"),
            self,
        )
        intro.setWordWrap(True)
        self.form = SettingsForm(self)
        self.form.set_choices(choices)
        remote = start.provider not in (None, "local")
        model = f"{start.provider}:{start.model}" if remote else start.model or ""
        self.form.set_values(model, start)
        self.same_thread = QRadioButton(
            translate("Playground", "In this thread, beside the first run"), self
        )
        self.same_thread.setAccessibleName(translate("Playground", "Run again in this thread"))
        self.copy_thread = QRadioButton(translate("Playground", "In a copy of the thread"), self)
        self.copy_thread.setAccessibleName(
            translate("Playground", "Run again in a copy of the thread")
        )
        self.same_thread.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("Playground", "Run"))
        ok.setAccessibleName(translate("Playground", "Start the run"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.same_thread)
        layout.addWidget(self.copy_thread)
        layout.addWidget(buttons)

    def values(self) -> FormValues:
        return self.form.values()

    def where(self) -> str:
        return "same" if self.same_thread.isChecked() else "copy"
