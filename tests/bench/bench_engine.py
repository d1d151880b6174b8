"""Engine versus raw llama-cpp-python: tokens per second, first-token overhead, KV reuse.

Run with `python -m tests.bench.bench_engine [--rounds 5] [--tokens 128]`. Generates a
~110M-parameter random GGUF once (cached in the user cache folder, outside the repo),
then interleaves rounds of (a) raw `Llama.create_chat_completion(stream=True)` and (b) the
same request through the run engine with persistence on. The last line is
`engine/raw tokens_per_s ratio: X.XX` (target >= 0.97).
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
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.local import LocalModels
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunEngine
from desktop.core.store import Store
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


def bench_model() -> Path:
    folder = Path(platformdirs.user_cache_dir("capsule-studio-bench", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bench-110m-f16.gguf"
    if not path.exists():
        print(f"generating {path} (once) ...", flush=True)
        build_tiny_gguf(path.with_suffix(".tmp"), BENCH_SPEC)
        path.with_suffix(".tmp").rename(path)
    return path


def raw_round(llm: Any, prompt: str, tokens: int, seed: int) -> dict[str, float]:
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}]
    started = time.perf_counter()
    first = last = 0.0
    text = []
    count = 0
    for chunk in llm.create_chat_completion(
        messages, stream=True, max_tokens=tokens, seed=seed, temperature=0.0
    ):
        piece = chunk["choices"][0]["delta"].get("content")
        if piece:
            now = time.perf_counter()
            first = first or now
            last = now
            text.append(piece)
            count += 1
    return {"start": started, "first": first, "last": last, "text": "".join(text), "chunks": count}


def engine_round(engine: RunEngine, store: Store, gpt_id: str, prompt: str) -> dict[str, Any]:
    started = time.perf_counter()
    first = last = 0.0
    stream = engine.run(gpt_id, prompt)
    for event in stream:
        if event.event == ev.MESSAGE_DELTA:
            now = time.perf_counter()
            first = first or now
            last = now
    step = store.runs.steps(stream.run_id)[0]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tokens", type=int, default=128)
    args = parser.parse_args()

    import llama_cpp  # the benchmark's raw baseline, outside the app's adapter

    path = bench_model()
    seed = 1234
    llm = llama_cpp.Llama(model_path=str(path), n_ctx=4096, seed=seed, verbose=False)
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
            print(
                f"round {i}: {tokens} tokens ({same}); raw {raw_rate:.1f} tok/s, "
                f"engine {engine_rate:.1f} tok/s, engine first-token overhead {overhead:+.1f} ms",
                flush=True,
            )
        definition["model"]["max_tokens"] = 8
        chat = store.gpts.create(validate_definition(definition))
        ttft1, ttft2, prompt_tokens, cached = kv_reuse(engine, store, chat.id)
        factory.close()
        store.close()
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
