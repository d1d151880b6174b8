"""Settings › Code sandbox: what protects this machine when a GPT runs code.

The sandbox is probed once in the background (a short subprocess sets up what a kernel
would get). Where nothing keeps the code from the user's files, the code interpreter is
off unless the user allows it here, after reading what that means (core setting
`allow_unisolated_code`). GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QStyle, QWidget

from desktop.ui.settings import wording
from desktop.ui.settings.section import Section
from desktop.ui.widgets import ERROR_COLORS, Banner

if TYPE_CHECKING:
    from desktop.core.tools.code_interpreter.probe import Protection
    from desktop.ui.services import AppServices


def probe_sandbox() -> Protection:
    # Imported when asked: the probe module pulls in the sandbox's launcher.
    from desktop.core.tools.code_interpreter import protection  # noqa: PLC0415

    return protection()


class SandboxSection(Section):
    """The sandbox's protections here, and the choice to run code without isolation.

    Signals:
        probed(object): the `Protection` this machine gives, shown.
        unisolated_saved(bool): the "allow unisolated code" choice was saved.
    """

    probed = Signal(object)
    unisolated_saved = Signal(bool)

    def __init__(
        self,
        services: AppServices,
        probe: Callable[[], Protection] = probe_sandbox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._probe = probe
        self._asked = False
        self.protection: Protection | None = None
        layout = self.column
        intro = QLabel(
            self.tr(
                "Code a GPT runs goes to a Python session of its own, with time, memory, "
                "CPU, process and file-size limits on every run. On this machine:"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.lines = QLabel(self.tr("Checking what the sandbox gets here…"), self)
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines.setAccessibleName(self.tr("The sandbox's protections"))
        layout.addWidget(self.lines)
        self.warning = Banner(ERROR_COLORS, QStyle.StandardPixmap.SP_MessageBoxWarning, self)
        layout.addWidget(self.warning)
        self.allow = QCheckBox(
            self.tr("Run GPTs' code here anyway, without isolation from my files"), self
        )
        self.allow.setAccessibleName(self.tr("Allow code without isolation"))
        self.allow.hide()
        self.allow.toggled.connect(self._on_allow_toggled)
        layout.addWidget(self.allow)
        layout.addStretch(1)

    def load(self) -> None:
        """Probe the sandbox once, and read the choice (background)."""
        if self._asked:
            return
        self._asked = True
        probe, settings = self._probe, self._services.settings
        self._services.tasks.run(
            lambda: (probe(), settings.load().allow_unisolated_code),
            self._on_probed,
            self._on_probe_failed,
            owner=self,
        )

    def _on_probed(self, found: tuple[Protection, bool]) -> None:
        protection, allowed = found
        self.protection = protection
        lines = wording.protection_lines(protection)
        self.lines.setText("\n".join(f"• {line}" for line in lines))
        if protection.isolated:
            self.warning.set_text("")
            self.allow.hide()
        else:
            self.warning.set_text(
                "<b>"
                + html.escape(self.tr("Nothing isolates code from your files here."))
                + "</b><br>"
                + html.escape(wording.unisolated_warning())
            )
            self.allow.blockSignals(True)
            self.allow.setChecked(allowed)
            self.allow.blockSignals(False)
            self.allow.show()
        self.probed.emit(protection)

    def _on_probe_failed(self, error: Exception) -> None:
        self._asked = False
        self.lines.setText(self.tr("The sandbox could not be checked."))
        self.show_error(error)

    def _on_allow_toggled(self, allowed: bool) -> None:
        settings = self._services.settings
        self._services.tasks.run(
            lambda: settings.update(lambda s: setattr(s, "allow_unisolated_code", allowed)),
            lambda _settings: self.unisolated_saved.emit(allowed),
            self.show_error,
            owner=self,
        )
