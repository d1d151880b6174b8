"""The app's languages: Qt's own translation machinery, with catalogs built by lrelease.

Every user-visible string goes through Qt's `tr()`/`QCoreApplication.translate()`. Each
part of the window has its own catalog, `resources/translations/capsule_<part>_<lang>.ts`
(the shell, and one per feature folder), so that work on one feature never touches
another's. `python -m desktop.ui.i18n` updates them from the code (lupdate) and builds the
`.qm` files (lrelease); `install` loads every catalog of a language with `QTranslator`.
GUI thread only.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import desktop

# The languages offered, by code, each named in itself.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
DEFAULT = "en"
CATALOG = "capsule"
# The feature folders of desktop/ui, each with its own catalog; the rest is the shell's.
FEATURES = (
    "library",
    "welcome",
    "builder",
    "chat",
    "playground",
    "settings",
    "capsules",
    "coretexts",  # core's own sentences (errors), gathered from the code
)


def translations_dir() -> Path:
    """Where the `.ts` sources and the built `.qm` catalogs are."""
    return Path(desktop.__file__).resolve().parent.parent / "resources" / "translations"


def system_language() -> str:
    """The offered language closest to the system's, or English."""
    name = QLocale.system().name()  # e.g. zh_CN, zh_TW, en_GB
    if name in LANGUAGES:
        return name
    return "zh_CN" if name.startswith("zh") else DEFAULT


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load `language`'s catalogs (the app's and Qt's own dialogs'); returns them, installed.

    English needs none. A missing catalog leaves the app in English (and is logged by the
    caller through the returned list being short).
    """
    if language not in LANGUAGES:
        return []
    # The default locale says which language the app speaks (`current`), English included.
    QLocale.setDefault(QLocale(language))
    if language == DEFAULT:
        return []
    ours = str(translations_dir())
    catalogs = [(f"{CATALOG}_{part}", ours) for part in ("shell", *FEATURES)]
    catalogs.append(("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    installed = []
    for name, folder in catalogs:
        translator = QTranslator(app)
        if translator.load(QLocale(language), name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def current() -> str:
    """The offered language the app speaks now (as `install` set it; else the system's)."""
    name = QLocale().name()
    if name in LANGUAGES:
        return name
    return "zh_CN" if name.startswith("zh") else DEFAULT


def sources(part: str) -> list[Path]:
    """The Python files whose strings go into `part`'s catalog."""
    ui = Path(desktop.__file__).resolve().parent / "ui"
    if part in FEATURES:
        return sorted((ui / part).rglob("*.py"))
    return sorted(p for p in ui.rglob("*.py") if p.relative_to(ui).parts[0] not in FEATURES)


def catalog(part: str, language: str) -> Path:
    return translations_dir() / f"{CATALOG}_{part}_{language}.ts"


def unfinished(part: str, language: str) -> list[tuple[str, str]]:
    """The (context, source) pairs of `part`'s catalog still without a translation."""
    root = ElementTree.parse(catalog(part, language)).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is not None
        and (
            message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
            or not (message.findtext("translation") or "").strip()
        )
    ]


def fill(part: str, language: str, translations: dict[str, str]) -> int:
    """Write translations (by source text) into `part`'s catalog; how many were filled.

    For translators without Qt Linguist (`pyside6-linguist` edits the same files).
    """
    path = catalog(part, language)
    tree = ElementTree.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        text = translations.get(message.findtext("source", ""))
        target = message.find("translation")
        if text and target is not None:
            target.text = text
            target.attrib.pop("type", None)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def tool(name: str) -> str:
    """PySide6's lupdate or lrelease, beside this interpreter."""
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def build_catalogs(parts: list[str] | None = None) -> int:
    """Update the `.ts` sources from the code (lupdate), then build the `.qm` files (lrelease)."""
    for part in parts or ["shell", *FEATURES]:
        for language in LANGUAGES:
            if language == DEFAULT:
                continue
            ts = catalog(part, language)
            files = [str(p) for p in sources(part)]
            subprocess.run(
                [tool("lupdate"), *files, "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                check=True,
            )
            qm = str(ts.with_suffix(".qm"))
            subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", qm], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(build_catalogs(sys.argv[1:] or None))
