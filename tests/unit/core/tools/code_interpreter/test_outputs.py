"""Collecting an execution's messages, and the text and record made from them."""

from __future__ import annotations

import base64

from desktop.core.threadfiles import FileEntry
from desktop.core.tools.code_interpreter.outputs import (
    Collector,
    Execution,
    KernelError,
    cut_middle,
    cut_start,
)

PNG = b"\x89PNG\r\n\x1a\nfake"


class Saver:
    """Stands in for the thread's folder: names images plot-1, plot-2..."""

    def __init__(self) -> None:
        self.saved: dict[str, bytes] = {}

    def __call__(self, data: bytes, suffix: str) -> str:
        name = f"plot-{len(self.saved) + 1}{suffix}"
        self.saved[name] = data
        return name


def test_streams_and_results_make_one_log_without_colours() -> None:
    collector = Collector(Saver())
    collector.add("stream", {"name": "stdout", "text": "\x1b[32mgreen\x1b[0m\n"})
    collector.add("stream", {"name": "stderr", "text": "warning\n"})
    collector.add("execute_result", {"data": {"text/plain": "42"}})
    collector.add("status", {"execution_state": "busy"})
    assert collector.logs() == ("green\nwarning\n42\n", 0)


def test_progress_lines_keep_their_last_state() -> None:
    collector = Collector(Saver())
    for step in ("10%", "\r50%", "\r100%", "\ndone\r\n"):
        collector.add("stream", {"name": "stdout", "text": step})
    assert collector.logs()[0] == "100%\ndone\r\n"


def test_images_are_saved_and_their_text_left_out() -> None:
    saver = Saver()
    collector = Collector(saver)
    png = base64.b64encode(PNG).decode()
    collector.add("display_data", {"data": {"image/png": png, "text/plain": "<Figure>"}})
    collector.add("display_data", {"data": {"image/svg+xml": "<svg/>", "text/plain": "x"}})
    collector.add("display_data", {"data": {"image/png": "not base64!"}})
    assert [(i.name, i.mime) for i in collector.images] == [
        ("plot-1.png", "image/png"),
        ("plot-2.svg", "image/svg+xml"),
    ]
    assert saver.saved == {"plot-1.png": PNG, "plot-2.svg": b"<svg/>"}
    assert collector.logs()[0] == "[an image (image/png) could not be read]\n"


def test_errors_lose_their_colours_and_clear_output_clears() -> None:
    collector = Collector(Saver())
    collector.add("stream", {"name": "stdout", "text": "old\n"})
    collector.add("clear_output", {"wait": False})
    collector.add(
        "error",
        {"ename": "ValueError", "evalue": "bad", "traceback": ["\x1b[31mValueError\x1b[0m: bad"]},
    )
    assert collector.logs() == ("", 0)
    assert collector.error == KernelError("ValueError", "bad", "ValueError: bad")


def test_a_huge_log_keeps_its_start_and_end() -> None:
    collector = Collector(Saver(), limit=1000)
    collector.add("stream", {"name": "stdout", "text": "S" * 400})
    for _ in range(100):
        collector.add("stream", {"name": "stdout", "text": "m" * 50})
    collector.add("stream", {"name": "stdout", "text": "E" * 10})
    text, cut = collector.logs()
    assert text.startswith("S" * 400 + "m" * 100)
    assert text.endswith("m" * 500 + "E" * 10)  # the tail drops whole chunks: 510 kept
    assert cut == (400 + 5000 + 10) - 500 - 510
    assert f"[cut: {cut} characters]" in text


def test_the_model_reads_a_cut_text() -> None:
    assert cut_middle("abcdef", 10) == "abcdef"
    assert cut_middle("a" * 10 + "b" * 10, 10) == "aaaaa\n[cut: 10 more characters]\nbbbbb"
    assert cut_start("x" * 5 + "tail", 4) == "[cut: 5 more characters]\ntail"


def test_text_and_record_of_an_execution() -> None:
    done = Execution(
        code="print(1)",
        outcome="error",
        logs="1\n",
        error=KernelError("NameError", "x", "Traceback\nNameError: x"),
        files=(FileEntry("out.csv", 2048, 1.0),),
        notes=("Mind the limit.",),
        kernel_started=True,
        duration_ms=12,
        limits={"memory_mb": 1024},
        protection={"network": "network namespace"},
    )
    assert done.text() == (
        "1\n\n\nError:\nTraceback\nNameError: x\n\n"
        "Files made or changed in the working folder: out.csv (2.0 KB)\n\n"
        "Note: Mind the limit."
    )
    record = done.record()
    assert record["input"] == "print(1)"
    assert [o["type"] for o in record["outputs"]] == ["logs", "error", "files", "note"]
    assert record["outputs"][3] == {"type": "note", "text": "Mind the limit."}
    assert record["outputs"][1]["error"] == {
        "name": "NameError",
        "value": "x",
        "traceback": "Traceback\nNameError: x",
    }
    assert record["kernel"] == {"started": True, "duration_ms": 12, "outcome": "error"}
    assert record["limits"] == {"memory_mb": 1024}
    assert Execution("x = 1", "ok").text() == "(The code ran and printed nothing.)"
