"""Tests for cutting extractions into token-sized, overlapping chunks."""

from __future__ import annotations

import itertools
import random
import re
import time

import pytest

from desktop.core.knowledge.chunk import chunk_extraction
from desktop.core.knowledge.tokens import TokenCounter, approx_tokens
from desktop.core.knowledge.types import Chunk, Extraction, Section


def chunk_text(
    text: str, size: int = 400, overlap: int = 60, count: TokenCounter | None = None
) -> list[Chunk]:
    return chunk_extraction("file-1", Extraction([Section(text)]), size, overlap, count)


def texts(chunks: list[Chunk]) -> list[str]:
    return [chunk.text for chunk in chunks]


def check_invariants(
    extraction: Extraction,
    chunks: list[Chunk],
    size: int,
    overlap: int,
    count: TokenCounter = approx_tokens,
) -> None:
    """Everything that holds for any input: offsets, sizes, overlap, order and coverage."""
    assert [chunk.index for chunk in chunks] == list(range(len(chunks)))
    for chunk in chunks:
        section = extraction.sections[chunk.section]
        assert section.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text
        assert chunk.text == chunk.text.strip()
        assert (chunk.page, chunk.location) == (section.page, section.location)
        assert count(chunk.text) <= size
    for number, section in enumerate(extraction.sections):
        mine = [chunk for chunk in chunks if chunk.section == number]
        if not section.text.strip():
            assert mine == []
            continue
        # Nothing visible is lost before, between or after the chunks.
        assert not section.text[: mine[0].start].strip()
        assert not section.text[mine[-1].end :].strip()
        for before, after in itertools.pairwise(mine):
            assert before.start < after.start
            assert before.end < after.end
            if after.start < before.end:
                shared = section.text[after.start : before.end]
                assert before.text.endswith(shared)
                assert after.text.startswith(shared)
                assert count(shared) <= overlap
            else:
                assert not section.text[before.end : after.start].strip()
    assert [chunk.section for chunk in chunks] == sorted(chunk.section for chunk in chunks)


def english(count: int) -> str:
    topics = ["indexing", "retrieval", "citations", "embeddings", "chunking", "pages"]
    return " ".join(
        f"Sentence {number} explains {topics[number % len(topics)]} in plain words."
        for number in range(count)
    )


def chinese(count: int) -> str:
    ends = "。！？；"
    topics = ["索引", "检索", "引用", "向量", "分块"]
    return "".join(
        f"第{number}句话讲的是{topics[number % len(topics)]}的细节{ends[number % len(ends)]}"
        for number in range(count)
    )


def mixed(count: int) -> str:
    return "".join(
        f"我们用Python {number}.0 处理PDF文件。It keeps page {number} and offsets! "
        for number in range(count)
    )


# --- offsets, sizes, overlap ---------------------------------------------------------


@pytest.mark.parametrize("make", [english, chinese, mixed])
def test_offsets_round_trip(make: object) -> None:
    assert callable(make)
    text = make(120)
    extraction = Extraction([Section(text)])
    chunks = chunk_extraction("file-1", extraction, size=60, overlap=15)
    assert len(chunks) > 5
    check_invariants(extraction, chunks, 60, 15)


def test_offsets_skip_surrounding_whitespace() -> None:
    text = "\n\n   First sentence here.   Second one.  \n\n\t"
    chunks = chunk_text(text, size=50, overlap=0)
    assert texts(chunks) == ["First sentence here.   Second one."]
    assert (chunks[0].start, chunks[0].end) == (5, 39)


@pytest.mark.parametrize("size", [8, 20, 50, 400])
def test_no_chunk_exceeds_the_size(size: int) -> None:
    text = english(80) + "\n\n" + chinese(80) + "\n\n" + mixed(40)
    chunks = chunk_text(text, size=size, overlap=size // 4)
    assert chunks
    assert max(approx_tokens(chunk.text) for chunk in chunks) <= size


def test_overlap_carries_the_last_sentences() -> None:
    sentences = [f"Sentence {letter} ends." for letter in "ABCDEFGH"]
    assert {approx_tokens(sentence) for sentence in sentences} == {5}
    chunks = chunk_text(" ".join(sentences), size=20, overlap=10)
    assert texts(chunks) == [
        " ".join(sentences[0:4]),
        " ".join(sentences[2:6]),
        " ".join(sentences[4:8]),
    ]


def test_overlap_takes_only_what_fits_in_the_overlap() -> None:
    sentences = [f"Sentence {letter} ends." for letter in "ABCDEFGH"]
    chunks = chunk_text(" ".join(sentences), size=20, overlap=9)
    # Two sentences take 10 tokens, so only one is carried.
    assert texts(chunks)[:2] == [" ".join(sentences[0:4]), " ".join(sentences[3:7])]


def test_zero_overlap_gives_disjoint_chunks() -> None:
    chunks = chunk_text(english(60), size=40, overlap=0)
    assert len(chunks) > 3
    for before, after in itertools.pairwise(chunks):
        assert before.end < after.start


def test_no_overlap_when_the_last_sentence_is_longer_than_the_overlap() -> None:
    long_sentence = "This closing sentence alone is clearly longer than the overlap allows."
    assert approx_tokens(long_sentence) > 10
    chunks = chunk_text(f"Short one. {long_sentence} Next sentence here.", size=25, overlap=10)
    assert texts(chunks) == [f"Short one. {long_sentence}", "Next sentence here."]


def test_chunks_never_overlap_across_sections() -> None:
    extraction = Extraction([Section("One sentence. Two sentence."), Section("Three.")])
    chunks = chunk_extraction("f", extraction, size=100, overlap=50)
    assert texts(chunks) == ["One sentence. Two sentence.", "Three."]
    assert [chunk.section for chunk in chunks] == [0, 1]


# --- boundaries ------------------------------------------------------------------------


def test_chunks_end_at_sentence_ends_and_are_filled_greedily() -> None:
    text = english(100)
    size = 45
    chunks = chunk_text(text, size=size, overlap=0)
    sentence_ends = [match.end() for match in re.finditer(r"\.", text)]
    for chunk in chunks:
        assert chunk.text.endswith(".")
        assert chunk.start == 0 or text[chunk.start - 2 : chunk.start] == ". "
        following = [end for end in sentence_ends if end > chunk.end]
        if following:  # the next whole sentence would not have fitted
            assert approx_tokens(text[chunk.start : following[0]]) > size


@pytest.mark.parametrize("mark", ["。", "！", "？", "；", "｡", "﹗", "﹖"])
def test_chinese_punctuation_ends_a_sentence(mark: str) -> None:
    text = f"甲乙丙丁{mark}戊己庚辛{mark}壬癸子丑{mark}"
    # Each sentence is 5 tokens; a 6-token chunk holds exactly one.
    assert texts(chunk_text(text, size=6, overlap=0)) == [
        f"甲乙丙丁{mark}",
        f"戊己庚辛{mark}",
        f"壬癸子丑{mark}",
    ]


def test_chinese_sentences_split_without_spaces_and_keep_closing_quotes() -> None:
    text = "他说：“今天下雨。”我们留在家里！"
    assert texts(chunk_text(text, size=10, overlap=0)) == ["他说：“今天下雨。”", "我们留在家里！"]


@pytest.mark.parametrize("mark", [".", "!", "?"])
def test_english_marks_end_a_sentence_before_a_space(mark: str) -> None:
    text = f"First short one{mark} Second short one{mark} Third short one{mark}"
    assert texts(chunk_text(text, size=6, overlap=0)) == [
        f"First short one{mark}",
        f"Second short one{mark}",
        f"Third short one{mark}",
    ]


def test_a_period_inside_a_word_or_number_does_not_end_a_sentence() -> None:
    text = "Open file.txt with version 3.14 now. Done."
    assert texts(chunk_text(text, size=13, overlap=0)) == [
        "Open file.txt with version 3.14 now.",
        "Done.",
    ]


def test_english_mark_before_chinese_text_ends_a_sentence() -> None:
    assert texts(chunk_text("It works!然后继续。", size=5, overlap=0)) == [
        "It works!",
        "然后继续。",
    ]


def test_chunk_closes_at_a_paragraph_end_when_half_full() -> None:
    first = english(4)  # one paragraph of 4 sentences
    second = english(6)
    size = approx_tokens(first) + 15  # room for one more sentence of the next paragraph
    assert approx_tokens(first) * 2 >= size
    chunks = chunk_text(f"{first}\n\n{second}", size=size, overlap=0)
    assert chunks[0].text == first


def test_paragraph_end_is_not_taken_when_the_chunk_would_be_under_half() -> None:
    first = "A short opening paragraph."
    second = english(10)
    size = 60
    assert approx_tokens(first) * 2 < size
    chunks = chunk_text(f"{first}\n\n{second}", size=size, overlap=0)
    assert chunks[0].text.startswith(f"{first}\n\n")


def test_soft_wrapped_lines_stay_in_one_sentence() -> None:
    text = "This sentence was wrapped\nby a PDF extractor in the\nmiddle. Then another one."
    chunks = chunk_text(text, size=18, overlap=0)
    assert texts(chunks) == [
        "This sentence was wrapped\nby a PDF extractor in the\nmiddle.",
        "Then another one.",
    ]


def test_list_items_are_cut_at_their_line_breaks() -> None:
    text = "Steps to install\n- download the installer\n- run it twice\n1. reboot the machine"
    chunks = chunk_text(text, size=9, overlap=0)
    assert texts(chunks) == [
        "Steps to install",
        "- download the installer",
        "- run it twice",
        "1. reboot the machine",
    ]


# --- pieces longer than a chunk ------------------------------------------------------


def test_a_long_sentence_is_cut_between_words() -> None:
    words = [f"word{number}" for number in range(300)]
    text = " ".join(words) + "."
    chunks = chunk_text(text, size=40, overlap=8)
    extraction = Extraction([Section(text)])
    check_invariants(extraction, chunks, 40, 8)
    assert len(chunks) > 5
    for chunk in chunks:
        assert chunk.start == 0 or text[chunk.start - 1] == " "
        assert chunk.end == len(text) or text[chunk.end] == " "


def test_a_long_sentence_keeps_overlap_between_its_pieces() -> None:
    text = " ".join(f"w{number}" for number in range(200)) + "."
    chunks = chunk_text(text, size=30, overlap=6)
    assert all(after.start < before.end for before, after in itertools.pairwise(chunks))


def test_a_long_chinese_sentence_is_cut_at_commas_first() -> None:
    clauses = [f"第{number}个分句写得比较长一些" for number in range(12)]
    text = "，".join(clauses) + "。"
    clause_tokens = approx_tokens(clauses[0]) + 1
    chunks = chunk_text(text, size=clause_tokens * 3, overlap=0)
    assert len(chunks) == 4
    for chunk in chunks:
        assert chunk.text[-1] in "，。"


def test_a_long_chinese_run_without_punctuation_is_cut_between_characters() -> None:
    text = "中" * 250
    chunks = chunk_text(text, size=100, overlap=10)
    assert [len(chunk.text) for chunk in chunks] == [100, 100, 70]
    assert chunks[1].start == 90  # ten characters of overlap


def test_a_word_longer_than_a_chunk_is_cut_by_characters() -> None:
    blob = "x" * 1000
    chunks = chunk_text(f"Before. {blob} After.", size=10, overlap=0)
    pieces = [chunk.text for chunk in chunks if set(chunk.text) == {"x"}]
    assert "".join(pieces) == blob
    assert all(len(piece) == 40 for piece in pieces)  # 10 tokens of 4 characters


# --- sections, pages, indices ----------------------------------------------------------


def test_empty_and_blank_sections_give_no_chunks() -> None:
    extraction = Extraction([Section(""), Section("   \n\n\t \u3000 "), Section("\n")])
    assert chunk_extraction("f", extraction) == []
    assert chunk_extraction("f", Extraction([])) == []


def test_pages_locations_and_sections_are_carried() -> None:
    extraction = Extraction(
        [
            Section(english(30), page=1),
            Section(""),
            Section(chinese(30), page=2, location="Install > Linux"),
            Section("Name: Ada | Role: admin", location="Sheet1 row 12"),
        ],
        pages=2,
    )
    chunks = chunk_extraction("doc-9", extraction, size=50, overlap=10)
    check_invariants(extraction, chunks, 50, 10)
    assert {chunk.file_id for chunk in chunks} == {"doc-9"}
    assert {(c.section, c.page, c.location) for c in chunks} == {
        (0, 1, ""),
        (2, 2, "Install > Linux"),
        (3, None, "Sheet1 row 12"),
    }


def test_indices_count_from_zero_across_the_whole_file() -> None:
    extraction = Extraction([Section(english(20), page=page) for page in (1, 2, 3)])
    chunks = chunk_extraction("f", extraction, size=40, overlap=5)
    assert len({chunk.section for chunk in chunks}) == 3
    assert [chunk.index for chunk in chunks] == list(range(len(chunks)))


# --- arguments and counters ----------------------------------------------------------


@pytest.mark.parametrize(("size", "overlap"), [(60, 60), (60, 61), (1, 5)])
def test_overlap_not_smaller_than_size_is_rejected(size: int, overlap: int) -> None:
    with pytest.raises(ValueError, match=rf"overlap \({overlap}\).*size \({size}\)"):
        chunk_text("Some text.", size=size, overlap=overlap)


def test_size_below_one_and_negative_overlap_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"size \(0\)"):
        chunk_text("Some text.", size=0, overlap=0)
    with pytest.raises(ValueError, match=r"overlap \(-1\)"):
        chunk_text("Some text.", size=10, overlap=-1)


def test_output_is_deterministic() -> None:
    extraction = Extraction([Section(mixed(50), page=1), Section(english(50), page=2)])
    first = chunk_extraction("f", extraction, size=37, overlap=11)
    assert chunk_extraction("f", extraction, size=37, overlap=11) == first


def test_a_custom_counter_is_honoured_even_when_joined_text_counts_more() -> None:
    # Counting characters counts the spaces between sentences too, which the sum of the
    # sentences' own counts leaves out: the joined chunk must still be measured.
    text = english(40)
    chunks = chunk_text(text, size=120, overlap=30, count=len)
    check_invariants(Extraction([Section(text)]), chunks, 120, 30, count=len)
    assert max(len(chunk.text) for chunk in chunks) > 90


def test_only_a_single_character_that_alone_is_over_size_may_exceed_it() -> None:
    def three_per_character(text: str) -> int:
        return 3 * len(text)

    chunks = chunk_text("ab 中", size=2, overlap=0, count=three_per_character)
    assert texts(chunks) == ["a", "b", "中"]
    assert all(three_per_character(chunk.text) > 2 for chunk in chunks)


# --- random inputs -------------------------------------------------------------------


def random_text(rng: random.Random) -> str:
    pieces = [
        "word",
        "tokenization",
        "3.14",
        "Python",
        "中",
        "文",
        "分块",
        "。",
        "！",
        "？",
        "；",
        "，",
        ". ",
        "! ",
        "? ",
        ", ",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\n- ",
        "“",
        "”",
        "x" * 30,
    ]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 400)))


def test_invariants_hold_for_random_mixed_texts() -> None:
    rng = random.Random(20240611)
    for _ in range(300):
        sections = [Section(random_text(rng), page=rng.randint(1, 9)) for _ in range(3)]
        extraction = Extraction(sections)
        size = rng.randint(2, 120)
        overlap = rng.randint(0, size - 1)
        chunks = chunk_extraction("f", extraction, size=size, overlap=overlap)
        check_invariants(extraction, chunks, size, overlap)


def test_chunks_a_megabyte_quickly() -> None:
    text = "\n\n".join([english(40), chinese(40), mixed(20)] * 40)
    text = text * (1_000_000 // len(text) + 1)
    started = time.perf_counter()
    chunks = chunk_text(text)
    elapsed = time.perf_counter() - started
    assert len(chunks) > 1000
    # Measured about 0.2 s; the bound only catches an accidental quadratic step.
    assert elapsed < 5.0
