"""Quantized models (Q4_0, Q4_K_M, Q8_0) through the real chat, tool-call and embedding paths.

Real users run quantized GGUFs, and quantized matrices take other llama.cpp kernels than
f16/f32 ones (a native build's AMX kernels crashed on them). The files are quantized by
llama.cpp's own quantizer from tiny random models wide enough for every quant type.
With `../shared` beside the project, a tiny model with a real tokenizer runs as well.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from desktop.core.providers.base import CancelToken, ChatRequest, Finish, TextDelta, ToolCallDelta
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.gguf_info import read_gguf_info
from desktop.core.providers.llama import LlamaEmbedder, LlamaHost, LlamaProvider, LoadSettings
from desktop.core.providers.local import LocalModels
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.quantized import KINDS, WIDE, quantize, quantized_models
from tests.helpers.shared_data import shared_path
from tests.helpers.tiny_gguf import TinySpec

SCHEMA = {
    "type": "object",
    "properties": {"colour": {"enum": ["red", "green"]}, "count": {"type": "integer"}},
    "required": ["colour", "count"],
}
PICK = {
    "type": "function",
    "function": {"name": "pick", "description": "Pick a colour.", "parameters": SCHEMA},
}
# llama.cpp's name for each file type, as read back from the quantized file's header.
EXPECTED = {"Q4_0": "Q4_0", "Q4_K_M": "Q4_K_M", "Q8_0": "Q8_0"}


@pytest.fixture(scope="session")
def quantized(model_dir: Path) -> dict[str, Path]:
    return quantized_models(model_dir)


@pytest.fixture(scope="session")
def quantized_embedders(model_dir: Path) -> dict[str, Path]:
    spec = TinySpec(**{**WIDE.__dict__, "embedding": True, "chat_template": None, "seed": 9})
    return quantized_models(model_dir, spec, stem="tiny-wide-embed")


@pytest.fixture(scope="module")
def host() -> Iterator[LlamaHost]:
    made = LlamaHost(max_resident=1, small_model_bytes=0)
    yield made
    made.close()


def test_the_files_are_really_quantized(quantized: dict[str, Path]) -> None:
    for kind, path in quantized.items():
        assert read_gguf_info(path).quantization == EXPECTED[kind]
    source = path.with_name("tiny-wide-f32.gguf")
    assert quantized["Q4_K_M"].stat().st_size < source.stat().st_size / 5


@pytest.mark.parametrize("kind", KINDS)
def test_a_chat_streams_through_the_engine(
    store: Store, make_gpt: Any, quantized: dict[str, Path], kind: str
) -> None:
    gpt = make_gpt(
        instructions="Be brief.",
        model={"model": str(quantized[kind]), "max_tokens": 16, "seed": 2, "temperature": 0.8},
    )
    factory = ProviderFactory(LocalModels([]))
    try:
        stream = RunEngine(store, factory).run(gpt.id, "Tell me about quantization.")
        events = list(stream)
    finally:
        factory.close()
    assert events[-1].event in (ev.RUN_COMPLETED, ev.RUN_INCOMPLETE), events[-1].data
    (step,) = store.runs.steps(stream.run_id)
    assert 1 <= step.usage["completion_tokens"] <= 16  # type: ignore[index]
    call = step.step_details["model_call"]
    assert "Be brief." in call["prompt"]
    assert call["load"]["gpu_layers"] == 0 and call["load"]["gpu_layers_setting"] == "auto"
    assert any(e.event == ev.MODEL_LOADED for e in events)


@pytest.mark.parametrize("kind", KINDS)
def test_a_required_call_is_valid_under_the_grammar(
    host: LlamaHost, quantized: dict[str, Path], kind: str
) -> None:
    chat = LlamaProvider(
        host, LocalModels([]).resolve(str(quantized[kind])), LoadSettings(context_size=1024)
    )
    for seed in range(3):
        request = ChatRequest(
            messages=[{"role": "user", "content": "Pick one."}],
            tools=[PICK],
            tool_choice="required",
            max_tokens=120,
            seed=seed,
            temperature=1.0,
        )
        events = list(chat.stream(request, CancelToken()))
        calls = [e for e in events if isinstance(e, ToolCallDelta)]
        assert calls and calls[0].name == "pick"
        assert not [e for e in events if isinstance(e, TextDelta)]
        finish = events[-1]
        assert isinstance(finish, Finish)
        if finish.reason == "tool_calls":
            jsonschema.validate(json.loads(calls[0].arguments), SCHEMA)


@pytest.mark.parametrize("kind", KINDS)
def test_embeddings_of_a_quantized_model(
    host: LlamaHost, quantized_embedders: dict[str, Path], kind: str
) -> None:
    embedder = LlamaEmbedder(host, LocalModels([]).resolve(str(quantized_embedders[kind])))
    vectors = embedder.embed(["hello world", "知识库里的文件", "hello world"])
    assert len(vectors[0]) == 256
    for vector in vectors:
        assert math.isclose(math.sqrt(sum(x * x for x in vector)), 1.0, rel_tol=1e-4)
    assert vectors[0] == pytest.approx(vectors[2])
    assert vectors[0] != pytest.approx(vectors[1])


@pytest.mark.parametrize("vocab", ["ggml-vocab-llama-spm.gguf", "ggml-vocab-gpt-2.gguf"])
def test_a_real_tokenizer_on_a_q4_k_m_model(host: LlamaHost, model_dir: Path, vocab: str) -> None:
    source_vocab = shared_path("templates", "vocab-gguf", vocab)
    spec = TinySpec(**{**WIDE.__dict__, "vocab_from": source_vocab, "seed": 4})
    stem = vocab.removeprefix("ggml-vocab-").removesuffix(".gguf")
    source = ensure_tiny(model_dir, f"tiny-{stem}-f32.gguf", spec)
    path = quantize(source, model_dir / f"tiny-{stem}-q4_k_m.gguf", "Q4_K_M")
    chat = LlamaProvider(host, LocalModels([]).resolve(str(path)), LoadSettings(context_size=512))
    text = "Quantized models answer in Chinese too: 你好，世界。"
    request = ChatRequest(messages=[{"role": "user", "content": text}], max_tokens=12, seed=1)
    prompt = chat.prepare(request)
    # A real tokenizer merges characters into words: far fewer tokens than the bytes that
    # the test vocabulary would take one by one.
    assert prompt.text is not None and text in prompt.text
    assert prompt.tokens < len(prompt.text.encode("utf-8")) * 2 // 3
    events = list(chat.stream(request, CancelToken()))
    assert isinstance(events[-1], Finish)
    assert all(isinstance(e.text, str) for e in events if isinstance(e, TextDelta))
