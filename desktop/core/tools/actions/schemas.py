"""OpenAPI schemas as plain JSON Schema (2020-12) for the model and the argument validator.

Thread: any, one `Schemas` per parse.

`$ref`s are inlined. A reference already being expanded on the way down becomes a short
described stub, so recursive schemas end; each operation has a budget of schema nodes
(`MAX_NODES`) and a nesting limit (`MAX_DEPTH`) past which parts become stubs too, so no
document, however tangled its references, costs more than that. Expansions that do not
depend on where they were made are memoised and shared between operations.

The conversion: OpenAPI 3.0's `nullable` (and Swagger's `x-nullable`) becomes a `null`
type, Swagger's `type: file` a binary string, boolean `exclusiveMaximum`/`exclusiveMinimum`
numbers, `items` lists `prefixItems`; `example`, `xml`, `discriminator`, `x-` extensions and
other annotations no validator uses are dropped; read-only properties are removed, since
every schema here describes a request. Patterns Python cannot compile are dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from desktop.core.tools.actions.refs import Refs, child, ref_name

MAX_NODES = 5_000
MAX_DEPTH = 48
# Schema nodes expanded for the whole document (memoised ones count once). The OpenAI
# document needs about 5,000; this bounds documents whose references form tangles that
# no memo can share, at well under a second.
MAX_WORK = 200_000

_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})
_DROP = frozenset(
    {
        "example",
        "examples",
        "xml",
        "externalDocs",
        "discriminator",
        "readOnly",
        "writeOnly",
        "nullable",
        "collectionFormat",
        "additionalItems",
        "dependencies",
        "$schema",
        "$id",
        "$anchor",
        "$dynamicAnchor",
        "$dynamicRef",
        "$recursiveAnchor",
        "$recursiveRef",
        "$comment",
        "$defs",
        "definitions",
    }
)
_MAPS = frozenset({"properties", "patternProperties", "dependentSchemas"})
_SINGLE = frozenset(
    {
        "additionalProperties",
        "not",
        "if",
        "then",
        "else",
        "contains",
        "propertyNames",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contentSchema",
    }
)
_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
# Keywords beside a `$ref` that annotate it rather than constrain it: they overlay the target.
_ANNOTATIONS = frozenset({"description", "title", "default", "deprecated", "nullable"})
_SIBLINGS_DROPPED = _DROP - {"nullable"}
_COMBINATIONS = ("allOf", "anyOf", "oneOf")
# Keywords whose values a validator checks: a wrong type would make the schema unusable.
_VALUE_CHECKS: dict[str, Callable[[Any], bool]] = {
    **dict.fromkeys(
        ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
        lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    ),
    "multipleOf": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and v > 0,
    **dict.fromkeys(
        (
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "minProperties",
            "maxProperties",
            "minContains",
            "maxContains",
        ),
        lambda v: (
            isinstance(v, int | float)
            and not isinstance(v, bool)
            and v >= 0
            and float(v).is_integer()
        ),
    ),
    **dict.fromkeys(("uniqueItems", "deprecated"), lambda v: isinstance(v, bool)),
    **dict.fromkeys(
        ("format", "title", "description", "contentMediaType", "contentEncoding"),
        lambda v: isinstance(v, str),
    ),
    "enum": lambda v: isinstance(v, list),
    "dependentRequired": lambda v: (
        isinstance(v, dict)
        and all(
            isinstance(names, list) and all(isinstance(n, str) for n in names)
            for names in v.values()
        )
    ),
}
_FREE = math.inf  # a subtree whose expansion does not depend on where it was made
_PINNED = -1  # one cut short by the budget or the depth: never memoised


class Schemas:
    """Converts the schemas of one document, memoising shared references."""

    def __init__(
        self,
        refs: Refs,
        *,
        max_nodes: int = MAX_NODES,
        max_depth: int = MAX_DEPTH,
        max_work: int = MAX_WORK,
    ) -> None:
        self._refs = refs
        self._max_nodes = max_nodes
        self._max_depth = max_depth
        self._work_left = max_work
        self._memo: dict[str, tuple[Any, int]] = {}
        self._stack: list[str] = []
        self._budget = max_nodes
        self.problems: list[str] = []

    def new_budget(self) -> None:
        """Starts the node budget of the next operation."""
        self._budget = self._max_nodes

    def convert(self, schema: Any, at: str) -> Any:
        """`schema` (found at pointer `at`) as JSON Schema; raises for external `$ref`s."""
        self._stack = []
        return self._schema(schema, at, 0)[0]

    def _schema(self, node: Any, at: str, depth: int) -> tuple[Any, float]:
        self._budget -= 1
        self._work_left -= 1
        if isinstance(node, bool):
            return node, _FREE
        if not isinstance(node, dict):
            self._note(f"{at} is not a schema; it accepts any value")
            return {}, _FREE
        if "$ref" in node:
            return self._ref(node, at, depth)
        if depth >= self._max_depth:
            return _stub(node, "(nested too deeply to describe here)"), _PINNED
        if self._budget <= 0:
            return _stub(node, "(too large to describe here)"), _PINNED
        out: dict[str, Any] = {}
        cut = _FREE
        dropped: set[str] = set()
        for key, value in node.items():
            if key in _DROP or key.startswith("x-"):
                continue
            converted = self._keyword(key, value, at, depth, dropped)
            if converted is not None:
                out["prefixItems" if key == "items" and isinstance(value, list) else key] = (
                    converted[0]
                )
                cut = min(cut, converted[1])
        self._fix(out, node, dropped, at)
        return out, cut

    def _keyword(
        self, key: str, value: Any, at: str, depth: int, dropped: set[str]
    ) -> tuple[Any, float] | None:
        """One keyword's converted value and cut, or None to leave it out."""
        takes_schemas = key in _MAPS or key in _SINGLE or key in _LISTS or key == "items"
        if not takes_schemas:
            return value, _FREE
        if key in _MAPS and isinstance(value, dict):
            return self._map(key, value, at, depth, dropped)
        if (key in _SINGLE or key == "items") and isinstance(value, dict | bool):
            return self._schema(value, child(at, key), depth + 1)
        if value == []:
            return None  # JSON Schema wants these lists non-empty; empty, they say nothing
        if (key in _LISTS or key == "items") and isinstance(value, list):
            return self._list(key, value, at, depth)
        self._note(f"{child(at, key)} is not a schema (or list of schemas); dropped")
        return None

    def _map(
        self, key: str, value: dict[str, Any], at: str, depth: int, dropped: set[str]
    ) -> tuple[dict[str, Any], float]:
        out: dict[str, Any] = {}
        cut = _FREE
        for name, sub in value.items():
            if key == "properties" and self._read_only(sub, child(at, key, name)):
                dropped.add(name)
                continue
            if key == "patternProperties" and not _compiles(name):
                self._note(f"{child(at, key, name)}: the pattern is not a Python regex; dropped")
                continue
            out[name], sub_cut = self._schema(sub, child(at, key, name), depth + 1)
            cut = min(cut, sub_cut)
        return out, cut

    def _list(self, key: str, value: list[Any], at: str, depth: int) -> tuple[list[Any], float]:
        out: list[Any] = []
        cut = _FREE
        for index, sub in enumerate(value):
            converted, sub_cut = self._schema(sub, child(at, key, index), depth + 1)
            out.append(converted)
            cut = min(cut, sub_cut)
        return out, cut

    def _ref(self, node: dict[str, Any], at: str, depth: int) -> tuple[Any, float]:
        ref = node["$ref"]
        target = self._refs.lookup(ref, at)
        name = ref_name(ref)
        if ref in self._stack:
            return _stub(target, f"(recursive: {name} — see above)"), self._stack.index(ref)
        memo = self._memo.get(ref)
        if memo is not None and memo[1] <= self._budget:
            self._budget -= memo[1]
            result, cut = memo[0], _FREE
        elif memo is not None or depth >= self._max_depth or self._budget <= 0:
            return _stub(target, f"({name}: too large to describe here)"), _PINNED
        elif self._work_left <= 0:
            self._note(
                "The document's schemas refer to each other too much to describe them all in "
                "full; some are summarised."
            )
            return _stub(target, f"({name}: too large to describe here)"), _PINNED
        else:
            level = len(self._stack)
            before = self._budget
            self._stack.append(ref)
            result, cut = self._schema(target, ref[1:], depth + 1)
            self._stack.pop()
            if cut >= level:
                # Every recursion cut inside pointed at this reference or deeper: the same
                # expansion comes out wherever the reference appears.
                self._memo[ref] = (result, before - self._budget)
                cut = _FREE
        return self._overlay(result, node, at, depth), cut

    def _overlay(self, result: Any, node: dict[str, Any], at: str, depth: int) -> Any:
        """The `$ref`'s target with the keywords written beside the `$ref`."""
        siblings = {
            key: value
            for key, value in node.items()
            if key != "$ref" and key not in _SIBLINGS_DROPPED and not key.startswith("x-")
        }
        if not siblings or not isinstance(result, dict):
            return result
        merged = dict(result)  # memoised results are shared: never change them in place
        for key in siblings.keys() & _ANNOTATIONS:
            value = siblings.pop(key)
            if key not in _VALUE_CHECKS or _VALUE_CHECKS[key](value):
                merged[key] = value
        if merged.pop("nullable", None) is True:
            _add_null(merged)
        if siblings:
            extra, _ = self._schema(siblings, at, depth + 1)
            return {"allOf": [merged, extra]}
        return merged

    def _read_only(self, node: Any, at: str) -> bool:
        if isinstance(node, dict) and "$ref" in node and "readOnly" not in node:
            node = self._refs.follow(node, at)[0]
        return isinstance(node, dict) and node.get("readOnly") is True

    def _fix(self, out: dict[str, Any], node: dict[str, Any], dropped: set[str], at: str) -> None:
        _fix_type(out, self._note, at)
        for bound, plain in (("exclusiveMaximum", "maximum"), ("exclusiveMinimum", "minimum")):
            # OpenAPI 3.0 and Swagger: a flag on `maximum`; JSON Schema: the bound itself.
            if isinstance(out.get(bound), bool) and out.pop(bound) and plain in out:
                out[bound] = out.pop(plain)
        if "required" in out:
            required = out["required"]
            if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
                del out["required"]  # Swagger-style `required: true` on a property
            else:  # without duplicates, which JSON Schema forbids, and without read-only names
                out["required"] = [n for n in dict.fromkeys(required) if n not in dropped]
        for key, valid in _VALUE_CHECKS.items():
            if key in out and not valid(out[key]):
                shown = repr(out.pop(key))[:60]
                self._note(f"{child(at, key)}: {shown} is not a valid `{key}`; dropped")
        pattern = out.get("pattern")
        if "pattern" in out and not (isinstance(pattern, str) and _compiles(pattern)):
            del out["pattern"]
            self._note(f"{at}: the pattern {repr(pattern)[:60]} is not a Python regex; dropped")
        if node.get("nullable") is True or node.get("x-nullable") is True:
            _add_null(out)

    def _note(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)


def _fix_type(out: dict[str, Any], note: Callable[[str], None], at: str) -> None:
    if "type" not in out:
        return
    kinds = out["type"]
    listed = kinds if isinstance(kinds, list) else [kinds]
    if not listed:
        del out["type"]  # `type: []` would allow nothing at all
        return
    fixed: list[str] = []
    for kind in listed:
        name = kind.lower() if isinstance(kind, str) else kind
        if name == "file":  # Swagger 2.0: an uploaded file
            name = "string"
            out.setdefault("format", "binary")
        if not isinstance(name, str) or name not in _TYPES:
            note(f"{at}: {kind!r} is not a JSON Schema type; the value may be of any type")
            out.pop("type")
            return
        if name not in fixed:
            fixed.append(name)
    out["type"] = fixed if isinstance(kinds, list) else fixed[0]


def _add_null(schema: dict[str, Any]) -> None:
    """Lets `schema` (changed in place) also accept null, as OpenAPI 3.0's `nullable` says."""
    if "type" not in schema and any(key in schema for key in _COMBINATIONS):
        # The combined schemas would each refuse null: offer null beside them.
        inner = dict(schema)
        schema.clear()
        if "description" in inner:
            schema["description"] = inner.pop("description")
        schema["anyOf"] = [inner, {"type": "null"}]
        return
    kinds = schema.get("type")
    if isinstance(kinds, str) and kinds != "null":
        schema["type"] = [kinds, "null"]
    elif isinstance(kinds, list) and "null" not in kinds:
        schema["type"] = [*kinds, "null"]
    if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]


def _stub(target: Any, text: str) -> dict[str, Any]:
    """A described stand-in for a schema left out, keeping its type when it has a simple one."""
    stub: dict[str, Any] = {"description": text}
    if isinstance(target, dict) and isinstance(target.get("type"), str | list):
        stub["type"] = target["type"]
        _fix_type(stub, lambda _problem: None, "")
        if target.get("nullable") is True:
            _add_null(stub)
    return stub


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True
