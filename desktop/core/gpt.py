"""The GPT definition: everything the builder form holds, validated with pydantic.

A `GptDefinition` is a pure value. The store saves each change as a new version
(`desktop.core.store.gpts`); `diff_definitions` compares two versions field by field.
Validation failures become `errors.ValidationError` whose lines name the field and say
what to change.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticValidationError

from desktop.core import errors

MAX_NAME = 80
MAX_DESCRIPTION = 500
MAX_INSTRUCTIONS = 100_000
MAX_STARTERS = 12
MAX_STARTER_LEN = 300
DEFAULT_MAX_TOKENS = 2048


class _Strict(BaseModel):
    """Unknown keys are refused, so a typo never silently does nothing."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class TruncationStrategy(_Strict):
    """How the run engine fits a long conversation into the context window.

    `auto` drops the oldest turns (keeping the system prompt, the first user turn for as
    long as possible, and the latest user message); `last_messages` keeps the last N.
    """

    type: Literal["auto", "last_messages"] = "auto"
    last_messages: Annotated[int, Field(ge=1, le=10_000)] | None = None

    @model_validator(mode="after")
    def _needs_count(self) -> TruncationStrategy:
        if self.type == "last_messages" and self.last_messages is None:
            raise ValueError("truncation 'last_messages' needs a count: set last_messages to N")
        return self


class ModelSettings(_Strict):
    """Which model answers, and how it samples."""

    provider: str = Field(default="local", min_length=1, max_length=64)
    model: str = Field(default="", max_length=4096)
    temperature: Annotated[float, Field(ge=0.0, le=2.0)] = 0.7
    top_p: Annotated[float, Field(gt=0.0, le=1.0)] = 0.95
    # A cap on each answer, so a model that never stops (a base model, a wrong template)
    # ends in seconds rather than filling its context; None lifts it.
    max_tokens: Annotated[int, Field(ge=1, le=1_000_000)] | None = DEFAULT_MAX_TOKENS
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] | None = None
    # None: the backend's own default (4,096 for a local model; the profile's, else 32,768,
    # for a remote one), so a remote GPT is not squeezed into a local model's window.
    context_size: Annotated[int, Field(ge=256, le=1_048_576)] | None = None
    # "auto": every layer on the GPU where the llama.cpp build can offload, none elsewhere;
    # -1 is every layer, N the first N.
    gpu_layers: Annotated[int, Field(ge=-1, le=10_000)] | Literal["auto"] = "auto"
    threads: Annotated[int, Field(ge=1, le=1024)] | None = None
    truncation: TruncationStrategy = Field(default_factory=TruncationStrategy)


class KnowledgeFile(_Strict):
    """A file in the GPT's knowledge, by the id of its stored original."""

    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=1024)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: Annotated[int, Field(ge=0)]


class KnowledgeSettings(_Strict):
    chunk_size: Annotated[int, Field(ge=32, le=8192)] = 400
    chunk_overlap: Annotated[int, Field(ge=0, le=4096)] = 60
    top_k: Annotated[int, Field(ge=1, le=100)] = 5
    score_threshold: Annotated[float, Field(ge=0.0)] = 0.0
    retrieval_mode: Literal["auto", "bm25", "hybrid"] = "auto"
    embedding_model: str = Field(default="", max_length=4096)
    # A reranker GGUF (a model id or path) that reads the first search's best
    # `rerank_candidates` again; empty for none.
    rerank_model: str = Field(default="", max_length=4096)
    rerank_candidates: Annotated[int, Field(ge=1, le=200)] = 20
    files: list[KnowledgeFile] = Field(default_factory=list)

    @model_validator(mode="after")
    def _overlap_below_size(self) -> KnowledgeSettings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(
                f"chunk overlap ({self.chunk_overlap}) must be smaller than chunk size "
                f"({self.chunk_size}): lower the overlap or raise the size"
            )
        return self


class CodeInterpreterSettings(_Strict):
    """Python in a sandboxed kernel per thread; every limit applies to each execution."""

    enabled: bool = False
    timeout_s: Annotated[float, Field(gt=0, le=3600)] = 30.0  # wall time: interrupt, then kill
    memory_mb: Annotated[int, Field(ge=64, le=1_048_576)] = 1024
    cpu_s: Annotated[int, Field(ge=1, le=86_400)] = 60
    max_processes: Annotated[int, Field(ge=1, le=4096)] = 32
    max_file_mb: Annotated[int, Field(ge=1, le=1_048_576)] = 200


class WebBrowsingSettings(_Strict):
    """`fetch_url` always; `web_search` when a provider is set (Brave and Tavily need a key)."""

    enabled: bool = False
    search_provider: Literal["none", "searxng", "brave", "tavily"] = "none"
    # SearXNG: the instance's address (required). Brave, Tavily: empty for the service's
    # own API address, or another address speaking the same API.
    search_url: str = Field(default="", max_length=2048)
    max_results: Annotated[int, Field(ge=1, le=20)] = 5


class ImageGenerationSettings(_Strict):
    """An OpenAI-compatible images endpoint: `provider` names a provider profile."""

    enabled: bool = False
    provider: str = Field(default="", max_length=64)
    model: str = Field(default="", max_length=256)
    size: str = Field(default="1024x1024", pattern=r"^(auto|\d{2,5}x\d{2,5})$")
    quality: Literal["standard", "hd", "low", "medium", "high", "auto"] = "standard"


class Capabilities(_Strict):
    code_interpreter: CodeInterpreterSettings = Field(default_factory=CodeInterpreterSettings)
    web_browsing: WebBrowsingSettings = Field(default_factory=WebBrowsingSettings)
    image_generation: ImageGenerationSettings = Field(default_factory=ImageGenerationSettings)


def capability_problems(capabilities: Capabilities) -> list[str]:
    """What stops a switched-on capability from working, one line each (empty when none).

    These are warnings, not validation errors: a definition saved before a setting existed
    must still load, and a half-configured capability can be finished later.
    """
    problems = []
    web = capabilities.web_browsing
    if web.enabled and web.search_provider == "searxng" and not web.search_url.strip():
        problems.append(
            "web_browsing.search_url: SearXNG needs the instance's address, like "
            "http://localhost:8888 (web_search is not offered until it is set)"
        )
    if web.search_url and not web.search_url.startswith(("http://", "https://")):
        problems.append("web_browsing.search_url: must start with http:// or https://")
    images = capabilities.image_generation
    if images.enabled and not images.provider:
        problems.append(
            "image_generation.provider: name a provider profile whose server has an images endpoint"
        )
    return problems


class ActionAuth(_Strict):
    """How an action authenticates. Names secrets held in the keyring; never their values."""

    type: Literal["none", "api_key", "bearer", "basic", "oauth2_client_credentials"] = "none"
    location: Literal["header", "query", "cookie"] = "header"
    parameter_name: str = Field(default="", max_length=256)
    secret_name: str = Field(default="", max_length=256)
    username_secret: str = Field(default="", max_length=256)
    token_url: str = Field(default="", max_length=2048)
    scopes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names_a_secret(self) -> ActionAuth:
        if self.type != "none" and not self.secret_name:
            raise ValueError(f"auth type '{self.type}' needs secret_name: the keyring entry to use")
        return self


class Action(_Strict):
    """An OpenAPI-described HTTP API the model may call."""

    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    source: str = Field(default="", max_length=4096)
    document: str = Field(default="", max_length=60_000_000)
    auth: ActionAuth = Field(default_factory=ActionAuth)
    # A base URL that replaces the document's servers (a staging host, or a document
    # whose servers are relative).
    server: str = Field(default="", max_length=2048)
    # Operations the model is never offered, by their tool name in the document (as
    # `parse` names them); every other operation is on, including ones a newer copy of
    # the document adds.
    disabled_operations: list[Annotated[str, Field(max_length=256)]] = Field(
        default_factory=list, max_length=100_000
    )


class GptDefinition(_Strict):
    """Everything that defines a GPT. Versioned as a whole on every save."""

    name: str = Field(max_length=MAX_NAME)
    description: str = Field(default="", max_length=MAX_DESCRIPTION)
    avatar: str = Field(default="", max_length=4096)
    instructions: str = Field(default="", max_length=MAX_INSTRUCTIONS)
    # The count is checked after blank starters are dropped, in `_clean_starters`.
    conversation_starters: list[str] = Field(default_factory=list)
    model: ModelSettings = Field(default_factory=ModelSettings)
    knowledge: KnowledgeSettings = Field(default_factory=KnowledgeSettings)
    capabilities: Capabilities = Field(default_factory=Capabilities)
    actions: list[Action] = Field(default_factory=list)
    # Hosts the user has allowed for good ("always allow for this GPT"); any other host
    # asks before the first call of each run.
    allowed_domains: list[str] = Field(default_factory=list, max_length=1000)
    # With more action operations than this, each turn offers the most relevant ones.
    max_offered_operations: int = Field(default=20, ge=1, le=128)
    knowledge_protection: bool = False
    manual_tool_outputs: bool = False

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("the name is empty: give the GPT a name")
        return value

    @field_validator("conversation_starters")
    @classmethod
    def _clean_starters(cls, values: list[str]) -> list[str]:
        cleaned = [v.strip() for v in values if v.strip()]
        if len(cleaned) > MAX_STARTERS:
            raise ValueError(
                f"there are {len(cleaned)} conversation starters; "
                f"keep at most {MAX_STARTERS} and remove the rest"
            )
        for starter in cleaned:
            if len(starter) > MAX_STARTER_LEN:
                raise ValueError(
                    f"a conversation starter is {len(starter)} characters long; "
                    f"keep each to {MAX_STARTER_LEN} at most"
                )
        return cleaned

    @field_validator("allowed_domains")
    @classmethod
    def _clean_domains(cls, values: list[str]) -> list[str]:
        cleaned: list[str] = []
        for value in values:
            host = value.strip().lower().rstrip(".")
            if not host or "/" in host or " " in host:
                raise ValueError(f"'{value}' is not a host name: give it as api.example.com")
            if host not in cleaned:
                cleaned.append(host)
        return cleaned

    @model_validator(mode="after")
    def _unique_action_ids(self) -> GptDefinition:
        ids = [a.id for a in self.actions]
        if len(ids) != len(set(ids)):
            raise ValueError("two actions share an id: each action needs its own id")
        return self

    def to_json(self) -> str:
        """Canonical JSON (sorted keys), as stored in each version."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)


def problems_of(exc: PydanticValidationError) -> list[str]:
    """One readable line per pydantic error: `field.path: what is wrong`."""
    return [_describe(dict(e)) for e in exc.errors()]


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ())) or "definition"
    kind = error.get("type", "")
    message = str(error.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ")
    if kind == "extra_forbidden":
        message = "is not a known field: check the spelling"
    elif kind == "missing":
        message = "is required"
    return f"{where}: {message}"


def validate_definition(data: dict[str, Any]) -> GptDefinition:
    """Build a definition from plain data, or raise `errors.ValidationError` with each problem."""
    try:
        return GptDefinition.model_validate(data)
    except PydanticValidationError as exc:
        problems = problems_of(exc)
        raise errors.ValidationError(
            errors.said(
                "The GPT definition is not valid:\n  {problems}", problems="\n  ".join(problems)
            ),
            problems,
        ) from None


def update_definition(definition: GptDefinition, changes: dict[str, Any]) -> GptDefinition:
    """A copy of `definition` with `changes` merged in (nested dicts merge), validated."""
    merged = merge_changes(definition.model_dump(mode="json"), changes)
    return validate_definition(merged)


def merge_changes(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`base` with `changes` merged in: nested dicts key by key, anything else replaced."""
    out = dict(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_changes(out[key], value)
        else:
            out[key] = value
    return out


def diff_definitions(old: GptDefinition, new: GptDefinition) -> list[dict[str, Any]]:
    """Field-level differences: `[{"field": "model.temperature", "old": 0.7, "new": 0.2}]`."""
    changes: list[dict[str, Any]] = []
    _diff(old.model_dump(mode="json"), new.model_dump(mode="json"), "", changes)
    return changes


def _diff(old: Any, new: Any, prefix: str, out: list[dict[str, Any]]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            path = f"{prefix}.{key}" if prefix else key
            _diff(old.get(key), new.get(key), path, out)
    elif old != new:
        out.append({"field": prefix, "old": old, "new": new})


def rebase_definition(
    base: GptDefinition, edited: GptDefinition, current: GptDefinition
) -> GptDefinition:
    """`edited` (made from `base`) replayed onto `current`: the edits win, the rest is current's.

    What changed in the GPT since `base` (a knowledge file added, a host allowed during a
    run) stays, unless the edit changed the same field. Lists are whole values.

    Raises:
        errors.ValidationError: the combination does not validate.
    """
    if base == current:
        return edited
    data = current.model_dump(mode="json")
    for change in diff_definitions(base, edited):
        *parents, leaf = change["field"].split(".")
        target = data
        for key in parents:
            target = target.setdefault(key, {})
        target[leaf] = change["new"]
    return validate_definition(data)
