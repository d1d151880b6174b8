"""Drives one run from its current state until it finishes, fails, is cancelled or pauses.

Runs on the caller's thread (the GUI's worker, the CLI's main thread). The loop keeps the
run's state in its `RunTimeline` and reads the thread's history once, at the start; the
`Recorder` writes every change through to the store before its event is yielded.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.core import errors
from desktop.core.gpt import GptDefinition
from desktop.core.ids import now
from desktop.core.providers import base
from desktop.core.runs import events as ev
from desktop.core.runs import history
from desktop.core.runs.calls import finished_call, merge_call, timings, usage_of
from desktop.core.runs.guard import OutputGuard
from desktop.core.runs.loading import load_events
from desktop.core.runs.outputs import answer_content
from desktop.core.runs.parts import exact_parts, settle_parts
from desktop.core.runs.reasoning import (
    REASONING,
    Output,
    Piece,
    Thinking,
    opens_thinking,
    reasoning_of,
    with_reasoning,
)
from desktop.core.runs.recorder import Recorder
from desktop.core.runs.request import fitted_request, model_call
from desktop.core.runs.steps import (
    Chunk,
    FunctionCall,
    Guard,
    MessageCreation,
    MessageDetails,
    PromptParts,
    Step,
    ToolCall,
    ToolCallsDetails,
)
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import Offer, ToolRegistry
from desktop.core.runs.toolsteps import ToolSteps, retrieval_details
from desktop.core.store import Store
from desktop.core.store.records import Message

log = logging.getLogger(__name__)

MAX_TOOL_ROUNDS = 10
FLUSH_INTERVAL_S = 0.5


@dataclass
class _CallOutcome:
    finish: str
    tool_calls: list[FunctionCall] = field(default_factory=list)


@dataclass
class _Open:
    """What is half-written while streaming, so a failure can close it properly."""

    step: Step | None = None
    message: Message | None = None


class RunDriver:
    """One run's loop: model call, tool calls, model call, ... until an answer."""

    def __init__(
        self,
        store: Store,
        timeline: RunTimeline,
        definition: GptDefinition,
        provider: Callable[[], base.Provider],
        tools: ToolRegistry,
        cancel: base.CancelToken,
        clock: Callable[[], float] = time.perf_counter,
        retrieve: Callable[[str], list[dict[str, Any]]] | None = None,
    ) -> None:
        assert timeline.run is not None
        self._store = store
        self.timeline = timeline
        self.run = timeline.run
        self._definition = definition
        self._provider_factory = provider
        self._provider: base.Provider | None = None
        self._tools = tools
        self._cancel = cancel
        self._clock = clock
        self._open = _Open()
        self._run_started = clock()
        self._first_token_at: float | None = None
        self._retrieve = retrieve
        self._sources: list[Chunk] = []
        self._offered: Offer | None = None
        self._history: list[Message] = []
        # Counts the open model call's prompt parts exactly, where the provider can.
        self._counted: Callable[[], PromptParts | None] = lambda: None
        self._recorder = Recorder(store, timeline)
        self._steps = ToolSteps(self._recorder, tools, definition, clock)

    # -- the loop ------------------------------------------------------------------------

    def events(self) -> Iterator[ev.Event]:
        try:
            self._start()
            if self.run.status in ("queued", "in_progress"):
                started = self.run.started_at or now()
                yield self._recorder.set_run(
                    ev.RUN_IN_PROGRESS, status="in_progress", started_at=started
                )
            self._sources = self.timeline.sources()
            if self._retrieve is not None and not self._sources:
                yield from self._retrieval()
            final = yield from self._loop()
            if final is not None:
                yield from self._finish(final)
        except errors.CapsuleError as exc:
            log.info("run %s failed (%s): %s", self.run.id, exc.code, exc.message)
            yield from self._finish("failed", exc.to_dict())
        except GeneratorExit:
            self._abandon()
            raise
        except Exception as exc:  # a bug or an unexpected library error: record it, keep data
            log.exception("run %s failed unexpectedly", self.run.id)
            yield from self._finish(
                "failed", {"code": "internal_error", "message": f"{type(exc).__name__}: {exc}"}
            )

    def _start(self) -> None:
        """Read the thread's history, once: the rest of the run is in the timeline."""
        thread = self._store.threads.messages(self.run.thread_id)
        self._history = history.earlier(thread, self.timeline)
        self._recorder.next_seq = max((m.seq for m in thread), default=0) + 1

    def _loop(self) -> Generator[ev.Event, None, str | None]:
        """Model calls and tool calls until an answer; the final status, or None if paused."""
        unfinished = self._steps.unfinished()
        if unfinished is not None:  # resumed after a consent answer
            if (yield from self._run_tool_step(unfinished)):
                return None
            if self._cancel_requested():
                return "cancelled"
        for _ in range(MAX_TOOL_ROUNDS + 1):
            outcome = yield from self._model_call()
            if outcome.finish == "cancelled":
                return "cancelled"
            if not outcome.tool_calls:
                return "incomplete" if outcome.finish == "length" else "completed"
            if (yield from self._tool_calls(outcome.tool_calls)):
                return None  # paused in requires_action
            if self._cancel_requested():
                return "cancelled"
        raise errors.RunError(
            errors.said(
                "The model kept calling tools for {rounds} rounds without answering; "
                "the run was stopped. Rephrase the request or check the tools' outputs.",
                rounds=MAX_TOOL_ROUNDS,
            )
        )

    # -- model calls ---------------------------------------------------------------------

    def _model_call(self) -> Generator[ev.Event, None, _CallOutcome]:
        provider = yield from self._loaded_provider()
        conversation = history.conversation(self.timeline, self._history)
        request, fitted = fitted_request(
            provider, self._definition.model, self.run, conversation, self._offer
        )
        call = model_call(provider, request, fitted, conversation, self.run, self._offer)
        details = MessageDetails(message_creation=MessageCreation(message_id=None), model_call=call)
        step = yield from self._new_step("message_creation", details)
        self._counted = lambda: exact_parts(provider, request, conversation, call.prompt_tokens)
        outcome = yield from self._stream(provider, request, step)
        return outcome

    @property
    def _offer(self) -> Offer:
        """The tools offered on every model call of this run, chosen once for its message."""
        if self._offered is None:
            choice = self.run.tool_choice
            named = choice.get("function", {}).get("name") if isinstance(choice, dict) else None
            self._offered = self._tools.offer(
                history.asked(self.timeline).text,
                self._definition.max_offered_operations,
                keep=named,
                clock=self._clock,
            )
        return self._offered

    def _loaded_provider(self) -> Generator[ev.Event, None, base.Provider]:
        if self._provider is None:
            self._provider = self._provider_factory()
        yield from load_events(self._provider, self.run.id, self._clock)
        return self._provider

    def _stream(
        self, provider: base.Provider, request: base.ChatRequest, step: Step
    ) -> Generator[ev.Event, None, _CallOutcome]:
        calls: dict[int, dict[str, Any]] = {}
        usage: base.Usage | None = None
        finish = "stop"
        notices: list[str] = []
        started = self._clock()
        first: float | None = None
        last_flush = started
        prompt = step.model_call.prompt if step.model_call is not None else None
        output = Output(Thinking(self._clock, inside=opens_thinking(prompt)), self._guard)
        for event in provider.stream(request, self._cancel):
            if isinstance(event, base.TextDelta | base.ReasoningDelta):
                if first is None:
                    first = self._first_token()
                yield from self._show(step, output.take(event))
                if self._clock() - last_flush >= FLUSH_INTERVAL_S:
                    last_flush = self._clock()
                    self._checkpoint()
            elif isinstance(event, base.ToolCallDelta):
                if first is None:
                    first = self._first_token()
                merge_call(calls, event)
            elif isinstance(event, base.Usage):
                usage = event
            elif isinstance(event, base.Notice):
                notices.append(event.message)
            elif isinstance(event, base.Finish):
                finish = event.reason
        if self._cancel.cancelled:
            finish = "cancelled"
        yield from self._show(step, output.finish())
        yield from self._release(step, output)
        ended = self._clock()
        tool_calls = [finished_call(calls[i]) for i in sorted(calls)]
        if notices:
            assert isinstance(step.details, MessageDetails)
            step.details.notices = notices
        yield from self._close_call(step, finish, usage, (started, first, ended), tool_calls)
        return _CallOutcome(finish=finish, tool_calls=tool_calls)

    def _guard(self) -> OutputGuard | None:
        """With knowledge protection on, a guard over the instructions and this run's excerpts."""
        if not self._definition.knowledge_protection:
            return None
        excerpts = [(s.file, s.text) for s in self._sources]
        return OutputGuard.for_texts(self._definition.instructions, excerpts)

    def _release(self, step: Step, output: Output) -> Generator[ev.Event, None, None]:
        """Record what the guards withheld, and how long the model thought."""
        if output.withheld:
            assert isinstance(step.details, MessageDetails)
            step.details.guard = Guard(withheld=output.withheld)
        message = self._open.message
        if output.thinking.seen and message is not None:
            yield self._recorder.reasoning_delta(message, "", output.thinking.duration_ms)

    def _show(self, step: Step, pieces: list[Piece]) -> Generator[ev.Event, None, None]:
        """Stream pieces of the answer and of the reasoning onto the step's message.

        After Stop, what the model had already made (a local model's host runs ahead of
        the pipe) is dropped: the answer ends where the user stopped it.
        """
        if self._cancel.cancelled:
            return
        for kind, text in pieces:
            if self._open.message is None:
                self._open.message, created = self._recorder.new_message(step)
                yield created
            if kind == REASONING:
                yield self._recorder.reasoning_delta(self._open.message, text)
            else:
                yield self._recorder.delta(self._open.message, text)

    def _checkpoint(self) -> None:
        """Save the text so far, and notice a cancel asked for by another process."""
        if self._open.message is not None:
            self._recorder.flush(self._open.message)
        if self._cancel_requested():
            self._cancel.cancel()

    def _first_token(self) -> float:
        at = self._clock()
        if self._first_token_at is None:
            self._first_token_at = at
        return at

    def _close_call(
        self,
        step: Step,
        finish: str,
        usage: base.Usage | None,
        span: tuple[float, float | None, float],
        tool_calls: list[FunctionCall],
    ) -> Generator[ev.Event, None, None]:
        """Finish the model call's step and its message in one transaction."""
        used = usage_of(usage)
        timed = timings(*span, used.completion_tokens)
        call = step.model_call
        assert call is not None
        call.finish_reason = finish
        settle_parts(call, used.prompt_tokens, self._counted if finish != "cancelled" else None)
        if tool_calls:
            call.tool_calls = [c.model_copy(deep=True) for c in tool_calls]
        status = {"cancelled": "cancelled"}.get(finish, "completed")
        message_status = "completed" if finish in {"stop", "tool_calls"} else "incomplete"
        message = self._open.message
        closed: list[ev.Event] = []
        with self._store.transaction() as tx:
            if message is not None:
                tx.threads.update_message(message, self._content(message, step), message_status)
                name = (
                    ev.MESSAGE_COMPLETED if message_status == "completed" else ev.MESSAGE_INCOMPLETE
                )
                closed.append(ev.Event(name, message.to_dict()))
            self._recorder.save_step(
                step, tx, status=status, usage=used, timings=timed, completed_at=now()
            )
            self._recorder.add_usage(tx, used.to_dict())
        yield from closed
        yield ev.Event(ev.STEP_FINAL[status], step.to_dict())
        self._open = _Open()

    # -- knowledge -----------------------------------------------------------------------

    def _retrieval(self) -> Generator[ev.Event, None, None]:
        """Search the knowledge for the user's message; record every chunk it returned."""
        assert self._retrieve is not None
        details = retrieval_details(history.asked(self.timeline).text)
        step = yield from self._new_step("tool_calls", details)
        self._sources = yield from self._steps.search(step, self._retrieve)
        self._open.step = None

    # -- tool calls ----------------------------------------------------------------------

    def _tool_calls(self, calls: list[FunctionCall]) -> Generator[ev.Event, None, bool]:
        """Record the model's calls as a step and run them; True when the run paused."""
        made: list[ToolCall] = [*calls]
        step = yield from self._new_step("tool_calls", ToolCallsDetails(tool_calls=made))
        return (yield from self._run_tool_step(step))

    def _run_tool_step(self, step: Step) -> Generator[ev.Event, None, bool]:
        """Run the step's calls; True when the run paused in requires_action."""
        self._open.step = step
        paused: bool = yield from self._steps.run(step)
        if not paused:
            self._open.step = None
        return paused

    # -- helpers ---------------------------------------------------------------------------

    def _new_step(self, step_type: str, details: Any) -> Generator[ev.Event, None, Step]:
        step, event = self._recorder.new_step(step_type, details)
        self._open.step = step
        yield event
        return step

    def _content(self, message: Message, step: Step) -> list[dict[str, Any]]:
        """The message's final content: reasoning, pictures, then the text and its citations."""
        content = answer_content(message.text, self._sources, self.timeline.steps, step.id)
        return with_reasoning(content, *reasoning_of(message.content))

    def _cancel_requested(self) -> bool:
        """True once this run is to stop: cancelled here, or from another process."""
        return self._cancel.cancelled or self._recorder.cancel_requested()

    def _finish(
        self, status: str, error: dict[str, Any] | None = None
    ) -> Generator[ev.Event, None, None]:
        """Close whatever is open and give the run its final status; frees the thread."""
        stamp = {"completed": "completed_at", "incomplete": "completed_at"}.get(
            status, f"{status}_at"
        )
        fields: dict[str, Any] = {
            "status": status,
            stamp: now(),
            "timings": {**self.run.timings, **self._run_timings()},
            "required_action": None,
        }
        if error is not None:
            fields["last_error"] = error
        if status == "incomplete":
            fields["incomplete_details"] = {"reason": "max_tokens"}
        message = self._open.message
        open_message = None
        if message is not None:
            step = self._open.step
            content = self._content(message, step) if step is not None else None
            open_message = (message, content or message.content)
        closing = self._recorder.finish(fields, self._open.step, open_message, error)
        self._open = _Open()
        yield from closing

    def _run_timings(self) -> dict[str, Any]:
        completion = (self.run.usage or {}).get("completion_tokens", 0)
        span = (self._run_started, self._first_token_at, self._clock())
        return timings(*span, completion).to_dict()

    def _abandon(self) -> None:
        """Record the run as cancelled, quietly: the consumer stopped reading."""
        if self._store.runs.status(self.run.id) in ("in_progress", "queued", "cancelling"):
            list(self._finish("cancelled"))  # persist; nobody reads the events now
