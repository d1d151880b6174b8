"""Format detection from template text, and each layout's text read back by its parser."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.core.providers.toolcalls import formats
from desktop.core.providers.toolcalls.calls import Call, Text
from desktop.core.providers.toolcalls.layouts import write_calls
from desktop.core.providers.toolcalls.mode import probe_tool_mode
from tests.unit.core.providers.toolcalls.templates import REPO, SHARED

WITH_LAYOUT = [f for f in vars(formats).values() if isinstance(f, formats.ToolFormat) and f.layout]


@pytest.mark.parametrize(
    ("template", "variant"),
    [
        ("{{ '<tool_call>' }}", "hermes"),
        ("<tool_call>{{ name }}<arg_key>", "glm-4.5"),
        ("[TOOL_CALLS][{{ calls }}]", "mistral-list"),
        ("[TOOL_CALLS]{{ name }}[ARGS]", "mistral-args"),
        ("<|start_header_id|>{{ 'parameters' }} \"parameters\"", "llama3"),
        ("<|python_tag|>", "llama3"),
        ("[gMASK]<sop><|observation|>", "glm-4"),
        ("{{ '>>>all' }}<tool_call>", "generic"),
        ("{% for m in messages %}{{ m.content }}{% endfor %}", "generic"),
    ],
)
def test_detection_from_the_template_text(template: str, variant: str) -> None:
    assert formats.detect_format(template).variant == variant


@pytest.mark.parametrize("found", WITH_LAYOUT, ids=lambda f: f.variant)
def test_each_layout_s_text_reads_back(found: formats.ToolFormat) -> None:
    assert found.layout is not None
    count = 2 if found.layout.parallel else 1
    calls: list[dict[str, Any]] = [
        {
            "id": f"abcdefgh{i}",
            "type": "function",
            "function": {"name": f"tool_{i}", "arguments": json.dumps({"n": i, "s": "é"})},
        }
        for i in range(count)
    ]
    parser = found.parser([])
    text = write_calls(found.layout, calls)
    pieces = [p for ch in text for p in parser.feed(ch)] + parser.finish()
    assert "".join(p.text for p in pieces if isinstance(p, Text)) == ""
    read = [(p.name, json.loads(p.arguments)) for p in pieces if isinstance(p, Call)]
    assert read == [(f"tool_{i}", {"n": i, "s": "é"}) for i in range(count)]


def test_a_template_that_prints_dicts_with_str_gets_json_text() -> None:
    template = (
        "{% if tools %}{% for t in tools %}{{ t.function.name }}{% endfor %}{% endif %}"
        "{% for m in messages %}{{ m.content or '' }}"
        "{% for c in m.tool_calls or [] %}<tool_call>{{ c.function.name }}"
        "{{ '' ~ c.function.arguments }}</tool_call>{% endfor %}{% endfor %}"
    )

    def render(given: Any) -> str:
        from jinja2 import Template

        return Template(template).render(messages=given.messages, tools=given.tools)

    mode = probe_tool_mode(template, render)
    assert mode.format is formats.HERMES and mode.template_tools
    assert not mode.object_arguments  # `~` on a dict would print Python, not JSON


def test_the_repo_copies_are_the_real_templates() -> None:
    if not SHARED.is_dir():
        pytest.skip("the shared test data is not here")
    copies = sorted(REPO.glob("*.jinja"))
    assert copies
    for copy in copies:
        assert copy.read_bytes() == (SHARED / copy.name).read_bytes(), copy.name
