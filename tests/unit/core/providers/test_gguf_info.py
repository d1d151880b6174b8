"""Tests for desktop/core/providers/gguf_info.py: metadata of real and damaged GGUF files."""

from __future__ import annotations

import struct
from pathlib import Path

import gguf
import numpy as np
import pytest

from desktop.core import errors
from desktop.core.providers.gguf_info import GgufInfo, read_gguf_info
from tests.helpers.shared_data import SHARED_DATA
from tests.helpers.tiny_gguf import CHATML_TEMPLATE, TinySpec, build_tiny_gguf

VOCAB_DIR = SHARED_DATA / "templates" / "vocab-gguf"


def header_end(path: Path) -> int:
    """Where the tensor data starts: everything before it is header and metadata."""
    reader = gguf.GGUFReader(path, "r")
    return min(t.data_offset for t in reader.tensors)


def write_minimal_gguf(path: Path, architecture: str, tensor_dtype: type = np.float16) -> Path:
    """A GGUF with one 2-D tensor and no file type, context length or template."""
    writer = gguf.GGUFWriter(str(path), architecture)
    writer.add_tensor("token_embd.weight", np.zeros((8, 4), dtype=tensor_dtype))
    writer.add_tensor("output_norm.weight", np.ones(4, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def expect_file_error(path: Path) -> str:
    """Read `path`, which must fail with ModelFileError (and no other exception type)."""
    with pytest.raises(errors.ModelFileError) as caught:
        read_gguf_info(path)
    assert caught.value.code == "model_file_invalid"
    return caught.value.message


# -- a good file -----------------------------------------------------------------------------


def test_tiny_model_metadata(tiny_gguf: Path) -> None:
    info = read_gguf_info(tiny_gguf)

    assert isinstance(info, GgufInfo)
    assert info.path == str(tiny_gguf)
    assert info.file_size == tiny_gguf.stat().st_size > 0
    assert info.architecture == "llama"
    assert info.known_architecture is True
    assert info.name == "tiny-random"
    assert info.context_length == TinySpec().context_length
    assert info.chat_template == CHATML_TEMPLATE
    assert info.quantization == "F32"
    assert info.embedding is False


def test_parameter_count_sums_every_tensor(tiny_gguf: Path) -> None:
    spec = TinySpec()
    vocab = 5 + 256
    kv = spec.n_embd // spec.n_head * spec.n_head_kv
    per_layer = (
        2 * spec.n_embd
        + spec.n_embd * spec.n_embd * 2
        + kv * spec.n_embd * 2
        + spec.n_ff * spec.n_embd * 3
    )
    expected = vocab * spec.n_embd * 2 + spec.n_embd + spec.n_layer * per_layer

    assert read_gguf_info(tiny_gguf).parameter_count == expected > 0


def test_context_length_and_name_come_from_the_file(tmp_path: Path) -> None:
    path = build_tiny_gguf(tmp_path / "m.gguf", TinySpec(context_length=512, name="Other 名字"))

    info = read_gguf_info(path)

    assert info.context_length == 512
    assert info.name == "Other 名字"


def test_half_precision_model_reports_f16(tmp_path: Path) -> None:
    path = build_tiny_gguf(tmp_path / "half.gguf", TinySpec(dtype=np.float16))

    assert read_gguf_info(path).quantization == "F16"


def test_quantization_falls_back_to_the_main_tensor_type(tmp_path: Path) -> None:
    path = write_minimal_gguf(tmp_path / "bare.gguf", "llama", np.float16)

    info = read_gguf_info(path)

    assert info.quantization == "F16"
    assert info.context_length is None
    assert info.chat_template is None
    assert info.name == "bare"
    assert info.parameter_count == 8 * 4 + 4


def test_embedding_model_is_flagged(tmp_path: Path) -> None:
    path = build_tiny_gguf(tmp_path / "embed.gguf", TinySpec(embedding=True, chat_template=None))

    info = read_gguf_info(path)

    assert info.embedding is True
    assert info.chat_template is None


def test_encoder_architectures_are_embedding_models(tmp_path: Path) -> None:
    path = write_minimal_gguf(tmp_path / "bert.gguf", "bert")

    info = read_gguf_info(path)

    assert (info.architecture, info.embedding, info.known_architecture) == ("bert", True, True)


def test_unknown_architecture_is_read_and_flagged(tmp_path: Path) -> None:
    path = build_tiny_gguf(tmp_path / "odd.gguf", TinySpec(architecture="notanarch"))

    info = read_gguf_info(path)

    assert info.architecture == "notanarch"
    assert info.known_architecture is False
    assert info.context_length == TinySpec().context_length
    assert info.parameter_count > 0


def test_to_dict_holds_every_field(tiny_gguf: Path) -> None:
    data = read_gguf_info(tiny_gguf).to_dict()

    assert data["architecture"] == "llama"
    assert data["file_size"] == tiny_gguf.stat().st_size
    assert data["block_count"] == 2
    assert set(data) == {
        "path",
        "file_size",
        "architecture",
        "name",
        "context_length",
        "chat_template",
        "quantization",
        "parameter_count",
        "embedding",
        "known_architecture",
        "block_count",
    }


# -- files that are not usable ---------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.gguf"

    message = expect_file_error(path)

    assert "not found" in message
    assert str(path) in message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.gguf"
    path.touch()

    message = expect_file_error(path)

    assert "empty.gguf is empty (0 bytes)" in message
    assert "download it again" in message


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html>Not found</html>",
        b"version https://git-lfs.github.com/spec/v1\n",
        b"GG",
    ],
    ids=["web-page", "lfs-pointer", "two-bytes"],
)
def test_a_file_that_is_not_a_gguf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(content)

    message = expect_file_error(path)

    assert "model.gguf is not a GGUF model file" in message
    assert "Download the .gguf file itself" in message


def test_a_folder_named_like_a_model(tmp_path: Path) -> None:
    path = tmp_path / "folder.gguf"
    path.mkdir()

    message = expect_file_error(path)

    assert "Cannot read" in message


@pytest.mark.parametrize(
    "where", ["10-bytes", "half-header", "header-only", "half-file", "one-byte-short"]
)
def test_truncated_file(tiny_gguf: Path, tmp_path: Path, where: str) -> None:
    data = tiny_gguf.read_bytes()
    end = header_end(tiny_gguf)
    cut = {
        "10-bytes": 10,
        "half-header": end // 2,
        "header-only": end,
        "half-file": len(data) // 2,
        "one-byte-short": len(data) - 1,
    }[where]
    path = tmp_path / "cut.gguf"
    path.write_bytes(data[:cut])

    message = expect_file_error(path)

    assert "cut.gguf" in message
    assert "truncated" in message
    assert "download it again" in message.lower()


def test_a_header_with_impossible_counts(tmp_path: Path) -> None:
    path = tmp_path / "counts.gguf"
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 2**62, 2**62))

    expect_file_error(path)


def test_an_unsupported_gguf_version(tmp_path: Path) -> None:
    path = tmp_path / "v1.gguf"
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 1, 0, 0))

    assert "damaged" in expect_file_error(path)


def test_a_gguf_without_architecture(tmp_path: Path) -> None:
    path = tmp_path / "noarch.gguf"
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 0))

    assert "no general.architecture" in expect_file_error(path)


def test_invalid_utf8_in_the_chat_template_never_raises_another_error(
    tiny_gguf: Path, tmp_path: Path
) -> None:
    data = bytearray(tiny_gguf.read_bytes())
    at = data.find(CHATML_TEMPLATE.encode()[:20])
    assert at > 0
    data[at : at + 4] = b"\xff\xfe\xff\xfe"
    path = tmp_path / "badtext.gguf"
    path.write_bytes(bytes(data))

    try:
        info = read_gguf_info(path)
    except errors.ModelFileError as exc:
        assert "badtext.gguf" in exc.message
    else:
        assert info.chat_template is not None
        assert info.chat_template.endswith(CHATML_TEMPLATE[4:])


@pytest.mark.parametrize("fill", [b"\xff" * 8, b"\x00" * 8], ids=["ones", "zeros"])
def test_damaged_header_bytes_never_raise_another_error(
    tiny_gguf: Path, tmp_path: Path, fill: bytes
) -> None:
    data = tiny_gguf.read_bytes()
    end = header_end(tiny_gguf)
    path = tmp_path / "damaged.gguf"
    for offset in range(4, end, max(end // 60, 1)):
        path.write_bytes(data[:offset] + fill + data[offset + len(fill) :])
        try:
            info = read_gguf_info(path)
        except errors.ModelFileError:
            continue
        assert info.file_size == len(data)


# -- shared vocabulary-only files ------------------------------------------------------------


@pytest.mark.skipif(not VOCAB_DIR.is_dir(), reason="shared vocab-only GGUF files are absent")
def test_vocab_only_files_are_refused_with_a_reason() -> None:
    files = sorted(VOCAB_DIR.glob("*.gguf"))
    assert files
    for path in files:
        with pytest.raises(errors.ModelFileError) as caught:
            read_gguf_info(path)
        assert path.name in caught.value.message
        assert "no weights" in caught.value.message
