"""Per-domain consent: a network tool's first call to a host waits for the user's answer.

The answer is recorded on the tool call in its run step (`call.consent`), so a run that
resumes in another process, and the playground, see who allowed what.
"""

from __future__ import annotations

import json

from desktop.core import errors
from desktop.core.runs.calls import parse_arguments
from desktop.core.runs.steps import ConsentRecord, ErrorInfo, FunctionCall, Step
from desktop.core.runs.tools import ToolRegistry
from desktop.core.tools.base import network_domain

ALLOW_ONCE = "allow_once"
ALWAYS = "always"
DENY = "deny"
DECISIONS = (ALLOW_ONCE, ALWAYS, DENY)
# Recorded when the GPT's allowlist already held the host; nobody was asked.
ALLOWLISTED = "allowlisted"


class Consent:
    """What the user has decided about hosts during one run, plus the GPT's allowlist.

    "allow once" and "deny" hold for the rest of the run; "always" also lands in the GPT's
    allowlist (done by the engine when the answer comes in).
    """

    def __init__(self, allowlist: list[str]) -> None:
        self._allowlist = {host.lower() for host in allowlist}
        self._decided: dict[str, str] = {}

    def recall(self, steps: list[Step]) -> None:
        """Learn the answers already given in this run (it may have paused and resumed)."""
        for call in (c for step in steps for c in step.function_calls()):
            given = call.consent
            if given is not None and given.asked and given.decision in DECISIONS:
                self._decided[given.domain] = given.decision

    def needed(self, tools: ToolRegistry, call: FunctionCall) -> str | None:
        """The host to ask about before running `call`, or None when no question is needed.

        A call whose tool or arguments are wrong needs no question: running it reports the
        problem to the model without reaching the network.
        """
        if call.consent is not None:
            return None
        try:
            tool = tools.get(call.name)
            domain = network_domain(tool, parse_arguments(call.arguments))
        except errors.CapsuleError:
            return None
        if domain is None:
            return None
        domain = domain.lower()
        if domain in self._allowlist:
            call.consent = ConsentRecord(domain=domain, decision=ALLOWLISTED)
            return None
        decided = self._decided.get(domain)
        if decided is not None:
            call.consent = ConsentRecord(domain=domain, decision=decided, asked=False)
            return None
        return domain

    @staticmethod
    def refused(call: FunctionCall) -> bool:
        """True when the user denied the call's host; the call's output then says so."""
        given = call.consent
        if given is None or given.decision != DENY:
            return False
        message = (
            f"The user did not allow calls to {given.domain}. Do not call it again in this "
            "answer; tell the user what you wanted to look up there instead."
        )
        call.function.output = json.dumps({"error": message}, ensure_ascii=False)
        call.error = ErrorInfo(code="consent_denied", message=message)
        return True
