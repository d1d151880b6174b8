"""An action's key typed into the form goes to the keyring, shows masked, and never to disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.errors import Do
from desktop.core.paths import Paths
from tests.helpers.action_server import OPENAPI_YAML, ActionServer
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.builder.conftest import Builder
from tests.ui.builder.test_actions import paste

KEY = "sk-live-9f8e7d6c5b4a3210-DO-NOT-LEAK"


def files_holding(folder: Path, secret: str) -> list[Path]:
    """Every file under `folder` whose bytes hold `secret` (plain or UTF-16)."""
    needles = [secret.encode("utf-8"), secret.encode("utf-16-le")]
    return [
        path
        for path in folder.rglob("*")
        if path.is_file() and any(n in path.read_bytes() for n in needles)
    ]


def choose_auth(b: Builder, kind: str) -> Any:
    auth = b.page.form.actions.editor.auth
    auth.kind.setCurrentIndex(auth.kind.findData(kind))
    auth.kind.activated.emit(auth.kind.currentIndex())
    b.settle()
    return auth


def test_an_api_key_goes_to_the_keyring_and_nowhere_on_disk(
    builder: Builder, memory_keyring: MemoryKeyring, isolated_home: Paths
) -> None:
    b = builder
    paste(b, OPENAPI_YAML.replace("SERVER_URL", "https://api.example.com"))
    auth = choose_auth(b, "api_key")
    # The document's scheme fills in where the key goes.
    assert auth.parameter.text() == "X-API-Key" and auth.location.currentData() == "header"
    assert "Nothing stored yet" in auth.stored.text()
    b.qtbot.keyClicks(auth.second_secret, KEY)
    auth.save_button.click()
    b.settle()
    action_id = b.page.form.actions.action_ids()[0]
    name = f"action:{b.gpt_id}:{action_id}"
    assert memory_keyring.get_password("capsule-studio", name) == KEY
    assert auth.second_secret.text() == ""
    assert KEY not in auth.stored.text() and "…" in auth.stored.text()

    b.kept()
    b.save()
    saved = b.services.store.gpts.get(b.gpt_id).definition.actions[0].auth
    assert (saved.type, saved.secret_name, saved.parameter_name) == ("api_key", name, "X-API-Key")
    b.window.close()  # logs, settings, the database and its WAL all written out
    home = isolated_home.data.parent
    assert list(home.rglob("*.db*")), "the database is where the test looks"
    assert files_holding(home, KEY) == []


def test_a_key_bound_for_plain_http_is_refused_with_the_fix(
    builder: Builder, memory_keyring: MemoryKeyring
) -> None:
    b = builder
    paste(b, OPENAPI_YAML.replace("SERVER_URL", "http://api.example.com"))
    auth = choose_auth(b, "bearer")
    b.qtbot.keyClicks(auth.second_secret, KEY)
    auth.save_button.click()
    b.settle()
    assert memory_keyring.passwords == {}
    assert "api.example.com" in auth.problem.text()
    assert auth.fix_button.isVisibleTo(auth)
    with b.qtbot.wait_signal(b.page.action_requested) as requested:
        auth.fix_button.click()
    assert requested.args[0].kind == Do.ALLOW_HTTP_HOST


def test_basic_auth_keeps_both_secrets(
    builder: Builder, memory_keyring: MemoryKeyring, api: ActionServer
) -> None:
    b = builder
    importer = b.page.form.actions.importer
    importer.source.setText(f"{api.url}/openapi.yaml")  # loopback: http is fine
    importer.import_button.click()
    b.settle()
    auth = choose_auth(b, "basic")
    b.qtbot.keyClicks(auth.first_secret, "alice")
    b.qtbot.keyClicks(auth.second_secret, "s3cret-password")
    auth.save_button.click()
    b.settle()
    stored = {name for _service, name in memory_keyring.passwords}
    base = f"action:{b.gpt_id}:{b.page.form.actions.action_ids()[0]}"
    assert stored == {base, f"{base}:id"}
    assert auth.value()["username_secret"] == f"{base}:id"
