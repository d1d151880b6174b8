"""Reranking with a GGUF reranker: one relevance score per (query, document) pair.

Runs in the model host process, on its main thread. The model is loaded with rank
pooling (`LoadSettings.rerank`), so llama.cpp puts its classification head on the graph
and each sequence's pooled output is its score. Pairs are built as llama.cpp's own
server builds them: through the GGUF's `rerank` template where it has one (Qwen3
rerankers), else `[BOS] query [EOS] [SEP] document [EOS]` (BERT and XLM-R cross-encoders
such as bge-reranker), each special token where the vocabulary asks for it.
"""

from __future__ import annotations

from typing import Any

import llama_cpp
import llama_cpp.llama_cpp as llama_lib

from desktop.core import errors
from desktop.core.cancel import CancelToken


def pair_tokens(llm: Any, query: str, document: str) -> list[int]:
    """The tokens of one (query, document) pair, cut to fit one batch."""
    template = llm.metadata.get("tokenizer.chat_template.rerank")
    if template:
        prompt = template.replace("{query}", query).replace("{document}", document)
        tokens = list(llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))
    else:
        vocab = llm._model.vocab  # llama-cpp-python exposes no other handle
        eos = llama_lib.llama_vocab_eos(vocab)
        if eos == llama_cpp.LLAMA_TOKEN_NULL:
            eos = llama_lib.llama_vocab_sep(vocab)
        tokens = (
            [llama_lib.llama_vocab_bos(vocab)] if llama_lib.llama_vocab_get_add_bos(vocab) else []
        )
        tokens += llm.tokenize(query.encode("utf-8"), add_bos=False, special=False)
        if llama_lib.llama_vocab_get_add_eos(vocab):
            tokens.append(eos)
        if llama_lib.llama_vocab_get_add_sep(vocab):
            tokens.append(llama_lib.llama_vocab_sep(vocab))
        tokens += llm.tokenize(document.encode("utf-8"), add_bos=False, special=False)
        if llama_lib.llama_vocab_get_add_eos(vocab):
            tokens.append(eos)
    return tokens[: llm.n_batch]  # a cut drops the document's tail; the query stays whole


def rerank(llm: Any, query: str, documents: list[str], cancel: CancelToken) -> list[float]:
    """One score per document, higher is more relevant, in the documents' order.

    Each pair is decoded on its own: llama.cpp's rank pooling picks the wrong token for
    all but the first of several sequences in one batch of a causal model (measured on
    llama-cpp-python 0.3.36), and on a CPU a batch of pairs costs what its pairs cost
    one by one anyway. `cancel` is checked between pairs.

    Raises:
        errors.ModelError: the model has no rank pooling, or llama.cpp failed.
        errors.CancelledError: `cancel` was set.
    """
    if llm.pooling_type() != llama_cpp.LLAMA_POOLING_TYPE_RANK:
        raise errors.ModelError(
            errors.said(
                "This model is not a reranker: pick a GGUF reranker (such as a bge-reranker "
                "or Qwen3-Reranker conversion) for reranking."
            )
        )
    ctx, batch = llm._ctx, llm._batch  # as Llama.embed uses them
    scores: list[float] = []
    try:
        for document in documents:
            if cancel.cancelled:
                raise errors.CancelledError(errors.said("Stopped."))
            batch.reset()
            batch.add_sequence(pair_tokens(llm, query, document), 0, True)
            ctx.kv_cache_clear()
            try:
                ctx.decode(batch)
            except RuntimeError as exc:
                raise errors.ModelError(
                    errors.said("The reranker failed: {reason}", reason=exc)
                ) from None
            scores.append(float(llama_lib.llama_get_embeddings_seq(ctx.ctx, 0)[0]))
    finally:
        batch.reset()
        ctx.kv_cache_clear()
    return scores
