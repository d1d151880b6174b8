"""The capabilities from the command line, end to end: a scripted model on 127.0.0.1 calls
the real built-in tools; switches, consent, citations, thread files and `runs show`."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers.cli import cli, remote_gpt
from tests.helpers.openai_server import Answer, OpenAIServer, text_answer, tool_answer
from tests.helpers.web_server import WebServer, article_page


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as running:
        yield running


@pytest.fixture
def gpt_id(capsys: pytest.CaptureFixture[str], server: OpenAIServer) -> str:
    return remote_gpt(capsys, server, "Caps")


def offered(server: OpenAIServer, index: int = 0) -> list[str]:
    tools = server.requests[index].body.get("tools") or []
    return [t["function"]["name"] for t in tools]


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_gpt_without_the_switches_is_never_offered_the_tools(
    capsys: pytest.CaptureFixture[str], gpt_id: str, server: OpenAIServer
) -> None:
    server.script(text_answer("Hi."), text_answer("Hi again."))
    assert cli(capsys, "chat", gpt_id, "hello")[0] == 0
    assert offered(server) == []
    code, out, err = cli(
        capsys, "gpt", "edit", gpt_id, "--enable", "web_browsing", "--enable", "image_generation"
    )
    assert code == 0 and "version 2" in out
    assert "image_generation.provider" in err  # warned: switched on but not usable yet
    assert cli(capsys, "chat", gpt_id, "hello")[0] == 0
    assert offered(server, 1) == ["fetch_url", "generate_image"]
    code, out, _ = cli(capsys, "gpt", "show", gpt_id)
    assert "web browsing: on (fetch_url; no search)" in out
    assert "code interpreter: off" in out


def test_fetch_asks_consent_then_the_answer_cites_the_page(
    capsys: pytest.CaptureFixture[str], gpt_id: str, server: OpenAIServer, web: WebServer
) -> None:
    url = web.page("/article", article_page())
    cli(capsys, "gpt", "edit", gpt_id, "--enable", "web_browsing")
    server.script(
        tool_answer(("call_1", "fetch_url", json.dumps({"url": url}))),
        text_answer(f"It says so [here]({url})."),
    )
    code, _, err = cli(capsys, "chat", gpt_id, "What does the article say?")
    assert code == 0 and "fetch_url wants to reach 127.0.0.1" in err
    assert web.seen("/article") == []  # nothing fetched before the answer
    run_id = err.split(" run ")[1].split()[0]

    code, out, err = cli(capsys, "runs", "consent", run_id, "once")
    assert code == 0, err
    assert "[fetch_url] fetch" in err and len(web.seen("/article")) == 1
    sent = server.requests[-1].body["messages"][-1]
    assert (sent["role"] == "tool" and "Title:" in sent["content"]) or url in sent["content"]
    code, out, _ = cli(capsys, "threads", "show", _thread_of(capsys, run_id), "--json")
    answer = json.loads(out)[-1]
    (citation,) = answer["content"][-1]["text"]["annotations"]
    assert citation["type"] == "url_citation" and citation["url_citation"]["url"] == url
    code, out, _ = cli(capsys, "runs", "show", run_id)
    assert f"fetch {url}" in out


def test_generated_images_are_saved_in_the_thread_and_shown(
    capsys: pytest.CaptureFixture[str], gpt_id: str, server: OpenAIServer, tmp_path: Path
) -> None:
    cli(
        capsys,
        "gpt",
        "edit",
        gpt_id,
        "--enable",
        "image_generation",
        "--set",
        "capabilities.image_generation.provider=lab",
        "--set",
        "capabilities.image_generation.model=dall-e-3",
    )
    picture = png_bytes()
    server.script(
        tool_answer(("call_1", "generate_image", '{"prompt": "a red square"}')),
        Answer(body={"created": 1, "data": [{"b64_json": base64.b64encode(picture).decode()}]}),
        text_answer("Here is your square."),
    )
    code, out, err = cli(capsys, "chat", gpt_id, "Draw a red square")
    assert code == 0, err
    assert "[generate_image] made 1 image(s)" in err
    images_request = server.requests[1]
    assert images_request.path.endswith("/images/generations")
    assert images_request.body["prompt"] == "a red square"
    run_id = err.split(" run ")[1].split()[0]
    thread_id = _thread_of(capsys, run_id)

    code, out, _ = cli(capsys, "threads", "files", thread_id, "--json")
    (entry,) = json.loads(out)
    assert entry["name"].startswith("image-") and entry["name"].endswith(".png")
    code, out, _ = cli(capsys, "threads", "show", thread_id)
    assert "[image]" in out and entry["name"] in out
    code, out, _ = cli(capsys, "threads", "save", thread_id, entry["name"], str(tmp_path))
    assert code == 0 and (tmp_path / entry["name"]).read_bytes() == picture
    code, _, err = cli(capsys, "threads", "save", thread_id, entry["name"], str(tmp_path))
    assert code == 1 and "already exists" in err


CODE = """import pandas as pd
import matplotlib.pyplot as plt
frame = pd.read_csv("sales.csv")
print("total", frame["b"].sum())
frame.plot(x="a", y="b")
plt.show()
frame.to_csv("doubled.csv")
"""


def test_code_runs_on_attached_files_and_its_outputs_stay_with_the_thread(
    capsys: pytest.CaptureFixture[str], gpt_id: str, server: OpenAIServer, tmp_path: Path
) -> None:
    cli(capsys, "gpt", "edit", gpt_id, "--enable", "code_interpreter")
    sales = tmp_path / "sales.csv"
    sales.write_text("a,b\n1,10\n2,32\n", encoding="utf-8")
    server.script(
        tool_answer(("call_1", "python", json.dumps({"code": CODE}))),
        text_answer("The total is 42."),
    )
    code, out, err = cli(capsys, "chat", gpt_id, "Sum column b", "--attach", str(sales))
    assert code == 0, err
    assert "attached sales.csv" in err and "[python] ran 7 line(s)" in err
    sent = server.requests[-1].body["messages"][-1]
    assert sent["role"] == "tool" and "total 42" in sent["content"]
    run_id = err.split(" run ")[1].split()[0]
    thread_id = _thread_of(capsys, run_id)

    code, out, _ = cli(capsys, "runs", "show", run_id)
    assert "code:" in out and 'frame = pd.read_csv("sales.csv")' in out
    assert "total 42" in out and "image: plot-1.png" in out and "doubled.csv" in out
    code, out, _ = cli(capsys, "threads", "files", thread_id, "--json")
    assert {f["name"] for f in json.loads(out)} == {"sales.csv", "plot-1.png", "doubled.csv"}
    code, out, _ = cli(capsys, "threads", "show", thread_id, "--json")
    answer = json.loads(out)[-1]
    assert answer["content"][0] == {"type": "image_file", "image_file": {"file_id": "plot-1.png"}}


def test_search_keys_go_to_the_keyring_and_capabilities_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = cli(capsys, "capabilities", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["web_search_keys"] == {"brave": False, "tavily": False}
    assert shown["code_interpreter"]["packages"]["pandas"]
    code, out, _ = cli(capsys, "capabilities", "search-key", "brave", stdin="bsk-secret-1234\n")
    assert code == 0 and "bsk-secret" not in out
    code, out, _ = cli(capsys, "capabilities")
    assert "brave: set" in out and "tavily: not set" in out
    code, out, _ = cli(capsys, "capabilities", "search-key", "brave", "--remove", "--yes")
    assert code == 0
    assert json.loads(cli(capsys, "capabilities", "--json")[1])["web_search_keys"]["brave"] is False


def test_attach_with_a_missing_file_creates_nothing(
    capsys: pytest.CaptureFixture[str], gpt_id: str, tmp_path: Path
) -> None:
    code, _, err = cli(capsys, "chat", gpt_id, "hi", "--attach", str(tmp_path / "nope.csv"))
    assert code == 1 and "is not a file" in err
    code, out, _ = cli(capsys, "threads", "list", "--json")
    assert json.loads(out) == []


def _thread_of(capsys: pytest.CaptureFixture[str], run_id: str) -> str:
    code, out, _ = cli(capsys, "runs", "show", run_id, "--json")
    assert code == 0
    return str(json.loads(out)["thread_id"])


def test_capabilities_still_reports_the_sandbox_without_a_keyring(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import keyring
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())  # the autouse fixture puts the previous one back
    code, out, _ = cli(capsys, "capabilities")
    assert code == 0
    assert "Network: blocked" in out and "No OS keyring" in out
    code, out, _ = cli(capsys, "capabilities", "--json")
    assert code == 0 and json.loads(out)["web_search_keys"] is None


def test_threads_attach_numbers_taken_names_and_refuses_unknown_threads(
    capsys: pytest.CaptureFixture[str], gpt_id: str, server: OpenAIServer, tmp_path: Path
) -> None:
    server.script(text_answer("Hi."))
    code, _, err = cli(capsys, "chat", gpt_id, "hello")
    thread_id = _thread_of(capsys, err.split(" run ")[1].split()[0])
    data = tmp_path / "data.csv"
    data.write_text("a\n1\n")
    code, out, _ = cli(capsys, "threads", "attach", thread_id, str(data), str(data))
    assert code == 0 and "attached data.csv" in out and "attached data (2).csv" in out
    code, _, err = cli(capsys, "threads", "attach", "thread_nope", str(data))
    assert code == 1 and "thread_nope" in err


def test_enable_and_disable_switch_capabilities_and_refuse_both(
    capsys: pytest.CaptureFixture[str], gpt_id: str
) -> None:
    cli(capsys, "gpt", "edit", gpt_id, "--enable", "code_interpreter")
    code, out, _ = cli(capsys, "gpt", "show", gpt_id)
    assert "code interpreter: on" in out
    code, _, err = cli(
        capsys, "gpt", "edit", gpt_id, "--enable", "web_browsing", "--disable", "web_browsing"
    )
    assert code == 1 and "both --enable and --disable" in err
    cli(capsys, "gpt", "edit", gpt_id, "--disable", "code_interpreter")
    code, out, _ = cli(capsys, "gpt", "show", gpt_id)
    assert "code interpreter: off" in out


def test_allow_unisolated_warns_then_is_stored_and_shown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = cli(capsys, "capabilities", "--json")
    assert code == 0
    shown = json.loads(out)["code_interpreter"]
    assert shown["unisolated_allowed"] is False
    assert shown["isolated"] in (True, False) and "files" in shown
    code, out, _ = cli(capsys, "capabilities", "allow-unisolated", "--yes")
    assert code == 0
    assert "SSH keys" in out and "may now run code here without isolation" in out
    assert json.loads(cli(capsys, "capabilities", "--json")[1])["code_interpreter"][
        "unisolated_allowed"
    ]
    code, out, _ = cli(capsys, "capabilities", "allow-unisolated", "--off")
    assert code == 0 and "runs only where its code is isolated" in out
    code, out, _ = cli(capsys, "capabilities")
    assert "Files: " in out and "Local sockets: " in out and "Temporary files: " in out


def test_allow_unisolated_without_a_terminal_needs_yes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = cli(capsys, "capabilities", "allow-unisolated")
    assert code == 1 and "pass --yes" in err
    assert not json.loads(cli(capsys, "capabilities", "--json")[1])["code_interpreter"][
        "unisolated_allowed"
    ]
