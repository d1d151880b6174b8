"""The model the host serves: loading it with progress, its chat template, its prompts.

Runs in the model host process, on its main thread (llama.cpp contexts are not
thread-safe; the host serves one request at a time).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import llama_cpp
import llama_cpp.llama_cpp as llama_lib
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from desktop.core import errors
from desktop.core.providers.llama.server.fallback import fallback_for

if TYPE_CHECKING:
    from desktop.core.providers.toolcalls.mode import ToolMode

log = logging.getLogger(__name__)

# llama.cpp reads "more layers than the model has" as "all of them".
ALL_LAYERS = -1


@dataclass(frozen=True)
class Rendered:
    text: str
    tokens: list[int]


class LoadedModel:
    """A loaded llama.cpp model, its chat formatter and what was probed about it."""

    def __init__(self, llm: Any, formatter: Any, details: dict[str, Any]) -> None:
        self.llm = llm
        self.formatter = formatter  # a ChatFormatter, typed loosely for its TypedDicts
        self.details = details
        self.tool_mode: ToolMode | None = None  # how its template takes tools, probed once

    def close(self) -> None:
        self.llm.close()


def load(
    path: str,
    settings: dict[str, Any],
    template: str | None,
    progress: Callable[[float], bool],
    said: Callable[[], str] = lambda: "",
) -> LoadedModel:
    """Load `path` with `settings` (a `LoadSettings` as a dict).

    `progress` gets fractions from 0 to 1 while the weights load and returns False to stop;
    `said` gives llama.cpp's last error lines, which name what was wrong with a file.

    Raises:
        errors.ModelLoadError: llama.cpp refused the file.
        errors.CancelledError: `progress` returned False.
    """
    offload = llama_cpp.llama_supports_gpu_offload()
    wanted = settings["gpu_layers"]
    layers = (ALL_LAYERS if offload else 0) if wanted == "auto" else int(wanted)
    stopped = False

    def report(fraction: float, _user: Any) -> bool:
        nonlocal stopped
        stopped = not progress(min(max(float(fraction), 0.0), 1.0))
        return not stopped

    # A reranker scores a whole (query, document) pair in one batch, so a batch is as
    # long as the context; rank pooling puts its classification head on the graph.
    rerank = bool(settings.get("rerank"))
    batch = {"n_batch": settings["context_size"], "n_ubatch": settings["context_size"]}
    started = time.perf_counter()
    try:
        with _reporting_progress(report):
            llm = llama_cpp.Llama(
                model_path=path,
                n_ctx=settings["context_size"],
                n_gpu_layers=layers,
                n_threads=settings["threads"],
                seed=settings["seed"] if settings["seed"] is not None else 0xFFFFFFFF,
                embedding=settings["embedding"] or rerank,
                pooling_type=(
                    llama_cpp.LLAMA_POOLING_TYPE_RANK
                    if rerank
                    else llama_cpp.LLAMA_POOLING_TYPE_UNSPECIFIED
                ),
                **(batch if rerank else {}),
                # Not quiet: quiet hides llama.cpp's own words on a failed load (it sends
                # them to /dev/null). The host's log callback decides what is kept.
                verbose=True,
            )
    except (ValueError, RuntimeError, OSError) as exc:
        if stopped:
            raise errors.CancelledError(errors.said("Loading the model was stopped.")) from None
        reason = said() or str(exc)
        raise errors.ModelLoadError(reason) from None
    n_layer = int(llama_lib.llama_model_n_layer(llm.model))
    details = {
        "gpu_layers": min(n_layer, n_layer if layers == ALL_LAYERS else layers) if offload else 0,
        "gpu_layers_setting": wanted,
        "layers": n_layer,
        "offload": gpu_backends() or None,
        "context_size": llm.n_ctx(),
        "load_seconds": round(time.perf_counter() - started, 3),
    }
    return LoadedModel(llm, formatter(llm, template), details)


@contextlib.contextmanager
def _reporting_progress(report: Callable[[float, Any], bool]) -> Iterator[None]:
    """Have llama.cpp report load progress to `report` while the block runs.

    `Llama()` builds its model parameters from `llama_model_default_params` and offers no
    progress argument, so the defaults it asks for carry the callback for the duration.
    The callback object is kept alive here until loading is over.
    """
    callback = llama_lib.llama_progress_callback(report)
    original = llama_lib.llama_model_default_params

    def with_progress() -> Any:
        params = original()
        params.progress_callback = callback
        return params

    llama_lib.llama_model_default_params = with_progress
    try:
        yield
    finally:
        llama_lib.llama_model_default_params = original


class ChatFormatter(Jinja2ChatFormatter):
    """llama-cpp-python's Jinja formatter, with a `tojson` that also takes generators.

    Some templates pipe `map(...)` into `tojson` (llama.cpp's DeepSeek R1 template does);
    Jinja's `map` is lazy, which `json.dumps` refuses.
    """

    @staticmethod
    def tojson(
        x: Any,
        ensure_ascii: bool = False,
        indent: int | None = None,
        separators: tuple[str, str] | None = None,
        sort_keys: bool = False,
    ) -> str:
        return json.dumps(
            x,
            ensure_ascii=ensure_ascii,
            indent=indent,
            separators=separators,
            sort_keys=sort_keys,
            default=_as_list,
        )


def _as_list(value: Any) -> Any:
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, dict)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _single_token(llm: Any, text: str) -> bool:
    """Whether `text` is one special token of the model's vocabulary."""
    try:
        return len(llm.tokenize(text.encode(), add_bos=False, special=True)) == 1
    except (RuntimeError, ValueError):
        return False


def formatter(llm: Any, template: str | None) -> Jinja2ChatFormatter:
    def text_of(token: int) -> str:
        if token < 0:
            return ""
        return bytes(llm.detokenize([token], special=True)).decode("utf-8", errors="replace")

    if template is None:
        chosen = fallback_for(lambda marker: _single_token(llm, marker))
        log.info("the model has no chat template; using the %s turn format", chosen.family)
        template = chosen.template
    return ChatFormatter(
        template=template,
        eos_token=text_of(llm.token_eos()),
        bos_token=text_of(llm.token_bos()),
    )


# -- the build -------------------------------------------------------------------------

_DEVICE_TYPES = {0: "CPU", 1: "GPU", 2: "integrated GPU", 3: "accelerator", 4: "meta"}


def _ggml() -> Any:
    """Ggml's device registry, through the library llama-cpp-python already loaded."""
    from llama_cpp import _ggml  # noqa: PLC0415  (llama-cpp-python's handle on libggml)

    lib = _ggml.libggml
    lib.ggml_backend_dev_count.restype = ctypes.c_size_t
    lib.ggml_backend_dev_get.argtypes = [ctypes.c_size_t]
    lib.ggml_backend_dev_get.restype = ctypes.c_void_p
    for name in ("ggml_backend_dev_name", "ggml_backend_dev_description"):
        getattr(lib, name).argtypes = [ctypes.c_void_p]
        getattr(lib, name).restype = ctypes.c_char_p
    lib.ggml_backend_dev_type.argtypes = [ctypes.c_void_p]
    lib.ggml_backend_dev_type.restype = ctypes.c_int
    lib.ggml_backend_dev_memory.argtypes = [
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_size_t),
        ctypes.POINTER(ctypes.c_size_t),
    ]
    lib.ggml_backend_dev_memory.restype = None
    return lib


def devices() -> list[dict[str, Any]]:
    """The devices this build can compute on: CPU, GPUs, accelerators, with their memory."""
    lib = _ggml()
    found = []
    for index in range(lib.ggml_backend_dev_count()):
        dev = lib.ggml_backend_dev_get(index)
        free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
        lib.ggml_backend_dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
        found.append(
            {
                "name": (lib.ggml_backend_dev_name(dev) or b"").decode("utf-8", "replace"),
                "description": (lib.ggml_backend_dev_description(dev) or b"").decode(
                    "utf-8", "replace"
                ),
                "type": _DEVICE_TYPES.get(lib.ggml_backend_dev_type(dev), "other"),
                "memory_free": free.value,
                "memory_total": total.value,
            }
        )
    return found


def gpu_backends() -> str:
    """The GPU backends of this build by name (`CUDA0`, `Vulkan0`, `Metal`), or ''."""
    return ", ".join(d["name"] for d in devices() if d["type"] in ("GPU", "integrated GPU"))


def build_info() -> dict[str, Any]:
    """What this llama.cpp build can do here: version, CPU features, GPU offload, devices."""
    features = llama_lib.llama_print_system_info().decode("utf-8", "replace")
    return {
        "llama_cpp_python": llama_cpp.__version__,
        "system_info": " ".join(features.split()),
        "gpu_offload": bool(llama_cpp.llama_supports_gpu_offload()),
        "devices": devices(),
    }
