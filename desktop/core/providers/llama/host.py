"""The app's loaded local models: one host process each, one large model at a time.

Every llama.cpp call happens in a model host process (`server`), never in the app: a
crash there is a typed error on one run, and unloading a model ends its process, so its
memory goes back to the system. Thread-safe; loading the same model from two threads
loads it once.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.llama import wire
from desktop.core.providers.llama.client import HostProcess
from desktop.core.providers.local import LocalModel

SMALL_MODEL_BYTES = 512 * 1024 * 1024

Key = tuple[str, "LoadSettings"]


@dataclass(frozen=True)
class LoadSettings:
    """How to load a model; two providers with equal settings share one host.

    `gpu_layers`: "auto" offloads every layer where the llama.cpp build can, none
    elsewhere; -1 is every layer; N is the first N.
    """

    context_size: int = 4096
    gpu_layers: int | Literal["auto"] = "auto"
    threads: int | None = None
    seed: int | None = None
    embedding: bool = False
    rerank: bool = False  # rank pooling: the model scores (query, document) pairs


class _Resident:
    """A host process for one model and settings, loaded or on its way."""

    def __init__(self, key: Key, size: int, process: HostProcess) -> None:
        self.key = key
        self.size = size
        self.process = process
        self.details: dict[str, Any] = {}
        self.ready = threading.Event()  # set once loaded, or once loading failed
        self.failed = False


class LlamaHost:
    """The model host processes of this app."""

    def __init__(self, max_resident: int = 1, small_model_bytes: int = SMALL_MODEL_BYTES) -> None:
        self._max_resident = max_resident
        self._small = small_model_bytes
        self._resident: dict[Key, _Resident] = {}
        self._lock = threading.Lock()

    def is_loaded(self, key: Key) -> bool:
        with self._lock:
            resident = self._resident.get(key)
        return (
            resident is not None
            and resident.ready.is_set()
            and not resident.failed
            and resident.process.alive
        )

    def details(self, key: Key) -> dict[str, Any]:
        """What loading found (GPU layers, offload backend, context), or {} if not loaded."""
        with self._lock:
            resident = self._resident.get(key)
        return dict(resident.details) if resident is not None and self.is_loaded(key) else {}

    def acquire(self, model: LocalModel, settings: LoadSettings) -> HostProcess:
        """The host for `model` and `settings`, loading it (and evicting) if needed."""
        collections.deque(self.loading(model, settings), maxlen=0)  # load, ignoring progress
        with self._lock:
            return self._resident[(str(model.path), settings)].process

    def loading(self, model: LocalModel, settings: LoadSettings) -> Iterator[base.LoadEvent]:
        """Load the model unless it is loaded: `ModelLoading` progress, then `ModelLoaded`.

        Raises:
            errors.ModelLoadError: llama.cpp refused the file.
            errors.ModelCrashedError: the host died while loading it.
        """
        key: Key = (str(model.path), settings)
        while True:
            with self._lock:
                resident = self._resident.get(key)
                if resident is not None and not resident.process.alive:
                    del self._resident[key]  # it crashed: the next run starts a new host
                    resident.process.kill()  # (it is gone; this closes its pipes)
                    resident = None
                mine = resident is None
                if mine:
                    resident = self._start(model, key)
            assert resident is not None
            if mine:
                yield from self._load(resident, model, settings)
                return
            resident.ready.wait()
            if not resident.failed:
                yield base.ModelLoaded(model.id, 0.0, dict(resident.details))
                return
            # Its loader failed and dropped it: try again, and get the error first hand.

    def _start(self, model: LocalModel, key: Key) -> _Resident:
        """A new host for `key`, after making room for it. Called with the lock held."""
        size = model.info.file_size if model.info else 0
        if size >= self._small:
            large = [r for r in self._resident.values() if r.size >= self._small]
            for old in large[: max(len(large) - self._max_resident + 1, 0)]:
                del self._resident[old.key]
                old.process.close()
        resident = _Resident(key, size, HostProcess(model.id))
        self._resident[key] = resident
        return resident

    def _load(
        self, resident: _Resident, model: LocalModel, settings: LoadSettings
    ) -> Iterator[base.LoadEvent]:
        process = resident.process
        process.phase = "loading"
        payload = {
            "path": str(model.path),
            "settings": {**asdict(settings), "context_size": window(model, settings)},
            "template": model.info.chat_template if model.info else None,
        }
        try:
            for kind, body in process.exchange(wire.LOAD, payload):
                if kind == wire.PROGRESS:
                    yield base.ModelLoading(model.id, body)
                elif kind == wire.RESULT:
                    resident.details = body
        except errors.ModelLoadError as exc:
            self._drop(resident)
            raise _load_error(model, exc) from None
        except BaseException:
            self._drop(resident)
            raise
        process.phase = "running"
        resident.ready.set()
        yield base.ModelLoaded(
            model.id, resident.details.get("load_seconds", 0.0), resident.details
        )

    def _drop(self, resident: _Resident) -> None:
        with self._lock:
            if self._resident.get(resident.key) is resident:
                del self._resident[resident.key]
        resident.failed = True
        resident.ready.set()
        resident.process.kill()

    def loaded_models(self) -> list[str]:
        with self._lock:
            return [key[0] for key, r in self._resident.items() if r.ready.is_set()]

    def close(self) -> None:
        """End every host process: each frees its model as it leaves."""
        with self._lock:
            residents, self._resident = list(self._resident.values()), {}
        for resident in residents:
            resident.process.close()


def window(model: LocalModel, settings: LoadSettings) -> int:
    """The context to load: the GPT's, but never past what the model was trained for."""
    info = model.info
    trained = info.context_length if info and info.context_length else settings.context_size
    return min(settings.context_size, trained)


def _load_error(model: LocalModel, exc: errors.ModelLoadError) -> errors.ModelLoadError:
    info = model.info
    arch = info.architecture if info else "unknown"
    values = {"name": model.path.name, "arch": arch, "reason": exc.message}
    if info is not None and not info.known_architecture:
        return errors.ModelLoadError(
            errors.said(
                "llama.cpp could not load {name} (architecture '{arch}'): its architecture "
                "'{arch}' is not supported by this llama.cpp. llama.cpp said: {reason}",
                **values,
            )
        )
    return errors.ModelLoadError(
        errors.said(
            "llama.cpp could not load {name} (architecture '{arch}'): the file may be "
            "damaged, or too new for this version of llama.cpp. llama.cpp said: {reason}",
            **values,
        )
    )
