"""YAML without surprises: alias bombs, self-containing aliases, deep nesting, YAML 1.2 values."""

from __future__ import annotations

import math

import pytest

from desktop.core.errors import ActionDocumentError
from desktop.core.tools.actions.yaml_text import MAX_DEPTH, load_yaml
from tests.helpers.shared_data import SHARED_DATA

BILLION_LAUGHS = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)
# The shape of mermade's malicious/yamlbomb.yaml: an anchored mapping that aliases itself.
SELF_ALIAS = "openapi: 3.0.0\ninfo: &a\n  version: 1.0.0\n  title: API\n  x-bye: *a\npaths: {}\n"


def test_an_alias_bomb_is_refused_without_expanding_it() -> None:
    with pytest.raises(ActionDocumentError, match="alias bomb") as caught:
        load_yaml(BILLION_LAUGHS)
    assert caught.value.line is not None


def test_a_lower_node_limit_refuses_smaller_expansions() -> None:
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a]\n"
    assert load_yaml(text, max_nodes=100)["b"][2] == list(range(1, 11))
    with pytest.raises(ActionDocumentError, match="past 30 values"):
        load_yaml(text, max_nodes=30)


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    with pytest.raises(ActionDocumentError, match=r"alias \*a at line 5 contains itself") as caught:
        load_yaml(SELF_ALIAS)
    assert caught.value.line == 5


def test_the_shared_yamlbomb_is_refused() -> None:
    bomb = SHARED_DATA / "openapi/examples/mermade-openapi3-examples/3.0/malicious/yamlbomb.yaml"
    if not bomb.exists():
        pytest.skip("../shared/data is not here")
    with pytest.raises(ActionDocumentError, match="contains itself"):
        load_yaml(bomb.read_text())


def test_an_alias_is_the_same_object_as_its_anchor() -> None:
    data = load_yaml("a: &x {k: 1}\nb: *x\n")
    assert data["b"] is data["a"]


def test_an_undefined_alias_is_named() -> None:
    with pytest.raises(ActionDocumentError, match=r"\*nowhere at line 1 names no anchor"):
        load_yaml("a: *nowhere\n")


def test_deep_nesting_is_refused_instead_of_crashing() -> None:
    # libyaml's own composer would take the process down at this depth. Newer PyYAML
    # parsers refuse it first, in their own words; either way it is refused, by nesting.
    with pytest.raises(ActionDocumentError, match=r"(?i)nest") as refused:
        load_yaml("[" * 100_000)
    assert "line 1" in refused.value.message


def test_nesting_past_our_own_limit_is_refused() -> None:
    depth = MAX_DEPTH + 10  # deeper than ours, shallower than any parser's own limit
    with pytest.raises(ActionDocumentError, match=f"nested more than {MAX_DEPTH} levels"):
        load_yaml("[" * depth + "]" * depth)


def test_merge_keys_merge() -> None:
    text = "base: &b {a: 1, b: 2}\nother: &o {c: 3}\nx:\n  <<: [*b, *o]\n  b: 9\n"
    assert load_yaml(text)["x"] == {"a": 1, "b": 9, "c": 3}


def test_yaml_12_values() -> None:
    text = (
        "on: yes\nno: off\n200: ok\nt: true\nf: False\nn: ~\ne:\nint: -12\nhex: 0x1F\n"
        "float: 1.5e3\ninf: .inf\ndate: 2024-10-01\nversion: 1.0\nquoted: '12'\n"
    )
    data = load_yaml(text)
    assert data["on"] == "yes" and data["no"] == "off" and data["200"] == "ok"
    assert data["t"] is True and data["f"] is False
    assert data["n"] is None and data["e"] is None
    assert (data["int"], data["hex"], data["float"]) == (-12, 31, 1500.0)
    assert data["inf"] == math.inf
    assert data["date"] == "2024-10-01"  # text, not a datetime
    assert data["version"] == 1.0 and data["quoted"] == "12"


def test_standard_tags_are_applied() -> None:
    data = load_yaml("a: !!str 12\nb: !!int '7'\nc: !!float '2'\nd: !!bool 'true'\ne: !!null ''\n")
    assert data == {"a": "12", "b": 7, "c": 2, "d": True, "e": None}


@pytest.mark.parametrize(
    "text", ["a: !include other.yaml\n", "a: !!python/object:os.system x\n", "a: !!bool yes\n"]
)
def test_other_tags_are_refused(text: str) -> None:
    with pytest.raises(ActionDocumentError, match="is not supported: remove it"):
        load_yaml(text)


def test_complex_keys_are_refused() -> None:
    with pytest.raises(ActionDocumentError, match="key at line 1 is a list or a mapping"):
        load_yaml("? [a, b]\n: 1\n")


def test_two_documents_are_refused() -> None:
    with pytest.raises(ActionDocumentError, match=r"more than one YAML document.*line 2"):
        load_yaml("a: 1\n---\nb: 2\n")


def test_a_tab_indent_names_line_and_column() -> None:
    with pytest.raises(ActionDocumentError, match=r"at line 3, column 1.*not tabs") as caught:
        load_yaml("paths:\n  /a: {}\n\t/b: {}\n")
    assert caught.value.line == 3


def test_an_empty_text_is_none() -> None:
    assert load_yaml("") is None
