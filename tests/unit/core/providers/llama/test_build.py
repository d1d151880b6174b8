"""Reading a llama.cpp build's facts: CPU features, what gpu_layers auto offloads, words."""

from __future__ import annotations

from typing import Any

from desktop.core.providers.llama.build import auto_gpu_layers, cpu_features, describe

CPU_ONLY: dict[str, Any] = {
    "llama_cpp_python": "0.3.36",
    "system_info": "CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | AVX512 = 0 | FMA = 1 |",
    "gpu_offload": False,
    "devices": [
        {"name": "CPU", "description": "x", "type": "CPU", "memory_free": 1, "memory_total": 1}
    ],
}
CUDA: dict[str, Any] = {
    **CPU_ONLY,
    "system_info": "CUDA : ARCHS = 900 | CPU : AVX2 = 1 | AMX_INT8 = 1 |",
    "gpu_offload": True,
    "devices": [
        *CPU_ONLY["devices"],
        {
            "name": "CUDA0",
            "description": "NVIDIA H200",
            "type": "GPU",
            "memory_free": 100 * 1024**3,
            "memory_total": 140 * 1024**3,
        },
    ],
}


def test_cpu_features_are_the_ones_switched_on() -> None:
    assert cpu_features(CPU_ONLY) == ["SSE3", "AVX", "AVX2", "FMA"]
    assert "AMX_INT8" in cpu_features(CUDA)


def test_auto_offloads_every_layer_only_where_the_build_can() -> None:
    assert auto_gpu_layers(CPU_ONLY, 26) == 0
    assert auto_gpu_layers(CUDA, 26) == 26
    assert auto_gpu_layers(CUDA, None) == 0  # a file that does not say how many


def test_the_words_name_the_gpu_and_warn_about_amx() -> None:
    cpu = "\n".join(describe(CPU_ONLY))
    assert "none (a CPU-only build)" in cpu and "README" in cpu and "AMX" not in cpu
    gpu = "\n".join(describe(CUDA))
    assert "CUDA0 (NVIDIA H200), 100.0 of 140.0 GiB free" in gpu
    assert "AMX kernels" in gpu and "If a model crashes" in gpu
