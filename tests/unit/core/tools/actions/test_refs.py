"""Local references: JSON pointers with escapes, chains, circles, and refused external ones."""

from __future__ import annotations

import pytest

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.refs import Refs, child, ref_name

DOCUMENT = {
    "components": {
        "schemas": {"a/b": {"type": "string"}, "t~x": {"type": "integer"}, "a {b}": {}},
        "parameters": {
            "First": {"$ref": "#/components/parameters/Second"},
            "Second": {"name": "q", "in": "query"},
            "Loop": {"$ref": "#/components/parameters/Loop"},
        },
    },
    "list": [{"name": "zero"}],
}


def test_pointers_unescape() -> None:
    refs = Refs(DOCUMENT)
    assert refs.lookup("#/components/schemas/a~1b", "/x") == {"type": "string"}
    assert refs.lookup("#/components/schemas/t~0x", "/x") == {"type": "integer"}
    assert refs.lookup("#/list/0", "/x") == {"name": "zero"}
    assert refs.lookup("#/components/schemas/a%20%7Bb%7D", "/x") == {}


def test_chains_are_followed_to_their_end() -> None:
    node, at = Refs(DOCUMENT).follow({"$ref": "#/components/parameters/First"}, "/p")
    assert node == {"name": "q", "in": "query"}
    assert at == "/components/parameters/Second"


def test_something_without_a_reference_is_itself() -> None:
    assert Refs(DOCUMENT).follow({"name": "x"}, "/p") == ({"name": "x"}, "/p")


def test_a_circle_is_refused() -> None:
    with pytest.raises(ActionDocumentError, match="goes round in a circle"):
        Refs(DOCUMENT).follow({"$ref": "#/components/parameters/Loop"}, "/p")


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("other.yaml#/Pet", r"'other\.yaml#/Pet' at /here points into another file"),
        ("https://example.com/api.json#/Pet", "another file or address"),
        ("#/components/schemas/Nope", "points to nothing in the document"),
        ("#pet-anchor", "names an anchor"),
        (42, "is not text"),
    ],
)
def test_what_cannot_be_resolved_is_named(ref: object, message: str) -> None:
    with pytest.raises(ActionDocumentError, match=message) as caught:
        Refs(DOCUMENT).lookup(ref, "/here")
    assert caught.value.pointer == "/here"
    assert len(caught.value.message) < 300  # never the whole document


def test_pointer_helpers() -> None:
    assert child("/paths", "/pets/{id}", "get") == "/paths/~1pets~1{id}/get"
    assert child("", "a~b", 0) == "/a~0b/0"
    assert ref_name("#/components/schemas/a~1b") == "a/b"
