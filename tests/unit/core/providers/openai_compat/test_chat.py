"""RemoteProvider against a scripted server: streaming, tools, usage, retries, failures."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop.core import errors
from desktop.core.providers import base
from desktop.core.providers.base import (
    CancelToken,
    ChatRequest,
    Finish,
    Notice,
    ReasoningDelta,
    TextDelta,
    Usage,
)
from desktop.core.providers.openai_compat import (
    DEFAULT_CONTEXT_SIZE,
    ClientPool,
    RemoteProvider,
    endpoint_for,
)
from tests.helpers.openai_server import (
    Answer,
    OpenAIServer,
    chunk,
    error_answer,
    text_answer,
    tool_answer,
    usage,
)

SECRET = "sk-test-0123456789abcdef"
REQUEST = ChatRequest(messages=[{"role": "user", "content": "Hi"}])
FAST_RETRY = {"retry-after-ms": "10"}  # the client's own backoff would make tests slow

MakeProvider = Callable[..., RemoteProvider]


@pytest.fixture
def make_provider(server: OpenAIServer) -> Iterator[MakeProvider]:
    made: list[RemoteProvider] = []

    def make(preset: str = "deepseek", url: str | None = None, **settings: Any) -> RemoteProvider:
        settings.setdefault("max_retries", 0)
        settings.setdefault("timeout", 5.0)
        endpoint = endpoint_for(preset, preset, url or server.url, SECRET, **settings)
        made.append(RemoteProvider(endpoint, "test-model"))
        return made[-1]

    yield make
    for provider in made:
        provider.close()


def stream(
    provider: RemoteProvider, request: ChatRequest = REQUEST, cancel: CancelToken | None = None
) -> list[base.ProviderEvent]:
    return list(provider.stream(request, cancel or CancelToken()))


def failure_of(provider: RemoteProvider) -> tuple[list[base.ProviderEvent], errors.CapsuleError]:
    """The events before the stream failed, and the typed error it raised."""
    seen: list[base.ProviderEvent] = []
    with pytest.raises(errors.CapsuleError) as caught:
        for event in provider.stream(REQUEST, CancelToken()):
            seen.append(event)
    return seen, caught.value


def text_of(events: list[base.ProviderEvent]) -> str:
    """The answer's text: pieces that arrive together come joined in one TextDelta."""
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def assert_no_secret(exc: BaseException) -> None:
    assert SECRET not in str(exc) and SECRET not in repr(exc)
    assert exc.__cause__ is None and exc.__context__ is None


# -- answers -------------------------------------------------------------------------------


def test_text_streams_then_usage_then_finish(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    answer = text_answer("Hel", "lo", "!")
    assert answer.events is not None
    answer.events.append(chunk(usage=usage(12, 3, cached=8)))
    server.script(answer)

    events = stream(make_provider())
    assert text_of(events) == "Hello!"
    assert events[-2:] == [
        Usage(prompt_tokens=12, completion_tokens=3, cached_prompt_tokens=8),
        Finish("stop"),
    ]
    assert all(isinstance(e, TextDelta) for e in events[:-2])


def test_the_body_sent_is_the_prepared_prompt(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(text_answer("ok"))
    provider = make_provider()
    request = ChatRequest(messages=[{"role": "user", "content": "你好"}], seed=4, stop=["X"])
    prepared = provider.prepare(request)
    stream(provider, request)

    (sent,) = server.requests
    assert sent.path == "/v1/chat/completions"
    assert sent.body == json.loads(prepared.text or "")
    assert sent.body["stream_options"] == {"include_usage": True}  # DeepSeek documents it
    assert sent.headers["authorization"] == f"Bearer {SECRET}"
    assert SECRET not in (prepared.text or "") and prepared.tokens > 0


def test_parallel_tool_calls_arrive_in_pieces(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(
        tool_answer(("call_a", "echo", '{"text": "hi"}'), ("call_b", "lookup", '{"q": 1}'))
    )
    tool = {"type": "function", "function": {"name": "echo", "parameters": {}}}
    events = stream(make_provider(), ChatRequest(messages=REQUEST.messages, tools=[tool]))

    calls: dict[int, dict[str, str]] = {}
    for event in events:
        if isinstance(event, base.ToolCallDelta):
            call = calls.setdefault(event.index, {"id": "", "name": "", "arguments": ""})
            call["id"] += event.id or ""
            call["name"] += event.name or ""
            call["arguments"] += event.arguments
    assert calls == {
        0: {"id": "call_a", "name": "echo", "arguments": '{"text": "hi"}'},
        1: {"id": "call_b", "name": "lookup", "arguments": '{"q": 1}'},
    }
    assert events[-1] == Finish("tool_calls")
    assert server.requests[0].body["tool_choice"] == "auto"


def test_reasoning_comes_apart_from_the_answer(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    answer = text_answer("42")
    assert answer.events is not None
    answer.events.insert(1, chunk({"reasoning_content": "Let me think."}))
    answer.events.insert(2, chunk({"reasoning": " Six times seven."}))
    # DeepSeek reports cache hits as prompt_cache_hit_tokens.
    answer.events.append(chunk(usage={**usage(10, 1), "prompt_cache_hit_tokens": 6}))
    server.script(answer)

    events = stream(make_provider())
    assert text_of(events) == "42"
    thoughts = [e.text for e in events if isinstance(e, ReasoningDelta)]
    assert thoughts == ["Let me think.", " Six times seven."]
    assert not any(isinstance(e, Notice) for e in events)
    assert Usage(10, 1, 6) in events


@pytest.mark.parametrize(
    ("finish", "expected"),
    [("length", "length"), ("content_filter", "stop"), ("function_call", "tool_calls")],
)
def test_finish_reasons(
    server: OpenAIServer, make_provider: MakeProvider, finish: str, expected: str
) -> None:
    server.script(text_answer("a", finish=finish))
    assert stream(make_provider())[-1] == Finish(expected)  # type: ignore[arg-type]


def test_a_stream_without_finish_reason_still_finishes(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(Answer(events=[chunk({"content": "partial"})]))
    events = stream(make_provider())
    assert events[0] == TextDelta("partial")
    assert isinstance(events[1], Notice) and "without saying why" in events[1].message
    assert events[-1] == Finish("stop")


def test_provider_facts(make_provider: MakeProvider) -> None:
    provider = make_provider()
    assert provider.name == "deepseek:test-model"
    assert provider.loaded and provider.context_size == DEFAULT_CONTEXT_SIZE
    assert [type(e).__name__ for e in provider.load()] == ["ModelLoaded"]
    assert provider.load_details == {}
    endpoint = endpoint_for("x", "custom", "http://127.0.0.1:1/v1", context_size=8192)
    assert RemoteProvider(endpoint, "m").context_size == 8192
    assert RemoteProvider(endpoint, "m", context_size=4096).context_size == 4096
    with pytest.raises(errors.NoModelError, match="No model chosen for x") as caught:
        RemoteProvider(endpoint, " ")
    assert caught.value.action == errors.UserAction("list_provider_models", {"profile": "x"})


def test_a_shared_pool_gives_one_client_per_endpoint(server: OpenAIServer) -> None:
    pool = ClientPool()
    endpoint = endpoint_for("ollama", "ollama", server.url)
    a = RemoteProvider(endpoint, "m1", clients=pool)
    b = RemoteProvider(endpoint, "m2", clients=pool)
    a.close()  # does not close the shared client
    server.script(text_answer("x"))
    assert stream(b)[-1] == Finish("stop")
    assert pool.get(endpoint) is pool.get(endpoint)
    pool.close()


# -- cancellation --------------------------------------------------------------------------


def test_cancel_while_waiting_for_the_first_byte(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(Answer(delay=30, events=[]))
    cancel = CancelToken()
    threading.Timer(0.2, cancel.cancel).start()
    started = time.monotonic()
    assert stream(make_provider(timeout=60), cancel=cancel) == [Finish("cancelled")]
    assert time.monotonic() - started < 10  # generous: the server would answer in 30 s


def test_cancel_between_chunks_stops_the_stream(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(text_answer(*[f"t{i} " for i in range(200)]))
    cancel = CancelToken()
    events = []
    for event in make_provider().stream(REQUEST, cancel):
        events.append(event)
        cancel.cancel()
    assert len(events) == 2 and events[-1] == Finish("cancelled")
    assert isinstance(events[0], TextDelta) and events[0].text.startswith("t0 ")


def test_cancel_while_the_server_is_silent_ends_the_request(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(text_answer("a", "b", stall_after=2))  # then silent until the test ends
    cancel = CancelToken()
    events = []
    for event in make_provider(timeout=60).stream(REQUEST, cancel):
        events.append(event)
        cancel.cancel()
    assert events == [TextDelta("a"), Finish("cancelled")]
    deadline = time.monotonic() + 10  # generous; it takes milliseconds
    while pump_threads() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not pump_threads()  # the connection was shut, not left to the read timeout


def pump_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "openai-pump"]


def test_an_already_cancelled_token_sends_nothing(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    cancel = CancelToken()
    cancel.cancel()
    assert stream(make_provider(), cancel=cancel) == [Finish("cancelled")]
    assert server.requests == []


# -- retries and failures ------------------------------------------------------------------


def test_429_honours_retry_after(server: OpenAIServer, make_provider: MakeProvider) -> None:
    server.script(error_answer(429, "slow down", headers={"Retry-After": "1"}), text_answer("fine"))
    started = time.monotonic()
    events = stream(make_provider(max_retries=2))
    elapsed = time.monotonic() - started
    assert events == [TextDelta("fine"), Finish("stop")]
    assert len(server.requests) == 2
    assert elapsed >= 0.9


def test_429_after_the_retries_is_rate_limited(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(*[error_answer(429, "quota", headers=FAST_RETRY)] * 2)
    _, error = failure_of(make_provider(max_retries=1))
    assert isinstance(error, errors.ProviderRateLimitedError)
    assert "after 1 retry" in str(error) and len(server.requests) == 2


def test_500_is_retried_then_succeeds(server: OpenAIServer, make_provider: MakeProvider) -> None:
    server.script(error_answer(500, "oops", headers=FAST_RETRY), text_answer("ok"))
    assert stream(make_provider(max_retries=2)) == [TextDelta("ok"), Finish("stop")]
    assert len(server.requests) == 2


def test_500_after_the_retries_names_the_status_and_message(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(*[error_answer(503, "model overloaded", headers=FAST_RETRY)] * 3)
    _, error = failure_of(make_provider(max_retries=2))
    assert isinstance(error, errors.ProviderResponseError)
    assert "(503) after 2 retries" in str(error) and "model overloaded" in str(error)
    assert len(server.requests) == 3


def test_401_names_the_fix_and_never_the_key(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(error_answer(401, f"Incorrect API key provided: {SECRET}"))
    _, error = failure_of(make_provider())
    assert isinstance(error, errors.ProviderAuthError)
    assert str(error).startswith("API key rejected by DeepSeek (401): set a new key for ")
    assert error.action == errors.UserAction("set_provider_key", {"profile": "deepseek"})
    assert "Incorrect API key provided: ****" in str(error)
    assert_no_secret(error)


def test_404_is_an_unknown_model(server: OpenAIServer, make_provider: MakeProvider) -> None:
    server.script(error_answer(404, "The model does not exist"))
    _, error = failure_of(make_provider())
    assert isinstance(error, errors.ModelNotFoundError)
    assert "model 'test-model' not found at DeepSeek" in str(error)
    assert error.action == errors.UserAction("list_provider_models", {"profile": "deepseek"})


def test_a_prompt_too_long_for_the_model(server: OpenAIServer, make_provider: MakeProvider) -> None:
    body = {"error": {"message": "too long", "code": "context_length_exceeded"}}
    server.script(Answer(status=400, body=body))
    _, error = failure_of(make_provider())
    assert isinstance(error, errors.ContextOverflowError)


def test_a_long_server_message_is_cut(server: OpenAIServer, make_provider: MakeProvider) -> None:
    server.script(error_answer(400, "x" * 5000))
    _, error = failure_of(make_provider())
    assert isinstance(error, errors.ProviderResponseError)
    assert "(400)" in str(error) and len(str(error)) < 450


def test_a_connection_dropped_mid_stream(server: OpenAIServer, make_provider: MakeProvider) -> None:
    server.script(text_answer("ab", "cd", "ef", drop_after=3), text_answer("never"))
    seen, error = failure_of(make_provider(max_retries=3))
    assert text_of(seen) == "abcd"
    assert isinstance(error, errors.ProviderUnreachableError)
    assert "dropped after 4 characters" in str(error)
    assert len(server.requests) == 1  # no retry once the answer has started
    assert_no_secret(error)


def test_a_slow_first_byte_times_out(server: OpenAIServer, make_provider: MakeProvider) -> None:
    server.script(Answer(delay=30, events=[]))
    _, error = failure_of(make_provider(timeout=0.3))
    assert isinstance(error, errors.ProviderTimeoutError)
    assert "DeepSeek did not answer within 0.3 s" in str(error)


def test_a_stream_that_goes_silent_times_out(
    server: OpenAIServer, make_provider: MakeProvider
) -> None:
    server.script(text_answer("ab", "cd", "ef", stall_after=3))
    seen, error = failure_of(make_provider(timeout=0.3, max_retries=2))
    assert text_of(seen) == "abcd"
    assert isinstance(error, errors.ProviderTimeoutError)
    assert "DeepSeek stopped sending for 0.3 s after 4 characters" in str(error)
    assert len(server.requests) == 1


def test_a_closed_port_cannot_be_reached(make_provider: MakeProvider) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = make_provider("ollama", f"http://127.0.0.1:{port}/v1")
    _, error = failure_of(provider)
    assert isinstance(error, errors.ProviderUnreachableError)
    assert f"cannot reach 127.0.0.1:{port}" in str(error)
    assert "is Ollama running? Start it with `ollama serve`" in str(error)
    assert_no_secret(error)


# -- hostile servers -----------------------------------------------------------------------

GARBAGE = {
    "not json": Answer(events=[chunk({"content": "a"}), "{not json"]),
    "choices not a list": Answer(events=[{"choices": "nope"}]),
    "content not text": Answer(events=[chunk({"content": 5})]),
    "tool_calls not a list": Answer(events=[chunk({"tool_calls": {"index": 0}})]),
    "an error event": Answer(events=[{"error": {"message": f"overloaded {SECRET}"}}]),
    "nothing at all": Answer(events=[]),
    "only scalars": Answer(events=["5", "[1, 2]", "null"]),
    "a JSON body instead of a stream": Answer(body={"unexpected": True}),
    "bytes": Answer(raw=b"\x00\xff garbage"),
}


@pytest.mark.parametrize("answer", GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_becomes_a_typed_error(
    server: OpenAIServer, make_provider: MakeProvider, answer: Answer
) -> None:
    server.script(answer)
    _, error = failure_of(make_provider())
    assert isinstance(error, errors.ProviderResponseError)
    assert_no_secret(error)


def test_odd_but_usable_chunks_are_read(server: OpenAIServer, make_provider: MakeProvider) -> None:
    call = {"id": "c1", "function": {"name": "echo", "arguments": {"text": "hi"}}}  # no index
    events = [
        {"choices": [{"delta": None}]},
        {"choices": [{"delta": {"content": "x"}, "finish_reason": None}], "usage": None},
        chunk({"tool_calls": [call]}),
        chunk({}, finish="stop"),  # after a tool call
        chunk(usage={"prompt_tokens": "many", "completion_tokens": -1}),
    ]
    server.script(Answer(events=events))
    assert stream(make_provider()) == [
        TextDelta("x"),
        base.ToolCallDelta(index=0, id="c1", name="echo", arguments='{"text": "hi"}'),
        Usage(0, 0, 0),
        Finish("tool_calls"),
    ]
