"""The builder assistant: a model that proposes a GPT's profile while the user describes it.

The user says what they want; any chat model answers with one JSON object that follows
`PROPOSAL_SCHEMA`: a short message to the user, and the name, description, instructions,
conversation starters and capabilities it proposes (null for "leave as it is"). The
schema goes with the request as its `response_schema`, so a local model is held to it by
a grammar and a remote one by structured outputs. `parse_proposal` checks the answer
against the schema again (a server may ignore `response_format`) and `Proposal.apply`
turns it into a definition to diff against the form. Runs on the caller's thread (a
worker thread in the GUI); nothing here keeps state but `BuilderConversation`'s turns.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.core import errors, gpt
from desktop.core.cancel import CancelToken
from desktop.core.gpt import GptDefinition, ModelSettings, update_definition
from desktop.core.providers import base
from desktop.core.providers.profiles import split_reference
from desktop.core.schemas import without_keywords
from desktop.core.settings import Settings

# Bounds on what the model writes, so that a local model's answer always ends. They are
# tighter than the form's own limits (`gpt.MAX_*`), which the answer is fitted to instead.
MESSAGE_CHARS = 600
DESCRIPTION_CHARS = 300
INSTRUCTIONS_CHARS = 4000
STARTERS = 4
STARTER_CHARS = 120
CAPABILITIES = ("code_interpreter", "web_browsing", "image_generation")
# The definition's fields a proposal may set, by path, in the form's order.
PROPOSED_FIELDS = (
    "name",
    "description",
    "instructions",
    "conversation_starters",
    *(f"capabilities.{name}.enabled" for name in CAPABILITIES),
)
# How much of the GPT's current instructions the builder sees: enough to edit them, and
# a 100k-character prompt does not crowd out the conversation.
SHOWN_INSTRUCTIONS = 6000
WRITING_EVERY_S = 0.1  # how often `ask` reports the answer's growing length
# JSON joins an escaped surrogate pair into one character; one left alone cannot be stored.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _string(max_length: int, description: str) -> dict[str, Any]:
    return {"type": "string", "maxLength": max_length, "description": description}


def _or_null(schema: dict[str, Any]) -> dict[str, Any]:
    # anyOf rather than a type list: llama-cpp-python's converter drops maxLength from
    # `"type": ["string", "null"]`, and the bounds keep a small model's answer finite.
    return {"anyOf": [schema, {"type": "null"}]}


def _strict_object(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these keys, all present (what strict structured outputs need)."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


PROPOSAL_SCHEMA: dict[str, Any] = {
    "title": "gpt_proposal",
    **_strict_object(
        {
            "message": _string(
                MESSAGE_CHARS, "What you tell the person: the change, or a question."
            ),
            "name": _or_null(_string(gpt.MAX_NAME, "The GPT's name.")),
            "description": _or_null(_string(DESCRIPTION_CHARS, "One line on what the GPT does.")),
            "instructions": _or_null(
                _string(INSTRUCTIONS_CHARS, "The GPT's instructions, addressed to the GPT.")
            ),
            "conversation_starters": _or_null(
                {
                    "type": "array",
                    "items": _string(STARTER_CHARS, "A first message a user might send."),
                    "maxItems": STARTERS,
                }
            ),
            "capabilities": _strict_object(
                {name: _or_null({"type": "boolean"}) for name in CAPABILITIES}
            ),
        }
    ),
}

BUILDER_INSTRUCTIONS = f"""\
You help a person build a custom assistant, called a GPT, by talking with them.
From what they tell you, propose:
- name: a short name for the GPT;
- description: one line on what it does, for people choosing it;
- instructions: what the GPT must do and how, written to the GPT ("You are ..."), concrete
  about its task, tone, the questions it should ask and what it must not do;
- conversation_starters: up to {STARTERS} first messages a user might send it;
- capabilities: true to switch on, false to switch off, for code_interpreter (runs Python
  for calculations, data and charts), web_browsing (reads web pages and searches the web)
  and image_generation (draws images).
Answer with one JSON object and nothing else. Put null for anything you would leave as it
is. In "message", speak to the person in one or two sentences: say what you proposed, or
ask the one question you need answered first. Write everything in the language the person
writes in."""
# The answer is checked for its shape only: a remote model may overrun the lengths (strict
# structured outputs take none), and a byte-level model's invalid UTF-8 becomes several
# replacement characters. Its strings are fitted to the form's limits instead.
_SHAPE = without_keywords(PROPOSAL_SCHEMA, {"minLength", "maxLength", "maxItems"})
_LIMITS = {
    "name": gpt.MAX_NAME,
    "description": gpt.MAX_DESCRIPTION,
    "instructions": gpt.MAX_INSTRUCTIONS,
}


@dataclass(frozen=True)
class Proposal:
    """What the builder proposed: its message, and the definition's fields it would set.

    `fields` maps a field's path (`name`, `capabilities.web_browsing.enabled`) to its
    proposed value; fields left as they are do not appear.
    """

    message: str
    fields: dict[str, Any]

    def changes(self) -> dict[str, Any]:
        """The proposal as `update_definition` takes it."""
        return changes_from_fields(self.fields)

    def apply(self, definition: GptDefinition) -> GptDefinition:
        """`definition` with the proposal applied.

        Raises:
            errors.ProviderError: the proposal does not make a valid definition.
        """
        try:
            return update_definition(definition, self.changes())
        except errors.ValidationError as exc:
            raise errors.ProviderError(
                errors.said(
                    "The builder proposed something the form cannot take: {problems}. Ask it "
                    "again, or edit the form yourself.",
                    problems="; ".join(exc.problems),
                )
            ) from None


def changes_from_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """`{"a.b": 1, "c": 2}` to `{"a": {"b": 1}, "c": 2}`, as `update_definition` takes it."""
    changes: dict[str, Any] = {}
    for path, value in fields.items():
        *parents, last = path.split(".")
        target = changes
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return changes


def parse_proposal(text: str) -> Proposal:
    """The proposal in a model's answer.

    Raises:
        errors.ProviderError: the answer is not JSON, or not a proposal; the message says so.
    """
    try:
        data = json.loads(text.strip(), strict=False)
    except json.JSONDecodeError as exc:
        raise _unreadable(
            errors.said(
                "The model's answer is not a proposal the builder can read: it is not JSON "
                "({reason} at character {position}). Ask again, or choose a larger model for "
                "the builder.",
                reason=exc.msg,
                position=exc.pos,
            )
        ) from None
    import jsonschema  # noqa: PLC0415 (the window imports this module at start; see test_app)

    try:
        jsonschema.validate(data, _SHAPE)
    except jsonschema.ValidationError as exc:
        if exc.absolute_path:
            message = errors.said(
                "The model's answer is not a proposal the builder can read: {where}: {reason}. "
                "Ask again, or choose a larger model for the builder.",
                where=".".join(str(part) for part in exc.absolute_path),
                reason=exc.message,
            )
        else:
            message = errors.said(
                "The model's answer is not a proposal the builder can read: the answer: "
                "{reason}. Ask again, or choose a larger model for the builder.",
                reason=exc.message,
            )
        raise _unreadable(message) from None
    data = _clean(data)
    fields: dict[str, Any] = {}
    for key, limit in _LIMITS.items():
        if data[key] is not None and (key != "name" or data[key].strip()):
            fields[key] = _fit(data[key].strip(), limit)
    starters = data["conversation_starters"]
    if starters is not None:
        fitted = [_fit(s.strip(), gpt.MAX_STARTER_LEN) for s in starters if s.strip()]
        fields["conversation_starters"] = fitted[: gpt.MAX_STARTERS]
    for name in CAPABILITIES:
        if data["capabilities"][name] is not None:
            fields[f"capabilities.{name}.enabled"] = data["capabilities"][name]
    return Proposal(data["message"].strip(), fields)


def _unreadable(message: errors.Said) -> errors.ProviderError:
    return errors.ProviderError(message, errors.do(errors.Do.CHOOSE_MODEL))


def _fit(text: str, limit: int) -> str:
    """`text`, cut to `limit` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _clean(value: Any) -> Any:
    """Strings made storable: a lone surrogate (a JSON escape such as D800) becomes U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value


def current_profile(definition: GptDefinition) -> dict[str, Any]:
    """The part of the definition the builder sees and may change, as JSON-ready data."""
    instructions = definition.instructions
    if len(instructions) > SHOWN_INSTRUCTIONS:
        instructions = instructions[:SHOWN_INSTRUCTIONS] + " [...]"
    capabilities = definition.capabilities
    return {
        "name": definition.name,
        "description": definition.description,
        "instructions": instructions,
        "conversation_starters": definition.conversation_starters,
        "capabilities": {name: getattr(capabilities, name).enabled for name in CAPABILITIES},
    }


def builder_model(definition: GptDefinition, reference: str, settings: Settings) -> ModelSettings:
    """The model the builder talks through: the GPT's own (`reference` empty), or another.

    `reference` is a local model (its id or path) or `profile:model` for a remote one.
    """
    if not reference.strip():
        return definition.model
    profile, model = split_reference(reference.strip(), settings)
    if profile is not None:
        return ModelSettings(provider=profile, model=model)
    return ModelSettings(provider="local", model=reference.strip())


# -- a conversation ----------------------------------------------------------------------


@dataclass(frozen=True)
class Loading:
    """The builder's model is loading; `progress` from 0 to 1."""

    progress: float


@dataclass(frozen=True)
class Writing:
    """The model is writing its answer; `characters` so far."""

    characters: int


@dataclass(frozen=True)
class Proposed:
    """The answer, read: what the builder proposes."""

    proposal: Proposal


BuilderEvent = Loading | Writing | Proposed


@dataclass
class BuilderConversation:
    """One conversation with the builder about one GPT: the turns that were answered.

    A turn joins the history only once its answer was read as a proposal, so a failed or
    cancelled turn can be asked again as it was.
    """

    turns: list[dict[str, str]] = field(default_factory=list)
    clock: Callable[[], float] = time.monotonic

    def request(
        self, definition: GptDefinition, text: str, model: ModelSettings
    ) -> base.ChatRequest:
        """The chat request for the user's next message `text`."""
        profile = json.dumps(current_profile(definition), ensure_ascii=False, indent=1)
        system = f"{BUILDER_INSTRUCTIONS}\n\nThe GPT as it is now:\n{profile}"
        messages = [
            {"role": "system", "content": system},
            *self.turns,
            {"role": "user", "content": text},
        ]
        return base.ChatRequest(
            messages=messages,
            temperature=model.temperature,
            top_p=model.top_p,
            seed=model.seed,
            response_schema=PROPOSAL_SCHEMA,
        )

    def ask(
        self,
        provider: base.Provider,
        request: base.ChatRequest,
        cancel: CancelToken,
    ) -> Iterator[BuilderEvent]:
        """Send `request` (from `request()`); yield progress, then the proposal.

        Runs on the caller's (worker) thread. Ends without a proposal when cancelled.

        Raises:
            errors.ProviderError: the answer was cut off, or is not a proposal.
            The provider's own typed errors (a model that cannot load, a refused key).
        """
        if not provider.loaded:
            for loading in provider.load():
                if isinstance(loading, base.ModelLoading):
                    yield Loading(loading.progress)
                if cancel.cancelled:
                    return
        parts: list[str] = []
        size, reported = 0, self.clock()
        finish = "stop"
        for event in provider.stream(request, cancel):
            if isinstance(event, base.TextDelta):
                parts.append(event.text)
                size += len(event.text)
                if self.clock() - reported >= WRITING_EVERY_S:
                    reported = self.clock()
                    yield Writing(size)
            elif isinstance(event, base.Finish):
                finish = event.reason
        if finish == "cancelled" or cancel.cancelled:
            return
        text = "".join(parts)
        if finish == "length":
            raise errors.ProviderError(
                errors.said(
                    "The builder's answer was cut off after {size} characters, before the "
                    "proposal was complete. Give the model a larger context size, or ask for "
                    "something shorter.",
                    size=size,
                )
            )
        proposal = parse_proposal(text)
        user = request.messages[-1]
        self.turns += [dict(user), {"role": "assistant", "content": text.strip()}]
        yield Proposed(proposal)
