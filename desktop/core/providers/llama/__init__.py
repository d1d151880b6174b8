"""The local llama.cpp provider: the only package that imports llama_cpp.

`LlamaHost` keeps the loaded models (one large model resident at a time by default) and
gives each its own single worker thread: llama.cpp contexts are not thread-safe, so every
call into a model (load, tokenize, generate, embed, close) runs on that worker.
`LlamaProvider` chats through the GGUF's own chat template, reading tool calls in the
model's own format (see `providers.toolcalls`); `LlamaEmbedder` embeds text.
"""

from desktop.core.providers.llama.chat import LlamaProvider, Utf8Stream
from desktop.core.providers.llama.embed import LlamaEmbedder
from desktop.core.providers.llama.host import LlamaHost, LoadSettings

__all__ = ["LlamaEmbedder", "LlamaHost", "LlamaProvider", "LoadSettings", "Utf8Stream"]
