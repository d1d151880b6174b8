"""A local model's facts for a list: metadata, memory estimate, and what GPU offload does.

Combines the GGUF metadata (`LocalModel.info`), the memory estimate (`memory`) and the
llama.cpp build's facts (`providers.llama.build.build_info`, a dict) into one record per
model, for the CLI's model list and the app's models page. Any thread; reads the file's
header.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core import errors
from desktop.core.models.memory import MemoryEstimate, estimate_memory
from desktop.core.providers.llama.build import auto_gpu_layers
from desktop.core.providers.local import LocalModel

_GPU_TYPES = ("GPU", "integrated GPU")


@dataclass(frozen=True)
class Gpu:
    """A device llama.cpp can offload to, with its memory in bytes."""

    name: str
    description: str
    memory_free: int
    memory_total: int


def offload_gpu(build: dict[str, Any]) -> Gpu | None:
    """The GPU `gpu_layers: auto` offloads to on this build (most free memory), or None."""
    if not build.get("gpu_offload"):
        return None
    found = [
        Gpu(
            str(d.get("name", "")),
            str(d.get("description", "")),
            int(d.get("memory_free") or 0),
            int(d.get("memory_total") or 0),
        )
        for d in build.get("devices", [])
        if d.get("type") in _GPU_TYPES
    ]
    return max(found, key=lambda g: g.memory_free) if found else None


@dataclass(frozen=True)
class ModelFacts:
    """One model as a list shows it.

    `gpu_layers_auto` is what `gpu_layers: auto` offloads (None when the build is not
    known or the model is unusable); `gpu` the device it offloads to.
    """

    model: LocalModel
    estimate: MemoryEstimate | None
    gpu_layers_auto: int | None
    gpu: Gpu | None

    @property
    def block_count(self) -> int | None:
        return self.model.info.block_count if self.model.info is not None else None

    @property
    def fits_gpu(self) -> bool | None:
        """Whether weights and KV cache fit the GPU's free memory (None without a GPU)."""
        if self.gpu is None or self.estimate is None or not self.gpu_layers_auto:
            return None
        return self.estimate.weights + self.estimate.kv_cache <= self.gpu.memory_free

    def to_dict(self) -> dict[str, Any]:
        data = self.model.to_dict()
        data["memory_estimate"] = self.estimate.to_dict() if self.estimate else None
        if self.gpu_layers_auto is not None:
            data["gpu_layers_auto"] = self.gpu_layers_auto
        return data


def model_facts(model: LocalModel, build: dict[str, Any]) -> ModelFacts:
    """`model`'s facts; `build` is `build_info`'s dict, or {} when it is not known."""
    if model.info is None:
        return ModelFacts(model, None, None, None)
    try:
        estimate: MemoryEstimate | None = estimate_memory(model.path)
    except errors.ModelFileError:
        estimate = None
    layers = auto_gpu_layers(build, model.info.block_count) if build else None
    return ModelFacts(model, estimate, layers, offload_gpu(build) if build else None)
