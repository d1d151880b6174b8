"""Which modules a fresh interpreter has loaded after running some code (startup cost)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "llama_cpp",
    "lancedb",
    "openai",
    "jupyter_client",
    "trafilatura",
    "PIL",
    "jsonschema",
    "desktop.core.runs.toolbox",
    "desktop.core.knowledge.index",
)


def loaded_after(code: str, modules: tuple[str, ...] = HEAVY) -> list[str]:
    """The `modules` that running `code` in a new Python process imported."""
    report = f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))"
    probe = f"{code}\nimport json, sys\n{report}"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))
