"""The Qt-free core: GPT definitions, storage, model providers and the run engine."""
