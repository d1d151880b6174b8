"""How much memory a GGUF model needs at a context size, against this machine's RAM."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

import psutil

from desktop.core import errors
from desktop.core.providers.factory import DEFAULT_LOCAL_CONTEXT
from desktop.core.providers.gguf_header import HeaderError, read_header
from desktop.core.units import human_size

# The estimate is weights (the file is mapped whole) + the KV cache (f16 keys and values for
# every layer and position, from the GGUF's attention metadata) + a modest allowance for
# llama.cpp's compute buffers. It is a planning figure, not a promise: GPU offload moves part
# of it to video memory, and sliding-window or recurrent models need less cache.

# The embedder loads models with this window (providers/llama/embed.py).
DEFAULT_EMBEDDING_CONTEXT = 2048
_F16_BYTES = 2
_BASE_OVERHEAD = 128 * 1024**2
_OVERHEAD_SHARE = 20  # plus 5% of the weights
# Above this share of all RAM the system starts swapping other programs out.
_TOTAL_SHARE_WARNING = 0.8


class Ram(NamedTuple):
    total: int
    available: int


def machine_ram() -> Ram:
    memory = psutil.virtual_memory()
    return Ram(int(memory.total), int(memory.available))


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes needed to run a model at `context` tokens, and whether this machine has them."""

    context: int
    weights: int
    kv_cache: int
    overhead: int
    ram_total: int
    ram_available: int
    warning: str | None

    @property
    def total(self) -> int:
        return self.weights + self.kv_cache + self.overhead

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total": self.total}

    def summary(self) -> str:
        return (
            f"about {human_size(self.total)} at {self.context:,} tokens of context "
            f"(weights {human_size(self.weights)}, KV cache {human_size(self.kv_cache)}); "
            f"{human_size(self.ram_available)} of {human_size(self.ram_total)} RAM is free"
        )


def _int(fields: Mapping[str, Any], key: str) -> int | None:
    value = fields.get(key)
    # Per-layer arrays are not read from the header; callers fall back to a scalar.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def kv_cache_bytes(fields: Mapping[str, Any], context: int) -> int:
    """f16 K and V for every layer at `context` positions; 0 when the metadata is missing."""
    arch = str(fields.get("general.architecture") or "")
    layers = _int(fields, f"{arch}.block_count")
    heads = _int(fields, f"{arch}.attention.head_count")
    kv_heads = _int(fields, f"{arch}.attention.head_count_kv") or heads
    width = _int(fields, f"{arch}.embedding_length")
    if not layers or not heads or not kv_heads or not width:
        return 0
    head_dim = width // heads
    key_dim = _int(fields, f"{arch}.attention.key_length") or head_dim
    value_dim = _int(fields, f"{arch}.attention.value_length") or head_dim
    per_position = layers * kv_heads * (key_dim + value_dim) * _F16_BYTES
    return per_position * context


def default_context(fields: Mapping[str, Any]) -> int:
    """The window the app loads this model with when a GPT sets none."""
    arch = str(fields.get("general.architecture") or "")
    embedding = f"{arch}.pooling_type" in fields
    wanted = DEFAULT_EMBEDDING_CONTEXT if embedding else DEFAULT_LOCAL_CONTEXT
    trained = _int(fields, f"{arch}.context_length")
    return min(wanted, trained) if trained else wanted


def estimate(
    weights: int,
    fields: Mapping[str, Any],
    context: int,
    ram: Ram,
    name: str = "this model",
) -> MemoryEstimate:
    """The estimate from metadata alone (pure: no file, no machine)."""
    kv_cache = kv_cache_bytes(fields, context)
    overhead = _BASE_OVERHEAD + weights // _OVERHEAD_SHARE
    total = weights + kv_cache + overhead
    warning = None
    if total > ram.available:
        warning = (
            f"Running {name} at {context:,} tokens of context needs about {human_size(total)} "
            f"of memory, but only {human_size(ram.available)} of {human_size(ram.total)} is "
            "free. Close other programs, choose a smaller model or quantization, or lower the "
            "context size."
        )
    elif total > ram.total * _TOTAL_SHARE_WARNING:
        warning = (
            f"Running {name} at {context:,} tokens of context needs about {human_size(total)}, "
            f"more than {_TOTAL_SHARE_WARNING:.0%} of this machine's {human_size(ram.total)} "
            "of RAM; it may be slow while other programs compete for memory."
        )
    return MemoryEstimate(context, weights, kv_cache, overhead, ram.total, ram.available, warning)


def estimate_memory(
    path: Path, context: int | None = None, *, ram: Callable[[], Ram] | None = None
) -> MemoryEstimate:
    """Estimate for the GGUF at `path`; `context` defaults to the app's loading window."""
    try:
        header = read_header(path)
        weights = path.stat().st_size
    except (HeaderError, OSError) as exc:
        raise errors.ModelFileError(
            errors.said(
                "Cannot read {name} for a memory estimate: {reason}", name=path.name, reason=exc
            )
        ) from None
    window = context or default_context(header.fields)
    return estimate(weights, header.fields, window, (ram or machine_ram)(), path.name)
