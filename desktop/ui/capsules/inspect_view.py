"""What a file to import holds, enables and needs, as the import dialog shows it. GUI thread.

Reads a `CapsuleInfo` (built by core on a worker thread): the header, the signature with
"Trust this fingerprint", the contents and sizes, what the GPT would enable and the hosts
it reaches, what an importer from another app dropped or changed, a field for each secret
its model or actions need, and whether to replace a GPT with the same id.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.avatar import parse_avatar
from desktop.core.capsule.inspect import CapsuleInfo
from desktop.core.capsule.review import SecretNeed
from desktop.core.capsule.signing import SignatureStatus
from desktop.core.units import human_size
from desktop.ui.capsules.note_words import format_text, note_text
from desktop.ui.capsules.words import (
    detail_text,
    enabled_text,
    kind_text,
    secret_text,
    signature_text,
)
from desktop.ui.widgets import avatar_pixmap

_ICON_SIZE = 48


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


class InspectView(QWidget):
    """Shows one `CapsuleInfo`; collects the secrets and the replace choice.

    Signals:
        trust_requested(str, str): trust this fingerprint under this name.
    """

    trust_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secrets: dict[str, QLineEdit] = {}
        self._signature: SignatureStatus | None = None
        self.icon = QLabel(self)
        self.icon.setFixedSize(_ICON_SIZE, _ICON_SIZE)
        self.name = _label(self, self.tr("Name"))
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.byline = _label(self, self.tr("Author and format"))
        self.description = _label(self, self.tr("Description"))
        self.signature = _label(self, self.tr("Signature"))
        self.trust_button = QPushButton(self.tr("Trust this fingerprint"), self)
        self.trust_button.setAccessibleName(self.tr("Trust this fingerprint"))
        self.trust_button.clicked.connect(self._on_trust_clicked)
        self.details = QWidget(self)
        self._build_details()
        head = QVBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.byline)
        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(head, 1)
        signed = QHBoxLayout()
        signed.addWidget(self.signature, 1)
        signed.addWidget(self.trust_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.description)
        layout.addLayout(signed)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)  # takes the room while the details are hidden (locked)

    def _build_details(self) -> None:
        self.contents = QTreeWidget(self.details)
        self.contents.setHeaderLabels(
            [self.tr("Kind"), self.tr("Name"), self.tr("Size"), self.tr("Detail")]
        )
        self.contents.setRootIsDecorated(False)
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.contents.setMinimumHeight(110)
        self.enables_box = QGroupBox(self.tr("What it would enable"), self.details)
        self.enables = _label(self.enables_box, self.tr("What it would enable"))
        QVBoxLayout(self.enables_box).addWidget(self.enables)
        self.warnings_box = QGroupBox(self.tr("Dropped or changed on the way"), self.details)
        self.warnings = _label(self.warnings_box, self.tr("Dropped or changed on the way"))
        QVBoxLayout(self.warnings_box).addWidget(self.warnings)
        self.secrets_box = QGroupBox(self.tr("Keys it needs"), self.details)
        self.secrets_form = QFormLayout(self.secrets_box)
        note = _label(self.secrets_box, self.tr("About keys"))
        note.setText(
            self.tr(
                "A capsule never carries keys. Enter your own; they go to your system's "
                "keyring. Leave a field empty to set it later."
            )
        )
        self.secrets_form.addRow(note)
        self.replace = QCheckBox(self.details)
        self.replace.setAccessibleName(self.tr("Replace the GPT with the same id"))
        layout = QVBoxLayout(self.details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.contents, 1)
        layout.addWidget(self.enables_box)
        layout.addWidget(self.warnings_box)
        layout.addWidget(self.secrets_box)
        layout.addWidget(self.replace)
        layout.addStretch(0)  # the room the contents leave when there are none

    # -- filling in ------------------------------------------------------------------------

    def show_info(self, info: CapsuleInfo) -> None:
        """Show what is known; the details only once the payload could be read."""
        header = info.header
        name = header.name if header else info.path.name
        self.icon.setPixmap(avatar_pixmap(parse_avatar(header.icon if header else "", name), 48))
        self.name.setText(name)
        self.byline.setText(self._byline(info))
        self.description.setText(header.description if header else "")
        self.description.setVisible(bool(header and header.description))
        self.show_signature(info.signature if info.source == "capsule" else None, info)
        self.details.setVisible(not info.locked and info.definition is not None)
        if info.locked or info.definition is None:
            return
        self._fill_contents(info)
        enables = [enabled_text(e) for e in info.enables]
        hosts = [h for h in info.hosts if h]
        if hosts:
            enables.append(self.tr("Reaches: %1").replace("%1", ", ".join(hosts)))
        self.enables.setText(_bullets(enables) or self.tr("Nothing beyond answering."))
        notes = [note_text(n) for n in info.warnings]
        if info.wanted_files:
            notes.append(
                self.tr("Names files it does not hold (add them to its knowledge): %1").replace(
                    "%1", ", ".join(info.wanted_files)
                )
            )
        self.warnings.setText(_bullets(notes))
        self.warnings_box.setVisible(bool(notes))
        self._fill_secrets(info.secrets)
        self.replace.setText(
            self.tr(
                "Replace the GPT “%1” that has the same id (its versions stay in history)"
            ).replace("%1", name)
        )
        self.replace.setVisible(info.id_taken)

    def _byline(self, info: CapsuleInfo) -> str:
        parts = []
        header = info.header
        if header and header.author:
            by = self.tr("by %1").replace("%1", header.author)
            parts.append(f"{by} ({header.author_url})" if header.author_url else by)
        if info.source == "capsule":
            kind = self.tr("Capsule")
            if info.encrypted:
                kind = self.tr("Encrypted capsule")
        else:
            kind = self.tr("From another app: %1").replace(
                "%1", format_text(info.source, info.label)
            )
        parts.append(kind)
        parts.append(human_size(info.size))
        return " · ".join(parts)

    def show_signature(self, status: SignatureStatus | None, info: CapsuleInfo) -> None:
        self._signature = status
        self.signature.setVisible(info.source == "capsule")
        self.signature.setText(signature_text(status))
        good = status is not None and status.state == "signed"
        self.trust_button.setVisible(good and status is not None and status.trusted_as is None)

    def _fill_contents(self, info: CapsuleInfo) -> None:
        self.contents.clear()
        for item in info.contents:
            row = QTreeWidgetItem(
                [kind_text(item.kind), item.name, human_size(item.size), detail_text(item)]
            )
            row.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.contents.addTopLevelItem(row)
        for column in (0, 2):
            self.contents.resizeColumnToContents(column)
        # Another app's file brings only its definition: no empty table to fill the dialog.
        self.contents.setVisible(bool(info.contents))

    def _fill_secrets(self, needs: list[SecretNeed]) -> None:
        while self.secrets_form.rowCount() > 1:
            self.secrets_form.removeRow(1)
        self._secrets = {}
        for need in needs:
            field = QLineEdit(self.secrets_box)
            field.setEchoMode(QLineEdit.EchoMode.Password)
            label = secret_text(need)
            field.setAccessibleName(label)
            if need.already_set:
                field.setPlaceholderText(self.tr("Already set here; leave empty to keep it"))
            self.secrets_form.addRow(self.tr("%1:").replace("%1", label), field)
            self._secrets[need.key] = field
        self.secrets_box.setVisible(bool(needs))

    # -- what the user chose ---------------------------------------------------------------

    def secret_answers(self) -> dict[str, str]:
        """The secrets typed in, by `SecretNeed.key` (empty fields left out)."""
        return {key: f.text() for key, f in self._secrets.items() if f.text().strip()}

    def secret_field(self, key: str) -> QLineEdit:
        return self._secrets[key]

    def replaces(self) -> bool:
        return not self.replace.isHidden() and self.replace.isChecked()

    def _on_trust_clicked(self) -> None:
        status = self._signature
        if status is not None:
            self.trust_requested.emit(status.fingerprint, status.signer or status.fingerprint)
