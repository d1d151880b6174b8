"""The real llama-cpp-python path, end to end, on a tiny generated GGUF."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import psutil
import pytest

from desktop.core.providers.base import CancelToken, ChatRequest, TextDelta, Usage
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.llama import LlamaHost, LlamaProvider, LoadSettings, Utf8Stream
from desktop.core.providers.local import LocalModels
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.python_child import run_python
from tests.helpers.tiny_gguf import TinySpec, build_tiny_gguf


def chat_gpt(make_gpt: Any, model: Path | str, **model_fields: Any) -> Any:
    return make_gpt(instructions="You are terse.", model={"model": str(model), **model_fields})


def test_streaming_usage_and_recorded_prompt(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=24, seed=7, temperature=0.0)
    stream = RunEngine(store, factory).run(gpt.id, "Hello, model")
    events = list(stream)

    deltas = "".join(
        e.data["delta"]["content"][0]["text"]["value"]
        for e in events
        if e.event == ev.MESSAGE_DELTA
    )
    run = store.runs.get(stream.run_id)
    assert run.status in ("completed", "incomplete")
    (step,) = store.runs.steps(run.id)
    call = step.step_details["model_call"]
    assert call["prompt"] == (
        "<|im_start|>system\nYou are terse.<|im_end|>\n"
        "<|im_start|>user\nHello, model<|im_end|>\n<|im_start|>assistant\n"
    )
    assert call["prompt_tokens"] == step.usage["prompt_tokens"] > 20  # type: ignore[index]
    completion = step.usage["completion_tokens"]  # type: ignore[index]
    assert 1 <= completion <= 24
    if call["finish_reason"] == "length":
        assert completion == 24 and run.status == "incomplete"
    messages = store.threads.messages(run.thread_id)
    if deltas:
        assert messages[-1].text == deltas
    assert run.usage == {k: v for k, v in step.usage.items() if k != "cached_prompt_tokens"}  # type: ignore[union-attr]
    assert step.timings["duration_ms"] > 0


def test_same_seed_same_answer(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=16, seed=3, temperature=0.8)
    engine = RunEngine(store, factory)
    answers = []
    for _ in range(2):
        stream = engine.run(gpt.id, "same question")
        list(stream)
        answers.append(store.threads.messages(stream.thread_id)[-1].text)
    assert answers[0] == answers[1]


def test_cancel_mid_stream(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=400, temperature=1.0, seed=1)
    stream = RunEngine(store, factory).run(gpt.id, "talk for a long time")
    seen = 0
    events = []
    for event in stream:
        events.append(event)
        if event.event == ev.MESSAGE_DELTA:
            seen += 1
            if seen == 3:
                stream.cancel()
    assert events[-1].event == ev.RUN_CANCELLED
    run = store.runs.get(stream.run_id)
    step = store.runs.steps(run.id)[0]
    assert step.status == "cancelled"
    assert 3 <= step.usage["completion_tokens"] < 400  # type: ignore[index]
    assert store.threads.messages(run.thread_id)[-1].status == "incomplete"


def test_second_turn_reuses_the_kv_cache(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=8, seed=1)
    engine = RunEngine(store, factory)
    first = engine.run(gpt.id, "first turn " * 20)
    list(first)
    second = engine.run(gpt.id, "second turn", thread_id=first.thread_id)
    list(second)
    first_step = store.runs.steps(first.run_id)[0]
    second_step = store.runs.steps(second.run_id)[0]
    # Everything up to the end of the first prompt is already in the KV cache.
    assert second_step.usage["cached_prompt_tokens"] >= first_step.usage["prompt_tokens"] - 1  # type: ignore[index]


def test_truncation_with_a_small_context(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=8, context_size=256, seed=1)
    engine = RunEngine(store, factory)
    first = engine.run(gpt.id, "a long opening message " * 3)
    list(first)
    for i in range(5):
        list(engine.run(gpt.id, f"follow-up number {i} with some words", thread_id=first.thread_id))
    last = store.runs.list(first.thread_id)[-1]
    assert last.status in ("completed", "incomplete")
    call = store.runs.steps(last.id)[0].step_details["model_call"]
    assert call["truncation"]["dropped_message_ids"]
    assert call["prompt_tokens"] + 8 <= 256


def test_a_prompt_longer_than_the_context_fails_clearly(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=8, context_size=256)
    stream = RunEngine(store, factory).run(gpt.id, "too long " * 200)
    events = list(stream)
    assert events[-1].event == ev.RUN_FAILED
    assert events[-1].data["last_error"]["code"] == "context_length_exceeded"
    assert "context size" in events[-1].data["last_error"]["message"]


def _write_text(path: Path) -> Path:
    path.write_text("this is not a model\n")
    return path


def _truncate(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _unknown_arch(path: Path, _source: Path) -> Path:
    return build_tiny_gguf(path, TinySpec(architecture="notanarch"))


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (lambda p, s: _write_text(p), "model_file_invalid", "not a GGUF"),
        (_truncate, "model_file_invalid", "truncated"),
        (_unknown_arch, "model_load_failed", "notanarch"),
        (lambda p, s: p, "model_not_found", "not found"),
    ],
    ids=["text-file", "truncated", "unknown-architecture", "missing"],
)
def test_bad_model_files_fail_the_run_with_a_reason(
    store: Store, make_gpt: Any, tmp_path: Path, tiny_gguf: Path, make: Any, code: str, words: str
) -> None:
    path = tmp_path / "bad.gguf"
    if code != "model_not_found":
        make(path, tiny_gguf)
    else:
        path.write_text("x")  # exists when the GPT is created, then disappears
    gpt = make_gpt(model={"model": str(path)})
    if code == "model_not_found":
        path.unlink()
    factory = ProviderFactory(LocalModels([]))
    try:
        stream = RunEngine(store, factory).run(gpt.id, "hello")
        events = list(stream)
    finally:
        factory.close()
    assert events[-1].event == ev.RUN_FAILED
    error = events[-1].data["last_error"]
    assert error["code"] == code
    assert words in error["message"]
    assert store.threads.messages(stream.thread_id)[0].text == "hello"


def test_one_large_model_resident_at_a_time(tmp_path: Path, tiny_gguf: Path) -> None:
    other = build_tiny_gguf(tmp_path / "other.gguf", TinySpec(seed=5))
    models = LocalModels([tiny_gguf.parent, tmp_path])
    host = LlamaHost(max_resident=1, small_model_bytes=0)
    try:
        first = LlamaProvider(host, models.resolve(str(tiny_gguf)), LoadSettings(context_size=256))
        second = LlamaProvider(host, models.resolve(str(other)), LoadSettings(context_size=256))
        list(first.load())
        assert first.loaded
        first_pid = host.acquire(first._model, first._settings).pid
        list(second.load())
        assert second.loaded and not first.loaded
        assert host.loaded_models() == [str(other.resolve())]
        assert not psutil.pid_exists(first_pid)  # unloading ended its process
    finally:
        host.close()


def test_the_model_runs_in_a_host_process_that_unloading_ends(tiny_gguf: Path) -> None:
    host = LlamaHost()
    provider = LlamaProvider(
        host, LocalModels([]).resolve(str(tiny_gguf)), LoadSettings(context_size=256)
    )
    try:
        request = ChatRequest(messages=[{"role": "user", "content": "hi"}], max_tokens=4, seed=1)
        events = list(provider.stream(request, CancelToken()))
        process = host.acquire(provider._model, provider._settings)
        assert process.pid != os.getpid() and psutil.pid_exists(process.pid)
        assert any(isinstance(e, Usage) for e in events)
        assert all(isinstance(e.text, str) for e in events if isinstance(e, TextDelta))
        assert provider.load_details["gpu_layers"] == 0  # this CPU build offloads nothing
    finally:
        host.close()
    assert not provider.loaded
    assert not psutil.pid_exists(process.pid) or psutil.Process(process.pid).status() == "zombie"


def test_the_app_side_never_imports_llama_cpp(tiny_gguf: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from desktop.core.providers.base import CancelToken, ChatRequest\n"
        "from desktop.core.providers.factory import ProviderFactory\n"
        "from desktop.core.providers.local import LocalModels\n"
        "from desktop.core.gpt import ModelSettings\n"
        f"factory = ProviderFactory(LocalModels([]))\n"
        f"chat = factory(ModelSettings(model={str(tiny_gguf)!r}, max_tokens=4))\n"
        "request = ChatRequest(messages=[{'role': 'user', 'content': 'hi'}], max_tokens=4)\n"
        "events = list(chat.stream(request, CancelToken()))\n"
        "factory.close()\n"
        "print(len(events), 'llama_cpp' in sys.modules)\n"
    )
    done = run_python("-c", script, cwd=tmp_path)
    count, imported = done.stdout.split()
    assert int(count) >= 2 and imported == "False"


def test_utf8_stream_joins_split_characters_and_replaces_invalid_bytes() -> None:
    decoder = Utf8Stream()
    data = "知识库".encode()
    pieces = [decoder.feed(data[i : i + 1]) for i in range(len(data))]
    assert "".join(pieces) == "知识库"
    assert pieces[:2] == ["", ""]  # nothing shown until the character is whole
    assert decoder.replaced == 0
    assert decoder.feed(b"a\xff") == "a\ufffd"
    assert decoder.feed(b"\xe7\x9f") == ""  # the start of a character...
    assert decoder.feed(b"b") == "\ufffdb"  # ...that never finished
    assert decoder.feed(b"\xe4\xbd") == ""
    assert decoder.finish() == "\ufffd"  # cut off at the end of the answer
    assert decoder.replaced == 3


def test_a_template_that_refuses_the_conversation(
    store: Store, make_gpt: Any, tmp_path: Path
) -> None:
    strict = (
        "{% for m in messages %}{% if m['role'] == 'system' %}"
        "{{ raise_exception('System role not supported') }}{% endif %}"
        "{{ m['content'] }}{% endfor %}"
    )
    path = build_tiny_gguf(tmp_path / "strict.gguf", TinySpec(chat_template=strict))
    gpt = make_gpt(instructions="hello", model={"model": str(path)})
    factory = ProviderFactory(LocalModels([]))
    try:
        events = list(RunEngine(store, factory).run(gpt.id, "hi"))
    finally:
        factory.close()
    assert events[-1].data["last_error"]["code"] == "provider_error"
    assert "System role not supported" in events[-1].data["last_error"]["message"]


def test_loading_reports_progress_from_the_host(
    store: Store, make_gpt: Any, factory: ProviderFactory, tiny_gguf: Path
) -> None:
    gpt = chat_gpt(make_gpt, tiny_gguf, max_tokens=2)
    events = list(RunEngine(store, factory).run(gpt.id, "hi"))
    progress = [e.data["progress"] for e in events if e.event == ev.MODEL_LOADING]
    assert progress[0] == 0.0 and progress[-1] == 1.0 and len(progress) >= 3
    assert progress == sorted(set(progress))  # rising, each value once
    (loaded,) = [e for e in events if e.event == ev.MODEL_LOADED]
    assert loaded.data["details"]["layers"] == 2 and loaded.data["details"]["gpu_layers"] == 0
    assert loaded.data["seconds"] > 0
    assert events.index(loaded) > max(
        i for i, e in enumerate(events) if e.event == ev.MODEL_LOADING
    )


def test_llama_cpp_s_log_goes_to_the_log_not_the_terminal(
    tiny_gguf: Path,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CAPSULE_LLAMA_LOG", "all")  # every line, not only warnings
    caplog.set_level(logging.INFO, logger="desktop.llama.host")
    host = LlamaHost()
    try:
        chat = LlamaProvider(
            host, LocalModels([]).resolve(str(tiny_gguf)), LoadSettings(context_size=256)
        )
        list(chat.load())
    finally:
        host.close()
    logged = [r.getMessage() for r in caplog.records if r.name == "desktop.llama.host"]
    assert any(line.startswith("llama_model_loader:") for line in logged)
    out, err = capfd.readouterr()
    assert "llama_model_loader" not in out + err


@pytest.mark.parametrize(
    ("markers", "prompt"),
    [
        (
            ("<start_of_turn>", "<end_of_turn>"),
            "<s><start_of_turn>user\nYou are terse.\n\nHello, model<end_of_turn>\n"
            "<start_of_turn>model\n",
        ),
        (
            (),  # no known turn markers: ChatML, as llama.cpp itself falls back to
            "<|im_start|>system\nYou are terse.<|im_end|>\n"
            "<|im_start|>user\nHello, model<|im_end|>\n<|im_start|>assistant\n",
        ),
    ],
)
def test_a_model_without_a_template_gets_the_turn_format_of_its_vocabulary(
    store: Store,
    make_gpt: Any,
    factory: ProviderFactory,
    tmp_path: Path,
    markers: tuple[str, ...],
    prompt: str,
) -> None:
    # A Gemma GGUF repackaged without `tokenizer.chat_template` answered ChatML markers as
    # text; its vocabulary's <start_of_turn> says which format it was trained on.
    spec = TinySpec(chat_template=None, extra_tokens=markers)
    model = build_tiny_gguf(tmp_path / "no-template.gguf", spec)
    gpt = chat_gpt(make_gpt, model, max_tokens=4, seed=1, temperature=0.0)
    stream = RunEngine(store, factory).run(gpt.id, "Hello, model")
    list(stream)
    (step,) = store.runs.steps(stream.run_id)
    assert step.step_details["model_call"]["prompt"] == prompt
