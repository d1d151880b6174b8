"""Fixtures for every test: an isolated data folder, a store, tiny models, engines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop.core.gpt import validate_definition
from desktop.core.paths import HOME_ENV, Paths, default_paths
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.local import LocalModels
from desktop.core.store import Store
from tests.helpers.gguf_models import ensure_tiny
from tests.helpers.hf_server import FakeHub, serving
from tests.helpers.memory_keyring import MemoryKeyring
from tests.helpers.openai_server import OpenAIServer
from tests.helpers.tiny_gguf import TinySpec


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """Every test gets its own data, settings, cache and log folders."""
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    # huggingface_hub (and its xet backend) would otherwise cache and log under ~/.cache.
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    # Test servers listen on 127.0.0.1; a developer's proxy must not stand in between.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    # Nothing may reach the real Hugging Face hub (the first-run page asks it for a model's
    # size): a closed local port fails at once. Tests with a fake hub set their own address.
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    return default_paths().ensure()


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keyring; the OS keyring is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def server() -> Iterator[OpenAIServer]:
    """A scripted OpenAI-compatible server on 127.0.0.1 (see tests/helpers/openai_server.py)."""
    with OpenAIServer() as running:
        yield running


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    """A fake Hugging Face hub on 127.0.0.1 that downloads reach through HF_ENDPOINT."""
    with serving(monkeypatch) as fake:
        yield fake


@pytest.fixture
def store(isolated_home: Paths) -> Iterator[Store]:
    opened = Store(isolated_home.database, busy_timeout_s=0.5)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def tiny_gguf(model_dir: Path) -> Path:
    """A ~500 KB random-weight llama model with a ChatML template."""
    return ensure_tiny(model_dir)


@pytest.fixture(scope="session")
def tiny_embedding_gguf(model_dir: Path) -> Path:
    return ensure_tiny(model_dir, "tiny-embed.gguf", TinySpec(embedding=True, chat_template=None))


@pytest.fixture
def factory(tiny_gguf: Path) -> Iterator[ProviderFactory]:
    made = ProviderFactory(LocalModels([tiny_gguf.parent]))
    yield made
    made.close()


@pytest.fixture
def make_gpt(store: Store):  # type: ignore[no-untyped-def]
    """Create a GPT from keyword fields: `make_gpt(name="x", model={"model": "..."})`."""

    def make(**fields):  # type: ignore[no-untyped-def]
        fields.setdefault("name", "Test GPT")
        return store.gpts.create(validate_definition(fields))

    return make
