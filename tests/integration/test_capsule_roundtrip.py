"""Capsules through the real llama.cpp path: the same answer, and embeddings kept or redone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core.capsule.export import ExportOptions
from desktop.core.capsule.install import ImportOptions
from desktop.core.runs.timeline import RunTimeline
from desktop.core.services import Services
from tests.helpers.capsules import chunks, gpt_with_knowledge, machine
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.tiny_gguf import TinySpec

QUESTION = "How long do cats sleep?"


def answer(services: Services, gpt_id: str) -> tuple[str, str]:
    """The answer's text and the exact prompt the model was given."""
    stream = services.engine.run(gpt_id, QUESTION)
    list(stream)
    run = RunTimeline.load(services.store, stream.run_id)
    assert run.run is not None and run.run.status in ("completed", "incomplete")
    prompt = services.store.runs.steps(stream.run_id)[-1].step_details["model_call"]["prompt"]
    return (run.answer.text if run.answer else ""), prompt


def test_a_round_trip_gives_the_same_chunks_and_the_same_answer(
    tmp_path: Path, tiny_gguf: Path
) -> None:
    with machine(tmp_path / "a") as ours, machine(tmp_path / "b") as theirs:
        for services in (ours, theirs):
            shutil.copy(tiny_gguf, services.paths.user_models / "tiny-chat.gguf")
        model = {"model": "tiny-chat", "seed": 7, "temperature": 0.0, "max_tokens": 12}
        gpt_id = gpt_with_knowledge(ours, tmp_path / "files", model=model)
        capsule = tmp_path / "pets.capsule"
        ours.capsules.export(gpt_id, capsule, ExportOptions(password="pw"))

        result = theirs.capsules.import_(capsule, ImportOptions(password="pw"))

        assert not any("will not answer" in w for w in result.warnings)
        assert chunks(theirs, result.gpt_id, QUESTION) == chunks(ours, gpt_id, QUESTION)
        mine, imported = answer(ours, gpt_id), answer(theirs, result.gpt_id)
        assert imported == mine
        assert "Cats sleep sixteen hours a day." in mine[1]


@pytest.fixture(scope="module")
def other_embedder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedding model of the same shape, other weights: same name, other vectors."""
    folder = tmp_path_factory.mktemp("other")
    return ensure_tiny(
        folder, "tiny-embed.gguf", TinySpec(embedding=True, chat_template=None, seed=5)
    )


def test_an_included_index_is_used_only_with_the_same_embedding_model(
    tmp_path: Path, tiny_embedding_gguf: Path, other_embedder: Path
) -> None:
    with machine(tmp_path / "a") as ours:
        shutil.copy(tiny_embedding_gguf, ours.paths.user_models / "tiny-embed.gguf")
        knowledge = {"embedding_model": "tiny-embed", "retrieval_mode": "hybrid"}
        gpt_id = gpt_with_knowledge(ours, tmp_path / "files", knowledge=knowledge)
        capsule = tmp_path / "embedded.capsule"
        ours.capsules.export(gpt_id, capsule, ExportOptions(include_index=True))
        expected = chunks(ours, gpt_id, "sleep")
        info = ours.capsules.inspect(capsule)
        assert info.includes_index and "tiny-embed" in info.contents[-1].detail

    cases = {"same": tiny_embedding_gguf, "other": other_embedder, "missing": None}
    for case, model in cases.items():
        with machine(tmp_path / case) as theirs:
            if model is not None:
                shutil.copy(model, theirs.paths.user_models / "tiny-embed.gguf")
            result = theirs.capsules.import_(capsule, ImportOptions())
            settings = theirs.store.gpts.get(result.gpt_id).definition.knowledge
            said = "\n".join(result.warnings)
            if case == "same":
                assert not result.reindexed and settings.embedding_model == "tiny-embed"
                assert chunks(theirs, result.gpt_id, "sleep") == expected
            elif case == "other":
                assert result.reindexed and "is not the exporter's" in said
                assert settings.embedding_model == "tiny-embed"
                assert theirs.index.has_vectors(result.gpt_id)
            else:
                assert result.reindexed and "not on this machine" in said
                assert settings.embedding_model == "" and "keyword search" in said
                assert not theirs.index.has_vectors(result.gpt_id)
                assert theirs.knowledge.search(result.gpt_id, "cats")
