"""Recall of knowledge search on whole QA sets: the product against raw LanceDB FTS.

Run with `python -m tests.bench.bench_recall [--sets cmrc,drcd,xquad-en,xquad-zh]`. It
prints figures and asserts nothing; a set whose file under ../shared/data/qa is absent is
skipped with a message.

For each set, every passage is one text file added to a GPT's knowledge the way
`capsule knowledge add` adds it (`KnowledgeLibrary.add`, default settings, extraction in
the isolated child), and each question is asked the way `capsule knowledge search -k 5`
asks it (`KnowledgeLibrary.search`). A hit is a returned chunk of the question's passage
that contains one of its answers.

The raw column indexes the same passages one row per passage in a LanceDB full-text
index over jieba-segmented text (`jieba.cut`, words joined by spaces, whitespace
tokenizer), and segments the question the same way; a hit is the question's passage
(which always contains the answer) in the top k.

With `--embed GGUF` the product is measured again with that embedding model (hybrid
search), and with `--rerank GGUF` again with that reranker over the GPT's 20 candidates;
each prints its recall and query latency. `--rerank tiny` reranks with a random-weight
GGUF made on the spot: its recall is noise, its added latency is the pipeline's own
(the host round trip, tokenizing, one decode per pair) for a model of that size.

`--ocr N` times text recognition: N scanned A4 pages (drawn with Pillow, Chinese and
English) in one PDF, read by the isolated extraction child; pages per second, with the
engine's one-time load counted apart.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jieba
import lancedb
import numpy as np
from lancedb.index import FTS

from desktop.core.gpt import GptDefinition
from desktop.core.knowledge.extract import extract
from desktop.core.paths import HOME_ENV, default_paths
from desktop.core.services import Services

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "qa"
SETS = {
    "cmrc": "cmrc2018_trial.zh.json",
    "drcd": "drcd_test.zh-hant.json",
    "xquad-en": "xquad.en.json",
    "xquad-zh": "xquad.zh.json",
}
TARGETS = {"cmrc": 98.0, "drcd": 98.0, "xquad-en": 96.0, "xquad-zh": 98.0}


@dataclass(frozen=True)
class Question:
    text: str
    passage: int
    answers: tuple[str, ...]


@dataclass(frozen=True)
class QaSet:
    name: str
    passages: list[str]
    questions: list[Question]


@dataclass(frozen=True)
class Recall:
    at1: float
    at5: float
    p50_ms: float
    p95_ms: float


def load(name: str) -> QaSet | None:
    path = DATA / SETS[name]
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    passages: list[str] = []
    questions: list[Question] = []
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                answers = tuple(a["text"] for a in qa["answers"] if a["text"].strip())
                questions.append(Question(qa["question"], len(passages), answers))
            passages.append(paragraph["context"])
    return QaSet(name, passages, questions)


def percentiles(seconds: list[float]) -> tuple[float, float]:
    p50, p95 = np.percentile(np.array(seconds) * 1000.0, [50, 95])
    return float(p50), float(p95)


def measure(
    run: Callable[[str], list[tuple[int, str]]], questions: list[Question], k: int = 5
) -> Recall:
    """Recall@1 and @k (percent) and query latency; `run` gives (passage, text) per result."""
    hits1 = hits5 = 0
    seconds = []
    for question in questions:
        started = time.perf_counter()
        found = run(question.text)[:k]
        seconds.append(time.perf_counter() - started)
        hits = [
            passage == question.passage and any(a in text for a in question.answers)
            for passage, text in found
        ]
        hits1 += bool(hits[:1] and hits[0])
        hits5 += any(hits)
    p50, p95 = percentiles(seconds)
    total = len(questions)
    return Recall(100 * hits1 / total, 100 * hits5 / total, p50, p95)


# --- raw LanceDB FTS, one row per passage ----------------------------------------------


def segmented(text: str) -> str:
    return " ".join(w for w in jieba.cut(text.lower()) if w.strip())


def raw(qa: QaSet, folder: Path) -> Recall:
    db = lancedb.connect(str(folder / "raw"))
    rows = [{"passage": i, "text": p, "terms": segmented(p)} for i, p in enumerate(qa.passages)]
    table = db.create_table(qa.name.replace("-", "_"), data=rows)
    table.create_index("terms", config=FTS(base_tokenizer="whitespace"))

    def run(query: str) -> list[tuple[int, str]]:
        words = segmented(query)
        if not words:
            return []
        found = table.search(words, query_type="fts", fts_columns="terms").limit(5).to_list()
        return [(int(row["passage"]), row["text"]) for row in found]

    return measure(run, qa.questions)


# --- the product ------------------------------------------------------------------------


@contextmanager
def services(folder: Path) -> Iterator[Services]:
    """Services over a fresh data folder (CAPSULE_STUDIO_HOME, as for a portable install)."""
    os.environ[HOME_ENV] = str(folder / "home")
    made = Services(default_paths().ensure())
    try:
        yield made
    finally:
        made.close()


def product_gpt(made: Services, qa: QaSet, folder: Path, knowledge: dict[str, Any]) -> str:
    """A GPT whose knowledge is every passage of `qa`, one file each; its id."""
    files = folder / f"files-{qa.name}"
    files.mkdir()
    width = len(str(len(qa.passages)))
    for number, passage in enumerate(qa.passages):
        (files / f"p{number:0{width}d}.txt").write_text(passage, encoding="utf-8")
    definition = GptDefinition.model_validate({"name": qa.name, "knowledge": knowledge})
    gpt = made.store.gpts.create(definition)
    failed = [
        p for p in made.knowledge.add(gpt.id, [files], extract=_in_process) if p.status == "failed"
    ]
    if failed:
        print(f"  {len(failed)} files failed, first: {failed[0].file}: {failed[0].message}")
    return gpt.id


def _in_process(path: Path, password: str | None, on_page: Any = None) -> Any:
    return extract(path, password, on_page=on_page)


def product(made: Services, qa: QaSet, gpt_id: str) -> Recall:
    passage_of = {f.id: int(f.name[1:-4]) for f in made.store.knowledge.list(gpt_id)}

    def run(query: str) -> list[tuple[int, str]]:
        found = made.knowledge.search(gpt_id, query, k=5)
        return [(passage_of[r["file_id"]], r["text"]) for r in found]

    return measure(run, qa.questions)


def row(label: str, found: Recall, target: float | None = None) -> str:
    mark = ""
    if target is not None:
        mark = "  ok" if found.at5 >= target else f"  below {target:.0f}"
    return (
        f"  {label:<28} r@1 {found.at1:5.1f}  r@5 {found.at5:5.1f}  "
        f"p50 {found.p50_ms:5.1f} ms  p95 {found.p95_ms:5.1f} ms{mark}"
    )


def with_models(made: Services, gpt_id: str, knowledge: dict[str, Any]) -> None:
    from desktop.core.gpt import update_definition

    gpt = made.store.gpts.get(gpt_id)
    made.store.gpts.save(gpt_id, update_definition(gpt.definition, {"knowledge": knowledge}))


def bench_models(made: Services, qa: QaSet, gpt_id: str, args: argparse.Namespace) -> None:
    """Recall and latency with an embedding model (hybrid) and with a reranker."""
    if args.embed:
        with_models(made, gpt_id, {"embedding_model": args.embed})
        started = time.perf_counter()
        list(
            made.knowledge.ingestor(args.embed, _in_process).rebuild(
                gpt_id, _settings(made, gpt_id)
            )
        )
        print(f"  [embedded in {time.perf_counter() - started:.0f} s]")
        print(row(f"hybrid ({Path(args.embed).name})", product(made, qa, gpt_id), TARGETS[qa.name]))
    if args.rerank:
        model = args.rerank
        if model == "tiny":
            from tests.helpers.tiny_gguf import TinySpec, build_tiny_gguf

            model = str(
                build_tiny_gguf(
                    Path(args.folder) / "tiny-rerank.gguf",
                    TinySpec(embedding=True, chat_template=None),
                )
            )
        with_models(made, gpt_id, {"rerank_model": model})
        made.knowledge.search(gpt_id, "warm up", k=5)  # loads the model
        label = (
            "rerank (tiny random GGUF)" if args.rerank == "tiny" else f"rerank ({Path(model).name})"
        )
        print(row(label, product(made, qa, gpt_id)))
        with_models(made, gpt_id, {"rerank_model": ""})


def _settings(made: Services, gpt_id: str) -> Any:
    return made.store.gpts.get(gpt_id).definition.knowledge


def bench_ocr(pages: int, folder: Path) -> None:
    from desktop.core.knowledge.extract import IsolatedExtractor, ocr
    from tests.helpers.scans import scanned_page, scanned_pdf

    print(f"== OCR: {pages} scanned A4 pages at 150 dpi, Chinese and English")
    if not ocr.available():
        print('  skipped: the OCR engine is not installed (pip install ".[ocr]")')
        return
    lines = [f"第{i}行：知识库检索必须准确，Capsule Studio reads line {i}." for i in range(24)]
    path = folder / "scan.pdf"
    path.write_bytes(scanned_pdf([scanned_page(lines) for _ in range(pages)]))
    one = folder / "one.pdf"
    one.write_bytes(scanned_pdf([scanned_page(lines[:2])]))
    with IsolatedExtractor(timeout_s=300) as extractor:
        started = time.perf_counter()
        extractor.extract(one)  # the child starts and loads the engine
        load = time.perf_counter() - started
        started = time.perf_counter()
        found = extractor.extract(path)
        took = time.perf_counter() - started
    chars = sum(len(s.text) for s in found.sections)
    print(f"  engine load and first small page: {load:.1f} s (once per extraction child)")
    print(f"  {pages} pages in {took:.1f} s: {pages / took:.2f} pages/s, {chars} characters read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets")
    parser.add_argument("--limit", type=int, default=0, help="questions per set (0: all)")
    parser.add_argument("--embed", default="", help="an embedding GGUF for hybrid search")
    parser.add_argument("--rerank", default="", help="a reranker GGUF, or 'tiny'")
    parser.add_argument("--ocr", type=int, default=0, help="scanned pages to time OCR on")
    args = parser.parse_args()
    print(f"data: {DATA}")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="capsule-recall-") as tmp, services(Path(tmp)) as made:
        args.folder = tmp
        if args.ocr:
            bench_ocr(args.ocr, Path(tmp))
        for name in filter(None, args.sets.split(",")):
            qa = load(name)
            if qa is None:
                print(f"== {name}: skipped, {DATA / SETS[name]} not found")
                continue
            if args.limit:
                qa = QaSet(qa.name, qa.passages, qa.questions[: args.limit])
            print(f"== {name}: {len(qa.passages)} passages, {len(qa.questions)} questions")
            folder = Path(tmp) / name
            folder.mkdir()
            started = time.perf_counter()
            raw_found = raw(qa, folder)
            gpt_id = product_gpt(made, qa, folder, {})
            ours = product(made, qa, gpt_id)
            print(row("raw LanceDB FTS + jieba", raw_found))
            print(row("product (BM25, defaults)", ours, TARGETS[name]))
            bench_models(made, qa, gpt_id, args)
            print(f"  [{time.perf_counter() - started:.0f} s]", flush=True)
    print(f"total wall time: {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
