"""Capabilities: the code interpreter, web browsing and image generation.

Each is a switch with its settings and a plain statement of what it can reach; the code
interpreter's names this machine's sandbox protections (probed once, in the background).
GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import Capabilities, GptDefinition, capability_problems
from desktop.core.settings import ProviderProfile
from desktop.ui.builder.problems import split
from desktop.ui.builder.sections.base import ProblemLabel, Section, hint, set_tab_order
from desktop.ui.builder.sections.reach import code_reach, image_reach, web_reach

if TYPE_CHECKING:
    from desktop.core.tools.code_interpreter.probe import Protection
    from desktop.ui.services import AppServices

IMAGE_SIZES = ("auto", "1024x1024", "1024x1536", "1536x1024", "512x512", "256x256")
IMAGE_QUALITIES = ("standard", "hd", "low", "medium", "high", "auto")
SEARCH_KEYED = ("brave", "tavily")


def _probe() -> Protection:
    from desktop.core.tools.code_interpreter.probe import protection  # noqa: PLC0415

    return protection()


class CapabilitiesSection(Section):
    """The three capabilities, each in its own box.

    Signals:
        changed(): the user edited something.
        settings_requested(str): open settings at a section (the search key, the sandbox).
    """

    settings_requested = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._protection: Protection | None = None
        self._probing = False
        self._profiles: dict[str, ProviderProfile] = {}
        self._image_provider = ""
        self.code_box = self._build_code()
        self.web_box = self._build_web()
        self.image_box = self._build_images()
        self.warnings = ProblemLabel(self)
        layout = QVBoxLayout(self)
        for box in (self.code_box, self.web_box, self.image_box):
            layout.addWidget(box)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        set_tab_order(self.tab_chain())

    def tab_chain(self) -> list[QWidget]:
        return [
            self.code_on,
            self.code_timeout,
            self.code_memory,
            self.code_cpu,
            self.code_processes,
            self.code_file_mb,
            self.sandbox_button,
            self.web_on,
            self.search,
            self.search_url,
            self.max_results,
            self.search_key_button,
            self.image_on,
            self.image_provider,
            self.image_model,
            self.image_size,
            self.image_quality,
        ]

    # -- building ----------------------------------------------------------------------

    def _box(self, title: str, switch: str) -> tuple[QGroupBox, QCheckBox, QFormLayout, QLabel]:
        """A capability's box: its switch, what it can reach, and its settings' form.

        The settings are enabled only while the switch is on; the statement always reads.
        """
        box = QGroupBox(title, self)
        on = QCheckBox(switch, box)
        on.setAccessibleName(switch)
        on.toggled.connect(self.notify)
        reach = QLabel(box)
        reach.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        reach.setWordWrap(True)
        settings = QWidget(box)
        settings.setEnabled(False)
        on.toggled.connect(settings.setEnabled)
        form = QFormLayout(settings)
        form.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout(box)
        column.addWidget(on)
        column.addWidget(reach)
        column.addWidget(settings)
        return box, on, form, reach

    def _spin(self, low: float, high: float, name: str, decimals: int = 0) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setDecimals(decimals)
        spin.setRange(low, high)
        spin.setAccessibleName(name)
        spin.setMaximumWidth(160)
        spin.valueChanged.connect(self.notify)
        return spin

    def _build_code(self) -> QGroupBox:
        box, self.code_on, form, self.code_reach = self._box(
            self.tr("Code interpreter"), self.tr("Let the GPT run Python code")
        )
        self.code_timeout = self._spin(1, 3600, self.tr("Time limit per run, seconds"), 1)
        self.code_memory = self._spin(64, 1_048_576, self.tr("Memory limit, MB"))
        self.code_cpu = self._spin(1, 86_400, self.tr("CPU time limit, seconds"))
        self.code_processes = self._spin(1, 4096, self.tr("Most processes at once"))
        self.code_file_mb = self._spin(1, 1_048_576, self.tr("Largest file it may write, MB"))
        base = "capabilities.code_interpreter."
        for label, spin, field in (
            (self.tr("Time limit (s)"), self.code_timeout, "timeout_s"),
            (self.tr("Memory (MB)"), self.code_memory, "memory_mb"),
            (self.tr("CPU time (s)"), self.code_cpu, "cpu_s"),
            (self.tr("Processes"), self.code_processes, "max_processes"),
            (self.tr("Largest file (MB)"), self.code_file_mb, "max_file_mb"),
        ):
            form.addRow(label, self.problem_field(spin, base + field))
        self.sandbox_button = QPushButton(self.tr("Sandbox settings…"), box)
        self.sandbox_button.setAccessibleName(self.tr("Open the code sandbox settings"))
        self.sandbox_button.clicked.connect(lambda: self.settings_requested.emit("sandbox"))
        form.addRow("", self.sandbox_button)
        return box

    def _build_web(self) -> QGroupBox:
        box, self.web_on, form, self.web_reach = self._box(
            self.tr("Web browsing"), self.tr("Let the GPT read web pages and search")
        )
        self.search = QComboBox(box)
        self.search.setAccessibleName(self.tr("Search service"))
        for value, text in (
            ("none", self.tr("No search (fetch pages only)")),
            ("searxng", "SearXNG"),
            ("brave", "Brave Search"),
            ("tavily", "Tavily"),
        ):
            self.search.addItem(text, value)
        self.search.activated.connect(self.notify)
        self.search.activated.connect(lambda _i: self._show_reach())
        self.search_url = QLineEdit(box)
        self.search_url.setAccessibleName(self.tr("Search service address"))
        self.search_url.setPlaceholderText(self.tr("SearXNG: http://localhost:8888"))
        self.search_url.textEdited.connect(self.notify)
        self.max_results = QSpinBox(box)
        self.max_results.setRange(1, 20)
        self.max_results.setMaximumWidth(160)
        self.max_results.setAccessibleName(self.tr("Search results per query"))
        self.max_results.valueChanged.connect(self.notify)
        self.search_key_button = QPushButton(self.tr("Set the search key…"), box)
        self.search_key_button.setAccessibleName(self.tr("Set the search service's key"))
        self.search_key_button.clicked.connect(lambda: self.settings_requested.emit("general"))
        base = "capabilities.web_browsing."
        form.addRow(self.tr("Search"), self.problem_field(self.search, base + "search_provider"))
        form.addRow(self.tr("Address"), self.problem_field(self.search_url, base + "search_url"))
        form.addRow(self.tr("Results"), self.problem_field(self.max_results, base + "max_results"))
        form.addRow("", self.search_key_button)
        return box

    def _build_images(self) -> QGroupBox:
        box, self.image_on, form, self.image_reach = self._box(
            self.tr("Image generation"), self.tr("Let the GPT make pictures")
        )
        self.image_provider = QComboBox(box)
        self.image_provider.setAccessibleName(self.tr("Image provider"))
        self.image_provider.activated.connect(self._on_image_provider_activated)
        self.image_model = QLineEdit(box)
        self.image_model.setAccessibleName(self.tr("Image model"))
        self.image_model.setPlaceholderText(self.tr("e.g. gpt-image-1, or empty for its default"))
        self.image_model.textEdited.connect(self.notify)
        self.image_size = QComboBox(box)
        self.image_size.setEditable(True)
        self.image_size.addItems(IMAGE_SIZES)
        self.image_size.setAccessibleName(self.tr("Image size"))
        self.image_size.currentTextChanged.connect(self.notify)
        self.image_quality = QComboBox(box)
        self.image_quality.addItems(IMAGE_QUALITIES)
        self.image_quality.setAccessibleName(self.tr("Image quality"))
        self.image_quality.activated.connect(self.notify)
        base = "capabilities.image_generation."
        form.addRow(self.tr("Provider"), self.problem_field(self.image_provider, base + "provider"))
        form.addRow(self.tr("Model"), self.problem_field(self.image_model, base + "model"))
        size = QVBoxLayout()
        size.setSpacing(2)
        size.addWidget(self.problem_field(self.image_size, base + "size"))
        size.addWidget(hint(self.tr("WIDTHxHEIGHT in pixels, or auto."), box))
        form.addRow(self.tr("Size"), size)
        form.addRow(self.tr("Quality"), self.problem_field(self.image_quality, base + "quality"))
        return box

    # -- the contract ----------------------------------------------------------------

    def load(self, definition: GptDefinition) -> None:
        code = definition.capabilities.code_interpreter
        web = definition.capabilities.web_browsing
        images = definition.capabilities.image_generation
        with self.loading():
            self.code_on.setChecked(code.enabled)
            self.code_timeout.setValue(code.timeout_s)
            self.code_memory.setValue(code.memory_mb)
            self.code_cpu.setValue(code.cpu_s)
            self.code_processes.setValue(code.max_processes)
            self.code_file_mb.setValue(code.max_file_mb)
            self.web_on.setChecked(web.enabled)
            self.search.setCurrentIndex(max(self.search.findData(web.search_provider), 0))
            self.search_url.setText(web.search_url)
            self.max_results.setValue(web.max_results)
            self.image_on.setChecked(images.enabled)
            self._image_provider = images.provider
            self._fill_image_providers()
            self.image_model.setText(images.model)
            self.image_size.setCurrentText(images.size)
            self.image_quality.setCurrentText(images.quality)
        self._show_reach()
        self.show_warnings(definition.capabilities)
        self._read_profiles()
        self._probe()

    def changes(self) -> dict[str, Any]:
        return {
            "capabilities": {
                "code_interpreter": {
                    "enabled": self.code_on.isChecked(),
                    "timeout_s": self.code_timeout.value(),
                    "memory_mb": int(self.code_memory.value()),
                    "cpu_s": int(self.code_cpu.value()),
                    "max_processes": int(self.code_processes.value()),
                    "max_file_mb": int(self.code_file_mb.value()),
                },
                "web_browsing": {
                    "enabled": self.web_on.isChecked(),
                    "search_provider": self.search.currentData(),
                    "search_url": self.search_url.text().strip(),
                    "max_results": self.max_results.value(),
                },
                "image_generation": {
                    "enabled": self.image_on.isChecked(),
                    "provider": self._image_provider,
                    "model": self.image_model.text().strip(),
                    "size": self.image_size.currentText().strip(),
                    "quality": self.image_quality.currentText(),
                },
            }
        }

    # -- reach ----------------------------------------------------------------------------

    def _show_reach(self) -> None:
        self.code_reach.setText(code_reach(self._protection))
        search = str(self.search.currentData())
        self.web_reach.setText(web_reach(search))
        self.search_url.setEnabled(search != "none")
        self.search_key_button.setVisible(search in SEARCH_KEYED)
        profile = self._profiles.get(self._image_provider)
        self.image_reach.setText(
            image_reach(self._image_provider, profile.base_url if profile else "")
        )

    def show_warnings(self, capabilities: Capabilities) -> None:
        """What stops a switched-on capability from working (it is still saved)."""
        lines = [split(p)[1] for p in capability_problems(capabilities)]
        self.warnings.show_text("\n".join(lines))

    def _probe(self) -> None:
        if self._protection is not None or self._probing:
            return
        self._probing = True

        def probed(protection: Protection) -> None:
            self._probing = False
            self._protection = protection
            self._show_reach()

        self._services.tasks.run(_probe, probed, owner=self)

    # -- image providers -----------------------------------------------------------------

    def _read_profiles(self) -> None:
        def read() -> dict[str, ProviderProfile]:
            return dict(self._services.settings.load().providers)

        def show(profiles: dict[str, ProviderProfile]) -> None:
            self._profiles = profiles
            self._fill_image_providers()
            self._show_reach()

        self._services.tasks.run(read, show, owner=self)

    def _fill_image_providers(self) -> None:
        self.image_provider.clear()
        self.image_provider.addItem(self.tr("Choose a provider…"), "")
        for name in sorted(self._profiles):
            self.image_provider.addItem(name, name)
        if self._image_provider and self.image_provider.findData(self._image_provider) < 0:
            self.image_provider.addItem(
                self.tr("%1 (not set up)").replace("%1", self._image_provider),
                self._image_provider,
            )
        self.image_provider.setCurrentIndex(
            max(self.image_provider.findData(self._image_provider), 0)
        )

    def _on_image_provider_activated(self, _index: int) -> None:
        self._image_provider = str(self.image_provider.currentData() or "")
        self._show_reach()
        self.notify()
