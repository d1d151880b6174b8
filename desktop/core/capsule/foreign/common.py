"""What every importer from another app returns, and the helpers they share.

Readers validate the fields they use with lenient pydantic models (unknown fields are
ignored: these apps add fields often), so a malformed file gets one line per problem.
Pure functions; any thread.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError

from desktop.core import errors
from desktop.core.avatar import MAX_IMAGE_BYTES, color_for, emoji_avatar, image_kind
from desktop.core.capsule.note import Note
from desktop.core.gpt import MAX_DESCRIPTION, MAX_NAME, MAX_STARTER_LEN, MAX_STARTERS, problems_of

Model = TypeVar("Model", bound=BaseModel)
# An action's secret before the GPT has an id: the installer names it after the GPT.
UNNAMED_SECRET = "unnamed"


class Lenient(BaseModel):
    """Fields a reader uses; everything else in the file is ignored."""

    model_config = ConfigDict(extra="ignore")


@dataclass
class Converted:
    """A GPT read from another app's file, with everything the reader had to say."""

    source: str  # a format name: openai_assistant, openai_gpt, openai_prompt, ...
    label: str  # that format for people: "an OpenAI Assistant"
    definition: dict[str, Any]
    knowledge: list[tuple[str, bytes]] = field(default_factory=list)  # files it carries
    wanted_files: list[str] = field(default_factory=list)  # files it names but lacks
    avatar: bytes | None = None
    author: str = ""
    notes: list[Note] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """The notes in English."""
        return [n.text for n in self.notes]


def parse(model: type[Model], data: Any, label: str) -> Model:
    """`data` read as `model`, or an error listing what is wrong with the file."""
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        problems = problems_of(exc)[:8]
        raise errors.CapsuleFileError(_malformed(label, "\n  ".join(problems)), problems) from None


def _malformed(label: str, problems: str) -> errors.Said:
    """That a file of the format `label` is malformed, with its `problems` one a line.

    One sentence per format the importers know, so that the window words the format too;
    a format without one of its own is named in English.
    """
    said = errors.said
    if label == "an OpenAI Assistant":
        message = said(
            "This file looks like an OpenAI Assistant, but it is malformed (nothing was "
            "imported):\n  {problems}",
            problems=problems,
        )
    elif label == "an OpenAI GPT configuration":
        message = said(
            "This file looks like an OpenAI GPT configuration, but it is malformed (nothing "
            "was imported):\n  {problems}",
            problems=problems,
        )
    elif label == "an OpenAI prompt":
        message = said(
            "This file looks like an OpenAI prompt, but it is malformed (nothing was "
            "imported):\n  {problems}",
            problems=problems,
        )
    elif label == "an Open WebUI model":
        message = said(
            "This file looks like an Open WebUI model, but it is malformed (nothing was "
            "imported):\n  {problems}",
            problems=problems,
        )
    elif label == "a LobeHub agent":
        message = said(
            "This file looks like a LobeHub agent, but it is malformed (nothing was "
            "imported):\n  {problems}",
            problems=problems,
        )
    elif label == "a Character Card":
        message = said(
            "This file looks like a Character Card, but it is malformed (nothing was "
            "imported):\n  {problems}",
            problems=problems,
        )
    else:
        message = said(
            "This file looks like {label}, but it is malformed (nothing was imported):\n  "
            "{problems}",
            label=label,
            problems=problems,
        )
    return message


_FIELDS = {"name": "name", "description": "description", "starter": "conversation starter"}


def clip(text: str | None, limit: int, what: str, notes: list[Note]) -> str:
    """`text` within `limit` characters, saying so when it had to be cut.

    `what` is the field: name, description or starter.
    """
    text = (text or "").strip()
    if len(text) > limit:
        notes.append(
            Note(
                "cut",
                {"field": what, "limit": str(limit)},
                f"The {_FIELDS[what]} was cut to {limit} characters.",
            )
        )
        return text[: limit - 1].rstrip() + "…"
    return text


def name_of(text: str | None, fallback: str, notes: list[Note]) -> str:
    name = clip(text, MAX_NAME, "name", notes)
    if not name:
        notes.append(
            Note("no_name", {"name": fallback}, f"It has no name; it is called '{fallback}'.")
        )
    return name or fallback


def description_of(text: str | None, notes: list[Note]) -> str:
    return clip(text, MAX_DESCRIPTION, "description", notes)


def starters_of(items: list[str], notes: list[Note]) -> list[str]:
    """Conversation starters within the GPT's limits (blank ones dropped)."""
    cleaned = [s.strip() for s in items if s and s.strip()]
    if len(cleaned) > MAX_STARTERS:
        notes.append(
            Note(
                "starters_kept",
                {"kept": str(MAX_STARTERS), "total": str(len(cleaned))},
                f"Only the first {MAX_STARTERS} of {len(cleaned)} starters were kept.",
            )
        )
        cleaned = cleaned[:MAX_STARTERS]
    return [clip(s, MAX_STARTER_LEN, "starter", notes) for s in cleaned]


def sampling(temperature: float | None, top_p: float | None, notes: list[Note]) -> dict[str, float]:
    """Sampling values that fit the GPT's ranges; others are left at their defaults."""
    values: dict[str, float] = {}
    if temperature is not None:
        if 0.0 <= temperature <= 2.0:
            values["temperature"] = float(temperature)
        else:
            notes.append(
                Note(
                    "temperature_range",
                    {"value": str(temperature)},
                    f"The temperature {temperature} is outside 0-2; the default is used.",
                )
            )
    if top_p is not None:
        if 0.0 < top_p <= 1.0:
            values["top_p"] = float(top_p)
        else:
            notes.append(
                Note(
                    "top_p_range",
                    {"value": str(top_p)},
                    f"top_p {top_p} is outside 0-1; the default is used.",
                )
            )
    return values


def dropped(what: str, items: list[str], label: str, why: str) -> Note:
    """A note that `items` (of the kind `what`, `label` in English) were dropped, and `why`.

    `what` is one of metadata, functions, webui_tools, tags, plugins.
    """
    more = max(0, len(items) - 5)
    shown = ", ".join(items[:5])
    text = f"Dropped {label} ({shown}{f' and {more} more' if more else ''}): {why}."
    return Note("dropped", {"what": what, "items": shown, "more": str(more)}, text)


_DATA_URL = re.compile(r"^data:image/[a-z+.-]+;base64,(?P<data>[A-Za-z0-9+/=\s]+)$")


def image_from_data_url(url: str | None, notes: list[Note]) -> bytes | None:
    """The image in a `data:image/...;base64,` URL, if it is one that can be an avatar."""
    match = _DATA_URL.match((url or "").strip())
    if match is None:
        if url and url.startswith(("http://", "https://")):
            notes.append(
                Note(
                    "picture_link", {}, "The picture is a web link; it was not fetched (no avatar)."
                )
            )
        return None
    try:
        data = base64.b64decode(match["data"], validate=False)
    except (binascii.Error, ValueError):
        notes.append(
            Note("picture_invalid", {}, "The picture is not valid base64; it was left out.")
        )
        return None
    if len(data) > MAX_IMAGE_BYTES or image_kind(data[:16]) is None:
        notes.append(
            Note(
                "picture_unusable",
                {},
                "The picture is too large or not PNG, JPEG, GIF or WebP; left out.",
            )
        )
        return None
    return data


def emoji_of(text: str | None, name: str, notes: list[Note]) -> str:
    """An emoji avatar on the name's colour, from another app's emoji (or "" if it is none)."""
    text = (text or "").strip()
    if not text or "/" in text or text.startswith("data:"):
        return ""
    try:
        return emoji_avatar(text, color_for(name))
    except errors.ValidationError:
        notes.append(
            Note(
                "avatar_not_emoji",
                {},
                "The avatar is not a single emoji; the GPT shows its initial.",
            )
        )
        return ""
