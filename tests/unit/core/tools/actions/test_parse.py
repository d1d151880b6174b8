"""Parsing documents into operations: Swagger 2.0, OpenAPI 3.0 and 3.1, errors, the cache."""

from __future__ import annotations

import copy
import json
import random
import threading
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions import parse as parse_module
from desktop.core.tools.actions.model import ActionDocument
from desktop.core.tools.actions.parse import cached_document, clear_cache, parse_document
from tests.helpers.shared_data import SHARED_DATA

SWAGGER: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Petstore", "version": "1.0.0", "description": "Pets."},
    "host": "petstore.example.com",
    "basePath": "/v2/",
    "schemes": ["http", "https"],
    "consumes": ["application/json"],
    "securityDefinitions": {
        "api_key": {"type": "apiKey", "name": "X-Key", "in": "header"},
        "basic": {"type": "basic"},
        "oauth": {
            "type": "oauth2",
            "flow": "application",
            "tokenUrl": "https://auth.example.com/token",
            "scopes": {"read": "read pets", "write": "change pets"},
        },
    },
    "security": [{"api_key": []}],
    "parameters": {"petId": {"name": "petId", "in": "path", "required": True, "type": "integer"}},
    "paths": {
        "x-internal": {"note": "an extension, not a path"},
        "/pets": {
            "get": {
                "operationId": "listPets",
                "summary": "List pets",
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "type": "integer",
                        "maximum": 100,
                        "exclusiveMaximum": True,
                    },
                    {
                        "name": "tags",
                        "in": "query",
                        "type": "array",
                        "items": {"type": "string"},
                        "collectionFormat": "multi",
                    },
                    {"name": "ids", "in": "query", "type": "array", "items": {"type": "integer"}},
                ],
            },
            "post": {
                "operationId": "addPet",
                "security": [{"oauth": ["write"]}],
                "parameters": [
                    {
                        "name": "body",
                        "in": "body",
                        "required": True,
                        "description": "The pet.",
                        "schema": {"$ref": "#/definitions/Pet"},
                    }
                ],
            },
        },
        "/pets/{petId}": {
            "parameters": [{"$ref": "#/parameters/petId"}],
            "get": {"summary": "Find a pet", "security": []},
            "post": {
                "operationId": "updatePetWithForm",
                "consumes": ["application/x-www-form-urlencoded"],
                "parameters": [
                    {"name": "name", "in": "formData", "type": "string", "required": True},
                    {"name": "status", "in": "formData", "type": "string"},
                ],
            },
        },
        "/pets/{petId}/image": {
            "post": {
                "operationId": "uploadImage",
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"$ref": "#/parameters/petId"},
                    {"name": "file", "in": "formData", "type": "file"},
                ],
            }
        },
    },
    "definitions": {
        "Pet": {
            "type": "object",
            "required": ["id", "name"],
            "x-generated": True,
            "properties": {
                "id": {"type": "integer", "readOnly": True},
                "name": {"type": "string", "example": "doggie"},
                "tag": {"type": "string", "x-nullable": True},
            },
        }
    },
}

OAS30: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pets", "version": "2"},
    "servers": [
        {
            "url": "https://{region}.api.example.com/{version}/",
            "variables": {
                "region": {"default": "eu", "enum": ["eu", "us"]},
                "version": {"default": "v1"},
            },
        }
    ],
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "parameters": [
                    {"$ref": "#/components/parameters/Limit"},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "X-Trace", "in": "query", "schema": {"type": "string"}},
                    {"name": "Accept", "in": "header", "schema": {"type": "string"}},
                ],
            },
            "post": {
                "operationId": "createPet",
                "servers": [{"url": "https://upload.example.com"}],
                "requestBody": {"$ref": "#/components/requestBodies/Pet"},
                "parameters": [{"name": "body", "in": "query", "schema": {"type": "string"}}],
            },
        },
        "/pets/{petId}": {
            "servers": [{"url": "https://pets.example.com"}],
            "parameters": [
                {"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "verbose", "in": "query", "schema": {"type": "boolean"}},
            ],
            "get": {
                "operationId": "showPet",
                "summary": "Show a pet",
                "description": "Returns one pet.",
                "deprecated": True,
                "parameters": [
                    {
                        "name": "verbose",
                        "in": "query",
                        "required": True,
                        "description": "How much to say.",
                        "schema": {"type": "integer"},
                    }
                ],
            },
            "patch": {
                "operationId": "updatePet",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/merge-patch+json": {
                            "schema": {"$ref": "#/components/schemas/Pet"}
                        }
                    },
                },
            },
        },
    },
    "components": {
        "parameters": {
            "Limit": {
                "name": "limit",
                "in": "query",
                "schema": {"type": "integer", "nullable": True},
            }
        },
        "requestBodies": {
            "Pet": {
                "required": True,
                "description": "A new pet.",
                "content": {
                    "application/xml": {"schema": {"type": "string"}},
                    "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}},
                },
            }
        },
        "schemas": {
            "Pet": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"$ref": "#/components/schemas/Id"},
                    "name": {"type": "string"},
                    "status": {"type": "string", "enum": ["a", "b"], "nullable": True},
                    "owner": {"$ref": "#/components/schemas/Owner", "nullable": True},
                },
            },
            "Id": {"type": "integer", "readOnly": True},
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
        },
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "Bearer"},
            "cc": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": "https://auth.example.com/token",
                        "scopes": {"pets:read": ""},
                    },
                    "authorizationCode": {
                        "authorizationUrl": "https://auth.example.com/authorize",
                        "tokenUrl": "https://auth.example.com/code-token",
                        "scopes": {"pets:write": ""},
                    },
                },
            },
        },
    },
    "security": [{"bearer": []}, {"cc": ["pets:read"], "undefined_scheme": []}],
}

OAS31: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Tree", "version": "1"},
    "servers": [{"url": "/api/v1"}],
    "webhooks": {"newNode": {"post": {"operationId": "newNodeHook"}}},
    "paths": {
        "/nodes": {
            "post": {
                "operationId": "addNode",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "$ref": "#/components/schemas/Node",
                                "description": "The node to add.",
                            }
                        }
                    }
                },
                "callbacks": {"onAdd": {"{$request.body#/url}": {"post": {}}}},
            }
        }
    },
    "components": {
        "schemas": {
            "Node": {
                "type": "object",
                "properties": {
                    "name": {"type": ["string", "null"], "examples": ["root"]},
                    "weight": {"type": "number", "exclusiveMinimum": 0},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                    "parent": {"$ref": "#/components/schemas/Parent"},
                },
            },
            "Parent": {
                "type": "object",
                "properties": {"node": {"$ref": "#/components/schemas/Node"}},
            },
        }
    },
}


def parse(data: dict[str, Any], source_url: str = "") -> ActionDocument:
    """`parse_document`, checking that every operation's schema is valid JSON Schema."""
    document = parse_document(copy.deepcopy(data), source_url)
    for op in document.operations:
        Draft202012Validator.check_schema(op.parameters_schema)
        json.dumps(op.parameters_schema)
    return document


def minimal(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths, **extra}


# -- Swagger 2.0 ------------------------------------------------------------------------------


def test_swagger_document() -> None:
    document = parse(SWAGGER)
    assert (document.title, document.version, document.openapi) == ("Petstore", "1.0.0", "2.0")
    assert [op.tool_name for op in document.operations] == [
        "listPets",
        "addPet",
        "get_pets_petId",
        "updatePetWithForm",
        "uploadImage",
    ]
    assert {op.servers for op in document.operations} == {
        ("https://petstore.example.com/v2", "http://petstore.example.com/v2")
    }


def test_swagger_parameters() -> None:
    op = parse(SWAGGER).operation("listPets")
    limit, tags, ids = op.parameters
    assert limit.schema == {"type": "integer", "exclusiveMaximum": 100}
    assert (tags.style, tags.explode) == ("form", True)
    assert (ids.style, ids.explode) == ("form", False)  # Swagger's default is csv
    assert op.security == ("api_key",)


def test_swagger_body_parameter() -> None:
    op = parse(SWAGGER).operation("addPet")
    assert op.body is not None
    assert (op.body.content_type, op.body.required) == ("application/json", True)
    assert op.body.schema == {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string"}, "tag": {"type": ["string", "null"]}},
        "description": "The pet.",
    }
    assert op.parameters_schema["required"] == ["body"]
    assert op.security == ("oauth",)


def test_swagger_path_level_parameter_and_no_security() -> None:
    op = parse(SWAGGER).operation("get_pets_petId")
    (pet_id,) = op.parameters
    assert (pet_id.name, pet_id.location, pet_id.required) == ("petId", "path", True)
    assert op.operation_id is None and op.summary == "Find a pet"
    assert op.security == ()


def test_swagger_form_data_becomes_a_form_body() -> None:
    op = parse(SWAGGER).operation("updatePetWithForm")
    assert op.body is not None
    assert op.body.content_type == "application/x-www-form-urlencoded"
    assert op.body.schema["required"] == ["name"]
    assert set(op.body.schema["properties"]) == {"name", "status"}


def test_swagger_file_upload_goes_without_its_body() -> None:
    document = parse(SWAGGER)
    op = document.operation("uploadImage")
    assert op.body is None
    assert [p.name for p in op.parameters] == ["petId"]
    assert any("POST /pets/{petId}/image" in w and "uploads files" in w for w in document.warnings)


def test_swagger_security_schemes() -> None:
    schemes = {s.name: s for s in parse(SWAGGER).security_schemes}
    assert (schemes["api_key"].type, schemes["api_key"].location) == ("apiKey", "header")
    assert schemes["api_key"].parameter_name == "X-Key"
    assert (schemes["basic"].type, schemes["basic"].scheme) == ("http", "basic")
    assert schemes["oauth"].token_url == "https://auth.example.com/token"
    assert schemes["oauth"].scopes == ("read", "write")


def test_swagger_without_host_uses_the_source() -> None:
    data = copy.deepcopy(SWAGGER)
    del data["host"], data["schemes"]
    op = parse(data, "http://docs.example.org/spec.json").operations[0]
    assert op.servers == ("http://docs.example.org/v2",)
    assert parse(data).operations[0].servers == ("/v2",)


# -- OpenAPI 3.0 ------------------------------------------------------------------------------


def test_server_variables_are_filled_from_their_defaults() -> None:
    op = parse(OAS30).operation("listPets")
    assert op.servers == ("https://eu.api.example.com/v1",)


def test_operation_servers_win_over_path_and_document_servers() -> None:
    document = parse(OAS30)
    assert document.operation("createPet").servers == ("https://upload.example.com",)
    assert document.operation("showPet").servers == ("https://pets.example.com",)


def test_parameters_merge_and_the_operation_wins() -> None:
    op = parse(OAS30).operation("showPet")
    by_name = {p.name: p for p in op.parameters}
    assert by_name["verbose"].schema == {"type": "integer", "description": "How much to say."}
    assert op.parameters_schema["required"] == ["petId", "verbose"]
    assert op.deprecated is True
    assert op.description == "Show a pet\n\nReturns one pet."


def test_colliding_parameters_get_their_location_as_prefix() -> None:
    op = parse(OAS30).operation("listPets")
    assert [(p.name, p.location, p.arg) for p in op.parameters] == [
        ("limit", "query", "limit"),
        ("X-Trace", "header", "header_X-Trace"),
        ("X-Trace", "query", "X-Trace"),
    ]  # and Accept, which OpenAPI says to ignore, is gone
    assert op.parameters_schema["additionalProperties"] is False
    assert set(op.parameters_schema["properties"]) == {"limit", "header_X-Trace", "X-Trace"}


def test_a_parameter_named_body_gives_way_to_the_body() -> None:
    op = parse(OAS30).operation("createPet")
    assert [p.arg for p in op.parameters] == ["query_body"]
    assert op.body is not None and op.body.arg == "body"


def test_json_is_preferred_and_read_only_properties_are_left_out() -> None:
    op = parse(OAS30).operation("createPet")
    assert op.body is not None
    assert (op.body.content_type, op.body.required) == ("application/json", True)
    schema = op.body.schema
    assert schema["required"] == ["name"]
    assert "id" not in schema["properties"]
    assert schema["properties"]["status"] == {"type": ["string", "null"], "enum": ["a", "b", None]}
    assert schema["properties"]["owner"]["type"] == ["object", "null"]
    assert schema["description"] == "A new pet."


def test_a_json_suffix_media_type_is_json() -> None:
    op = parse(OAS30).operation("updatePet")
    assert op.body is not None
    assert op.body.content_type == "application/merge-patch+json"
    assert op.parameters_schema["required"] == ["petId", "body"]


def test_nullable_parameter() -> None:
    (limit, *_) = parse(OAS30).operation("listPets").parameters
    assert limit.schema == {"type": ["integer", "null"]}


def test_oas3_security() -> None:
    document = parse(OAS30)
    schemes = {s.name: s for s in document.security_schemes}
    assert (schemes["bearer"].type, schemes["bearer"].scheme) == ("http", "bearer")
    assert schemes["cc"].token_url == "https://auth.example.com/token"
    assert schemes["cc"].scopes == ("pets:read", "pets:write")
    assert document.operation("listPets").security == ("bearer", "cc")
    assert any("'undefined_scheme'" in w for w in document.warnings)


# -- OpenAPI 3.1 ------------------------------------------------------------------------------


def test_recursive_schemas_end_in_a_described_stub() -> None:
    document = parse(OAS31)
    op = document.operation("addNode")
    assert op.body is not None and op.body.required is False
    node = op.body.schema
    assert node["description"] == "The node to add."
    assert node["properties"]["children"]["items"] == {
        "type": "object",
        "description": "(recursive: Node — see above)",
    }
    parent_node = node["properties"]["parent"]["properties"]["node"]
    assert parent_node["description"] == "(recursive: Node — see above)"
    assert node["properties"]["name"] == {"type": ["string", "null"]}
    assert node["properties"]["weight"]["exclusiveMinimum"] == 0
    Draft202012Validator(op.parameters_schema).validate(
        {"body": {"name": "a", "children": [{"name": "b"}], "parent": {"node": {}}}}
    )


def test_relative_servers_resolve_against_the_source() -> None:
    assert parse(OAS31).operations[0].servers == ("/api/v1",)
    resolved = parse(OAS31, "https://docs.example.com/specs/tree.json")
    assert resolved.operations[0].servers == ("https://docs.example.com/api/v1",)
    assert resolved.source_url == "https://docs.example.com/specs/tree.json"


def test_without_servers_the_document_host_serves() -> None:
    data = minimal({"/a": {"get": {}}})
    assert parse(data).operations[0].servers == ("/",)
    assert parse(data, "https://x.example.com/a/openapi.json").operations[0].servers == (
        "https://x.example.com",
    )


def test_webhooks_and_callbacks_are_not_operations() -> None:
    document = parse(OAS31)
    assert [op.tool_name for op in document.operations] == ["addNode"]
    assert any("1 webhook describe" in w for w in document.warnings)


def test_a_webhooks_only_document_says_so() -> None:
    data = minimal({}, webhooks={"ping": {"post": {}}})
    del data["paths"]
    with pytest.raises(ActionDocumentError, match="only webhooks"):
        parse(data)


# -- bodies ------------------------------------------------------------------------------------


def body_of(content: dict[str, Any]) -> tuple[Any, tuple[str, ...]]:
    document = parse(minimal({"/a": {"post": {"requestBody": {"content": content}}}}))
    return document.operations[0].body, document.warnings


@pytest.mark.parametrize(
    ("content", "sent_as"),
    [
        ({"text/plain": {}, "application/json": {}}, "application/json"),
        ({"application/json; charset=utf-8": {}}, "application/json"),
        ({"application/vnd.api+json": {}}, "application/vnd.api+json"),
        (
            {"application/x-www-form-urlencoded": {}, "text/plain": {}},
            "application/x-www-form-urlencoded",
        ),
        (
            {"multipart/form-data": {"schema": {"properties": {"a": {"type": "string"}}}}},
            "multipart/form-data",
        ),
        ({"text/plain": {}}, "text/plain"),
        ({"*/*": {}}, "application/json"),
    ],
)
def test_body_media_types(content: dict[str, Any], sent_as: str) -> None:
    body, warnings = body_of(content)
    assert body.content_type == sent_as
    assert warnings == ()


@pytest.mark.parametrize(
    "content",
    [
        {"application/octet-stream": {}},
        {"image/png": {}},
        {
            "multipart/form-data": {
                "schema": {"properties": {"f": {"type": "string", "format": "binary"}}}
            }
        },
    ],
)
def test_unsendable_bodies_are_left_out_with_a_warning(content: dict[str, Any]) -> None:
    body, warnings = body_of(content)
    assert body is None
    assert len(warnings) == 1 and warnings[0].startswith("POST /a: its request body")


# -- names -------------------------------------------------------------------------------------


def test_names_from_operation_ids_are_sanitised_and_unique() -> None:
    long_id = "get" + "VeryLong" * 12
    document = parse(
        minimal(
            {
                "/a": {"get": {"operationId": "list pets"}, "put": {"operationId": "list.pets"}},
                "/b/{id}": {"get": {"operationId": "获取宠物", "parameters": []}},
                "/c": {"get": {"operationId": long_id}, "post": {"operationId": "获取"}},
            }
        )
    )
    names = [op.tool_name for op in document.operations]
    assert names[:3] == ["list_pets", "list_pets_2", "get_b_id"]
    assert len(names[3]) == 64 and names[3].startswith("getVeryLong")
    assert names[4] == "post_c"
    assert (
        parse(minimal({"/c": {"get": {"operationId": long_id}}})).operations[0].tool_name
        == names[3]
    )


def test_a_reused_operation_id_is_refused_with_a_pointer() -> None:
    data = minimal(
        {"/a": {"get": {"operationId": "same"}}, "/b": {"post": {"operationId": "same"}}}
    )
    with pytest.raises(ActionDocumentError, match="'same' is used twice") as caught:
        parse(data)
    assert caught.value.pointer == "/paths/~1b/post/operationId"


# -- what is wrong ----------------------------------------------------------------------------


def test_a_duplicate_parameter_leaves_the_operation_out() -> None:
    twice = [
        {"name": "q", "in": "query"},
        {"name": "q", "in": "query", "schema": {"type": "integer"}},
    ]
    document = parse(minimal({"/a": {"get": {"parameters": twice}}, "/b": {"get": {}}}))
    assert [op.path for op in document.operations] == ["/b"]
    assert "GET /a is left out: it declares the query parameter 'q' twice" in document.warnings[0]
    with pytest.raises(
        ActionDocumentError, match="no usable operations: GET /a: it declares"
    ) as caught:
        parse(minimal({"/a": {"get": {"parameters": twice}}}))
    assert caught.value.pointer == "/paths/~1a/get/parameters/1"


def test_an_undeclared_path_parameter_is_offered_as_text() -> None:
    document = parse(minimal({"/pets/{petId}": {"get": {}}}))
    (param,) = document.operations[0].parameters
    assert (param.name, param.location, param.required, param.schema) == (
        "petId",
        "path",
        True,
        {"type": "string"},
    )
    assert "'petId' is not declared" in document.warnings[0]


def test_an_operation_that_is_not_an_object_is_left_out() -> None:
    document = parse(minimal({"/a": {"get": "nope", "post": {}}}))
    assert [op.method for op in document.operations] == ["POST"]
    with pytest.raises(ActionDocumentError, match=r"/paths/~1a/get is not an object"):
        parse(minimal({"/a": {"get": "nope"}}))


def test_paths_that_are_not_a_mapping_are_refused() -> None:
    with pytest.raises(ActionDocumentError, match="`paths` must map") as caught:
        parse(minimal([]))  # type: ignore[arg-type]
    assert caught.value.pointer == "/paths"


def test_a_document_without_operations_says_what_is_needed() -> None:
    with pytest.raises(ActionDocumentError, match="at least one path with a method"):
        parse(minimal({"/a": {"summary": "nothing here"}}))


def test_an_external_reference_is_refused_and_named() -> None:
    data = minimal(
        {
            "/a": {
                "post": {
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "common.yaml#/Pet"}}}
                    }
                }
            }
        }
    )
    with pytest.raises(ActionDocumentError, match=r"'common\.yaml#/Pet' .* another file") as caught:
        parse(data)
    assert caught.value.pointer == "/paths/~1a/post/requestBody/content/application~1json/schema"


def test_a_reference_to_nothing_leaves_its_operation_out() -> None:
    broken = {"get": {"parameters": [{"$ref": "#/components/parameters/Gone"}]}}
    document = parse(minimal({"/a": broken, "/b": {"get": {}}}))
    assert [op.path for op in document.operations] == ["/b"]
    assert document.warnings[0].startswith(
        "GET /a is left out: the $ref '#/components/parameters/Gone' at "
        "/paths/~1a/get/parameters/0 points to nothing in the document"
    )
    with pytest.raises(ActionDocumentError, match=r"no usable operations: GET /a: the .* nothing"):
        parse(minimal({"/a": broken}))


def test_a_broken_security_scheme_is_ignored() -> None:
    schemes = {
        "securitySchemes": {"k": {"$ref": "#/nowhere"}, "b": {"type": "http", "scheme": "basic"}}
    }
    document = parse(minimal({"/a": {"get": {}}}, components=schemes))
    assert [s.name for s in document.security_schemes] == ["b"]
    assert "The security scheme is ignored." in document.warnings[0]


def test_server_enum_rules_are_errors_in_31_and_warnings_in_30() -> None:
    servers = [
        {"url": "https://{v}.example.com", "variables": {"v": {"default": "b", "enum": ["a"]}}}
    ]
    with pytest.raises(ActionDocumentError, match="not one of its `enum` values"):
        parse(minimal({"/a": {"get": {}}}, servers=servers))
    lenient = parse({**minimal({"/a": {"get": {}}}, servers=servers), "openapi": "3.0.0"})
    assert lenient.operations[0].servers == ("https://b.example.com",)
    assert "not one of its `enum` values" in lenient.warnings[0]


def test_descriptions_are_trimmed() -> None:
    op = parse(
        minimal({"/a": {"get": {"summary": "S", "description": "word " * 1000}}})
    ).operations[0]
    assert len(op.description) <= 1024 and op.description.endswith("…")
    assert op.description.startswith("S\n\nword word")


# -- a tangle of references ---------------------------------------------------------------------


def test_tangled_references_stay_within_budget() -> None:
    # 12 schemas that each refer to all the others: expanding every path would never end.
    names = [f"S{i}" for i in range(12)]
    schemas = {
        name: {
            "type": "object",
            "properties": {other: {"$ref": f"#/components/schemas/{other}"} for other in names},
        }
        for name in names
    }
    # And a chain where each schema uses the next twice: 2**40 nodes if written out.
    schemas |= {
        f"D{i}": {
            "type": "object",
            "properties": {
                "a": {"$ref": f"#/components/schemas/D{i + 1}"},
                "b": {"$ref": f"#/components/schemas/D{i + 1}"},
            },
        }
        for i in range(40)
    }
    schemas["D40"] = {"type": "string"}
    body = {
        "properties": {
            "s": {"$ref": "#/components/schemas/S0"},
            "d": {"$ref": "#/components/schemas/D0"},
        }
    }
    data = minimal(
        {"/a": {"post": {"requestBody": {"content": {"application/json": {"schema": body}}}}}},
        components={"schemas": schemas},
    )
    text = json.dumps(parse(data).operations[0].parameters_schema)
    assert len(text) < 5_000_000
    assert "too large to describe here" in text or "nested too deeply" in text


def test_circular_parameter_references_are_refused() -> None:
    data = minimal(
        {"/a": {"get": {"parameters": [{"$ref": "#/components/parameters/A"}]}}},
        components={
            "parameters": {
                "A": {"$ref": "#/components/parameters/B"},
                "B": {"$ref": "#/components/parameters/A"},
            }
        },
    )
    with pytest.raises(ActionDocumentError, match="goes round in a circle"):
        parse(data)


# -- the cache ---------------------------------------------------------------------------------


def test_the_cache_returns_the_same_document_for_the_same_text() -> None:
    clear_cache()
    text = json.dumps(OAS30)
    first = cached_document(text)
    assert cached_document(text) is first
    assert cached_document(text, "https://x.example.com/") is not first


def test_the_cache_forgets_the_oldest() -> None:
    clear_cache()
    texts = [
        json.dumps(minimal({f"/p{i}": {"get": {}}})) for i in range(parse_module.CACHE_SIZE + 1)
    ]
    first = cached_document(texts[0])
    for text in texts[1:]:
        cached_document(text)
    assert cached_document(texts[0]) is not first


def test_the_cache_is_safe_from_many_threads() -> None:
    clear_cache()
    text = json.dumps(SWAGGER)
    results: list[ActionDocument] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                results.append(cached_document(text))
        except BaseException as exc:  # reported below, on the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(results) == 160
    assert all(result == results[0] for result in results)


# -- the shared examples, when they are here -------------------------------------------------------


MERMADE = SHARED_DATA / "openapi/examples/mermade-openapi3-examples"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("3.0/fail/duplicateOperationId.yaml", "used twice"),
        ("3.0/fail/duplicateParameter.yaml", "declares the query parameter 'test' twice"),
        ("3.1/fail/server_enum_empty.yaml", "empty `enum`"),
        ("3.1/fail/server_enum_unknown.yaml", "not one of its `enum` values"),
        ("3.1/fail/no_containers.yaml", "no operations"),
        ("3.0/malicious/yamlbomb.yaml", "contains itself"),
    ],
)
def test_shared_failing_examples_are_refused(name: str, message: str) -> None:
    path = MERMADE / name
    if not path.exists():
        pytest.skip("../shared/data is not here")
    with pytest.raises(ActionDocumentError, match=message):
        cached_document(path.read_text())


# -- damaged documents --------------------------------------------------------------------------


def damaged(rng: random.Random, document: dict[str, Any]) -> dict[str, Any]:
    """`document` with a few of its values replaced by junk."""
    junk: list[Any] = [None, 0, "x", "/a/{b}", [], {}, [{}], {"$ref": "#/nope"}, {"$ref": "#"}]
    copied = copy.deepcopy(document)
    places: list[tuple[Any, Any]] = []
    stack: list[Any] = [copied]
    while stack:
        node = stack.pop()
        keys = node.keys() if isinstance(node, dict) else range(len(node))
        for key in keys:
            places.append((node, key))
            if isinstance(node[key], dict | list):
                stack.append(node[key])
    for node, key in rng.sample(places, k=3):
        node[key] = copy.deepcopy(rng.choice(junk))
    return copied


def test_damaged_documents_import_or_are_refused_never_crash() -> None:
    rng = random.Random(7)
    for _ in range(300):
        data = damaged(rng, rng.choice([SWAGGER, OAS30, OAS31]))
        try:
            document = parse_document(data, rng.choice(["", "https://x.example.com/a.json"]))
        except ActionDocumentError:
            continue
        for op in document.operations:
            Draft202012Validator.check_schema(op.parameters_schema)
            assert all(isinstance(server, str) for server in op.servers)
