"""A GPT written the other way: as an Open WebUI model, or as an OpenAI Assistant.

For people moving elsewhere. Neither format carries knowledge files or secrets; each
export says what it could not take along. Actions become function tools in the
Assistant (their caller runs them); Open WebUI has no place for them. Runs on the
caller's thread.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.gpt import GptDefinition

FORMATS = ("openwebui", "openai_assistant")
_METADATA_VALUE = 512  # the Assistants API's limit on a metadata value


def outbound(
    definition: GptDefinition, kind: str, picture: Path | None = None
) -> tuple[Any, list[str]]:
    """`definition` as JSON of `kind` (with the avatar image at `picture`); what was left."""
    if kind == "openwebui":
        return _openwebui(definition, picture)
    if kind == "openai_assistant":
        return _assistant(definition)
    raise errors.ValidationError(
        errors.said(
            "No export format '{kind}'; there are {formats}.", kind=kind, formats=", ".join(FORMATS)
        )
    )


def _left_behind(definition: GptDefinition) -> list[str]:
    notes = []
    if definition.knowledge.files:
        notes.append(
            f"The {len(definition.knowledge.files)} knowledge file(s) are not in this JSON: "
            "add them there by hand (or share a capsule)."
        )
    secrets = [a.name for a in definition.actions if a.auth.type != "none"]
    if secrets:
        notes.append(f"Secrets stay in your keyring; set them again there ({', '.join(secrets)}).")
    return notes


def _openwebui(definition: GptDefinition, picture: Path | None) -> tuple[Any, list[str]]:
    notes = _left_behind(definition)
    model = definition.model
    params: dict[str, Any] = {
        "system": definition.instructions,
        "temperature": model.temperature,
        "top_p": model.top_p,
    }
    if model.max_tokens:
        params["max_tokens"] = model.max_tokens
    if model.seed is not None:
        params["seed"] = model.seed
    if model.context_size:
        params["num_ctx"] = model.context_size
    caps = definition.capabilities
    meta: dict[str, Any] = {
        "profile_image_url": _data_url(picture),
        "description": definition.description,
        "suggestion_prompts": [{"content": s} for s in definition.conversation_starters],
        "capabilities": {
            "code_interpreter": caps.code_interpreter.enabled,
            "web_search": caps.web_browsing.enabled,
            "image_generation": caps.image_generation.enabled,
            "citations": True,
        },
        "knowledge": [],
        "toolIds": [],
        "tags": [],
    }
    if definition.actions:
        notes.append("Actions have no place in an Open WebUI model; they were left out.")
    slug = re.sub(r"[^a-z0-9]+", "-", definition.name.lower()).strip("-") or "gpt"
    item = {
        "id": slug,
        "name": definition.name,
        "base_model_id": model.model,
        "meta": meta,
        "params": params,
    }
    return [item], notes


def _assistant(definition: GptDefinition) -> tuple[Any, list[str]]:
    from desktop.core.tools.actions.setup import action_document  # noqa: PLC0415 (late)

    notes = _left_behind(definition)
    tools: list[dict[str, Any]] = []
    if definition.capabilities.code_interpreter.enabled:
        tools.append({"type": "code_interpreter"})
    if definition.knowledge.files:
        tools.append(
            {"type": "file_search", "file_search": {"max_num_results": definition.knowledge.top_k}}
        )
    for action in definition.actions:
        for operation in action_document(action).operations:
            tools.append(
                {
                    "type": "function",
                    "function": {
                        "name": operation.tool_name,
                        "description": (operation.summary or operation.label)[:1024],
                        "parameters": operation.parameters_schema,
                    },
                }
            )
    if definition.actions:
        notes.append("Actions became function tools: whoever runs the Assistant calls the API.")
    if (
        definition.capabilities.web_browsing.enabled
        or definition.capabilities.image_generation.enabled
    ):
        notes.append("Web browsing and image generation have no Assistant tool; left out.")
    starters = " | ".join(definition.conversation_starters)[:_METADATA_VALUE]
    assistant = {
        "object": "assistant",
        "name": definition.name,
        "description": definition.description or None,
        "model": definition.model.model,
        "instructions": definition.instructions,
        "tools": tools,
        "tool_resources": {},
        "temperature": definition.model.temperature,
        "top_p": definition.model.top_p,
        "metadata": {
            "exported_by": "Capsule Studio",
            **({"starters": starters} if starters else {}),
        },
        "response_format": "auto",
    }
    return assistant, notes


def _data_url(picture: Path | None) -> str:
    """The avatar image as a data URL, or Open WebUI's default picture."""
    if picture is None:
        return "/static/favicon.png"
    data = picture.read_bytes()
    kind = {"jpg": "jpeg"}.get(picture.suffix.lstrip("."), picture.suffix.lstrip("."))
    return f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"
