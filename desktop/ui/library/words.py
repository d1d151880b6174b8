"""How the library words a GPT's model and readiness, in the GUI's language (GUI thread)."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QCoreApplication

from desktop.core.gpt import GptDefinition
from desktop.core.readiness import Problem, Readiness
from desktop.core.store.records import Gpt
from desktop.ui.errors import Notice

# lupdate finds the texts by this name and their literal context.
translate = QCoreApplication.translate


def model_label(definition: GptDefinition) -> str:
    """The model a GPT answers with, short: an id, a file name, or `profile · model`."""
    model = definition.model
    reference = model.model.strip()
    if model.provider != "local":
        return f"{model.provider} · {reference}" if reference else model.provider
    if not reference:
        return translate("Library", "No model chosen")
    return PurePath(reference).name if ("/" in reference or "\\" in reference) else reference


def status(readiness: Readiness | None) -> str:
    """A few words on whether the GPT can answer now."""
    if readiness is None:
        return translate("Library", "Checking…")
    texts = {
        None: translate("Library", "Ready"),
        Problem.NO_MODEL: translate("Library", "Choose a model"),  # the line above says none
        Problem.MODEL_MISSING: translate("Library", "Model missing"),
        Problem.MODEL_UNUSABLE: translate("Library", "Model unusable"),
        Problem.NO_PROFILE: translate("Library", "Provider not set up"),
        Problem.KEY_MISSING: translate("Library", "API key not set"),
    }
    return texts[readiness.problem]


def explanation(readiness: Readiness) -> str:
    """A sentence on what is missing and what to do ('' when the GPT is ready)."""
    subject = readiness.subject
    if readiness.problem is None:
        return ""
    if readiness.problem == Problem.NO_MODEL:
        return translate("Library", "Choose a model for this GPT in its builder.")
    if readiness.problem == Problem.MODEL_MISSING:
        return translate(
            "Library",
            "The model “%1” is not in the model folders: download or import it, or choose "
            "another model.",
        ).replace("%1", subject)
    if readiness.problem == Problem.MODEL_UNUSABLE:
        return (
            translate("Library", "The model file “%1” cannot be used.").replace("%1", subject)
            + " "
            + readiness.detail
        ).strip()
    if readiness.problem == Problem.NO_PROFILE:
        return translate(
            "Library", "There is no provider called “%1”: add it in Settings."
        ).replace("%1", subject)
    return translate("Library", "The provider “%1” needs an API key: set it in Settings.").replace(
        "%1", subject
    )


def fix_label(readiness: Readiness | None) -> str:
    """The label of the action that fixes the problem ('' when there is none)."""
    if readiness is None or readiness.action is None:
        return ""
    return Notice("", "", readiness.action).action_label


def row_description(gpt: Gpt, readiness: Readiness | None) -> str:
    """Name, model and readiness in one line, for tool tips and screen readers."""
    parts = [gpt.name, model_label(gpt.definition), status(readiness)]
    if readiness is not None and readiness.problem is not None:
        parts.append(explanation(readiness))
    return " — ".join(parts)
