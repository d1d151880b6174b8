"""Engine versus raw llama-cpp-python: tokens per second, first-token overhead, KV reuse.

Run with `python -m tests.bench.bench_engine [--rounds 5] [--tokens 128] [--quant Q4_K_M]
[--model FILE.gguf] [--gpu-layers N]`. Generates a ~110M-parameter random GGUF once
(cached in the user cache folder, outside the repo; `--quant` also quantizes it there with
llama.cpp's quantizer), then interleaves rounds of (a) raw `Llama.create_chat_completion
(stream=True)` in this process and (b) the same request through the run engine, whose
model runs in its host process, with persistence on. It also times the host's pipe alone:
a cached render's round trip, and the provider's time to first token against raw's.

The last line is `engine/raw tokens_per_s ratio: X.XX` (target >= 0.97).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs

from desktop.core.gpt import validate_definition
from desktop.core.providers import base
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.llama import LlamaHost, LlamaProvider, LoadSettings, wire
from desktop.core.providers.llama.build import build_info, describe
from desktop.core.providers.local import LocalModels
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
from tests.helpers.quantized import quantize
from tests.helpers.tiny_gguf import TinySpec, build_tiny_gguf

BENCH_SPEC = TinySpec(
    n_embd=768,
    n_layer=12,
    n_head=12,
    n_head_kv=12,
    n_ff=3072,
    context_length=4096,
    dtype=np.float16,
    seed=42,
    name="bench-110m",
)
SYSTEM = "You answer questions about the weather."


def bench_model(quant: str | None = None) -> Path:
    folder = Path(platformdirs.user_cache_dir("capsule-studio-bench", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench-110m-f16.gguf"
    if not path.exists():
        print(f"generating {path} (once) ...", flush=True)
        build_tiny_gguf(path.with_suffix(".tmp"), BENCH_SPEC)
        path.with_suffix(".tmp").rename(path)
    if quant is None:
        return path
    return quantize(path, folder / f"bench-110m-{quant.lower()}.gguf", quant)


def raw_round(llm: Any, prompt: str, tokens: int, seed: int) -> dict[str, Any]:
    """The same answer from llama-cpp-python's own sampling loop, timed per token.

    Timed per token rather than per streamed text chunk: llama-cpp-python holds text back
    until its bytes form whole characters, and a random model's often never do.
    """
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}]
    started = time.perf_counter()
    template = llm.metadata["tokenizer.chat_template"]
    eos = llm.detokenize([llm.token_eos()], special=True).decode("utf-8", "replace")
    rendered = Jinja2ChatFormatter(template, eos_token=eos, bos_token="")(messages=messages)
    ids = llm.tokenize(rendered.prompt.encode("utf-8"), add_bos=True, special=True)
    llm.set_seed(seed)
    first = last = 0.0
    data = b""
    count = 0
    for token in llm.generate(ids, top_k=40, top_p=0.95, min_p=0.05, temp=0.0, repeat_penalty=1.0):
        if token == llm.token_eos() or count >= tokens:
            break
        data += llm.detokenize([token])
        now = time.perf_counter()
        first = first or now
        last = now
        count += 1
    text = data.decode("utf-8", "replace")
    return {"start": started, "first": first, "last": last, "text": text, "chunks": count}


def engine_round(engine: RunEngine, store: Store, gpt_id: str, prompt: str) -> dict[str, Any]:
    started = time.perf_counter()
    first = last = 0.0
    stream = engine.run(gpt_id, prompt)
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            now = time.perf_counter()
            first = first or now
            last = now
    step = next(s for s in store.runs.steps(stream.run_id) if s.type == "message_creation")
    text = store.threads.messages(stream.thread_id)[-1].text
    return {
        "start": started,
        "first": first,
        "last": last,
        "text": text,
        "tokens": step.usage["completion_tokens"],
        "step": step,
    }


def decode_rate(tokens: int, first: float, last: float) -> float:
    return (tokens - 1) / (last - first) if last > first else float("nan")


def kv_reuse(engine: RunEngine, store: Store, gpt_id: str) -> tuple[float, float, int, int]:
    """TTFT of a ~2,000-token first turn versus the second turn of the same thread.

    The answers are kept short: a random-weight model's bytes are often not valid UTF-8,
    and text that does not round-trip cannot match the cached tokens.
    """
    history = " ".join(f"Day {i}: rain in the morning, sun after noon." for i in range(30))
    first = engine.run(gpt_id, f"Here is my diary. {history} What was the weather?")
    list(first)
    second = engine.run(gpt_id, "And tomorrow?", thread_id=first.thread_id)
    list(second)
    one = store.runs.steps(first.run_id)[0]
    two = store.runs.steps(second.run_id)[0]
    cached = two.usage["cached_prompt_tokens"]
    return one.timings["ttft_ms"], two.timings["ttft_ms"], one.usage["prompt_tokens"], cached


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def pipe_costs(path: Path, llm: Any, gpu_layers: int | str, rounds: int) -> None:
    """What the process boundary adds: a cached render's round trip, and first-token time."""
    host = LlamaHost()
    chat = LlamaProvider(
        host,
        LocalModels([]).resolve(str(path)),
        LoadSettings(context_size=4096, gpu_layers=gpu_layers, seed=1),
    )
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Hi there."}]
    request = base.ChatRequest(messages=messages, max_tokens=1, temperature=0.0, seed=1)
    list(chat.load())
    process = host.acquire(chat._model, chat._settings)
    process.call(wire.RENDER, request)
    trips = []
    for _ in range(rounds * 20):
        started = time.perf_counter()
        process.call(wire.RENDER, request)
        trips.append((time.perf_counter() - started) * 1000)
    added = []
    for _ in range(rounds * 4):
        # The same prompt both ways, fully cached both ways: only one token is sampled.
        started = time.perf_counter()
        next(
            e
            for e in chat.stream(request, base.CancelToken())
            if isinstance(e, base.TextDelta | base.Finish)
        )
        hosted = time.perf_counter() - started
        started = time.perf_counter()
        next(iter(llm.create_chat_completion(messages, stream=True, max_tokens=1, temperature=0.0)))
        raw = time.perf_counter() - started
        added.append((hosted - raw) * 1000)
    host.close()
    print(
        f"pipe round trip (cached render): p50 {percentile(trips, 0.5):.2f} ms, "
        f"p95 {percentile(trips, 0.95):.2f} ms"
    )
    print(
        f"time to first token added by the host process: p50 {percentile(added, 0.5):+.2f} ms, "
        f"p95 {percentile(added, 0.95):+.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--quant", help="quantize the bench model first (Q4_0, Q4_K_M, Q8_0)")
    parser.add_argument("--model", type=Path, help="a GGUF of your own instead")
    parser.add_argument("--gpu-layers", default="auto", help="auto, -1 or N (default auto)")
    args = parser.parse_args()
    gpu_layers: int | str = args.gpu_layers if args.gpu_layers == "auto" else int(args.gpu_layers)

    import llama_cpp  # the benchmark's raw baseline, outside the app's adapter

    llama_cpp.llama_backend_init()
    path = args.model or bench_model(args.quant)
    print(f"model: {path.name}")
    print("\n".join(describe(build_info(fresh=True))))
    seed = 1234
    raw_layers = -1 if gpu_layers == "auto" and llama_cpp.llama_supports_gpu_offload() else 0
    if gpu_layers != "auto":
        raw_layers = int(gpu_layers)
    llm = llama_cpp.Llama(
        model_path=str(path), n_ctx=4096, seed=seed, n_gpu_layers=raw_layers, verbose=False
    )
    with tempfile.TemporaryDirectory() as home:
        store = Store(Path(home) / "bench.db")
        factory = ProviderFactory(LocalModels([]))
        engine = RunEngine(store, factory)
        definition = {
            "name": "bench",
            "instructions": SYSTEM,
            "model": {
                "model": str(path),
                "context_size": 4096,
                "max_tokens": args.tokens,
                "seed": seed,
                "temperature": 0.0,
                "gpu_layers": gpu_layers,
            },
        }
        gpt = store.gpts.create(validate_definition(definition))
        raw_rates, engine_rates, overheads = [], [], []
        for i in range(args.rounds):
            prompt = f"Round {i}. What will the weather be like tomorrow in Lisbon and why?"
            order = ("raw", "engine") if i % 2 == 0 else ("engine", "raw")
            results: dict[str, Any] = {}
            for which in order:
                if which == "raw":
                    results["raw"] = raw_round(llm, prompt, args.tokens, seed)
                else:
                    results["engine"] = engine_round(engine, store, gpt.id, prompt)
            r, e = results["raw"], results["engine"]
            tokens = e["tokens"]
            same = "same text" if r["text"] == e["text"] else "TEXT DIFFERS"
            raw_rate = decode_rate(tokens, r["first"], r["last"])
            engine_rate = decode_rate(tokens, e["first"], e["last"])
            overhead = ((e["first"] - e["start"]) - (r["first"] - r["start"])) * 1000
            raw_rates.append(raw_rate)
            engine_rates.append(engine_rate)
            overheads.append(overhead)
            load = e["step"].step_details["model_call"].get("load", {})
            print(
                f"round {i}: {tokens} tokens ({same}); raw {raw_rate:.1f} tok/s, "
                f"engine {engine_rate:.1f} tok/s, engine first-token overhead {overhead:+.1f} ms"
                f" (gpu layers {load.get('gpu_layers')})",
                flush=True,
            )
        definition["model"]["max_tokens"] = 8
        chat = store.gpts.create(validate_definition(definition))
        ttft1, ttft2, prompt_tokens, cached = kv_reuse(engine, store, chat.id)
        factory.close()
        store.close()
    pipe_costs(path, llm, gpu_layers, args.rounds)
    llm.close()
    raw_median, engine_median = statistics.median(raw_rates), statistics.median(engine_rates)
    print(f"raw median: {raw_median:.2f} tokens/s")
    print(f"engine median: {engine_median:.2f} tokens/s")
    overhead = statistics.median(overheads)
    print(f"engine time before first token minus raw's (median): {overhead:+.1f} ms")
    print(
        f"KV cache: first turn ({prompt_tokens} prompt tokens) TTFT {ttft1:.0f} ms; "
        f"second turn TTFT {ttft2:.0f} ms with {cached} prompt tokens cached"
    )
    print(f"second/first turn TTFT ratio: {ttft2 / ttft1:.3f} (target <= 0.25)")
    print(f"engine/raw tokens_per_s ratio: {engine_median / raw_median:.2f}")


if __name__ == "__main__":
    main()
