"""Tests for desktop/core/providers/check.py: the connection test behind "Test connection"."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.providers.check import list_endpoint_models
from desktop.core.providers.endpoint import endpoint_for
from tests.helpers.openai_server import OpenAIServer, error_answer, models_answer


def test_it_lists_the_models_sorted_and_timed(server: OpenAIServer) -> None:
    server.script(models_answer("b-model", "a-model", "b-model"))
    check = list_endpoint_models(endpoint_for("lab", "vllm", server.url, "k"))
    assert check.models == ["a-model", "b-model"]
    assert check.label == "vLLM (lab)" and check.list_ms >= 0
    assert check.to_dict()["models"] == check.models
    assert server.requests[0].path.endswith("/models")


def test_a_refused_key_is_a_typed_error(server: OpenAIServer) -> None:
    server.script(error_answer(401, "bad key"))
    with pytest.raises(errors.ProviderAuthError):
        list_endpoint_models(endpoint_for("lab", "vllm", server.url, "k"))
