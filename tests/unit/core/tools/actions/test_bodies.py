"""Request bodies: the media type chosen, what is left out and why, Swagger bodies and forms."""

from __future__ import annotations

from typing import Any

from desktop.core.tools.actions.bodies import oas3_body, swagger_body
from desktop.core.tools.actions.model import Body
from desktop.core.tools.actions.params import Declared
from desktop.core.tools.actions.refs import Refs
from desktop.core.tools.actions.schemas import Schemas


def oas3(node: Any, document: dict[str, Any] | None = None) -> tuple[Body | None, list[str]]:
    refs = Refs(document or {})
    warnings: list[str] = []
    body = oas3_body(refs, Schemas(refs), node, "/rb", label="POST /a", warnings=warnings)
    return body, warnings


def swagger(
    body: Declared | None, form: list[Declared], consumes: list[str]
) -> tuple[Body | None, list[str]]:
    warnings: list[str] = []
    found = swagger_body(
        Schemas(Refs({})), body, form, consumes, label="POST /a", warnings=warnings
    )
    return found, warnings


def test_no_body() -> None:
    assert oas3(None) == (None, [])


def test_a_referenced_body_with_its_description() -> None:
    document = {
        "components": {
            "requestBodies": {"B": {"description": "Data.", "content": {"text/plain": {}}}}
        }
    }
    body, _ = oas3({"$ref": "#/components/requestBodies/B"}, document)
    assert body == Body("text/plain", schema={"type": "string", "description": "Data."})


def test_a_body_without_content_is_left_out() -> None:
    body, warnings = oas3({"required": True})
    assert body is None and "has no `content`" in warnings[0]


def test_multipart_without_files_is_sent_as_multipart() -> None:
    schema = {
        "type": "object",
        "properties": {"tags": {"type": "array", "items": {"type": "string"}}},
    }
    body, warnings = oas3({"content": {"multipart/form-data": {"schema": schema}}})
    assert body is not None and body.content_type == "multipart/form-data" and warnings == []


def test_a_list_of_files_is_still_files() -> None:
    schema = {
        "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}
    }
    body, warnings = oas3({"content": {"multipart/form-data": {"schema": schema}}})
    assert body is None and "uploads files" in warnings[0]


def test_swagger_body_follows_consumes() -> None:
    param = Declared("p", "body", {"name": "p", "in": "body", "schema": {"type": "object"}}, "/p")
    assert swagger(param, [], [])[0] == Body("application/json", schema={"type": "object"})
    assert swagger(param, [], ["application/xml", "text/plain"])[0] == Body(
        "text/plain", schema={"type": "object"}
    )
    body, warnings = swagger(param, [], ["application/xml"])
    assert body is None and "takes application/xml" in warnings[0]


def test_swagger_body_wins_over_form_data() -> None:
    param = Declared("p", "body", {"name": "p", "in": "body", "required": True}, "/p")
    form = [Declared("f", "formData", {"name": "f", "in": "formData"}, "/f")]
    body, warnings = swagger(param, form, [])
    assert body is not None and body.required
    assert "the form is left out" in warnings[0]


def test_swagger_multipart_form_without_files() -> None:
    form = [Declared("f", "formData", {"name": "f", "in": "formData", "type": "string"}, "/f")]
    body, _ = swagger(None, form, ["multipart/form-data"])
    assert body is not None and body.content_type == "multipart/form-data" and not body.required


def test_swagger_form_that_consumes_only_json_is_left_out() -> None:
    form = [Declared("f", "formData", {"name": "f", "in": "formData"}, "/f")]
    body, warnings = swagger(None, form, ["application/json"])
    assert body is None and "takes application/json" in warnings[0]
