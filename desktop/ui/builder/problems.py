"""The validator's problems (`field.path: what`) as the form shows them, in the GUI's language.

Core words each problem in English (`gpt.problems_of`); the common ones are recognised
here and said again in the GUI's language, the rest are shown as core wrote them. GUI
thread (translation).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def split(problem: str) -> tuple[str, str]:
    """`("model.temperature", "Input should be ...")` from `model.temperature: Input ...`."""
    path, sep, reason = problem.partition(": ")
    return (path.strip(), reason.strip()) if sep else ("", problem.strip())


def belongs(path: str, prefix: str) -> bool:
    """Whether the problem at `path` is about the field `prefix` (or something inside it)."""
    return path == prefix or path.startswith(prefix + ".")


# (pattern of core's words, how to say it; %1 and %2 are the pattern's groups)
_KNOWN: list[tuple[re.Pattern[str], Callable[[], str]]] = [
    (
        re.compile(r"^String should have at most (\d+) characters?"),
        lambda: QCoreApplication.translate(
            "Problems", "Too long: keep it to %1 characters at most."
        ),
    ),
    (
        re.compile(r"^String should have at least (\d+) characters?"),
        lambda: QCoreApplication.translate("Problems", "Too short: give at least %1 characters."),
    ),
    (
        re.compile(r"^Input should be greater than or equal to (\S+)"),
        lambda: QCoreApplication.translate("Problems", "Too small: give %1 or more."),
    ),
    (
        re.compile(r"^Input should be greater than (\S+)"),
        lambda: QCoreApplication.translate("Problems", "Give more than %1."),
    ),
    (
        re.compile(r"^Input should be less than or equal to (\S+)"),
        lambda: QCoreApplication.translate("Problems", "Too large: give %1 or less."),
    ),
    (
        re.compile(r"^String should match pattern"),
        lambda: QCoreApplication.translate("Problems", "This is not in the right form."),
    ),
    (
        re.compile(r"^the name is empty"),
        lambda: QCoreApplication.translate("Problems", "The name is empty: give the GPT a name."),
    ),
    (
        re.compile(r"^there are (\d+) conversation starters; keep at most (\d+)"),
        lambda: QCoreApplication.translate(
            "Problems", "There are %1 conversation starters; keep at most %2."
        ),
    ),
    (
        re.compile(r"^a conversation starter is (\d+) characters long; keep each to (\d+)"),
        lambda: QCoreApplication.translate(
            "Problems", "A conversation starter is %1 characters long; keep each to %2 at most."
        ),
    ),
    (
        re.compile(r"^'(.*)' is not a host name"),
        lambda: QCoreApplication.translate(
            "Problems", "'%1' is not a host name: give it as api.example.com."
        ),
    ),
    (
        re.compile(r"^auth type '(.*)' needs secret_name"),
        lambda: QCoreApplication.translate(
            "Problems", "Auth '%1' needs its key: save the key first."
        ),
    ),
]


Known = list[tuple[re.Pattern[str], Callable[[], str]]]


def reworded(text: str, known: Known) -> str:
    """`text` said again in the GUI's language where it matches a known pattern, else as it is."""
    for pattern, words in known:
        found = pattern.match(text)
        if found:
            said = words()
            for number, group in enumerate(found.groups(), 1):
                said = said.replace(f"%{number}", group)
            return said
    return text


def reason_text(reason: str) -> str:
    """A problem's reason in the GUI's language where it is a known one, else as it is."""
    return reworded(reason, _KNOWN)
