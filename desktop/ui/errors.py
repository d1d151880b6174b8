"""The one channel through which errors reach the user, and the hooks that feed it."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from desktop.core.errors import CapsuleError

log = logging.getLogger(__name__)


def user_message(error: BaseException | str, log_dir: Path | None = None) -> str:
    """The text a person sees for `error`.

    A `CapsuleError` already says what to do; anything else is a bug, said as such.
    """
    if isinstance(error, str):
        return error
    if isinstance(error, CapsuleError):
        return str(error)
    where = f" in {log_dir}" if log_dir is not None else ""
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return (
        f"Something went wrong inside Capsule Studio ({detail}). This is a bug; the details "
        f"are in the log{where}. Your data was not changed by this error."
    )


class ErrorChannel(QObject):
    """Where every error meant for the user goes; views connect to it and show it.

    `notify_error` may be called from any thread: receivers that live on the GUI thread
    get the signal queued onto it.

    Signals:
        error_reported(str): a message for the user, ready to show.
    """

    error_reported = Signal(str)

    def __init__(self, log_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log_dir = log_dir

    def notify_error(self, error: BaseException | str) -> None:
        """Report `error` to the user; unexpected exceptions are logged with a traceback."""
        if isinstance(error, BaseException) and not isinstance(error, CapsuleError):
            log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        elif isinstance(error, CapsuleError):
            log.warning("%s: %s", error.code, error)
        self.error_reported.emit(user_message(error, self._log_dir))


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
