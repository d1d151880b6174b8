"""Save a PNG of the import dialog, to look at it in a language (not a test).

`QT_QPA_PLATFORM=offscreen python -m tests.ui.capsules.shoot_import OUT.png zh_CN [FILE]`,
from the repository root. Without FILE, a GPT with knowledge and its index, the code
interpreter, Brave search and the Pets action is exported in a throwaway data folder, then
inspected in another one; with FILE (a capsule or another app's file, e.g.
tests/data/importers/openai_assistant.json), that file is inspected.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.capsule.export import ExportOptions
from desktop.ui import app, i18n
from desktop.ui.capsules.import_dialog import ImportDialog
from tests.helpers.capsules import gpt_with_knowledge, machine, paths_at, with_action

CAPABILITIES = {
    "code_interpreter": {"enabled": True},
    "web_browsing": {"enabled": True, "search_provider": "brave"},
}


def _capsule(root: Path) -> Path:
    with machine(root / "theirs") as theirs:
        gpt_id = gpt_with_knowledge(theirs, root / "files", capabilities=CAPABILITIES)
        with_action(theirs, gpt_id)
        capsule = root / "pets.capsule"
        theirs.capsules.export(gpt_id, capsule, ExportOptions(author="Ada", include_index=True))
    return capsule


def main(out: str, language: str, file: str = "") -> int:
    root = Path(tempfile.mkdtemp(prefix="shoot-import-"))
    capsule = Path(file).resolve() if file else _capsule(root)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(qapp, language)
    _, services = app.build_main_window(paths_at(root / "mine"))
    dialog = ImportDialog(services, capsule)
    dialog.resize(660, 820)
    dialog.show()
    loop = QEventLoop()
    dialog.inspected.connect(lambda _: QTimer.singleShot(300, loop.quit))  # let it lay out
    dialog.refused.connect(lambda _: loop.quit())
    QTimer.singleShot(60_000, loop.quit)
    dialog.inspect()
    loop.exec()
    saved = dialog.grab().save(out, "PNG")
    services.tasks.wait_all(20)
    services.close()
    return 0 if saved and dialog.info is not None else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
