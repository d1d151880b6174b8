"""Every third-party PDF and office file either ingests or fails alone with a clear reason.

Run with `python -m tests.bench.robustness_extract [--warm] [--password PW]`. Each file in
../shared/data/pdfs and ../shared/data/office goes through `extract_isolated` (a fresh
child process per file; with --warm, one reused `IsolatedExtractor`), and one line per
file says `ok` (pages, sections, characters, seconds) or `failed` (error code: message).
The totals count files ingested, files failed with a typed, clear reason, and anything
else (an untyped exception or an extractor bug), which must be 0; the exit status is 1
otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from desktop.core.knowledge.extract import IsolatedExtractor, extract_isolated
from desktop.core.knowledge.extract.errors import ExtractionError, ExtractorBugError
from desktop.core.knowledge.types import Extraction

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
FOLDERS = ("pdfs", "office")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warm", action="store_true", help="reuse one child process")
    parser.add_argument("--password", default=None, help="password for encrypted PDFs")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per file")
    parser.add_argument("--memory-mb", type=int, default=1024, help="memory per file")
    args = parser.parse_args()
    files = sorted(p for folder in FOLDERS for p in (DATA / folder).rglob("*") if p.is_file())
    if not files:
        print(f"no files under {DATA}/{{{','.join(FOLDERS)}}}; nothing to check")
        return 0
    warm = IsolatedExtractor(timeout_s=args.timeout, memory_mb=args.memory_mb)

    def read(path: Path) -> Extraction:
        if args.warm:
            return warm.extract(path, password=args.password)
        return extract_isolated(
            path, password=args.password, timeout_s=args.timeout, memory_mb=args.memory_mb
        )

    ingested = failed = other = 0
    started = time.perf_counter()
    width = max(len(str(p.relative_to(DATA))) for p in files)
    with warm:
        for path in files:
            name = str(path.relative_to(DATA)).ljust(width)
            began = time.perf_counter()
            try:
                found = read(path)
            except ExtractorBugError as exc:
                other += 1
                print(f"OTHER   {name}  {exc.code}: {exc.message}")
            except ExtractionError as exc:
                failed += 1
                print(f"failed  {name}  {exc.code}: {exc.message}")
            except Exception as exc:  # exactly what this script exists to catch
                other += 1
                print(f"OTHER   {name}  {type(exc).__name__}: {exc}")
            else:
                ingested += 1
                chars = sum(len(s.text) for s in found.sections)
                print(
                    f"ok      {name}  pages={found.pages} sections={len(found.sections)} "
                    f"chars={chars} warnings={len(found.warnings)} "
                    f"{time.perf_counter() - began:.2f}s"
                )
    print(
        f"\n{len(files)} files in {time.perf_counter() - started:.1f} s: ingested {ingested}, "
        f"failed with a clear reason {failed}, anything else {other}"
    )
    return 1 if other else 0


if __name__ == "__main__":
    sys.exit(main())
