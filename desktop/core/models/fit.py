"""Whether a local model fits this machine: its memory estimate against free RAM and VRAM.

`model_fit` combines the RAM estimate (`memory.estimate`) with what the llama.cpp build
offloads (`build_info`: GPU devices and their free memory) for a GPT's context size and
GPU layers. `model_fit` is pure; `file_fit` reads the file's header and this machine's
RAM. Get the build off the GUI thread: it may start a short-lived model host once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from desktop.core import errors
from desktop.core.models.memory import (
    MemoryEstimate,
    Ram,
    default_context,
    estimate,
    machine_ram,
)
from desktop.core.providers.gguf_header import HeaderError, read_header
from desktop.core.providers.gguf_info import GgufInfo
from desktop.core.providers.llama.build import auto_gpu_layers

GPU_TYPES = ("GPU", "integrated GPU")


@dataclass(frozen=True)
class Gpu:
    """A device llama.cpp can offload to, with its memory when asked."""

    name: str
    description: str
    free: int
    total: int


def gpus(build: Mapping[str, Any]) -> list[Gpu]:
    """The GPUs a build offloads to (none for a CPU-only build)."""
    if not build.get("gpu_offload"):
        return []
    return [
        Gpu(
            str(d.get("name", "")),
            str(d.get("description", "")),
            int(d.get("memory_free") or 0),
            int(d.get("memory_total") or 0),
        )
        for d in build.get("devices", [])
        if d.get("type") in GPU_TYPES
    ]


@dataclass(frozen=True)
class ModelFit:
    """A model at a context size and GPU layers on this machine.

    `memory` is the whole estimate (as if every byte were in RAM); `offloaded` of
    `layers` go to the GPUs, taking about `vram_needed` bytes of their `vram_free`, and
    the rest (`ram_needed`) stays in RAM.
    """

    memory: MemoryEstimate
    layers: int
    offloaded: int
    gpus: list[Gpu]
    vram_needed: int

    @property
    def vram_free(self) -> int:
        return sum(g.free for g in self.gpus)

    @property
    def ram_needed(self) -> int:
        return self.memory.total - self.vram_needed

    @property
    def fits_ram(self) -> bool:
        return self.ram_needed <= self.memory.ram_available

    @property
    def fits_vram(self) -> bool:
        return self.vram_needed <= self.vram_free


def model_fit(
    info: GgufInfo,
    fields: Mapping[str, Any],
    ram: Ram,
    build: Mapping[str, Any],
    context: int | None = None,
    gpu_layers: int | Literal["auto"] = "auto",
) -> ModelFit:
    """How a model (its GGUF `info` and header `fields`) fits at `context` and `gpu_layers`.

    `context` None is the window the app loads the model with; `gpu_layers` "auto" is
    what the build offloads by itself, -1 every layer, N the first N.
    """
    window = context or default_context(fields)
    memory = estimate(info.file_size, fields, window, ram, info.name or "this model")
    layers = info.block_count or 0
    devices = gpus(build)
    if not devices:
        offloaded = 0
    elif gpu_layers == "auto":
        offloaded = auto_gpu_layers(dict(build), info.block_count)
    elif gpu_layers < 0:
        offloaded = layers
    else:
        offloaded = min(gpu_layers, layers)
    share = offloaded / layers if layers else 0.0
    vram_needed = int((memory.weights + memory.kv_cache) * share)
    return ModelFit(memory, layers, offloaded, devices, vram_needed)


def file_fit(
    info: GgufInfo,
    build: Mapping[str, Any],
    context: int | None = None,
    gpu_layers: int | Literal["auto"] = "auto",
    ram: Callable[[], Ram] = machine_ram,
) -> ModelFit:
    """`model_fit` for the GGUF at `info.path`, reading its header and this machine's RAM.

    Raises:
        errors.ModelFileError: the file cannot be read any more.
    """
    path = Path(info.path)
    try:
        fields = read_header(path).fields
    except (HeaderError, OSError) as exc:
        raise errors.ModelFileError(
            errors.said(
                "Cannot read {name} for a memory estimate: {reason}", name=path.name, reason=exc
            )
        ) from None
    return model_fit(info, fields, ram(), build, context, gpu_layers)
