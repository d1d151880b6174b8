"""What the installed llama.cpp build can do here: CPU features, GPU offload, devices.

Asked of a short-lived model host, so that the app never loads llama.cpp itself, and
kept in the cache folder until the installed library changes (a rebuild, an upgrade):
listing models should not start a process each time. `fresh=True` asks again, for
current free memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

from desktop.core.providers.llama import wire
from desktop.core.providers.llama.client import HostProcess

_CACHE_NAME = "llama-build.json"


def library_fingerprint() -> str:
    """Changes whenever the installed llama-cpp-python's native libraries change."""
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or not spec.submodule_search_locations:
        return "missing"
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
    digest = hashlib.sha256(str(lib).encode())
    with contextlib.suppress(OSError):
        for item in sorted(lib.iterdir()):
            stat = item.stat()
            digest.update(f"{item.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def build_info(cache_dir: Path | None = None, fresh: bool = False) -> dict[str, Any]:
    """The build's facts (see `server.model.build_info`), from the cache where it is current.

    Raises:
        errors.ModelCrashedError: the host could not even start llama.cpp.
    """
    fingerprint = library_fingerprint()
    cached = cache_dir / _CACHE_NAME if cache_dir is not None else None
    if cached is not None and not fresh:
        with contextlib.suppress(OSError, ValueError):
            kept = json.loads(cached.read_text(encoding="utf-8"))
            if kept.get("fingerprint") == fingerprint:
                return dict(kept["info"])
    process = HostProcess("no model")
    try:
        info: dict[str, Any] = process.call(wire.INFO)
    finally:
        process.close()
    if cached is not None:
        with contextlib.suppress(OSError):
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps({"fingerprint": fingerprint, "info": info}), "utf-8")
    return info


def auto_gpu_layers(info: dict[str, Any], block_count: int | None) -> int:
    """What `gpu_layers: auto` offloads on this build: every layer with a GPU, else none."""
    return (block_count or 0) if info.get("gpu_offload") else 0


def cpu_features(info: dict[str, Any]) -> list[str]:
    """The instruction sets the build uses (`AVX2`, `AVX512`, `AMX_INT8`, ...)."""
    text = str(info.get("system_info", ""))
    return [
        part.split("=")[0].strip().removeprefix("CPU :").strip()
        for part in text.split("|")
        if part.strip().endswith("= 1")
    ]


def describe(info: dict[str, Any]) -> list[str]:
    """The build in a few plain lines, for the doctor command, the app and benchmarks."""
    features = cpu_features(info)
    lines = [
        f"llama.cpp: llama-cpp-python {info.get('llama_cpp_python', '?')}",
        f"CPU features: {', '.join(features) or 'none reported'}",
    ]
    gpus = [d for d in info.get("devices", []) if d["type"] in ("GPU", "integrated GPU")]
    if info.get("gpu_offload") and gpus:
        for gpu in gpus:
            free = gpu["memory_free"] / 1024**3
            total = gpu["memory_total"] / 1024**3
            lines.append(
                f"GPU offload: {gpu['name']} ({gpu['description']}), "
                f"{free:.1f} of {total:.1f} GiB free; gpu_layers auto offloads every layer"
            )
    else:
        lines.append(
            "GPU offload: none (a CPU-only build); gpu_layers auto keeps every layer on the "
            "CPU. See the README to build with CUDA, Metal or Vulkan."
        )
    if any(f.startswith("AMX") for f in features):
        lines.append(
            "Warning: this build uses AMX kernels, which crash quantized models on some "
            "machines: see the README's 'If a model crashes'."
        )
    return lines
