"""The capsule feature's words: stages of work, kinds of content, signatures. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.capsule.service import CapsuleProgress
from desktop.core.capsule.signing import SignatureStatus
from desktop.core.units import human_size


def _tr(text: str) -> str:
    return QCoreApplication.translate("Capsules", text)


def stage_text(progress: CapsuleProgress) -> str:
    """'Packing… 3.1 MB of 12 MB', 'Indexing… 2 of 9 files'."""
    stages = {
        "checking": _tr("Checking the file…"),
        "decrypting": _tr("Decrypting…"),
        "unpacking": _tr("Unpacking…"),
        "indexing": _tr("Indexing the knowledge…"),
        "saving": _tr("Adding it to the library…"),
        "hashing": _tr("Reading the knowledge…"),
        "packing": _tr("Packing…"),
        "encrypting": _tr("Packing and encrypting…"),
    }
    label = stages.get(progress.stage, progress.stage)
    if progress.total <= 1:
        return label
    if progress.stage == "indexing":
        amount = _tr("%1 of %2 files")
        done, total = str(progress.done), str(progress.total)
    else:
        amount = _tr("%1 of %2")
        done, total = human_size(progress.done), human_size(progress.total)
    return f"{label} {amount.replace('%1', done).replace('%2', total)}"


def kind_text(kind: str) -> str:
    """What a content item is: knowledge, action, avatar, index."""
    kinds = {
        "knowledge": _tr("Knowledge file"),
        "action": _tr("Action"),
        "avatar": _tr("Avatar"),
        "index": _tr("Built index"),
    }
    return kinds.get(kind, kind)


def signature_text(status: SignatureStatus | None) -> str:
    """The signature in one line for people."""
    if status is None or status.state == "unsigned":
        return _tr("Unsigned: nothing says who made it.")
    if status.state == "bad":
        return _tr("Bad signature: %1").replace("%1", status.problem)
    who = status.signer or _tr("someone")
    line = _tr("Signed by %1 %2").replace("%1", who).replace("%2", status.fingerprint)
    if status.trusted_as is not None:
        return line + " " + _tr("(trusted as %1)").replace("%1", status.trusted_as)
    return line + " " + _tr("(not a signer you trust yet)")
