"""Model names from other apps mapped to a choice here: a provider profile, or a local model.

`gpt-4o` goes to the user's OpenAI profile when they have one; `llama3.1:8b` to their
Ollama profile, or to a local GGUF of that name; otherwise the GPT uses a local model the
user picks. Every mapping says what it did. Pure; any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.capsule.note import Note
from desktop.core.providers.presets import PRESETS
from desktop.core.settings import Settings

# A model name's start -> the preset of the service that serves it.
_VENDORS = (
    (re.compile(r"^(gpt-|o\d|chatgpt|dall-e|text-embedding)"), "openai"),
    (re.compile(r"^deepseek"), "deepseek"),
    (re.compile(r"^(moonshot|kimi)"), "moonshot"),
    (re.compile(r"^glm"), "zhipu"),
    (re.compile(r"^qwen"), "qwen"),
)


@dataclass(frozen=True)
class ModelChooser:
    """What this machine offers: provider profiles (name -> preset) and local model ids."""

    profiles: dict[str, str] = field(default_factory=dict)
    local: tuple[str, ...] = ()

    @classmethod
    def of(cls, settings: Settings, local_ids: list[str]) -> ModelChooser:
        return cls({n: p.preset for n, p in settings.providers.items()}, tuple(local_ids))

    def choose(self, name: str, vendor: str, notes: list[Note]) -> dict[str, str]:
        """Model settings (`provider`, `model`) for `name`, with a note saying how."""
        name = name.strip()
        if not name:
            notes.append(Note("model_none", {}, "No model was named: choose one for this GPT."))
            return {"provider": "local", "model": ""}
        bare = name.split("/", 1)[1] if "/" in name and not vendor else name
        vendor = vendor or _vendor(bare)
        for profile, preset in sorted(self.profiles.items()):
            if vendor in (preset, profile):
                notes.append(
                    Note(
                        "model_profile",
                        {"model": name, "profile": profile},
                        f"The model {name} is used through your profile '{profile}'.",
                    )
                )
                return {"provider": profile, "model": bare}
        local = self._local(bare)
        if local:
            notes.append(
                Note(
                    "model_local",
                    {"model": name, "local": local},
                    f"The model {name} became the local model '{local}'; check it fits.",
                )
            )
            return {"provider": "local", "model": local}
        label = PRESETS[vendor].label if vendor in PRESETS else vendor
        served = f" ({label})" if label else ""
        notes.append(
            Note(
                "model_missing",
                {"model": name, "service": label},
                f"The model {name}{served} has no provider profile or file on this machine; the "
                "GPT uses a local model: choose one (or add a provider profile and switch to it).",
            )
        )
        return {"provider": "local", "model": ""}

    def _local(self, name: str) -> str:
        wanted = _letters(name)
        if len(wanted) < 4:
            return ""
        for ident in self.local:
            if _letters(ident).startswith(wanted):
                return ident
        return ""


def _vendor(name: str) -> str:
    lowered = name.lower()
    if ":" in lowered:  # Ollama's name:tag
        return "ollama"
    for pattern, vendor in _VENDORS:
        if pattern.match(lowered):
            return vendor
    return ""


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())
