"""One action operation as a network tool: validate the arguments, call the API, report.

`ActionTool.run` runs on the engine's thread and blocks for at most the client's total
timeout (twice, when an expired OAuth2 token is renewed after a 401).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any
from urllib.parse import quote, quote_plus

from jsonschema import Draft202012Validator
from jsonschema import ValidationError as SchemaValidationError
from jsonschema.exceptions import SchemaError
from referencing.exceptions import Unresolvable

from desktop.core import errors
from desktop.core.gpt import Action
from desktop.core.secrets import MASK
from desktop.core.tools.actions.auth import Authenticator, authenticator_for, refuse_plain_secrets
from desktop.core.tools.actions.client import ActionClient
from desktop.core.tools.actions.http import (
    HttpRequest,
    HttpResponse,
    base_url,
    build_request,
    coerce_wire_values,
)
from desktop.core.tools.actions.model import ActionDocument, Operation
from desktop.core.tools.actions.response import render
from desktop.core.tools.base import SecretSource, ToolResult, ToolSpec
from desktop.core.tools.transfer import host_of

MAX_DESCRIPTION = 1024  # characters of an operation's text the model sees in the tool list
MAX_PROBLEMS = 8  # validation problems listed in one error; the rest are counted
MAX_PROBLEM_CHARS = 160


class ActionTool:
    """Calls one operation of an action's API. `run` and `domain` may run on any thread."""

    external = False

    def __init__(
        self,
        operation: Operation,
        action: Action,
        client: ActionClient,
        auth: Authenticator,
        *,
        source_url: str = "",
        http_hosts: Collection[str] = (),
    ) -> None:
        self.operation = operation
        self._http_hosts = tuple(http_hosts)
        self.action = action
        self.spec = ToolSpec(
            name=operation.tool_name,
            description=describe(operation),
            parameters=operation.parameters_schema,
        )
        self._client = client
        self._auth = auth
        self._source_url = source_url
        self._validator = Draft202012Validator(operation.parameters_schema)

    def domain(self, arguments: dict[str, Any]) -> str:
        """The host this operation calls (the same whatever the arguments)."""
        return host_of(self._base_url())

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        """Call the API; an error status is an answer too, returned as the model's text.

        Raises:
            errors.ToolError: the arguments do not fit the schema (no request is sent), a
                secret is missing or would go over plain http, or the call failed
                (timeout, connection, TLS, size).
        """
        values = self.validated(arguments)
        request = build_request(self.operation, self._base_url(), values)
        if self.action.auth.type != "none":
            try:
                urls = [request.url, self.action.auth.token_url]
                refuse_plain_secrets(self.action.name, urls, self._http_hosts)
            except errors.InsecureTransportError as exc:
                raise errors.ToolError(exc.message) from None
        used: list[str] = []
        sent: list[HttpRequest] = []

        def sign(unsigned: HttpRequest) -> HttpRequest:
            signed = self._auth.sign(unsigned)
            used.extend(signed.secrets)
            sent.append(signed.request)
            return signed.request

        response = self._client.fetch(request, sign)
        if response.status == 401 and self._auth.renew(used):
            response = self._client.fetch(request, sign)
        return self._result(sent[0] if sent else request, response, values, used)

    def validated(self, arguments: dict[str, Any]) -> dict[str, Any]:
        """`arguments` after the harmless coercions, checked against the operation's schema."""
        if not isinstance(arguments, dict):
            raise errors.ToolError(errors.said("The arguments must be a JSON object."))
        values = coerce_wire_values(self.operation, arguments)
        try:
            found = sorted(self._validator.iter_errors(values), key=_error_order)
        except (SchemaError, Unresolvable) as exc:  # a schema the parser should have refused
            reason = str(exc).splitlines()[0][:MAX_PROBLEM_CHARS]
            raise errors.ToolError(
                errors.said(
                    "The action's schema for {tool} is not usable ({reason}); re-import the "
                    "action.",
                    tool=self.operation.tool_name,
                    reason=reason,
                )
            ) from None
        if found:
            lines = [_problem(e) for e in found[:MAX_PROBLEMS]]
            if len(found) > MAX_PROBLEMS:
                lines.append(f"... and {len(found) - MAX_PROBLEMS} more")
            raise errors.ToolError(
                errors.said(
                    "The arguments for {tool} do not fit its schema; fix these and call it "
                    "again:\n- {problems}",
                    tool=self.operation.tool_name,
                    problems="\n- ".join(lines),
                )
            )
        return values

    def _base_url(self) -> str:
        return base_url(self.operation, self.action.server, self._source_url)

    def _result(
        self,
        request: HttpRequest,
        response: HttpResponse,
        values: dict[str, Any],
        used: Sequence[str],
    ) -> ToolResult:
        mask = _masker(used)
        rendered = render(response, self._client.limits.max_output_chars, mask)
        details = {
            "request": {
                "method": request.method,
                "url": mask(request.url),
                "final_url": mask(response.url),
                "redirects": [mask(u) for u in response.redirects],
                "status": response.status,
                "duration_ms": response.duration_ms,
                "response_bytes": len(response.body),
                "content_type": response.content_type,
            },
            "arguments": values,
            "output_chars": rendered.full_chars,
            "truncated": rendered.truncated,
        }
        return ToolResult(output=rendered.text, details=details)


def tools_for_document(
    document: ActionDocument,
    action: Action,
    secrets: SecretSource,
    client: ActionClient,
    *,
    gpt_id: str = "",
    http_hosts: Collection[str] = (),
) -> list[ActionTool]:
    """One tool per operation of `document`, all signing with `action.auth`.

    `gpt_id` names the GPT in what errors about missing secrets tell the user to do;
    `http_hosts` may get the action's secrets over plain http.
    """
    fix = errors.do(errors.Do.SET_ACTION_AUTH, gpt_id=gpt_id, action_id=action.id)
    auth = authenticator_for(
        action.auth,
        secrets,
        lambda request: client.fetch(request, follow_redirects=False),
        client.tokens,
        schemes=document.security_schemes,
        fix=fix,
    )
    return [
        ActionTool(op, action, client, auth, source_url=document.source_url, http_hosts=http_hosts)
        for op in document.operations
    ]


def describe(operation: Operation) -> str:
    """The tool description: summary and description, or the method and path."""
    parts = [p.strip() for p in (operation.summary, operation.description) if p.strip()]
    if len(parts) == 2 and parts[1].startswith(parts[0]):
        parts = parts[1:]
    text = "\n\n".join(parts) or operation.label
    if operation.deprecated:
        text = "(Deprecated) " + text
    if len(text) > MAX_DESCRIPTION:
        text = text[: MAX_DESCRIPTION - 1].rstrip() + "…"
    return text


def _error_order(error: SchemaValidationError) -> tuple[str, str]:
    return _where(error), error.message


def _where(error: SchemaValidationError) -> str:
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _problem(error: SchemaValidationError) -> str:
    where = _where(error)
    message = error.message
    required = error.validator_value
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = (
            [p for p in required if p not in error.instance] if isinstance(required, list) else []
        )
        if missing:
            where = f"{where}.{missing[0]}" if where else str(missing[0])
            message = "is required"
    if error.validator == "additionalProperties" and not where:
        where = "arguments"
    if len(message) > MAX_PROBLEM_CHARS:
        message = message[: MAX_PROBLEM_CHARS - 1] + "…"
    return f"`{where or 'arguments'}`: {message}"


def _masker(secrets: Sequence[str]) -> Callable[[str], str]:
    """A function that blanks every form of `secrets` (raw and URL-encoded) in a text."""
    forms = {form for s in secrets if s for form in (s, quote(s, safe=""), quote_plus(s))}
    ordered = sorted(forms, key=len, reverse=True)

    def mask(text: str) -> str:
        for form in ordered:
            text = text.replace(form, MASK)
        return text

    return mask
