"""The import dialog: inspect a file first, ask what it needs, then import it with progress.

The file is inspected in the background (nothing is written); an encrypted capsule asks
for its password, and a wrong password, a changed file or an unsafe one each say so in
place. The user confirms, the import runs as a background task with Cancel, and the new
GPT's id is announced. GUI thread.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core import errors
from desktop.core.capsule.inspect import CapsuleInfo
from desktop.core.capsule.install import ImportOptions, ImportResult
from desktop.ui.capsules.inspect_view import InspectView
from desktop.ui.capsules.job import CapsuleJob, ProgressRow, dialog_buttons
from desktop.ui.capsules.words import secret_text
from desktop.ui.errors import core_text, notice_for
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.ui.services import AppServices


class ImportDialog(QDialog):
    """Inspect `path`, then import it once the user confirms.

    Signals:
        inspected(CapsuleInfo): what the file holds is on screen.
        refused(str): the file cannot be imported; the reason is on screen.
        imported(str): the new GPT's id.
    """

    inspected = Signal(object)
    refused = Signal(str)
    imported = Signal(str)

    def __init__(self, services: AppServices, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.path = path
        self.info: CapsuleInfo | None = None
        self.job = CapsuleJob(services, self)
        self.job.finished.connect(self._on_imported)
        self.job.failed.connect(self._on_import_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(self.tr("Import “%1”").replace("%1", path.name))
        self.setAccessibleName(self.tr("Import a GPT"))
        self.resize(620, 640)
        self._build()
        self.job.progressed.connect(self.progress.report)

    def _build(self) -> None:
        self.status = QLabel(self.tr("Reading %1…").replace("%1", self.path.name), self)
        self.status.setWordWrap(True)
        self.view = InspectView(self)
        self.view.hide()
        self.view.trust_requested.connect(self._on_trust_requested)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        scroll.setAccessibleName(self.tr("What the file holds"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("The password the capsule was exported with"))
        self.password.setAccessibleName(self.tr("Capsule password"))
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setAccessibleName(self.tr("Unlock the capsule"))
        self.unlock_button.clicked.connect(self.unlock)
        self.password_row = QWidget(self)
        row = QHBoxLayout(self.password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Password:"), self.password_row))
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        self.password_row.hide()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {PROBLEM_COLOR.name()};")
        self.problem.setAccessibleName(self.tr("Why it cannot be imported"))
        self.problem.hide()
        self.done_note = QLabel(self)
        self.done_note.setWordWrap(True)
        self.done_note.setAccessibleName(self.tr("What the import says"))
        self.done_note.hide()
        self.progress = ProgressRow(self.tr("Import progress"), self)
        self.buttons, self.import_button, self.cancel_button = dialog_buttons(
            self, self.tr("Import"), (self.tr("Import the GPT"), self.tr("Cancel the import"))
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_)
        self.cancel_button.clicked.connect(self._on_cancel_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.password_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.done_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._show_progress(False)

    # -- inspecting --------------------------------------------------------------------------

    def inspect(self, password: str | None = None) -> None:
        """Read the file in the background (with `password` for an encrypted payload)."""
        self.import_button.setEnabled(False)
        self.unlock_button.setEnabled(False)
        capsules, path = self._services.capsules, self.path
        self._services.tasks.run(
            lambda: capsules.inspect(path, password),
            self._on_inspected,
            self._on_inspect_failed,
            owner=self,
        )

    def unlock(self) -> None:
        if self.password.text():
            self.inspect(self.password.text())

    def _on_inspected(self, info: CapsuleInfo) -> None:
        self.info = info
        self.unlock_button.setEnabled(True)
        self.status.hide()
        self.view.show_info(info)
        self.view.show()
        bad = info.signature is not None and info.signature.state == "bad"
        self.password_row.setVisible(info.locked and not bad)
        if bad:
            self._refuse(self.tr("It was changed after it was signed, so it is not imported."))
        elif info.locked:
            self._say_problem("")
            self.password.setFocus()
        else:
            self.password_row.setVisible(False)
            self._say_problem("")
            self.import_button.setEnabled(True)
            self.import_button.setFocus()
        self.inspected.emit(info)

    def _on_inspect_failed(self, error: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.status.hide()
        if isinstance(error, errors.WrongPasswordError):
            self.password_row.show()
            self._say_problem(self.tr("Wrong password. Check it and try again."))
            self.password.selectAll()
            self.password.setFocus()
            return
        if isinstance(error, errors.CapsuleTamperedError):
            self.password_row.hide()
            self._refuse(
                self.tr(
                    "This file was changed after it was exported (damaged or tampered with), "
                    "so it is not imported. Ask its author for a fresh copy."
                )
                + "\n"
                + core_text(error.message)
            )
            return
        self.password_row.hide()
        self._refuse(notice_for(error).text())

    def _on_trust_requested(self, fingerprint: str, name: str) -> None:
        signing = self._services.capsules.signing

        def trusted(_: object) -> None:
            if self.info is not None and self.info.signature is not None:
                self.info.signature = replace(self.info.signature, trusted_as=name)
                self.view.show_signature(self.info.signature, self.info)

        self._services.tasks.run(lambda: signing.trust(fingerprint, name), trusted, owner=self)

    # -- importing ---------------------------------------------------------------------------

    def import_(self) -> None:
        """Import with what the user chose; the GPT appears at once, or not at all."""
        if self.info is None or self.info.locked or self.job.busy:
            return
        options = ImportOptions(
            password=self.password.text() or None,
            replace=self.view.replaces(),
            secrets=self.view.secret_answers(),
        )
        capsules, path = self._services.capsules, self.path
        self._show_progress(True)
        self.job.start(lambda report, cancel: capsules.import_(path, options, report, cancel))

    def _on_imported(self, result: ImportResult) -> None:
        self._show_progress(False)
        self.imported.emit(result.gpt_id)
        notes = [core_text(warning) for warning in result.warnings]
        if result.secrets_missing:
            keys = ", ".join(secret_text(need).rstrip(":：") for need in result.secrets_missing)
            notes.append(self.tr("Keys still to set, in the GPT's builder: %1").replace("%1", keys))
        if not notes:
            self.accept()
            return
        # It is in the library already; what the user should know stays on screen until read.
        self.import_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))
        self.view.setEnabled(False)
        self.done_note.setText(
            "\n".join(
                [self.tr("Imported “%1”. Worth knowing:").replace("%1", result.name)]
                + [f"• {note}" for note in notes]
            )
        )
        self.done_note.show()

    def _on_import_failed(self, error: Exception) -> None:
        self._show_progress(False)
        if isinstance(error, errors.WrongPasswordError):
            self._say_problem(self.tr("Wrong password. Check it and try again."))
            self.password_row.show()
            return
        self._refuse(notice_for(error).text())

    def _on_cancelled(self) -> None:
        self._show_progress(False)
        self._say_problem(self.tr("Import cancelled; nothing was added."))

    def _on_cancel_requested(self) -> None:
        if self.job.busy:
            self.job.cancel()
        elif self.done_note.isVisible():
            self.accept()  # imported: this button is Close now
        else:
            self.reject()

    # -- helpers -----------------------------------------------------------------------------

    def _refuse(self, text: str) -> None:
        self.import_button.setEnabled(False)
        self._say_problem(text)
        self.refused.emit(text)

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _show_progress(self, running: bool) -> None:
        if running:
            self.progress.begin()
        else:
            self.progress.hide()
        self.import_button.setEnabled(not running and self.info is not None)
        self.view.setEnabled(not running)
        self.password_row.setEnabled(not running)
