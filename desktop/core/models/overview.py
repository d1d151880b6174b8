"""A local model's facts for a list: metadata, and how it fits this machine with `auto`.

Pairs each found GGUF (`LocalModel`) with its fit (`models.fit`: the memory estimate,
and what `gpu_layers: auto` offloads with the llama.cpp build's facts), for the CLI's
model list and the app's models page. Any thread; reads the file's header.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core import errors
from desktop.core.models.fit import Gpu, ModelFit, file_fit
from desktop.core.models.memory import MemoryEstimate
from desktop.core.providers.local import LocalModel


@dataclass(frozen=True)
class ModelFacts:
    """One model as a list shows it.

    `fit` is None for a file that cannot be used; `build_known` says whether the
    llama.cpp build's facts were there, without which what `auto` offloads is unknown.
    """

    model: LocalModel
    fit: ModelFit | None
    build_known: bool

    @property
    def estimate(self) -> MemoryEstimate | None:
        return self.fit.memory if self.fit is not None else None

    @property
    def block_count(self) -> int | None:
        return self.model.info.block_count if self.model.info is not None else None

    @property
    def gpu_layers_auto(self) -> int | None:
        """The layers `gpu_layers: auto` offloads here (None when that is not known)."""
        return self.fit.offloaded if self.fit is not None and self.build_known else None

    @property
    def gpus(self) -> list[Gpu]:
        return self.fit.gpus if self.fit is not None else []

    @property
    def fits_gpu(self) -> bool | None:
        """Whether what `auto` offloads fits the GPUs' free memory (None if nothing goes)."""
        if self.fit is None or not self.fit.offloaded:
            return None
        return self.fit.fits_vram

    def to_dict(self) -> dict[str, Any]:
        data = self.model.to_dict()
        data["memory_estimate"] = self.estimate.to_dict() if self.estimate else None
        if self.gpu_layers_auto is not None:
            data["gpu_layers_auto"] = self.gpu_layers_auto
        return data


def model_facts(model: LocalModel, build: dict[str, Any]) -> ModelFacts:
    """`model`'s facts; `build` is `build_info`'s dict, or {} when it is not known."""
    if model.info is None:
        return ModelFacts(model, None, bool(build))
    try:
        fit: ModelFit | None = file_fit(model.info, build)
    except errors.ModelFileError:
        fit = None
    return ModelFacts(model, fit, bool(build))
