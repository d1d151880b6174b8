"""RemoteProvider versus the raw openai client: tokens per second through a fast local server.

Run with `python -m tests.bench.bench_providers [--rounds 11] [--tokens 20000]`. Starts the
scripted OpenAI-compatible server in fast mode in a child process (so that it does not
compete with the client for this process's GIL), then interleaves rounds of (a) the raw
client, `client.chat.completions.create(stream=True)` reading `delta.content` of each chunk,
and (b) `RemoteProvider.stream` with the same request. Both rates are tokens from the request
to the last token. The last line is `provider/raw tokens_per_s ratio: X.XX` (target >= 0.95).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import time
from multiprocessing.connection import Connection
from typing import Any

import openai

from desktop.core.providers.base import CancelToken, ChatRequest, TextDelta
from desktop.core.providers.openai_compat import RemoteProvider, endpoint_for
from tests.helpers.openai_server import OpenAIServer, fast_answer

MESSAGES = [{"role": "user", "content": "Count for a long time."}]
PIECE = "tok "


def serve(tokens: int, pipe: Connection) -> None:
    """The child process: serve the same long stream to every request until told to stop."""
    with OpenAIServer(repeat=True) as server:
        server.script(fast_answer(tokens, PIECE))
        pipe.send(server.url)
        pipe.recv()


def raw_round(client: openai.OpenAI) -> tuple[int, float]:
    started, chars = time.perf_counter(), 0
    stream = client.chat.completions.create(model="bench", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            chars += len(chunk.choices[0].delta.content)
    return tokens_and_rate(chars, started)


def provider_round(provider: RemoteProvider) -> tuple[int, float]:
    started, chars = time.perf_counter(), 0
    for event in provider.stream(ChatRequest(messages=MESSAGES), CancelToken()):
        if isinstance(event, TextDelta):
            chars += len(event.text)
    return tokens_and_rate(chars, started)


def tokens_and_rate(chars: int, started: float) -> tuple[int, float]:
    """Tokens (the server streams PIECE per token) and tokens per second since the request.

    Counted in characters because RemoteProvider joins the pieces that arrive together.
    """
    tokens = chars // len(PIECE)
    return tokens, tokens / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--tokens", type=int, default=20_000)
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=serve, args=(args.tokens, theirs), daemon=True)
    child.start()
    url = ours.recv()
    raw = openai.OpenAI(base_url=url, api_key="no-key", max_retries=0)
    provider = RemoteProvider(endpoint_for("bench", "vllm", url, max_retries=0), "bench")
    rounds: dict[str, Any] = {
        "raw": (lambda: raw_round(raw)),
        "provider": (lambda: provider_round(provider)),
    }
    for run in rounds.values():  # warm up: imports and caches
        run()
    rates: dict[str, list[float]] = {"raw": [], "provider": []}
    for i in range(args.rounds):
        order = ("raw", "provider") if i % 2 == 0 else ("provider", "raw")
        line = []
        for which in order:
            count, tokens_per_s = rounds[which]()
            rates[which].append(tokens_per_s)
            line.append(f"{which} {tokens_per_s:,.0f} tok/s ({count} tokens)")
        print(f"round {i}: " + ", ".join(line), flush=True)
    provider.close()
    raw.close()
    ours.send("stop")
    child.join(timeout=10)
    raw_median = statistics.median(rates["raw"])
    provider_median = statistics.median(rates["provider"])
    print(f"raw client median: {raw_median:,.0f} tokens/s")
    print(f"RemoteProvider median: {provider_median:,.0f} tokens/s")
    print(f"provider/raw tokens_per_s ratio: {provider_median / raw_median:.2f}")


if __name__ == "__main__":
    main()
