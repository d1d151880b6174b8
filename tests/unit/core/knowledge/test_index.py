"""The LanceDB index: BM25 in English and Chinese, vectors, deletes, crash-safety."""

from __future__ import annotations

from pathlib import Path

import lancedb
import pyarrow as pa
import pytest
from lancedb.index import FTS

from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.types import Chunk


def chunk(file_id: str, index: int, text: str, page: int | None = 1) -> Chunk:
    return Chunk(file_id, index, text, page, f"loc {index}", 0, 0, len(text))


@pytest.fixture
def index(tmp_path: Path) -> KnowledgeIndex:
    return KnowledgeIndex(tmp_path / "lance")


DOCS = [
    chunk("f1", 0, "Capsule Studio keeps API keys in the operating system keyring."),
    chunk("f1", 1, "Knowledge files are split into chunks and indexed for search.", page=2),
    chunk("f2", 0, "知识库是本地助手的核心，检索必须准确。"),
    chunk("f2", 1, "模型在本地运行，不会把数据发送到网络。", page=3),
]


def test_bm25_finds_english_words_with_stemming(index: KnowledgeIndex) -> None:
    index.add("gpt_a", DOCS)
    index.build("gpt_a")
    hits = index.keyword("gpt_a", "indexing chunk", 5)
    assert hits[0].id == "f1:1"
    assert hits[0].page == 2 and hits[0].location == "loc 1" and hits[0].rank == 1
    assert hits[0].score > 0


@pytest.mark.parametrize(
    ("query", "expected"), [("知识库", "f2:0"), ("知识", "f2:0"), ("本地运行", "f2:1")]
)
def test_bm25_finds_chinese_words(index: KnowledgeIndex, query: str, expected: str) -> None:
    index.add("gpt_a", DOCS)
    index.build("gpt_a")
    assert index.keyword("gpt_a", query, 5)[0].id == expected


def test_rows_added_after_the_index_are_found(index: KnowledgeIndex) -> None:
    index.add("gpt_a", DOCS[:2])
    index.build("gpt_a")
    index.add("gpt_a", DOCS[2:])  # no rebuild: as after a crash before build()
    assert index.keyword("gpt_a", "知识库", 5)[0].id == "f2:0"


def test_search_builds_a_missing_index(index: KnowledgeIndex) -> None:
    index.add("gpt_a", DOCS)
    assert index.keyword("gpt_a", "keyring", 5)[0].id == "f1:0"


def test_delete_file_removes_only_its_chunks(index: KnowledgeIndex) -> None:
    index.add("gpt_a", DOCS)
    index.build("gpt_a")
    index.delete_file("gpt_a", "f2")
    assert index.count("gpt_a") == 2 and index.count("gpt_a", "f2") == 0
    assert index.keyword("gpt_a", "知识库", 5) == []


def test_tables_are_separate_per_owner(index: KnowledgeIndex) -> None:
    index.add("gpt_a", DOCS[:1])
    index.add("thread_b", DOCS[2:3])
    assert [h.id for h in index.keyword("thread_b", "知识库", 5)] == ["f2:0"]
    assert index.keyword("gpt_a", "知识库", 5) == []
    index.drop("thread_b")
    assert index.count("thread_b") == 0


def test_unknown_owner_and_empty_query(index: KnowledgeIndex) -> None:
    assert index.keyword("gpt_none", "anything", 5) == []
    index.add("gpt_a", DOCS)
    assert index.keyword("gpt_a", "  ，。!! ", 5) == []
    with pytest.raises(ValueError):
        index.keyword("../escape", "x", 5)


def test_vectors_and_nearest(index: KnowledgeIndex) -> None:
    vectors = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.7, 0.7, 0.0]]
    index.add("gpt_v", DOCS, vectors)
    assert index.has_vectors("gpt_v") and not index.has_vectors("gpt_a")
    hits = index.nearest("gpt_v", [0.0, 0.0, 2.0], 2)
    assert hits[0].id == "f2:0" and hits[0].score == pytest.approx(1.0, abs=1e-5)
    assert hits[1].rank == 2


def test_a_quote_in_a_file_id_is_not_an_injection(index: KnowledgeIndex) -> None:
    index.add("gpt_a", [chunk("it's", 0, "quoted id"), *DOCS])
    index.delete_file("gpt_a", "it's")
    assert index.count("gpt_a") == len(DOCS)


TRADITIONAL = [
    chunk("t1", 0, "臺灣的軟體工程師在資訊安全會議上發表了關於網路攻擊的研究。"),
    chunk("t1", 1, "夜柔吠陀與阿闥婆吠陀均可作為研究梵語的參考。"),
    chunk("t2", 0, "知识库是本地助手的核心，检索必须准确。"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("資訊安全會議", "t1:0"),  # Traditional query, Traditional passage
        ("信息安全会议", "t1:0"),  # the shared words in Simplified find it too
        ("研究梵語", "t1:1"),
        ("知識庫", "t2:0"),  # a Traditional query finds a Simplified passage
    ],
)
def test_traditional_and_simplified_find_each_other(
    index: KnowledgeIndex, query: str, expected: str
) -> None:
    index.add("gpt_a", TRADITIONAL)
    index.build("gpt_a")
    assert index.keyword("gpt_a", query, 5)[0].id == expected


def test_a_table_from_an_older_recipe_gets_current_terms_on_open(tmp_path: Path) -> None:
    # A table as version 1 wrote it: jieba terms of the Traditional text, no recipe mark.
    old = lancedb.connect(str(tmp_path / "lance"))
    rows = [
        {
            "id": "t1:0",
            "file_id": "t1",
            "chunk_index": 0,
            "text": TRADITIONAL[0].text,
            "terms": "臺灣 的 軟 體 工程 師 在 資 訊 安全 會 議",
            "page": 1,
            "location": "",
            "start": 0,
            "end": 10,
        }
    ]
    table = old.create_table("gpt_old", data=pa.Table.from_pylist(rows))
    table.create_index("terms", config=FTS(base_tokenizer="whitespace"))
    index = KnowledgeIndex(tmp_path / "lance")
    hits = index.keyword("gpt_old", "資訊安全會議", 5)
    assert [h.id for h in hits] == ["t1:0"]
    assert hits[0].text == TRADITIONAL[0].text  # the text itself is untouched
    reopened = lancedb.connect(str(tmp_path / "lance")).open_table("gpt_old")
    assert "资讯" in reopened.to_arrow().column("terms")[0].as_py()
    assert reopened.schema.field("terms").metadata[b"capsule.terms"] == b"2"
    index.add("gpt_old", [chunk("t1", 1, "新的段落")])  # and it takes new rows as before
    assert index.count("gpt_old") == 2
