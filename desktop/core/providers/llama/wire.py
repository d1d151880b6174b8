"""The model host's pipe: length-prefixed pickled messages, both ways.

Both ends are this package (the app starts the host with its own interpreter), so pickle
carries the provider's dataclasses as they are. A frame is a 4-byte little-endian length
and that many bytes; a length past `MAX_FRAME` means the stream is broken, not a message.

Messages to the host are `(op, request_id, payload)`; ops are the names below. Messages
from it are `(kind, request_id, payload)`:

- `progress`: a load's progress, a float from 0 to 1;
- `events`: a list of provider events (a stream's text, calls, usage, finish);
- `result`: the request's answer; it ends the request;
- `error`: `RemoteError`; it ends the request.
"""

from __future__ import annotations

import pickle
import struct
from dataclasses import dataclass
from typing import IO, Any

from desktop.core import errors

LOAD = "load"
RENDER = "render"
STREAM = "stream"
EMBED = "embed"
RERANK = "rerank"
CANCEL = "cancel"
INFO = "info"

PROGRESS = "progress"
EVENTS = "events"
RESULT = "result"
ERROR = "error"

_HEADER = struct.Struct("<I")
MAX_FRAME = 512 * 1024 * 1024


class BrokenFrameError(Exception):
    """The stream does not hold a frame where one should start."""


def write_frame(stream: IO[bytes], message: Any) -> None:
    """Write one message and flush it. Callers hold the stream's lock."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any | None:
    """The next message, or None at the end of the stream."""
    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    if size > MAX_FRAME:
        raise BrokenFrameError(f"a frame of {size} bytes")
    data = _read_exactly(stream, size)
    if data is None:
        raise BrokenFrameError("the stream ended inside a frame")
    return pickle.loads(data)


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(left)
        if not chunk:
            if chunks:
                raise BrokenFrameError("the stream ended inside a frame")
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass(frozen=True)
class RemoteError:
    """A failure in the host, carried back: a core error by class name, or a bug's text."""

    kind: str
    message: str
    bug: bool = False

    @classmethod
    def of(cls, exc: BaseException) -> RemoteError:
        if isinstance(exc, errors.CapsuleError):
            return cls(type(exc).__name__, exc.message)
        return cls(type(exc).__name__, f"{type(exc).__name__}: {exc}", bug=True)

    def rebuild(self) -> errors.CapsuleError:
        """The same core error on this side (`ProviderError` for anything else)."""
        found = getattr(errors, self.kind, None)
        if (
            not self.bug
            and isinstance(found, type)
            and issubclass(found, errors.CapsuleError)
            and _takes_message(found)
        ):
            return found(self.message)
        return errors.ProviderError(
            errors.said(
                "The local model host failed: {reason}. Try again; if it keeps "
                "happening, report it with the log file.",
                reason=self.message,
            )
        )


def _takes_message(kind: type[errors.CapsuleError]) -> bool:
    """Whether the error class is built from its message alone (most are)."""
    try:
        kind("probe")
    except TypeError:
        return False
    return True
