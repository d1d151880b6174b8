"""Small operations on JSON schemas that several parts of core need."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

# Keys whose value maps names to schemas: their keys are names, never keywords.
_NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions"})


def without_keywords(schema: Any, keywords: Collection[str], names: bool = False) -> Any:
    """A copy of `schema` with `keywords` removed at every depth (property names stay).

    Args:
        schema: a JSON schema (or any JSON value inside one).
        keywords: the keywords to drop, such as `{"maxLength"}`.
        names: `schema` maps names to schemas, so its keys all stay (used when recursing).
    """
    if isinstance(schema, dict):
        return {
            key: without_keywords(value, keywords, key in _NAME_MAPS)
            for key, value in schema.items()
            if names or key not in keywords
        }
    if isinstance(schema, list):
        return [without_keywords(item, keywords) for item in schema]
    return schema
