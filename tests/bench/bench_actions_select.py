"""Operation selection figures: index build time and select latency over generated operations.

Run with `python -m tests.bench.bench_actions_select [--operations 1000] [--queries 300]`.
It prints figures and asserts nothing. Operations are generated from a fixed seed: camelCase
names from verbs and nouns, a one-sentence summary, a two-sentence description, a path
and a few argument names; a tenth of them are described in Chinese. Queries are short
requests, long ones (a few turns of a conversation, about 1,500 characters) and Chinese
ones. Target: p95 well under 50 ms at 1,000 operations.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from desktop.core.segment import terms
from desktop.core.tools.actions.model import Operation, Parameter
from desktop.core.tools.actions.select import OperationIndex


def listed(text: str) -> tuple[str, ...]:
    return tuple(text.split())


VERBS = listed(
    """
get list create update delete search archive restore export import sync count
"""
)
NOUNS = listed(
    """
user order invoice payment customer product shipment ticket comment repository branch
issue label project team member report dashboard alert metric webhook file folder photo
album playlist track artist event calendar reminder note task
"""
)
FILLER = listed(
    """
returns the matching records for the account with pagination and filters applied so
that clients can show results quickly without loading everything at once
"""
)
CHINESE = ["查询订单状态", "创建新的客户", "删除过期的发票", "导出本月报表", "同步日历事件"]


def generated(count: int, rng: random.Random) -> list[Operation]:
    ops: list[Operation] = []
    for i in range(count):
        verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
        other = rng.choice(NOUNS)
        if i % 10 == 9:
            summary = rng.choice(CHINESE) + f"（第{i}号接口）"
            description = f"这个接口用于{rng.choice(CHINESE)}，并返回{rng.choice(CHINESE)}的结果。"
        else:
            summary = f"{verb.capitalize()} a {noun} by its {other} id."
            description = " ".join(rng.sample(FILLER, 14)) + f" for each {noun}."
        params = tuple(
            Parameter(name, "query", name, schema={"type": "string"})
            for name in (f"{noun}Id", f"{other}Name", "pageSize")
        )
        ops.append(
            Operation(
                tool_name=f"{verb}{noun.capitalize()}{other.capitalize()}{i}",
                method="GET",
                path=f"/{noun}s/{{{noun}Id}}/{other}s",
                operation_id=None,
                summary=summary,
                description=description,
                parameters=params,
                body=None,
                parameters_schema={
                    "type": "object",
                    "properties": {p.arg: p.schema for p in params},
                },
                servers=("https://api.example.com",),
            )
        )
    return ops


def queries(count: int, rng: random.Random) -> list[str]:
    made: list[str] = []
    for i in range(count):
        kind = i % 3
        if kind == 0:
            made.append(f"please {rng.choice(VERBS)} the {rng.choice(NOUNS)} for me")
        elif kind == 1:
            turns = [
                f"I need to {rng.choice(VERBS)} every {rng.choice(NOUNS)} "
                f"that belongs to the {rng.choice(NOUNS)} we talked about, "
                + " ".join(rng.sample(FILLER, 12))
                for _ in range(8)
            ]
            made.append(" ".join(turns))
        else:
            made.append(f"帮我{rng.choice(CHINESE)}，谢谢")
    return made


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--operations", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(7)
    ops = generated(args.operations, rng)
    asked = queries(args.queries, rng)
    terms("预热")  # jieba loads its dictionary once per process; not part of either figure

    started = time.perf_counter()
    index = OperationIndex.of_operations(ops)
    build_ms = (time.perf_counter() - started) * 1000
    print(f"operations: {len(ops):,}")
    print(f"build: {build_ms:.1f} ms")

    for label, subset in (
        ("all", asked),
        ("short", asked[0::3]),
        ("long", asked[1::3]),
        ("chinese", asked[2::3]),
    ):
        times: list[float] = []
        for query in subset:
            began = time.perf_counter()
            index.select(query, args.limit)
            times.append((time.perf_counter() - began) * 1000)
        mean_chars = statistics.mean(map(len, subset))
        print(
            f"select {label:>7} (n={len(subset)}, mean query {mean_chars:.0f} chars): "
            f"p50 {percentile(times, 0.5):.2f} ms  p95 {percentile(times, 0.95):.2f} ms  "
            f"max {max(times):.2f} ms"
        )


if __name__ == "__main__":
    main()
