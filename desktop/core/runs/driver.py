"""Drives one run from its current state until it finishes, fails, is cancelled or pauses.

Runs on the caller's thread (the GUI's worker, the CLI's main thread). Every state change
is written to the store, in its own transaction, before the matching event is yielded, so
a crash loses at most the text streamed since the last flush.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.core import errors
from desktop.core.gpt import GptDefinition
from desktop.core.ids import new_id, now
from desktop.core.providers import base
from desktop.core.runs import events as ev
from desktop.core.runs.calls import execute_call, finished_call, merge_call, timings, usage_dict
from desktop.core.runs.citations import annotate
from desktop.core.runs.consent import Consent
from desktop.core.runs.guard import OutputGuard
from desktop.core.runs.history import conversation_for, sources_of, user_text
from desktop.core.runs.outputs import annotate_urls, image_parts, pending_images, web_sources
from desktop.core.runs.prompt import fit
from desktop.core.runs.tools import Offer, ToolRegistry
from desktop.core.store import Store
from desktop.core.store.records import Message, Run, RunStep, text_content
from desktop.core.store.runs import RunRepository
from desktop.core.store.threads import ThreadRepository

log = logging.getLogger(__name__)

MAX_TOOL_ROUNDS = 10
FLUSH_INTERVAL_S = 0.5
# Room kept for the answer when the GPT sets no max_tokens.
DEFAULT_ANSWER_RESERVE = 512


@dataclass
class _CallOutcome:
    finish: str
    text: str = ""
    tool_calls: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Open:
    """What is half-written while streaming, so a failure can close it properly."""

    step: RunStep | None = None
    message: Message | None = None
    parts: list[str] = field(default_factory=list)


class RunDriver:
    """One run's loop: model call, tool calls, model call, ... until an answer."""

    def __init__(
        self,
        store: Store,
        run: Run,
        definition: GptDefinition,
        provider: Callable[[], base.Provider],
        tools: ToolRegistry,
        cancel: base.CancelToken,
        clock: Callable[[], float] = time.perf_counter,
        retrieve: Callable[[str], list[dict[str, Any]]] | None = None,
    ) -> None:
        self._store = store
        self.run = run
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
        self._sources: list[dict[str, Any]] = []
        self._offered: Offer | None = None
        self._consent = Consent(definition.allowed_domains)

    # -- the loop ------------------------------------------------------------------------

    def events(self) -> Iterator[ev.Event]:
        try:
            if self.run.status in ("queued", "in_progress"):
                started = self.run.started_at or now()
                yield self._set_run(ev.RUN_IN_PROGRESS, status="in_progress", started_at=started)
            self._sources = sources_of(self._store, self.run)
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

    def _loop(self) -> Generator[ev.Event, None, str | None]:
        """Model calls and tool calls until an answer; the final status, or None if paused."""
        unfinished = self._unfinished_tool_step()
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
            f"The model kept calling tools for {MAX_TOOL_ROUNDS} rounds without answering; "
            "the run was stopped. Rephrase the request or check the tools' outputs."
        )

    # -- model calls ---------------------------------------------------------------------

    def _model_call(self) -> Generator[ev.Event, None, _CallOutcome]:
        provider = yield from self._loaded_provider()
        request, fitted = self._request(provider)
        prepared = provider.prepare(request)
        details = {
            "message_creation": {"message_id": None},
            "model_call": {
                "provider": provider.name,
                "messages": fitted.messages,
                "prompt": prepared.text,
                "prompt_tokens": prepared.tokens,
                "tools": [t["function"]["name"] for t in request.tools],
                "tool_choice": request.tool_choice,
                **({"tool_selection": self._offer.selection} if self._offer.selection else {}),
                **({"load": provider.load_details} if provider.load_details else {}),
                "sampling": {
                    "temperature": request.temperature,
                    "top_p": request.top_p,
                    "max_tokens": request.max_tokens,
                    "seed": request.seed,
                },
                "truncation": {
                    **self.run.truncation_strategy,
                    "dropped_message_ids": fitted.dropped_message_ids,
                },
            },
        }
        step = yield from self._new_step("message_creation", details)
        outcome = yield from self._stream(provider, request, step)
        return outcome

    @property
    def _offer(self) -> Offer:
        """The tools offered on every model call of this run, chosen once for its message."""
        if self._offered is None:
            choice = self.run.tool_choice
            named = choice.get("function", {}).get("name") if isinstance(choice, dict) else None
            self._offered = self._tools.offer(
                user_text(self._store, self.run),
                self._definition.max_offered_operations,
                keep=named,
                clock=self._clock,
            )
        return self._offered

    def _loaded_provider(self) -> Generator[ev.Event, None, base.Provider]:
        if self._provider is None:
            self._provider = self._provider_factory()
        provider = self._provider
        if not provider.loaded:
            about = {"run_id": self.run.id, "model": provider.name}
            yield ev.Event(ev.MODEL_LOADING, {**about, "progress": 0.0})
            started = self._clock()
            details: dict[str, Any] = {}
            shown = 0.0
            for loading in provider.load():
                if isinstance(loading, base.ModelLoaded):
                    details = loading.details
                elif loading.progress > shown:
                    shown = loading.progress
                    yield ev.Event(ev.MODEL_LOADING, {**about, "progress": shown})
            seconds = round(self._clock() - started, 3)
            yield ev.Event(ev.MODEL_LOADED, {**about, "seconds": seconds, "details": details})
        return provider

    def _request(self, provider: base.Provider) -> tuple[base.ChatRequest, Any]:
        settings = self._definition.model
        conversation = conversation_for(self._store, self.run)
        choice = self.run.tool_choice
        if conversation.in_run and choice != "none":
            # `required` and a named tool force the first call only; once the tools have
            # answered, the model must be free to answer too.
            choice = "auto"
        template = base.ChatRequest(
            messages=[],
            tools=self._offer.specs if choice != "none" else [],
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

        fitted = fit(conversation, self.run.truncation_strategy, check)
        return replace(template, messages=fitted.messages), fitted

    def _stream(
        self, provider: base.Provider, request: base.ChatRequest, step: RunStep
    ) -> Generator[ev.Event, None, _CallOutcome]:
        calls: dict[int, dict[str, Any]] = {}
        usage: base.Usage | None = None
        finish = "stop"
        notices: list[str] = []
        started = self._clock()
        first: float | None = None
        last_flush = started
        guard = self._guard()
        for event in provider.stream(request, self._cancel):
            if isinstance(event, base.TextDelta):
                if first is None:
                    first = self._first_token()
                yield from self._text(step, guard.feed(event.text) if guard else event.text)
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
        yield from self._release(step, guard)
        ended = self._clock()
        text = "".join(self._open.parts)
        tool_calls = [finished_call(calls[i]) for i in sorted(calls)]
        if notices:
            step.step_details["notices"] = notices
        yield from self._close_call(step, finish, usage, started, first, ended, tool_calls)
        return _CallOutcome(finish=finish, text=text, tool_calls=tool_calls)

    def _guard(self) -> OutputGuard | None:
        """With knowledge protection on, a guard over the instructions and this run's excerpts."""
        if not self._definition.knowledge_protection:
            return None
        excerpts = [(s.get("file", ""), s["text"]) for s in self._sources]
        return OutputGuard.for_texts(self._definition.instructions, excerpts)

    def _release(self, step: RunStep, guard: OutputGuard | None) -> Generator[ev.Event, None, None]:
        """Show what the guard held back at the end, and record what it withheld."""
        if guard is None:
            return
        yield from self._text(step, guard.finish())
        if guard.withheld:
            step.step_details["guard"] = {"withheld": guard.withheld}

    def _text(self, step: RunStep, text: str) -> Generator[ev.Event, None, None]:
        if not text:
            return
        if self._open.message is None:
            yield from self._new_message(step)
        self._open.parts.append(text)
        yield self._delta(text)

    def _checkpoint(self) -> None:
        """Save the text so far, and notice a cancel asked for by another process."""
        self._flush_message()
        if self._cancel_requested():
            self._cancel.cancel()

    def _first_token(self) -> float:
        at = self._clock()
        if self._first_token_at is None:
            self._first_token_at = at
        return at

    def _close_call(
        self,
        step: RunStep,
        finish: str,
        usage: base.Usage | None,
        started: float,
        first: float | None,
        ended: float,
        tool_calls: list[dict[str, Any]],
    ) -> Generator[ev.Event, None, None]:
        used = usage_dict(usage)
        timed = timings(started, first, ended, used["completion_tokens"])
        call = step.step_details["model_call"]
        call["finish_reason"] = finish
        if used["prompt_tokens"] and used["prompt_tokens"] != call["prompt_tokens"]:
            # A remote service counts with its own tokenizer; ours was an estimate.
            call["prompt_tokens_estimated"] = call["prompt_tokens"]
            call["prompt_tokens"] = used["prompt_tokens"]
        if tool_calls:
            step.step_details["model_call"]["tool_calls"] = tool_calls
        status = {"cancelled": "cancelled"}.get(finish, "completed")
        message_status = "completed" if finish in {"stop", "tool_calls"} else "incomplete"
        with self._store.db.transaction() as conn:
            if self._open.message is not None:
                ThreadRepository.update_message(
                    conn,
                    self._open.message.id,
                    self._content("".join(self._open.parts), step),
                    message_status,
                )
            RunRepository.update_step(
                conn,
                step,
                status=status,
                step_details=step.step_details,
                usage=used,
                timings=timed,
                completed_at=now(),
            )
            self._add_usage(conn, used)
        if self._open.message is not None:
            message = self._store.threads.message(self._open.message.id)
            name = ev.MESSAGE_COMPLETED if message_status == "completed" else ev.MESSAGE_INCOMPLETE
            yield ev.Event(name, message.to_dict())
        yield ev.Event(ev.STEP_FINAL[status], step.to_dict())
        self._open = _Open()

    # -- knowledge -----------------------------------------------------------------------

    def _retrieval(self) -> Generator[ev.Event, None, None]:
        """Search the knowledge for the user's message; record every chunk it returned."""
        assert self._retrieve is not None
        query = conversation_for(self._store, self.run).latest["content"]
        call: dict[str, Any] = {
            "id": new_id("call"),
            "type": "retrieval",
            "retrieval": {"query": query, "results": []},
        }
        step = yield from self._new_step("tool_calls", {"tool_calls": [call]})
        started = self._clock()
        self._sources = self._retrieve(query)
        call["retrieval"]["results"] = self._sources
        with self._store.db.transaction() as conn:
            RunRepository.update_step(
                conn,
                step,
                status="completed",
                step_details=step.step_details,
                timings={"duration_ms": round((self._clock() - started) * 1000, 2)},
                completed_at=now(),
            )
        yield ev.Event(ev.STEP_COMPLETED, step.to_dict())

    # -- tool calls ----------------------------------------------------------------------

    def _tool_calls(self, calls: list[dict[str, Any]]) -> Generator[ev.Event, None, bool]:
        """Record the model's calls as a step and run them; True when the run paused."""
        step = yield from self._new_step("tool_calls", {"tool_calls": calls})
        return (yield from self._run_tool_step(step))

    def _run_tool_step(self, step: RunStep) -> Generator[ev.Event, None, bool]:
        """Run each call still without output; pause for consent or for outside outputs.

        Returns True when the run paused in requires_action.
        """
        self._open.step = step
        self._consent.recall(self._store.runs.steps(self.run.id))
        pending: list[dict[str, Any]] = []
        for call in step.step_details["tool_calls"]:
            if call.get("type") != "function" or "output" in call["function"]:
                continue
            name = call["function"]["name"]
            if self._definition.manual_tool_outputs or (
                name in self._tools and self._tools.get(name).external
            ):
                pending.append({k: v for k, v in call.items() if k != "output"})
                continue
            domain = self._consent.needed(self._tools, call)
            if domain is not None:
                yield self._ask_consent(step, call, domain)
                return True
            if not self._consent.refused(call):
                execute_call(self._tools, call, self._clock)
            with self._store.db.transaction() as conn:
                RunRepository.update_step(conn, step, step_details=step.step_details)
            yield ev.Event(
                ev.STEP_DELTA, {"id": step.id, "delta": {"step_details": step.step_details}}
            )
        if pending:
            required = {
                "type": "submit_tool_outputs",
                "submit_tool_outputs": {"tool_calls": pending},
            }
            yield self._set_run(
                ev.RUN_REQUIRES_ACTION, status="requires_action", required_action=required
            )
            return True
        spent = sum(c.get("duration_ms", 0) for c in step.step_details["tool_calls"])
        with self._store.db.transaction() as conn:
            RunRepository.update_step(
                conn,
                step,
                status="completed",
                timings={**step.timings, "duration_ms": round(spent, 2)},
                completed_at=now(),
            )
        yield ev.Event(ev.STEP_COMPLETED, step.to_dict())
        self._open.step = None
        return False

    def _ask_consent(self, step: RunStep, call: dict[str, Any], domain: str) -> ev.Event:
        """Pause the run until the user allows or denies calls to `domain`."""
        required = {
            "type": "consent",
            "consent": {
                "step_id": step.id,
                "tool_call_id": call["id"],
                "tool": call["function"]["name"],
                "arguments": call["function"]["arguments"],
                "domain": domain,
            },
        }
        with self._store.db.transaction() as conn:
            RunRepository.update_step(conn, step, step_details=step.step_details)
        return self._set_run(
            ev.RUN_REQUIRES_ACTION, status="requires_action", required_action=required
        )

    def _unfinished_tool_step(self) -> RunStep | None:
        """The tool step a paused run stopped in, when it has calls still to run."""
        steps = self._store.runs.steps(self.run.id)
        if not steps or steps[-1].type != "tool_calls" or steps[-1].status != "in_progress":
            return None
        calls = steps[-1].step_details.get("tool_calls", [])
        if any(c.get("type") == "function" and "output" not in c["function"] for c in calls):
            return steps[-1]
        return None

    # -- persistence helpers -------------------------------------------------------------

    def _set_run(self, name: str, **fields: Any) -> ev.Event:
        with self._store.db.transaction() as conn:
            RunRepository.update(conn, self.run, **fields)
        return ev.Event(name, self.run.to_dict())

    def _new_step(
        self, step_type: str, details: dict[str, Any]
    ) -> Generator[ev.Event, None, RunStep]:
        with self._store.db.transaction() as conn:
            step = RunRepository.add_step(conn, self.run, step_type, details)
        self._open.step = step
        yield ev.Event(ev.STEP_CREATED, step.to_dict())
        return step

    def _new_message(self, step: RunStep) -> Generator[ev.Event, None, None]:
        with self._store.db.transaction() as conn:
            message = ThreadRepository.add_message(
                conn, self.run.thread_id, "assistant", text_content(""), "in_progress", self.run.id
            )
            step.step_details["message_creation"]["message_id"] = message.id
            RunRepository.update_step(conn, step, step_details=step.step_details)
        self._open.message = message
        yield ev.Event(ev.MESSAGE_CREATED, message.to_dict())

    def _delta(self, text: str) -> ev.Event:
        assert self._open.message is not None
        return ev.Event(
            ev.MESSAGE_DELTA,
            {
                "id": self._open.message.id,
                "run_id": self.run.id,
                "delta": {"content": [{"index": 0, "type": "text", "text": {"value": text}}]},
            },
        )

    def _flush_message(self) -> None:
        if self._open.message is None:
            return
        with self._store.db.transaction() as conn:
            ThreadRepository.update_message(
                conn, self._open.message.id, text_content("".join(self._open.parts)), "in_progress"
            )

    def _content(self, text: str, step: RunStep) -> list[dict[str, Any]]:
        """The answer's content: pictures tools made for it, then its annotated text."""
        steps = self._store.runs.steps(self.run.id)
        annotations = annotate(text, self._sources) + annotate_urls(text, web_sources(steps))
        annotations.sort(key=lambda a: a["start_index"])
        images = pending_images(steps, step.id)
        return image_parts(images) + text_content(text, annotations)

    def _cancel_requested(self) -> bool:
        """True once this run is to stop: cancelled here, or from another process."""
        if self._cancel.cancelled:
            return True
        rows = self._store.db.query("SELECT status FROM runs WHERE id = ?", (self.run.id,))
        return bool(rows) and rows[0]["status"] == "cancelling"

    def _add_usage(self, conn: Any, usage: dict[str, int]) -> None:
        total = dict(
            self.run.usage or {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
        )
        for key in ("prompt_tokens", "completion_tokens", "total_tokens"):
            total[key] += usage.get(key, 0)
        RunRepository.update(conn, self.run, usage=total)

    def _run_timings(self, ended: float) -> dict[str, Any]:
        timings: dict[str, Any] = {"duration_ms": round((ended - self._run_started) * 1000, 2)}
        if self._first_token_at is not None:
            timings["ttft_ms"] = round((self._first_token_at - self._run_started) * 1000, 2)
            completion = (self.run.usage or {}).get("completion_tokens", 0)
            span = ended - self._first_token_at
            if completion > 1 and span > 0:
                timings["tokens_per_s"] = round((completion - 1) / span, 2)
        return timings

    def _finish(
        self, status: str, error: dict[str, str] | None = None
    ) -> Generator[ev.Event, None, None]:
        """Close whatever is open and give the run its final status; frees the thread."""
        at = now()
        stamp = {"completed": "completed_at", "incomplete": "completed_at"}.get(
            status, f"{status}_at"
        )
        fields: dict[str, Any] = {
            "status": status,
            stamp: at,
            "timings": {**self.run.timings, **self._run_timings(self._clock())},
            "required_action": None,
        }
        if error is not None:
            fields["last_error"] = error
        if status == "incomplete":
            fields["incomplete_details"] = {"reason": "max_tokens"}
        closing: list[ev.Event] = []
        with self._store.db.transaction() as conn:
            closing = self._close_open(conn, status, error)
            RunRepository.update(conn, self.run, **fields)
            ThreadRepository.unlock(conn, self.run.thread_id, self.run.id)
        yield from closing
        yield ev.Event(ev.RUN_FINAL[status], self.run.to_dict())

    def _close_open(self, conn: Any, status: str, error: dict[str, str] | None) -> list[ev.Event]:
        out: list[ev.Event] = []
        step = self._open.step
        if self._open.message is not None:
            text = "".join(self._open.parts)
            content = self._content(text, step) if step is not None else text_content(text)
            ThreadRepository.update_message(conn, self._open.message.id, content, "incomplete")
        if step is not None and step.status == "in_progress":
            step_status = "failed" if status == "failed" else "cancelled"
            RunRepository.update_step(
                conn, step, status=step_status, last_error=error, completed_at=now()
            )
            out.append(ev.Event(ev.STEP_FINAL[step_status], step.to_dict()))
        self._open = _Open()
        return out

    def _abandon(self) -> None:
        """Record the run as cancelled, quietly: the consumer stopped reading."""
        current = self._store.db.query("SELECT status FROM runs WHERE id = ?", (self.run.id,))
        if current and current[0]["status"] in ("in_progress", "queued", "cancelling"):
            list(self._finish("cancelled"))  # persist; nobody reads the events now
