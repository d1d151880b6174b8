"""Character Cards V2 and V3 (`chara_card_v2`, `chara_card_v3`), as JSON or inside a PNG.

The character's prompt, description, personality and scenario become the instructions,
with `{{char}}` and `{{user}}` filled in; its greeting becomes a line of them. The
character book's entries become knowledge: one Markdown file, each entry a section
headed by its keys, so retrieval finds an entry as the book's keyword scan would. Pure;
any thread.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
from typing import Any

from pydantic import Field

from desktop.core import errors
from desktop.core.capsule.foreign.common import (
    Converted,
    Lenient,
    description_of,
    dropped,
    name_of,
    parse,
)
from desktop.core.capsule.note import Note

SPECS = ("chara_card_v2", "chara_card_v3")


class _Entry(Lenient):
    keys: list[str] = Field(default_factory=list)
    content: str = ""
    enabled: bool = True
    name: str | None = None
    comment: str | None = None
    secondary_keys: list[str] = Field(default_factory=list)


class _Book(Lenient):
    name: str | None = None
    description: str | None = None
    entries: list[_Entry] = Field(default_factory=list)


class _CardData(Lenient):
    name: str
    description: str = ""
    personality: str = ""
    scenario: str = ""
    first_mes: str = ""
    mes_example: str = ""
    creator_notes: str = ""
    system_prompt: str = ""
    post_history_instructions: str = ""
    alternate_greetings: list[str] = Field(default_factory=list)
    character_book: _Book | None = None
    tags: list[str] = Field(default_factory=list)
    creator: str = ""


class _Card(Lenient):
    spec: str
    spec_version: str | None = None
    data: _CardData


def card_from_png(data: bytes) -> Any:
    """The card JSON a PNG carries in its `ccv3` or `chara` text chunk (base64 JSON)."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 (only PNG cards need it)

    try:
        with Image.open(io.BytesIO(data)) as image:
            chunks = dict(getattr(image, "text", {}) or {})
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise errors.CapsuleFileError(
            errors.said("This PNG cannot be read: {reason}.", reason=exc)
        ) from None
    for key in ("ccv3", "chara"):
        if key in chunks:
            try:
                return json.loads(base64.b64decode(chunks[key]).decode("utf-8"))
            except (binascii.Error, UnicodeDecodeError, ValueError):
                raise errors.CapsuleFileError(
                    errors.said(
                        "This PNG's character card ('{chunk}' chunk) is not base64 JSON.",
                        chunk=key,
                    )
                ) from None
    raise errors.CapsuleFileError(
        errors.said("This PNG carries no character card (no 'chara' or 'ccv3' text chunk).")
    )


def read_card(data: Any) -> Converted:
    """A Character Card V2 or V3."""
    card = parse(_Card, data, "a Character Card")
    if card.spec not in SPECS:
        raise errors.CapsuleFileError(
            errors.said(
                "This Character Card's spec is '{spec}'; only {specs} are read.",
                spec=card.spec,
                specs=" and ".join(SPECS),
            )
        )
    info = card.data
    notes: list[Note] = []
    name = name_of(info.name, "Imported character", notes)

    def filled(text: str) -> str:
        return text.replace("{{char}}", name).replace("{{user}}", "the user").strip()

    parts = [
        filled(info.system_prompt),
        filled(info.description),
        f"Personality: {filled(info.personality)}" if info.personality.strip() else "",
        f"Scenario: {filled(info.scenario)}" if info.scenario.strip() else "",
        f"Open each new conversation with:\n{filled(info.first_mes)}" if info.first_mes else "",
        f"Examples of how {name} speaks:\n{filled(info.mes_example)}" if info.mes_example else "",
        filled(info.post_history_instructions),
    ]
    if info.first_mes:
        notes.append(
            Note("greeting", {}, "The greeting (first_mes) became part of the instructions.")
        )
    if info.alternate_greetings:
        count = len(info.alternate_greetings)
        notes.append(
            Note(
                "dropped_greetings",
                {"count": str(count)},
                f"Dropped {count} alternate greeting(s).",
            )
        )
    if info.tags:
        notes.append(dropped("tags", info.tags, "tags", "GPTs have no tags"))
    definition = {
        "name": name,
        "description": description_of(
            info.creator_notes.splitlines()[0] if info.creator_notes else "", notes
        ),
        "instructions": "\n\n".join(p for p in parts if p),
    }
    knowledge = _book(info.character_book, name, notes)
    return Converted(
        "character_card",
        "a Character Card",
        definition,
        knowledge,
        [],
        None,
        info.creator,
        notes,
    )


def _book(book: _Book | None, name: str, notes: list[Note]) -> list[tuple[str, bytes]]:
    if book is None or not book.entries:
        return []
    entries = [e for e in book.entries if e.enabled and e.content.strip()]
    if len(entries) < len(book.entries):
        left = len(book.entries) - len(entries)
        notes.append(
            Note(
                "book_left_out",
                {"count": str(left)},
                f"Left out {left} disabled or empty book entries.",
            )
        )
    if not entries:
        return []
    title = book.name or f"{name}'s character book"
    lines = [f"# {title}", ""]
    if book.description:
        lines += [book.description.strip(), ""]
    for entry in entries:
        heading = (
            ", ".join(entry.keys + entry.secondary_keys) or entry.name or entry.comment or "entry"
        )
        lines += [f"## {heading}", "", entry.content.strip(), ""]
    notes.append(
        Note(
            "book_knowledge",
            {"count": str(len(entries))},
            f"The character book's {len(entries)} entries became knowledge; they are "
            "retrieved by relevance, not by the book's keyword triggers.",
        )
    )
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip()[:80] or "book"
    return [(f"{safe}.md", "\n".join(lines).encode("utf-8"))]
