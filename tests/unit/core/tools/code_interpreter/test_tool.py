"""The `python` tool: its spec, its arguments, and the result the engine records."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.base import RESERVED_CALL_KEYS, NetworkTool, ToolContext, network_domain
from desktop.core.tools.code_interpreter import CodeInterpreterTool, KernelPool
from tests.unit.core.tools.code_interpreter.conftest import settings


@pytest.fixture
def tool(pool: KernelPool) -> CodeInterpreterTool:
    return CodeInterpreterTool(pool, ToolContext("gpt_1", "tooled"), settings(memory_mb=2048))


def test_the_spec_tells_the_model_what_it_gets(tool: CodeInterpreterTool) -> None:
    spec = tool.spec.to_openai()["function"]
    assert spec["name"] == "python"
    assert spec["parameters"]["required"] == ["code"]
    for words in ("stateful Jupyter", "working folder", "no internet", "2048 MB", "shown to"):
        assert words in spec["description"]
    assert tool.external is False
    assert not isinstance(tool, NetworkTool)
    assert network_domain(tool, {"code": "1"}) is None


@pytest.mark.parametrize("arguments", [{}, {"code": ""}, {"code": "  \n"}, {"code": 3}])
def test_missing_code_is_a_tool_error(tool: CodeInterpreterTool, arguments: dict) -> None:
    with pytest.raises(errors.ToolError, match="the Python code to run"):
        tool.run(arguments)


def test_a_run_returns_text_record_and_images(
    tool: CodeInterpreterTool, files: ThreadFiles
) -> None:
    code = (
        "import matplotlib.pyplot as plt\n"
        "print('drawing')\nplt.bar(['a', 'b'], [3, 5])\nplt.show()\n"
        "open('bars.txt', 'w').write('a=3 b=5')\n"
    )
    result = tool.run({"code": code})
    section = result.record["code_interpreter"]
    assert set(result.record) == {"code_interpreter"}
    assert not set(result.record) & RESERVED_CALL_KEYS
    assert section["input"] == code
    assert [o["type"] for o in section["outputs"]] == ["logs", "image", "files"]
    assert section["outputs"][0]["logs"].startswith("drawing\n")
    image = section["outputs"][1]["image"]
    assert result.images == (image["name"],)
    assert (files.folder("tooled") / image["name"]).is_file()
    assert [f["name"] for f in section["outputs"][2]["files"]] == ["bars.txt"]
    assert section["kernel"]["outcome"] == "ok"
    assert section["limits"]["memory_mb"] == 2048
    assert section["protection"]["network"] in ("network namespace", "in-process block")
    assert "Images shown to the user: " + image["name"] in result.output
    assert "bars.txt" in result.output


def test_an_error_in_the_code_is_an_answer(tool: CodeInterpreterTool) -> None:
    result = tool.run({"code": "int('x')"})
    assert "ValueError: invalid literal for int()" in result.output
    outputs = result.record["code_interpreter"]["outputs"]
    assert outputs[-1]["type"] == "error" and outputs[-1]["error"]["name"] == "ValueError"


def test_a_thread_id_that_is_not_one_is_a_tool_error(pool: KernelPool) -> None:
    bad = CodeInterpreterTool(pool, ToolContext("gpt_1", "../other"), settings())
    with pytest.raises(errors.ToolError, match="not a thread id"):
        bad.run({"code": "1"})
