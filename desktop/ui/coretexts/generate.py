"""Write `texts.py`: core's translatable sentences, where lupdate can see them.

Core makes its messages with `errors.said("... {name} ...", name=value)` and never
translates. Its templates are gathered here from the code (every `said` call whose first
argument is a literal) into `QT_TRANSLATE_NOOP("CoreTexts", ...)` lines, so the usual
`python -m desktop.ui.i18n` puts them in the `coretexts` catalog. Run
`python -m desktop.ui.coretexts.generate` after changing a message; a test keeps the
file in step with the code.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import desktop

CORE = Path(desktop.__file__).resolve().parent / "core"
TARGET = Path(__file__).resolve().parent / "texts.py"
HEADER = '''"""Core's sentences for the translator: made by `generate.py`, do not edit by hand."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS = (
'''


def templates(root: Path = CORE) -> list[str]:
    """Every literal template passed to `said` under `root`, once each, in a stable order."""
    found: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            if isinstance(node.func, ast.Name):
                name = node.func.id
            first = node.args[0]
            if name == "said" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
    return sorted(found)


def source(found: list[str]) -> str:
    # JSON's string syntax is Python's for these texts, in the double quotes lupdate reads.
    lines = [
        f'    QT_TRANSLATE_NOOP("CoreTexts", {json.dumps(text, ensure_ascii=False)}),\n'
        for text in found
    ]
    return HEADER + "".join(lines) + ")\n"


def main() -> int:
    found = templates()
    TARGET.write_text(source(found), encoding="utf-8")
    sys.stdout.write(f"{TARGET.name}: {len(found)} sentences\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
