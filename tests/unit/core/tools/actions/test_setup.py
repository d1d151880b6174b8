"""Setting up actions: ids, auth from a document's schemes, secrets' names and travel."""

from __future__ import annotations

from desktop.core.gpt import Action
from desktop.core.tools.actions import setup
from desktop.core.tools.actions.importer import import_action
from tests.helpers.action_server import OPENAPI_YAML

DOCUMENT = OPENAPI_YAML.replace("SERVER_URL", "https://api.example.com")


def test_a_new_action_gets_a_free_id_from_its_title() -> None:
    imported = import_action(DOCUMENT)
    first = setup.new_action([], imported.document, imported.text, imported.source)
    assert first.name == imported.document.title and first.document == DOCUMENT
    second = setup.new_action([first.id], imported.document, imported.text, "", name=first.name)
    assert second.id == f"{first.id}-2"
    assert setup.new_action_id([], "!!!") == "action"


def test_each_scheme_says_its_auth() -> None:
    document = import_action(DOCUMENT).document
    by_name = {s.name: s for s in setup.usable_schemes(document)}
    assert setup.auth_fields(by_name["keyQuery"]) == {
        "type": "api_key",
        "location": "query",
        "parameter_name": "api_key",
    }
    assert setup.auth_fields(by_name["bearer"]) == {"type": "bearer"}
    assert setup.auth_fields(by_name["basic"]) == {"type": "basic"}
    oauth = setup.auth_fields(by_name["oauth"])
    assert oauth["type"] == "oauth2_client_credentials"
    assert oauth["token_url"] == "https://api.example.com/oauth/token"
    assert oauth["scopes"] == ["read"]


def test_secret_names_per_auth_type() -> None:
    assert setup.secret_names("g1", "pets", "none") == {"secret_name": "", "username_secret": ""}
    assert setup.secret_names("g1", "pets", "bearer") == {
        "secret_name": "action:g1:pets",
        "username_secret": "",
    }
    assert setup.secret_names("g1", "pets", "basic")["username_secret"] == "action:g1:pets:id"


def test_secrets_travel_to_the_servers_and_the_token_url() -> None:
    action = Action(id="pets", name="Pets", document=DOCUMENT)
    assert setup.secret_urls(action, "https://auth.example.com/token") == {
        "https://api.example.com",
        "https://auth.example.com/token",
    }
    moved = action.model_copy(update={"server": "http://staging.example.com"})
    assert setup.secret_urls(moved) == {"http://staging.example.com"}
    assert setup.tool_names([action]) >= {"getWeather", "createOrder"}
    assert setup.has_absolute_server(setup.action_document(action))
