"""Split an extraction into token-sized, overlapping chunks along natural boundaries.

Each section is cut into units: sentences, and pieces of the sentences that are longer
than a chunk (lines, then clauses, then words, then characters). Units are packed
greedily into chunks of at most `size` tokens; when a chunk is full it is closed at the
strongest boundary it holds past half its size (a paragraph end beats a sentence end beats
a line, a clause, a word), and the next chunk starts with the last units of the previous
one that together take at most `overlap` tokens.

Sentences end at . ! ? followed by a space, at 。！？； and their variants with no space
needed, and at a line break before a list item or heading. Any other single line break is
taken for a soft wrap (PDF text breaks its lines mid-sentence), so it ends no sentence;
a blank line ends a paragraph.

Chunks never cross sections, so each keeps its section's page and location, and
`section.text[chunk.start:chunk.end] == chunk.text` with no surrounding whitespace.
Everything here is pure and runs on whichever thread calls it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from desktop.core.knowledge.tokens import CJK_CHARS, TokenCounter, approx_tokens
from desktop.core.knowledge.types import Chunk, Extraction

_CLOSERS = "\"'”’」』）》〉】〕)\\]"
_LIST_ITEM = (
    r"[^\S\n]*(?:[-*+•·‣▪●○◦–—|>]\s|#{1,6}\s|\d{1,3}[.)]\s|\d{1,3}、|[A-Za-z][.)]\s"
    r"|[(（]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)

# Each pattern marks where a cut goes: right after every match.
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = re.compile(
    # English: needs a space (or CJK) after, and is no list number like "1." or "b.".
    r"(?<!^\d)(?<!^\d\d)(?<!^\d\d\d)(?<!^[A-Za-z])"
    f"[.!?]+[{_CLOSERS}]*(?=\\s|$|[{CJK_CHARS}])"
    f"|[。｡！？；﹒﹔﹖﹗︒]+[{_CLOSERS}]*"  # Chinese and fullwidth: no space needed
    f"|\\n(?={_LIST_ITEM})",  # a line break before a list item or heading
    re.MULTILINE,
)
_LINE_END = re.compile(r"\n")
_CLAUSE_END = re.compile(f"[,:;]+[{_CLOSERS}]*(?=\\s)|[，、：﹐﹑﹕]+[{_CLOSERS}]*")
_WORD_END = re.compile(f"\\s|[{CJK_CHARS}]|[^\\s{CJK_CHARS}](?=[{CJK_CHARS}])")

# How strong the boundary after a unit is; a full chunk closes at the strongest one.
_PARAGRAPH, _SENTENCE, _LINE, _CLAUSE, _WORD, _CHARACTER = 5, 4, 3, 2, 1, 0

# Levels below the sentence only come into play for a piece longer than a chunk.
_LEVELS: tuple[tuple[re.Pattern[str], int], ...] = (
    (_PARAGRAPH_END, _PARAGRAPH),
    (_SENTENCE_END, _SENTENCE),
    (_LINE_END, _LINE),
    (_CLAUSE_END, _CLAUSE),
    (_WORD_END, _WORD),
)
_SENTENCE_LEVEL = 1


@dataclass(frozen=True, slots=True)
class _Unit:
    """An unbreakable span of a section's text, with its token count."""

    start: int
    end: int
    tokens: int
    boundary: int  # strength of the boundary right after this unit


def chunk_extraction(
    file_id: str,
    extraction: Extraction,
    size: int = 400,
    overlap: int = 60,
    count_tokens: TokenCounter | None = None,
) -> list[Chunk]:
    """Cut every section of `extraction` into chunks of at most `size` tokens.

    A chunk is longer than `size` only when it is a single character that alone counts
    more than `size` tokens, which `approx_tokens` never does but a model's tokenizer may.

    Args:
        file_id: Stored on every chunk.
        extraction: The sections to cut; empty and blank sections give no chunks.
        size: The most tokens in a chunk.
        overlap: The most tokens a chunk repeats from the end of the one before it, in
            whole units (sentences, or pieces of an over-long sentence): when the last
            sentence alone is longer than `overlap`, the chunks do not overlap.
        count_tokens: Counts tokens; `approx_tokens` when None. It should not count
            fewer tokens for a text than for a prefix of it.

    Returns:
        The chunks in order, indexed from 0 across the whole file.

    Raises:
        ValueError: `size` is below 1, `overlap` is negative, or `overlap` is not
            smaller than `size`.
    """
    _check_sizes(size, overlap)
    count = count_tokens or approx_tokens
    chunks: list[Chunk] = []
    for number, section in enumerate(extraction.sections):
        text = section.text
        units: list[_Unit] = []
        _units(text, 0, len(text), 0, _PARAGRAPH, size, count, units)
        for start, end in _pack(text, units, size, overlap, count):
            chunks.append(
                Chunk(
                    file_id=file_id,
                    index=len(chunks),
                    text=text[start:end],
                    page=section.page,
                    location=section.location,
                    section=number,
                    start=start,
                    end=end,
                    ocr=section.ocr,
                )
            )
    return chunks


def _check_sizes(size: int, overlap: int) -> None:
    if size < 1:
        raise ValueError(f"chunk size ({size}) must be at least 1 token")
    if overlap < 0:
        raise ValueError(f"chunk overlap ({overlap}) must not be negative")
    if overlap >= size:
        raise ValueError(
            f"chunk overlap ({overlap}) must be smaller than chunk size ({size}): "
            "lower the overlap or raise the size"
        )


# --- cutting a section into units ----------------------------------------------------


def _units(
    text: str,
    start: int,
    end: int,
    level: int,
    tail: int,
    size: int,
    count: TokenCounter,
    units: list[_Unit],
) -> None:
    """Append to `units` those of `text[start:end]`, cut at `level` and finer as needed.

    `tail` is the strength of the boundary after the whole span; its last unit takes it.
    (Appending to one list, rather than yielding, keeps deep recursion cheap.)
    """
    pattern, strength = _LEVELS[level]
    pieces = _cut(text, start, end, pattern)
    for number, (piece_start, piece_end) in enumerate(pieces):
        boundary = tail if number == len(pieces) - 1 else strength
        if level < _SENTENCE_LEVEL:
            _units(text, piece_start, piece_end, level + 1, boundary, size, count, units)
            continue
        tokens = count(text[piece_start:piece_end])
        if tokens <= size:
            units.append(_Unit(piece_start, piece_end, tokens, boundary))
        elif level + 1 < len(_LEVELS):
            _units(text, piece_start, piece_end, level + 1, boundary, size, count, units)
        else:
            units.extend(_characters(text, piece_start, piece_end, boundary, size, count))


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of `text[start:end]` cut after each match, stripped, the blank ones dropped."""
    spans: list[tuple[int, int]] = []
    piece_start = start
    for match in pattern.finditer(text, start, end):
        _add_stripped(spans, text, piece_start, match.end())
        piece_start = match.end()
    _add_stripped(spans, text, piece_start, end)
    return spans


def _add_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        # Moving the offsets, not editing the text, keeps text[start:end] == chunk text.
        left = start + len(piece) - len(piece.lstrip())
        spans.append((left, left + len(stripped)))


def _characters(
    text: str, start: int, end: int, tail: int, size: int, count: TokenCounter
) -> Iterator[_Unit]:
    """Cut a word longer than a chunk into the longest runs of characters that fit."""
    while start < end:
        cut = _longest_fit(text, start, end, size, count)
        boundary = tail if cut == end else _CHARACTER
        yield _Unit(start, cut, count(text[start:cut]), boundary)
        start = cut


def _longest_fit(text: str, start: int, end: int, size: int, count: TokenCounter) -> int:
    """The furthest cut after `start` with `text[start:cut]` in `size` tokens, at least one.

    Gallops then bisects so that a huge word costs O(length * log length), not more.
    """
    fits, step = start + 1, size
    while fits < end:
        probe = min(start + step, end)
        if count(text[start:probe]) > size:
            break
        fits, step = probe, step * 2
    else:
        return end
    low, high = fits, min(start + step, end)  # text[start:low] fits, text[start:high] not
    while high - low > 1:
        middle = (low + high) // 2
        if count(text[start:middle]) <= size:
            low = middle
        else:
            high = middle
    return low


# --- packing units into chunks ---------------------------------------------------------


def _pack(
    text: str, units: list[_Unit], size: int, overlap: int, count: TokenCounter
) -> Iterator[tuple[int, int]]:
    """The (start, end) offsets of the chunks packed from `units`, in order."""
    sums = [0, *accumulate(unit.tokens for unit in units)]
    carried = taken = 0  # the chunk under way starts at units[carried]; units[taken] is new
    while taken < len(units):
        first = carried
        while first < taken and sums[taken + 1] - sums[first] > size:
            first += 1  # the first new unit must fit: give up overlap for it
        stop = taken + 1  # at least one new unit, even one over `size`
        while stop < len(units) and sums[stop + 1] - sums[first] <= size:
            stop += 1
        if stop < len(units):
            stop = _best_close(units, sums, first, taken, stop, size)
        first, stop = _fit_counted(text, units, first, taken, stop, size, count)
        yield units[first].start, units[stop - 1].end
        carried = _overlap_start(text, units, sums, first, stop, overlap, count)
        taken = stop


def _best_close(
    units: list[_Unit], sums: list[int], first: int, taken: int, stop: int, size: int
) -> int:
    """Where to close the full chunk units[first:stop]: its strongest boundary past half.

    Only the new units (from `taken`) are candidates, so every chunk moves forward.
    """
    best = stop
    for close in range(stop - 1, taken, -1):
        if 2 * (sums[close] - sums[first]) < size:
            break
        if units[close - 1].boundary > units[best - 1].boundary:
            best = close
    return best


def _fit_counted(
    text: str,
    units: list[_Unit],
    first: int,
    taken: int,
    stop: int,
    size: int,
    count: TokenCounter,
) -> tuple[int, int]:
    """Shrink units[first:stop] until its text, counted whole, takes at most `size` tokens.

    Packing adds up unit counts; a tokenizer may count the joined text higher (with
    `approx_tokens` it never does). Overlap goes first, then trailing new units.
    """
    while stop - first > 1 and count(text[units[first].start : units[stop - 1].end]) > size:
        if first < taken:
            first += 1
        else:
            stop -= 1
    return first, stop


def _overlap_start(
    text: str,
    units: list[_Unit],
    sums: list[int],
    first: int,
    stop: int,
    overlap: int,
    count: TokenCounter,
) -> int:
    """The first unit of the tail of units[first:stop] that fits in `overlap` tokens.

    The tail is a proper one: when the chunk is a single unit, nothing is carried.
    """
    start = stop
    # Never the whole chunk: the next one would then only repeat it and add to it.
    while start > first + 1 and sums[stop] - sums[start - 1] <= overlap:
        start -= 1
    while start < stop and count(text[units[start].start : units[stop - 1].end]) > overlap:
        start += 1
    return start
