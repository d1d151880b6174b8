"""The model host process: crashes, kills and stuck hosts never take the app or a thread down.

A crash is simulated by signalling the real host process mid-answer (SIGSEGV as a
native crash would, SIGKILL as the out-of-memory killer does); a stuck host by stopping
it (SIGSTOP). Damaged files are loaded by the host itself, past the app's own checks.
"""

from __future__ import annotations

import os
import signal
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.gguf_info import read_gguf_info
from desktop.core.providers.llama import LlamaHost, LlamaProvider, LoadSettings
from desktop.core.providers.llama import client as host_client
from desktop.core.providers.local import LocalModel, LocalModels
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.tiny_gguf import TinySpec, build_tiny_gguf

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals are POSIX")


@pytest.fixture(scope="session")
def chatty_gguf(model_dir: Path) -> Path:
    """A model that writes one word over and over: its answers never end on their own."""
    spec = TinySpec(extra_tokens=(" word",), favoured_token=" word", name="chatty")
    return ensure_tiny(model_dir, "chatty.gguf", spec)


@pytest.fixture
def factory(tiny_gguf: Path) -> Iterator[ProviderFactory]:
    made = ProviderFactory(LocalModels([tiny_gguf.parent]))
    yield made
    made.close()


def host_pids() -> set[int]:
    me = psutil.Process()
    return {
        child.pid
        for child in me.children(recursive=True)
        if "desktop.core.providers.llama.server" in " ".join(child.cmdline())
    }


def long_answer(make_gpt: Any, model: Path) -> Any:
    return make_gpt(model={"model": str(model), "max_tokens": 2000, "seed": 1, "temperature": 1.0})


def run_and_signal(
    store: Store, factory: ProviderFactory, gpt_id: str, signum: int, thread_id: str | None = None
) -> tuple[Any, list[Any]]:
    """Start a run, send `signum` to its host after the first streamed text, drain it."""
    stream = RunEngine(store, factory).run(gpt_id, "talk for a long while", thread_id=thread_id)
    events = []
    signalled = False
    for event in stream:
        events.append(event)
        if event.event == ev.MESSAGE_DELTA and not signalled:
            for pid in host_pids():
                os.kill(pid, signum)
            signalled = True
    return stream, events


@pytest.mark.parametrize(
    ("signum", "words"),
    [
        (signal.SIGSEGV, ["SIGSEGV", "a crash", "If a model crashes"]),
        (signal.SIGABRT, ["SIGABRT", "an abort"]),
        (signal.SIGKILL, ["ran out of memory", "smaller model"]),
    ],
    ids=["crash", "abort", "out-of-memory"],
)
def test_a_host_that_dies_fails_the_run_and_the_next_run_starts_a_new_one(
    store: Store,
    make_gpt: Any,
    factory: ProviderFactory,
    chatty_gguf: Path,
    signum: int,
    words: list[str],
) -> None:
    gpt = long_answer(make_gpt, chatty_gguf)
    stream, events = run_and_signal(store, factory, gpt.id, signum)
    assert events[-1].event == ev.RUN_FAILED
    error = events[-1].data["last_error"]
    assert error["code"] == "model_crashed"
    assert "chatty" in error["message"]
    for word in words:
        assert word in error["message"]
    thread = store.threads.get(stream.thread_id)
    assert thread.active_run_id is None  # the thread is free
    assert store.threads.messages(stream.thread_id)[-1].status == "incomplete"
    before = host_pids()
    assert not before  # the dead host is gone, none was left behind

    again = RunEngine(store, factory).run(gpt.id, "once more", thread_id=stream.thread_id)
    finals = [e for e in again if e.event in ev.RUN_FINAL.values()]
    assert finals[-1].event in (ev.RUN_COMPLETED, ev.RUN_INCOMPLETE)
    assert len(host_pids()) == 1


def test_a_host_that_ignores_a_cancel_is_stopped(
    store: Store, make_gpt: Any, factory: ProviderFactory, chatty_gguf: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(host_client, "CANCEL_GRACE_S", 0.5)
    gpt = long_answer(make_gpt, chatty_gguf)
    stream = RunEngine(store, factory).run(gpt.id, "talk")
    events = []
    for event in stream:
        events.append(event)
        if event.event == ev.MESSAGE_DELTA and len(events) < 100:
            (pid,) = host_pids()
            os.kill(pid, signal.SIGSTOP)  # it can no longer answer anything
            stream.cancel()
            break
    events += list(stream)
    assert events[-1].event == ev.RUN_CANCELLED
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    again = RunEngine(store, factory).run(gpt.id, "again", thread_id=stream.thread_id)
    assert list(again)[-1].event in (ev.RUN_COMPLETED, ev.RUN_INCOMPLETE)


def test_cancel_stops_between_tokens_without_killing_the_host(
    store: Store, make_gpt: Any, factory: ProviderFactory, chatty_gguf: Path
) -> None:
    gpt = long_answer(make_gpt, chatty_gguf)
    stream = RunEngine(store, factory).run(gpt.id, "talk")
    deltas = 0
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            deltas += 1
            if deltas == 2:
                (pid,) = host_pids()
                stream.cancel()
    step = store.runs.steps(stream.run_id)[0]
    assert step.status == "cancelled" and step.usage["completion_tokens"] < 2000  # type: ignore[index]
    assert host_pids() == {pid}  # the same host answers the next run


def test_a_consumer_that_stops_reading_leaves_the_host_ready(tiny_gguf: Path) -> None:
    host = LlamaHost()
    try:
        chat = LlamaProvider(
            host, LocalModels([]).resolve(str(tiny_gguf)), LoadSettings(context_size=512)
        )
        request = base.ChatRequest(
            messages=[{"role": "user", "content": "hi"}], max_tokens=400, temperature=1.0
        )
        stream = chat.stream(request, base.CancelToken())
        next(stream)
        stream.close()  # the reader went away mid-answer
        short = base.ChatRequest(messages=[{"role": "user", "content": "hi"}], max_tokens=3)
        events = list(chat.stream(short, base.CancelToken()))
        assert isinstance(events[-1], base.Finish)
        assert next(e for e in events if isinstance(e, base.Usage)).completion_tokens <= 3
    finally:
        host.close()


def test_two_threads_loading_one_model_start_one_host(tiny_gguf: Path) -> None:
    host = LlamaHost()
    model = LocalModels([]).resolve(str(tiny_gguf))
    settings = LoadSettings(context_size=256)
    found: list[int] = []
    try:
        workers = [
            threading.Thread(target=lambda: found.append(host.acquire(model, settings).pid))
            for _ in range(3)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        assert len(found) == 3 and len(set(found)) == 1
        assert len(host_pids()) == 1
    finally:
        host.close()


# -- damaged files, loaded by the host itself ----------------------------------------------


def unchecked(path: Path) -> LocalModel:
    """A model the app did not check first, as if its header had looked fine."""
    return LocalModel(path.stem, path, None)


def truncated(tiny_gguf: Path, target: Path) -> Path:
    data = tiny_gguf.read_bytes()
    target.write_bytes(data[: len(data) * 3 // 4])
    return target


def oversized(tiny_gguf: Path, target: Path) -> Path:
    """The header says `output.weight` holds 2^31 rows: far more than the file."""
    data = bytearray(tiny_gguf.read_bytes())
    at = data.index(b"output.weight") + len(b"output.weight")
    (dims,) = struct.unpack_from("<I", data, at)
    assert dims == 2
    struct.pack_into("<Q", data, at + 4 + 8, 2**31)  # the second dimension (rows)
    target.write_bytes(bytes(data))
    return target


def unknown_architecture(_tiny: Path, target: Path) -> Path:
    return build_tiny_gguf(target, TinySpec(architecture="notanarch"))


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (truncated, "not within the file bounds"),
        (oversized, "failed to read tensor data"),
        (unknown_architecture, "unknown model architecture: 'notanarch'"),
    ],
    ids=["truncated-tensor-data", "tensors-larger-than-the-file", "unknown-architecture"],
)
def test_a_damaged_file_fails_its_load_in_the_host_and_others_go_on(
    tiny_gguf: Path, tmp_path: Path, damage: Any, said: str
) -> None:
    bad = damage(tiny_gguf, tmp_path / "bad.gguf")
    host = LlamaHost(max_resident=2)
    try:
        broken = LlamaProvider(host, unchecked(bad), LoadSettings(context_size=256))
        with pytest.raises(errors.ModelError) as failed:
            list(broken.load())
        assert isinstance(failed.value, errors.ModelLoadError)
        assert "could not load bad.gguf" in failed.value.message
        assert "llama.cpp said: " in failed.value.message and said in failed.value.message
        assert not broken.loaded and host.loaded_models() == []

        good = LlamaProvider(
            host, LocalModels([]).resolve(str(tiny_gguf)), LoadSettings(context_size=256)
        )
        request = base.ChatRequest(messages=[{"role": "user", "content": "hi"}], max_tokens=4)
        assert isinstance(list(good.stream(request, base.CancelToken()))[-1], base.Finish)
    finally:
        host.close()


@pytest.mark.parametrize("damage", [truncated, oversized], ids=["truncated", "oversized"])
def test_the_app_refuses_those_files_before_any_host_starts(
    tiny_gguf: Path, tmp_path: Path, damage: Any
) -> None:
    bad = damage(tiny_gguf, tmp_path / "bad.gguf")
    with pytest.raises(errors.ModelFileError, match=r"truncated|damaged"):
        read_gguf_info(bad)
