"""Choosing the operations to offer: relevance in English and Chinese, limits, fallback order."""

from __future__ import annotations

import time

from desktop.core.tools.actions.select import OperationIndex, words
from desktop.core.tools.base import ToolSpec
from tests.helpers.action_server import get, operation, param

SPECS = [
    ToolSpec("listPets", "List all pets in the store."),
    ToolSpec("get_pet_by_id", "Find one pet by its id."),
    ToolSpec("createOrder", "Place an order for a pet."),
    ToolSpec("deleteOrder", "Cancel an order that was placed."),
    ToolSpec("getInventory", "Returns stock counts by status."),
    ToolSpec("createUser", "Register a new user account."),
    ToolSpec("loginUser", "Log a user into the system and return a session."),
    ToolSpec("getWeather", "Current weather and temperature for a city."),
    ToolSpec("查询天气", "查询某个城市今天的天气预报和气温。"),
    ToolSpec("翻译文本", "把一段文本翻译成另一种语言。"),
    ToolSpec("发送邮件", "给联系人发送一封电子邮件。"),
    ToolSpec("uploadPhoto", "Upload an image for a pet.", {"type": "object", "properties": {}}),
]
INDEX = OperationIndex(SPECS)


def test_words_split_names_and_drop_plurals_and_function_words() -> None:
    assert words("getPetById") == ["getpetbyid", "get", "pet", "id"]
    assert words("list_users") == ["list_user", "list", "user"]
    assert words("/pets/{petId}/photos") == ["pet", "petid", "photo", "pet", "id"]
    assert words("What is the weather") == ["weather"]
    assert "天气" in words("查询天气")


def test_english_queries_pick_the_relevant_operations() -> None:
    assert INDEX.select("What's the weather in Paris today?", 3)[0] == "getWeather"
    assert INDEX.select("I want to cancel my order", 3)[0] == "deleteOrder"
    assert INDEX.select("show me all the pets", 2)[0] == "listPets"
    top = INDEX.select("orders", 2)
    assert set(top) == {"createOrder", "deleteOrder"}


def test_chinese_queries_match_chinese_descriptions() -> None:
    assert INDEX.select("北京明天天气怎么样？", 3)[0] == "查询天气"
    assert INDEX.select("帮我把这段话翻译成英文", 3)[0] == "翻译文本"
    assert INDEX.select("给老王发一封邮件", 3)[0] == "发送邮件"


def test_the_limit_is_respected_and_filled_in_document_order() -> None:
    chosen = INDEX.select("weather", 4)
    assert len(chosen) == 4
    assert chosen[0] == "getWeather"
    assert chosen[1:] == ["listPets", "get_pet_by_id", "createOrder"]
    assert len(INDEX.select("weather", 100)) == len(SPECS)
    assert INDEX.select("weather", 0) == []


def test_a_query_that_matches_nothing_gets_the_document_order() -> None:
    names = [s.name for s in SPECS]
    assert INDEX.select("zzz qqq", 5) == names[:5]
    assert INDEX.select("", 3) == names[:3]


def test_ties_keep_the_document_order() -> None:
    specs = [ToolSpec(f"op{i}", "same words here") for i in range(6)]
    assert OperationIndex(specs).select("words", 3) == ["op0", "op1", "op2"]


def test_more_shared_words_win_when_idf_cannot_tell() -> None:
    index = OperationIndex([ToolSpec("a", "apple"), ToolSpec("b", "banana")])
    assert index.select("banana", 1) == ["b"]


def test_paths_and_argument_names_count() -> None:
    ops = [
        get("op1", "/stores/{storeId}"),
        get("op2", "/invoices", param("customerEmail", "query", {"type": "string"})),
        operation("op3", "POST", "/misc"),
    ]
    index = OperationIndex.of_operations(ops)
    assert index.select("which invoices exist", 1) == ["op2"]
    assert index.select("customer email", 1) == ["op2"]
    assert index.select("store", 1) == ["op1"]


def test_duplicate_names_and_empty_indexes() -> None:
    index = OperationIndex([ToolSpec("a", "x"), ToolSpec("a", "y"), ToolSpec("b", "z")])
    assert index.names == ("a", "b")
    assert OperationIndex([]).select("anything", 5) == []
    assert OperationIndex([ToolSpec("a", "")]).select("", 5) == ["a"]


def test_a_thousand_operations_select_quickly() -> None:
    specs = [
        ToolSpec(f"getResource{i}", f"Fetch resource number {i} about topic{i % 50} and more")
        for i in range(1000)
    ]
    index = OperationIndex(specs)
    started = time.perf_counter()
    for _ in range(20):
        chosen = index.select("fetch the resource about topic7 please " * 20, 20)
    assert (time.perf_counter() - started) / 20 < 0.05
    assert len(chosen) == 20
