"""Tool and argument names: safe characters, 64 characters at most, unique, deterministic."""

from __future__ import annotations

import re

import pytest

from desktop.core.tools.actions.names import (
    MAX_TOOL_NAME,
    argument_names,
    base_name,
    fit,
    sanitize,
    unique_names,
)

SAFE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("listPets", "listPets"),
        ("list pets", "list_pets"),
        ("pets.list/all", "pets_list_all"),
        ("__a__", "a"),
        ("a__b", "a__b"),
        ("获取宠物", ""),
        ("getPet宠物ById", "getPet_ById"),
        ("kebab-case", "kebab-case"),
    ],
)
def test_sanitize(text: str, expected: str) -> None:
    assert sanitize(text) == expected


@pytest.mark.parametrize(
    ("operation_id", "method", "path", "expected"),
    [
        ("showPet", "get", "/pets/{petId}", "showPet"),
        (None, "get", "/pets/{petId}", "get_pets_petId"),
        ("", "POST", "/v1/users.json", "post_v1_users_json"),
        ("获取宠物", "delete", "/宠物/{id}", "delete_id"),
        ("---", "get", "/", "get"),
    ],
)
def test_base_name(operation_id: str | None, method: str, path: str, expected: str) -> None:
    assert base_name(operation_id, method, path) == expected


def test_long_names_keep_their_start_and_gain_a_hash() -> None:
    long = "create" + "Something" * 10
    fitted = fit(long)
    assert len(fitted) == MAX_TOOL_NAME and SAFE.match(fitted)
    assert fitted.startswith("createSomething")
    assert fit(long) == fitted
    assert fit(long + "Else") != fitted


def test_duplicates_get_counters_within_the_limit() -> None:
    long = "x" * 80
    names = unique_names(["a", "a", "b", "a", long, long])
    assert names[:4] == ["a", "a_2", "b", "a_3"]
    assert names[4] != names[5] and all(len(name) <= 64 for name in names)
    assert all(SAFE.match(name) for name in names)


def test_arguments_keep_their_names_unless_taken() -> None:
    params = [
        ("id", "query"),
        ("id", "path"),
        ("X-Trace", "header"),
        ("body", "query"),
        ("sid", "cookie"),
    ]
    assert argument_names(params, reserved=("body",)) == [
        "query_id",
        "id",
        "X-Trace",
        "query_body",
        "sid",
    ]


def test_argument_prefixes_that_are_taken_count_on() -> None:
    params = [("header_X", "query"), ("X", "query"), ("X", "header")]
    assert argument_names(params) == ["header_X", "X", "header_X_2"]
