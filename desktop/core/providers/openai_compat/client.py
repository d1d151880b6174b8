"""One openai client per endpoint, built on first use and reused; listing an endpoint's models."""

from __future__ import annotations

import threading

import openai

from desktop.core.providers.endpoint import NO_KEY, Endpoint
from desktop.core.providers.openai_compat.failures import guarded
from desktop.core.providers.openai_compat.redirects import SameHostTransport


def build_client(endpoint: Endpoint) -> openai.OpenAI:
    """A client for `endpoint` that retries (with backoff, honouring Retry-After) by itself.

    The key, organisation and project come from the endpoint only, never from OPENAI_*
    environment variables: a key meant for OpenAI must not be sent to another server.
    """
    timeout = openai.Timeout(endpoint.timeout, connect=endpoint.connect_timeout)
    key = endpoint.api_key or NO_KEY
    # Redirects stay on the endpoint's host: the conversation never follows one elsewhere.
    http = openai.DefaultHttpxClient(transport=SameHostTransport())
    client: openai.OpenAI
    if endpoint.preset == "azure":
        client = openai.AzureOpenAI(
            azure_endpoint=endpoint.base_url,
            api_version=endpoint.api_version,
            api_key=key,
            timeout=timeout,
            max_retries=endpoint.max_retries,
            http_client=http,
        )
    else:
        client = openai.OpenAI(
            base_url=endpoint.base_url,
            api_key=key,
            timeout=timeout,
            max_retries=endpoint.max_retries,
            http_client=http,
        )
    client.organization = None
    client.project = None
    return client


class ClientPool:
    """Clients by endpoint, so that requests to one service reuse its connections.

    Safe to share between threads; `close()` closes every client (at exit).
    """

    def __init__(self) -> None:
        self._clients: dict[Endpoint, openai.OpenAI] = {}
        self._lock = threading.Lock()

    def get(self, endpoint: Endpoint) -> openai.OpenAI:
        with self._lock:
            client = self._clients.get(endpoint)
            if client is None:
                client = self._clients[endpoint] = build_client(endpoint)
            return client

    def close(self) -> None:
        with self._lock:
            clients = list(self._clients.values())
            self._clients.clear()
        for client in clients:
            client.close()


def list_models(endpoint: Endpoint, clients: ClientPool | None = None) -> list[str]:
    """The model ids the endpoint offers, sorted; raises typed errors."""
    pool = clients or ClientPool()
    try:
        ids = guarded(
            lambda: [getattr(item, "id", None) for item in pool.get(endpoint).models.list()],
            endpoint,
            operation="models",
        )
    finally:
        if clients is None:
            pool.close()
    return sorted({i for i in ids if isinstance(i, str) and i})
