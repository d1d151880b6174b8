"""OpenAI's shapes: an Assistant object, a GPT's builder configuration, a saved prompt.

None of them ever had an export; people hold the JSON the API returned, or what they
copied from the GPT builder. Files the assistant used stay at OpenAI: the reader names
them so the user can add them. Pure; any thread.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import Field

from desktop.core.capsule.foreign.common import (
    UNNAMED_SECRET,
    Converted,
    Lenient,
    description_of,
    dropped,
    name_of,
    parse,
    sampling,
    starters_of,
)
from desktop.core.capsule.foreign.models import ModelChooser
from desktop.core.capsule.note import Note

# -- the Assistant object ---------------------------------------------------------------


class _FileSearch(Lenient):
    max_num_results: int | None = None


class _Function(Lenient):
    name: str


class _Tool(Lenient):
    type: str
    file_search: _FileSearch | None = None
    function: _Function | None = None


class _Resource(Lenient):
    file_ids: list[str] = Field(default_factory=list)
    vector_store_ids: list[str] = Field(default_factory=list)


class _Assistant(Lenient):
    id: str = ""
    object: Literal["assistant"] | None = None
    name: str | None = None
    description: str | None = None
    instructions: str | None = None
    model: str = ""
    tools: list[_Tool] = Field(default_factory=list)
    tool_resources: dict[str, _Resource] | None = None
    temperature: float | None = None
    top_p: float | None = None
    metadata: dict[str, Any] | None = None
    response_format: Any = None


def read_assistant(data: Any, chooser: ModelChooser) -> Converted:
    """An Assistant as the API returned it (or a one-item list of them)."""
    assistant = parse(_Assistant, data, "an OpenAI Assistant")
    notes: list[Note] = []
    definition: dict[str, Any] = {
        "name": name_of(assistant.name, "Imported assistant", notes),
        "description": description_of(assistant.description, notes),
        "instructions": assistant.instructions or "",
        "model": {
            **chooser.choose(assistant.model, "openai", notes),
            **sampling(assistant.temperature, assistant.top_p, notes),
        },
    }
    _tools(assistant.tools, definition, notes)
    wanted = _resources(assistant.tool_resources or {}, notes)
    if assistant.metadata:
        keys = sorted(str(k) for k in assistant.metadata)
        notes.append(dropped("metadata", keys, "metadata", "a GPT has nowhere to keep it"))
    if assistant.response_format not in (None, "auto"):
        notes.append(
            Note(
                "dropped_response_format",
                {},
                "Dropped the response format: answers here are free text.",
            )
        )
    return Converted(
        "openai_assistant", "an OpenAI Assistant", definition, [], wanted, None, "", notes
    )


def _tools(tools: list[_Tool], definition: dict[str, Any], notes: list[Note]) -> None:
    functions = []
    for tool in tools:
        if tool.type == "code_interpreter":
            definition["capabilities"] = {"code_interpreter": {"enabled": True}}
        elif tool.type == "file_search":
            found = tool.file_search.max_num_results if tool.file_search else None
            if found:
                definition["knowledge"] = {"top_k": max(1, min(100, found))}
        elif tool.type == "function" and tool.function is not None:
            functions.append(tool.function.name)
        else:
            notes.append(
                Note(
                    "dropped_tool",
                    {"tool": tool.type},
                    f"Dropped the tool '{tool.type}': it has no counterpart here.",
                )
            )
    if functions:
        notes.append(
            dropped(
                "functions",
                functions,
                "function tools",
                "they name no endpoint to call; describe the API as an OpenAPI action instead",
            )
        )


def _resources(resources: dict[str, _Resource], notes: list[Note]) -> list[str]:
    wanted: list[str] = []
    for resource in resources.values():
        wanted += resource.file_ids + resource.vector_store_ids
    if wanted:
        items = ", ".join(wanted[:5])
        notes.append(
            Note(
                "files_at_openai",
                {"count": str(len(wanted)), "items": items},
                f"It used {len(wanted)} file(s) or vector store(s) kept at OpenAI "
                f"({items}): download them and add them to the knowledge.",
            )
        )
    return wanted


# -- a GPT's builder configuration ------------------------------------------------------


class _Auth(Lenient):
    type: str = "none"  # none, api_key, oauth (builder labels) or service_http (gizmo)
    auth_type: str = ""  # basic, bearer, custom
    authorization_type: str = ""
    custom_header_name: str = ""
    custom_auth_header: str = ""
    token_url: str = ""
    client_url: str = ""
    scope: str = ""


class _Action(Lenient):
    schema_: str | dict[str, Any] = Field(alias="schema")
    authentication: _Auth = Field(default_factory=_Auth)
    privacy_policy: str = ""


class _Capabilities(Lenient):
    web_browsing: bool = False
    dalle_image_generation: bool = False
    code_interpreter: bool = False
    canvas: bool = False


class _GptConfig(Lenient):
    name: str | None = None
    description: str | None = None
    instructions: str = ""
    conversation_starters: list[str] = Field(default_factory=list)
    capabilities: _Capabilities = Field(default_factory=_Capabilities)
    actions: list[_Action] = Field(default_factory=list)
    knowledge: list[str] = Field(default_factory=list)
    model: str = ""


def read_gpt(data: Any, chooser: ModelChooser) -> Converted:
    """A custom GPT as its builder shows it: the builder's labels, or its `gizmo` JSON."""
    if isinstance(data, dict) and isinstance(data.get("gizmo"), dict):
        data = _from_gizmo(data["gizmo"])
    config = parse(_GptConfig, data, "an OpenAI GPT configuration")
    notes: list[Note] = []
    definition: dict[str, Any] = {
        "name": name_of(config.name, "Imported GPT", notes),
        "description": description_of(config.description, notes),
        "instructions": config.instructions,
        "conversation_starters": starters_of(config.conversation_starters, notes),
        "model": chooser.choose(config.model or "gpt-4o", "openai", notes),
    }
    caps = config.capabilities
    definition["capabilities"] = {
        "code_interpreter": {"enabled": caps.code_interpreter},
        "web_browsing": {"enabled": caps.web_browsing},
    }
    if caps.web_browsing:
        notes.append(
            Note(
                "browsing_search",
                {},
                "Web browsing fetches pages; choose a search service to search too.",
            )
        )
    if caps.dalle_image_generation:
        notes.append(
            Note(
                "images_need_provider",
                {},
                "Image generation needs a provider with an images endpoint: set one in the "
                "GPT's capabilities to switch it on.",
            )
        )
    if caps.canvas:
        notes.append(Note("dropped_canvas", {}, "Dropped canvas: there is no canvas here."))
    definition["actions"] = [_action(i, a, notes) for i, a in enumerate(config.actions, 1)]
    if config.knowledge:
        items = ", ".join(config.knowledge[:5])
        notes.append(
            Note(
                "files_missing",
                {"count": str(len(config.knowledge)), "items": items},
                f"Its {len(config.knowledge)} knowledge file(s) are not in the configuration "
                f"({items}): add them to the knowledge.",
            )
        )
    return Converted(
        "openai_gpt",
        "an OpenAI GPT configuration",
        definition,
        [],
        list(config.knowledge),
        None,
        "",
        notes,
    )


def _from_gizmo(gizmo: dict[str, Any]) -> dict[str, Any]:
    """The builder's own JSON (`gizmo`: display, instructions, tools) in the builder's labels."""
    display = _mapping(gizmo.get("display"))
    tools = [_mapping(t) for t in _sequence(gizmo.get("tools"))]
    kinds = {t.get("type") for t in tools}
    actions = [
        {
            "schema": _mapping(t.get("metadata")).get("raw_spec", ""),
            "authentication": _mapping(_mapping(t.get("metadata")).get("auth")),
        }
        for t in tools
        if t.get("type") == "plugins_prototype"
    ]
    return {
        "name": display.get("name"),
        "description": display.get("description"),
        "instructions": gizmo.get("instructions") or "",
        "conversation_starters": display.get("prompt_starters") or [],
        "capabilities": {
            "web_browsing": "browser" in kinds,
            "dalle_image_generation": "dalle" in kinds,
            "code_interpreter": "python" in kinds,
        },
        "actions": actions,
        "knowledge": [_mapping(f).get("name", "") for f in _sequence(gizmo.get("files"))],
    }


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _action(number: int, action: _Action, notes: list[Note]) -> dict[str, Any]:
    document = action.schema_ if isinstance(action.schema_, str) else json.dumps(action.schema_)
    title = _title(document) or f"Action {number}"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "action"
    auth = action.authentication
    kind = (auth.auth_type or auth.authorization_type).lower()
    result: dict[str, Any] = {"id": f"{slug}-{number}", "name": title[:200], "document": document}
    if auth.type in ("api_key", "service_http"):
        if kind == "custom":
            header = auth.custom_header_name or auth.custom_auth_header or "X-API-Key"
            result["auth"] = {
                "type": "api_key",
                "parameter_name": header,
                "secret_name": UNNAMED_SECRET,
            }
        else:
            result["auth"] = {
                "type": "basic" if kind == "basic" else "bearer",
                "secret_name": UNNAMED_SECRET,
            }
    elif auth.type == "oauth":
        if auth.token_url:
            result["auth"] = {
                "type": "oauth2_client_credentials",
                "token_url": auth.token_url,
                "scopes": auth.scope.split(),
                "secret_name": UNNAMED_SECRET,
            }
        notes.append(
            Note(
                "action_oauth",
                {"action": title},
                f"The action '{title}' used OAuth with a user sign-in; here OAuth2 works with "
                "client credentials only: check its auth.",
            )
        )
    return result


def _title(document: str) -> str:
    """The OpenAPI document's `info.title`, read without resolving anything."""
    import yaml  # noqa: PLC0415 (only GPT configurations with actions need it)

    try:
        data = yaml.safe_load(document)  # JSON is YAML too
    except yaml.YAMLError:
        return ""
    info = data.get("info") if isinstance(data, dict) else None
    title = info.get("title") if isinstance(info, dict) else None
    return title.strip() if isinstance(title, str) else ""


# -- a saved prompt -----------------------------------------------------------------------


class _Prompt(Lenient):
    id: str = ""
    name: str | None = None
    version: str | int | None = None
    instructions: str
    variables: dict[str, Any] | list[str] = Field(default_factory=dict)
    model: str = ""


def read_prompt(data: Any, chooser: ModelChooser) -> Converted:
    """A reusable prompt: its instructions, with each variable's default filled in."""
    prompt = parse(_Prompt, data, "an OpenAI prompt")
    notes: list[Note] = []
    instructions = prompt.instructions
    variables = (
        prompt.variables if isinstance(prompt.variables, dict) else dict.fromkeys(prompt.variables)
    )
    unfilled = []
    for name, value in variables.items():
        default = value.get("default") if isinstance(value, dict) else value
        if isinstance(default, str | int | float) and not isinstance(default, bool):
            instructions = instructions.replace("{{" + name + "}}", str(default))
        else:
            unfilled.append(name)
    if unfilled:
        names = ", ".join(unfilled)
        notes.append(
            Note(
                "variables_unfilled",
                {"names": names},
                f"The variables {names} have no value here; the instructions keep "
                "them as {{name}}: edit them in.",
            )
        )
    version = f" (version {prompt.version})" if prompt.version is not None else ""
    definition = {
        "name": name_of(prompt.name or prompt.id, "Imported prompt", notes),
        "description": f"From the OpenAI prompt {prompt.id or ''}{version}".strip()[:500],
        "instructions": instructions,
        "model": chooser.choose(prompt.model, "openai", notes) if prompt.model else {},
    }
    if not prompt.model:
        notes.append(
            Note("prompt_no_model", {}, "The prompt names no model: choose one for this GPT.")
        )
    return Converted("openai_prompt", "an OpenAI prompt", definition, [], [], None, "", notes)
