"""Capsule figures: export and import time, and file size, for 100 pages of PDF knowledge.

Run with `python -m tests.bench.bench_capsules [--repeats N] [--embed GGUF]`. It prints
figures and asserts nothing; it is skipped with a message when ../shared/data/pdfs is
absent.

The knowledge is four PDFs of 25 pages each, assembled with pypdf from the real
text-layer PDFs under ../shared/data/pdfs (their pages cycled, so every page is real
text). One GPT indexes them for keyword search only; another also embeds them, with the
GGUF named by --embed (or CAPSULE_BENCH_EMBED_GGUF), else the tests' tiny random-weight
embedding model (fast, so it understates what re-embedding costs with a real model). Each
is exported with and without the built index and with and without a password, and each
capsule imported into a fresh data folder; best of --repeats runs each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.gpt import validate_definition
from desktop.core.services import Services
from desktop.core.units import human_size
from tests.helpers.capsules import machine
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.tiny_gguf import TinySpec

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "pdfs"
SOURCES = ("text", "cjk", "forms")
FILES, PAGES_EACH = 4, 25
EMBED_ENV = "CAPSULE_BENCH_EMBED_GGUF"


def text_pages() -> list[tuple[Path, int]]:
    """(file, page number) of every page with a text layer in the shared PDFs."""
    pages = []
    for folder in SOURCES:
        for path in sorted((DATA / folder).glob("*.pdf")):
            reader = PdfReader(path)
            pages += [
                (path, n)
                for n, page in enumerate(reader.pages)
                if (page.extract_text() or "").strip()
            ]
    return pages


def build_pdfs(folder: Path) -> list[Path]:
    """FILES PDFs of PAGES_EACH real pages each, cycling through the shared PDFs' pages."""
    pool = text_pages()
    readers = {path: PdfReader(path) for path, _ in pool}
    made = []
    for number in range(FILES):
        writer = PdfWriter()
        for i in range(PAGES_EACH):
            path, page = pool[(number * PAGES_EACH + i * 7) % len(pool)]
            writer.add_page(readers[path].pages[page])
        target = folder / f"handbook-part-{number + 1}.pdf"
        with target.open("wb") as handle:
            writer.write(handle)
        made.append(target)
    return made


def best_of(repeats: int, run: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def make_gpt(services: Services, pdfs: list[Path], embed: str) -> str:
    knowledge = {"embedding_model": embed, "retrieval_mode": "hybrid"} if embed else {}
    gpt = services.store.gpts.create(
        validate_definition({"name": f"Handbook {embed or 'bm25'}", "knowledge": knowledge})
    )
    started = time.perf_counter()
    done = [p for p in services.knowledge.add(gpt.id, pdfs) if p.status in ("ok", "failed")]
    pages = sum(p.pages for p in done)
    chunks = sum(p.chunks for p in done)
    failed = [p.file for p in done if p.status == "failed"]
    print(
        f"  ingested {pages} pages, {chunks} chunks in {time.perf_counter() - started:.1f} s"
        + (f" (failed: {failed})" if failed else "")
    )
    return gpt.id


def bench(root: Path, repeats: int, embed_model: Path) -> None:
    pdfs = build_pdfs(root)
    total = sum(p.stat().st_size for p in pdfs)
    print(f"knowledge: {FILES} PDFs x {PAGES_EACH} pages, {human_size(total)} of PDF")
    with machine(root / "exporter") as ours:
        shutil.copy(embed_model, ours.paths.user_models / "bench-embed.gguf")
        for embed in ("", "bench-embed"):
            kind = f"with embeddings ({embed_model.name})" if embed else "keyword search only"
            print(f"\n== GPT {kind}")
            gpt_id = make_gpt(ours, pdfs, embed)
            print(f"  {'index':<6} {'password':<9} {'size':>9} {'export':>8} {'import':>8}  import")
            for include_index in (False, True):
                for password in (None, "correct horse battery"):
                    row = Row(ours, gpt_id, embed, embed_model, include_index, password)
                    print(row.measure(root, repeats))


class Row:
    """One export option set: export it, import it into a fresh data folder, both timed."""

    def __init__(
        self,
        services: Services,
        gpt_id: str,
        embed: str,
        model: Path,
        include_index: bool,
        password: str | None,
    ) -> None:
        self.services, self.gpt_id, self.embed, self.model = services, gpt_id, embed, model
        self.options = ExportOptions(password=password, include_index=include_index)

    def measure(self, root: Path, repeats: int) -> str:
        options = self.options
        target = (
            root
            / f"{self.embed or 'bm25'}-{options.include_index}-{bool(options.password)}.capsule"
        )
        export_s, _ = best_of(
            repeats, lambda: self.services.capsules.export(self.gpt_id, target, options)
        )
        import_s, result = best_of(
            repeats, lambda: _import(root, target, options.password, self.embed, self.model)
        )
        did = "re-indexed" if result.reindexed else "used the index"  # type: ignore[attr-defined]
        index = "yes" if options.include_index else "no"
        locked = "yes" if options.password else "no"
        size = human_size(target.stat().st_size)
        return f"  {index:<6} {locked:<9} {size:>9} {export_s:7.2f}s {import_s:7.2f}s  {did}"


def _import(root: Path, capsule: Path, password: str | None, embed: str, model: Path) -> object:
    folder = Path(tempfile.mkdtemp(dir=root, prefix="importer-"))
    try:
        with machine(folder) as theirs:
            if embed:
                shutil.copy(model, theirs.paths.user_models / "bench-embed.gguf")
            return theirs.capsules.import_(capsule, ImportOptions(password=password))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--embed", type=Path, default=os.environ.get(EMBED_ENV) or None)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return
    with tempfile.TemporaryDirectory(prefix="capsule-bench-") as folder:
        root = Path(folder)
        model = args.embed or ensure_tiny(
            root, "tiny-embed.gguf", TinySpec(embedding=True, chat_template=None)
        )
        os.environ["CAPSULE_STUDIO_HOME"] = str(root / "home")  # nothing of the user's is touched
        bench(root, args.repeats, model)


if __name__ == "__main__":
    main()
