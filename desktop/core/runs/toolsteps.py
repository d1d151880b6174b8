"""The tool half of a run's loop: search the knowledge, run function calls, or pause for them.

A call runs once the user allowed the host it reaches (`Consent`); a call of an external
tool, or of any tool when the GPT answers tools by hand, waits in `requires_action`.
Runs on the driver's thread; every change is written through the recorder.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from typing import Any

from desktop.core.gpt import GptDefinition
from desktop.core.ids import new_id, now
from desktop.core.runs import events as ev
from desktop.core.runs.calls import execute_call
from desktop.core.runs.consent import Consent
from desktop.core.runs.recorder import Recorder
from desktop.core.runs.steps import (
    Chunk,
    FunctionCall,
    Retrieval,
    RetrievalCall,
    Step,
    Timings,
    ToolCallsDetails,
)
from desktop.core.runs.tools import ToolRegistry


class ToolSteps:
    """Runs the function calls of one run's tool steps."""

    def __init__(
        self,
        recorder: Recorder,
        tools: ToolRegistry,
        definition: GptDefinition,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._recorder = recorder
        self._tools = tools
        self._manual = definition.manual_tool_outputs
        self._consent = Consent(definition.allowed_domains)
        self._clock = clock

    def unfinished(self) -> Step | None:
        """The tool step a paused run stopped in, when it has calls still to run."""
        steps = self._recorder.timeline.steps
        if not steps or steps[-1].type != "tool_calls" or steps[-1].status != "in_progress":
            return None
        if any(not c.answered for c in steps[-1].function_calls()):
            return steps[-1]
        return None

    def run(self, step: Step) -> Generator[ev.Event, None, bool]:
        """Run each call still without output; pause for consent or for outside outputs.

        Returns True when the run paused in requires_action.
        """
        self._consent.recall(self._recorder.timeline.steps)
        pending: list[dict[str, Any]] = []
        for call in step.function_calls():
            if call.answered:
                continue
            if self._manual or (call.name in self._tools and self._tools.get(call.name).external):
                pending.append(call.to_dict())
                continue
            domain = self._consent.needed(self._tools, call)
            if domain is not None:
                yield self._ask_consent(step, call, domain)
                return True
            if not self._consent.refused(call):
                execute_call(self._tools, call, self._clock)
            yield self._recorder.step_delta(step)
        if pending:
            required = {
                "type": "submit_tool_outputs",
                "submit_tool_outputs": {"tool_calls": pending},
            }
            yield self._recorder.set_run(
                ev.RUN_REQUIRES_ACTION, status="requires_action", required_action=required
            )
            return True
        timed = step.timings.model_copy()
        timed.duration_ms = round(sum(c.duration_ms or 0 for c in step.function_calls()), 2)
        self._recorder.save_step(step, status="completed", timings=timed, completed_at=now())
        yield ev.Event(ev.STEP_COMPLETED, step.to_dict())
        return False

    def search(
        self, step: Step, retrieve: Callable[[str], list[dict[str, Any]]]
    ) -> Generator[ev.Event, None, list[Chunk]]:
        """Run a retrieval step: record every chunk found, with its scores; the chunks."""
        found = step.details.retrieval() if isinstance(step.details, ToolCallsDetails) else None
        assert found is not None
        started = self._clock()
        found.retrieval.results = [Chunk.model_validate(c) for c in retrieve(found.retrieval.query)]
        took = Timings(duration_ms=round((self._clock() - started) * 1000, 2))
        self._recorder.save_step(step, status="completed", timings=took, completed_at=now())
        yield ev.Event(ev.STEP_COMPLETED, step.to_dict())
        return list(found.retrieval.results)

    def _ask_consent(self, step: Step, call: FunctionCall, domain: str) -> ev.Event:
        """Pause the run until the user allows or denies calls to `domain`."""
        required = {
            "type": "consent",
            "consent": {
                "step_id": step.id,
                "tool_call_id": call.id,
                "tool": call.name,
                "arguments": call.arguments,
                "domain": domain,
            },
        }
        self._recorder.save_step(step)
        return self._recorder.set_run(
            ev.RUN_REQUIRES_ACTION, status="requires_action", required_action=required
        )


def retrieval_details(query: str) -> ToolCallsDetails:
    """A retrieval step about to search the knowledge for `query`."""
    call = RetrievalCall(id=new_id("call"), type="retrieval", retrieval=Retrieval(query=query))
    return ToolCallsDetails(tool_calls=[call])
