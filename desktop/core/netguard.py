"""Where requests may go: secrets only over https, never to link-local addresses.

Two rules, shared by provider profiles, actions, web browsing and image servers:

- A secret (an API key, a token, a password) goes only over https, or over http to this
  machine (loopback). Another http host gets secrets only if the user allowed that host
  by name (`Settings.http_credential_hosts`): the key would cross the network readable.
- Nothing is requested from a link-local address (169.254.0.0/16, fe80::/10, their
  IPv4-mapped forms): that is where cloud machines answer with their own credentials
  (169.254.169.254), and no API a GPT needs lives there.

Hosts are compared as literal addresses, in every spelling the C library accepts for
IPv4 (`169.254.169.254`, `2852039166`, `0xa9.0xfe.0xa9.0xfe`). A name that resolves to a
link-local address is not looked up here. Pure functions; any thread.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection
from urllib.parse import urlsplit

from desktop.core import errors

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
_LINK_LOCAL = (ipaddress.ip_network("169.254.0.0/16"), ipaddress.ip_network("fe80::/10"))


def host_of(url: str) -> str:
    """The host of `url`, lower case, without brackets, port or trailing dot."""
    return (urlsplit(url.strip()).hostname or "").rstrip(".").lower()


def address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """`host` as an IP address (IPv4-mapped IPv6 unwrapped), or None for a name."""
    try:
        found = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        try:  # the old IPv4 spellings: 2852039166, 0xa9fea9fe, 169.254.43518
            found = ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, ValueError):
            return None
    if isinstance(found, ipaddress.IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine: localhost, 127.0.0.0/8 or ::1."""
    if host.lower().rstrip(".") in _LOOPBACK_NAMES:
        return True
    found = address(host)
    return found is not None and found.is_loopback


def is_link_local(host: str) -> bool:
    """Whether `host` is a link-local address (the cloud metadata service among them)."""
    found = address(host)
    return found is not None and any(found in network for network in _LINK_LOCAL)


def refuse_link_local(url: str, what: str) -> None:
    """Raise when `url` names a link-local address; `what` names the request in the message.

    Raises:
        errors.InsecureTransportError: with no action: nothing makes such a request safe.
    """
    host = host_of(url)
    if is_link_local(host):
        raise errors.InsecureTransportError(
            errors.said(
                "{what} may not go to {host}: link-local addresses (169.254.x.x, fe80::) are "
                "where cloud machines hand out their own credentials, so they are never "
                "reached from here.",
                what=what,
                host=host,
            ),
            host,
        )


def refuse_plain_credentials(url: str, allowed_hosts: Collection[str], what: str) -> None:
    """Raise when a secret for `url` would go over plain http to another machine.

    `allowed_hosts` are hosts the user explicitly allowed to get secrets over http.

    Raises:
        errors.InsecureTransportError: with the action of allowing http for the host.
    """
    parts = urlsplit(url.strip())
    host = host_of(url)
    if parts.scheme.lower() != "http" or is_loopback(host):
        return
    if host in {h.strip().rstrip(".").lower() for h in allowed_hosts}:
        return
    raise errors.InsecureTransportError(
        errors.said(
            "{what} would send a secret to {host} over plain http, where anyone on the way "
            "can read it. Use {https_url}, or allow http for {host} only if it is on a "
            "network you trust.",
            what=what,
            host=host,
            https_url=f"https://{parts.netloc}{parts.path}",
        ),
        host,
        errors.do(errors.Do.ALLOW_HTTP_HOST, host=host),
    )
