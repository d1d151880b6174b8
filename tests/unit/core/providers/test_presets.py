"""Presets and endpoints: defaults, labels, required settings, and a key that never shows."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.providers.openai_compat import PRESETS, endpoint_for, preset
from desktop.core.providers.presets import AZURE_API_VERSION

SECRET = "sk-test-0123456789abcdef"


def test_every_documented_service_has_a_preset() -> None:
    assert set(PRESETS) == {
        "openai",
        "azure",
        "deepseek",
        "moonshot",
        "zhipu",
        "qwen",
        "openrouter",
        "ollama",
        "lmstudio",
        "vllm",
        "llamacpp",
        "custom",
    }
    assert PRESETS["deepseek"].base_url == "https://api.deepseek.com/v1"
    assert PRESETS["zhipu"].base_url == "https://open.bigmodel.cn/api/paas/v4"
    assert PRESETS["ollama"].base_url == "http://localhost:11434/v1"
    assert PRESETS["azure"].base_url is None and PRESETS["custom"].base_url is None
    assert not any(p.needs_key for p in PRESETS.values() if p.local)
    assert "ollama serve" in PRESETS["ollama"].hint


def test_unknown_preset_lists_the_known_ones() -> None:
    with pytest.raises(errors.ValidationError, match="deepseek, moonshot"):
        preset("nope")


def test_endpoint_takes_the_preset_defaults() -> None:
    endpoint = endpoint_for("deepseek", "deepseek", api_key=SECRET)
    assert endpoint.base_url == "https://api.deepseek.com/v1"
    assert endpoint.label == "DeepSeek"
    assert endpoint.host == "api.deepseek.com:443"
    other = endpoint_for("work", "deepseek", "https://proxy.example/v1/", SECRET)
    assert other.base_url == "https://proxy.example/v1" and other.label == "DeepSeek (work)"
    assert endpoint_for("mine", "custom", "http://gpu-box:9000/v1").label == "mine"


def test_azure_and_custom_need_a_base_url() -> None:
    with pytest.raises(errors.ValidationError, match="needs a base URL") as caught:
        endpoint_for("az", "azure", api_key=SECRET)
    assert caught.value.action == errors.UserAction(
        "add_provider", {"profile": "az", "preset": "azure", "needs": "base_url"}
    )
    azure = endpoint_for("az", "azure", "https://res.openai.azure.com/", SECRET)
    assert azure.api_version == AZURE_API_VERSION


def test_a_preset_that_needs_a_key_says_how_to_add_one() -> None:
    with pytest.raises(errors.ProviderAuthError, match="needs an API key") as caught:
        endpoint_for("ds", "deepseek")
    assert caught.value.action == errors.UserAction("set_provider_key", {"profile": "ds"})
    assert endpoint_for("ollama", "ollama").api_key is None


def test_the_key_never_shows_in_repr_or_str() -> None:
    endpoint = endpoint_for("deepseek", "deepseek", api_key=SECRET)
    assert SECRET not in repr(endpoint) and SECRET not in str(endpoint)
    assert SECRET not in repr({"endpoint": endpoint})
