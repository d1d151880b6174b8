"""Loaded llama.cpp models: one worker thread each, one large model resident at a time."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import llama_cpp
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from desktop.core import errors
from desktop.core.providers.local import LocalModel

if TYPE_CHECKING:
    from desktop.core.providers.toolcalls.mode import ToolMode

# Used when a GGUF carries no chat template of its own (old conversions).
FALLBACK_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + (message['content'] or '') + '<|im_end|>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
SMALL_MODEL_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class LoadSettings:
    """How to load a model; two providers with equal settings share one loaded model."""

    context_size: int = 4096
    gpu_layers: int = 0
    threads: int | None = None
    seed: int | None = None
    embedding: bool = False


class _Resident:
    """A loaded model and the one thread allowed to touch it."""

    def __init__(self, key: tuple[str, LoadSettings], size: int) -> None:
        self.key = key
        self.size = size
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llama")
        self.llm: Any = None
        self.formatter: Any = None  # a ChatFormatter, typed loosely for its TypedDicts
        self.tool_mode: ToolMode | None = None  # how its template takes tools, probed once

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.worker.submit(fn, *args).result()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        return self.worker.submit(fn, *args)

    def close(self) -> None:
        if self.llm is not None:
            with contextlib.suppress(Exception):
                self.call(self.llm.close)
        self.worker.shutdown(wait=True)
        self.llm = None


class LlamaHost:
    """The loaded local models of this process."""

    def __init__(self, max_resident: int = 1, small_model_bytes: int = SMALL_MODEL_BYTES) -> None:
        self._max_resident = max_resident
        self._small = small_model_bytes
        self._resident: dict[tuple[str, LoadSettings], _Resident] = {}
        self._lock = threading.Lock()

    def is_loaded(self, key: tuple[str, LoadSettings]) -> bool:
        with self._lock:
            return key in self._resident

    def acquire(self, model: LocalModel, settings: LoadSettings) -> _Resident:
        """The loaded model for `model` and `settings`, loading it (and evicting) if needed."""
        key = (str(model.path), settings)
        with self._lock:
            resident = self._resident.get(key)
            if resident is not None:
                return resident
            size = model.info.file_size if model.info else 0
            if size >= self._small:
                large = [r for r in self._resident.values() if r.size >= self._small]
                for old in large[: max(len(large) - self._max_resident + 1, 0)]:
                    del self._resident[old.key]
                    old.close()
            resident = _Resident(key, size)
            try:
                resident.llm = resident.call(_load, model, settings)
                resident.formatter = resident.call(_formatter, resident.llm, model)
            except BaseException:
                resident.worker.shutdown(wait=False)
                raise
            self._resident[key] = resident
            return resident

    def loaded_models(self) -> list[str]:
        with self._lock:
            return [key[0] for key in self._resident]

    def close(self) -> None:
        """Free every model (on its own worker) and stop the workers."""
        with self._lock:
            residents, self._resident = list(self._resident.values()), {}
        for resident in residents:
            resident.close()


def _load(model: LocalModel, settings: LoadSettings) -> Any:
    info = model.info
    trained = info.context_length if info and info.context_length else settings.context_size
    try:
        return llama_cpp.Llama(
            model_path=str(model.path),
            n_ctx=min(settings.context_size, trained),
            n_gpu_layers=settings.gpu_layers,
            n_threads=settings.threads,
            seed=settings.seed if settings.seed is not None else llama_cpp.LLAMA_DEFAULT_SEED,
            embedding=settings.embedding,
            verbose=False,
        )
    except (ValueError, RuntimeError, OSError) as exc:
        arch = info.architecture if info else "unknown"
        hint = (
            f"its architecture '{arch}' is not supported by this llama.cpp"
            if info is not None and not info.known_architecture
            else "the file may be damaged, or too new for this version of llama.cpp"
        )
        raise errors.ModelLoadError(
            f"llama.cpp could not load {model.path.name} (architecture '{arch}'): {hint}. "
            f"Details: {exc}"
        ) from None


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


def _formatter(llm: Any, model: LocalModel) -> Jinja2ChatFormatter:
    template = (model.info.chat_template if model.info else None) or FALLBACK_TEMPLATE

    def text_of(token: int) -> str:
        if token < 0:
            return ""
        return bytes(llm.detokenize([token], special=True)).decode("utf-8", errors="replace")

    return ChatFormatter(
        template=template, eos_token=text_of(llm.token_eos()), bos_token=text_of(llm.token_bos())
    )
