"""The turn format for a GGUF without a chat template, judged by its vocabulary."""

from __future__ import annotations

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from desktop.core.providers.llama.server.fallback import FALLBACKS, fallback_for

CONVERSATION = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": "Hi"},
    {"role": "assistant", "content": "Hello"},
    {"role": "user", "content": "Why?"},
]


def rendered(template: str) -> str:
    env = ImmutableSandboxedEnvironment()
    return env.from_string(template).render(
        messages=CONVERSATION, add_generation_prompt=True, bos_token="<bos>"
    )


@pytest.mark.parametrize(
    ("vocabulary", "family", "ends"),
    [
        ({"<start_of_turn>", "<end_of_turn>"}, "gemma", "<start_of_turn>model\n"),
        (
            {"<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|im_start|>"},
            "llama3",
            "<|start_header_id|>assistant<|end_header_id|>\n\n",
        ),
        ({"<|user|>", "<|assistant|>", "<|end|>"}, "phi3", "<|assistant|>\n"),
        ({"<|im_start|>", "<|im_end|>"}, "chatml", "<|im_start|>assistant\n"),
        (set(), "chatml", "<|im_start|>assistant\n"),
        ({"<start_of_turn>"}, "chatml", "<|im_start|>assistant\n"),  # half a pair is not enough
    ],
)
def test_the_vocabulary_picks_the_format(vocabulary: set[str], family: str, ends: str) -> None:
    chosen = fallback_for(vocabulary.__contains__)
    assert chosen.family == family
    text = rendered(chosen.template)
    assert text.endswith(ends)
    assert "Be brief." in text and "Why?" in text and "Hello" in text


def test_gemma_puts_the_instructions_at_the_head_of_the_first_user_turn() -> None:
    (gemma,) = [f for f in FALLBACKS if f.family == "gemma"]
    assert rendered(gemma.template) == (
        "<bos><start_of_turn>user\nBe brief.\n\nHi<end_of_turn>\n"
        "<start_of_turn>model\nHello<end_of_turn>\n"
        "<start_of_turn>user\nWhy?<end_of_turn>\n<start_of_turn>model\n"
    )
