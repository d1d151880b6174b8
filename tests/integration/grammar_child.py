"""Builds every tool-call layout's grammar against a real vocabulary, in its own process.

`python -m tests.integration.grammar_child MODEL.gguf` prints one JSON object: for each
layout name, whether llama.cpp accepted its grammar (before and after the trigger), plus
what a schema the converter cannot express gives. llama.cpp runs here, not in pytest.
"""

from __future__ import annotations

import json
import sys

import llama_cpp

llama_cpp.llama_backend_init()

from desktop.core.providers.llama.server import model as models  # noqa: E402
from desktop.core.providers.llama.server.grammar import tool_grammar  # noqa: E402
from desktop.core.providers.toolcalls import layouts  # noqa: E402


def _tool(name: str, schema: dict[str, object]) -> dict[str, object]:
    return {
        "type": "function",
        "function": {"name": name, "description": name, "parameters": schema},
    }


PICK = _tool("pick", {"type": "object", "properties": {"colour": {"enum": ["red", "blue"]}}})
GREET = _tool("greet", {"type": "object", "properties": {"name": {"type": "string"}}})
WEIRD = _tool("w", {"type": "object", "properties": {"x": {"$ref": "http://x/y"}}})


def main() -> None:
    settings = {
        "context_size": 256,
        "gpu_layers": 0,
        "threads": None,
        "seed": 1,
        "embedding": False,
    }
    loaded = models.load(sys.argv[1], settings, None, lambda _fraction: True)
    vocab = loaded.llm._model.vocab
    found = {
        name: [
            tool_grammar(layout, [PICK, GREET], after, vocab) is not None for after in (False, True)
        ]
        for name, layout in vars(layouts).items()
        if isinstance(layout, layouts.Layout)
    }
    found["weird"] = [tool_grammar(layouts.HERMES, [WEIRD], False, vocab) is not None]
    print(json.dumps(found))
    loaded.close()


if __name__ == "__main__":
    main()
