"""Action documents kept apart from the definitions that use them, by content hash.

An OpenAPI document may be megabytes. Kept inside each definition, every saved version
(and every capsule) would copy it. So the stored form of a definition, in the database and
in a capsule's manifest, gives each action a `document_sha256` instead of its `document`,
and the text is kept once under that hash. In memory a `GptDefinition` always holds the
text. Pure functions, used from any thread.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

REF = "document_sha256"


def document_hash(text: str) -> str:
    """The sha256 of a document's UTF-8 text, in hex: the key it is kept under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_documents(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A definition's plain data without its documents, and the documents by hash.

    An action with an empty document keeps it (there is nothing to share).
    """
    stored = copy.deepcopy(data)
    documents: dict[str, str] = {}
    for action in stored.get("actions") or []:
        text = action.get("document")
        if isinstance(text, str) and text:
            digest = document_hash(text)
            documents[digest] = text
            del action["document"]
            action[REF] = digest
    return stored, documents


def document_refs(data: dict[str, Any]) -> list[str]:
    """The hashes a stored definition refers to, in action order."""
    return [
        action[REF]
        for action in data.get("actions") or []
        if isinstance(action, dict) and isinstance(action.get(REF), str)
    ]


def join_documents(data: dict[str, Any], text_of: Callable[[str], str]) -> dict[str, Any]:
    """A stored definition with each action's document put back, read by `text_of(hash)`."""
    joined = copy.deepcopy(data)
    for action in joined.get("actions") or []:
        if isinstance(action, dict) and REF in action:
            action["document"] = text_of(str(action.pop(REF)))
    return joined
