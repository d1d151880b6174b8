"""The code interpreter: a sandboxed Jupyter kernel per thread, offered as the `python` tool.

`KernelPool` owns the kernels (one per thread, kept between calls), `CodeInterpreterTool`
is what a run offers the model, and `protection()` says what the sandbox gives on this
machine. See `sandbox` for what each protection is worth.

The names are loaded on first use: every kernel's launcher imports this package, and its
supervisor process should stay small (standard library only).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.tools.code_interpreter.limits import Limits
    from desktop.core.tools.code_interpreter.notes import UNISOLATED_WARNING
    from desktop.core.tools.code_interpreter.outputs import Execution, Image, KernelError
    from desktop.core.tools.code_interpreter.pool import KernelPool
    from desktop.core.tools.code_interpreter.probe import Protection, protection
    from desktop.core.tools.code_interpreter.tool import CodeInterpreterTool

_HOMES = {
    "CodeInterpreterTool": "tool",
    "Execution": "outputs",
    "Image": "outputs",
    "KernelError": "outputs",
    "KernelPool": "pool",
    "Limits": "limits",
    "Protection": "probe",
    "protection": "probe",
    "UNISOLATED_WARNING": "notes",
}

__all__ = [
    "UNISOLATED_WARNING",
    "CodeInterpreterTool",
    "Execution",
    "Image",
    "KernelError",
    "KernelPool",
    "Limits",
    "Protection",
    "protection",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
