"""OpenAPI schemas as JSON Schema: keywords converted, recursion cut, budgets kept."""

from __future__ import annotations

import random
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.refs import Refs
from desktop.core.tools.actions.schemas import Schemas


def convert(schema: Any, components: dict[str, Any] | None = None, **limits: int) -> Any:
    document = {"components": {"schemas": components or {}}}
    converted = Schemas(Refs(document), **limits).convert(schema, "/s")
    Draft202012Validator.check_schema(converted)
    return converted


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        ({"type": "string", "x-nullable": True}, {"type": ["string", "null"]}),
        (
            {"enum": ["a"], "type": "string", "nullable": True},
            {"enum": ["a", None], "type": ["string", "null"]},
        ),
        ({"type": "file"}, {"type": "string", "format": "binary"}),
        (
            {"type": "integer", "maximum": 5, "exclusiveMaximum": True},
            {"type": "integer", "exclusiveMaximum": 5},
        ),
        (
            {"type": "integer", "minimum": 1, "exclusiveMinimum": False},
            {"type": "integer", "minimum": 1},
        ),
        ({"type": "number", "exclusiveMinimum": 0}, {"type": "number", "exclusiveMinimum": 0}),
        (
            {"type": "string", "format": "date-time", "example": "x", "x-a": 1},
            {"type": "string", "format": "date-time"},
        ),
        ({"type": "String"}, {"type": "string"}),
        ({"items": [{"type": "string"}]}, {"prefixItems": [{"type": "string"}]}),
        ({"type": "object", "discriminator": {"propertyName": "k"}, "xml": {}}, {"type": "object"}),
        (True, True),
    ],
)
def test_keywords(schema: Any, expected: Any) -> None:
    assert convert(schema) == expected


def test_nullable_combinations_offer_null_beside_them() -> None:
    schema = {
        "description": "d",
        "oneOf": [{"type": "string"}, {"type": "integer"}],
        "nullable": True,
    }
    converted = convert(schema)
    assert converted == {
        "description": "d",
        "anyOf": [{"oneOf": [{"type": "string"}, {"type": "integer"}]}, {"type": "null"}],
    }
    Draft202012Validator(converted).validate(None)


def test_property_names_are_not_keywords() -> None:
    schema = {
        "type": "object",
        "properties": {"x-id": {"type": "string"}, "$id": {}, "example": {}},
    }
    assert set(convert(schema)["properties"]) == {"x-id", "$id", "example"}


def test_read_only_properties_and_their_requirement_are_removed() -> None:
    components = {"Id": {"type": "integer", "readOnly": True}}
    schema = {
        "type": "object",
        "required": ["id", "name", "created"],
        "properties": {
            "id": {"$ref": "#/components/schemas/Id"},
            "created": {"type": "string", "readOnly": True},
            "name": {"type": "string", "writeOnly": True},
        },
    }
    assert convert(schema, components) == {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string"}},
    }


def test_swagger_required_flags_on_properties_are_dropped() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string", "required": True}}}
    assert convert(schema) == {"type": "object", "properties": {"a": {"type": "string"}}}


def test_patterns_python_cannot_compile_are_dropped_with_a_note() -> None:
    document: dict[str, Any] = {}
    schemas = Schemas(Refs(document))
    converted = schemas.convert({"type": "string", "pattern": r"\p{L}+"}, "/s")
    assert converted == {"type": "string"}
    assert "not a Python regex" in schemas.problems[0]


def test_unknown_types_are_dropped_with_a_note() -> None:
    schemas = Schemas(Refs({}))
    assert schemas.convert({"type": "int", "minimum": 0}, "/s") == {"minimum": 0}
    assert "'int' is not a JSON Schema type" in schemas.problems[0]


def test_references_are_inlined_with_annotations_beside_them() -> None:
    components = {
        "Pet": {"type": "object", "description": "A pet.", "properties": {"n": {"type": "string"}}}
    }
    schema = {
        "$ref": "#/components/schemas/Pet",
        "description": "The owner's pet.",
        "nullable": True,
    }
    assert convert(schema, components) == {
        "type": ["object", "null"],
        "description": "The owner's pet.",
        "properties": {"n": {"type": "string"}},
    }


def test_constraints_beside_a_reference_combine_with_all_of() -> None:
    components = {"Pet": {"type": "object"}}
    schema = {"$ref": "#/components/schemas/Pet", "required": ["name"]}
    assert convert(schema, components) == {"allOf": [{"type": "object"}, {"required": ["name"]}]}


def test_self_recursion_is_cut_with_a_stub() -> None:
    components = {
        "Category": {
            "type": "object",
            "properties": {
                "sub": {"type": "array", "items": {"$ref": "#/components/schemas/Category"}}
            },
        }
    }
    converted = convert({"$ref": "#/components/schemas/Category"}, components)
    assert converted["properties"]["sub"]["items"] == {
        "type": "object",
        "description": "(recursive: Category — see above)",
    }


def test_mutual_recursion_is_cut_where_it_repeats() -> None:
    components = {
        "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"type": ["object", "null"], "properties": {"a": {"$ref": "#/components/schemas/A"}}},
    }
    converted = convert({"$ref": "#/components/schemas/B"}, components)
    assert converted["properties"]["a"]["properties"]["b"] == {
        "type": ["object", "null"],
        "description": "(recursive: B — see above)",
    }


def test_shared_references_are_expanded_in_each_place() -> None:
    components = {"Address": {"type": "object", "properties": {"city": {"type": "string"}}}}
    schema = {
        "type": "object",
        "properties": {
            "billing": {"$ref": "#/components/schemas/Address"},
            "shipping": {"$ref": "#/components/schemas/Address"},
        },
    }
    converted = convert(schema, components)
    assert converted["properties"]["billing"] == converted["properties"]["shipping"]
    assert converted["properties"]["shipping"]["properties"]["city"] == {"type": "string"}


def test_the_node_budget_stubs_what_does_not_fit() -> None:
    components = {
        f"L{i}": {
            "type": "object",
            "properties": {"next": {"$ref": f"#/components/schemas/L{i + 1}"}},
        }
        for i in range(30)
    }
    components["L30"] = {"type": "string"}
    converted = convert({"$ref": "#/components/schemas/L0"}, components, max_nodes=20)
    text = str(converted)
    assert "too large to describe here" in text
    assert text.count("'next'") < 20


def test_the_depth_limit_stubs_deep_schemas() -> None:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(100):
        schema = {"type": "array", "items": schema}
    converted = convert(schema, max_depth=10)
    assert "nested too deeply" in str(converted)


def test_an_external_reference_is_refused() -> None:
    with pytest.raises(ActionDocumentError, match="another file"):
        convert({"$ref": "https://example.com/pet.json"})


def test_a_non_schema_accepts_anything_with_a_note() -> None:
    schemas = Schemas(Refs({}))
    assert schemas.convert("string", "/s") == {}
    assert schemas.problems == ["/s is not a schema; it accepts any value"]


# -- junk in, valid JSON Schema out ----------------------------------------------------------

JUNK_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    "x",
    "integer",
    "file",
    "[a",
    [],
    {},
    ["a"],
    [1, "b"],
    10**30,
]
KEYWORDS = [
    "type", "properties", "items", "allOf", "anyOf", "oneOf", "not", "required", "enum",
    "nullable", "minimum", "exclusiveMaximum", "multipleOf", "maxLength", "pattern", "format",
    "additionalProperties", "patternProperties", "prefixItems", "readOnly", "$ref", "description",
    "title", "default", "uniqueItems", "minItems", "dependentRequired", "if", "contains",
    "propertyNames", "example", "x-foo", "$defs", "deprecated", "dependencies", "$id",
]  # fmt: skip


def junk(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.3:
        return rng.choice([*JUNK_VALUES, "#/components/schemas/A", "#/nope"])
    if roll < 0.7:
        return {rng.choice(KEYWORDS): junk(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    return [junk(rng, depth + 1) for _ in range(rng.randint(0, 3))]


def test_junk_schemas_become_valid_json_schema() -> None:
    rng = random.Random(20240601)
    for _ in range(1500):
        document = {"components": {"schemas": {"A": junk(rng)}}}
        try:
            converted = Schemas(Refs(document)).convert(junk(rng), "/s")
        except ActionDocumentError:
            continue  # a $ref to nothing
        Draft202012Validator.check_schema(converted)
