"""Open WebUI model exports and LobeHub agents, mapped onto a GPT definition.

Both keep their knowledge elsewhere (Open WebUI's collections, LobeHub's knowledge
bases): the reader names what the user must add. Pure; any thread.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from desktop.core.capsule.foreign.common import (
    Converted,
    Lenient,
    description_of,
    dropped,
    emoji_of,
    image_from_data_url,
    name_of,
    parse,
    sampling,
    starters_of,
)
from desktop.core.capsule.foreign.models import ModelChooser
from desktop.core.capsule.note import Note

# -- Open WebUI ----------------------------------------------------------------------------


class _Suggestion(Lenient):
    content: str = ""


class _Knowledge(Lenient):
    id: str = ""
    name: str = ""


class _WebUiCapabilities(Lenient):
    vision: bool | None = None
    code_interpreter: bool | None = None
    web_search: bool | None = None
    image_generation: bool | None = None


class _WebUiMeta(Lenient):
    profile_image_url: str | None = None
    description: str | None = None
    suggestion_prompts: list[_Suggestion] | None = None
    knowledge: list[_Knowledge] | None = None
    toolIds: list[str] | None = None
    capabilities: _WebUiCapabilities | None = None


class _WebUiParams(Lenient):
    system: str | None = None
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    seed: int | None = None
    num_ctx: int | None = None


class _WebUiModel(Lenient):
    id: str
    name: str | None = None
    base_model_id: str | None = None
    meta: _WebUiMeta = Field(default_factory=_WebUiMeta)
    params: _WebUiParams = Field(default_factory=_WebUiParams)


def read_openwebui(data: Any, chooser: ModelChooser) -> Converted:
    """One model of an Open WebUI export (the export is a list; give it one model)."""
    model = parse(_WebUiModel, data, "an Open WebUI model")
    notes: list[Note] = []
    meta, params = model.meta, model.params
    settings: dict[str, Any] = {
        **chooser.choose(model.base_model_id or "", "", notes),
        **sampling(params.temperature, params.top_p, notes),
    }
    if params.max_tokens and params.max_tokens > 0:
        settings["max_tokens"] = params.max_tokens
    if params.seed is not None and 0 <= params.seed < 2**31:
        settings["seed"] = params.seed
    if params.num_ctx and 256 <= params.num_ctx <= 1_048_576:
        settings["context_size"] = params.num_ctx
    definition: dict[str, Any] = {
        "name": name_of(model.name or model.id, "Imported model", notes),
        "description": description_of(meta.description, notes),
        "instructions": params.system or "",
        "conversation_starters": starters_of(
            [s.content for s in meta.suggestion_prompts or []], notes
        ),
        "model": settings,
        "capabilities": _webui_capabilities(meta.capabilities, notes),
    }
    wanted = [k.name or k.id for k in meta.knowledge or []]
    if wanted:
        items = ", ".join(wanted[:5])
        notes.append(
            Note(
                "knowledge_elsewhere",
                {"app": "Open WebUI", "count": str(len(wanted)), "items": items},
                f"Its knowledge ({items}) stays in Open WebUI: export those "
                "files and add them to the knowledge.",
            )
        )
    if meta.toolIds:
        notes.append(
            dropped(
                "webui_tools",
                meta.toolIds,
                "tools",
                "Open WebUI's tools are Python code of its own",
            )
        )
    picture = image_from_data_url(meta.profile_image_url, notes)
    return Converted("openwebui", "an Open WebUI model", definition, [], wanted, picture, "", notes)


def _webui_capabilities(
    capabilities: _WebUiCapabilities | None, notes: list[Note]
) -> dict[str, Any]:
    caps = capabilities or _WebUiCapabilities()
    if caps.vision:
        notes.append(Note("dropped_vision", {}, "Dropped vision: this GPT reads text only."))
    if caps.image_generation:
        notes.append(
            Note(
                "images_need_provider",
                {},
                "Image generation needs a provider: set one in the GPT's capabilities.",
            )
        )
    return {
        "code_interpreter": {"enabled": bool(caps.code_interpreter)},
        "web_browsing": {"enabled": bool(caps.web_search)},
    }


# -- LobeHub -------------------------------------------------------------------------------


class _LobeMeta(Lenient):
    title: str | None = None
    description: str | None = None
    avatar: str | None = None
    tags: list[str] = Field(default_factory=list)


class _LobeParams(Lenient):
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None


class _LobeConfig(Lenient):
    systemRole: str = ""
    model: str = ""
    provider: str = ""
    params: _LobeParams = Field(default_factory=_LobeParams)
    openingMessage: str = ""
    openingQuestions: list[str] = Field(default_factory=list)
    plugins: list[str] = Field(default_factory=list)
    knowledgeBases: list[Any] = Field(default_factory=list)


class _LobeAgent(Lenient):
    author: str = ""
    meta: _LobeMeta
    config: _LobeConfig


def read_lobehub(data: Any, chooser: ModelChooser) -> Converted:
    """A LobeHub agent (the marketplace's JSON, or an agent's `meta` and `config`)."""
    agent = parse(_LobeAgent, data, "a LobeHub agent")
    notes: list[Note] = []
    config, params = agent.config, agent.config.params
    settings: dict[str, Any] = {
        **chooser.choose(config.model, config.provider, notes),
        **sampling(params.temperature, params.top_p, notes),
    }
    if params.max_tokens and params.max_tokens > 0:
        settings["max_tokens"] = params.max_tokens
    if params.presence_penalty or params.frequency_penalty:
        notes.append(
            Note(
                "dropped_penalties",
                {},
                "Dropped the presence and frequency penalties: not set here.",
            )
        )
    instructions = config.systemRole
    if config.openingMessage:
        instructions += f"\n\nOpen each new conversation with: {config.openingMessage}"
        notes.append(
            Note("opening_message", {}, "The opening message became a line of the instructions.")
        )
    definition: dict[str, Any] = {
        "name": name_of(agent.meta.title, "Imported agent", notes),
        "description": description_of(agent.meta.description, notes),
        "avatar": emoji_of(agent.meta.avatar, agent.meta.title or "", notes),
        "instructions": instructions.strip(),
        "conversation_starters": starters_of(config.openingQuestions, notes),
        "model": settings,
    }
    if agent.meta.tags:
        notes.append(dropped("tags", agent.meta.tags, "tags", "GPTs have no tags"))
    if config.plugins:
        notes.append(
            dropped("plugins", config.plugins, "plugins", "LobeHub plugins do not run here")
        )
    wanted = [
        str(k if isinstance(k, str) else (k or {}).get("name", "")) for k in config.knowledgeBases
    ]
    if wanted:
        notes.append(
            Note(
                "knowledge_elsewhere",
                {"app": "LobeHub", "count": str(len(wanted)), "items": ", ".join(wanted[:5])},
                f"It used {len(wanted)} knowledge base(s) kept in LobeHub: add their files to "
                "the knowledge.",
            )
        )
    return Converted(
        "lobehub", "a LobeHub agent", definition, [], wanted, None, agent.author, notes
    )
