"""The import dialog in Chinese for another app's file: its format and what was dropped."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.core.capsule.note import Note
from desktop.core.capsule.signing import SignatureStatus
from desktop.ui.capsules.note_words import format_text, note_text
from desktop.ui.capsules.words import signature_text
from tests.ui.capsules.conftest import opened_import

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "importers"


def imported_notes(qtbot: Any, shell: Any, tmp_path: Path, sample: str) -> tuple[str, list[str]]:
    window, _ = shell
    path = tmp_path / sample
    shutil.copy(SAMPLES / sample, path)
    dialog = opened_import(qtbot, window, path)
    assert dialog.info is not None and dialog.import_button.isEnabled()
    return dialog.view.byline.text(), dialog.view.warnings.text().splitlines()


def test_an_openai_assistant_is_described_in_chinese(
    qtbot: Any, shell: Any, tmp_path: Path, chinese: None
) -> None:
    byline, notes = imported_notes(qtbot, shell, tmp_path, "openai_assistant.json")
    assert "来自其他应用：OpenAI Assistant" in byline
    assert notes == [
        "• 本机没有可用于模型 gpt-4o（OpenAI）的服务商配置或模型文件，此 GPT 将改用本地模型："
        "请选择一个（或添加服务商配置后切换过去）。",
        "• 已舍弃函数工具（lookup_rate）：它们没有指明要调用的接口地址；"
        "请改用 OpenAPI 动作来描述该 API。",
        "• 它用到了 2 个存放在 OpenAI 的文件或向量库（file-Ab12Cd34Ef56Gh78, vs_Zy98Xw76Vu54）："
        "请下载后添加到知识库。",
        "• 已舍弃元数据（owner, team）：GPT 没有地方保存它们。",
        "• 提到了未包含的文件（请自行添加到知识库）：file-Ab12Cd34Ef56Gh78, vs_Zy98Xw76Vu54",
    ]


def test_a_lobehub_agent_is_described_in_chinese(
    qtbot: Any, shell: Any, tmp_path: Path, chinese: None
) -> None:
    byline, notes = imported_notes(qtbot, shell, tmp_path, "lobehub_agent.json")
    assert "来自其他应用：LobeHub 助手" in byline
    assert notes[1:6] == [
        "• 已舍弃存在惩罚和频率惩罚：这里不设置这两项。",
        "• 开场消息已作为一行写入指令。",
        "• 已舍弃标签（translation, chinese）：GPT 没有标签。",
        "• 已舍弃插件（web-crawler）：LobeHub 插件无法在这里运行。",
        "• 它的知识库（Glossary）仍留在 LobeHub 中：请导出这些文件并添加到知识库。",
    ]


@pytest.mark.parametrize(
    ("note", "chinese_text"),
    [
        (
            Note("cut", {"field": "starter", "limit": "200"}, ""),
            "有一个开场白过长，已截短为 200 个字符。",
        ),
        (Note("no_name", {"name": "Imported GPT"}, ""), "它没有名称，已命名为“Imported GPT”。"),
        (
            Note("starters_kept", {"kept": "4", "total": "6"}, ""),
            "共有 6 个开场白，只保留了前 4 个。",
        ),
        (
            Note("temperature_range", {"value": "3.0"}, ""),
            "温度 3.0 超出 0–2 的范围，已改用默认值。",
        ),
        (Note("picture_link", {}, ""), "图片是网络链接，没有下载（不设头像）。"),
        (
            Note("model_local", {"model": "qwen2.5:7b", "local": "qwen-7b"}, ""),
            "模型 qwen2.5:7b 已换成本地模型“qwen-7b”，请确认是否合适。",
        ),
        (
            Note("model_profile", {"model": "gpt-4o", "profile": "work"}, ""),
            "模型 gpt-4o 将通过你的服务商配置“work”使用。",
        ),
        (
            Note("model_missing", {"model": "mystery", "service": ""}, ""),
            "本机没有可用于模型 mystery 的服务商配置或模型文件，此 GPT 将改用本地模型："
            "请选择一个（或添加服务商配置后切换过去）。",
        ),
        (
            Note("dropped", {"what": "tags", "items": "a, b, c, d, e", "more": "3"}, ""),
            "已舍弃标签（a, b, c, d, e，另有 3 项）：GPT 没有标签。",
        ),
        (
            Note("dropped_tool", {"tool": "web_search"}, ""),
            "已舍弃工具“web_search”：这里没有对应的功能。",
        ),
        (
            Note("book_knowledge", {"count": "2"}, ""),
            "角色书的 2 个条目已转为知识库；检索时按相关性查找，而不是按角色书的关键词触发。",
        ),
    ],
)
def test_each_kind_of_note_in_chinese(note: Note, chinese_text: str, chinese: None) -> None:
    assert note_text(note) == chinese_text


def test_unknown_kinds_keep_core_english(chinese: None) -> None:
    assert note_text(Note.other("Something new happened.")) == "Something new happened."
    odd = Note("dropped", {"what": "widgets", "items": "x", "more": "0"}, "Dropped widgets (x).")
    assert note_text(odd) == "Dropped widgets (x)."
    assert format_text("some_new_app", "a New App agent") == "a New App agent"
    assert format_text("character_card", "a Character Card") == "角色卡"


def test_a_bad_signature_says_why_in_chinese(chinese: None) -> None:
    changed = SignatureStatus("bad", "Ada", reason="changed", changed="header.json")
    assert signature_text(changed) == "签名无效：签名后内容被改动过（header.json）"
    malformed = SignatureStatus("bad", "Ada", reason="malformed")
    assert signature_text(malformed) == "签名无效：签名格式有误"
    old = SignatureStatus("bad", "Ada", problem="something else")
    assert signature_text(old) == "签名无效：something else"
