"""Markdown split at its headings, each section located by its heading path."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.knowledge.extract.common import HeadingSections, decode_text, read_limited
from desktop.core.knowledge.types import Extraction, Section

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NOT_PARAGRAPH = re.compile(r"^( {4}| {0,3}([-+*>|]|\d+[.)]|#))")


def markdown_sections(text: str) -> list[Section]:
    """Sections of Markdown text, one per heading that has text under it.

    A heading's section holds the heading line and everything up to the next heading;
    its location is the heading path ("Install > Linux"). Text before the first heading
    has an empty location. Lines inside fenced code blocks are never headings.
    """
    sections = HeadingSections()
    fence = ""
    for line in text.split("\n"):
        if fence:
            if line.lstrip(" ").startswith(fence):
                fence = ""
            sections.body(line)
            continue
        if opening := _FENCE.match(line):
            fence = opening.group(1)
            sections.body(line)
        elif atx := _ATX.match(line):
            sections.heading(len(atx.group(1)), (atx.group(2) or "").strip(), [line])
        elif (underline := _SETEXT.match(line)) and _is_paragraph(sections.last_body_line()):
            title = sections.pop_body_line()
            level = 1 if underline.group(1).startswith("=") else 2
            sections.heading(level, title.strip(), [title, line])
        else:
            sections.body(line)
    return sections.finish()


def _is_paragraph(line: str | None) -> bool:
    """Whether a line is plain paragraph text, which a setext underline turns into a heading."""
    return bool(line and line.strip()) and not _NOT_PARAGRAPH.match(line or "")


def extract_markdown(path: Path, max_bytes: int) -> Extraction:
    text = decode_text(read_limited(path, max_bytes), path.name)
    return Extraction(markdown_sections(text))
