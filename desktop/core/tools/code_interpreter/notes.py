"""Plain-language notes for the model (and the user): which limit was hit, what was lost.

Each note says what happened and what to do: change the code, or raise the limit in the
GPT's settings.
"""

from __future__ import annotations

from desktop.core.errors import said
from desktop.core.tools.code_interpreter.limits import Limits
from desktop.core.tools.code_interpreter.outputs import KernelError

SETTINGS = "the GPT's code interpreter settings"
KEPT = "files in the working folder are kept"
NEW_SESSION = (
    "This is a new Python session: variables, imports and functions from earlier code in "
    f"this thread are gone ({KEPT}). Run again what the code needs."
)
CANCELLED = "The run was cancelled, so the code was stopped."
CANCELLED_RUN = "The run was cancelled"
_FASTER = f"Make the code faster or give it less data, or raise timeout_s in {SETTINGS}."
CLOSED = "The thread's Python session was shut down while the code ran."
UNISOLATED_WARNING = said(
    "Nothing on this computer can keep code a GPT runs away from your files: it could "
    "read your home folder, your SSH keys and the app's conversations and settings, and "
    "change them (a changed settings file can send your API keys elsewhere). Such code "
    "can come from a shared capsule's instructions or documents, not only from you."
)
# The warning again, whole: a sentence the window translates is one literal.
UNISOLATED = said(
    "The code interpreter is off on this computer. Nothing on this computer can keep code "
    "a GPT runs away from your files: it could read your home folder, your SSH keys and "
    "the app's conversations and settings, and change them (a changed settings file can "
    "send your API keys elsewhere). Such code can come from a shared capsule's "
    "instructions or documents, not only from you. Turn it on only if you accept that, in "
    "the code interpreter's sandbox settings."
)


def seconds(value: float) -> str:
    return f"{value:g} s"


def ran_too_long(timeout_s: float) -> str:
    return f"The code ran longer than {seconds(timeout_s)}"


def timed_out(timeout_s: float) -> str:
    return f"{ran_too_long(timeout_s)} and was stopped. {_FASTER}"


def killed(why: str, timeout_s: float | None = None) -> str:
    """`why` says what asked the code to stop: `ran_too_long(...)` or "The run was cancelled"."""
    text = (
        f"{why} and did not stop when interrupted; the Python session was restarted and its "
        f"variables are gone ({KEPT})."
    )
    return f"{text} {_FASTER}" if timeout_s is not None else text


def died(exit_code: int | None, reason: str | None, limits: Limits) -> str:
    """The kernel process ended on its own while the code ran."""
    lost = f"its variables are gone ({KEPT}); the next code starts a new session"
    if reason == "cpu":
        return (
            f"The code kept running after its {limits.cpu_s} s of CPU time were used up, so "
            f"the Python session was ended; {lost}. Make the code do less work, or raise "
            f"cpu_s in {SETTINGS}."
        )
    how = {
        128 + 9: "was killed",
        128 + 11: "crashed (a library failed with a segmentation fault)",
        128 + 6: "aborted (a library gave up, often for lack of memory)",
    }.get(exit_code or 0)
    if how is None:
        return f"The Python session ended (exit status {exit_code}); {lost}."
    return (
        f"The Python session {how}; {lost}. If the code needs much memory (the limit is "
        f"{limits.memory_mb} MB), process the data in parts, or raise memory_mb in {SETTINGS}."
    )


def limit_note(error: KernelError, limits: Limits) -> str | None:
    """The note for an exception that comes from one of the limits, or None."""
    if error.name == "CpuTimeLimitExceeded":
        return (
            f"The code used more than its {limits.cpu_s} s of CPU time. Make it do less work "
            f"(a smaller sample, a faster method), or raise cpu_s in {SETTINGS}."
        )
    if "MemoryError" in error.name or "Unable to allocate" in error.value:
        return (
            f"The code needed more than the {limits.memory_mb} MB memory limit. Process the "
            "data in parts (read it in chunks, keep fewer columns, delete what is no longer "
            f"needed), or raise memory_mb in {SETTINGS}."
        )
    if "[Errno 27]" in error.value or "File too large" in error.value:
        return (
            f"A file grew past the {limits.max_file_mb} MB file size limit. Write smaller "
            f"files (split or compress the data), or raise max_file_mb in {SETTINGS}."
        )
    if hit_process_limit(error):
        return (
            f"The code tried to run more than {limits.max_processes} processes or threads "
            f"at once. Use fewer workers, or raise max_processes in {SETTINGS}."
        )
    return None


def hit_process_limit(error: KernelError) -> bool:
    return (error.name == "BlockingIOError" and "[Errno 11]" in error.value) or (
        "can't start new thread" in error.value
    )


def leftovers_stopped() -> str:
    return (
        "Processes the code left running were stopped by restarting the Python session; "
        f"its variables are gone ({KEPT})."
    )
