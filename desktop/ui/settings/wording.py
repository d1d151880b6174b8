"""Core's facts in the GUI's language: progress, memory, the llama.cpp build, the sandbox.

Core gives numbers and states (a `Progress`, a `MemoryEstimate`, the build's dict, a
sandbox `Protection`); the CLI words them in English, and this module words them for
the window through Qt's translation functions. GUI thread (translation reads the
installed catalogs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.core.models.fit import Gpu
from desktop.core.models.memory import MemoryEstimate
from desktop.core.models.overview import ModelFacts
from desktop.core.models.progress import Progress
from desktop.core.tools.code_interpreter.limits import LINUX
from desktop.core.tools.code_interpreter.sandbox import LANDLOCK, NAMESPACE, VIEW
from desktop.core.units import human_size

if TYPE_CHECKING:
    from desktop.core.tools.code_interpreter.probe import Protection


def _minutes(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def percent(progress: Progress) -> str:
    return f"{(progress.fraction or 0.0) * 100:.0f}%"


def _pace(progress: Progress) -> list[str]:
    """How fast, and how long still (each part only when known)."""
    parts = []
    if progress.rate > 0:
        parts.append(
            QCoreApplication.translate("Settings", "%1/s").replace(
                "%1", human_size(int(progress.rate))
            )
        )
    if progress.eta is not None and progress.total and progress.done < progress.total:
        parts.append(
            QCoreApplication.translate("Settings", "%1 left").replace("%1", _minutes(progress.eta))
        )
    return parts


def progress_text(progress: Progress) -> str:
    """One line for a transfer: what, how far, how fast, how long still."""
    if progress.stage == "verify":
        return QCoreApplication.translate("Settings", "Checking the checksum… %1").replace(
            "%1", percent(progress)
        )
    if progress.stage == "copy":
        text = QCoreApplication.translate("Settings", "Copying… %1 of %2")
    else:
        text = QCoreApplication.translate("Settings", "Downloading… %1 of %2")
    total = human_size(progress.total) if progress.total else "?"
    parts = [text.replace("%1", human_size(progress.done)).replace("%2", total)]
    if progress.total:
        parts.append(percent(progress))
    return " · ".join(parts + _pace(progress))


def progress_brief(progress: Progress) -> str:
    """A short line for a progress bar: how far, how fast, how long still."""
    if progress.stage == "verify":
        return QCoreApplication.translate("Settings", "Checking… %1").replace(
            "%1", percent(progress)
        )
    done = percent(progress) if progress.total else human_size(progress.done)
    return " · ".join([done, *_pace(progress)])


def memory_text(estimate: MemoryEstimate) -> str:
    """The estimate in a sentence, against this machine's free memory."""
    return (
        QCoreApplication.translate(
            "Settings",
            "About %1 at %2 tokens of context (weights %3, KV cache %4); "
            "%5 of %6 of memory is free.",
        )
        .replace("%1", human_size(estimate.total))
        .replace("%2", f"{estimate.context:,}")
        .replace("%3", human_size(estimate.weights))
        .replace("%4", human_size(estimate.kv_cache))
        .replace("%5", human_size(estimate.ram_available))
        .replace("%6", human_size(estimate.ram_total))
    )


def _devices(gpus: list[Gpu]) -> str:
    return ", ".join(f"{g.name} ({g.description})" if g.description else g.name for g in gpus)


def gpu_layers_text(facts: ModelFacts) -> str:
    """What `gpu_layers: auto` does with this model on this build (short, for a cell)."""
    if facts.gpu_layers_auto is None:
        return "?"
    of = str(facts.block_count) if facts.block_count else "?"
    if not facts.gpus or not facts.gpu_layers_auto:
        return QCoreApplication.translate("Settings", "auto: 0 of %1 (CPU)").replace("%1", of)
    return (
        QCoreApplication.translate("Settings", "auto: %1 of %2 on the GPU")
        .replace("%1", str(facts.gpu_layers_auto))
        .replace("%2", of)
    )


def gpu_fit_text(facts: ModelFacts) -> str:
    """Whether what `auto` offloads fits the GPUs' free memory ('' when nothing goes)."""
    if facts.fit is None or facts.fits_gpu is None:
        return ""
    text = (
        QCoreApplication.translate("Settings", "Fits in %1's free memory (%2 of %3).")
        if facts.fits_gpu
        else QCoreApplication.translate(
            "Settings",
            "Does not fit in %1's free memory (%2 of %3): llama.cpp may fail to load it; "
            "set fewer GPU layers in the GPT's model settings.",
        )
    )
    return (
        text.replace("%1", ", ".join(g.name for g in facts.gpus))
        .replace("%2", human_size(facts.fit.vram_needed))
        .replace("%3", human_size(facts.fit.vram_free))
    )


def auto_offload_text(build: dict[str, Any], gpus: list[Gpu]) -> str:
    """What `gpu_layers: auto` means on this llama.cpp build, in one sentence."""
    if build.get("gpu_offload") and gpus:
        return (
            QCoreApplication.translate(
                "Settings",
                "GPU offload: GPU layers \u201cauto\u201d puts every layer of a model on %1 "
                "(%2 of %3 free).",
            )
            .replace("%1", _devices(gpus))
            .replace("%2", human_size(sum(g.free for g in gpus)))
            .replace("%3", human_size(sum(g.total for g in gpus)))
        )
    return QCoreApplication.translate(
        "Settings",
        "GPU offload: none, this llama.cpp build runs on the CPU only, so GPU layers "
        "\u201cauto\u201d keeps every layer on the CPU. The README says how to build it with "
        "CUDA, Metal or Vulkan.",
    )


# -- the sandbox ------------------------------------------------------------------------------


def protection_lines(found: Protection) -> list[str]:
    """One sentence per protection (network, files, processes, sockets, /tmp, user)."""
    return [
        _network(found),
        _files(found),
        _processes(found),
        _sockets(found),
        _tmp(found),
        _user(found),
    ]


def _network(found: Protection) -> str:
    if found.network == NAMESPACE:
        return QCoreApplication.translate(
            "Settings", "Network: blocked by a Linux network namespace"
        )
    if LINUX:
        return QCoreApplication.translate(
            "Settings",
            "Network: blocked inside Python only (this system does not allow network namespaces)",
        )
    return QCoreApplication.translate(
        "Settings", "Network: blocked inside Python only (this system has no namespaces)"
    )


def _files(found: Protection) -> str:
    if found.files == VIEW:
        text = QCoreApplication.translate(
            "Settings",
            "Files: the code sees only the system, Python and its thread's folder "
            "(bubblewrap); your home folder, the app's data and settings and other "
            "threads do not exist for it",
        )
        if found.landlock:
            text += QCoreApplication.translate(
                "Settings",
                "; Landlock (ABI %1) keeps its writes in that folder and its private /tmp",
            ).replace("%1", str(found.landlock))
        return text
    if found.files == LANDLOCK:
        return QCoreApplication.translate(
            "Settings",
            "Files: the code reads only the system, Python and its thread's folder, and "
            "writes only in that folder (Landlock, ABI %1; bubblewrap could not run here)",
        ).replace("%1", str(found.landlock))
    if found.user == "nobody":
        return QCoreApplication.translate(
            "Settings",
            "Files: NOT isolated: the code can read and change everything the user nobody can",
        )
    return QCoreApplication.translate(
        "Settings",
        "Files: NOT isolated: the code can read and change everything you can, your home "
        "folder and the app's data and settings included",
    )


def _processes(found: Protection) -> str:
    if found.pid_namespace:
        text = QCoreApplication.translate(
            "Settings",
            "Processes: everything the code starts ends with its session (a Linux PID namespace)",
        )
    else:
        text = QCoreApplication.translate(
            "Settings",
            "Processes: ended with the session's process group; a program that leaves the "
            "group can outlive it",
        )
    if found.proc == "own":
        return text + QCoreApplication.translate("Settings", "; it sees only its own processes")
    if found.proc == "hidden":
        return text + QCoreApplication.translate(
            "Settings", "; the machine's process list is closed to it (Landlock)"
        )
    return text + QCoreApplication.translate(
        "Settings", "; it can list the machine's processes and their command lines"
    )


def _sockets(found: Protection) -> str:
    if found.sockets == "unreachable":
        return QCoreApplication.translate(
            "Settings",
            "Local sockets: none of the machine's can be reached (the D-Bus session bus, "
            "which the keyring answers on, included)",
        )
    return QCoreApplication.translate(
        "Settings",
        "Local sockets: sockets that are files can be reached, the D-Bus session bus "
        "(which the keyring answers on) included",
    )


def _tmp(found: Protection) -> str:
    if found.tmp == "private":
        return QCoreApplication.translate(
            "Settings", "Temporary files: a private /tmp, removed with the session"
        )
    if found.tmp == "refused":
        return QCoreApplication.translate(
            "Settings",
            "Temporary files: kept in the session's own folder and removed with it; the "
            "shared /tmp is closed to the code",
        )
    return QCoreApplication.translate(
        "Settings", "Temporary files: the shared /tmp; what the code leaves there stays"
    )


def _user(found: Protection) -> str:
    if found.user == "nobody":
        return QCoreApplication.translate(
            "Settings", "User: the code runs as the unprivileged user nobody"
        )
    if found.user:
        return QCoreApplication.translate(
            "Settings", "User: the code runs as %1, with your file permissions"
        ).replace("%1", found.user)
    return QCoreApplication.translate(
        "Settings", "User: the code runs as you, with your file permissions"
    )


def unisolated_warning() -> str:
    return QCoreApplication.translate(
        "Settings",
        "Nothing on this computer can keep code a GPT runs away from your files: it could "
        "read your home folder, your SSH keys and the app's conversations and settings, and "
        "change them (a changed settings file can send your API keys elsewhere). Such code "
        "can come from a shared capsule's instructions or documents, not only from you.",
    )
