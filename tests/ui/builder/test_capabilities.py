"""Capabilities: each switch with its settings and what it can reach; the sandbox named."""

from __future__ import annotations

from desktop.core.runs.system import WEB_CITATIONS, system_prompt_parts
from desktop.core.settings import ProviderProfile
from desktop.core.tools.code_interpreter.probe import protection
from desktop.ui.builder.sections.reach import protection_lines
from tests.ui.builder.conftest import WAIT_MS, Builder


def test_the_code_interpreter_names_this_machine_s_protections(builder: Builder) -> None:
    b = builder
    capabilities = b.page.form.capabilities
    b.page.show_section("capabilities")
    expected = protection_lines(protection())
    b.qtbot.wait_until(lambda: expected[0] in capabilities.code_reach.text(), timeout=WAIT_MS)
    assert all(line in capabilities.code_reach.text() for line in expected)
    assert not capabilities.code_timeout.parentWidget().isEnabled()  # off: settings resting
    capabilities.code_on.setChecked(True)
    assert capabilities.code_timeout.parentWidget().isEnabled()
    capabilities.code_timeout.setValue(12.5)
    capabilities.code_memory.setValue(512)
    b.kept()
    draft = b.services.store.drafts.get(b.gpt_id)
    assert draft is not None
    code = draft.definition.capabilities.code_interpreter
    assert (code.enabled, code.timeout_s, code.memory_mb) == (True, 12.5, 512)


def test_web_browsing_says_where_searches_go_and_changes_the_prompt(builder: Builder) -> None:
    b = builder
    capabilities = b.page.form.capabilities
    capabilities.web_on.setChecked(True)
    capabilities.search.setCurrentIndex(capabilities.search.findData("searxng"))
    capabilities.search.activated.emit(capabilities.search.currentIndex())
    assert "SearXNG" in capabilities.web_reach.text()
    b.kept()
    # SearXNG without its address is saved, with a warning of what will not work.
    assert "SearXNG needs the instance's address" in capabilities.warnings.text()
    definition = b.page.keeper.definition
    assert definition is not None
    assert WEB_CITATIONS in [p.kind for p in system_prompt_parts(definition)]
    assert "markdown link" in b.page.form.profile.preview.text.toPlainText()
    b.qtbot.keyClicks(capabilities.search_url, "http://localhost:8888")
    b.kept()
    assert capabilities.warnings.text() == ""
    capabilities.search.setCurrentIndex(capabilities.search.findData("brave"))
    capabilities.search.activated.emit(capabilities.search.currentIndex())
    assert capabilities.search_key_button.isVisibleTo(capabilities)
    with b.qtbot.wait_signal(b.page.settings_requested) as requested:
        capabilities.search_key_button.click()
    assert requested.args == ["general"]


def test_image_generation_names_the_provider_it_sends_to(builder: Builder) -> None:
    b = builder
    profile = ProviderProfile(name="art", base_url="https://images.example.com/v1")
    b.services.settings.update(lambda s: s.providers.__setitem__("art", profile))
    gpt = b.services.store.gpts.create(
        b.services.store.gpts.get(b.gpt_id).definition.model_copy(update={"name": "Painter"})
    )
    b.open(gpt.id)
    capabilities = b.page.form.capabilities
    capabilities.image_on.setChecked(True)
    capabilities.image_provider.setCurrentIndex(capabilities.image_provider.findData("art"))
    capabilities.image_provider.activated.emit(capabilities.image_provider.currentIndex())
    assert "https://images.example.com/v1" in capabilities.image_reach.text()
    b.kept()
    draft = b.services.store.drafts.get(gpt.id)
    assert draft is not None
    images = draft.definition.capabilities.image_generation
    assert (images.enabled, images.provider) == (True, "art")
