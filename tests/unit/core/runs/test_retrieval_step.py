"""Knowledge in a run: the retrieval step, excerpts on the latest turn, citations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.gpt import KnowledgeSettings
from desktop.core.knowledge.index import KnowledgeIndex
from desktop.core.knowledge.ingest import Ingestor
from desktop.core.knowledge.retrieval import KnowledgeRetriever
from desktop.core.knowledge.types import Extraction, Section
from desktop.core.runs import events as ev
from desktop.core.runs.citations import CITATION_GUIDE
from desktop.core.runs.engine import RunEngine
from desktop.core.runs.tools import ToolRegistry
from desktop.core.store import Store
from tests.helpers.fake_provider import Reply, ScriptedProvider, provider_for
from tests.helpers.tools import EchoTool

FILES = [{"id": "file_1", "name": "handbook.txt", "sha256": "0" * 64, "size": 10}]


def pages(path: Path, _password: str | None, on_page: object = None) -> Extraction:
    texts = path.read_text(encoding="utf-8").split("\f")
    return Extraction([Section(t, page=i + 1) for i, t in enumerate(texts)], pages=len(texts))


def knowledge_engine(
    store: Store,
    tmp_path: Path,
    provider: ScriptedProvider,
    gpt_id: str,
    second_page: str = "知识库的答案在第二页。",
) -> RunEngine:
    index = KnowledgeIndex(tmp_path / "lance")
    source = tmp_path / "handbook.txt"
    source.write_text(f"Cats sleep sixteen hours a day.\f{second_page}", encoding="utf-8")
    list(
        Ingestor(store, index, tmp_path / "orig", pages).add(gpt_id, [source], KnowledgeSettings())
    )
    retriever = KnowledgeRetriever(store, index, lambda _model: None)
    return RunEngine(
        store, provider_for(provider), lambda _d, _c: ToolRegistry([EchoTool()]), retriever
    )


def test_retrieval_step_excerpts_and_citations(store: Store, make_gpt: Any, tmp_path: Path) -> None:
    gpt = make_gpt(instructions="Be helpful.", knowledge={"files": FILES})
    provider = ScriptedProvider([Reply(pieces=["On page two [1]", " and nothing else [7]."])])
    engine = knowledge_engine(store, tmp_path, provider, gpt.id)
    stream = engine.run(gpt.id, "知识库 在哪里")
    events = list(stream)
    assert events[-1].event == ev.RUN_COMPLETED

    retrieval, model_call = store.runs.steps(stream.run_id)
    (call,) = retrieval.step_details["tool_calls"]
    assert call["type"] == "retrieval" and call["retrieval"]["query"] == "知识库 在哪里"
    first = call["retrieval"]["results"][0]
    assert first["file"] == "handbook.txt" and first["page"] == 2
    assert first["ranks"] == {"bm25": 1} and first["score"] > 0

    messages = provider.requests[0].messages
    assert messages[0]["content"] == f"Be helpful.\n\n{CITATION_GUIDE}"
    assert messages[-1]["content"].startswith("知识库 在哪里\n\nKnowledge excerpts (cite as [n]):")
    assert "[1] handbook.txt, page 2:\n知识库的答案在第二页。" in messages[-1]["content"]
    assert model_call.step_details["model_call"]["messages"] == messages

    answer = store.threads.messages(stream.thread_id)[-1]
    (citation,) = answer.content[0]["text"]["annotations"]  # [7] names no excerpt
    assert (
        citation["text"] == "[1]"
        and answer.text[citation["start_index"] : citation["end_index"]] == "[1]"
    )
    assert citation["file_citation"]["file"] == "handbook.txt"
    assert citation["file_citation"]["page"] == 2
    assert citation["file_citation"]["quote"] == "知识库的答案在第二页。"


def test_excerpts_stay_on_the_turn_across_tool_calls_and_leave_history(
    store: Store, make_gpt: Any, tmp_path: Path
) -> None:
    gpt = make_gpt(knowledge={"files": FILES})
    provider = ScriptedProvider(
        [
            Reply(tool_calls=[("echo", '{"text": "cats"}')]),
            Reply(pieces=["Sixteen hours [1]."]),
            Reply(pieces=["Next."]),
        ]
    )
    engine = knowledge_engine(store, tmp_path, provider, gpt.id)
    first = engine.run(gpt.id, "How long do cats sleep?")
    list(first)
    after_tool = provider.requests[1].messages
    user_turn = next(m for m in after_tool if m["role"] == "user")
    assert "Cats sleep sixteen hours" in user_turn["content"]
    assert [s.type for s in store.runs.steps(first.run_id)].count("tool_calls") == 2

    list(engine.run(gpt.id, "And dogs?", thread_id=first.thread_id))
    history = provider.requests[2].messages
    # The old turn goes back as the user typed it: the prefix stays the same as what the
    # model saw in the first run's text, without its per-turn excerpts.
    assert history[1] == {"role": "user", "content": "How long do cats sleep?"}


def test_a_gpt_without_knowledge_gets_no_retrieval(
    store: Store, make_gpt: Any, tmp_path: Path
) -> None:
    gpt = make_gpt(instructions="Plain.")
    provider = ScriptedProvider([Reply(pieces=["hi"])])
    engine = knowledge_engine(store, tmp_path, provider, gpt.id)
    stream = engine.run(gpt.id, "cats?")
    list(stream)
    assert [s.type for s in store.runs.steps(stream.run_id)] == ["message_creation"]
    assert provider.requests[0].messages[0]["content"] == "Plain."
