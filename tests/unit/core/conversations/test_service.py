"""Threads as the chat uses them: the trash with its kernel and files, search, attachments."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.conversations import CODE, KNOWLEDGE, Attachment
from desktop.core.gpt import CodeInterpreterSettings, validate_definition
from desktop.core.paths import Paths
from desktop.core.runs.steps import RetrievalCall
from desktop.core.runs.timeline import RunTimeline
from desktop.core.services import Services
from tests.helpers.openai_server import OpenAIServer, text_answer
from tests.helpers.wiring import lab_gpt


@pytest.fixture
def services(isolated_home: Paths) -> Iterator[Services]:
    built = Services(isolated_home)
    yield built
    built.close()


def test_rename_list_and_search(services: Services) -> None:
    gpt = services.store.gpts.create(validate_definition({"name": "G"})).id
    chats = services.conversations
    first = chats.create(gpt, "  Plans ")
    second = chats.create(gpt, "Other")
    chats.rename(first.id, "Holiday plans")
    assert [t.title for t in chats.threads(gpt)] == ["Other", "Holiday plans"]
    assert [(f.thread.id, f.snippet) for f in chats.search(gpt, "holiday")] == [(first.id, "")]
    assert second.id in {f.thread.id for f in chats.search(gpt, "")}
    with pytest.raises(errors.UnknownGptError):
        chats.threads("gpt_nope")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="kernels are tested on Linux")
def test_delete_stops_the_kernel_undo_restores_and_purge_removes_the_files(
    services: Services, tmp_path: Path
) -> None:
    services.settings.update(lambda s: setattr(s, "allow_unisolated_code", True))
    gpt = services.store.gpts.create(validate_definition({"name": "G"})).id
    chats = services.conversations
    thread = chats.create(gpt, "Data")
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    chats.attach(gpt, thread.id, "", [Attachment(data, CODE)])
    kernels = services.toolbox.box()._capabilities.kernels  # type: ignore[union-attr]
    assert kernels is not None
    ran = kernels.execute(thread.id, "x = 1", CodeInterpreterSettings(enabled=True))
    assert ran.outcome == "ok", ran
    assert kernels.running() == [thread.id]

    chats.delete(thread.id)

    assert kernels.running() == []
    assert chats.threads(gpt) == []
    assert (services.paths.threads / thread.id / "data.csv").is_file()  # undo keeps them
    chats.restore(thread.id)
    assert [t.id for t in chats.threads(gpt)] == [thread.id]

    chats.delete(thread.id)
    assert chats.purge_trash(older_than_s=60) == []  # just deleted: still kept
    assert chats.purge_trash(older_than_s=0) == [thread.id]
    assert not (services.paths.threads / thread.id).exists()
    with pytest.raises(errors.UnknownThreadError):
        services.store.threads.get(thread.id, include_deleted=True)


def test_purge_wants_the_trash_first(services: Services) -> None:
    gpt = services.store.gpts.create(validate_definition({"name": "G"})).id
    thread = services.conversations.create(gpt)
    with pytest.raises(errors.ValidationError, match="delete it first"):
        services.conversations.purge(thread.id)


def test_files_for_knowledge_are_searched_by_the_threads_runs(
    services: Services, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt = lab_gpt(services, server)
    notes = tmp_path / "notes.txt"
    notes.write_text("The spare key hides under the blue flowerpot.", encoding="utf-8")
    chats = services.conversations

    thread_id, records = chats.attach(
        gpt, None, "Where is the key?", [Attachment(notes, KNOWLEDGE)]
    )

    assert services.store.threads.get(thread_id).title == "Where is the key?"
    (record,) = records
    assert record["name"] == "notes.txt" and record["tools"] == [{"type": "file_search"}]
    assert services.store.gpts.get(gpt).definition.knowledge.files == []  # the GPT's own
    server.script(text_answer("Under the flowerpot [1]."))
    stream = services.engine.run(gpt, "Where is the key?", thread_id, attachments=records)
    list(stream)
    run = RunTimeline.load(services.store, stream.run_id)
    found = run.steps[0].details.retrieval()  # type: ignore[union-attr]
    assert isinstance(found, RetrievalCall)
    assert found.retrieval.results[0].file == "notes.txt"
    assert "blue flowerpot" in server.requests[-1].body["messages"][-1]["content"]
    assert services.store.threads.messages(thread_id)[0].attachments == records

    # The source panel can open the file under its own name.
    viewable = chats.view_file(record["file_id"])
    assert viewable.name == "notes.txt" and viewable.read_text(encoding="utf-8").startswith("The")

    chats.delete(thread_id)
    chats.purge(thread_id)
    assert services.store.knowledge.list(thread_id) == []
    assert services.knowledge.search(gpt, "flowerpot") == []


def test_a_file_that_cannot_be_indexed_stops_the_message(
    services: Services, server: OpenAIServer, tmp_path: Path
) -> None:
    gpt = lab_gpt(services, server)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(errors.ValidationError, match=r"empty\.txt") as caught:
        services.conversations.attach(gpt, None, "x", [Attachment(empty, KNOWLEDGE)])
    assert "not sent" in caught.value.message


def test_an_attachment_that_is_not_a_file(services: Services, tmp_path: Path) -> None:
    gpt = services.store.gpts.create(validate_definition({"name": "G"})).id
    thread = services.conversations.create(gpt)
    with pytest.raises(errors.ValidationError, match="not a file"):
        services.conversations.attach(gpt, thread.id, "", [Attachment(tmp_path, CODE)])
    assert services.thread_files.list(thread.id) == []


def test_a_thread_deleted_long_ago_is_purged(services: Services) -> None:
    gpt = services.store.gpts.create(validate_definition({"name": "G"})).id
    thread = services.conversations.create(gpt)
    services.conversations.delete(thread.id)
    time.sleep(0.01)
    assert services.conversations.purge_trash(older_than_s=0.001) == [thread.id]
