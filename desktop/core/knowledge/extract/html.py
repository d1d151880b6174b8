"""The readable main text of an HTML page through trafilatura, split at its headings."""

from __future__ import annotations

import logging
from pathlib import Path

import trafilatura

from desktop.core.knowledge.extract.common import clean, read_limited
from desktop.core.knowledge.extract.markdown import markdown_sections
from desktop.core.knowledge.types import Extraction, Section

# trafilatura logs, up to ERROR level, every page it finds too short or too odd to
# parse; this module turns those cases into a fallback and a warning of its own.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def extract_html(path: Path, max_bytes: int) -> Extraction:
    """The article text without navigation, headers, footers or comments.

    trafilatura writes the main content as Markdown, so headings survive and each
    section is located by its heading path. A page too small or too odd for
    trafilatura's main-content detection falls back to all of its visible text, with a
    warning.
    """
    data = read_limited(path, max_bytes)
    if not data.strip():
        return Extraction([])
    if b"<html" not in data[:4096].lower():
        # trafilatura refuses a fragment (an exported article, a saved snippet) as
        # "dubious HTML"; the document around it is all it lacks.
        data = b"<html><body>" + data + b"</body></html>"
    main = trafilatura.extract(
        data,
        output_format="markdown",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
    )
    if main and main.strip():
        return Extraction(markdown_sections(clean(main)))
    # html2txt is trafilatura's own baseline: all visible text, boilerplate included.
    everything = clean(trafilatura.html2txt(data) or "")
    if not everything.strip():
        return Extraction([])
    return Extraction(
        [Section(everything)],
        warnings=["no main article found, so all of the page's text was kept"],
    )
