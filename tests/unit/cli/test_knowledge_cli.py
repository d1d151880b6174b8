"""`capsule knowledge`: add with per-file results, list, search (JSON form), remove."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.knowledge.extract import ocr
from tests.helpers.cli import cli
from tests.unit.core.knowledge.extract.pdf_factory import IMAGE, build_pdf, encrypt


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def gpt_id(capsys: pytest.CaptureFixture[str]) -> str:
    return run_cli(capsys, "gpt", "create", "--name", "Docs")[1].strip()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text(
        "# Install\n\n## Linux\n\nRun the installer from the terminal.\n"
    )
    (docs / "notes.txt").write_bytes("知识库让助手回答关于文档的问题。".encode("gb18030"))
    (docs / "report.pdf").write_bytes(
        build_pdf(["Quarterly revenue grew strongly.", "Costs fell."])
    )
    (docs / "scan.pdf").write_bytes(build_pdf([IMAGE, IMAGE]))
    (docs / "secret.pdf").write_bytes(encrypt(build_pdf(["Hidden plans."]), "pw", "owner"))
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    return docs


def test_add_reports_each_file_and_fails_alone(
    capsys: pytest.CaptureFixture[str], gpt_id: str, folder: Path
) -> None:
    code, out, _ = run_cli(capsys, "knowledge", "add", gpt_id, str(folder))
    assert code == 1  # some files failed
    lines = {line.split()[1].rstrip(":"): line for line in out.splitlines()}
    assert lines["guide.md"].startswith("ok") and "1 chunks" in lines["guide.md"]
    assert lines["notes.txt"].startswith("ok")
    assert lines["report.pdf"].startswith("ok") and "2 pages, 2 chunks" in lines["report.pdf"]
    # A grey square has no text, with the OCR engine or without it (which it then names).
    assert lines["scan.pdf"].startswith("failed") and "scanned" in lines["scan.pdf"]
    assert ("OCR" in lines["scan.pdf"]) and ("Install it with" in lines["scan.pdf"]) == (
        not ocr.available()
    )
    assert lines["secret.pdf"].startswith("failed") and "password" in lines["secret.pdf"]
    assert lines["broken.pdf"].startswith("failed") and "Traceback" not in out

    code, out, _ = run_cli(
        capsys, "knowledge", "add", gpt_id, str(folder / "secret.pdf"), "--password", "pw"
    )
    assert code == 0 and out.startswith("ok       secret.pdf: 1 pages")

    code, out, _ = run_cli(capsys, "knowledge", "add", gpt_id, str(folder / "report.pdf"))
    assert code == 0 and out.startswith("skipped  report.pdf: unchanged")

    code, out, _ = run_cli(capsys, "knowledge", "list", gpt_id, "--json")
    files = {f["name"]: f for f in json.loads(out)}
    assert files["report.pdf"]["status"] == "ready" and files["report.pdf"]["pages"] == 2
    assert files["scan.pdf"]["status"] == "failed"
    code, out, _ = run_cli(capsys, "gpt", "show", gpt_id, "--json")
    names = {f["name"] for f in json.loads(out)["knowledge"]["files"]}
    assert names == {"guide.md", "notes.txt", "report.pdf", "secret.pdf"}


def test_search_json_has_file_page_text_score(
    capsys: pytest.CaptureFixture[str], gpt_id: str, folder: Path
) -> None:
    run_cli(capsys, "knowledge", "add", gpt_id, str(folder))
    code, out, _ = run_cli(capsys, "knowledge", "search", gpt_id, "costs", "--json")
    results = json.loads(out)
    assert code == 0
    assert results[0]["file"] == "report.pdf" and results[0]["page"] == 2
    assert results[0]["text"] == "Costs fell." and results[0]["score"] > 0
    code, out, _ = run_cli(capsys, "knowledge", "search", gpt_id, "知识库", "-k", "1", "--json")
    (hit,) = json.loads(out)
    assert hit["file"] == "notes.txt" and "知识库" in hit["text"]
    code, out, _ = run_cli(capsys, "knowledge", "search", gpt_id, "installer")
    assert "guide.md (Install > Linux)" in out


def test_remove(capsys: pytest.CaptureFixture[str], gpt_id: str, folder: Path) -> None:
    run_cli(capsys, "knowledge", "add", gpt_id, str(folder / "report.pdf"))
    files = json.loads(run_cli(capsys, "knowledge", "list", gpt_id, "--json")[1])
    code, out, _ = run_cli(capsys, "knowledge", "remove", gpt_id, files[0]["id"])
    assert code == 0 and "Removed report.pdf and its 2 chunks" in out
    assert json.loads(run_cli(capsys, "knowledge", "search", gpt_id, "costs", "--json")[1]) == []
    code, _, err = run_cli(capsys, "knowledge", "remove", gpt_id, files[0]["id"])
    assert code == 1 and "No knowledge file" in err


def test_unknown_gpt(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    code, _, err = run_cli(capsys, "knowledge", "add", "gpt_nope", str(folder))
    assert code == 1 and "No GPT with id 'gpt_nope'" in err


def test_chat_retrieves_from_the_knowledge(
    capsys: pytest.CaptureFixture[str], folder: Path, tiny_gguf: Path
) -> None:
    args = ["--name", "Docs", "--model", str(tiny_gguf), "--max-tokens", "8", "--seed", "1"]
    gpt = run_cli(capsys, "gpt", "create", *args)[1].strip()
    run_cli(capsys, "knowledge", "add", gpt, str(folder / "report.pdf"))
    code, out, _ = run_cli(capsys, "chat", gpt, "How did costs change?", "--json")
    assert code == 0
    run_id = json.loads(out.splitlines()[-1])["id"]
    steps = json.loads(run_cli(capsys, "runs", "show", run_id, "--json")[1])["steps"]
    (retrieval,) = [c for s in steps for c in s["step_details"].get("tool_calls", [])]
    assert retrieval["type"] == "retrieval"
    assert retrieval["retrieval"]["results"][0]["text"] == "Costs fell."
    prompt = steps[-1]["step_details"]["model_call"]["prompt"]
    assert "Costs fell." in prompt
    shown = run_cli(capsys, "runs", "show", run_id)[1]
    assert "retrieval for 'How did costs change?': " in shown
    assert "[1] report.pdf, page 2: score " in shown and "(bm25 #1)" in shown


def test_names_from_non_utf8_bytes_get_a_clear_error_or_are_handled(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = cli(capsys, "gpt", "show", "gpt_\udcff")  # `gpt_$'\xff'` from a shell
    assert code == 1 and "'gpt_\\xff' is not valid UTF-8 text" in err
    code, out, _ = cli(capsys, "gpt", "create", "--name", "Bytes")
    gpt_id = out.strip()
    odd = tmp_path / "f\udcffo.txt"  # a name made on a system with another encoding
    odd.write_text("The harbour log of the lighthouse.", encoding="utf-8")
    code, out, err = cli(capsys, "knowledge", "add", gpt_id, str(odd))
    assert code == 0, err
    assert "ok       f\ufffdo.txt" in out
    code, out, _ = cli(capsys, "knowledge", "search", gpt_id, "harbour")
    assert code == 0 and "f\ufffdo.txt" in out
    code, out, _ = cli(capsys, "knowledge", "add", gpt_id, str(odd))
    assert "skipped  f\ufffdo.txt: unchanged" in out


def test_add_suggests_the_recommended_embedding_model(
    capsys: pytest.CaptureFixture[str], gpt_id: str, folder: Path
) -> None:
    _code, _out, err = run_cli(capsys, "knowledge", "add", gpt_id, str(folder / "notes.txt"))
    assert "Tip: searching by keywords only" in err
    assert "Qwen3 Embedding 0.6B" in err
    assert "`capsule models download qwen3-embedding-0.6b-q8_0`" in err  # not downloaded here
    assert f"`capsule gpt edit {gpt_id} --embedding-model qwen3-embedding-0.6b-q8_0`" in err


def test_search_with_rerank_needs_a_reranker(
    capsys: pytest.CaptureFixture[str], gpt_id: str, folder: Path
) -> None:
    run_cli(capsys, "knowledge", "add", gpt_id, str(folder / "notes.txt"))
    code, _out, err = run_cli(capsys, "knowledge", "search", gpt_id, "notes", "--rerank")
    assert code != 0
    assert "no reranker set" in err
    assert f"capsule gpt edit {gpt_id} --rerank-model MODEL" in err
    code, _out, _err = run_cli(capsys, "knowledge", "search", gpt_id, "notes", "--no-rerank")
    assert code == 0


def test_a_reranker_must_be_a_real_local_model(
    capsys: pytest.CaptureFixture[str], gpt_id: str
) -> None:
    code, _out, err = run_cli(capsys, "gpt", "edit", gpt_id, "--rerank-model", "no-such-model")
    assert code != 0 and "no-such-model" in err


def test_rebuild_indexes_every_file_again(
    capsys: pytest.CaptureFixture[str], gpt_id: str, folder: Path
) -> None:
    run_cli(capsys, "knowledge", "add", gpt_id, str(folder / "notes.txt"), str(folder / "guide.md"))
    code, out, _err = run_cli(capsys, "knowledge", "rebuild", gpt_id)
    assert code == 0
    assert sorted(line.split()[1] for line in out.splitlines()) == ["guide.md:", "notes.txt:"]
    assert all(line.startswith("ok") for line in out.splitlines())
    _code, out, _err = run_cli(capsys, "knowledge", "search", gpt_id, "知识库", "--json")
    assert json.loads(out)[0]["file"] == "notes.txt"
