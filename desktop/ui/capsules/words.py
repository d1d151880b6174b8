"""The capsule feature's words: stages of work, kinds of content, signatures. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.capsule.service import CapsuleProgress
from desktop.core.capsule.signing import SignatureStatus
from desktop.core.units import human_size


def stage_text(progress: CapsuleProgress) -> str:
    """'Packing… 3.1 MB of 12 MB', 'Indexing… 2 of 9 files'."""
    stages = {
        "checking": QCoreApplication.translate("Capsules", "Checking the file…"),
        "decrypting": QCoreApplication.translate("Capsules", "Decrypting…"),
        "unpacking": QCoreApplication.translate("Capsules", "Unpacking…"),
        "indexing": QCoreApplication.translate("Capsules", "Indexing the knowledge…"),
        "saving": QCoreApplication.translate("Capsules", "Adding it to the library…"),
        "hashing": QCoreApplication.translate("Capsules", "Reading the knowledge…"),
        "packing": QCoreApplication.translate("Capsules", "Packing…"),
        "encrypting": QCoreApplication.translate("Capsules", "Packing and encrypting…"),
    }
    label = stages.get(progress.stage, progress.stage)
    if progress.total <= 1:
        return label
    if progress.stage == "indexing":
        amount = QCoreApplication.translate("Capsules", "%1 of %2 files")
        done, total = str(progress.done), str(progress.total)
    else:
        amount = QCoreApplication.translate("Capsules", "%1 of %2")
        done, total = human_size(progress.done), human_size(progress.total)
    return f"{label} {amount.replace('%1', done).replace('%2', total)}"


def kind_text(kind: str) -> str:
    """What a content item is: knowledge, action, avatar, index."""
    kinds = {
        "knowledge": QCoreApplication.translate("Capsules", "Knowledge file"),
        "action": QCoreApplication.translate("Capsules", "Action"),
        "avatar": QCoreApplication.translate("Capsules", "Avatar"),
        "index": QCoreApplication.translate("Capsules", "Built index"),
    }
    return kinds.get(kind, kind)


def signature_text(status: SignatureStatus | None) -> str:
    """The signature in one line for people."""
    if status is None or status.state == "unsigned":
        return QCoreApplication.translate("Capsules", "Unsigned: nothing says who made it.")
    if status.state == "bad":
        return QCoreApplication.translate("Capsules", "Bad signature: %1").replace(
            "%1", status.problem
        )
    who = status.signer or QCoreApplication.translate("Capsules", "someone")
    line = (
        QCoreApplication.translate("Capsules", "Signed by %1 %2")
        .replace("%1", who)
        .replace("%2", status.fingerprint)
    )
    if status.trusted_as is not None:
        return (
            line
            + " "
            + QCoreApplication.translate("Capsules", "(trusted as %1)").replace(
                "%1", status.trusted_as
            )
        )
    return line + " " + QCoreApplication.translate("Capsules", "(not a signer you trust yet)")
