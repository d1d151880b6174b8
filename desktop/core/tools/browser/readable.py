"""What a model can read of a fetched answer: decoded text, the page's title and main text.

HTML goes through trafilatura, which keeps the article and drops navigation, ads and
footers, writing Markdown (headings, lists, tables and links survive). A page where it
finds no article falls back to all of its visible text. Plain text and JSON are read as
they are; anything else is described, never decoded. Pure functions over bytes; any
thread.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from desktop.core import errors

# trafilatura logs, up to ERROR level, every page it finds too short or too odd to parse;
# this module turns those cases into its fallback.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

MAX_TITLE_CHARS = 300
MAX_TEXT_CHARS = 1_000_000  # what is kept of one page; the model reads it in windows
_SNIFF_BYTES = 4096
_DETECT_BYTES = 256 * 1024  # what charset-normalizer looks at to guess an encoding
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that browsers read as a wider encoding than their name says (WHATWG Encoding):
# pages labelled with the narrow one routinely use the wide one's extra characters.
_WIDER = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset(
    {
        "application/xml",
        "application/javascript",
        "application/x-javascript",
        "application/ecmascript",
        "application/x-yaml",
        "application/yaml",
        "application/toml",
        "application/x-ndjson",
        "application/rss+xml",
        "application/atom+xml",
    }
)
_KINDS = {
    "application/pdf": "a PDF document",
    "application/zip": "a ZIP archive",
    "application/gzip": "a gzip archive",
    "application/msword": "a Word document",
    "application/vnd.ms-excel": "an Excel spreadsheet",
}
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t\u3000]+\n")


@dataclass(frozen=True)
class Readable:
    """The text of one answer: `kind` is html, text or json."""

    title: str
    text: str
    kind: str
    clipped: bool = False  # the text went past MAX_TEXT_CHARS and was cut there


def readable(body: bytes, content_type: str, charset: str | None, url: str) -> Readable:
    """The title and text of an answer's `body`, read by its media type (or its bytes).

    Raises:
        errors.ToolError: the answer is a PDF, an image or another file that is not text.
    """
    media = content_type or ""
    if not media or media in ("application/octet-stream", "binary/octet-stream"):
        media = sniff(body)
    if media in _HTML_TYPES:
        return _html(decode(body, charset, html=True), url)
    if media == "application/json" or media.endswith("+json"):
        return _json(decode(body, charset, html=False))
    if media.startswith("text/") or media in _TEXT_TYPES or media.endswith("+xml"):
        return _text(decode(body, charset, html=False), "text")
    raise errors.ToolError(
        f"{url} is {describe(media)} ({size_text(len(body))}); fetch_url reads only web "
        "pages, plain text and JSON. Give the user the link, or look for an HTML version."
    )


def sniff(body: bytes) -> str:
    """The media type of an answer that did not say (or only said octet-stream)."""
    head = body[:_SNIFF_BYTES]
    for magic, media in _MAGIC:
        if head.startswith(magic):
            return media
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "text/html"
    if b"\x00" in head and not head.startswith(tuple(bom for bom, _ in _BOMS)):
        return "application/octet-stream"
    if lowered.startswith((b"{", b"[")):
        return "application/json"
    return "text/plain"


def describe(media: str) -> str:
    """A file kind in words: 'a PDF document', 'an image (image/png)'."""
    if media in _KINDS:
        return _KINDS[media]
    if media.startswith(("image/", "audio/", "video/")):
        kind = media.split("/", maxsplit=1)[0]
        return f"{'an' if kind in ('image', 'audio') else 'a'} {kind} file ({media})"
    return f"a file of type {media or 'unknown'}"


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def decode(body: bytes, charset: str | None, *, html: bool) -> str:
    """Bytes as text: a BOM, the header's charset, a <meta> charset, UTF-8, then a guess.

    Never fails: bytes no encoding explains become U+FFFD.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return clean(body.decode(encoding, errors="replace"))
    declared: list[str | None] = [charset]
    if html:
        found = _META_CHARSET.search(body[:_SNIFF_BYTES])
        declared.append(found.group(1).decode("ascii", "replace").lower() if found else None)
    for label in declared:
        codec = _encoding(label)
        if codec:
            return clean(body.decode(codec, errors="replace"))
    return clean(body.decode(_guess(body), errors="replace"))


def _guess(body: bytes) -> str:
    """UTF-8 if the bytes are UTF-8, else charset-normalizer's guess (UTF-8 if it has none)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        # Imported here: most pages say their charset or are UTF-8, and never need it.
        from charset_normalizer import from_bytes  # noqa: PLC0415

        best = from_bytes(body[:_DETECT_BYTES]).best()
        return _encoding(best.encoding if best is not None else None) or "utf-8"
    return "utf-8"


def clean(text: str) -> str:
    """Unix newlines, no NULs or lone surrogates, no trailing spaces, no runs of blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _SURROGATE.sub("\ufffd", text)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    return _BLANK_LINES.sub("\n\n", text).strip()


def _encoding(label: str | None) -> str | None:
    """The Python codec for a charset label, or None for an unknown or unusable one."""
    if not label:
        return None
    label = _WIDER.get(label.strip().lower(), label.strip().lower())
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that declares UTF-16 in its own ASCII text cannot be UTF-16 (WHATWG: UTF-8).
    return "utf-8" if name.startswith("utf-16") else name


def _capped(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_TEXT_CHARS:
        return text, False
    cut = text.rfind("\n", 0, MAX_TEXT_CHARS)
    return text[: cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS], True


def _text(text: str, kind: str, title: str = "") -> Readable:
    if len(_CONTROL.findall(text[:_SNIFF_BYTES])) > 8:
        raise errors.ToolError(
            errors.said(
                "The answer says it is text but holds binary data; fetch_url cannot read it."
            )
        )
    body, clipped = _capped(text)
    return Readable(title, body, kind, clipped)


def _json(text: str) -> Readable:
    try:
        value = json.loads(text)
        pretty = json.dumps(value, indent=2, ensure_ascii=False)
    except (ValueError, RecursionError):
        return _text(text, "text")  # labelled JSON, but not: the text is still worth reading
    return _text(pretty, "json")


def _html(text: str, url: str) -> Readable:
    # Imported on first use: trafilatura costs ~90 ms, which the app's start should not pay.
    import trafilatura  # noqa: PLC0415

    if "<html" not in text[:_SNIFF_BYTES].lower():
        # trafilatura refuses a fragment as "dubious HTML"; the document around it is all
        # it lacks.
        text = f"<html><body>{text}</body></html>"
    try:
        tree = trafilatura.load_html(text)
    except (ValueError, TypeError):
        tree = None
    if tree is None:
        return _text(clean(trafilatura.html2txt(text) or ""), "html")
    title = page_title(tree)
    # extract() works on its own copy of the tree; html2txt (the fallback) changes it.
    main = trafilatura.extract(
        tree,
        url=url,
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        with_metadata=False,
    )
    if main and main.strip():
        return _text(clean(main), "html", title)
    # html2txt is trafilatura's own baseline: all visible text, boilerplate included.
    return _text(clean(trafilatura.html2txt(tree) or ""), "html", title)


def page_title(tree: Any) -> str:
    """The page's title: its og:title, else its <title>, else its first <h1>."""
    candidates: list[str] = []
    for found in tree.xpath("//meta[@property='og:title']/@content"):
        candidates.append(str(found))
    for tag in ("title", "h1"):
        element = tree.find(f".//{tag}")
        if element is not None:
            candidates.append(element.text_content())
    for candidate in candidates:
        title = " ".join(candidate.split())
        if title:
            return title[: MAX_TITLE_CHARS - 1] + "…" if len(title) > MAX_TITLE_CHARS else title
    return ""
