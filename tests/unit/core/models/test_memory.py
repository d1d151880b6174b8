from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.models.memory import (
    Ram,
    default_context,
    estimate,
    estimate_memory,
    kv_cache_bytes,
)

GB = 1000**3
# Qwen2.5-7B-Instruct's attention shape (28 layers, GQA 28/4, width 3584).
QWEN_7B: dict[str, Any] = {
    "general.architecture": "qwen2",
    "qwen2.block_count": 28,
    "qwen2.attention.head_count": 28,
    "qwen2.attention.head_count_kv": 4,
    "qwen2.embedding_length": 3584,
    "qwen2.context_length": 32768,
}


def test_kv_cache_of_a_known_model_shape() -> None:
    # 28 layers x 4 KV heads x (128 + 128) dims x 2 bytes = 56 KiB per position.
    assert kv_cache_bytes(QWEN_7B, 4096) == 28 * 4 * 256 * 2 * 4096 == 224 * 1024**2


def test_explicit_key_and_value_lengths_win_over_width_by_heads() -> None:
    fields = {**QWEN_7B, "qwen2.attention.key_length": 256, "qwen2.attention.value_length": 64}
    assert kv_cache_bytes(fields, 1) == 28 * 4 * (256 + 64) * 2


def test_missing_metadata_means_no_kv_estimate() -> None:
    assert kv_cache_bytes({"general.architecture": "mystery"}, 4096) == 0


def test_default_context_is_the_apps_loading_window() -> None:
    assert default_context(QWEN_7B) == 4096
    assert default_context({**QWEN_7B, "qwen2.context_length": 2048}) == 2048
    assert default_context({**QWEN_7B, "qwen2.pooling_type": 1}) == 2048


def test_the_tiny_model_fits_and_its_numbers_add_up(tiny_gguf: Path) -> None:
    result = estimate_memory(tiny_gguf, ram=lambda: Ram(16 * GB, 8 * GB))
    assert result.context == 2048  # the tiny model's trained window, below the default
    assert result.weights == tiny_gguf.stat().st_size
    # 2 layers x 4 KV heads x (16 + 16) dims x 2 bytes x 2048 positions
    assert result.kv_cache == 2 * 4 * 32 * 2 * 2048
    assert result.total == result.weights + result.kv_cache + result.overhead
    assert result.warning is None and "2,048 tokens" in result.summary()
    assert result.to_dict()["total"] == result.total


def test_more_than_the_free_memory_warns_with_the_numbers() -> None:
    result = estimate(4_700_000_000, QWEN_7B, 32768, Ram(8 * GB, 3 * GB), "qwen.gguf")
    assert result.warning is not None
    assert "qwen.gguf at 32,768 tokens" in result.warning
    assert "only 3.0 GB of 8.0 GB is free" in result.warning
    assert "lower the context size" in result.warning


def test_most_of_the_machines_ram_warns_even_when_it_is_free() -> None:
    result = estimate(3_000_000_000, QWEN_7B, 4096, Ram(4 * GB, 4 * GB))
    assert result.warning is not None and "more than 80%" in result.warning


def test_a_comfortable_fit_has_no_warning() -> None:
    assert estimate(1_000_000_000, QWEN_7B, 4096, Ram(16 * GB, 12 * GB)).warning is None


def test_a_file_that_is_not_a_gguf_is_a_model_file_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.gguf"
    junk.write_text("<html>")
    with pytest.raises(errors.ModelFileError, match="memory estimate"):
        estimate_memory(junk)
