"""Tool names for operations and argument names for parameters: safe, short, unique.

Thread: any.

A tool name matches `^[A-Za-z0-9_-]{1,64}$`, which every function-calling API accepts. It
comes from the operationId, else from the method and path (`GET /pets/{petId}` →
`get_pets_petId`); a name too long keeps its start and gains a hash of the whole, and a
name already taken gains `_2`, `_3`…, so the same document always gives the same names.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence

MAX_TOOL_NAME = 64
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
# When two parameters share a name, the one earlier here keeps it.
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3}


def sanitize(text: str) -> str:
    """`text` with each run of other characters replaced by one `_`, trimmed of `_`."""
    return "_".join(part for part in _UNSAFE.split(text) if part).strip("_")


def base_name(operation_id: str | None, method: str, path: str) -> str:
    """The name an operation would like: its sanitised operationId, else method and path."""
    name = sanitize(operation_id or "")
    if name.strip("-"):
        return name
    # An operationId in another script (获取宠物) has no safe characters left.
    segments = [sanitize(segment) for segment in path.split("/")]
    return "_".join([method.lower(), *(segment for segment in segments if segment)])


def fit(name: str, limit: int = MAX_TOOL_NAME) -> str:
    """`name` cut to `limit` characters; a cut name ends in a hash of the whole, to stay unique."""
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{name[: limit - len(digest) - 1].rstrip('_-')}_{digest}"


def unique_names(bases: Iterable[str], limit: int = MAX_TOOL_NAME) -> list[str]:
    """A fitted, distinct name for each of `bases`, in order; later duplicates get a counter."""
    taken: set[str] = set()
    names: list[str] = []
    for base in bases:
        name = fit(base, limit)
        count = 1
        while name in taken:
            count += 1
            suffix = f"_{count}"
            name = fit(base, limit - len(suffix)) + suffix
        taken.add(name)
        names.append(name)
    return names


def argument_names(
    parameters: Sequence[tuple[str, str]], reserved: Collection[str] = ()
) -> list[str]:
    """The tool argument for each `(name, location)`, in order.

    A parameter keeps its name unless `reserved` (the body's argument) or an earlier
    parameter (path, then query, header, cookie) holds it; then it becomes
    `{location}_{name}`, e.g. `header_X-Trace`, with a counter if even that is taken.
    """
    order = sorted(
        range(len(parameters)), key=lambda index: _LOCATION_ORDER.get(parameters[index][1], 9)
    )
    taken = set(reserved)
    names = [""] * len(parameters)
    for index in order:
        name, location = parameters[index]
        candidate = name if name not in taken else f"{location}_{name}"
        count = 1
        while candidate in taken:
            count += 1
            candidate = f"{location}_{name}_{count}"
        taken.add(candidate)
        names[index] = candidate
    return names
