"""Picking a model: the tiny GGUF on this computer, its metadata and memory; a provider's list."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.settings import ProviderProfile
from tests.helpers.openai_server import OpenAIServer, models_answer
from tests.ui.builder.conftest import WAIT_MS, Builder


def test_pick_the_tiny_local_model(builder: Builder, tiny_gguf: Path, isolated_home: Paths) -> None:
    b = builder
    shutil.copy(tiny_gguf, isolated_home.user_models / "tiny-chat.gguf")
    b.page.reload_models()  # what the shell does when settings add a model
    b.settle()
    picker = b.page.form.model.picker
    assert picker.model.findData("tiny-chat") > 0
    b.page.show_section("model")
    picker.select_local("tiny-chat")
    assert "llama" in picker.details.text() and "chat" in picker.details.text()
    b.qtbot.wait_until(lambda: "RAM is free" in picker.memory.text(), timeout=WAIT_MS * 4)
    assert "tokens of context" in picker.memory.text()
    b.page.form.model.context.setValue(2048)
    b.qtbot.wait_until(lambda: "2,048 tokens of context" in picker.memory.text(), timeout=WAIT_MS)
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None
    model = draft.definition.model
    assert (model.provider, model.model, model.context_size) == ("local", "tiny-chat", 2048)
    assert model.gpu_layers == "auto"
    b.page.form.model.gpu_layers.setValue(4)
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and draft.definition.model.gpu_layers == 4


def test_pick_a_model_a_provider_lists(builder: Builder, server: OpenAIServer) -> None:
    b = builder
    server.script(models_answer("qwen-plus", "deepseek-chat"))
    profile = ProviderProfile(name="lab", base_url=server.url)
    b.services.settings.update(lambda s: s.providers.__setitem__("lab", profile))
    b.page.reload_models()
    b.settle()
    picker = b.page.form.model.picker
    picker.source.setCurrentIndex(picker.source.findData("lab"))
    picker.source.activated.emit(picker.source.currentIndex())
    b.settle()
    listed = [picker.model.itemText(i) for i in range(picker.model.count())]
    assert listed == ["deepseek-chat", "qwen-plus"]
    picker.model.setCurrentIndex(0)
    picker.model.activated.emit(0)
    assert server.url in picker.details.text()
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None
    assert (draft.definition.model.provider, draft.definition.model.model) == (
        "lab",
        "deepseek-chat",
    )

    # A model the list does not have can be typed.
    picker.model.lineEdit().clear()
    b.qtbot.keyClicks(picker.model.lineEdit(), "glm-4-plus")
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None and draft.definition.model.model == "glm-4-plus"


def test_an_opened_gpt_shows_its_local_model(
    builder: Builder, tiny_gguf: Path, isolated_home: Paths
) -> None:
    b = builder
    shutil.copy(tiny_gguf, isolated_home.user_models / "tiny-chat.gguf")
    gpt = b.services.store.gpts.create(
        validate_definition({"name": "Local", "model": {"model": "tiny-chat"}})
    )
    b.open(gpt.id)
    picker = b.page.form.model.picker
    assert picker.model.currentText() == "tiny-chat"
    assert "llama" in picker.details.text()
    b.kept()
    assert b.services.store.drafts.get(gpt.id) is None  # showing it changed nothing
