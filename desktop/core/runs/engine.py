"""The run engine's public face: start runs, submit tool outputs, cancel, recover.

`RunEngine.run()` does the checks that can refuse a run (unknown GPT or thread, a busy
thread) before returning, and returns a `RunStream`: iterate it, on any thread, to drive
the run and read its events. `cancel()` may be called from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from desktop.core import errors
from desktop.core.gpt import GptDefinition, ModelSettings, update_definition
from desktop.core.ids import new_id, now
from desktop.core.providers.base import CancelToken, Provider
from desktop.core.runs import events as ev
from desktop.core.runs import owner as owners
from desktop.core.runs.consent import ALWAYS, DECISIONS
from desktop.core.runs.driver import RunDriver
from desktop.core.runs.overrides import Origin, RunOverrides, run_metadata
from desktop.core.runs.steps import ConsentRecord
from desktop.core.runs.system import system_prompt
from desktop.core.runs.timeline import RunTimeline
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Repositories, Store
from desktop.core.store.records import RUN_TERMINAL, Message, Run, Thread, text_content
from desktop.core.tools.base import ToolContext

ProviderResolver = Callable[[ModelSettings], Provider]
# (definition, where the tools work) -> the run's tools. Called once each time a run is
# driven (when it starts, and when it resumes after a pause).
ToolsFor = Callable[[GptDefinition, ToolContext], ToolRegistry]
# (definition, gpt id, thread id, query) -> the chunks found, as JSON-ready dicts with
# id, file_id, file, page, location, text, score and ranks.
Retriever = Callable[[GptDefinition, str, str, str], list[dict[str, Any]]]


def _no_tools(_definition: GptDefinition, _context: ToolContext) -> ToolRegistry:
    return ToolRegistry()


class RunStream:
    """The events of one run, produced as you iterate. `cancel()` stops it between tokens.

    `timeline` is the driver's own state of the run: read it on the iterating thread (a
    view on another thread builds its own by applying the events it receives).
    """

    def __init__(
        self,
        run: Run,
        events: Iterator[ev.Event],
        token: CancelToken,
        timeline: RunTimeline | None = None,
    ) -> None:
        self.run_id = run.id
        self.thread_id = run.thread_id
        self._events = events
        self._token = token
        self.timeline = timeline or RunTimeline(run)

    def __iter__(self) -> Iterator[ev.Event]:
        return self._events

    def cancel(self) -> None:
        self._token.cancel()


class RunEngine:
    """Starts and continues runs. One per process, built by the composition root."""

    def __init__(
        self,
        store: Store,
        resolve_provider: ProviderResolver,
        tools_for: ToolsFor = _no_tools,
        retriever: Retriever | None = None,
    ) -> None:
        self._store = store
        self._resolve = resolve_provider
        self._tools_for = tools_for
        self._retriever = retriever
        self._owner = owners.current_owner()
        self._active: dict[str, CancelToken] = {}
        self._lock = threading.Lock()

    # -- starting and continuing ---------------------------------------------------------

    def run(
        self,
        gpt_id: str,
        content: str,
        thread_id: str | None = None,
        tool_choice: str | dict[str, Any] = "auto",
        overrides: RunOverrides | None = None,
        origin: Origin | None = None,
        history: list[Message] | None = None,
        *,
        replacing: str | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> RunStream:
        """Add the user's message to a thread (a new one if `thread_id` is None) and answer it.

        Args:
            gpt_id: the GPT that answers.
            content: the user's message.
            thread_id: the thread to continue; None starts one.
            tool_choice: auto, none, required, or one function.
            overrides: this run's own settings (model, instructions, sampling, tools),
                recorded on it.
            origin: the run this one repeats (recorded).
            history: messages copied into the new thread first, in the same transaction
                (see `runs/again.py`).
            replacing: a user message of the thread that this one replaces (edited, or
                asked again): it and every message after it leave the conversation (they
                stay with their runs), and the new run answers from the history before it.
            attachments: the files the message brings (recorded on the message).

        Raises:
            errors.UnknownGptError, errors.UnknownThreadError, errors.ThreadBusyError,
            errors.UnknownVersionError, errors.ValidationError: the run was not created
            and nothing was stored.
        """
        if not content.strip():
            raise errors.ValidationError(
                errors.said("The message is empty: type something to send.")
            )
        overrides = overrides or RunOverrides()
        gpt = self._store.gpts.get(gpt_id)
        if overrides.gpt_version is not None and overrides.gpt_version != gpt.version:
            gpt = replace(gpt, **self._version_fields(gpt_id, overrides.gpt_version))
        if thread_id is not None:
            thread = self._store.threads.get(thread_id)
            if thread.gpt_id != gpt_id:
                raise errors.ValidationError(
                    errors.said(
                        "Thread {thread_id} belongs to another GPT ({other}); start a new "
                        "conversation with this one.",
                        thread_id=thread_id,
                        other=thread.gpt_id,
                    ),
                    action=errors.do(errors.Do.START_NEW_THREAD, gpt_id=gpt_id),
                )
        definition = overrides.apply(gpt.definition)
        events: list[ev.Event] = []
        # Ids first, so the run's one tool registry is built before anything is written.
        new_thread = thread_id is None
        thread_id = thread_id or new_id("thread")
        run_id = new_id("run")
        token = CancelToken()
        tools = self._tools_for(definition, self._context(gpt.id, thread_id, run_id, token))
        overrides.check_tools(tools.names())
        with self._store.transaction() as tx:
            if new_thread:
                thread = tx.threads.create(gpt.id, title=content.strip(), thread_id=thread_id)
                events.append(ev.Event("thread.created", thread.to_dict()))
                for m in history or []:
                    tx.threads.add_message(
                        thread_id, m.role, m.content, m.status, None, m.attachments
                    )
            run = tx.runs.create(
                thread_id,
                gpt.id,
                gpt.version,
                run_id=run_id,
                model=definition.model.model_dump(mode="json"),
                instructions=overrides.instructions(system_prompt(definition)),
                tool_choice=overrides.choice(tool_choice),
                truncation_strategy=definition.model.truncation.model_dump(
                    mode="json", exclude_none=True
                ),
                tools=tools.snapshot(),
                owner=self._owner,
                metadata=run_metadata(overrides, origin),
            )
            tx.threads.lock(thread_id, run.id)
            message = tx.threads.add_message(
                thread_id, "user", text_content(content), "completed", run.id, attachments
            )
            if replacing is not None:
                self._replace(tx, thread_id, replacing, message.seq, run.id)
        events += [
            ev.Event(ev.MESSAGE_CREATED, message.to_dict()),
            ev.Event(ev.RUN_CREATED, run.to_dict()),
        ]
        timeline = RunTimeline(run, [], [message])
        return self._stream(timeline, definition, events, token, tools)

    @staticmethod
    def _replace(
        tx: Repositories, thread_id: str, message_id: str, before: int, run_id: str
    ) -> None:
        """Take `message_id` and what follows it out of the conversation (in `tx`)."""
        old = tx.threads.message(message_id)
        if old.thread_id != thread_id or old.role != "user" or old.superseded_by is not None:
            raise errors.ValidationError(
                errors.said(
                    "Only a question still in this conversation can be edited or asked again; "
                    "reload the conversation and try again."
                )
            )
        tx.threads.supersede(thread_id, old.seq, before, run_id)

    def submit_tool_outputs(self, run_id: str, outputs: dict[str, str]) -> RunStream:
        """Answer some or all of a paused run's tool calls; it goes on once all are answered."""
        timeline = RunTimeline.load(self._store, run_id)
        run = timeline.run
        assert run is not None
        required = run.required_action or {}
        if run.status != "requires_action" or required.get("type") != "submit_tool_outputs":
            if required.get("type") == "consent":
                message = errors.said(
                    "Run {run_id} is {status}, not waiting for tool outputs "
                    "(it waits for consent).",
                    run_id=run_id,
                    status=run.status,
                )
            else:
                message = errors.said(
                    "Run {run_id} is {status}, not waiting for tool outputs.",
                    run_id=run_id,
                    status=run.status,
                )
            raise errors.RunStateError(message)
        pending = {c["id"] for c in required["submit_tool_outputs"]["tool_calls"]}
        unknown = sorted(set(outputs) - pending)
        if unknown:
            raise errors.RunStateError(
                errors.said(
                    "Run {run_id} is not waiting for {unknown}; it waits for: {pending}.",
                    run_id=run_id,
                    unknown=", ".join(unknown),
                    pending=", ".join(sorted(pending)),
                )
            )
        step = next(s for s in reversed(timeline.steps) if s.type == "tool_calls")
        for call in step.function_calls():
            if call.id in outputs:
                call.function.output = outputs[call.id]
                call.submitted = True
        left = [c for c in required["submit_tool_outputs"]["tool_calls"] if c["id"] not in outputs]
        details = step.details.to_dict()
        with self._store.transaction() as tx:
            if left:
                tx.runs.update_step(step.record(), step_details=details)
                required = {
                    "type": "submit_tool_outputs",
                    "submit_tool_outputs": {"tool_calls": left},
                }
                tx.runs.update(run, required_action=required)
                answered = [
                    ev.step_delta(step.id, details),
                    ev.Event(ev.RUN_REQUIRES_ACTION, run.to_dict()),
                ]
                return RunStream(run, iter(answered), CancelToken(), timeline)
            step.status, step.completed_at = "completed", now()
            tx.runs.update_step(
                step.record(),
                step_details=details,
                status="completed",
                completed_at=step.completed_at,
            )
            tx.runs.update(run, status="queued", required_action=None, owner=self._owner)
        events = [ev.Event(ev.STEP_COMPLETED, step.to_dict())]
        definition = self._store.gpts.version(run.gpt_id, run.gpt_version).definition
        return self._stream(timeline, definition, events)

    def answer_consent(self, run_id: str, decision: str) -> RunStream:
        """Answer a run paused for consent: `allow_once`, `always` (for this GPT) or `deny`.

        `always` adds the host to the GPT's allowlist as a new version of the GPT.
        """
        if decision not in DECISIONS:
            raise errors.ValidationError(
                errors.said(
                    "'{decision}' is not an answer: use one of {answers}.",
                    decision=decision,
                    answers=", ".join(DECISIONS),
                )
            )
        timeline = RunTimeline.load(self._store, run_id)
        run = timeline.run
        assert run is not None
        required = run.required_action or {}
        if run.status != "requires_action" or required.get("type") != "consent":
            raise errors.RunStateError(
                errors.said(
                    "Run {run_id} is {status}, not waiting for consent.",
                    run_id=run_id,
                    status=run.status,
                )
            )
        asked = required["consent"]
        step = timeline.step(asked["step_id"])
        call = next(c for c in step.function_calls() if c.id == asked["tool_call_id"])
        call.consent = ConsentRecord(domain=asked["domain"], decision=decision, asked=True)
        if decision == ALWAYS:
            self._allow_always(run.gpt_id, asked["domain"])
        details = step.details.to_dict()
        with self._store.transaction() as tx:
            tx.runs.update_step(step.record(), step_details=details)
            tx.runs.update(run, status="queued", required_action=None, owner=self._owner)
        definition = self._store.gpts.version(run.gpt_id, run.gpt_version).definition
        return self._stream(timeline, definition, [ev.step_delta(step.id, details)])

    def _allow_always(self, gpt_id: str, domain: str) -> None:
        gpt = self._store.gpts.get(gpt_id)
        if domain in gpt.definition.allowed_domains:
            return
        allowed = [*gpt.definition.allowed_domains, domain]
        self._store.gpts.save(
            gpt_id,
            update_definition(gpt.definition, {"allowed_domains": allowed}),
            note=f"always allow {domain}",
        )

    def _stream(
        self,
        timeline: RunTimeline,
        definition: GptDefinition,
        opening: list[ev.Event],
        token: CancelToken | None = None,
        tools: ToolRegistry | None = None,
    ) -> RunStream:
        run = timeline.run
        assert run is not None
        definition = RunOverrides.of(run).apply(definition)
        token = token or CancelToken()
        with self._lock:
            self._active[run.id] = token
        if tools is None:
            context = self._context(run.gpt_id, run.thread_id, run.id, token)
            tools = self._tools_for(definition, context)
        retrieve = None
        if self._retriever is not None and (
            definition.knowledge.files or self._store.knowledge.list(run.thread_id, "ready")
        ):
            retriever = self._retriever

            def retrieve(query: str) -> list[dict[str, Any]]:
                return retriever(definition, run.gpt_id, run.thread_id, query)

        driver = RunDriver(
            self._store,
            timeline,
            definition,
            lambda: self._resolve(definition.model),
            tools,
            token,
            retrieve=retrieve,
        )

        def events() -> Iterator[ev.Event]:
            try:
                yield from opening
                yield from driver.events()
            finally:
                with self._lock:
                    self._active.pop(run.id, None)

        return RunStream(run, events(), token, timeline)

    def _context(self, gpt_id: str, thread_id: str, run_id: str, token: CancelToken) -> ToolContext:
        """Where the run's tools work; `cancelled` also sees a stop from another process."""

        def cancelled() -> bool:
            return token.cancelled or self._store.runs.status(run_id) == "cancelling"

        return ToolContext(gpt_id, thread_id, cancelled)

    # -- stopping ------------------------------------------------------------------------

    def cancel(self, run_id: str) -> Run:
        """Ask a run to stop. A streaming run stops between tokens; a paused one at once."""
        run = self._store.runs.get(run_id)
        if run.status in RUN_TERMINAL:
            raise errors.RunStateError(
                errors.said(
                    "Run {run_id} already ended ({status}).", run_id=run_id, status=run.status
                )
            )
        with self._lock:
            token = self._active.get(run_id)
        streaming = run.status in ("in_progress", "cancelling") and (
            token is not None or owners.is_alive(run.owner)
        )
        with self._store.transaction() as tx:
            if streaming:
                tx.runs.update(run, status="cancelling")
            else:
                self._cancel_idle(tx, run)
        if token is not None:
            token.cancel()
        return run

    @staticmethod
    def _cancel_idle(tx: Repositories, run: Run) -> None:
        """Cancel a run nobody is driving (paused, queued, or its process died)."""
        at = now()
        tx.runs.end_open_steps(run.id, "cancelled", at)
        tx.threads.end_open_messages(run.id, at)
        tx.runs.update(run, status="cancelled", cancelled_at=now(), required_action=None)
        tx.threads.unlock(run.thread_id, run.id)

    def recover(self) -> list[str]:
        """Mark runs left in progress by a process that died as failed (`interrupted`)."""
        return self._store.runs.recover_interrupted(owners.is_alive)

    def thread(self, thread_id: str) -> Thread:
        return self._store.threads.get(thread_id)

    def tool_names(self, gpt_id: str, version: int | None = None) -> list[str]:
        """The tools a run of the GPT (at `version`, else its current one) may call."""
        gpt = self._store.gpts.get(gpt_id)
        definition = gpt.definition
        if version is not None and version != gpt.version:
            definition = self._store.gpts.version(gpt_id, version).definition
        context = ToolContext(gpt_id, "", lambda: False)
        return self._tools_for(definition, context).names()

    def _version_fields(self, gpt_id: str, version: int) -> dict[str, Any]:
        """An earlier version of a GPT, as the fields of its record a run reads."""
        earlier = self._store.gpts.version(gpt_id, version)
        return {"version": earlier.version, "definition": earlier.definition}
