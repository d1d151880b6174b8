"""Text for the main window: sizes, times, plurals, and what is missing to start."""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl

from desktop.core.providers.local import LocalModel
from desktop.core.store.records import Gpt

CREATE_COMMAND = "capsule gpt create --name NAME --model MODEL"


# -- formatting (pure) --------------------------------------------------------------------


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def human_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def model_problem(
    gpt: Gpt, models: Sequence[LocalModel], profiles: Collection[str] = ()
) -> str | None:
    """Why `gpt`'s model cannot answer now, or None if it looks fine (or cannot be checked).

    `profiles`: the provider profiles in settings; a remote model itself is checked only
    when a run calls it (`capsule providers test` checks it on demand).
    """
    settings = gpt.definition.model
    if settings.provider != "local":
        if settings.provider in profiles:
            return None
        return (
            f"No provider profile '{settings.provider}': add it with "
            f"`capsule providers add {settings.provider} --api-key-stdin`."
        )
    reference = settings.model.strip()
    if not reference:
        return f"No model chosen: run `capsule gpt edit {gpt.id} --model MODEL`."
    if reference.lower().endswith(".gguf") or "/" in reference or "\\" in reference:
        return None  # a path; checked when a run loads it
    for model in models:
        if model.id == reference.lower():
            return None if model.info else f"Model '{model.id}' cannot be used: {model.problem}"
    return (
        f"Model '{reference}' is not in the model folders. Add its .gguf file, or run "
        f"`capsule gpt edit {gpt.id} --model MODEL`."
    )


def missing_notes(
    gpts: Sequence[Gpt] | None,
    models: Sequence[LocalModel] | None,
    folders: Sequence[Path],
    profiles: Collection[str] = (),
) -> list[str]:
    """What the user still needs before chatting, as HTML paragraphs (empty: nothing)."""
    notes: list[str] = []
    usable = [m for m in models or [] if m.info is not None]
    where = " or ".join(
        f'<a href="{QUrl.fromLocalFile(str(f)).toString()}">{html.escape(str(f))}</a>'
        for f in folders
    )
    if models is not None and not usable and not profiles:
        head = (
            "<b>No local model found.</b>"
            if not models
            else f"<b>No usable local model:</b> {plural(len(models), 'file')} could not be "
            "read (the reasons are under the list)."
        )
        notes.append(
            f"{head} Drop a <code>.gguf</code> model file into {where} (or download one: "
            "<code>capsule models catalog</code>), then press F5 to refresh. For a remote "
            "API, add a provider: <code>capsule providers add deepseek --api-key-stdin</code>."
        )
    if gpts is not None and not gpts:
        example = (
            f" (for example <code>--model {html.escape(usable[0].id)}</code>)" if usable else ""
        )
        notes.append(
            "<b>No GPT yet.</b> Create one in a terminal with "
            f"<code>{CREATE_COMMAND}</code>{example}, then press F5 to refresh."
        )
    if gpts and models is not None:
        for gpt in gpts:
            if problem := model_problem(gpt, models, profiles):
                notes.append(f"<b>{html.escape(gpt.name)} cannot answer yet.</b> {_code(problem)}")
    return notes


def _code(text: str) -> str:
    """Escape `text` for rich text, showing `backquoted` commands in a monospace font."""
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
