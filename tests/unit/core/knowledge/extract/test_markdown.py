from __future__ import annotations

from pathlib import Path

from desktop.core.knowledge.extract import extract
from desktop.core.knowledge.extract.markdown import markdown_sections

GUIDE = """\
Capsule Studio runs assistants on your machine.

# Install

## Linux

Download the AppImage.

### Ubuntu

    # not a heading: indented code
Run `chmod +x`.

## Windows ##

Run the installer.

```bash
# not a heading either: fenced code
capsule --help
```

Settings
--------

Choose a model.

Usage
=====

Start a chat.
"""


def test_sections_are_located_by_their_heading_path(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text(GUIDE, encoding="utf-8")

    found = extract(path)

    assert [s.location for s in found.sections] == [
        "",
        "Install > Linux",
        "Install > Linux > Ubuntu",
        "Install > Windows",
        "Install > Settings",
        "Usage",
    ]
    by_location = {s.location: s.text for s in found.sections}
    assert by_location[""] == "Capsule Studio runs assistants on your machine."
    assert by_location["Install > Linux"] == "## Linux\n\nDownload the AppImage."
    assert "# not a heading: indented code" in by_location["Install > Linux > Ubuntu"]
    assert "capsule --help" in by_location["Install > Windows"]
    assert by_location["Install > Settings"] == "Settings\n--------\n\nChoose a model."


def test_a_heading_without_text_under_it_makes_no_section() -> None:
    sections = markdown_sections("# Top\n## Empty\n## Full\ntext\n")

    assert [(s.location, s.text) for s in sections] == [("Top > Full", "## Full\ntext")]


def test_a_rule_after_a_blank_line_or_a_list_is_not_a_heading() -> None:
    sections = markdown_sections("# A\nintro\n\n---\n- item\n---\nend\n")

    assert [s.location for s in sections] == ["A"]
    assert sections[0].text == "# A\nintro\n\n---\n- item\n---\nend"


def test_markdown_extension_and_chinese_headings(tmp_path: Path) -> None:
    path = tmp_path / "说明.markdown"
    path.write_text("# 安装\n\n## 苹果电脑\n\n拖到应用程序文件夹。\n", encoding="utf-8")

    assert extract(path).sections[0].location == "安装 > 苹果电脑"
