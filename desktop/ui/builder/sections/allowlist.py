"""The consent allowlist: hosts this GPT's actions call without asking, each with "Forget".

GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class AllowList(QWidget):
    """One row per allowed host, with a button that forgets it.

    Signals:
        forgotten(str): the user forgot a host (it will be asked about again).
    """

    forgotten = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hosts: list[str] = []
        self._buttons: list[QPushButton] = []
        self.setAccessibleName(self.tr("Hosts allowed without asking"))
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(
            self.tr(
                "No hosts yet. The first call to a host asks you; "
                "'always allow' puts the host here."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addLayout(self.rows)

    def hosts(self) -> list[str]:
        return list(self._hosts)

    def buttons(self) -> list[QPushButton]:
        """The "Forget" buttons, host by host."""
        return list(self._buttons)

    def set_hosts(self, hosts: list[str]) -> None:
        self._hosts = list(hosts)
        self._buttons = []
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for host in self._hosts:
            self.rows.addWidget(self._row(host))
        self.empty.setVisible(not self._hosts)

    def forget(self, host: str) -> None:
        """Forget `host` (as its button does)."""
        if host in self._hosts:
            self.set_hosts([h for h in self._hosts if h != host])
            self.forgotten.emit(host)

    def _row(self, host: str) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(host, row)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        button = QPushButton(self.tr("Forget"), row)
        self._buttons.append(button)
        button.setAccessibleName(
            self.tr("Forget %1: ask again before calling it").replace("%1", host)
        )
        button.clicked.connect(lambda: self.forget(host))
        line.addWidget(label, 1)
        line.addWidget(button)
        return row
