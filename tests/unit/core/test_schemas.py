"""Operations on JSON schemas."""

from __future__ import annotations

from desktop.core.schemas import without_keywords


def test_keywords_go_at_every_depth_and_names_stay() -> None:
    schema = {
        "type": "object",
        "maxLength": 1,
        "properties": {"maxLength": {"type": "string", "maxLength": 5}},
        "$defs": {"x": {"anyOf": [{"type": "string", "minLength": 2}, {"type": "null"}]}},
    }
    assert without_keywords(schema, {"maxLength", "minLength"}) == {
        "type": "object",
        "properties": {"maxLength": {"type": "string"}},
        "$defs": {"x": {"anyOf": [{"type": "string"}, {"type": "null"}]}},
    }
    assert schema["properties"]["maxLength"]["maxLength"] == 5  # a copy: the original stays
