"""Tool calls in local models' own formats: detection, prompts, streaming parsers, grammars.

Pure Python (no llama_cpp): the llama provider supplies a template renderer and a JSON
schema converter. The pieces, in the order a request meets them:

- `probe_tool_mode(template, render)` reads a chat template once: which call format the
  model writes (`formats.detect_format`), and whether and how the template renders
  tools, calls and results (`ToolMode`).
- `template_input(mode, messages, tools, tool_choice)` shapes a request for that
  template; templates that cannot render tools get our generic `<tool_call>` format,
  described in a prompt of ours.
- `call_grammar(layout, tools, converter, after_trigger)` builds GBNF so sampling can only
  produce well-formed calls (for formats with JSON arguments in a fixed wrapper).
- `ToolFormat.parser(tools)` gives a `CallStream`: feed it the answer as it streams, get
  back `Text` and `Call` pieces.
"""

from desktop.core.providers.toolcalls.adapt import offered_tools, template_input, tool_prompt
from desktop.core.providers.toolcalls.calls import Call, Piece, Text
from desktop.core.providers.toolcalls.formats import GENERIC, ToolFormat, detect_format
from desktop.core.providers.toolcalls.grammar import SchemaRules, call_grammar
from desktop.core.providers.toolcalls.mode import TemplateInput, ToolMode, probe_tool_mode
from desktop.core.providers.toolcalls.stream import CallStream

__all__ = [
    "GENERIC",
    "Call",
    "CallStream",
    "Piece",
    "SchemaRules",
    "TemplateInput",
    "Text",
    "ToolFormat",
    "ToolMode",
    "call_grammar",
    "detect_format",
    "offered_tools",
    "probe_tool_mode",
    "template_input",
    "tool_prompt",
]
