"""What each capability can reach, in plain words: the statements under its switch.

The code interpreter's names the protections this machine's sandbox gives (core's
`Protection`, probed once in the background); the words are chosen here, in the GUI's
language, from its fields. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.tools.code_interpreter.probe import Protection
from desktop.core.tools.code_interpreter.sandbox import LANDLOCK, NAMESPACE, VIEW


def code_reach(protection: Protection | None) -> str:
    """The code interpreter's statement; `protection` None while the probe runs."""
    opening = QCoreApplication.translate(
        "Reach",
        "Runs the Python code the model writes, here on this computer, with the "
        "conversation's files in its folder.",
    )
    if protection is None:
        return (
            opening
            + " "
            + QCoreApplication.translate("Reach", "Checking what this computer's sandbox protects…")
        )
    return opening + " " + " ".join(protection_lines(protection))


def protection_lines(protection: Protection) -> list[str]:
    """One sentence per protection the sandbox gives (or does not)."""
    lines = []
    if protection.network == NAMESPACE:
        lines.append(
            QCoreApplication.translate("Reach", "Network: none (a Linux network namespace).")
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "Reach", "Network: blocked inside Python only (no network namespace here)."
            )
        )
    if protection.files == VIEW:
        lines.append(
            QCoreApplication.translate(
                "Reach",
                "Files: it sees only the system, Python and its conversation's folder "
                "(bubblewrap); your home folder does not exist for it.",
            )
        )
    elif protection.files == LANDLOCK:
        lines.append(
            QCoreApplication.translate(
                "Reach",
                "Files: it reads only the system, Python and its folder, and writes only "
                "there (Landlock).",
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "Reach",
                "Files: NOT isolated: it can read and change what you can, your home "
                "folder included.",
            )
        )
    if protection.pid_namespace:
        lines.append(
            QCoreApplication.translate(
                "Reach", "Processes: all of them end with the session (a PID namespace)."
            )
        )
    if protection.user == "nobody":
        lines.append(QCoreApplication.translate("Reach", "User: the unprivileged user nobody."))
    return lines


def web_reach(search: str) -> str:
    """Web browsing's statement, for the search provider `search` (none, searxng, ...)."""
    text = QCoreApplication.translate(
        "Reach",
        "Fetches any web page the model asks for, asking you before each new site, and "
        "reads its text into the conversation.",
    )
    names = {"searxng": "SearXNG", "brave": "Brave Search", "tavily": "Tavily"}
    if search in names:
        text += " " + QCoreApplication.translate(
            "Reach", "Searches go to %1 with the model's query."
        ).replace("%1", names[search])
    return text


def image_reach(profile: str, base_url: str) -> str:
    """Image generation's statement, for a provider profile and its address."""
    if not profile:
        return QCoreApplication.translate(
            "Reach", "Choose a provider whose server makes images; nothing is sent until then."
        )
    return (
        QCoreApplication.translate(
            "Reach",
            "Sends the model's picture descriptions to %1 (%2); the pictures are saved "
            "with the conversation.",
        )
        .replace("%1", profile)
        .replace("%2", base_url or "?")
    )
