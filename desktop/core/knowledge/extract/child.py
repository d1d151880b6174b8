"""The isolated extraction process: `python -m desktop.core.knowledge.extract.child MB`.

Reads one JSON request per line on stdin ({"target": "module:function", "kwargs": {}}),
calls the target and answers one JSON line on the stdout it had at start: {"ok": value}
or {"error": class name, "message": text}. Anything a library prints goes to stderr
instead, so it cannot corrupt the answers. The address space is capped at MB megabytes
where the platform allows it (Linux); 0 means no cap. The process ends at end of input.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import traceback
from typing import Any, BinaryIO

from desktop.core.errors import CapsuleError


def extract_as_dict(path: str, password: str | None, max_bytes: int) -> dict[str, Any]:
    """`extract` with its result as plain JSON values."""
    from pathlib import Path  # noqa: PLC0415

    from desktop.core.knowledge.extract import extract  # noqa: PLC0415

    found = extract(Path(path), password=password, max_bytes=max_bytes)
    return {
        "sections": [[s.text, s.page, s.location] for s in found.sections],
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


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """Run one request; every outcome, failure included, becomes an answer."""
    try:
        module, _, function = str(request["target"]).partition(":")
        target = getattr(importlib.import_module(module), function)
        return {"ok": target(**request.get("kwargs", {}))}
    except MemoryError:
        return {"error": "MemoryError", "message": ""}
    except CapsuleError as exc:
        return {"error": type(exc).__name__, "message": exc.message}
    except BaseException as exc:  # a bug, not a file problem: report it with its origin
        lines = traceback.format_exception_only(type(exc), exc)
        return {"error": "InternalError", "message": "".join(lines).strip()}


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    for line in iter(requests.readline, b""):
        try:
            reply = answer(json.loads(line))
            data = json.dumps(reply).encode("ascii")
        except MemoryError:
            data = b'{"error": "MemoryError", "message": ""}'
        answers.write(data + b"\n")
        answers.flush()


def main() -> int:
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # from here on, a stray print() lands on stderr
    limit_memory(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    serve(sys.stdin.buffer, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
