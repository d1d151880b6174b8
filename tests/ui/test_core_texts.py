"""Core's sentences in the window's language: `errors.said`, the coretexts catalog, notices."""

from __future__ import annotations

import pickle
import string
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core import errors
from desktop.ui import i18n
from desktop.ui.coretexts import generate
from desktop.ui.errors import notice_for, notice_from_dict


def fields(text: str) -> list[tuple[str, str, str | None]]:
    """The replacement fields of a format string: (name, spec, conversion) each."""
    return [
        (name, spec, conv)
        for _, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    ]


def translated() -> dict[str, str]:
    root = ElementTree.parse(i18n.catalog("coretexts", "zh_CN")).getroot()
    return {m.findtext("source", ""): m.findtext("translation", "") for m in root.iter("message")}


def test_a_said_message_is_the_english_sentence_and_keeps_its_parts() -> None:
    message = errors.said("Model file not found: {path}", path="/m/x.gguf")
    assert message == "Model file not found: /m/x.gguf"
    assert (message.template, message.values) == (
        "Model file not found: {path}",
        {"path": "/m/x.gguf"},
    )
    again = pickle.loads(pickle.dumps(errors.ModelFileError(message)))
    assert again.message.values == {"path": "/m/x.gguf"}  # across a child process too
    assert errors.ModelFileError(message).to_dict()["said"] == {
        "template": "Model file not found: {path}",
        "values": {"path": "/m/x.gguf"},
    }


def test_the_gathered_sentences_are_in_step_with_the_code() -> None:
    assert generate.TARGET.read_text(encoding="utf-8") == generate.source(generate.templates()), (
        "run: python -m desktop.ui.coretexts.generate && python -m desktop.ui.i18n coretexts"
    )


@pytest.mark.parametrize("template", generate.templates())
def test_each_sentence_has_plain_named_fields_and_its_translation_the_same(template: str) -> None:
    assert all(
        name and not name.isdigit() and not spec and conv is None
        for name, spec, conv in fields(template)
    ), "use {name} fields only, and format numbers into the values"
    chinese = translated().get(template, "")
    assert sorted(f[0] for f in fields(chinese)) == sorted(f[0] for f in fields(template))


def test_the_window_shows_core_sentences_in_its_language(qtbot: Any) -> None:
    qapp = QApplication.instance()
    assert qapp is not None
    error = errors.UnknownGptError("gpt_gone")
    assert notice_for(error).detail == "No GPT with id 'gpt_gone'."
    installed = i18n.install(qapp, "zh_CN")
    try:
        assert notice_for(error).detail == "没有 ID 为“gpt_gone”的 GPT。"
        # A run's stored error is worded the same way, and a plain one stays as it is.
        assert notice_from_dict(error.to_dict()).detail == "没有 ID 为“gpt_gone”的 GPT。"
        plain = errors.ModelError("A sentence made without said.")
        assert notice_for(plain).detail == "A sentence made without said."
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install(qapp, "en")


def test_a_sentence_inside_a_sentence_is_put_in_the_language_too(qtbot: Any) -> None:
    qapp = QApplication.instance()
    assert qapp is not None
    inner = errors.said("No GPT with id '{gpt_id}'.", gpt_id="g1")
    outer = errors.ModelFileError(errors.said("Model file not found: {path}", path=inner))
    assert outer.message == "Model file not found: No GPT with id 'g1'."
    stored = outer.to_dict()
    assert errors.Said.from_dict(stored["said"]) == outer.message
    installed = i18n.install(qapp, "zh_CN")
    try:
        expected = "找不到模型文件：没有 ID 为“g1”的 GPT。"
        assert notice_for(outer).detail == expected
        assert notice_from_dict(stored).detail == expected
        assert notice_for(pickle.loads(pickle.dumps(outer))).detail == expected
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        i18n.install(qapp, "en")
