"""Tests for desktop/core/models/overview.py: a model's facts with the build's GPUs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.models.overview import model_facts
from desktop.core.providers.local import LocalModels

GPU = {"type": "GPU", "name": "CUDA0", "description": "NVIDIA H200"}
CPU_ONLY: dict[str, Any] = {"gpu_offload": False, "devices": [{"type": "CPU", "name": "CPU"}]}


def build(free: int) -> dict[str, Any]:
    return {"gpu_offload": True, "devices": [{**GPU, "memory_free": free, "memory_total": free}]}


def test_auto_offloads_every_layer_and_says_whether_it_fits(tiny_gguf: Path) -> None:
    model = LocalModels([tiny_gguf.parent]).resolve(str(tiny_gguf))
    facts = model_facts(model, build(10**12))
    assert [g.name for g in facts.gpus] == ["CUDA0"]
    assert facts.gpu_layers_auto == facts.block_count == 2
    assert facts.fits_gpu is True
    data = facts.to_dict()
    assert data["gpu_layers_auto"] == 2
    assert facts.estimate is not None and data["memory_estimate"]["total"] == facts.estimate.total
    assert model_facts(model, build(1000)).fits_gpu is False


def test_a_cpu_only_or_unknown_build_offloads_nothing(tiny_gguf: Path) -> None:
    model = LocalModels([tiny_gguf.parent]).resolve(str(tiny_gguf))
    cpu = model_facts(model, CPU_ONLY)
    assert (cpu.gpu_layers_auto, cpu.gpus, cpu.fits_gpu) == (0, [], None)
    assert cpu.estimate is not None
    unknown = model_facts(model, {})
    assert unknown.gpu_layers_auto is None and "gpu_layers_auto" not in unknown.to_dict()


def test_an_unusable_file_has_no_estimate(tmp_path: Path) -> None:
    (tmp_path / "broken.gguf").write_text("not a model")
    [model] = LocalModels([tmp_path]).list()
    facts = model_facts(model, build(10**12))
    assert (facts.estimate, facts.gpu_layers_auto, facts.block_count) == (None, None, None)
    assert facts.to_dict()["memory_estimate"] is None
