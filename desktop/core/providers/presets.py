"""Known OpenAI-compatible services: default base URL, whether they need a key, and quirks."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core import errors

_CHECK = "check the base URL and your internet connection"


@dataclass(frozen=True)
class Preset:
    """What we know about one kind of endpoint.

    `include_usage` is set only where the service documents `stream_options.include_usage`;
    elsewhere the option is left out (a strict server may refuse unknown fields) and usage
    is still read when the server sends it anyway.
    """

    id: str
    label: str
    base_url: str | None  # None: the user must give one
    needs_key: bool
    hint: str  # what to check when the endpoint cannot be reached
    include_usage: bool = False
    local: bool = False


PRESETS: dict[str, Preset] = {
    p.id: p
    for p in (
        Preset("openai", "OpenAI", "https://api.openai.com/v1", True, _CHECK, True),
        # Azure: https://RESOURCE.openai.azure.com/, and the model is the deployment name.
        Preset("azure", "Azure OpenAI", None, True, _CHECK, True),
        Preset("deepseek", "DeepSeek", "https://api.deepseek.com/v1", True, _CHECK, True),
        Preset("moonshot", "Moonshot", "https://api.moonshot.cn/v1", True, _CHECK),
        Preset("zhipu", "Zhipu GLM", "https://open.bigmodel.cn/api/paas/v4", True, _CHECK),
        Preset(
            "qwen",
            "Qwen (DashScope)",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            True,
            _CHECK,
            True,
        ),
        # OpenRouter always sends usage; its include_usage option is deprecated.
        Preset("openrouter", "OpenRouter", "https://openrouter.ai/api/v1", True, _CHECK),
        Preset(
            "ollama",
            "Ollama",
            "http://localhost:11434/v1",
            False,
            "is Ollama running? Start it with `ollama serve`",
            True,
            local=True,
        ),
        Preset(
            "lmstudio",
            "LM Studio",
            "http://localhost:1234/v1",
            False,
            "is LM Studio's local server running? Start it in LM Studio's Developer tab "
            "or with `lms server start`",
            local=True,
        ),
        Preset(
            "vllm",
            "vLLM",
            "http://localhost:8000/v1",
            False,
            "is the vLLM server running? Start it with `vllm serve MODEL`",
            True,
            local=True,
        ),
        Preset(
            "llamacpp",
            "llama.cpp server",
            "http://localhost:8080/v1",
            False,
            "is llama-server running? Start it with `llama-server -m MODEL.gguf`",
            local=True,
        ),
        Preset("custom", "Custom endpoint", None, False, _CHECK),
    )
}

# Azure's generally available API version for chat completions and embeddings.
AZURE_API_VERSION = "2024-10-21"


def preset(preset_id: str) -> Preset:
    """The preset called `preset_id`; raises `ValidationError` listing the known ones."""
    try:
        return PRESETS[preset_id]
    except KeyError:
        raise errors.ValidationError(
            errors.said(
                "Unknown provider preset '{preset}'. Use one of: {presets}.",
                preset=preset_id,
                presets=", ".join(PRESETS),
            )
        ) from None
