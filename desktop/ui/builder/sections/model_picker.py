"""The model picker: where the model runs (this computer, or a provider profile) and which one.

Local models come with their GGUF metadata and a memory estimate against free RAM and,
where the llama.cpp build offloads, free video memory; a provider's models are asked of
it. Every read runs through the app's tasks. GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from desktop.core import errors
from desktop.core.models.fit import ModelFit, file_fit
from desktop.core.providers.llama.build import build_info
from desktop.core.providers.local import LocalModel
from desktop.core.settings import ProviderProfile
from desktop.core.units import human_count, human_size
from desktop.ui.errors import notice_for
from desktop.ui.widgets import PROBLEM_COLOR

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

LOCAL = "local"
# How long the picker waits after the last change of context or layers to estimate again.
_FIT_DELAY_MS = 250


@dataclass(frozen=True)
class Choices:
    """What can be picked: the local models and the provider profiles."""

    local: list[LocalModel]
    profiles: dict[str, ProviderProfile]


def read_choices(services: AppServices) -> Choices:
    """The local models and profiles (worker thread: reads the disk)."""
    return Choices(services.models.list(), dict(services.settings.load().providers))


class ModelPicker(QWidget):
    """A source (this computer or a profile) and a model from it, with what it needs.

    Signals:
        picked(): the user chose another source or model.
    """

    picked = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._choices = Choices([], {})
        self._listed = False  # whether the local models and profiles were read yet
        self._remote: dict[str, list[str]] = {}
        self._provider = LOCAL
        self._model = ""
        self._fit_for: tuple[object, ...] = ()
        self._build: dict[str, object] | None = None
        self._typed: QWidget | None = None  # the line edit whose typing is listened to
        self.context: int | None = None
        self.gpu_layers: int | Literal["auto"] = "auto"
        self.source = QComboBox(self)
        self.source.setAccessibleName(self.tr("Where the model runs"))
        self.source.activated.connect(self._on_source_activated)
        self.model = QComboBox(self)
        self.model.setAccessibleName(self.tr("Model"))
        self.model.setMinimumWidth(280)
        self.model.activated.connect(self._on_model_activated)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Look for models again"))
        self.refresh_button.clicked.connect(lambda _checked=False: self.reload(providers=True))
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("About the model"))
        self.memory = QLabel(self)
        self.memory.setTextFormat(Qt.TextFormat.PlainText)  # names from documents, models, users
        self.memory.setWordWrap(True)
        self.memory.setAccessibleName(self.tr("Memory the model needs"))
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(_FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self._estimate)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.source, 0, 0)
        grid.addWidget(self.model, 0, 1)
        grid.addWidget(self.refresh_button, 0, 2)
        grid.addWidget(self.details, 1, 0, 1, 3)
        grid.addWidget(self.memory, 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self._fill_sources()

    # -- the value ---------------------------------------------------------------------

    def value(self) -> tuple[str, str]:
        """(provider, model): "local" or a profile's name, and the model's id."""
        if self._provider != LOCAL and self.model.isEditable():
            return self._provider, self.model.currentText().strip()
        return self._provider, self._model

    def set_value(self, provider: str, model: str) -> None:
        """Show `provider` and `model` (not an edit)."""
        self._provider = provider or LOCAL
        self._model = model
        self._fill_sources()
        self._fill_models()
        self.reload(providers=False)  # a file may have come or gone since

    def set_sizing(self, context: int | None, gpu_layers: int | Literal["auto"]) -> None:
        """The context size and GPU layers the estimate is for."""
        self.context = context
        self.gpu_layers = gpu_layers
        self._fit_timer.start()

    # -- lists -------------------------------------------------------------------------

    def reload(self, providers: bool = True) -> None:
        """Read the local models and the profiles again; `providers`: ask them again too."""
        if providers:
            self._remote.clear()
            self._build = None
        self._services.tasks.run(lambda: read_choices(self._services), self._on_choices, owner=self)

    def _on_choices(self, choices: Choices) -> None:
        self._listed = True
        self._choices = choices
        self._fill_sources()
        self._fill_models()

    def _fill_sources(self) -> None:
        self.source.clear()
        self.source.addItem(self.tr("This computer (llama.cpp)"), LOCAL)
        for name in sorted(self._choices.profiles):
            self.source.addItem(self.tr("Provider: %1").replace("%1", name), name)
        if self.source.findData(self._provider) < 0:
            missing = self.tr("%1 (not set up)").replace("%1", self._provider)
            self.source.addItem(missing, self._provider)
        self.source.setCurrentIndex(self.source.findData(self._provider))

    def _fill_models(self) -> None:
        self.model.clear()
        if self._provider == LOCAL:
            self.model.setEditable(False)
            self._fill_local()
        else:
            self.model.setEditable(True)
            line = self.model.lineEdit()
            line.setPlaceholderText(self.tr("The model's id at the provider"))
            if line is not self._typed:
                line.textEdited.connect(self._on_model_typed)
                self._typed = line
            self._fill_remote()
        self._show_details()

    def _fill_local(self) -> None:
        self.model.addItem(self.tr("Choose a model…"), "")
        for local in self._choices.local:
            label = local.id if local.info else self.tr("%1 (unusable)").replace("%1", local.id)
            self.model.addItem(label, local.id)
            if local.info is None:
                item = self.model.model().item(self.model.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(local.problem or "")
        index = self.model.findData(self._model)
        if index < 0 and self._model:
            label = self.tr("%1 (not found)") if self._listed else "%1"
            self.model.addItem(label.replace("%1", self._model), self._model)
            index = self.model.count() - 1
        self.model.setCurrentIndex(max(index, 0))

    def _fill_remote(self) -> None:
        listed = self._remote.get(self._provider)
        for model_id in listed or []:
            self.model.addItem(model_id, model_id)
        if self._model and self.model.findData(self._model) < 0:
            self.model.addItem(self._model, self._model)
        self.model.setCurrentIndex(max(self.model.findData(self._model), 0))
        self.model.setEditText(self._model)
        if listed is None and self._provider in self._choices.profiles:
            self._list_remote(self._provider)

    def _list_remote(self, profile: str) -> None:
        def ask() -> list[str]:
            from desktop.core.providers.openai_compat import list_models  # noqa: PLC0415

            return list_models(self._services.endpoints(profile))

        def listed(ids: list[str]) -> None:
            self._remote[profile] = ids
            if self._provider == profile:
                self._fill_models()

        def failed(exc: Exception) -> None:
            self._remote[profile] = []
            notice = notice_for(exc)
            text = self.tr("Could not list the provider's models (%1). Type the model's id.")
            self.details.setText(text.replace("%1", notice.headline))

        self.details.setText(self.tr("Asking the provider for its models…"))
        self._services.tasks.run(ask, listed, failed, owner=self)

    # -- what the user does ----------------------------------------------------------------

    def _on_source_activated(self, _index: int) -> None:
        provider = str(self.source.currentData())
        if provider == self._provider:
            return
        self._provider = provider
        self._model = ""
        self._fill_models()
        self.picked.emit()

    def _on_model_activated(self, _index: int) -> None:
        self._model = str(self.model.currentData() or self.model.currentText()).strip()
        self._show_details()
        self.picked.emit()

    def _on_model_typed(self, text: str) -> None:
        self._model = text.strip()
        self.picked.emit()

    def select_local(self, model_id: str) -> None:
        """Pick a local model by id, as the user would."""
        self.source.setCurrentIndex(self.source.findData(LOCAL))
        self._on_source_activated(self.source.currentIndex())
        self.model.setCurrentIndex(self.model.findData(model_id))
        self._on_model_activated(self.model.currentIndex())

    # -- what is shown -----------------------------------------------------------------

    def _local(self) -> LocalModel | None:
        return next((m for m in self._choices.local if m.id == self._model), None)

    def _show_details(self) -> None:
        self.memory.setText("")
        if self._provider != LOCAL:
            profile = self._choices.profiles.get(self._provider)
            self.details.setText(
                self.tr("Runs at %1; what you send goes to that service.").replace(
                    "%1", profile.base_url
                )
                if profile
                else self.tr("This provider is not set up: add it in Settings.")
            )
            return
        local = self._local()
        if not self._listed:
            self.details.setText(self.tr("Looking for the models on this computer…"))
            return
        if local is None or local.info is None:
            self.details.setText(
                self.tr("No model chosen: pick one of the GGUF files on this computer.")
                if not self._model
                else self.tr("This model is not among the local models.")
            )
            return
        info = local.info
        kind = self.tr("chat") if info.chat_template else self.tr("no chat template")
        text = self.tr("%1 · %2 · %3 parameters · trained context %4 · %5 on disk · %6")
        self.details.setText(
            text.replace("%1", info.architecture)
            .replace("%2", info.quantization)
            .replace("%3", human_count(info.parameter_count))
            .replace("%4", f"{info.context_length:,}" if info.context_length else "?")
            .replace("%5", human_size(info.file_size))
            .replace("%6", kind)
        )
        self.memory.setText(self.tr("Estimating the memory it needs…"))
        self._fit_timer.start()

    def _estimate(self) -> None:
        local = self._local()
        if self._provider != LOCAL or local is None or local.info is None:
            return
        info = local.info
        key = (info.path, self.context, self.gpu_layers)
        self._fit_for = key
        cache = self._services.paths.cache
        known = self._build

        def work() -> tuple[ModelFit, dict[str, object] | None]:
            build: dict[str, object] | None = known
            if build is None:
                try:
                    build = build_info(cache)
                    if build.get("gpu_offload"):  # the cached free VRAM is from another day
                        build = build_info(cache, fresh=True)
                except errors.CapsuleError:
                    build = None  # the estimate still holds for RAM
            return file_fit(info, build or {}, key[1], key[2]), build

        def done(result: tuple[ModelFit, dict[str, object] | None]) -> None:
            fit, build = result
            self._build = build
            if self._fit_for == key:
                self._show_fit(fit, build is not None)

        def failed(exc: Exception) -> None:
            if self._fit_for == key:
                self.memory.setText(notice_for(exc).text())

        self._services.tasks.run(work, done, failed, owner=self)

    def _show_fit(self, fit: ModelFit, knows_build: bool) -> None:
        memory = fit.memory
        ram = self.tr(
            "About %1 at %2 tokens of context (weights %3, KV cache %4); %5 of %6 RAM is free."
        )
        lines = [
            ram.replace("%1", human_size(memory.total))
            .replace("%2", f"{memory.context:,}")
            .replace("%3", human_size(memory.weights))
            .replace("%4", human_size(memory.kv_cache))
            .replace("%5", human_size(memory.ram_available))
            .replace("%6", human_size(memory.ram_total))
        ]
        if fit.gpus:
            gpu = self.tr("GPU (%1): %2 of %3 layers, about %4 of %5 free video memory.")
            lines.append(
                gpu.replace("%1", ", ".join(g.description or g.name for g in fit.gpus))
                .replace("%2", str(fit.offloaded))
                .replace("%3", str(fit.layers))
                .replace("%4", human_size(fit.vram_needed))
                .replace("%5", human_size(fit.vram_free))
            )
        elif knows_build:
            lines.append(
                self.tr("This llama.cpp build has no GPU offload: it all runs on the CPU.")
            )
        if not fit.fits_ram:
            lines.append(self.tr("Not enough free RAM: choose a smaller model or context."))
        if not fit.fits_vram:
            lines.append(self.tr("Not enough free video memory: lower the GPU layers."))
        problem = not fit.fits_ram or not fit.fits_vram
        self.memory.setStyleSheet(f"color: {PROBLEM_COLOR.name()};" if problem else "")
        self.memory.setText("\n".join(lines))
