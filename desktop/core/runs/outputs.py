"""What built-in tools leave for the answer: pictures to show and web pages to cite.

Tool calls record their images (thread file names) and the web sources the model was shown;
the message that follows them in the run gets the images as `image_file` parts, and each
URL of a shown source that the answer mentions as a `url_citation` annotation.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.core.runs.citations import annotate
from desktop.core.runs.steps import Chunk, Step
from desktop.core.store.records import text_content

WEB_CITATION_GUIDE = (
    "When your answer uses a web page you fetched or a search result, cite it with a "
    "markdown link to its URL, like [page title](https://example.com/page), right after "
    "the claim. Only cite URLs that a tool gave you."
)
# A URL as models write them: bare, in <angle brackets>, or as a markdown link target. It
# may hold non-ASCII letters (https://zh.wikipedia.org/wiki/北京) but ends at full-width
# punctuation, which Chinese text puts right after it.
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`。，；：！？、（）【】「」《》]+")
_TRAILING = ".,;:!?。，；：！？、"


def pending_images(steps: list[Step], message_step_id: str) -> list[str]:
    """Images made by tool calls since the last message, for the message of this step."""
    pending: list[str] = []
    for step in steps:
        if step.type == "tool_calls":
            for call in step.function_calls():
                pending += [name for name in call.images or [] if name not in pending]
        elif step.type == "message_creation":
            if step.id == message_step_id:
                return pending
            if step.message_id:
                pending = []
    return pending


def web_sources(steps: list[Step]) -> dict[str, str]:
    """Every URL a browsing tool showed the model in this run, with its title."""
    sources: dict[str, str] = {}
    for call in (c for step in steps for c in step.function_calls()):
        for source in call.web_browsing.sources if call.web_browsing else []:
            url = source.get("url")
            if isinstance(url, str) and url:
                sources.setdefault(_normal(url), str(source.get("title") or url))
    return sources


def annotate_urls(text: str, sources: dict[str, str]) -> list[dict[str, Any]]:
    """A `url_citation` annotation for each URL in `text` that a tool gave the model."""
    if not sources:
        return []
    annotations = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        title = sources.get(_normal(url))
        if title is None:
            continue
        annotations.append(
            {
                "type": "url_citation",
                "text": url,
                "start_index": match.start(),
                "end_index": match.start() + len(url),
                "url_citation": {"url": url, "title": title},
            }
        )
    return annotations


def answer_content(
    text: str, sources: list[Chunk], steps: list[Step], step_id: str
) -> list[dict[str, Any]]:
    """An answer's content: pictures tools made for it, then its text with its citations."""
    annotations = annotate(text, sources) + annotate_urls(text, web_sources(steps))
    annotations.sort(key=lambda a: a["start_index"])
    return image_parts(pending_images(steps, step_id)) + text_content(text, annotations)


def image_parts(images: list[str]) -> list[dict[str, Any]]:
    """Message content parts showing thread files as pictures."""
    return [{"type": "image_file", "image_file": {"file_id": name}} for name in images]


def _normal(url: str) -> str:
    """The form URLs are compared in: no fragment, no trailing slash."""
    return url.split("#", 1)[0].rstrip("/")
