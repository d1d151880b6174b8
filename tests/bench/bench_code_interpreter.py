"""Code interpreter figures: kernel cold start and the cost of one small execution.

Run with `python -m tests.bench.bench_code_interpreter [--starts 5] [--runs 200]`. Cold
start is a first `KernelPool.execute("1+1")` in a new thread (sandbox set up, kernel
started, code run), measured `--starts` times, each kernel shut down before the next.
Overhead is the whole `execute` call for `1+1` in a warm kernel (messages, file
snapshots before and after), `--runs` times. It prints figures and which protections
were active, and asserts nothing. Targets: cold start under 1,500 ms, p95 overhead
under 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from desktop.core.gpt import CodeInterpreterSettings
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.code_interpreter import KernelPool, Protection, protection


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    settings = CodeInterpreterSettings(enabled=True)
    with tempfile.TemporaryDirectory(prefix="bench-ci-") as folder:
        pool = KernelPool(ThreadFiles(Path(folder) / "threads"), Path(folder) / "run")
        try:
            starts = []
            for number in range(args.starts):
                began = time.perf_counter()
                done = pool.execute(f"cold-{number}", "1+1", settings)
                starts.append((time.perf_counter() - began) * 1000)
                assert done.logs == "2\n", done.text()
                pool.shutdown(f"cold-{number}")
            pool.execute("warm", "1+1", settings)
            runs = []
            for _ in range(args.runs):
                began = time.perf_counter()
                pool.execute("warm", "1+1", settings)
                runs.append((time.perf_counter() - began) * 1000)
            status = pool.execute("warm", "1+1", settings).protection
        finally:
            pool.shutdown_all()
    kernel = Protection.from_status(status)
    print(f"kernel cold start: median {statistics.median(starts):.0f} ms over {args.starts}")
    print(
        f"execute('1+1') overhead: p50 {percentile(runs, 0.5):.1f} ms, "
        f"p95 {percentile(runs, 0.95):.1f} ms over {args.runs}"
    )
    print(f"probe says: {'; '.join(protection().lines())}")
    print(f"kernel had: {'; '.join(kernel.lines())}")
    print(f"kernel limits: {status.get('limits')}")


if __name__ == "__main__":
    main()
