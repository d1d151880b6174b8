"""One model call's request: the conversation fitted to the context, and its typed record.

Pure functions of the run's state; the driver calls them on its thread before each call.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.core.gpt import ModelSettings
from desktop.core.providers import base
from desktop.core.runs.parts import prompt_parts
from desktop.core.runs.prompt import Conversation, Fitted, fit
from desktop.core.runs.steps import ModelCall, Sampling, ToolSelection, Truncation
from desktop.core.runs.tools import Offer
from desktop.core.store.records import Run

# Room kept for the answer when the GPT sets no max_tokens.
DEFAULT_ANSWER_RESERVE = 512


def fitted_request(
    provider: base.Provider,
    settings: ModelSettings,
    run: Run,
    conversation: Conversation,
    offer: Offer,
) -> tuple[base.ChatRequest, Fitted]:
    """The request for the next call, its history cut down until prompt and answer fit."""
    choice = run.tool_choice
    if conversation.in_run and choice != "none":
        # `required` and a named tool force the first call only; once the tools have
        # answered, the model must be free to answer too.
        choice = "auto"
    template = base.ChatRequest(
        messages=[],
        tools=offer.specs if choice != "none" else [],
        tool_choice=choice,
        temperature=settings.temperature,
        top_p=settings.top_p,
        max_tokens=settings.max_tokens,
        seed=settings.seed,
    )
    reserve = min(settings.max_tokens or DEFAULT_ANSWER_RESERVE, provider.context_size // 2)

    def check(messages: list[dict[str, Any]]) -> tuple[bool, int]:
        tokens = provider.prepare(replace(template, messages=messages)).tokens
        return tokens + reserve <= provider.context_size, tokens

    fitted = fit(conversation, run.truncation_strategy, check)
    return replace(template, messages=fitted.messages), fitted


def model_call(
    provider: base.Provider,
    request: base.ChatRequest,
    fitted: Fitted,
    conversation: Conversation,
    run: Run,
    offer: Offer,
) -> ModelCall:
    """The record of a call about to be made: what is sent, how big, and how it samples."""
    prepared = provider.prepare(request)
    call = ModelCall(
        provider=provider.name,
        messages=fitted.messages,
        prompt=prepared.text,
        prompt_tokens=prepared.tokens,
        prompt_parts=prompt_parts(conversation, fitted.messages, request.tools, prepared.tokens),
        context_size=provider.context_size,
        tools=[t["function"]["name"] for t in request.tools],
        tool_choice=request.tool_choice,
        sampling=Sampling(
            temperature=request.temperature,
            top_p=request.top_p,
            max_tokens=request.max_tokens,
            seed=request.seed,
        ),
        truncation=Truncation.model_validate(
            {**run.truncation_strategy, "dropped_message_ids": fitted.dropped_message_ids}
        ),
    )
    if offer.selection:
        call.tool_selection = ToolSelection.model_validate(offer.selection)
    if provider.load_details:
        call.load = dict(provider.load_details)
    return call
