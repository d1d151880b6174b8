"""The model host's pipe format: frames, broken streams, and errors carried across."""

from __future__ import annotations

import io
import struct

import pytest

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.llama import wire


def test_messages_round_trip_in_order() -> None:
    stream = io.BytesIO()
    events = [base.TextDelta("知识"), base.Usage(3, 1), base.Finish("stop")]
    wire.write_frame(stream, (wire.EVENTS, 7, events))
    wire.write_frame(stream, (wire.RESULT, 7, None))
    stream.seek(0)
    assert wire.read_frame(stream) == (wire.EVENTS, 7, events)
    assert wire.read_frame(stream) == (wire.RESULT, 7, None)
    assert wire.read_frame(stream) is None  # the end of the stream, between frames


def test_a_stream_cut_inside_a_frame_is_broken_not_the_end() -> None:
    stream = io.BytesIO()
    wire.write_frame(stream, (wire.RESULT, 1, "x" * 100))
    cut = io.BytesIO(stream.getvalue()[:-10])
    with pytest.raises(wire.BrokenFrameError, match="ended inside a frame"):
        wire.read_frame(cut)
    with pytest.raises(wire.BrokenFrameError):
        wire.read_frame(io.BytesIO(b"\x01\x00"))  # cut inside the length itself


def test_an_absurd_length_is_refused_before_reading() -> None:
    stream = io.BytesIO(struct.pack("<I", wire.MAX_FRAME + 1) + b"...")
    with pytest.raises(wire.BrokenFrameError, match="a frame of"):
        wire.read_frame(stream)


def test_core_errors_come_back_as_themselves() -> None:
    sent = wire.RemoteError.of(errors.ContextOverflowError("The prompt is 9 tokens; ..."))
    rebuilt = sent.rebuild()
    assert type(rebuilt) is errors.ContextOverflowError
    assert rebuilt.message == "The prompt is 9 tokens; ..."


def test_bugs_and_unbuildable_errors_become_provider_errors() -> None:
    bug = wire.RemoteError.of(KeyError("tokens")).rebuild()
    assert type(bug) is errors.ProviderError
    assert "KeyError" in bug.message and "report it with the log file" in bug.message
    # An error class built from more than a message cannot be rebuilt from its text.
    busy = wire.RemoteError.of(errors.ThreadBusyError("thread_1", "run_1")).rebuild()
    assert type(busy) is errors.ProviderError
    assert "thread_1" in busy.message
    unknown = wire.RemoteError("NoSuchError", "odd").rebuild()
    assert type(unknown) is errors.ProviderError
