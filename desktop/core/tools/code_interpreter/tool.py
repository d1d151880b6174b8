"""The `python` tool: the model's code runs in the thread's sandboxed Jupyter kernel.

`CodeInterpreterTool.run` runs on the engine's thread and blocks until the code ends, its
time limit passes (interrupt, then kill), or the run is cancelled.
"""

from __future__ import annotations

from typing import Any

from desktop.core import errors
from desktop.core.gpt import CodeInterpreterSettings
from desktop.core.tools.base import ToolContext, ToolResult, ToolSpec
from desktop.core.tools.code_interpreter.pool import KernelPool

TOOL_NAME = "python"
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "properties": {
        "code": {
            "type": "string",
            "description": "Python code to run. The value of the last line is shown.",
        }
    },
    "required": ["code"],
    "additionalProperties": False,
}


def describe(settings: CodeInterpreterSettings) -> str:
    """The tool description the model reads, with this GPT's limits."""
    return (
        "Run Python code in a stateful Jupyter (IPython) session. Variables, imports and "
        "functions stay between calls in this conversation. The working folder holds the "
        "conversation's files: open attached files by their names, and save files there "
        "for the user. pandas, numpy and matplotlib are installed. There is no internet "
        "access, so downloads and package installs fail. Plots drawn with matplotlib are "
        "shown to the user as images; do not print image data. Limits for each call: "
        f"{settings.timeout_s:g} s of wall time, {settings.cpu_s} s of CPU time, "
        f"{settings.memory_mb} MB of memory, {settings.max_processes} processes or "
        f"threads, and files up to {settings.max_file_mb} MB. The answer holds printed "
        "output, the last value, any error with its traceback, and the files made."
    )


class CodeInterpreterTool:
    """Runs the model's code in the kernel of the context's thread. Not a network tool."""

    external = False

    def __init__(
        self, pool: KernelPool, context: ToolContext, settings: CodeInterpreterSettings
    ) -> None:
        self.pool = pool
        self.context = context
        self.settings = settings
        self.spec = ToolSpec(name=TOOL_NAME, description=describe(settings), parameters=PARAMETERS)

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        """Execute `arguments["code"]`; errors in the code are results, not failures.

        Raises:
            errors.ToolError: no code was given, or the Python session could not start.
        """
        code = arguments.get("code") if isinstance(arguments, dict) else None
        if not isinstance(code, str) or not code.strip():
            raise errors.ToolError(
                errors.said(
                    'Call python with {{"code": "..."}}: the Python code to run, as a string.'
                )
            )
        try:
            execution = self.pool.execute(
                self.context.thread_id, code, self.settings, self.context.cancelled
            )
        except errors.ValidationError as exc:  # a thread id that names no folder
            raise errors.ToolError(exc.message) from exc
        return ToolResult(
            output=execution.text(),
            details={"outcome": execution.outcome, "duration_ms": execution.duration_ms},
            record={"code_interpreter": execution.record()},
            images=tuple(image.name for image in execution.images),
        )
