"""Action document import over every OpenAPI file in ../shared/data/openapi, and its speed.

Run with `python -m tests.bench.bench_actions_import [--runs 7]`. It prints figures, it
asserts nothing; without ../shared/data/openapi it says so and stops.

1. corpus: every .json, .yaml and .yml file under the folder goes through `read_file`,
   `parse_text` and `parse_document`. Each file is imported, refused (an
   `ActionDocumentError`, whose message is printed: it must name the problem), or crashed
   (any other exception: the target is 0). Imported files show their operation and warning
   counts, and every operation's `parameters_schema` is checked as JSON Schema 2020-12
   (a bad one counts as crashed too). Then a synthetic 50 MB document and a billion-laughs
   YAML text are offered, which must be refused fast.
2. speed: the median cold import time (no cache) of the OpenAI document, YAML and JSON,
   over `--runs` runs, split into reading, parsing the text and building the operations.
"""

from __future__ import annotations

import argparse
import statistics
import time
import traceback
from collections import Counter
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.load import parse_text, read_file
from desktop.core.tools.actions.parse import parse_document

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "openapi"
OPENAI = ("vendors/openai/openapi.yaml", "vendors/openai/openapi.json")
SUFFIXES = {".json", ".yaml", ".yml"}


def import_file(path: Path) -> tuple[str, str, float]:
    """("imported" | "refused" | "crashed", detail, seconds)."""
    started = time.perf_counter()
    try:
        document = parse_document(parse_text(read_file(path)))
    except ActionDocumentError as exc:
        return "refused", exc.message, time.perf_counter() - started
    except Exception as exc:  # the bench's whole point: nothing else may escape
        detail = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=6)}"
        return "crashed", detail, time.perf_counter() - started
    seconds = time.perf_counter() - started
    for op in document.operations:
        try:
            Draft202012Validator.check_schema(op.parameters_schema)
        except SchemaError as exc:
            return "crashed", f"{op.tool_name}: invalid schema: {exc.message}", seconds
    counts = f"{len(document.operations)} operations, {len(document.warnings)} warnings"
    return "imported", counts, seconds


def corpus() -> None:
    files = sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    print(f"== corpus: {len(files)} files under {DATA}")
    results: Counter[str] = Counter()
    operations = 0
    refused: list[tuple[str, str]] = []
    for path in files:
        outcome, detail, seconds = import_file(path)
        results[outcome] += 1
        name = str(path.relative_to(DATA))
        print(f"  {outcome:8s} {seconds * 1000:8.1f} ms  {name}: {detail}", flush=True)
        if outcome == "imported":
            operations += int(detail.split()[0])
        elif outcome == "refused":
            refused.append((name, detail))
    print(
        f"== summary: imported {results['imported']}, refused {results['refused']}, "
        f"crashed {results['crashed']} (target 0); {operations} operations in all"
    )
    print("== refused files and their messages:")
    for name, message in refused:
        print(f"  {name}\n      {message}")


def hostile() -> None:
    print("== hostile texts (each must be refused)")
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    laughs += [
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    cases = {
        "50 MB text": "openapi: 3.1.0\npaths:\n" + "#" * (50 * 1024 * 1024),
        "billion laughs": "\n".join(laughs),
        "100,000 nested lists": "[" * 100_000,
    }
    for name, text in cases.items():
        started = time.perf_counter()
        try:
            parse_document(parse_text(text))
            outcome = "IMPORTED (wrong)"
        except ActionDocumentError as exc:
            outcome = f"refused: {exc.message[:110]}"
        print(f"  {name:22s} {(time.perf_counter() - started) * 1000:7.1f} ms  {outcome}")


def speed(runs: int) -> None:
    print(f"== speed: cold import of the OpenAI document, median of {runs} runs")
    for name in OPENAI:
        path = DATA / name
        if not path.exists():
            print(f"  {name}: not here")
            continue
        reads, texts, builds = [], [], []
        operations = 0
        for _ in range(runs):
            started = time.perf_counter()
            text = read_file(path)
            read = time.perf_counter()
            data = parse_text(text)
            parsed = time.perf_counter()
            operations = len(parse_document(data).operations)
            built = time.perf_counter()
            reads.append(read - started)
            texts.append(parsed - read)
            builds.append(built - parsed)
        total = [r + t + b for r, t, b in zip(reads, texts, builds, strict=True)]
        print(
            f"  {name} ({path.stat().st_size / 1e6:.1f} MB, {operations} operations): "
            f"{statistics.median(total) * 1000:.0f} ms "
            f"(read {statistics.median(reads) * 1000:.0f}, "
            f"text {statistics.median(texts) * 1000:.0f}, "
            f"operations {statistics.median(builds) * 1000:.0f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is not here: nothing to measure.")
        return
    corpus()
    hostile()
    speed(args.runs)


if __name__ == "__main__":
    main()
