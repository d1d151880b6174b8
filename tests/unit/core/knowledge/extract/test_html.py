from __future__ import annotations

from pathlib import Path

from desktop.core.knowledge.extract import extract
from desktop.core.knowledge.types import Extraction

NAV = "".join(f'<li><a href="/p{i}">Navigation link {i}</a></li>' for i in range(12))
PARAGRAPHS = [
    "Retrieval augmented generation lets a local model answer questions about your own "
    "documents without sending them anywhere.",
    "Each document is split into chunks, indexed for keyword search, and optionally "
    "embedded so that similar meanings are found even when the words differ.",
    "When the assistant answers, it cites the file and the page it used, so that every "
    "claim can be checked against its source.",
]
PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Local RAG explained</title>
<script>var tracking = "do not index me";</script><style>body {{ color: red }}</style></head>
<body>
<header><nav><ul>{NAV}</ul></nav></header>
<main><article>
<h1>Local RAG explained</h1>
<p>{PARAGRAPHS[0]}</p>
<h2>How indexing works</h2>
<p>{PARAGRAPHS[1]}</p>
<h2>Citations</h2>
<p>{PARAGRAPHS[2]}</p>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/x">Ten tricks you will not believe</a></li></ul></aside>
<footer><p>Copyright 2026 Example Corp. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of service</a></footer>
</body></html>
"""


def test_the_article_is_kept_and_the_boilerplate_is_not(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")

    found = extract(path)
    text = "\n".join(s.text for s in found.sections)

    for paragraph in PARAGRAPHS:
        assert paragraph in text
    for boilerplate in ("Navigation link", "Copyright 2026", "Privacy policy", "do not index"):
        assert boilerplate not in text
    assert found.warnings == []


def test_html_sections_carry_their_heading_path(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")

    located = {s.location: s.text for s in extract(path).sections}

    assert PARAGRAPHS[1] in located["Local RAG explained > How indexing works"]
    assert PARAGRAPHS[2] in located["Local RAG explained > Citations"]


def test_a_page_in_a_legacy_encoding_decodes(tmp_path: Path) -> None:
    body = "".join(f"<p>{'知识库的段落，用来测试编码。' * 4}{i}</p>" for i in range(5))
    page = f'<html><head><meta charset="gbk"></head><body><article>{body}</article></body></html>'
    path = tmp_path / "gbk.html"
    path.write_bytes(page.encode("gbk"))

    assert "知识库的段落" in extract(path).sections[0].text


def test_a_tiny_page_keeps_its_text(tmp_path: Path) -> None:
    found = extract_html_text(tmp_path, "<html><body><p>Just one line.</p></body></html>")

    assert found.sections[0].text == "Just one line."
    assert found.warnings == []


def test_a_page_without_main_content_keeps_all_of_its_text_with_a_warning(
    tmp_path: Path,
) -> None:
    # trafilatura finds no article in a page that is all comment thread.
    found = extract_html_text(
        tmp_path, '<html><body><div id="comments">Great post, thanks</div></body></html>'
    )

    assert found.sections[0].text == "Great post, thanks"
    assert found.warnings == ["no main article found, so all of the page's text was kept"]


def test_an_empty_page_has_no_sections(tmp_path: Path) -> None:
    assert extract_html_text(tmp_path, "<html><body></body></html>").sections == []
    assert extract_html_text(tmp_path, "").sections == []


def extract_html_text(tmp_path: Path, html: str) -> Extraction:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return extract(path)


def test_an_html_fragment_without_html_or_body_tags_is_read(tmp_path: Path) -> None:
    fragment = "".join(f"<h2>Part {i}</h2><p>{PARAGRAPHS[i]}</p>" for i in range(3))

    # One element at the top, as readability-style exports have: trafilatura alone
    # rejects it as "not valid HTML".
    found = extract_html_text(tmp_path, f"<div class='page'><div>{fragment}</div></div>")

    assert PARAGRAPHS[1] in "\n".join(s.text for s in found.sections)
