"""Build tiny random-weight GGUF models that llama.cpp really loads and runs.

The vocabulary is SentencePiece-style: three specials, two ChatML control tokens, and the
256 byte tokens `<0x00>`..`<0xFF>`, so any text tokenizes (byte by byte). The weights are
random, so the text is noise; streaming, cancellation, usage counts, grammars and
embeddings are real.

A spec can add whole-word tokens (`extra_tokens`, such as `<tool_call>`) and make one of
them the model's strong favourite (`favoured_token`), so that a test can count on the
model writing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from gguf import GGUFReader, GGUFWriter, PoolingType, TokenType

CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + (message['content'] or '') + '<|im_end|>\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


@dataclass(frozen=True)
class TinySpec:
    """Shape of a generated model. The defaults make a ~300 KB file."""

    n_embd: int = 64
    n_layer: int = 2
    n_head: int = 4
    n_head_kv: int = 4
    n_ff: int = 128
    context_length: int = 2048
    chat_template: str | None = CHATML_TEMPLATE
    embedding: bool = False
    architecture: str = "llama"
    dtype: type = np.float32
    seed: int = 0
    name: str = "tiny-random"
    extra_tokens: tuple[str, ...] = ()  # appended after the byte tokens, as whole words
    favoured_token: str | None = None  # one of extra_tokens the model strongly prefers
    # A vocabulary-only GGUF (llama.cpp's real tokenizers) whose tokenizer the model takes
    # instead of the byte vocabulary; extra_tokens and favoured_token do not apply then.
    vocab_from: Path | None = None


def vocabulary(extra_tokens: tuple[str, ...] = ()) -> tuple[list[str], list[float], list[int]]:
    tokens = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
    types = [
        TokenType.UNKNOWN,
        TokenType.CONTROL,
        TokenType.CONTROL,
        TokenType.CONTROL,
        TokenType.CONTROL,
    ]
    tokens += [f"<0x{b:02X}>" for b in range(256)]
    types += [TokenType.BYTE] * 256
    tokens += list(extra_tokens)
    types += [TokenType.USER_DEFINED] * len(extra_tokens)
    scores = [0.0] * len(tokens)
    return tokens, scores, [int(t) for t in types]


def build_tiny_gguf(path: Path, spec: TinySpec = TinySpec()) -> Path:
    """Write a random-weight model to `path` and return it."""
    rng = np.random.default_rng(spec.seed)
    tokens, scores, types = vocabulary(spec.extra_tokens)
    borrowed = _tokenizer_of(spec.vocab_from) if spec.vocab_from is not None else None
    n_vocab = len(borrowed["tokenizer.ggml.tokens"]) if borrowed else len(tokens)
    writer = GGUFWriter(str(path), spec.architecture)
    writer.add_name(spec.name)
    writer.add_context_length(spec.context_length)
    writer.add_embedding_length(spec.n_embd)
    writer.add_block_count(spec.n_layer)
    writer.add_feed_forward_length(spec.n_ff)
    writer.add_head_count(spec.n_head)
    writer.add_head_count_kv(spec.n_head_kv)
    writer.add_rope_dimension_count(spec.n_embd // spec.n_head)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_file_type(0 if spec.dtype == np.float32 else 1)
    if spec.embedding:
        writer.add_pooling_type(PoolingType.MEAN)
    if borrowed:
        _add_tokenizer(writer, borrowed)
    else:
        writer.add_tokenizer_model("llama")
        writer.add_token_list(tokens)
        writer.add_token_scores(scores)
        writer.add_token_types(types)
        writer.add_unk_token_id(0)
        writer.add_bos_token_id(1)
        writer.add_eos_token_id(4)  # <|im_end|> ends a ChatML turn
        writer.add_add_bos_token(False)
    if spec.chat_template is not None:
        writer.add_chat_template(spec.chat_template)

    def tensor(name: str, *shape: int) -> None:
        data = rng.normal(0.0, 0.02 if len(shape) > 1 else 0.0, size=shape)
        if len(shape) == 1:
            data = np.ones(shape)
        writer.add_tensor(name, data.astype(spec.dtype if len(shape) > 1 else np.float32))

    kv = spec.n_embd // spec.n_head * spec.n_head_kv
    if spec.favoured_token is None:
        tensor("token_embd.weight", n_vocab, spec.n_embd)
        tensor("output_norm.weight", spec.n_embd)
        tensor("output.weight", n_vocab, spec.n_embd)
    else:
        _favouring_tensors(writer, rng, spec, tokens.index(spec.favoured_token), n_vocab)
    for i in range(spec.n_layer):
        tensor(f"blk.{i}.attn_norm.weight", spec.n_embd)
        tensor(f"blk.{i}.attn_q.weight", spec.n_embd, spec.n_embd)
        tensor(f"blk.{i}.attn_k.weight", kv, spec.n_embd)
        tensor(f"blk.{i}.attn_v.weight", kv, spec.n_embd)
        tensor(f"blk.{i}.attn_output.weight", spec.n_embd, spec.n_embd)
        tensor(f"blk.{i}.ffn_norm.weight", spec.n_embd)
        tensor(f"blk.{i}.ffn_gate.weight", spec.n_ff, spec.n_embd)
        tensor(f"blk.{i}.ffn_up.weight", spec.n_ff, spec.n_embd)
        tensor(f"blk.{i}.ffn_down.weight", spec.n_embd, spec.n_ff)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def _favouring_tensors(
    writer: GGUFWriter, rng: np.random.Generator, spec: TinySpec, favoured: int, n_vocab: int
) -> None:
    """Embeddings and output weights under which `favoured` wins most draws.

    Every token's embedding carries the same large first component, which the small random
    layers leave standing; only the favoured token's output row reads it, so its logit is
    far above the rest whatever the context. Under a grammar that forbids it, the others
    are sampled as usual.
    """
    embeddings = rng.normal(0.0, 0.02, size=(n_vocab, spec.n_embd))
    embeddings[:, 0] = 1.0
    output = rng.normal(0.0, 0.02, size=(n_vocab, spec.n_embd))
    output[:, 0] = 0.0
    output[favoured, 0] = 1.2
    writer.add_tensor("token_embd.weight", embeddings.astype(spec.dtype))
    writer.add_tensor("output_norm.weight", np.ones(spec.n_embd, dtype=np.float32))
    writer.add_tensor("output.weight", output.astype(spec.dtype))


def _tokenizer_of(vocab: Path) -> dict[str, Any]:
    """The `tokenizer.*` fields of a vocabulary-only GGUF, as plain values."""
    reader = GGUFReader(str(vocab))
    return {k: f.contents() for k, f in reader.fields.items() if k.startswith("tokenizer.")}


def _add_tokenizer(writer: GGUFWriter, fields: dict[str, Any]) -> None:
    writer.add_tokenizer_model(fields["tokenizer.ggml.model"])
    if "tokenizer.ggml.pre" in fields:
        writer.add_tokenizer_pre(fields["tokenizer.ggml.pre"])
    writer.add_token_list(fields["tokenizer.ggml.tokens"])
    if "tokenizer.ggml.scores" in fields:
        writer.add_token_scores(fields["tokenizer.ggml.scores"])
    writer.add_token_types(fields["tokenizer.ggml.token_type"])
    if "tokenizer.ggml.merges" in fields:
        writer.add_token_merges(fields["tokenizer.ggml.merges"])
    for key, add in (
        ("tokenizer.ggml.bos_token_id", writer.add_bos_token_id),
        ("tokenizer.ggml.eos_token_id", writer.add_eos_token_id),
        ("tokenizer.ggml.unknown_token_id", writer.add_unk_token_id),
        ("tokenizer.ggml.add_bos_token", writer.add_add_bos_token),
    ):
        if key in fields:
            add(fields[key])
