"""Secrets only over https (or to this machine); never a request to a link-local address."""

from __future__ import annotations

import pytest

from desktop.core import errors
from desktop.core.netguard import (
    is_link_local,
    is_loopback,
    refuse_link_local,
    refuse_plain_credentials,
)

METADATA_SPELLINGS = [
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://169.254.43518/",
    "https://[fe80::1]:8443/openapi.json",
    "http://[fe80::1%25eth0]/",
]


@pytest.mark.parametrize("url", METADATA_SPELLINGS)
def test_link_local_addresses_are_refused_in_every_spelling(url: str) -> None:
    with pytest.raises(errors.InsecureTransportError, match="link-local") as refused:
        refuse_link_local(url, "The call")
    assert refused.value.action is None  # nothing makes it safe


@pytest.mark.parametrize(
    "url", ["https://api.openai.com/v1", "http://127.0.0.1:8080", "http://10.0.0.5/", "http://x"]
)
def test_other_addresses_pass(url: str) -> None:
    refuse_link_local(url, "The call")


def test_loopback_in_its_forms() -> None:
    assert is_loopback("localhost") and is_loopback("127.0.0.2") and is_loopback("::1")
    assert is_loopback("::ffff:127.0.0.1")
    assert not is_loopback("10.0.0.1") and not is_loopback("example.com")
    assert is_link_local("169.254.0.1") and not is_link_local("169.255.0.1")


def test_a_secret_over_plain_http_is_refused_with_the_reason_and_the_way_out() -> None:
    with pytest.raises(errors.InsecureTransportError) as refused:
        refuse_plain_credentials("http://api.example.com:8080/v1", [], "Provider 'x'")
    message = refused.value.message
    assert "api.example.com over plain http" in message
    assert "https://api.example.com:8080/v1" in message
    assert refused.value.host == "api.example.com"
    assert refused.value.action == errors.UserAction("allow_http_host", {"host": "api.example.com"})


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://api.example.com", []),
        ("http://127.0.0.1:11434/v1", []),
        ("http://localhost:8080", []),
        ("http://[::1]:8000", []),
        ("http://gpu-box.lan:8000/v1", ["GPU-box.lan."]),
    ],
)
def test_https_loopback_and_hosts_the_user_allowed_may_get_secrets(
    url: str, allowed: list[str]
) -> None:
    refuse_plain_credentials(url, allowed, "Provider 'x'")
