"""The export dialog: a GPT as a capsule (password, index, signature) or as another app's JSON.

The file is written by a background task with progress and Cancel; a cancelled export
leaves no file. GUI thread.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.capsule.export import ExportOptions, ExportResult
from desktop.core.units import human_size
from desktop.ui.capsules.job import CapsuleJob, ProgressRow, dialog_buttons
from desktop.ui.errors import notice_for

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

# Format -> file suffix. "capsule" is ours; the others are JSON for other apps.
SUFFIXES = {"capsule": ".capsule", "openwebui": ".json", "openai_assistant": ".json"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_stem(name: str) -> str:
    """A GPT's name as a file name on any system."""
    return _UNSAFE.sub("-", name).strip(" .-")[:80] or "GPT"


class ExportDialog(QDialog):
    """Export one GPT.

    Signals:
        exported(str): the file written.
    """

    exported = Signal(str)

    def __init__(
        self, services: AppServices, gpt_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._gpt_id = gpt_id
        self._name = name
        self._target = Path()
        self._replace_ok: Path | None = None  # an existing file the user agreed to replace
        self.replace_box: QMessageBox | None = None
        self.job = CapsuleJob(services, self)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.setWindowTitle(self.tr("Export “%1”").replace("%1", name))
        self.setAccessibleName(self.tr("Export a GPT"))
        self.setMinimumWidth(520)
        self._build()
        self.job.progressed.connect(self.progress.report)
        self._on_format_changed()

    def _build(self) -> None:
        self.format = QComboBox(self)
        self.format.addItem(self.tr("Capsule (.capsule), with its knowledge"), "capsule")
        self.format.addItem(self.tr("Open WebUI model (JSON)"), "openwebui")
        self.format.addItem(self.tr("OpenAI Assistant (JSON)"), "openai_assistant")
        self.format.setAccessibleName(self.tr("Format"))
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.target = QLineEdit(self)
        self.target.setAccessibleName(self.tr("File to write"))
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.target.setText(str(Path(folder) / (file_stem(self._name) + ".capsule")))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.setAccessibleName(self.tr("Choose where to save"))
        self.browse.clicked.connect(self._on_browse_requested)
        where = QHBoxLayout()
        where.addWidget(self.target, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        save_to = QLabel(self.tr("&Save to:"), self)
        save_to.setBuddy(self.target)  # the row holds a layout: its label finds no buddy
        form.addRow(save_to, where)
        self.options = self._capsule_options()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Export message"))
        self.progress = ProgressRow(self.tr("Export progress"), self)
        self.buttons, self.export_button, self.cancel_button = dialog_buttons(
            self, self.tr("Export"), (self.tr("Export the GPT"), self.tr("Cancel the export"))
        )
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self._on_cancel_requested)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.options)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._show_progress(False)
        self.setTabOrder(self.format, self.target)
        self.setTabOrder(self.target, self.browse)
        self.setTabOrder(self.browse, self.password)

    def _capsule_options(self) -> QGroupBox:
        box = QGroupBox(self.tr("Capsule options"), self)
        self.password = QLineEdit(box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Leave empty for no password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.textChanged.connect(self._on_password_changed)
        self.repeat = QLineEdit(box)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.public_header = QCheckBox(
            self.tr("Keep the name and description readable without the password"), box
        )
        self.public_header.setChecked(True)
        self.public_header.setAccessibleName(self.tr("Readable header"))
        self.include_index = QCheckBox(
            self.tr("Include the built index (larger file; no indexing again on import)"), box
        )
        self.include_index.setAccessibleName(self.tr("Include the index"))
        self.sign = QCheckBox(self.tr("Sign it with my key"), box)
        self.sign.setAccessibleName(self.tr("Sign the capsule"))
        self.author = QLineEdit(box)
        self.author.setPlaceholderText(self.tr("Shown to whoever imports it"))
        self.author.setAccessibleName(self.tr("Author"))
        form = QFormLayout(box)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        form.addRow("", self.public_header)
        form.addRow("", self.include_index)
        form.addRow("", self.sign)
        form.addRow(self.tr("&Author:"), self.author)
        self._on_password_changed()
        return box

    # -- what the user does ----------------------------------------------------------------

    def export(self) -> None:
        """Check the form, then write the file in the background."""
        if self.job.busy:
            return
        kind = str(self.format.currentData())
        text = self.target.text().strip()
        if not text:
            self._say(self.tr("Choose where to save the file."))
            return
        target = Path(text).expanduser()
        if target.exists() and target != self._replace_ok:
            self._ask_replace(target)
            return
        if kind == "capsule" and self.password.text() != self.repeat.text():
            self._say(self.tr("The two passwords differ. Type the same password twice."))
            self.repeat.setFocus()
            return
        self._say("")
        self._show_progress(True)
        self._target = target
        capsules = self._services.capsules
        if kind == "capsule":
            options = self._export_options()
            gpt_id = self._gpt_id
            self.job.start(
                lambda report, cancel: capsules.export(gpt_id, target, options, report, cancel)
            )
        else:
            self.job.start(lambda _report, _cancel: capsules.export_as(self._gpt_id, target, kind))

    def _export_options(self) -> ExportOptions:
        password = self.password.text() or None
        return ExportOptions(
            password=password,
            include_index=self.include_index.isChecked(),
            sign=self.sign.isChecked(),
            author=self.author.text().strip(),
            public_header=self.public_header.isChecked() or password is None,
        )

    def _on_browse_requested(self) -> None:
        kind = str(self.format.currentData())
        chooser = QFileDialog(self, self.tr("Save the GPT as"), self.target.text())
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix(SUFFIXES[kind].lstrip("."))
        chooser.setNameFilter(
            self.tr("Capsules (*.capsule)") if kind == "capsule" else self.tr("JSON (*.json)")
        )
        chooser.fileSelected.connect(self._on_file_chosen)
        chooser.open()

    def _on_file_chosen(self, path: str) -> None:
        self._replace_ok = Path(path)  # the file chooser has asked about replacing it
        self.target.setText(path)

    def _ask_replace(self, target: Path) -> None:
        """A file typed in that exists is replaced only when the user says so."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace the file?"),
            self.tr("%1 already exists. Replace it with this export?").replace("%1", str(target)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName(self.tr("Replace the file?"))

        def answered() -> None:
            if box.clickedButton() is replace:
                self._replace_ok = target
                self.export()

        box.finished.connect(answered)
        box.open()
        self.replace_box = box  # for tests

    def _on_cancel_requested(self) -> None:
        if self.job.busy:
            self.job.cancel()
        else:
            self.reject()

    def _on_format_changed(self) -> None:
        kind = str(self.format.currentData())
        self.options.setVisible(kind == "capsule")
        text = self.target.text().strip()
        if text:
            self.target.setText(str(Path(text).with_suffix(SUFFIXES[kind])))

    def _on_password_changed(self) -> None:
        has = bool(self.password.text())
        self.repeat.setEnabled(has)
        self.public_header.setEnabled(has)

    # -- how it goes -----------------------------------------------------------------------

    def _on_finished(self, result: ExportResult | list[str]) -> None:
        self._show_progress(False)
        if isinstance(result, ExportResult):
            lines = [
                self.tr("Saved %1 (%2).")
                .replace("%1", str(result.path))
                .replace("%2", human_size(result.size))
            ]
            if result.fingerprint:
                lines.append(self.tr("Signed with %1.").replace("%1", result.fingerprint))
            notes = result.warnings
        else:
            lines = [self.tr("Saved %1.").replace("%1", str(self._target))]
            notes = result
        if notes:
            lines.append(self.tr("Left out or changed:"))
            lines += [f"• {note}" for note in notes]
        self._say("\n".join(lines))
        self.export_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))
        self.exported.emit(str(self._target))

    def _on_failed(self, error: Exception) -> None:
        self._show_progress(False)
        self._say(notice_for(error).text())

    def _on_cancelled(self) -> None:
        self._show_progress(False)
        self._say(self.tr("Export cancelled; no file was written."))

    def _show_progress(self, running: bool) -> None:
        if running:
            self.progress.begin()
        else:
            self.progress.hide()
        for widget in (self.format, self.target, self.browse, self.options, self.export_button):
            widget.setEnabled(not running)

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
