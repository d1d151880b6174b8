"""Telling another app's file apart by its content, and reading it.

Names and extensions lie; fields do not: an Assistant says `"object": "assistant"`, a
Character Card its `spec`, an Open WebUI model has a `base_model_id`. A file that matches
no format is refused with the list of those that are read. Pure; any thread.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.capsule.foreign import charcard, openai, others
from desktop.core.capsule.foreign.common import Converted
from desktop.core.capsule.foreign.models import ModelChooser
from desktop.core.units import human_size

MAX_BYTES = 32 * 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n"

Reader = Callable[[Any, ModelChooser], Converted]


def read_foreign(path: Path, chooser: ModelChooser) -> Converted:
    """The GPT in another app's file at `path`.

    Raises:
        errors.CapsuleFileError: unreadable, too large, not JSON, or no format read here.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise errors.CapsuleRefusedError(
                errors.said(
                    "{name} is {size}; files from other apps are read up to {most}.",
                    name=path.name,
                    size=human_size(size),
                    most=human_size(MAX_BYTES),
                )
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise errors.CapsuleFileError(errors.said("There is no file {path}.", path=path)) from None
    except OSError as exc:
        raise errors.CapsuleFileError(
            errors.said("{path} cannot be read: {reason}.", path=path, reason=exc.strerror or exc)
        ) from None
    if raw.startswith(PNG):
        return charcard.read_card(charcard.card_from_png(raw))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # The formats read are named in the sentence (and in the next), so that the
        # window words them along with it.
        raise errors.CapsuleFileError(
            errors.said(
                "{name} is neither a capsule nor JSON. Capsule Studio reads capsules, OpenAI "
                "Assistants, GPT configurations and prompts, Open WebUI models, LobeHub "
                "agents, and Character Cards V2/V3 (JSON or PNG).",
                name=path.name,
            )
        ) from None
    return convert(data, chooser)


def recognised(path: Path) -> bool:
    """Whether the file at `path` is in a format read here (it is read whole; any thread).

    Says nothing of whether its content is valid: importing it says that.
    """
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_BYTES else b""
    except OSError:
        raw = b""
    if raw.startswith(PNG):
        try:
            charcard.card_from_png(raw)
        except errors.CapsuleFileError:
            return False  # a picture, not a card
        return True
    try:
        return bool(raw) and detect(_one(json.loads(raw.decode("utf-8-sig")))) is not None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    except errors.CapsuleFileError:
        return True  # several assistants in one file: importing it says what to do


def convert(data: Any, chooser: ModelChooser) -> Converted:
    """The GPT in parsed JSON of any format read here."""
    data = _one(data)
    reader = detect(data)
    if reader is None:
        raise errors.CapsuleFileError(
            errors.said(
                "This JSON is in no format Capsule Studio reads. It reads capsules, OpenAI "
                "Assistants, GPT configurations and prompts, Open WebUI models, LobeHub "
                "agents, and Character Cards V2/V3 (JSON or PNG)."
            )
        )
    return reader(data, chooser)


def _one(data: Any) -> Any:
    """One item out of a list export (Open WebUI's, or the API's `{"data": [...]}`)."""
    items = data.get("data") if isinstance(data, dict) and data.get("object") == "list" else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return data
    if len(items) == 1:
        return items[0]
    names = [str(i.get("name") or i.get("id") or "?") for i in items]
    raise errors.CapsuleFileError(
        errors.said(
            "This file holds {count} assistants or models ({names}); import one at a time: "
            "save each on its own.",
            count=len(items),
            names=", ".join(names[:5]),
        )
    )


def _spec(data: dict[str, Any]) -> bool:
    return str(data.get("spec", "")).startswith("chara_card")


def _has(*keys: str) -> Callable[[dict[str, Any]], bool]:
    return lambda data: all(key in data for key in keys)


# Most telling first: a declared type or id prefix, then the fields only one format has.
_RULES: tuple[tuple[Callable[[dict[str, Any]], bool], Reader], ...] = (
    (_spec, lambda data, _: charcard.read_card(data)),
    (
        lambda d: d.get("object") == "assistant" or str(d.get("id", "")).startswith("asst_"),
        openai.read_assistant,
    ),
    (
        lambda d: d.get("object") == "prompt" or str(d.get("id", "")).startswith("pmpt_"),
        openai.read_prompt,
    ),
    (
        lambda d: "gizmo" in d or ("instructions" in d and "conversation_starters" in d),
        openai.read_gpt,
    ),
    (lambda d: "base_model_id" in d and ("meta" in d or "params" in d), others.read_openwebui),
    (
        lambda d: isinstance(d.get("config"), dict) and isinstance(d.get("meta"), dict),
        others.read_lobehub,
    ),
    (_has("instructions", "variables"), openai.read_prompt),
    (_has("instructions", "model", "tools"), openai.read_assistant),
)


def detect(data: Any) -> Reader | None:
    """The reader for `data`, or None when it is in no format read here."""
    if not isinstance(data, dict):
        return None
    return next((reader for matches, reader in _RULES if matches(data)), None)
