"""Parameters: levels merged, duplicates and malformed ones, path placeholders, Swagger styles."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.tools.actions.params import (
    Declared,
    SkipOperation,
    check_path,
    declared,
    form_schema,
    parameter,
)
from desktop.core.tools.actions.refs import Refs
from desktop.core.tools.actions.schemas import Schemas

DOCUMENT: dict[str, Any] = {
    "components": {"parameters": {"Trace": {"name": "x-trace", "in": "header"}}},
}


def merged(*levels: Any, swagger: bool = False) -> tuple[list[Declared], list[str]]:
    warnings: list[str] = []
    lists = [(level, f"/level{index}") for index, level in enumerate(levels)]
    found = declared(Refs(DOCUMENT), lists, swagger=swagger, label="GET /x", warnings=warnings)
    return found, warnings


def test_the_operation_level_replaces_the_path_level() -> None:
    params, _ = merged(
        [{"name": "a", "in": "query", "schema": {"type": "string"}}, {"name": "b", "in": "query"}],
        [
            {"name": "a", "in": "query", "schema": {"type": "integer"}},
            {"name": "a", "in": "header"},
        ],
    )
    assert [(p.name, p.location, p.at) for p in params] == [
        ("a", "query", "/level1/0"),
        ("b", "query", "/level0/1"),
        ("a", "header", "/level1/1"),
    ]


def test_header_names_compare_without_case() -> None:
    params, _ = merged(
        [{"$ref": "#/components/parameters/Trace"}], [{"name": "X-Trace", "in": "header"}]
    )
    assert [(p.name, p.at) for p in params] == [("X-Trace", "/level1/0")]
    with pytest.raises(SkipOperation, match="declares the header parameter 'X-Trace' twice"):
        merged([{"name": "x-trace", "in": "header"}, {"name": "X-Trace", "in": "header"}])


def test_malformed_parameters_are_left_out_with_a_warning() -> None:
    params, warnings = merged(
        [{"in": "query"}, {"name": "a", "in": "body"}, "x", {"name": "ok", "in": "cookie"}]
    )
    assert [p.name for p in params] == ["ok"]
    assert len(warnings) == 3 and "needs a `name` and an `in`" in warnings[0]
    assert merged({"name": "a"})[1] == [
        "GET /x: /level0 is not a list of parameters; it is ignored."
    ]


def test_swagger_allows_body_and_form_data() -> None:
    params, warnings = merged(
        [{"name": "b", "in": "body"}, {"name": "f", "in": "formData"}], swagger=True
    )
    assert [p.location for p in params] == ["body", "formData"]
    assert warnings == []


def test_headers_openapi_ignores_are_ignored() -> None:
    params, warnings = merged(
        [{"name": n, "in": "header"} for n in ("Accept", "Content-Type", "Authorization")]
    )
    assert params == [] and warnings == []


def test_path_placeholders_and_path_parameters_are_matched() -> None:
    params = [
        Declared("id", "path", {"name": "id", "in": "path"}, "/p/0"),
        Declared("gone", "path", {"name": "gone", "in": "path"}, "/p/1"),
        Declared("q", "query", {"name": "q", "in": "query"}, "/p/2"),
    ]
    warnings: list[str] = []
    kept = check_path(params, "/a/{id}/{other}", "/op", label="GET /a", warnings=warnings)
    assert [(p.name, p.location) for p in kept] == [
        ("id", "path"),
        ("q", "query"),
        ("other", "path"),
    ]
    assert "'gone' (/p/1) is not in the path" in warnings[0]
    assert "'other' is not declared" in warnings[1]


def test_a_placeholder_that_is_no_name_leaves_the_operation_out() -> None:
    with pytest.raises(SkipOperation, match=r"placeholder \{ x = 1; \} that is not a parameter"):
        check_path([], "/a/{ x = 1; }", "/op", label="GET /a", warnings=[])


def test_an_openapi_parameter() -> None:
    node = {
        "name": "ids",
        "in": "query",
        "required": True,
        "style": "pipeDelimited",
        "explode": False,
        "description": "Which ones.",
        "deprecated": True,
        "schema": {"type": "array", "items": {"type": "integer"}, "example": [1]},
    }
    param = parameter(Schemas(Refs({})), Declared("ids", "query", node, "/p"), "ids", swagger=False)
    assert (param.required, param.style, param.explode) == (True, "pipeDelimited", False)
    assert param.schema == {
        "type": "array",
        "items": {"type": "integer"},
        "description": "Which ones.",
        "deprecated": True,
    }


def test_a_parameter_described_by_content() -> None:
    node = {
        "name": "filter",
        "in": "query",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
    param = parameter(
        Schemas(Refs({})), Declared("filter", "query", node, "/p"), "filter", swagger=False
    )
    assert param.schema == {"type": "object"}


@pytest.mark.parametrize(
    ("collection_format", "location", "style", "explode"),
    [
        ("csv", "query", "form", False),
        ("csv", "path", "simple", False),
        ("ssv", "query", "spaceDelimited", False),
        ("pipes", "query", "pipeDelimited", False),
        ("multi", "query", "form", True),
        ("tsv", "query", None, None),
    ],
)
def test_swagger_collection_formats(
    collection_format: str, location: str, style: str | None, explode: bool | None
) -> None:
    node = {
        "name": "a",
        "in": location,
        "type": "array",
        "items": {"type": "string"},
        "collectionFormat": collection_format,
    }
    param = parameter(Schemas(Refs({})), Declared("a", location, node, "/p"), "a", swagger=True)
    assert (param.style, param.explode) == (style, explode)
    assert param.schema == {"type": "array", "items": {"type": "string"}}


def test_a_swagger_parameter_without_a_type_is_text() -> None:
    param = parameter(
        Schemas(Refs({})),
        Declared("a", "query", {"name": "a", "in": "query"}, "/p"),
        "a",
        swagger=True,
    )
    assert param.schema == {"type": "string"}


def test_swagger_form_fields_make_one_object() -> None:
    params = [
        Declared(
            "n",
            "formData",
            {"name": "n", "in": "formData", "type": "integer", "required": True},
            "/p/0",
        ),
        Declared("s", "formData", {"name": "s", "in": "formData", "enum": ["a"]}, "/p/1"),
    ]
    assert form_schema(Schemas(Refs({})), params) == {
        "type": "object",
        "properties": {"n": {"type": "integer"}, "s": {"type": "string", "enum": ["a"]}},
        "required": ["n"],
    }
