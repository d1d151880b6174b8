"""The fast GGUF header reader against the gguf package's own writer and reader."""

from __future__ import annotations

from pathlib import Path

import gguf
import numpy as np
import pytest

from desktop.core.providers.gguf_header import HeaderError, read_header
from tests.helpers.tiny_gguf import build_tiny_gguf


def test_matches_the_reference_reader(tmp_path: Path) -> None:
    path = build_tiny_gguf(tmp_path / "m.gguf")
    header = read_header(path, keep_arrays=frozenset({"tokenizer.ggml.tokens"}))
    reference = gguf.GGUFReader(path)
    assert header.fields["general.architecture"] == "llama"
    assert header.fields["llama.context_length"] == 2048
    assert (
        header.fields["tokenizer.ggml.tokens"]
        == reference.fields["tokenizer.ggml.tokens"].contents()
    )
    assert header.fields["tokenizer.ggml.scores"] is None  # skipped, not kept
    assert [t.name for t in header.tensors] == [t.name for t in reference.tensors]
    assert [t.n_elements for t in header.tensors] == [int(t.n_elements) for t in reference.tensors]
    for mine, theirs in zip(header.tensors, reference.tensors, strict=True):
        assert header.data_start + mine.offset == theirs.data_offset
        assert mine.n_bytes() == theirs.n_bytes


def test_nested_and_numeric_arrays_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "arrays.gguf"
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_array("test.numbers", [1, 2, 3])
    writer.add_array("test.words", ["a", "bb", "知识库"])
    writer.add_string("test.after", "still read")
    writer.add_tensor("w", np.zeros((2, 3), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    header = read_header(path, keep_arrays=frozenset({"test.words"}))
    assert header.fields["test.after"] == "still read"
    assert header.fields["test.words"] == ["a", "bb", "知识库"]
    assert header.tensors[0].shape == (3, 2)


@pytest.mark.parametrize("cut", [3, 8, 30, 200, 1000])
def test_a_cut_header_raises_header_error(tmp_path: Path, cut: int) -> None:
    data = build_tiny_gguf(tmp_path / "m.gguf").read_bytes()
    broken = tmp_path / "cut.gguf"
    broken.write_bytes(data[:cut])
    with pytest.raises(HeaderError):
        read_header(broken)


def test_garbage_counts_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.gguf"
    path.write_bytes(b"GGUF" + (3).to_bytes(4, "little") + (2**62).to_bytes(8, "little") * 2)
    with pytest.raises(HeaderError, match="implausible"):
        read_header(path)
