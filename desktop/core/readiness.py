"""Whether a GPT can answer now: its model is there, and its provider's key is set.

Checked without loading anything or calling any service: a local model's file is found
(and its header reads), a remote GPT's provider profile exists and has its key. The key
counts as set when the app stored it (settings list the names of stored secrets): reading
the keyring itself could pop up an unlock prompt for every GPT at start. A run still finds
a key that was removed from the keyring behind the app's back, and says so.

Core says what is missing as data (`Problem`, the thing it is about, and the `UserAction`
that fixes it); each front end words it. Reads the disk: call it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PureWindowsPath

from desktop.core import errors
from desktop.core.errors import Do, UserAction
from desktop.core.gpt import GptDefinition
from desktop.core.providers.local import LocalModel, LocalModels
from desktop.core.providers.presets import PRESETS
from desktop.core.settings import Settings, SettingsFile


class Problem(StrEnum):
    """The first thing that stops a GPT from answering."""

    NO_MODEL = "no_model"  # no model chosen
    MODEL_MISSING = "model_missing"  # the local model's file is not in the model folders
    MODEL_UNUSABLE = "model_unusable"  # the file is there but is not a usable GGUF
    NO_PROFILE = "no_profile"  # the provider profile it names does not exist
    KEY_MISSING = "key_missing"  # the provider needs an API key and none is stored


@dataclass(frozen=True)
class Readiness:
    """One GPT's readiness.

    `subject` is what the problem is about (a model id or path, a profile name);
    `detail` is the model file's own problem, in core's words, for `MODEL_UNUSABLE`.
    """

    model_present: bool
    key_set: bool
    problem: Problem | None = None
    subject: str = ""
    detail: str = ""
    action: UserAction | None = None

    @property
    def ready(self) -> bool:
        return self.problem is None


def _looks_like_path(reference: str) -> bool:
    return (
        reference.lower().endswith(".gguf")
        or "/" in reference
        or "\\" in reference
        or bool(PureWindowsPath(reference).drive)
    )


def check_readiness(
    definition: GptDefinition,
    models: Sequence[LocalModel],
    settings: Settings,
    gpt_id: str = "",
) -> Readiness:
    """Whether `definition` can answer, given the local `models` and the `settings`."""
    model = definition.model
    choose = errors.do(Do.CHOOSE_MODEL, gpt_id=gpt_id)
    if model.provider != "local":
        return _remote(model.provider, model.model, settings, choose)
    reference = model.model.strip()
    if not reference:
        return Readiness(False, True, Problem.NO_MODEL, action=choose)
    if _looks_like_path(reference):
        present = Path(reference).expanduser().is_file()
        problem = None if present else Problem.MODEL_MISSING
        return Readiness(present, True, problem, reference, action=None if present else choose)
    for local in models:
        if local.id == reference.lower():
            if local.info is None:
                return Readiness(
                    True, True, Problem.MODEL_UNUSABLE, local.id, local.problem or "", choose
                )
            return Readiness(True, True)
    return Readiness(False, True, Problem.MODEL_MISSING, reference, action=choose)


def _remote(profile: str, model_id: str, settings: Settings, choose: UserAction) -> Readiness:
    found = settings.providers.get(profile)
    if found is None:
        return Readiness(
            False,
            False,
            Problem.NO_PROFILE,
            profile,
            action=errors.do(Do.ADD_PROVIDER, profile=profile),
        )
    preset = PRESETS.get(found.preset)
    if found.api_key_secret:
        key_set = found.api_key_secret in settings.secret_names
    else:
        key_set = preset is None or not preset.needs_key
    has_model = bool(model_id.strip())
    if not key_set:
        return Readiness(
            has_model,
            False,
            Problem.KEY_MISSING,
            profile,
            action=errors.do(Do.SET_PROVIDER_KEY, profile=profile),
        )
    if not has_model:
        return Readiness(False, True, Problem.NO_MODEL, profile, action=choose)
    return Readiness(True, True)


class ReadinessCheck:
    """Checks many GPTs at once: the model folders and settings are read once per call."""

    def __init__(self, local_models: LocalModels, settings: SettingsFile) -> None:
        self._local_models = local_models
        self._settings = settings

    def __call__(self, gpts: Iterable[tuple[str, GptDefinition]]) -> dict[str, Readiness]:
        """Readiness by GPT id, for `(id, definition)` pairs. Any thread; reads the disk."""
        models = self._local_models.list()
        settings = self._settings.load()
        return {
            gpt_id: check_readiness(definition, models, settings, gpt_id)
            for gpt_id, definition in gpts
        }
