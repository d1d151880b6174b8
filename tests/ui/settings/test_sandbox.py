"""Settings › Code sandbox: what protects the machine, and the unisolated choice."""

from __future__ import annotations

from typing import Any

from desktop.core.tools.code_interpreter.probe import Protection
from desktop.core.tools.code_interpreter.sandbox import IN_PROCESS
from desktop.ui.services import AppServices
from desktop.ui.settings.page import SettingsPage
from tests.ui.settings.conftest import WAIT_MS, World, shown


def shown_sandbox(qtbot: Any, make_page: Any) -> SettingsPage:
    page = make_page()
    return shown(qtbot, page, "sandbox", page.sandbox.probed)


def test_an_isolated_machine_lists_its_protections(qtbot: Any, make_page: Any) -> None:
    page = shown_sandbox(qtbot, make_page)
    lines = page.sandbox.lines.text()
    assert "• Network: blocked by a Linux network namespace" in lines
    assert "• Files: the code sees only the system" in lines
    assert "• User: the code runs as the unprivileged user nobody" in lines
    assert page.sandbox.warning.isHidden() and page.sandbox.allow.isHidden()


def test_without_isolation_it_warns_and_offers_the_choice(
    qtbot: Any, make_page: Any, services: AppServices, world: World
) -> None:
    world.protection = Protection(IN_PROCESS, False, False, "ann")
    page = shown_sandbox(qtbot, make_page)
    sandbox = page.sandbox
    assert "• Files: NOT isolated" in sandbox.lines.text()
    assert "User: the code runs as ann" in sandbox.lines.text()
    assert sandbox.warning.isVisible() and "SSH keys" in sandbox.warning.text()
    assert sandbox.allow.isVisible() and not sandbox.allow.isChecked()
    with qtbot.wait_signal(sandbox.unisolated_saved, timeout=WAIT_MS) as saved:
        sandbox.allow.setChecked(True)
    assert saved.args == [True]
    assert services.settings.load().allow_unisolated_code is True
    with qtbot.wait_signal(sandbox.unisolated_saved, timeout=WAIT_MS):
        sandbox.allow.setChecked(False)
    assert services.settings.load().allow_unisolated_code is False


def test_the_choice_made_earlier_is_shown(
    qtbot: Any, make_page: Any, services: AppServices, world: World
) -> None:
    services.settings.update(lambda s: setattr(s, "allow_unisolated_code", True))
    world.protection = Protection(IN_PROCESS, False, False, "ann")
    page = shown_sandbox(qtbot, make_page)
    with qtbot.assert_not_emitted(page.sandbox.unisolated_saved):
        assert page.sandbox.allow.isChecked()


def test_the_real_probe_says_something_for_this_machine(qtbot: Any, services: AppServices) -> None:
    page = SettingsPage(services)
    qtbot.add_widget(page)
    page.show()
    with qtbot.wait_signal(page.sandbox.probed, timeout=60_000) as probed:
        page.show_section("sandbox")
    found: Protection = probed.args[0]
    assert page.sandbox.lines.text().count("• ") == 6
    assert page.sandbox.allow.isHidden() == found.isolated
