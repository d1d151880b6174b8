"""The model host process: the only code that imports llama_cpp.

Started by `desktop.core.providers.llama.host` as `python -m
desktop.core.providers.llama.server`; it loads one GGUF and serves the app's requests
over its stdin and stdout (see `wire`). Nothing here is imported by the app itself.
This package's `__init__` imports nothing, so that the host initialises llama.cpp before
any other native library loads.
"""
