"""Importing a large library with the garbage collector held off (core/lazy.py)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from desktop.core.lazy import import_quietly
from tests.helpers.python_child import run_python


def test_the_collector_waits_during_the_import_and_runs_again_after() -> None:
    seen: list[bool] = []
    probe = "tests_lazy_probe"
    sys.modules.pop(probe, None)

    class Finder:
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name == probe:
                seen.append(gc.isenabled())
                raise ModuleNotFoundError(name)

    sys.meta_path.insert(0, Finder())  # type: ignore[arg-type]
    try:
        with pytest.raises(ModuleNotFoundError):
            import_quietly(probe)
    finally:
        sys.meta_path.pop(0)
    assert seen == [False]  # held off while importing
    assert gc.isenabled()  # and back on after, even when the import failed


def test_an_imported_module_is_returned_as_it_is() -> None:
    assert import_quietly("json") is sys.modules["json"]


def test_lancedb_loads_when_the_first_index_opens_not_before(tmp_path: Path) -> None:
    # The window imports the knowledge modules at start; LanceDB waits for the first index.
    loaded = run_python(
        "-c",
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.core.knowledge import index\n"
        "before = 'lancedb' in sys.modules\n"
        f"index.KnowledgeIndex(Path({str(tmp_path)!r}))\n"
        "print(before, 'lancedb' in sys.modules)\n",
    )
    assert loaded.stdout.strip().splitlines()[-1] == "False True"
