"""Chat templates for the tool-call tests: the shared real ones, the repo's copies, our own.

The shared folder (`../shared/data/templates/llama.cpp`) has the most; without it the
copies in `tests/data/templates` still cover each family but Llama 3 and GLM, for which
two small templates of our own (written for these tests) stand in.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.shared_data import SHARED_DATA

SHARED = SHARED_DATA / "templates" / "llama.cpp"
REPO = Path(__file__).resolve().parents[5] / "tests" / "data" / "templates"

# The format each known template should be read as (`ToolFormat.variant`).
EXPECTED = {
    "ByteDance-Seed-OSS": "seed-oss",
    "CohereForAI-c4ai-command-r-plus-tool_use": "generic",
    "CohereForAI-c4ai-command-r7b-12-2024-tool_use": "command-r7b",
    "Mistral-Small-3.2-24B-Instruct-2506": "mistral-call-id",
    "NVIDIA-Nemotron-Nano-v2": "nemotron",
    "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use": "hermes",
    "NousResearch-Hermes-3-Llama-3.1-8B-tool_use": "hermes",
    "Qwen-QwQ-32B": "hermes",
    "Qwen-Qwen2.5-7B-Instruct": "hermes",
    "Qwen-Qwen3-0.6B": "hermes",
    "deepseek-ai-DeepSeek-R1-Distill-Llama-8B": "deepseek-r1",
    "deepseek-ai-DeepSeek-R1-Distill-Qwen-32B": "deepseek-r1",
    "deepseek-ai-DeepSeek-V3.1": "deepseek-v3.1",
    "fireworks-ai-llama-3-firefunction-v2": "firefunction-v2",
    "google-gemma-2-2b-it": "generic",
    "ibm-granite-granite-3.3-2B-Instruct": "granite",
    "llama-cpp-deepseek-r1": "deepseek-r1",
    "llama-cpp-rwkv-world": "generic",
    "meetkai-functionary-medium-v3.1": "functionary-v3.1",
    "meetkai-functionary-medium-v3.2": "generic",
    "meta-llama-Llama-3.1-8B-Instruct": "llama3",
    "meta-llama-Llama-3.2-3B-Instruct": "llama3",
    "meta-llama-Llama-3.3-70B-Instruct": "llama3",
    "microsoft-Phi-3.5-mini-instruct": "generic",
    "mistralai-Mistral-Nemo-Instruct-2407": "mistral-list",
    "moonshotai-Kimi-K2": "kimi-k2",
    "openai-gpt-oss-120b": "generic",
    "unsloth-mistral-Devstral-Small-2507": "mistral-args",
    "own-llama3": "llama3",
    "own-glm45": "glm-4.5",
}

# Ours, in the Llama 3.1 style: bare JSON calls, one per turn, results as `ipython`.
OWN_LLAMA3 = """{{- bos_token -}}
{%- if tools -%}
<|start_header_id|>system<|end_header_id|>\n\nAnswer a call as JSON: {"name": function name, \
"parameters": its arguments}. Functions:
{% for t in tools %}{{ t.function | tojson }}
{% endfor %}<|eot_id|>
{%- endif -%}
{%- for m in messages -%}
{%- if m.role == 'assistant' and m.tool_calls -%}
{%- if m.tool_calls | length != 1 -%}{{ raise_exception('one call per turn') }}{%- endif -%}
<|start_header_id|>assistant<|end_header_id|>\n\n{"name": "{{ m.tool_calls[0].function.name }}", \
"parameters": {{ m.tool_calls[0].function.arguments | tojson }}}<|eot_id|>
{%- elif m.role == 'tool' -%}
<|start_header_id|>ipython<|end_header_id|>\n\n{{ m.content }}<|eot_id|>
{%- else -%}
<|start_header_id|>{{ m.role }}<|end_header_id|>\n\n{{ m.content }}<|eot_id|>
{%- endif -%}
{%- endfor -%}
{%- if add_generation_prompt -%}<|start_header_id|>assistant<|end_header_id|>\n\n{%- endif -%}
"""

# Ours, in the GLM-4.5 style: keys and values in tags, results as observations.
OWN_GLM45 = """[gMASK]<sop>
{%- if tools -%}<|system|>\nTools:\n{% for t in tools %}{{ t | tojson }}\n{% endfor %}\
Call as <tool_call>name\\n<arg_key>key</arg_key>\\n<arg_value>value</arg_value></tool_call>
{%- endif -%}
{%- for m in messages -%}
{%- if m.role == 'assistant' -%}<|assistant|>\n{{ m.content or '' }}
{%- for c in m.tool_calls or [] -%}
<tool_call>{{ c.function.name }}
{% for k, v in c.function.arguments.items() -%}
<arg_key>{{ k }}</arg_key>
<arg_value>{{ v if v is string else v | tojson }}</arg_value>
{% endfor %}</tool_call>
{%- endfor -%}
{%- elif m.role == 'tool' -%}<|observation|>\n<tool_response>\n{{ m.content }}\n</tool_response>
{%- else -%}<|{{ m.role }}|>\n{{ m.content }}
{%- endif -%}
{%- endfor -%}
{%- if add_generation_prompt -%}<|assistant|>\n{%- endif -%}
"""

OWN = {"own-llama3": OWN_LLAMA3, "own-glm45": OWN_GLM45}


def templates() -> dict[str, str]:
    """Every template to test, by name: shared ones if present, else the repo's copies."""
    folder = SHARED if SHARED.is_dir() else REPO
    found = {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.jinja"))}
    return found | OWN
