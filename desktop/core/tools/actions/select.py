"""Which operations to offer the model in one turn, when a document has more than a limit.

BM25 (rank_bm25's Okapi) over each operation's name (camelCase and snake_case split into
words), description, path and argument names, against the conversation's recent user
text. Words come from `desktop.core.segment.terms`, so Chinese queries match Chinese
descriptions. An index is built once per set of operations, is immutable, and may be
shared between threads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from rank_bm25 import BM25Okapi  # type: ignore[import-untyped]

from desktop.core.segment import terms
from desktop.core.tools.actions.model import Operation
from desktop.core.tools.actions.tool import describe
from desktop.core.tools.base import ToolSpec

# Only the end of a long conversation counts: the latest words say what is wanted now.
MAX_QUERY_CHARS = 4_000
NAME_WEIGHT = 2  # a word in the name counts as often as it would appearing twice

# Function words: in a few hundred short descriptions even "the" is rare enough to outweigh
# the word that matters, so they are dropped on both sides.
_STOP_WORDS = """
a an the and or of to in on at by for from with without into is are was were be been it its
this that these those my me i you your we our us he she they them his her their what which
who whom how when where why s do does did can could would should will shall please want
need like some any there here about just also not no yes
的 了 是 我 你 他 她 它 们 在 和 与 把 被 吗 呢 吧 啊 请 帮 这 那 个 一个 也 都 就 要 想
"""
_STOP = frozenset(_STOP_WORDS.split())
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[_\-./{}]+")


def words(text: str) -> list[str]:
    """Search words of `text`: its terms, plus the parts of camelCase and snake_case words.

    Function words are left out, and an English plural `s` is dropped ("pets" finds
    "pet"), the same way on both sides.
    """
    plain = terms(text).split()
    known = set(plain)
    parts = terms(_SPLIT.sub(" ", _CAMEL.sub(" ", text))).split()
    found = plain + [p for p in parts if p not in known]
    return [_singular(w) for w in found if w not in _STOP]


class OperationIndex:
    """Ranks operations against a query; built once per set of operations, then read-only."""

    def __init__(self, specs: Sequence[ToolSpec], paths: Mapping[str, str] | None = None) -> None:
        """Index `specs` in their given order, which is also the fallback order.

        `paths` maps a tool name to its HTTP path (`/pets/{petId}`) to index with it.
        """
        seen: dict[str, None] = {}
        corpus: list[list[str]] = []
        for spec in specs:
            if spec.name in seen:
                continue  # a second tool of the same name could never be told apart
            seen[spec.name] = None
            corpus.append(_document(spec, (paths or {}).get(spec.name, "")))
        self.names: tuple[str, ...] = tuple(seen)
        self._postings: dict[str, list[int]] = {}
        for position, document in enumerate(corpus):
            for word in dict.fromkeys(document):
                self._postings.setdefault(word, []).append(position)
        # BM25Okapi divides by the vocabulary size: an index without words has no model.
        self._bm25 = BM25Okapi(corpus) if self._postings else None

    @classmethod
    def of_operations(cls, operations: Iterable[Operation]) -> OperationIndex:
        """An index over operations, with their paths; the tool descriptions as offered."""
        ops = list(operations)
        specs = [ToolSpec(op.tool_name, describe(op), op.parameters_schema) for op in ops]
        return cls(specs, {op.tool_name: op.path for op in ops})

    def select(self, query: str, limit: int) -> list[str]:
        """At most `limit` names, best first.

        Ties (and operations the query does not match at all) keep the index's order, so
        a query that matches nothing gets the first `limit` operations.
        """
        if limit <= 0:
            return []
        ranked = self._ranked(query)[:limit]
        if len(ranked) < limit:
            chosen = set(ranked)
            ranked += [n for n in self.names if n not in chosen][: limit - len(ranked)]
        return ranked

    def _ranked(self, query: str) -> list[str]:
        """Names of the operations sharing a word with `query`, best first."""
        if self._bm25 is None:
            return []
        wanted = sorted({w for w in words(query[-MAX_QUERY_CHARS:]) if w in self._postings})
        if not wanted:
            return []
        matched: dict[int, int] = {}
        for word in wanted:
            for position in self._postings[word]:
                matched[position] = matched.get(position, 0) + 1
        candidates = sorted(matched)
        scores = self._bm25.get_batch_scores(wanted, candidates)
        # More shared words first when scores tie (tiny documents can give a word idf 0),
        # then the document's order.
        order = sorted(
            range(len(candidates)),
            key=lambda i: (-round(scores[i], 9), -matched[candidates[i]], candidates[i]),
        )
        return [self.names[candidates[i]] for i in order]


def _document(spec: ToolSpec, path: str) -> list[str]:
    properties = spec.parameters.get("properties", {})
    arguments = " ".join(properties) if isinstance(properties, dict) else ""
    name = words(spec.name)
    return name * NAME_WEIGHT + words(spec.description) + words(path) + words(arguments)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isascii():
        return word[:-1]
    return word
