"""Typed run steps: what a model call, a retrieval and a tool call record, for every view.

A step is stored (and streamed in events) as the Assistants API's JSON; these models read
that JSON and write it back unchanged (`Step.from_dict(d).to_dict() == d`), keys a tool
adds included. Views read the typed fields and never pick apart nested dicts. Built and
read on any thread; a step is changed only by the run's driver.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.runs.toolrecords import (
    CodeRun,
    HttpExchange,
    ImageGeneration,
    Record,
    WebBrowsing,
)
from desktop.core.store.records import RunStep

# Characters of an excerpt quoted in a citation.
QUOTE_LENGTH = 200


class ErrorInfo(Record):
    """A failure as stored: a stable code, the message, and what the user can do (if known)."""

    code: str
    message: str
    action: dict[str, Any] | None = None


class Usage(Record):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cached_prompt_tokens: int | None = None


class Timings(Record):
    """Milliseconds; `tokens_per_s` after the first token."""

    duration_ms: float | None = None
    ttft_ms: float | None = None
    tokens_per_s: float | None = None


# -- a model call ---------------------------------------------------------------------------


class Sampling(Record):
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    seed: int | None = None


class Truncation(Record):
    """The run's truncation strategy and the history messages it dropped from this call."""

    type: str = "auto"
    last_messages: int | None = None
    dropped_message_ids: list[str] = Field(default_factory=list)


class ToolSelection(Record):
    """How the offered operations were picked from a large action document."""

    query: str
    from_: int = Field(alias="from")
    limit: int
    offered: list[str]
    duration_ms: float


class PromptParts(Record):
    """Tokens each part of the prompt takes; `estimated` when shared out from the total.

    `instructions` are the GPT's own (and a run's additional) instructions; `system` the
    rest of the system prompt (the app's rules for citations and tools) and the chat
    template's framing.
    """

    system: int = 0
    instructions: int = 0
    history: int = 0
    message: int = 0
    knowledge: int = 0
    tool_calls: int = 0
    tools: int = 0
    estimated: bool = True


class FunctionSpec(Record):
    """A function call as the model made it, and the output it got (None: not yet)."""

    name: str
    arguments: str = "{}"
    output: str | None = None


class ModelCall(Record):
    """What one model call sent and how it ended.

    `messages` are the chat messages after truncation; `prompt` the exact text (or JSON
    body) the provider sent; `context_size` the model's window in tokens; `load` the facts
    of the model's load the provider reports (a local model's `gpu_layers`). Other facts a
    provider adds are kept as extra keys.
    """

    provider: str
    messages: list[dict[str, Any]]
    prompt: str | None = None
    prompt_tokens: int = 0
    prompt_tokens_estimated: int | None = None
    prompt_parts: PromptParts | None = None
    context_size: int | None = None
    tools: list[str] = Field(default_factory=list)
    tool_choice: Any = "auto"
    tool_selection: ToolSelection | None = None
    sampling: Sampling = Field(default_factory=Sampling)
    truncation: Truncation = Field(default_factory=Truncation)
    load: dict[str, Any] | None = None
    finish_reason: str | None = None
    tool_calls: list[FunctionCall] | None = None

    @property
    def gpu_layers(self) -> int | None:
        """The layers a local model offloaded to the GPU, where the provider says."""
        layers = (self.load or {}).get("gpu_layers")
        return layers if isinstance(layers, int) else None


class MessageCreation(Record):
    message_id: str | None = None


class Guard(Record):
    """What knowledge protection withheld from the answer: source and characters."""

    withheld: list[dict[str, Any]] = Field(default_factory=list)


class MessageDetails(Record):
    """A `message_creation` step: the model call and the message it wrote."""

    message_creation: MessageCreation = Field(default_factory=MessageCreation)
    model_call: ModelCall | None = None
    notices: list[str] | None = None
    guard: Guard | None = None


# -- retrieval ------------------------------------------------------------------------------


class Chunk(Record):
    """One retrieved excerpt: where it is from and how each retriever ranked and scored it."""

    id: str | None = None
    file_id: str = ""
    file: str = ""
    text: str = ""
    page: int | None = None
    location: str = ""
    score: float = 0.0
    ranks: dict[str, int] = Field(default_factory=dict)
    scores: dict[str, float] = Field(default_factory=dict)

    @property
    def quote(self) -> str:
        return self.text[:QUOTE_LENGTH]

    @property
    def where(self) -> str:
        """Where in its file: `page 3`, the location, or empty when it has neither."""
        return f"page {self.page}" if self.page else self.location


class Retrieval(Record):
    query: str
    results: list[Chunk] = Field(default_factory=list)


class RetrievalCall(Record):
    """The knowledge search a run makes before its first model call."""

    id: str
    type: Literal["retrieval"]
    retrieval: Retrieval


# -- tool calls -----------------------------------------------------------------------------


class ConsentRecord(Record):
    """The user's answer about the host a call reaches (`asked`: False when remembered)."""

    domain: str
    decision: str
    asked: bool | None = None


class FunctionCall(Record):
    """A call of a function tool (an action, a capability, a client tool) and its outcome."""

    id: str
    type: Literal["function"]
    function: FunctionSpec
    consent: ConsentRecord | None = None
    error: ErrorInfo | None = None
    duration_ms: float | None = None
    images: list[str] | None = None
    submitted: bool | None = None
    details: dict[str, Any] | None = None
    code_interpreter: CodeRun | None = None
    web_browsing: WebBrowsing | None = None
    image_generation: ImageGeneration | None = None

    @property
    def name(self) -> str:
        return self.function.name

    @property
    def arguments(self) -> str:
        return self.function.arguments

    @property
    def output(self) -> str | None:
        return self.function.output

    @property
    def answered(self) -> bool:
        return "output" in self.function.model_fields_set

    @property
    def http(self) -> HttpExchange | None:
        request = (self.details or {}).get("request")
        return HttpExchange.model_validate(request) if isinstance(request, dict) else None

    def request(self) -> dict[str, Any]:
        """The call as a chat message's `tool_calls` entry (no output, no records)."""
        return {
            "id": self.id,
            "type": "function",
            "function": {"name": self.name, "arguments": self.arguments},
        }


ToolCall = Annotated[RetrievalCall | FunctionCall, Field(discriminator="type")]


class ToolCallsDetails(Record):
    """A `tool_calls` step: a retrieval, or the function calls of one model answer."""

    tool_calls: list[ToolCall] = Field(default_factory=list)

    def functions(self) -> list[FunctionCall]:
        return [c for c in self.tool_calls if isinstance(c, FunctionCall)]

    def retrieval(self) -> RetrievalCall | None:
        return next((c for c in self.tool_calls if isinstance(c, RetrievalCall)), None)


StepDetails = MessageDetails | ToolCallsDetails


# -- the step -------------------------------------------------------------------------------


class Step(BaseModel):
    """One run step, typed; `to_dict()` is the stored and streamed form."""

    model_config = ConfigDict(validate_assignment=True)

    id: str
    run_id: str
    thread_id: str
    seq: int
    type: Literal["message_creation", "tool_calls"]
    status: str
    details: StepDetails
    usage: Usage | None = None
    timings: Timings = Field(default_factory=Timings)
    last_error: ErrorInfo | None = None
    created_at: float
    completed_at: float | None = None

    @property
    def model_call(self) -> ModelCall | None:
        return self.details.model_call if isinstance(self.details, MessageDetails) else None

    @property
    def message_id(self) -> str | None:
        if isinstance(self.details, MessageDetails):
            return self.details.message_creation.message_id
        return None

    def function_calls(self) -> list[FunctionCall]:
        return self.details.functions() if isinstance(self.details, ToolCallsDetails) else []

    def to_dict(self) -> dict[str, Any]:
        return {
            "object": "thread.run.step",
            "id": self.id,
            "run_id": self.run_id,
            "thread_id": self.thread_id,
            "seq": self.seq,
            "type": self.type,
            "status": self.status,
            "step_details": self.details.to_dict(),
            "usage": self.usage.to_dict() if self.usage is not None else None,
            "timings": self.timings.to_dict(),
            "last_error": self.last_error.to_dict() if self.last_error is not None else None,
            "created_at": self.created_at,
            "completed_at": self.completed_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Step:
        """A step from its stored or streamed form (`RunStep.to_dict()`, an event's data)."""
        return cls(
            id=data["id"],
            run_id=data["run_id"],
            thread_id=data["thread_id"],
            seq=data["seq"],
            type=data["type"],
            status=data["status"],
            details=parse_details(data["type"], data["step_details"]),
            usage=Usage.model_validate(data["usage"]) if data.get("usage") is not None else None,
            timings=Timings.model_validate(data.get("timings") or {}),
            last_error=_error(data.get("last_error")),
            created_at=data["created_at"],
            completed_at=data.get("completed_at"),
        )

    @classmethod
    def from_record(cls, record: RunStep) -> Step:
        return cls.from_dict(record.to_dict())

    def record(self) -> RunStep:
        """The stored form of this step."""
        data = self.to_dict()
        data.pop("object")
        return RunStep(**data)


def parse_details(step_type: str, data: dict[str, Any]) -> StepDetails:
    if step_type == "tool_calls":
        return ToolCallsDetails.model_validate(data)
    return MessageDetails.model_validate(data)


def _error(data: dict[str, Any] | None) -> ErrorInfo | None:
    return ErrorInfo.model_validate(data) if data is not None else None


ModelCall.model_rebuild()
