"""Tests for desktop/core/services.py: the one composition root, and the use cases it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.paths import Paths
from desktop.core.runs.steps import RetrievalCall
from desktop.core.services import Services
from tests.helpers.imports import loaded_after
from tests.helpers.openai_server import OpenAIServer
from tests.helpers.wiring import chat_once, gpt_with_knowledge


@pytest.fixture
def services(isolated_home: Paths) -> Services:
    built = Services(isolated_home)
    yield built  # type: ignore[misc]
    built.close()


def test_its_engine_retrieves_from_a_gpts_knowledge(
    services: Services, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(services, server, tmp_path)

    run = chat_once(services, server, gpt_id)

    assert run.run is not None and run.run.status == "completed"
    found = run.steps[0].details.retrieval()  # type: ignore[union-attr]
    assert isinstance(found, RetrievalCall)
    assert found.retrieval.results[0].file == "handbook.txt"
    assert "Cats sleep sixteen hours" in server.requests[-1].body["messages"][-1]["content"]
    answer = run.answer
    assert answer is not None
    assert answer.content[-1]["text"]["annotations"][0]["file_citation"]["file"] == "handbook.txt"


def test_adding_and_removing_files_keeps_the_definition_in_step(
    services: Services, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(services, server, tmp_path)
    (ready,) = services.knowledge.files(gpt_id)

    listed = services.store.gpts.get(gpt_id).definition.knowledge.files
    assert [(f.id, f.name, f.sha256) for f in listed] == [(ready.id, "handbook.txt", ready.sha256)]
    assert services.knowledge.search(gpt_id, "cats")[0]["file"] == "handbook.txt"

    with pytest.raises(errors.NotFoundError, match="file_nope") as caught:
        services.knowledge.remove(gpt_id, "file_nope")
    assert caught.value.action == errors.UserAction("list_knowledge", {"gpt_id": gpt_id})
    services.knowledge.remove(gpt_id, ready.id)

    assert services.store.gpts.get(gpt_id).definition.knowledge.files == []
    notes = [v.note for v in services.store.gpts.versions(gpt_id)]
    assert notes == ["created", "knowledge files changed", "knowledge files changed"]
    assert services.knowledge.files(gpt_id) == []
    run = chat_once(services, server, gpt_id)  # nothing to search now: no retrieval step
    assert [s.type for s in run.steps] == ["message_creation"]


def test_a_batch_stopped_early_still_syncs_what_is_ready(
    services: Services, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt_id = gpt_with_knowledge(services, server, tmp_path)
    more = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in more:
        path.write_text(f"{path.stem} text", encoding="utf-8")

    batch = services.knowledge.add(gpt_id, more)
    for progress in batch:
        if progress.status == "ok":
            break
    batch.close()  # the user stopped reading after the first file

    names = [f.name for f in services.store.gpts.get(gpt_id).definition.knowledge.files]
    assert names == ["handbook.txt", "a.txt"]


def test_a_chat_model_is_refused_as_an_embedder(services: Services, tiny_gguf: Path) -> None:
    with pytest.raises(errors.ModelError, match="not an embedding model"):
        services.embedding(str(tiny_gguf))
    assert services.embedder("") is None and services.query_embedder("") is None


def test_choosing_a_model_checks_it_now(services: Services, tiny_gguf: Path) -> None:
    assert services.models.choose(str(tiny_gguf)) == ("local", str(tiny_gguf))
    assert services.models.choose("") == ("local", "")
    with pytest.raises(errors.ModelNotFoundError, match="add it first") as caught:
        services.models.choose("nowhere:model-x")
    assert caught.value.action == errors.UserAction("add_provider", {"profile": "nowhere"})


def test_listing_models_opens_nothing_else(isolated_home: Paths) -> None:
    code = (
        "from desktop.core.services import Services\n"
        "services = Services()\n"
        "services.models.list()\n"
        "assert 'store' not in services.__dict__, 'the database was opened'"
    )
    assert loaded_after(code) == []


def test_close_closes_only_what_was_built(isolated_home: Paths) -> None:
    services = Services(isolated_home)
    services.close()  # nothing built: nothing to close
    assert "store" not in services.__dict__


def test_new_gpts_start_with_the_default_embedding_model(
    services: Services, tiny_embedding_gguf: Path, tiny_gguf: Path
) -> None:
    assert services.new_gpt({"name": "Plain"}).definition.knowledge.embedding_model == ""
    chosen = services.models.choose_embedding(str(tiny_embedding_gguf))
    assert chosen == str(tiny_embedding_gguf)
    services.settings.update(lambda s: setattr(s, "default_embedding_model", chosen))
    made = services.new_gpt({"name": "Notes"})
    assert made.definition.knowledge.embedding_model == chosen
    # A GPT that names its own (or none) keeps it.
    own = services.new_gpt({"name": "Own", "knowledge": {"embedding_model": "", "top_k": 3}})
    assert own.definition.knowledge.embedding_model == ""
    assert own.definition.knowledge.top_k == 3
    with pytest.raises(errors.ModelError, match="not an embedding model") as caught:
        services.models.choose_embedding(str(tiny_gguf))
    assert caught.value.action == errors.do(errors.Do.SHOW_CATALOG)
    assert services.models.choose_embedding("") == ""
