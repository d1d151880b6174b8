"""The import dialog in Chinese: what a GPT enables, the keys it needs, its contents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.inspect import ContentItem
from desktop.core.capsule.review import Enabled, SecretNeed
from desktop.ui.capsules.words import detail_text, enabled_text, secret_text
from tests.helpers.capsules import gpt_with_knowledge, machine, with_action
from tests.ui.capsules.conftest import opened_import


def test_the_import_dialog_says_what_it_enables_and_needs_in_chinese(
    qtbot: Any, shell: Any, tmp_path: Path, chinese: None
) -> None:
    window, _ = shell
    with machine(tmp_path / "theirs") as theirs:
        gpt_id = gpt_with_knowledge(
            theirs, tmp_path / "files", capabilities={"code_interpreter": {"enabled": True}}
        )
        with_action(theirs, gpt_id)
        capsule = tmp_path / "pets.capsule"
        theirs.capsules.export(gpt_id, capsule, ExportOptions(include_index=True))

    dialog = opened_import(qtbot, window, capsule)
    view = dialog.view
    assert view.enables.text().splitlines() == [
        "• 在沙箱中运行它自己编写的 Python 代码（代码解释器）。",
        "• 调用动作“Pets”（访问 api.pets.example，身份验证：API 密钥）；"
        "首次调用每个主机前都会征求你的同意。",
        "• 会访问：api.pets.example",
    ]
    (need,) = dialog.info.secrets
    field = view.secret_field(need.key)
    assert field.accessibleName() == "动作“Pets”的 API 密钥"
    assert view.secrets_form.labelForField(field).text() == "动作“Pets”的 API 密钥："
    details = {
        view.contents.topLevelItem(i).text(0): view.contents.topLevelItem(i).text(3)
        for i in range(view.contents.topLevelItemCount())
    }
    (index,) = [c for c in dialog.info.contents if c.kind == "index"]
    assert details["已建索引"] == f"{index.chunks} 个片段"


def test_every_kind_has_chinese_words_and_an_unknown_one_keeps_the_english(
    chinese: None,
) -> None:
    said = [
        enabled_text(Enabled("provider", {"provider": "lab", "host": ""}, "")),
        enabled_text(Enabled("browse", {}, "")),
        enabled_text(Enabled("images", {"provider": "画师", "host": "img.example"}, "")),
        enabled_text(Enabled("action", {"action": "天气", "hosts": "", "auth": ""}, "")),
        enabled_text(
            Enabled("action", {"action": "天气", "hosts": "w.example", "auth": "basic"}, "")
        ),
    ]
    assert said == [
        "通过服务商“lab”（尚未设置）回答：对话内容和知识库摘录会发送到那里。",
        "抓取模型选定的网页（首次访问每个主机前都会征求你的同意）。",
        "通过服务商“画师”（img.example）生成图片。",
        "调用动作“天气”（访问 未知主机）；首次调用每个主机前都会征求你的同意。",
        "调用动作“天气”（访问 w.example，身份验证：用户名和密码）；"
        "首次调用每个主机前都会征求你的同意。",
    ]
    future = Enabled("teleport", {"to": "mars"}, "Teleports to mars.")  # type: ignore[arg-type]
    assert enabled_text(future) == "Teleports to mars."

    def need(what: str, subject: str, host: str = "") -> SecretNeed:
        return SecretNeed("k", "action", "in English", "s", what, subject, host)  # type: ignore[arg-type]

    assert [
        secret_text(need("client_secret", "天气")),
        secret_text(need("provider_key", "lab", "lab.example")),
        secret_text(need("search_key", "Tavily")),
        secret_text(need("fingerprint", "x")),
    ] == [
        "动作“天气”的客户端密钥",
        "服务商“lab”（lab.example）的 API 密钥",
        "Tavily API 密钥（网页搜索）",
        "in English",
    ]
    assert detail_text(ContentItem.knowledge("论文.pdf", 10, pages=12)) == "12 页"
    assert detail_text(ContentItem.index(10, 1, "bge-small")) == "1 个片段，嵌入模型：bge-small"
    assert detail_text(ContentItem("avatar", "avatar", 10, "as given")) == "as given"
