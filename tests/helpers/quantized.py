"""Quantized tiny models (Q4_0, Q4_K_M, Q8_0), made with llama.cpp's own quantizer.

The source is wide enough (256) for the k-quants' 256-value blocks, so every matrix is
really quantized (a narrower model would fall back to other types). Quantizing runs in a
child process (`quantize_child`); the files are built once per test session.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.python_child import run_python
from tests.helpers.tiny_gguf import TinySpec

KINDS = ("Q4_0", "Q4_K_M", "Q8_0")
WIDE = TinySpec(n_embd=256, n_head=4, n_head_kv=4, n_ff=512, n_layer=2, name="tiny-wide")


def quantize(source: Path, target: Path, kind: str) -> Path:
    """`target`: `source` quantized to `kind` by llama.cpp (built once, kept after)."""
    if not target.exists():
        partial = target.with_suffix(".part")
        run_python("-m", "tests.helpers.quantize_child", str(source), str(partial), kind)
        partial.rename(target)
    return target


def quantized_models(
    folder: Path, spec: TinySpec = WIDE, stem: str = "tiny-wide"
) -> dict[str, Path]:
    """The wide tiny model in each of `KINDS`, by kind."""
    source = ensure_tiny(folder, f"{stem}-f32.gguf", spec)
    return {kind: quantize(source, folder / f"{stem}-{kind.lower()}.gguf", kind) for kind in KINDS}
