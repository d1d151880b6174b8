"""Answers held to a JSON schema by a grammar, through the real llama-cpp-python path.

The tiny model's text is random, so these tests check structure, never content: every
answer is JSON of the schema's shape because the grammar allowed nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from desktop.core.builder_assistant import PROPOSAL_SCHEMA, parse_proposal
from desktop.core.providers.base import (
    CancelToken,
    ChatRequest,
    Finish,
    Notice,
    ProviderEvent,
    TextDelta,
)
from desktop.core.providers.llama import LlamaHost, LlamaProvider, LoadSettings
from desktop.core.providers.local import LocalModels
from desktop.core.schemas import without_keywords

SMALL = {
    "type": "object",
    "properties": {
        "colour": {"enum": ["red", "green", "blue"]},
        "count": {"type": "integer"},
        # A pattern keeps a byte-level model to ASCII (see test_llama_tools.py).
        "word": {"type": "string", "pattern": "^[a-z]{1,5}$"},
        "flags": {"type": "array", "items": {"type": "boolean"}, "maxItems": 3},
    },
    "required": ["colour", "count", "word", "flags"],
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def host() -> Iterator[LlamaHost]:
    made = LlamaHost()
    yield made
    made.close()


@pytest.fixture
def chat(host: LlamaHost, tiny_gguf: Path) -> LlamaProvider:
    model = LocalModels([]).resolve(str(tiny_gguf))
    return LlamaProvider(host, model, LoadSettings(context_size=4096))


def ask(chat: LlamaProvider, schema: dict[str, Any], seed: int) -> list[ProviderEvent]:
    request = ChatRequest(
        messages=[{"role": "user", "content": "Describe a GPT for cooks."}],
        response_schema=schema,
        seed=seed,
        temperature=1.0,
    )
    return list(chat.stream(request, CancelToken()))


def text_of(events: list[ProviderEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


@pytest.mark.parametrize("seed", range(6))
def test_every_answer_is_json_of_the_schema(chat: LlamaProvider, seed: int) -> None:
    events = ask(chat, SMALL, seed)
    assert events[-1] == Finish("stop")  # the grammar ended it, not the token limit
    jsonschema.validate(json.loads(text_of(events)), SMALL)


@pytest.mark.parametrize("seed", range(4))
def test_the_builders_proposal_schema_holds_the_tiny_model(chat: LlamaProvider, seed: int) -> None:
    events = ask(chat, PROPOSAL_SCHEMA, seed)
    assert not any(isinstance(e, Notice) and "grammar" in e.message for e in events)
    assert events[-1] == Finish("stop")
    data = json.loads(text_of(events), strict=False)
    # Lengths are counted by the grammar in characters of the model's bytes; invalid UTF-8
    # becomes several replacement characters here, so only the shape is checked exactly.
    jsonschema.validate(data, without_keywords(PROPOSAL_SCHEMA, {"maxLength"}))
    assert len(data["instructions"] or "") <= 4 * 4000
    proposal = parse_proposal(text_of(events))
    assert set(proposal.fields) <= {
        "name",
        "description",
        "instructions",
        "conversation_starters",
        "capabilities.code_interpreter.enabled",
        "capabilities.web_browsing.enabled",
        "capabilities.image_generation.enabled",
    }


def test_a_schema_without_a_grammar_says_so(chat: LlamaProvider) -> None:
    weird = {"type": "object", "properties": {"x": {"$ref": "http://x/y"}}}
    request = ChatRequest(
        messages=[{"role": "user", "content": "hi"}], response_schema=weird, max_tokens=8, seed=1
    )
    events = list(chat.stream(request, CancelToken()))
    assert any(isinstance(e, Notice) and "grammar" in e.message for e in events)
    assert isinstance(events[-1], Finish)


def test_without_a_schema_the_answer_is_free(chat: LlamaProvider) -> None:
    request = ChatRequest(messages=[{"role": "user", "content": "hi"}], max_tokens=24, seed=3)
    events = list(chat.stream(request, CancelToken()))
    with pytest.raises(ValueError):
        json.loads(text_of(events))
