"""The capsule feature's words: stages of work, contents, what a GPT enables and needs, signatures.

Core says what an incoming GPT enables and which secrets it needs as a kind and its
arguments (with an English sentence for the CLI); here each kind is worded in the GUI's
language. A kind this module does not know shows core's English. GUI thread.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop.core.capsule.inspect import ContentItem
from desktop.core.capsule.review import Enabled, SecretNeed
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
        return fill_in(
            QCoreApplication.translate("Capsules", "Bad signature: %1"), _bad_reason(status)
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


def _bad_reason(status: SignatureStatus) -> str:
    """Why a signature is bad (core's English for a reason this module does not know)."""
    if status.reason == "malformed":
        return QCoreApplication.translate("Capsules", "the signature is malformed")
    if status.reason == "key_mismatch":
        return QCoreApplication.translate(
            "Capsules", "the signature does not match its signer’s key"
        )
    if status.reason == "changed":
        template = QCoreApplication.translate("Capsules", "the contents changed after signing (%1)")
        return fill_in(template, status.changed)
    return status.problem


def fill_in(template: str, *values: str) -> str:
    """`template` with %1, %2… replaced in one pass (a value's own "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1], template)


def _counted(count: int, one: str, many: str) -> str:
    return one if count == 1 else fill_in(many, str(count))


def detail_text(item: ContentItem) -> str:
    """A content item's detail: "12 pages", "340 chunks, embedded by bge-small"."""
    if item.kind == "knowledge" and item.pages:
        return _counted(
            item.pages,
            QCoreApplication.translate("Capsules", "1 page"),
            QCoreApplication.translate("Capsules", "%1 pages"),
        )
    if item.kind == "index" and item.chunks is not None:
        chunks = _counted(
            item.chunks,
            QCoreApplication.translate("Capsules", "1 chunk"),
            QCoreApplication.translate("Capsules", "%1 chunks"),
        )
        if not item.embedding_model:
            return chunks
        embedded = QCoreApplication.translate("Capsules", "%1, embedded by %2")
        return fill_in(embedded, chunks, item.embedding_model)
    return item.detail


def _auth_text(auth: str) -> str:
    """How an action signs in, as a noun for `enabled_text`."""
    ways = {
        "api_key": QCoreApplication.translate("Capsules", "an API key"),
        "bearer": QCoreApplication.translate("Capsules", "a bearer token"),
        "basic": QCoreApplication.translate("Capsules", "a user name and password"),
        "oauth2_client_credentials": QCoreApplication.translate(
            "Capsules", "OAuth 2 client credentials"
        ),
    }
    return ways.get(auth, auth)


def enabled_text(item: Enabled) -> str:
    """One thing an incoming GPT would do, in the GUI's language (core's English if unknown)."""
    if item.kind == "action":
        return _action_text(item.args)
    # Each kind's sentence and the arguments that fill its %1, %2.
    sentences = {
        "provider": (
            QCoreApplication.translate(
                "Capsules",
                "Answers through the provider “%1” (%2): conversations and knowledge "
                "excerpts go there.",
            ),
            ("provider", "host"),
        ),
        "code": (
            QCoreApplication.translate(
                "Capsules", "Runs Python code it writes (code interpreter), in a sandbox."
            ),
            (),
        ),
        "browse": (
            QCoreApplication.translate(
                "Capsules",
                "Fetches web pages the model chooses (each host asks for consent first).",
            ),
            (),
        ),
        "browse_search": (
            QCoreApplication.translate(
                "Capsules",
                "Fetches web pages and searches with %1 (%2); each host asks for consent first.",
            ),
            ("service", "host"),
        ),
        "images": (
            QCoreApplication.translate(
                "Capsules", "Generates images through the provider “%1” (%2)."
            ),
            ("provider", "host"),
        ),
    }
    if item.kind not in sentences:
        return item.text
    template, keys = sentences[item.kind]
    args = {
        **item.args,
        "host": item.args.get("host") or QCoreApplication.translate("Capsules", "not set up"),
    }
    return fill_in(template, *(args.get(key, "") for key in keys))


def _action_text(args: dict[str, str]) -> str:
    hosts = args.get("hosts") or QCoreApplication.translate("Capsules", "no known host")
    if args.get("auth"):
        template = QCoreApplication.translate(
            "Capsules",
            "Calls the action “%1” on %2 with %3; each host asks for consent before its "
            "first call.",
        )
        return fill_in(template, args.get("action", ""), hosts, _auth_text(args["auth"]))
    template = QCoreApplication.translate(
        "Capsules",
        "Calls the action “%1” on %2; each host asks for consent before its first call.",
    )
    return fill_in(template, args.get("action", ""), hosts)


def secret_text(need: SecretNeed) -> str:
    """What a secret asked for on import is, in the GUI's language (core's English if unknown)."""
    for_action = {
        "api_key": QCoreApplication.translate("Capsules", "API key for the action “%1”"),
        "bearer_token": QCoreApplication.translate("Capsules", "Bearer token for the action “%1”"),
        "user_name": QCoreApplication.translate("Capsules", "User name for the action “%1”"),
        "password": QCoreApplication.translate("Capsules", "Password for the action “%1”"),
        "client_id": QCoreApplication.translate("Capsules", "Client ID for the action “%1”"),
        "client_secret": QCoreApplication.translate(
            "Capsules", "Client secret for the action “%1”"
        ),
    }
    if need.what == "provider_key":
        template = QCoreApplication.translate("Capsules", "API key of the provider “%1” (%2)")
        return fill_in(template, need.subject, need.host)
    if need.what == "search_key":
        return fill_in(
            QCoreApplication.translate("Capsules", "%1 API key (web search)"), need.subject
        )
    if need.what in for_action:
        return fill_in(for_action[need.what], need.subject)
    return need.label
