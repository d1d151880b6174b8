"""YAML text to plain data, safely: no recursion, no custom tags, aliases counted, not expanded.

Thread: any.

PyYAML's composer recurses in C (libyaml's Cython binding) and crashes the process on a
document nested some ten thousand levels deep, and its constructor would happily build a
"billion laughs" document. So this module reads libyaml's event stream and builds the data
itself, with an explicit stack: it refuses nesting past `MAX_DEPTH`, an alias that contains
itself, and aliases whose expanded size would pass `MAX_NODES` (each anchor's expanded size
is known when it closes, so an alias costs one addition, never a copy). An alias is the
same Python object as its anchor, as in PyYAML.

Scalars follow the YAML 1.2 core schema (true/false only, no `yes`/`on`, no timestamps),
and mapping keys keep their text (`200:` is the key "200"), which is what OpenAPI means.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from desktop.core.errors import ActionDocumentError, said

MAX_DEPTH = 512
MAX_NODES = 3_000_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_INT = re.compile(r"[-+]?[0-9]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_WORDS: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": math.inf,
    ".Inf": math.inf,
    ".INF": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    "-.Inf": -math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}
_NUMBER_START = frozenset("0123456789-+.")
_MAP_TAGS = frozenset({None, "!", _TAG + "map"})
_SEQ_TAGS = frozenset({None, "!", _TAG + "seq"})
_NO_KEY = object()


class _Frame:
    """A mapping or sequence being filled."""

    __slots__ = ("anchor", "key", "merges", "start", "value")

    def __init__(self, value: dict[str, Any] | list[Any], anchor: str | None, start: int) -> None:
        self.value = value
        self.anchor = anchor
        self.start = start  # node count when it opened: its expanded size is the difference
        self.key: object = _NO_KEY
        self.merges: list[dict[str, Any]] = []

    def finish(self) -> dict[str, Any] | list[Any]:
        if not self.merges or not isinstance(self.value, dict):
            return self.value
        # `<<: [*a, *b]`: earlier mappings win over later ones, the mapping's own keys over all.
        merged: dict[str, Any] = {}
        for source in reversed(self.merges):
            merged.update(source)
        merged.update(self.value)
        return merged


def load_yaml(text: str, *, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    """The data of the one YAML document in `text`; raises `ActionDocumentError`."""
    loader = _Loader(text)
    try:
        return _Builder(max_nodes, max_depth).build(loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except yaml.YAMLError as exc:
        raise ActionDocumentError(
            said("The document is not valid YAML: {reason}.", reason=exc)
        ) from None
    finally:
        loader.dispose()


class _Builder:
    """Builds data from events; `nodes` counts every value, an alias at its full size."""

    def __init__(self, max_nodes: int, max_depth: int) -> None:
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.documents = 0
        self.root: Any = None

    def build(self, loader: Any) -> Any:
        handlers = {
            yaml.ScalarEvent: self._scalar,
            yaml.AliasEvent: self._alias,
            yaml.MappingStartEvent: self._start,
            yaml.SequenceStartEvent: self._start,
            yaml.MappingEndEvent: self._end,
            yaml.SequenceEndEvent: self._end,
            yaml.DocumentStartEvent: self._document,
        }
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return self.root
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event, event.start_mark.line + 1)

    def _wants_key(self) -> bool:
        return (
            bool(self.stack)
            and self.stack[-1].key is _NO_KEY
            and isinstance(self.stack[-1].value, dict)
        )

    def _scalar(self, event: Any, line: int) -> None:
        self.nodes += 1
        if self._wants_key():
            # A key keeps its text: `200:` and `on:` are the keys "200" and "on".
            _set_key(self.stack[-1], event.value, plain=event.implicit[0])
            value: Any = event.value
        else:
            value = _scalar(event, line)
            self._place(value, line)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)

    def _alias(self, event: Any, line: int) -> None:
        name = event.anchor
        if name in self.open_anchors:
            raise ActionDocumentError(
                said(
                    "The YAML alias *{name} at line {line} contains itself: a document cannot "
                    "include itself. Remove the alias.",
                    name=name,
                    line=line,
                ),
                line=line,
            )
        if name not in self.anchors:
            raise ActionDocumentError(
                said(
                    "The YAML alias *{name} at line {line} names no anchor (&{name}) above it: "
                    "define the anchor first or remove the alias.",
                    name=name,
                    line=line,
                ),
                line=line,
            )
        value, size = self.anchors[name]
        self.nodes += size
        if self._wants_key():
            if not isinstance(value, str):
                raise _complex_key(line)
            _set_key(self.stack[-1], value, plain=False)
        else:
            self._place(value, line)

    def _start(self, event: Any, line: int) -> None:
        self.nodes += 1
        is_map = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
            raise _unsupported_tag(event.tag, line)
        if self._wants_key():
            raise _complex_key(line)
        if len(self.stack) >= self.max_depth:
            raise ActionDocumentError(
                said(
                    "The document is nested more than {depth} levels deep at line {line}: no "
                    "API description needs that; check the file.",
                    depth=self.max_depth,
                    line=line,
                ),
                line=line,
            )
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame({} if is_map else [], event.anchor, self.nodes - 1))

    def _end(self, event: Any, line: int) -> None:
        frame = self.stack.pop()
        value = frame.finish()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (value, self.nodes - frame.start)
        self._place(value, line)

    def _document(self, event: Any, line: int) -> None:
        self.documents += 1
        if self.documents > 1:
            raise ActionDocumentError(
                said(
                    "The text holds more than one YAML document (a second one starts at line "
                    "{line}): import one document at a time.",
                    line=line,
                ),
                line=line,
            )

    def _place(self, value: Any, line: int) -> None:
        if self.nodes > self.max_nodes:
            raise _too_many(self.max_nodes, line)
        if self.stack:
            _add(self.stack[-1], value, line)
        else:
            self.root = value


def _set_key(frame: _Frame, key: str, *, plain: bool) -> None:
    # `<<` is a merge key only when written plain; quoted, it is an ordinary key.
    frame.key = _MergeKey if plain and key == "<<" else key


class _MergeKey:
    """Marks that the value being read merges into the mapping."""


def _add(frame: _Frame, value: Any, line: int) -> None:
    if isinstance(frame.value, list):
        frame.value.append(value)
        return
    if frame.key is _MergeKey:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(source, dict) for source in sources):
            raise ActionDocumentError(
                said(
                    "The YAML merge key `<<` at line {line} must be followed by a mapping or a "
                    "list of mappings.",
                    line=line,
                ),
                line=line,
            )
        frame.merges.extend(sources)
    else:
        frame.value[str(frame.key)] = value
    frame.key = _NO_KEY


def _scalar(event: Any, line: int) -> Any:
    value: str = event.value
    if event.tag is not None:
        return _tagged(event.tag, value, line)
    if not event.implicit[0]:
        return value  # quoted
    if value in _WORDS:
        return _WORDS[value]
    if value[0] in _NUMBER_START:
        return _number(value)
    return value


def _tagged(tag: str, value: str, line: int) -> Any:
    if tag in {"!", _TAG + "str", _TAG + "binary", _TAG + "timestamp"}:
        return value
    result: Any = value
    if tag in {_TAG + "int", _TAG + "float"}:
        result = _number(value)
    elif tag in {_TAG + "bool", _TAG + "null"}:
        result = _WORDS.get(value, value)
    if result is value:
        raise _unsupported_tag(f"{tag} {value!r}", line)
    return result


def _number(value: str) -> Any:
    try:
        if _INT.match(value):
            return int(value)
        if _HEX.match(value):
            return int(value[2:], 16)
        if _OCT.match(value):
            return int(value[2:], 8)
        if _FLOAT.match(value):
            return float(value)
    except ValueError:  # an integer too long for Python's int() from text stays text
        return value
    return value


def _syntax_error(exc: yaml.MarkedYAMLError) -> ActionDocumentError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    values: dict[str, object] = {"problem": exc.problem or exc.context or "unreadable text"}
    if mark and line:
        values.update(line=line, column=mark.column + 1)
    if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
        values.update(context=exc.context, context_line=exc.context_mark.line + 1)
    return ActionDocumentError(_syntax_message(values), line=line)


def _syntax_message(values: dict[str, object]) -> str:
    # PyYAML says where (line, column) and, sometimes, what it was reading (the context).
    if "line" in values and "context" in values:
        return said(
            "The document is not valid YAML: {problem} at line {line}, column {column} "
            "({context} at line {context_line}). Fix the text there: YAML indents with spaces "
            "(not tabs), and text containing ': ' or ' #' needs quotes.",
            **values,
        )
    if "line" in values:
        return said(
            "The document is not valid YAML: {problem} at line {line}, column {column}. Fix "
            "the text there: YAML indents with spaces (not tabs), and text containing ': ' or "
            "' #' needs quotes.",
            **values,
        )
    if "context" in values:
        return said(
            "The document is not valid YAML: {problem} ({context} at line {context_line}). "
            "Fix the text there: YAML indents with spaces (not tabs), and text containing "
            "': ' or ' #' needs quotes.",
            **values,
        )
    return said(
        "The document is not valid YAML: {problem}. Fix the text there: YAML indents with "
        "spaces (not tabs), and text containing ': ' or ' #' needs quotes.",
        **values,
    )


def _too_many(limit: int, line: int) -> ActionDocumentError:
    return ActionDocumentError(
        said(
            "The document's YAML aliases (*name) would expand it past {limit} values at line "
            "{line}: this looks like an alias bomb. Remove the aliases or write the parts out.",
            limit=f"{limit:,}",
            line=line,
        ),
        line=line,
    )


def _complex_key(line: int) -> ActionDocumentError:
    return ActionDocumentError(
        said(
            "A mapping key at line {line} is a list or a mapping: OpenAPI documents only use "
            "text keys. Write the key as text.",
            line=line,
        ),
        line=line,
    )


def _unsupported_tag(tag: str, line: int) -> ActionDocumentError:
    tag = tag.replace(_TAG, "!!")
    return ActionDocumentError(
        said(
            "The YAML tag {tag} at line {line} is not supported: remove it (an OpenAPI "
            "document needs only plain mappings, lists and values).",
            tag=tag,
            line=line,
        ),
        line=line,
    )
