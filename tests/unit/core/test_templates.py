"""Tests for desktop/core/templates.py: every template, in English and Chinese."""

from __future__ import annotations

import re

import pytest

from desktop.core.avatar import parse_avatar
from desktop.core.gpt import ModelSettings
from desktop.core.templates import EXAMPLE, LANGUAGES, template, template_language, templates

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_is_a_valid_definition_with_an_emoji_avatar(language: str) -> None:
    found = templates(language)
    assert len(found) >= 5
    for each in found:
        definition = each.definition(ModelSettings(provider="local", model="tiny-chat"))
        assert definition.name == each.name
        assert definition.instructions and definition.description
        assert 2 <= len(definition.conversation_starters) <= 12
        assert parse_avatar(definition.avatar, definition.name).kind == "emoji"
        assert definition.model.model == "tiny-chat"


def test_both_languages_have_the_same_templates_in_their_own_words() -> None:
    english, chinese = templates("en"), templates("zh_CN")
    assert [t.id for t in english] == [t.id for t in chinese]
    assert EXAMPLE in {t.id for t in english}
    for en, zh in zip(english, chinese, strict=True):
        assert CJK.search(zh.name) and CJK.search(zh.instructions), zh.id
        assert not CJK.search(en.name), en.id
        assert en.avatar == zh.avatar and en.extra == zh.extra


@pytest.mark.parametrize(
    ("code", "language"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh", "zh_CN"), ("en_GB", "en"), ("fr", "en")],
)
def test_the_language_follows_the_guis(code: str, language: str) -> None:
    assert template_language(code) == language


def test_a_template_without_a_model_leaves_it_to_choose() -> None:
    definition = template(EXAMPLE, "en").definition()
    assert definition.model == ModelSettings()


def test_the_data_analyst_runs_code_and_the_document_helper_searches_more() -> None:
    assert template("analyst", "en").definition().capabilities.code_interpreter.enabled
    assert template("documents", "zh_CN").definition().knowledge.top_k == 6
    with pytest.raises(KeyError):
        template("nope", "en")
