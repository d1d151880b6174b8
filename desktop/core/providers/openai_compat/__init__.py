"""Remote models behind OpenAI-compatible APIs: the only package that imports openai.

`Endpoint` and the presets live beside it (`providers.endpoint`, `providers.presets`) so
that settings and the CLI can use them without loading openai; they are re-exported here.
`RemoteProvider` chats with a model there as a `base.Provider`; `RemoteEmbedder` embeds
text; `RemoteImages` makes images; `list_models` lists what the endpoint offers.
`ClientPool` shares one client (and its connections) per endpoint. Every failure is a
typed error from `desktop.core.errors`, and no error, repr or prepared prompt ever holds
the API key.
"""

from desktop.core.providers.endpoint import Endpoint, endpoint_for
from desktop.core.providers.openai_compat.chat import DEFAULT_CONTEXT_SIZE, RemoteProvider
from desktop.core.providers.openai_compat.client import ClientPool, build_client, list_models
from desktop.core.providers.openai_compat.embed import RemoteEmbedder
from desktop.core.providers.openai_compat.failures import map_error, redact
from desktop.core.providers.openai_compat.images import RemoteImage, RemoteImages
from desktop.core.providers.openai_compat.request import estimate_tokens
from desktop.core.providers.presets import PRESETS, Preset, preset

__all__ = [
    "DEFAULT_CONTEXT_SIZE",
    "PRESETS",
    "ClientPool",
    "Endpoint",
    "Preset",
    "RemoteEmbedder",
    "RemoteImage",
    "RemoteImages",
    "RemoteProvider",
    "build_client",
    "endpoint_for",
    "estimate_tokens",
    "list_models",
    "map_error",
    "preset",
    "redact",
]
