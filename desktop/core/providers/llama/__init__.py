"""The local llama.cpp provider, whose model runs in a host process.

`LlamaHost` keeps one model host process per loaded model (one large model at a time by
default); `LlamaProvider` chats through the GGUF's own chat template, reading tool calls
in the model's own format; `LlamaEmbedder` embeds text; `LlamaReranker` scores
documents against a query. Only the host process
(`server`) imports llama_cpp. Names are imported on first use, so that importing this
package (as the host does, before it initialises llama.cpp) loads nothing else.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "LlamaProvider": "chat",
    "LlamaEmbedder": "embed",
    "LlamaReranker": "rerank",
    "LlamaHost": "host",
    "LoadSettings": "host",
    "build_info": "build",
    "Utf8Stream": "text",
}

__all__ = [
    "LlamaEmbedder",
    "LlamaHost",
    "LlamaProvider",
    "LlamaReranker",
    "LoadSettings",
    "Utf8Stream",
    "build_info",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
