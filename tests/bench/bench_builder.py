"""How long the builder holds the GUI thread with a large GPT: showing it, checking an edit.

Run with `QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_builder [--runs 10]`. The
GPT has 40,000 characters of instructions and one action whose OpenAPI document is
generated with `--operations` operations (300 by default, about the size of OpenAI's own
API). Each figure is the GUI thread's time for one call: `form.load` (what opening the
GPT or restoring a version costs), `check_and_keep` (what each pause in typing costs:
compose, validate, preview, hand the draft to a worker) and switching one operation off.
The budget for any of them is 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from desktop.core.gpt import validate_definition
from desktop.core.paths import HOME_ENV, default_paths
from desktop.ui import app


def document(operations: int) -> str:
    """An OpenAPI 3.0 document with `operations` operations, each with a few parameters."""
    paths = {
        f"/things{i}/{{id}}": {
            "get": {
                "operationId": f"getThing{i}",
                "summary": f"Read thing number {i} with its details and history",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "expand", "in": "query", "schema": {"type": "boolean"}},
                ],
            }
        }
        for i in range(operations)
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Things", "version": "1"},
        "servers": [{"url": "https://api.example.com"}],
        "paths": paths,
    }
    return json.dumps(spec, indent=1)


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--operations", type=int, default=300)
    args = parser.parse_args()
    os.environ[HOME_ENV] = tempfile.mkdtemp(prefix="bench-builder-")
    qapp = QApplication(sys.argv)
    window, services = app.build_main_window(default_paths().ensure())
    text = document(args.operations)
    gpt = services.store.gpts.create(
        validate_definition(
            {
                "name": "Large",
                "instructions": "Answer with care. " * 2350,
                "actions": [{"id": "things", "name": "Things", "document": text}],
            }
        )
    )

    def settle() -> None:
        for _ in range(500):
            services.tasks.wait_all(30)
            qapp.processEvents()
            if services.tasks.wait_all(0):
                return

    window.show()
    window.start("build", gpt.id)
    settle()
    page = window.pages.builder
    page.show_section("actions")
    settle()
    shown = page.keeper.definition
    loads = [timed(lambda: page.form.load(shown)) for _ in range(args.runs)]
    checks = []
    for i in range(args.runs):
        page.form.profile.description.setText(f"edit {i}")
        checks.append(timed(page.check_and_keep))
        settle()
    model = page.form.actions.editor.operations
    toggles = [timed(lambda r=r: model.set_enabled(r, False)) for r in range(args.runs)]
    print(f"document: {len(text) / 1e6:.1f} MB, {args.operations} operations")
    for name, figures in (
        ("form.load", loads),
        ("check_and_keep", checks),
        ("switch an operation", toggles),
    ):
        print(f"{name}: median {statistics.median(figures):.1f} ms, max {max(figures):.1f} ms")
    window.close()
    services.tasks.wait_all(10)
    services.close()


if __name__ == "__main__":
    main()
