"""Tests for desktop/core/models/overview.py: a model's facts with the build's GPU."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.models.overview import model_facts, offload_gpu
from desktop.core.providers.local import LocalModels

GPU = {"type": "GPU", "name": "CUDA0", "description": "NVIDIA H200"}
CPU_ONLY: dict[str, Any] = {"gpu_offload": False, "devices": [{"type": "CPU", "name": "CPU"}]}


def build(free: int) -> dict[str, Any]:
    small = {**GPU, "name": "Vulkan1", "memory_free": 1, "memory_total": 2}
    return {
        "gpu_offload": True,
        "devices": [small, {**GPU, "memory_free": free, "memory_total": free * 2}],
    }


def test_auto_offloads_every_layer_to_the_gpu_with_most_free_memory(tiny_gguf: Path) -> None:
    model = LocalModels([tiny_gguf.parent]).resolve(str(tiny_gguf))
    facts = model_facts(model, build(10**12))
    assert facts.gpu is not None and facts.gpu.name == "CUDA0"
    assert facts.gpu_layers_auto == facts.block_count == 2
    assert facts.fits_gpu is True
    assert facts.to_dict()["gpu_layers_auto"] == 2
    assert facts.to_dict()["memory_estimate"]["total"] == facts.estimate.total  # type: ignore[union-attr]
    assert model_facts(model, build(1000)).fits_gpu is False


def test_a_cpu_only_or_unknown_build_offloads_nothing(tiny_gguf: Path) -> None:
    model = LocalModels([tiny_gguf.parent]).resolve(str(tiny_gguf))
    cpu = model_facts(model, CPU_ONLY)
    assert (cpu.gpu_layers_auto, cpu.gpu, cpu.fits_gpu) == (0, None, None)
    unknown = model_facts(model, {})
    assert unknown.gpu_layers_auto is None and "gpu_layers_auto" not in unknown.to_dict()
    assert offload_gpu(CPU_ONLY) is None
    assert offload_gpu({"gpu_offload": True, "devices": []}) is None


def test_an_unusable_file_has_no_estimate(tmp_path: Path) -> None:
    (tmp_path / "broken.gguf").write_text("not a model")
    [model] = LocalModels([tmp_path]).list()
    facts = model_facts(model, build(10**12))
    assert (facts.estimate, facts.gpu_layers_auto, facts.block_count) == (None, None, None)
