"""The one channel through which errors reach the user, in the GUI's language.

Core errors say what happened in plain English and carry what the user can do as data
(`UserAction`). Here each becomes a `Notice`: a headline for its kind of error, in the
GUI's language; the core's own words as the detail; and the action as a button label
that the window turns into the place to fix it (a builder section, a settings page).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core.errors import CapsuleError, Do, Said, UserAction

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


# A headline per error code. The texts are marked for lupdate here and translated when
# shown, so that a language chosen at start applies.
def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


HEADLINES: dict[str, str] = {
    "invalid_input": QT_TRANSLATE_NOOP("Errors", "Something you entered is not valid."),
    "invalid_action_document": QT_TRANSLATE_NOOP("Errors", "The API description cannot be used."),
    "not_found": QT_TRANSLATE_NOOP("Errors", "It is not there any more."),
    "unknown_gpt": QT_TRANSLATE_NOOP("Errors", "That GPT does not exist (any more)."),
    "unknown_thread": QT_TRANSLATE_NOOP("Errors", "That conversation does not exist (any more)."),
    "unknown_run": QT_TRANSLATE_NOOP("Errors", "That run does not exist."),
    "unknown_version": QT_TRANSLATE_NOOP("Errors", "That version does not exist."),
    "unknown_action": QT_TRANSLATE_NOOP("Errors", "That action does not exist."),
    "unknown_profile": QT_TRANSLATE_NOOP("Errors", "That model provider is not set up."),
    "secret_not_found": QT_TRANSLATE_NOOP("Errors", "A key or password is missing."),
    "store_error": QT_TRANSLATE_NOOP("Errors", "The database cannot be used."),
    "store_corrupt": QT_TRANSLATE_NOOP("Errors", "The database is damaged."),
    "store_too_new": QT_TRANSLATE_NOOP("Errors", "The database comes from a newer version."),
    "store_locked": QT_TRANSLATE_NOOP("Errors", "The database is busy in another program."),
    "model_error": QT_TRANSLATE_NOOP("Errors", "The model cannot be used."),
    "no_model": QT_TRANSLATE_NOOP("Errors", "No model is chosen for this GPT."),
    "model_not_found": QT_TRANSLATE_NOOP("Errors", "The model cannot be found."),
    "model_file_invalid": QT_TRANSLATE_NOOP("Errors", "The model file is damaged or incomplete."),
    "model_load_failed": QT_TRANSLATE_NOOP("Errors", "The model could not be loaded."),
    "model_crashed": QT_TRANSLATE_NOOP("Errors", "The local model stopped unexpectedly."),
    "context_length_exceeded": QT_TRANSLATE_NOOP(
        "Errors", "The conversation is too long for the model."
    ),
    "provider_error": QT_TRANSLATE_NOOP("Errors", "The model failed to answer."),
    "provider_auth": QT_TRANSLATE_NOOP("Errors", "The service refused the API key."),
    "provider_unreachable": QT_TRANSLATE_NOOP("Errors", "The service cannot be reached."),
    "provider_timeout": QT_TRANSLATE_NOOP("Errors", "The service did not answer in time."),
    "provider_rate_limited": QT_TRANSLATE_NOOP("Errors", "The service is limiting requests."),
    "provider_bad_response": QT_TRANSLATE_NOOP("Errors", "The service answered with an error."),
    "settings_error": QT_TRANSLATE_NOOP("Errors", "The settings cannot be read or saved."),
    "keyring_unavailable": QT_TRANSLATE_NOOP("Errors", "No system keyring is available."),
    "insecure_transport": QT_TRANSLATE_NOOP("Errors", "A key would travel unencrypted."),
    "download_failed": QT_TRANSLATE_NOOP("Errors", "The download failed."),
    "checksum_mismatch": QT_TRANSLATE_NOOP("Errors", "The downloaded file is not the right one."),
    "disk_full": QT_TRANSLATE_NOOP("Errors", "There is not enough disk space."),
    "cancelled": QT_TRANSLATE_NOOP("Errors", "Stopped."),
    "run_error": QT_TRANSLATE_NOOP("Errors", "The run could not go on."),
    "thread_busy": QT_TRANSLATE_NOOP("Errors", "This conversation is still answering."),
    "invalid_run_state": QT_TRANSLATE_NOOP("Errors", "The run cannot do that now."),
    "tool_error": QT_TRANSLATE_NOOP("Errors", "A tool failed."),
    "code_not_isolated": QT_TRANSLATE_NOOP(
        "Errors", "Code cannot be isolated from your files on this machine."
    ),
    "extraction_failed": QT_TRANSLATE_NOOP("Errors", "The file could not be read."),
    "extraction_timeout": QT_TRANSLATE_NOOP("Errors", "Reading the file took too long."),
    "extraction_memory": QT_TRANSLATE_NOOP("Errors", "The file needs too much memory to read."),
    "extractor_bug": QT_TRANSLATE_NOOP("Errors", "The file could not be read (a bug)."),
    "file_corrupt": QT_TRANSLATE_NOOP("Errors", "The file is damaged."),
    "file_empty": QT_TRANSLATE_NOOP("Errors", "The file is empty."),
    "file_too_large": QT_TRANSLATE_NOOP("Errors", "The file is too large."),
    "unsupported_file": QT_TRANSLATE_NOOP("Errors", "This kind of file is not supported."),
    "needs_password": QT_TRANSLATE_NOOP("Errors", "The file needs a password."),
    "wrong_password": QT_TRANSLATE_NOOP("Errors", "The password is wrong."),
    "archive_bomb": QT_TRANSLATE_NOOP("Errors", "The file unpacks to far too much data."),
    "unsafe_xml": QT_TRANSLATE_NOOP("Errors", "The file holds unsafe XML."),
    "ocr_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "Scanned pages need the optional OCR engine, which is not installed."
    ),
    "capsule_invalid": QT_TRANSLATE_NOOP("Errors", "This file cannot be imported."),
    "capsule_damaged": QT_TRANSLATE_NOOP("Errors", "The capsule is damaged or incomplete."),
    "capsule_refused": QT_TRANSLATE_NOOP("Errors", "The capsule was refused as unsafe."),
    "capsule_tampered": QT_TRANSLATE_NOOP("Errors", "The capsule was changed after export."),
    "capsule_too_new": QT_TRANSLATE_NOOP("Errors", "The capsule needs a newer Capsule Studio."),
    "capsule_password_needed": QT_TRANSLATE_NOOP("Errors", "The capsule needs its password."),
    "capsule_wrong_password": QT_TRANSLATE_NOOP("Errors", "The capsule's password is wrong."),
}
GENERIC = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")
BUG = QT_TRANSLATE_NOOP("Errors", "Something went wrong inside Capsule Studio.")

# What each action is called on its button (the window decides where it leads).
ACTION_LABELS: dict[str, str] = {
    Do.LIST_GPTS: QT_TRANSLATE_NOOP("Errors", "Show the GPTs"),
    Do.LIST_GPT_VERSIONS: QT_TRANSLATE_NOOP("Errors", "Show the versions"),
    Do.START_NEW_THREAD: QT_TRANSLATE_NOOP("Errors", "Start a new conversation"),
    Do.CANCEL_RUN: QT_TRANSLATE_NOOP("Errors", "Stop the run"),
    Do.LIST_THREAD_FILES: QT_TRANSLATE_NOOP("Errors", "Show the conversation's files"),
    Do.LIST_KNOWLEDGE: QT_TRANSLATE_NOOP("Errors", "Open the knowledge"),
    Do.LIST_ACTIONS: QT_TRANSLATE_NOOP("Errors", "Open the actions"),
    Do.SET_ACTION_AUTH: QT_TRANSLATE_NOOP("Errors", "Set the action's authentication"),
    Do.SET_ACTION_SERVER: QT_TRANSLATE_NOOP("Errors", "Set the action's server"),
    Do.LIST_MODELS: QT_TRANSLATE_NOOP("Errors", "Show the local models"),
    Do.CHOOSE_MODEL: QT_TRANSLATE_NOOP("Errors", "Choose a model"),
    Do.SHOW_CATALOG: QT_TRANSLATE_NOOP("Errors", "Get a model"),
    Do.IMPORT_MODEL: QT_TRANSLATE_NOOP("Errors", "Import a model file"),
    Do.REMOVE_MODEL: QT_TRANSLATE_NOOP("Errors", "Remove the model"),
    Do.ADD_PROVIDER: QT_TRANSLATE_NOOP("Errors", "Add the provider"),
    Do.SET_PROVIDER_KEY: QT_TRANSLATE_NOOP("Errors", "Set the API key"),
    Do.LIST_PROVIDER_MODELS: QT_TRANSLATE_NOOP("Errors", "Test the provider"),
    Do.LIST_PROVIDERS: QT_TRANSLATE_NOOP("Errors", "Show the providers"),
    Do.SET_SEARCH_KEY: QT_TRANSLATE_NOOP("Errors", "Set the search key"),
    Do.ALLOW_HTTP_HOST: QT_TRANSLATE_NOOP("Errors", "Allow this host"),
    Do.ALLOW_UNISOLATED_CODE: QT_TRANSLATE_NOOP("Errors", "Review the code sandbox"),
    Do.INSTALL_OCR: QT_TRANSLATE_NOOP("Errors", "How to read scanned files"),
    Do.SET_KNOWLEDGE_MODEL: QT_TRANSLATE_NOOP("Errors", "Choose the embedding model"),
    Do.DOWNLOAD_MODEL: QT_TRANSLATE_NOOP("Errors", "Download the model"),
    Do.GIVE_CAPSULE_PASSWORD: QT_TRANSLATE_NOOP("Errors", "Enter the password"),
    Do.TRUST_SIGNER: QT_TRANSLATE_NOOP("Errors", "Trust this signer"),
    Do.REPLACE_GPT: QT_TRANSLATE_NOOP("Errors", "Replace the existing GPT"),
}


@dataclass(frozen=True)
class Notice:
    """An error as the user sees it: `headline` (translated), `detail`, and `action`."""

    headline: str
    detail: str
    action: UserAction | None = None
    code: str = "error"

    @property
    def action_label(self) -> str:
        """The action's button text, translated ('' without an action)."""
        if self.action is None:
            return ""
        label = ACTION_LABELS.get(self.action.kind)
        return _tr(label) if label else QCoreApplication.translate("Errors", "Fix it")

    def text(self) -> str:
        """Headline and detail together, for a plain message box or a log line."""
        return f"{self.headline}\n{self.detail}" if self.detail else self.headline


def core_text(message: str, stored: object = None) -> str:
    """Core's sentence in the window's language, where it was made with `errors.said`.

    `stored` is the `said` part of an error kept as a dict (a run's `last_error`). A
    sentence without a translation, or whose translation does not fit its values, stays
    core's English; a value that is itself such a sentence is put in the language too.
    """
    if not isinstance(message, Said):
        message = Said.from_dict(stored) or message
    if not isinstance(message, Said):
        return str(message)
    values = {name: core_text(value) for name, value in message.values.items()}
    translated = QCoreApplication.translate("CoreTexts", message.template)
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return message.template.format(**values)


def stored_text(error: object) -> str:
    """A stored failure's sentence (a step's `ErrorInfo`) in the window's language."""
    extra = getattr(error, "model_extra", None) or {}
    return core_text(str(getattr(error, "message", "")), extra.get("said"))


def notice_for(error: BaseException | str, log_dir: Path | None = None) -> Notice:
    """What the user is told about `error`; anything not a `CapsuleError` is a bug."""
    if isinstance(error, str):
        return Notice(error, "")
    if isinstance(error, CapsuleError):
        return Notice(
            _tr(HEADLINES.get(error.code, GENERIC)),
            core_text(error.message),
            error.action,
            error.code,
        )
    where = f" ({log_dir})" if log_dir is not None else ""
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return Notice(
        _tr(BUG),
        detail
        + "\n"
        + QCoreApplication.translate(
            "Errors", "This is a bug; the details are in the log%1. Your data was not changed."
        ).replace("%1", where),
        None,
        "internal_error",
    )


def notice_from_dict(data: dict[str, object]) -> Notice:
    """A stored error (a run's `last_error`, a tool call's `error`) as a notice."""
    code = str(data.get("code") or "error")
    action = UserAction.from_dict(data.get("action"))  # type: ignore[arg-type]
    detail = core_text(str(data.get("message") or ""), data.get("said"))
    return Notice(_tr(HEADLINES.get(code, GENERIC)), detail, action, code)


class ErrorChannel(QObject):
    """Where every error meant for the user goes; the window shows each one.

    `notify_error` may be called from any thread: receivers on the GUI thread get the
    signal queued onto it.

    Signals:
        error_reported(Notice): an error for the user, ready to show.
    """

    error_reported = Signal(object)

    def __init__(self, log_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_dir = log_dir

    def notify_error(self, error: BaseException | str) -> None:
        """Report `error` to the user; unexpected exceptions are logged with a traceback."""
        if isinstance(error, BaseException) and not isinstance(error, CapsuleError):
            log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        elif isinstance(error, CapsuleError):
            log.warning("%s: %s", error.code, error)
        self.error_reported.emit(notice_for(error, self._log_dir))


def install_hooks(channel: ErrorChannel) -> Callable[[], None]:
    """Route uncaught exceptions (GUI thread and other threads) to `channel`.

    Returns:
        A function that puts the previous hooks back.
    """
    previous_sys = sys.excepthook
    previous_threading = threading.excepthook

    def sys_hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        channel.notify_error(exc.with_traceback(tb))

    def threading_hook(args: threading.ExceptHookArgs) -> None:
        # Like the default hook: a thread that calls sys.exit() is not an error.
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        channel.notify_error(args.exc_value.with_traceback(args.exc_traceback))

    sys.excepthook = sys_hook
    threading.excepthook = threading_hook

    def uninstall() -> None:
        sys.excepthook = previous_sys
        threading.excepthook = previous_threading

    return uninstall
