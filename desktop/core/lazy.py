"""Importing a large library later, on a worker thread, without stalling the GUI thread.

LanceDB and the OpenAI client take hundreds of milliseconds to import, so the app loads
them when first needed (or when the window is idle after start). On a worker, most of an
import gives the GIL back every few milliseconds, but a full garbage collection among
the hundreds of thousands of new objects does not: it held the GIL for 170 ms. The
collector therefore waits while such a library is imported, and what it built, which
lives as long as the process, is frozen out of later collections.
"""

from __future__ import annotations

import gc
import importlib
import sys
import threading
from types import ModuleType

_lock = threading.RLock()  # one quiet import at a time: the collector switch is global


def import_quietly(name: str) -> ModuleType:
    """Import module `name` with the garbage collector held off (any thread)."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    with _lock:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return importlib.import_module(name)
        finally:
            if collecting:
                gc.enable()
            gc.freeze()
