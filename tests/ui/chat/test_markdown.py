"""Messages from Markdown: tables, lists, links, highlighted code with Copy, in segments."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QTextDocument

from desktop.ui.chat.markdown import (
    SEGMENT_CHARS,
    Colors,
    render,
    segments,
    with_citations,
)
from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt
from tests.ui.chat.conftest import Chat

SAMPLE = """# Trip

| Train | Minutes |
|---|---|
| Rapid | 29 |

1. Buy a ticket
2. Board at [platform 5](https://example.com/p5)

- milk
- tea

```python
def fare(km):
    return 140 + km * 10
```

<script>alert(1)</script> and ![map](/etc/map.png)
"""


def plain(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_tables_lists_links_and_code(qtbot: object) -> None:
    rendered = render(SAMPLE, Colors())
    html = rendered.html
    assert '<table border="1"' in html and "<th>Train</th>" in html
    assert "<ol>" in html and "<ul>" in html
    assert '<a href="https://example.com/p5">platform 5</a>' in html
    assert '<a href="copy:0">Copy</a>' in html
    assert "color: #" in html and "fare" in html  # Pygments colours the code
    assert rendered.codes == ("def fare(km):\n    return 140 + km * 10\n",)
    assert "<script>" not in html and "&lt;script&gt;" in html  # raw HTML stays text
    assert '<a href="/etc/map.png">🖼 map</a>' in html and "<img" not in html


def test_segments_render_as_the_whole_does(qtbot: object) -> None:
    paragraph = "Words about trains and stations. " * 20
    text = "\n\n".join([paragraph, "```\ncode line\n\ncode after a blank\n```", *[paragraph] * 8])
    text += (
        "\n\n1. one\n\n   still one\n2. two\n\nSee [the guide][g].\n\n[g]: https://example.com/g"
    )
    pieces = segments(text)
    assert len(pieces) > 3
    assert all(len(p) < 4 * SEGMENT_CHARS for p in pieces)
    whole = plain(render(text, Colors()).html).split()
    joined = " ".join(plain(render(p, Colors()).html) for p in pieces).split()
    assert joined == whole
    assert '<a href="https://example.com/g">the guide</a>' in render(pieces[-1], Colors()).html


def test_a_huge_paragraph_or_code_block_is_still_cut(qtbot: object) -> None:
    huge = "word " * 5000
    assert len(segments(huge)) > 3
    code = "```js\n" + "let x = 1;\n" * 2000 + "```"
    pieces = segments(code)
    assert len(pieces) > 1 and all(p.startswith("```js") for p in pieces)
    lines = [line for p in pieces for line in render(p, Colors()).codes[0].splitlines()]
    assert lines == ["let x = 1;"] * 2000


def test_citations_become_links() -> None:
    text = "Cats sleep [1], dogs too [2]. https://example.com/a"
    notes = [
        {"type": "file_citation", "text": "[1]", "start_index": 11, "end_index": 14},
        {"type": "file_citation", "text": "[2]", "start_index": 25, "end_index": 28},
        {
            "type": "url_citation",
            "text": "https://example.com/a",
            "start_index": 30,
            "end_index": 51,
        },
    ]
    html = render(with_citations(text, notes), Colors()).html
    assert '<a href="cite:0">[1]</a>' in html and '<a href="cite:1">[2]</a>' in html
    assert '<a href="https://example.com/a">https://example.com/a</a>' in html


def test_each_code_block_copies_its_own_code(chat: Chat, server: OpenAIServer) -> None:
    gpt = lab_gpt(chat.services, server)
    chat.open(gpt)
    server.script(text_answer("First:\n\n```sh\nls -la\n```\n\nSecond:\n\n```py\nprint('hi')\n```"))
    chat.send("Two snippets")
    assert {"copy:0", "copy:1"} <= chat.links(1)
    chat.click_link(1, "copy:1")
    assert QGuiApplication.clipboard().text() == "print('hi')\n"
    chat.click_link(1, "copy:0")
    assert QGuiApplication.clipboard().text() == "ls -la\n"
    assert chat.page.status.text() == "Copied."
    chat.click_link(1, "act:copy")
    assert QGuiApplication.clipboard().text().startswith("First:")
