"""Local `$ref`s of an action document, resolved with `referencing`; other files are refused.

Thread: any, one `Refs` per parse (it memoises what it found).
"""

from __future__ import annotations

from typing import Any

from referencing import Registry, Resource
from referencing.exceptions import Unresolvable

from desktop.core.errors import ActionDocumentError, said

# The document is registered under a fixed name, so every `#/...` resolves inside it and
# any other target is a resource the registry does not have (and never retrieves).
_BASE = "urn:capsule:action-document"


def child(at: str, *keys: str | int) -> str:
    """The JSON pointer `at` extended by `keys`, escaped (`/paths` + `/pets` → `/paths/~1pets`)."""
    for key in keys:
        at += "/" + str(key).replace("~", "~0").replace("/", "~1")
    return at


def ref_name(ref: str) -> str:
    """The last segment of a reference, unescaped: `#/components/schemas/Pet` → `Pet`."""
    return ref.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~") or ref


class Refs:
    """Resolves the `#/…` references of one document."""

    def __init__(self, document: dict[str, Any]) -> None:
        registry: Registry[Any] = Registry().with_resource(_BASE, Resource.opaque(document))
        self._resolver = registry.resolver(_BASE)
        self._found: dict[str, Any] = {}

    def lookup(self, ref: Any, at: str) -> Any:
        """What `ref` points to; `at` is the pointer of the `$ref`, for the messages."""
        if not isinstance(ref, str):
            raise ActionDocumentError(
                said("The $ref at {at} is not text: write it as '#/components/…'.", at=at),
                pointer=at,
            )
        found = self._found.get(ref, self)
        if found is not self:
            return found
        if not ref.startswith("#"):
            raise ActionDocumentError(
                said(
                    "The $ref '{ref}' at {at} points into another file or address: actions "
                    "read one self-contained document and never fetch others. Bundle it into "
                    "one file first (for example with `redocly bundle`) and import that.",
                    ref=ref,
                    at=at,
                ),
                pointer=at,
            )
        if ref != "#" and not ref.startswith("#/"):
            raise ActionDocumentError(
                said(
                    "The $ref '{ref}' at {at} names an anchor, which is not supported: refer "
                    "to the schema by its path instead ('#/components/schemas/Name').",
                    ref=ref,
                    at=at,
                ),
                pointer=at,
            )
        try:
            value = self._resolver.lookup(ref).contents
        except (Unresolvable, LookupError, TypeError, ValueError):
            # The library's own message repeats the whole document: say it shorter. The
            # others come from pointers that walk into a list by name, or into a value.
            raise ActionDocumentError(
                said(
                    "The $ref '{ref}' at {at} points to nothing in the document: fix the "
                    "reference, or add the definition it names.",
                    ref=ref,
                    at=at,
                ),
                pointer=at,
            ) from None
        self._found[ref] = value
        return value

    def follow(self, node: Any, at: str) -> tuple[Any, str]:
        """`node`, or where its chain of `$ref`s ends, with that place's pointer.

        For the objects that are not schemas (parameters, request bodies, path items,
        security schemes): their `$ref` replaces them whole.
        """
        seen: list[str] = []
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                chain = " → ".join([*seen, ref])
                raise ActionDocumentError(
                    said(
                        "The $ref at {at} goes round in a circle ({chain}): point it at the "
                        "definition itself.",
                        at=at,
                        chain=chain,
                    ),
                    pointer=at,
                )
            seen.append(ref)
            node = self.lookup(ref, at)
            at = ref[1:]
        return node, at
