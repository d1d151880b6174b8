"""Model: which model answers, and how it samples, each setting with a line on what it does.

GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.gpt import GptDefinition
from desktop.ui.builder.sections.base import Section, heading, hint, set_tab_order
from desktop.ui.builder.sections.model_picker import ModelPicker

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

AUTO_LAYERS = -2  # the spin box's value for "auto"
ALL_LAYERS = -1


class LayersSpin(QSpinBox):
    """GPU layers: Auto, All, or a number."""

    def textFromValue(self, value: int) -> str:
        if value == AUTO_LAYERS:
            return self.tr("Auto")
        if value == ALL_LAYERS:
            return self.tr("All")
        return super().textFromValue(value)

    def valueFromText(self, text: str) -> int:
        if text.strip().lower() in (self.tr("Auto").lower(), "auto"):
            return AUTO_LAYERS
        if text.strip().lower() in (self.tr("All").lower(), "all"):
            return ALL_LAYERS
        return super().valueFromText(text)

    def validate(self, text: str, pos: int) -> object:
        typed = text.strip().lower()
        words = {self.tr("Auto").lower(), self.tr("All").lower(), "auto", "all"}
        if typed in words:
            return (QValidator.State.Acceptable, text, pos)
        if typed and any(word.startswith(typed) for word in words):
            return (QValidator.State.Intermediate, text, pos)
        return super().validate(text, pos)


class ModelSection(Section):
    """The model and its sampling settings.

    Signals:
        changed(): the user edited something.
    """

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = ModelPicker(services, self)
        self.picker.picked.connect(self.notify)
        self.temperature = QDoubleSpinBox(self)
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.05)
        self.temperature.setAccessibleName(self.tr("Temperature"))
        self.top_p = QDoubleSpinBox(self)
        self.top_p.setRange(0.0, 1.0)
        self.top_p.setSingleStep(0.05)
        self.top_p.setAccessibleName(self.tr("Top-p"))
        self.max_tokens = QSpinBox(self)
        self.max_tokens.setRange(0, 1_000_000)
        self.max_tokens.setSingleStep(256)
        self.max_tokens.setSpecialValueText(self.tr("No limit"))
        self.max_tokens.setAccessibleName(self.tr("Maximum tokens per answer"))
        self.context = QSpinBox(self)
        self.context.setRange(0, 1_048_576)
        self.context.setSingleStep(1024)
        self.context.setSpecialValueText(self.tr("Default"))
        self.context.setAccessibleName(self.tr("Context size"))
        self.gpu_layers = LayersSpin(self)
        self.gpu_layers.setRange(AUTO_LAYERS, 10_000)
        self.gpu_layers.setAccessibleName(self.tr("GPU layers"))
        for spin in (self.temperature, self.top_p):
            spin.valueChanged.connect(self.notify)
        for spin in (self.max_tokens, self.context, self.gpu_layers):
            spin.valueChanged.connect(self._on_sizing_changed)
        self._build_layout()
        set_tab_order(self.tab_chain())

    def tab_chain(self) -> list[QWidget]:
        picker = self.picker
        return [
            picker.source,
            picker.model,
            picker.refresh_button,
            self.temperature,
            self.top_p,
            self.max_tokens,
            self.context,
            self.gpu_layers,
        ]

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            (
                self.tr("Temperature"),
                self.temperature,
                "model.temperature",
                self.tr("Higher gives more varied answers, lower more predictable ones."),
            ),
            (
                self.tr("Top-p"),
                self.top_p,
                "model.top_p",
                self.tr("Samples only from the likeliest words that add up to this share."),
            ),
            (
                self.tr("Max tokens"),
                self.max_tokens,
                "model.max_tokens",
                self.tr("The longest answer, in tokens; a runaway model stops there."),
            ),
            (
                self.tr("Context size"),
                self.context,
                "model.context_size",
                self.tr(
                    "How many tokens the model sees at once; more remembers more and uses "
                    "more memory. Default: 4,096 on this computer, the provider's otherwise."
                ),
            ),
            (
                self.tr("GPU layers"),
                self.gpu_layers,
                "model.gpu_layers",
                self.tr(
                    "How many layers run on the GPU; Auto puts all of them there when "
                    "llama.cpp can use a GPU, none otherwise."
                ),
            ),
        ]
        for label, widget, path, explanation in rows:
            widget.setMaximumWidth(200)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.problem_field(widget, path))
            column.addWidget(hint(explanation, self))
            form.addRow(label, column)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Model"), self))
        layout.addWidget(self.problem_field(self.picker, "model.provider", "model.model"))
        layout.addWidget(heading(self.tr("Sampling and memory"), self))
        layout.addLayout(form)
        layout.addStretch(1)

    # -- the contract ----------------------------------------------------------------

    def load(self, definition: GptDefinition) -> None:
        settings = definition.model
        with self.loading():
            self.temperature.setValue(settings.temperature)
            self.top_p.setValue(settings.top_p)
            self.max_tokens.setValue(settings.max_tokens or 0)
            self.context.setValue(settings.context_size or 0)
            layers = settings.gpu_layers
            self.gpu_layers.setValue(AUTO_LAYERS if layers == "auto" else int(layers))
            self.picker.set_value(settings.provider, settings.model)
            self.picker.set_sizing(settings.context_size, settings.gpu_layers)

    def changes(self) -> dict[str, Any]:
        provider, model = self.picker.value()
        return {
            "model": {
                "provider": provider,
                "model": model,
                "temperature": round(self.temperature.value(), 2),
                "top_p": round(self.top_p.value(), 2),
                "max_tokens": self.max_tokens.value() or None,
                "context_size": self.context.value() or None,
                "gpu_layers": self._layers(),
            }
        }

    # -- for the page -------------------------------------------------------------------

    def reload_models(self) -> None:
        """The local models or the providers changed: read them again."""
        self.picker.reload()

    # -- what the user does ------------------------------------------------------------

    def _layers(self) -> int | Literal["auto"]:
        value = self.gpu_layers.value()
        return "auto" if value == AUTO_LAYERS else value

    def _on_sizing_changed(self, *_args: object) -> None:
        self.picker.set_sizing(self.context.value() or None, self._layers())
        self.notify()
