"""A run's own settings: model, GPT version, instructions, temperature, tools, truncation.

Every field starts at "the GPT's": only what the user changes becomes an override. The
same form sits in the playground and in the "Run again with…" dialog. GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.core import errors
from desktop.core.models.shelf import ModelShelf
from desktop.core.runs.overrides import RunOverrides
from desktop.ui.playground.labels import number_text, translate

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

_UNSET_TEMPERATURE = -0.1


@dataclass
class Choices:
    """What the form offers, read from the GPT and the machine on a worker."""

    gpt_model: str = ""
    gpt_temperature: float = 0.7
    gpt_manual: bool = False
    models: list[str] = field(default_factory=list)
    versions: list[tuple[int, str]] = field(default_factory=list)  # (version, note), newest first
    tools: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FormValues:
    """The model the user named ('' keeps the GPT's) and the other overrides, as data."""

    model: str
    overrides: dict[str, Any]


def read_choices(services: AppServices, gpt_id: str) -> Choices:
    """What the form offers for a GPT: its versions, its tools, the local models (worker)."""
    gpt = services.store.gpts.get(gpt_id)
    model = gpt.definition.model
    try:
        tools = services.engine.tool_names(gpt_id)
    except errors.CapsuleError:
        tools = []  # an action document that no longer parses: a run will say so
    return Choices(
        gpt_model=model.model,
        gpt_temperature=model.temperature,
        gpt_manual=gpt.definition.manual_tool_outputs,
        models=[m.id for m in services.models.list() if m.problem is None],
        versions=[(v.version, v.note) for v in reversed(services.store.gpts.versions(gpt_id))],
        tools=tools,
    )


def overrides_of(values: FormValues, models: ModelShelf) -> RunOverrides:
    """The form's values as a run's overrides, the model named checked (worker).

    Raises:
        errors.ValidationError, errors.ModelError: said for the user.
    """
    data = dict(values.overrides)
    if values.model:
        data["provider"], data["model"] = models.choose(values.model)
    return RunOverrides.parse(data)


class SettingsForm(QWidget):
    """The overrides of one run, each defaulting to the GPT's setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = Choices()
        self.model = QComboBox(self)
        self.model.setEditable(True)
        self.model.setAccessibleName(translate("Playground", "Model for this run"))
        self.model.setToolTip(
            translate("Playground", "A local model, or a provider's model as profile:model")
        )
        self.version = QComboBox(self)
        self.version.setAccessibleName(translate("Playground", "GPT version for this run"))
        self.temperature = QDoubleSpinBox(self)
        self.temperature.setRange(_UNSET_TEMPERATURE, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(2)
        self.temperature.setAccessibleName(translate("Playground", "Temperature for this run"))
        self.tool_choice = QComboBox(self)
        self.tool_choice.setAccessibleName(translate("Playground", "Tool choice for this run"))
        self.truncation = QComboBox(self)
        self.truncation.setAccessibleName(translate("Playground", "Truncation for this run"))
        for text, data in (
            (translate("Playground", "GPT's setting"), None),
            (translate("Playground", "Auto"), "auto"),
            (translate("Playground", "Last messages"), "last_messages"),
        ):
            self.truncation.addItem(text, data)
        self.last_messages = QSpinBox(self)
        self.last_messages.setRange(1, 10_000)
        self.last_messages.setValue(10)
        self.last_messages.setAccessibleName(translate("Playground", "How many messages to keep"))
        self.truncation.currentIndexChanged.connect(self._on_truncation_changed)
        self.manual = QCheckBox(translate("Playground", "Answer tool calls by hand"), self)
        self.manual.setAccessibleName(
            translate("Playground", "Answer tool calls by hand in this run")
        )
        self.instructions = QPlainTextEdit(self)
        self.instructions.setPlaceholderText(
            translate("Playground", "Added to the GPT's instructions for this run")
        )
        self.instructions.setAccessibleName(translate("Playground", "Additional instructions"))
        self.instructions.setMaximumHeight(56)
        truncation = QHBoxLayout()
        truncation.addWidget(self.truncation, 1)
        truncation.addWidget(self.last_messages)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("Playground", "Model"), self.model)
        form.addRow(translate("Playground", "Version"), self.version)
        form.addRow(translate("Playground", "Temperature"), self.temperature)
        form.addRow(translate("Playground", "Tool choice"), self.tool_choice)
        form.addRow(translate("Playground", "Truncation"), truncation)
        form.addRow(translate("Playground", "Instructions"), self.instructions)
        form.addRow(self.manual)
        self.set_choices(self.choices)
        chain = (
            self.model,
            self.version,
            self.temperature,
            self.tool_choice,
            self.truncation,
            self.last_messages,
            self.instructions,
            self.manual,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._on_truncation_changed()

    def set_choices(self, choices: Choices) -> None:
        """Offer what the GPT and the machine have; every field back to the GPT's."""
        self.choices = choices
        self.model.clear()
        gpt_model = choices.gpt_model or translate("Playground", "none chosen")
        self.model.addItem(translate("Playground", "GPT's model (%1)").replace("%1", gpt_model), "")
        for name in choices.models:
            self.model.addItem(name, name)
        self.model.lineEdit().setCursorPosition(0)  # show the start of a long name
        self.version.clear()
        for number, note in choices.versions:
            label = translate("Playground", "v%1").replace("%1", str(number)) + (
                f" · {note}" if note else ""
            )
            self.version.addItem(label, number)
        if choices.versions:
            self.version.setItemText(
                0,
                translate("Playground", "Current (v%1)").replace("%1", str(choices.versions[0][0])),
            )
            self.version.setItemData(0, None)
        else:
            self.version.addItem(translate("Playground", "Current"), None)
        self.temperature.setSpecialValueText(
            translate("Playground", "GPT's (%1)").replace(
                "%1", number_text(choices.gpt_temperature)
            )
        )
        self.temperature.setValue(_UNSET_TEMPERATURE)
        self.tool_choice.clear()
        for text, data in (
            (translate("Playground", "GPT's (auto)"), None),
            (translate("Playground", "auto: the model decides"), "auto"),
            (translate("Playground", "none: no tools"), "none"),
            (translate("Playground", "required: must call a tool"), "required"),
        ):
            self.tool_choice.addItem(text, data)
        for name in choices.tools:
            self.tool_choice.addItem(translate("Playground", "only %1").replace("%1", name), name)
        self.truncation.setCurrentIndex(0)
        self.manual.setChecked(choices.gpt_manual)
        self.instructions.clear()

    def values(self) -> FormValues:
        """What the user set, as the model named and the overrides' JSON form."""
        overrides: dict[str, Any] = {}
        if self.version.currentData() is not None:
            overrides["gpt_version"] = self.version.currentData()
        if self.temperature.value() > _UNSET_TEMPERATURE + 1e-9:
            overrides["temperature"] = round(self.temperature.value(), 2)
        if self.tool_choice.currentData() is not None:
            overrides["tool_choice"] = self.tool_choice.currentData()
        truncation = self.truncation.currentData()
        if truncation == "auto":
            overrides["truncation"] = {"type": "auto"}
        elif truncation == "last_messages":
            overrides["truncation"] = {
                "type": "last_messages",
                "last_messages": self.last_messages.value(),
            }
        if self.manual.isChecked() != self.choices.gpt_manual:
            overrides["manual_tool_outputs"] = self.manual.isChecked()
        extra = self.instructions.toPlainText().strip()
        if extra:
            overrides["additional_instructions"] = extra
        return FormValues(self._model_reference(), overrides)

    def set_values(self, model: str, overrides: RunOverrides) -> None:
        """Fill the form from a run's settings ("Run again with…" starts from them)."""
        if model:
            self.model.setEditText(model)
        if overrides.gpt_version is not None:
            found = self.version.findData(overrides.gpt_version)
            self.version.setCurrentIndex(max(found, 0))
        if overrides.temperature is not None:
            self.temperature.setValue(overrides.temperature)
        if overrides.tool_choice is not None:
            self.tool_choice.setCurrentIndex(
                max(self.tool_choice.findData(overrides.tool_choice), 0)
            )
        if overrides.truncation is not None:
            self.truncation.setCurrentIndex(self.truncation.findData(overrides.truncation.type))
            if overrides.truncation.last_messages:
                self.last_messages.setValue(overrides.truncation.last_messages)
        if overrides.manual_tool_outputs is not None:
            self.manual.setChecked(overrides.manual_tool_outputs)
        self.instructions.setPlainText(overrides.additional_instructions)

    def _model_reference(self) -> str:
        text = self.model.currentText().strip()
        if self.model.currentIndex() == 0 and text == self.model.itemText(0):
            return ""
        index = self.model.findText(text)
        return str(self.model.itemData(index)) if index > 0 else text

    def _on_truncation_changed(self) -> None:
        self.last_messages.setEnabled(self.truncation.currentData() == "last_messages")
