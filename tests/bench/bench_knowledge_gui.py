"""The GUI thread's longest stall while the Knowledge section indexes a 100-page PDF.

Run with `QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_knowledge_gui [--pages 100]
[--rounds 3]`. Builds the real `KnowledgeSection` on the app's services in a temporary data
folder, writes a PDF of `--pages` text pages (about 2,000 characters each, with page
numbers and varied words, in Helvetica), and adds it as a user's drop would: through
`add_paths`, indexed by the background tasks (extraction in its child process, chunking,
LanceDB). A 5 ms QTimer on the GUI thread (`tests/helpers/stall_probe.py`) records each
gap in the event loop from the moment of the drop until the table shows the file ready.

Each round also gives the most CPU time the GUI thread itself used inside one gap: a
stall much longer than that was spent waiting (for the GIL, or for a CPU on a busy
machine; the load average is printed with it). Before the rounds, the same probe runs
for two seconds with nothing to do: its stalls are the machine's, a floor for the rest.
The first round is cold (LanceDB, jieba's dictionary and the extraction child load on
the worker while the GUI thread runs); the others add the same PDF to a new GPT each.
It prints one line per round and asserts nothing; the budget is a 50 ms stall.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.gpt import validate_definition
from desktop.core.paths import HOME_ENV, default_paths
from desktop.ui.builder.knowledge_rows import READY
from desktop.ui.builder.sections.knowledge import KnowledgeSection
from tests.helpers.app_services import app_services
from tests.helpers.stall_probe import StallProbe
from tests.unit.core.knowledge.extract.pdf_factory import build_pdf

BUDGET_MS = 50.0


WORDS = [
    *("harbour", "lighthouse", "keeper", "tide", "weather", "lamp", "signal", "vessel"),
    *("chart", "storm", "log", "dawn", "dusk", "north", "south", "east", "west", "fog"),
    *("horn", "beacon", "rope", "anchor", "crew", "cargo", "pilot", "channel", "reef"),
]


def write_pdf(path: Path, pages: int) -> Path:
    """`pages` pages of ~2,000 characters each: 30 lines of words, with its number."""
    rng = random.Random(7)
    texts = []
    for page in range(1, pages + 1):
        lines = [f"Page {page} of the harbour manual."]
        lines += [" ".join(rng.choice(WORDS) for _ in range(11)) + "." for _ in range(30)]
        texts.append("\n".join(lines))
    path.write_bytes(build_pdf(texts))
    return path


def load() -> str:
    return f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def index_once(section: KnowledgeSection, gpt_id: str, pdf: Path) -> tuple[StallProbe, float]:
    """Open `gpt_id`, drop `pdf` on the section, and wait for the file to be ready."""
    probe = StallProbe(interval_ms=5)
    started = time.perf_counter()
    with probe:
        section.open_gpt(gpt_id)
        while section.files.records is None:  # the (empty) file list lands
            wait(5)
        section.add_paths([pdf])
        rows = section.files.model.files.rows
        while section.files.busy or not rows or rows[0].status != READY:
            wait(5)
    return probe, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="capsule-bench-") as folder:
        os.environ[HOME_ENV] = str(Path(folder) / "home")
        app = QApplication.instance() or QApplication([])
        pdf = write_pdf(Path(folder) / "manual.pdf", args.pages)
        size_kb = pdf.stat().st_size // 1024
        print(f"== GUI-thread stalls while a {args.pages}-page PDF indexes ({size_kb} KB)")
        with app_services(default_paths().ensure()) as services:
            section = KnowledgeSection(services)
            section.resize(1000, 900)
            section.show()
            idle = StallProbe(interval_ms=5)
            with idle:
                wait(2000)
            print(f"  idle, for the machine's own noise: {idle.report()}; load {load()}")
            worst = 0.0
            for round_ in range(args.rounds):
                gpt = services.store.gpts.create(validate_definition({"name": f"Bench {round_}"}))
                section.load(gpt.definition)
                probe, seconds = index_once(section, gpt.id, pdf)
                row = section.files.model.files.rows[0]
                label = "cold" if round_ == 0 else "warm"
                print(
                    f"  round {round_ + 1} ({label}): indexed {row.pages} pages, {row.chunks} "
                    f"chunks in {seconds:.2f} s; {probe.report()}; stalls over "
                    f"{BUDGET_MS:.0f} ms: {probe.over(BUDGET_MS)}; most GUI-thread CPU in "
                    f"one gap: {probe.longest_cpu_ms:.1f} ms; load {load()}"
                )
                worst = max(worst, probe.longest_ms)
            section.close()
        print(f"  longest GUI-thread stall, all rounds: {worst:.1f} ms (budget {BUDGET_MS:.0f} ms)")
        del app


if __name__ == "__main__":
    main()
