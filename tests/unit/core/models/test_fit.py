"""A local model against this machine: RAM, and video memory where the build offloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.models.fit import file_fit, gpus, model_fit
from desktop.core.models.memory import Ram
from desktop.core.providers.gguf_info import GgufInfo, read_gguf_info
from tests.unit.core.models.test_memory import QWEN_7B

GB = 1000**3
INFO = GgufInfo(
    path="/models/qwen.gguf",
    file_size=4 * GB,
    architecture="qwen2",
    name="Qwen",
    context_length=32768,
    chat_template="{{ x }}",
    quantization="Q4_K_M",
    parameter_count=7_000_000_000,
    embedding=False,
    known_architecture=True,
    block_count=28,
)
CPU_ONLY: dict[str, Any] = {"gpu_offload": False, "devices": [{"type": "CPU", "name": "CPU"}]}
ONE_GPU: dict[str, Any] = {
    "gpu_offload": True,
    "devices": [
        {"type": "CPU", "name": "CPU", "memory_free": 1, "memory_total": 1},
        {
            "type": "GPU",
            "name": "CUDA0",
            "description": "H200",
            "memory_free": 2 * GB,
            "memory_total": 80 * GB,
        },
    ],
}
ROOMY = Ram(64 * GB, 48 * GB)


def test_a_cpu_only_build_keeps_everything_in_ram() -> None:
    fit = model_fit(INFO, QWEN_7B, ROOMY, CPU_ONLY)
    assert gpus(CPU_ONLY) == [] and fit.offloaded == 0 and fit.vram_needed == 0
    assert fit.ram_needed == fit.memory.total and fit.fits_ram and fit.fits_vram
    assert fit.memory.context == 4096  # the app's loading window


def test_auto_offloads_every_layer_and_compares_with_free_vram() -> None:
    fit = model_fit(INFO, QWEN_7B, ROOMY, ONE_GPU, context=8192)
    assert [g.name for g in fit.gpus] == ["CUDA0"] and fit.vram_free == 2 * GB
    assert fit.offloaded == fit.layers == 28
    assert fit.vram_needed == fit.memory.weights + fit.memory.kv_cache
    assert not fit.fits_vram  # 4 GB of weights do not go into 2 GB free


def test_some_layers_take_their_share() -> None:
    fit = model_fit(INFO, QWEN_7B, ROOMY, ONE_GPU, gpu_layers=7)
    assert fit.offloaded == 7
    assert fit.vram_needed == (fit.memory.weights + fit.memory.kv_cache) // 4
    assert model_fit(INFO, QWEN_7B, ROOMY, ONE_GPU, gpu_layers=0).vram_needed == 0
    assert model_fit(INFO, QWEN_7B, ROOMY, ONE_GPU, gpu_layers=-1).offloaded == 28


def test_too_little_ram_is_said() -> None:
    fit = model_fit(INFO, QWEN_7B, Ram(8 * GB, 2 * GB), CPU_ONLY)
    assert not fit.fits_ram


def test_a_real_file(tiny_gguf: Path) -> None:
    fit = file_fit(read_gguf_info(tiny_gguf), CPU_ONLY, context=512, ram=lambda: ROOMY)
    assert fit.memory.context == 512 and fit.memory.weights == tiny_gguf.stat().st_size
    assert fit.memory.kv_cache > 0


def test_a_file_gone_is_a_model_error(tiny_gguf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "gone.gguf"
    copy.write_bytes(tiny_gguf.read_bytes())
    info = read_gguf_info(copy)
    copy.unlink()
    with pytest.raises(errors.ModelFileError, match=r"gone\.gguf"):
        file_fit(info, CPU_ONLY)
