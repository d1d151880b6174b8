"""Markdown to the HTML a `QTextDocument` shows: markdown-it-py for the text, Pygments for code.

Messages are rendered in segments (`segments`): pieces of the source cut at blank lines
between blocks, so a long answer that is still streaming re-renders only its last piece.
Citations become links before rendering (`cite:N`, N the annotation's index); code blocks
get a header with their language and a `copy:N` link. Raw HTML in a message is shown as
text, and pictures are links (a model's image URL is never fetched). Pure Python: no Qt,
so it can run on any thread; the views call it on the GUI thread, one segment at a time.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.lexers.special import TextLexer
from pygments.util import ClassNotFound

# A segment is cut at the first safe blank line after this many characters...
SEGMENT_CHARS = 1500
# ...and anywhere (a line break, a space) past this many, when no blank line comes.
SEGMENT_MAX_CHARS = 6000
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S", re.MULTILINE)


@dataclass(frozen=True)
class Colors:
    """The colours rendered HTML uses (chosen from the window's palette)."""

    code_background: str = "#f3f4f6"
    code_border: str = "#d0d7de"
    muted: str = "#6b7280"
    mark: str = "#fde68a"
    dark: bool = False
    copy: str = "Copy"  # the code blocks' Copy link, in the window's language

    @property
    def pygments_style(self) -> str:
        return "monokai" if self.dark else "default"


@dataclass(frozen=True)
class Rendered:
    """One segment as HTML, and the source of each of its code blocks (for Copy)."""

    html: str
    codes: tuple[str, ...]


# -- the source -------------------------------------------------------------------------------


def with_citations(text: str, annotations: list[dict[str, Any]]) -> str:
    """`text` with each file citation made a `cite:N` link and each cited URL a link."""
    out = text
    for index in sorted(range(len(annotations)), key=lambda i: -annotations[i]["start_index"]):
        note = annotations[index]
        start, end = note["start_index"], note["end_index"]
        if out[start:end] != note.get("text"):
            continue  # the text moved under it (still streaming): leave it plain
        if note.get("type") == "file_citation":
            label = note["text"].replace("[", "\\[").replace("]", "\\]")
            out = f"{out[:start]}[{label}](cite:{index}){out[end:]}"
        elif note.get("type") == "url_citation" and not out[:start].endswith(("(", "<")):
            out = f"{out[:start]}<{note['text']}>{out[end:]}"
    return out


def segments(text: str) -> list[str]:
    """The source cut into pieces that render alone as they would together.

    Cuts fall on blank lines between blocks, outside code blocks, once a piece has
    `SEGMENT_CHARS`. A piece that reaches `SEGMENT_MAX_CHARS` without one is cut anyway:
    a code block is closed and opened again, a paragraph breaks where it was cut.
    """
    lines = text.split("\n")
    out: list[str] = []
    current: list[str] = []
    size = 0
    fence: str | None = None  # the line that opened the code block we are in
    for number, whole in enumerate(lines):
        for line in _pieces(whole) if fence is None else (whole,):
            opened = _FENCE.match(line)
            if fence is None and opened:
                fence = line
            elif fence is not None and line.strip().startswith(_marker(fence)):
                fence = None
            current.append(line)
            size += len(line) + 1
            if size >= SEGMENT_MAX_CHARS:
                out.append("\n".join([*current, _marker(fence)] if fence else current))
                current, size = ([fence] if fence else []), 0
        after = lines[number + 1] if number + 1 < len(lines) else None
        if after is None:
            break
        if fence is None and size >= SEGMENT_CHARS and not whole.strip() and _starts_block(after):
            out.append("\n".join(current))
            current, size = [], 0
    out.append("\n".join(current))
    references = [line for line in lines if _REFERENCE.match(line)]
    if references and len(out) > 1:
        tail = "\n\n" + "\n".join(references)
        out = [piece + tail for piece in out]
    return out


def _pieces(line: str) -> list[str]:
    """A very long line split at spaces (a soft line break renders as a space)."""
    if len(line) <= SEGMENT_MAX_CHARS:
        return [line]
    pieces = []
    while len(line) > SEGMENT_CHARS:
        at = line.rfind(" ", 0, SEGMENT_CHARS)
        at = at if at > 0 else SEGMENT_CHARS
        pieces.append(line[:at])
        line = line[at:].lstrip(" ")
    return [*pieces, line]


def _marker(fence_line: str) -> str:
    opened = _FENCE.match(fence_line)
    return opened.group(1) if opened else "```"


def _starts_block(line: str) -> bool:
    """Whether a segment may start at `line` (not an indented continuation of a list)."""
    return bool(line) and not line[0].isspace()


# -- rendering --------------------------------------------------------------------------------


def render(source: str, colors: Colors) -> Rendered:
    """One segment as HTML for a `QTextDocument`."""
    return _render(source, colors)


@lru_cache(maxsize=512)
def _render(source: str, colors: Colors) -> Rendered:
    parser = _parser()
    codes: list[str] = []
    env: dict[str, Any] = {"codes": codes, "colors": colors}
    body = parser.render(source, env)
    return Rendered(_tables(body), tuple(codes))


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.add_render_rule("fence", _fence)
    parser.add_render_rule("code_block", _fence)
    parser.add_render_rule("image", _image)
    return parser


def _fence(self: Any, tokens: list[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """A code block: highlighted, on a tinted panel, under its language and a Copy link."""
    token = tokens[idx]
    colors: Colors = env["colors"]
    codes: list[str] = env["codes"]
    language = (token.info or "").strip().split(" ")[0]
    code = token.content
    codes.append(code)
    number = len(codes) - 1
    body = _highlight(code.rstrip("\n"), language, colors.pygments_style)
    label = html.escape(language or "text")
    return (
        f'<table width="100%" border="0" cellspacing="0" cellpadding="6" '
        f'bgcolor="{colors.code_background}" style="margin-top: 4px; margin-bottom: 8px;">'
        f'<tr><td><span style="color: {colors.muted};">{label}</span></td>'
        f'<td align="right"><a href="copy:{number}">{html.escape(colors.copy)}</a></td></tr>'
        f'<tr><td colspan="2"><pre style="margin: 0;">{body}</pre></td></tr></table>'
    )


@lru_cache(maxsize=256)
def _highlight(code: str, language: str, style: str) -> str:
    try:
        lexer = get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        lexer = TextLexer()
    formatter = HtmlFormatter(noclasses=True, nowrap=True, style=style)
    return str(highlight(code, lexer, formatter)).rstrip("\n")


def _image(self: Any, tokens: list[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """A picture the model linked to: shown as a link, never fetched."""
    token = tokens[idx]
    source = html.escape(str(token.attrGet("src") or ""), quote=True)
    alt = html.escape(token.content or source)
    return f'<a href="{source}">🖼 {alt}</a>'


def _tables(body: str) -> str:
    """Tables with visible rules: `QTextDocument` draws none without these attributes."""
    return body.replace(
        "<table>",
        '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse: collapse;">',
    )


# Languages models write most; their lexers compile their patterns on first use (tens of
# milliseconds each), so `warm_up` does that on a worker before the first answer needs them.
COMMON_LANGUAGES = (
    "python",
    "javascript",
    "typescript",
    "json",
    "bash",
    "sql",
    "html",
    "css",
    "java",
    "c",
    "cpp",
    "go",
    "rust",
    "yaml",
    "text",
)


def warm_up() -> None:
    """Load the parser and the common lexers (any thread; call it off the GUI thread)."""
    sample = "\n\n".join(f"```{language}\nx = 1\n```" for language in COMMON_LANGUAGES)
    render("# T\n\n| a |\n|---|\n| 1 |\n\n- x\n\n" + sample, Colors())


def plain_html(text: str, color: str = "") -> str:
    """Plain text as HTML paragraphs (line breaks kept)."""
    style = f' style="color: {color};"' if color else ""
    escaped = html.escape(text).replace("\n", "<br>")
    return f"<p{style}>{escaped}</p>"


def marked_html(text: str, spans: list[tuple[int, int]], mark: str) -> str:
    """Text with the (start, end) spans highlighted."""
    out, at = [], 0
    for start, end in spans:
        out.append(html.escape(text[at:start]))
        out.append(f'<span style="background-color: {mark};">{html.escape(text[start:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")
