"""Tool-call grammars for llama.cpp: llama-cpp-python's schema converter, checked before use.

Runs in the model host (the check builds a grammar sampler against its vocabulary).
"""

from __future__ import annotations

import logging
from typing import Any

import llama_cpp
from llama_cpp.llama_grammar import SchemaConverter

from desktop.core.providers.toolcalls.grammar import call_grammar
from desktop.core.providers.toolcalls.layouts import Layout

log = logging.getLogger(__name__)


def tool_grammar(
    layout: Layout, tools: list[dict[str, Any]], after_trigger: bool, vocab: Any
) -> str | None:
    """GBNF for calls to `tools` in `layout`, or None when no valid grammar can be built.

    A grammar llama.cpp cannot parse would crash sampling, so it is parsed once here.
    """
    converter = SchemaConverter(  # type: ignore[no-untyped-call]
        prop_order={}, allow_fetch=False, dotall=False, raw_pattern=False
    )
    try:
        text = call_grammar(layout, tools, converter, after_trigger)
    except Exception:  # a schema the converter cannot express: sample without a grammar
        log.warning("no grammar for these tool schemas", exc_info=True)
        return None
    sampler = llama_cpp.llama_sampler_init_grammar(vocab, text.encode("utf-8"), b"root")
    if not sampler:
        log.warning("llama.cpp refused the tool grammar:\n%s", text)
        return None
    llama_cpp.llama_sampler_free(sampler)
    return text
