"""What one run changes from its GPT (a playground run), and where a repeated run comes from.

`RunOverrides` is recorded on the run (`run.metadata["overrides"]`) and applied to the
GPT's definition each time the run is driven, so a run that pauses and resumes keeps its
settings; the GPT itself never changes. Pure data, used on any thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from desktop.core import errors
from desktop.core.gpt import MAX_INSTRUCTIONS, GptDefinition, TruncationStrategy
from desktop.core.store.records import Run

ToolChoiceMode = Literal["auto", "none", "required"]


class RunOverrides(BaseModel):
    """A run's own settings; None (or empty) keeps the GPT's.

    `tool_choice` is auto, none, required, or a tool's name (that tool, on the first call).
    `additional_instructions` are appended to the system prompt of this run only.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    gpt_version: int | None = Field(default=None, ge=1)
    provider: str | None = Field(default=None, min_length=1, max_length=64)
    model: str | None = Field(default=None, max_length=4096)
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    additional_instructions: str = Field(default="", max_length=MAX_INSTRUCTIONS)
    tool_choice: str | None = Field(default=None, min_length=1, max_length=256)
    truncation: TruncationStrategy | None = None
    manual_tool_outputs: bool | None = None

    @field_validator("additional_instructions")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    @classmethod
    def parse(cls, data: dict[str, Any]) -> RunOverrides:
        """Overrides from their JSON form (a run's metadata, a form's values).

        Raises:
            errors.ValidationError: a value is out of range or unknown, said in words.
        """
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = [
                f"{'.'.join(str(p) for p in e['loc']) or 'overrides'}: {e['msg']}"
                for e in exc.errors()
            ]
            raise errors.ValidationError(
                errors.said(
                    "These run settings are not valid: {problems}", problems="; ".join(problems)
                ),
                problems,
            ) from None

    @classmethod
    def of(cls, run: Run) -> RunOverrides:
        """The overrides a run recorded (none for a run started without any)."""
        return cls.parse(run.metadata.get("overrides") or {})

    def to_dict(self) -> dict[str, Any]:
        """Only what is overridden, JSON-ready (what the run records)."""
        return self.model_dump(mode="json", exclude_defaults=True)

    @property
    def empty(self) -> bool:
        return not self.to_dict()

    def apply(self, definition: GptDefinition) -> GptDefinition:
        """The definition this run uses: the GPT's, with these settings in place."""
        model: dict[str, Any] = {}
        if self.provider is not None:
            model["provider"] = self.provider
        if self.model is not None:
            model["model"] = self.model
        if self.temperature is not None:
            model["temperature"] = self.temperature
        if self.truncation is not None:
            model["truncation"] = self.truncation
        update: dict[str, Any] = {}
        if model:
            update["model"] = definition.model.model_copy(update=model)
        if self.manual_tool_outputs is not None:
            update["manual_tool_outputs"] = self.manual_tool_outputs
        return definition.model_copy(update=update) if update else definition

    def instructions(self, system: str) -> str:
        """The run's system prompt: the GPT's, then the additional instructions."""
        extra = self.additional_instructions
        return f"{system}\n\n{extra}" if system and extra else system or extra

    def choice(self, default: str | dict[str, Any]) -> str | dict[str, Any]:
        """The run's tool_choice in the API's form (a named tool as a function choice)."""
        if self.tool_choice is None:
            return default
        if self.tool_choice in ("auto", "none", "required"):
            return self.tool_choice
        return {"type": "function", "function": {"name": self.tool_choice}}

    def check_tools(self, names: list[str]) -> None:
        """Refuse a named tool_choice the run does not have.

        Raises:
            errors.ValidationError: naming the tools it could use instead.
        """
        wanted = self.tool_choice
        if wanted is None or wanted in ("auto", "none", "required") or wanted in names:
            return
        if names:
            message = errors.said(
                "This GPT has no tool named '{wanted}'; choose one of its tools ({known}), "
                "or auto, none or required.",
                wanted=wanted,
                known=", ".join(sorted(names)),
            )
        else:
            message = errors.said(
                "This GPT has no tool named '{wanted}'; choose one of its tools (none), "
                "or auto, none or required.",
                wanted=wanted,
            )
        raise errors.ValidationError(message)


@dataclass(frozen=True)
class Origin:
    """Where a repeated run comes from: the run it repeats, and the history it saw.

    `history_before` is the thread position (a message's seq) the repeat's history stops
    at, so a repeat in the same thread sees what the first run saw, not its answer.
    """

    again_of: str
    history_before: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"again_of": self.again_of}
        if self.history_before is not None:
            data["history_before"] = self.history_before
        return data


def run_metadata(overrides: RunOverrides | None, origin: Origin | None) -> dict[str, Any]:
    """What a new run records about its settings and its origin."""
    data: dict[str, Any] = {}
    if overrides is not None and not overrides.empty:
        data["overrides"] = overrides.to_dict()
    if origin is not None:
        data.update(origin.to_dict())
    return data
