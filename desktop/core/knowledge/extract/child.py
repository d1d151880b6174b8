"""The isolated extraction process: `python -m desktop.core.knowledge.extract.child MB [OCR_MB]`.

Reads one JSON request per line on stdin ({"target": "module:function", "kwargs": {}}),
calls the target and answers one JSON line on the stdout it had at start: {"ok": value}
or {"error": class name, "message": text} (with the error's `said` template and values,
where it has them, as `CapsuleError.to_dict` gives them). Before its answer a request may send
{"progress": [done, total]} lines (the pages of a scan read so far). Anything a library
prints goes to stderr instead, so it cannot corrupt the answers. The address space is
capped at MB megabytes where the platform allows it (Linux), and at OCR_MB once text
recognition starts (its models and runtime take about two gigabytes of address space);
0 means no cap. The process ends at end of input.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, BinaryIO

from desktop.core.errors import CapsuleError

_ocr_memory_mb = 0
_progress: Callable[[int, int], None] | None = None  # reports a page of the request under way


def extract_as_dict(path: str, password: str | None, max_bytes: int) -> dict[str, Any]:
    """`extract` with its result as plain JSON values."""
    from pathlib import Path  # noqa: PLC0415

    from desktop.core.knowledge.extract import extract  # noqa: PLC0415

    found = extract(Path(path), password=password, max_bytes=max_bytes, on_page=report_page)
    return {
        "sections": [[s.text, s.page, s.location, s.ocr] for s in found.sections],
        "pages": found.pages,
        "warnings": found.warnings,
    }


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space; a larger allocation raises MemoryError."""
    if megabytes <= 0 or not sys.platform.startswith("linux"):
        return  # macOS does not enforce RLIMIT_AS and Windows has no `resource`
    import resource  # noqa: PLC0415

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def allow_ocr_memory() -> None:
    """Raise the memory cap to the one for text recognition (called before it loads)."""
    limit_memory(_ocr_memory_mb)


def report_page(done: int, total: int) -> None:
    """Tell the app that `done` of `total` pages are read (nothing outside a request)."""
    if _progress is not None:
        _progress(done, total)


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """Run one request; every outcome, failure included, becomes an answer."""
    try:
        module, _, function = str(request["target"]).partition(":")
        target = getattr(importlib.import_module(module), function)
        return {"ok": target(**request.get("kwargs", {}))}
    except MemoryError:
        return {"error": "MemoryError", "message": ""}
    except CapsuleError as exc:
        return exc.to_dict() | {"error": type(exc).__name__}
    except BaseException as exc:  # a bug, not a file problem: report it with its origin
        lines = traceback.format_exception_only(type(exc), exc)
        return {"error": "InternalError", "message": "".join(lines).strip()}


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    global _progress  # noqa: PLW0603 (the one answer stream of this process)

    def progress(done: int, total: int) -> None:
        answers.write(json.dumps({"progress": [done, total]}).encode("ascii") + b"\n")
        answers.flush()

    _progress = progress
    for line in iter(requests.readline, b""):
        try:
            reply = answer(json.loads(line))
            data = json.dumps(reply).encode("ascii")
        except MemoryError:
            data = b'{"error": "MemoryError", "message": ""}'
        answers.write(data + b"\n")
        answers.flush()


def main() -> int:
    global _ocr_memory_mb  # noqa: PLW0603 (set once, from the command line)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # from here on, a stray print() lands on stderr
    limit_memory(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    _ocr_memory_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    serve(sys.stdin.buffer, answers)
    return 0


if __name__ == "__main__":
    # Run as the importable module, not as __main__: the readers import this module to
    # report pages and raise the memory cap, and must find the state main() set.
    from desktop.core.knowledge.extract import child  # noqa: PLW0406 (see above)

    sys.exit(child.main())
