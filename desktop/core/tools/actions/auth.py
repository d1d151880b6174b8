"""Credentials for action calls, read from the keyring by name, and a cache of OAuth2 tokens.

An `Authenticator` signs one request at a time and reports the secret values it used, so
the caller can blank them out of whatever it shows or records. Secrets are read on every
call (a key changed in the keyring takes effect at once) and each value is added to the
log `SecretMask`. Every method may be called from several threads at once.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, urlencode

from desktop.core import errors
from desktop.core.gpt import ActionAuth
from desktop.core.netguard import refuse_plain_credentials
from desktop.core.secrets import MASK, SecretMask
from desktop.core.tools.actions.http import HttpRequest, HttpResponse
from desktop.core.tools.actions.model import SecurityScheme
from desktop.core.tools.base import SecretSource
from desktop.core.tools.transfer import host_of

Fetch = Callable[[HttpRequest], HttpResponse]
# A token is refreshed this long before it expires (or at a tenth of its lifetime, if
# shorter), so that it does not run out between signing and arriving.
REFRESH_MARGIN_S = 30.0


@dataclass(frozen=True)
class Signed:
    request: HttpRequest
    secrets: tuple[str, ...]  # every secret value in the request, in any form


class Authenticator(Protocol):
    def sign(self, request: HttpRequest) -> Signed:
        """`request` with credentials; raises `errors.ToolError` when a secret is missing."""
        ...

    def renew(self, used: Sequence[str]) -> bool:
        """After a 401: drop credentials that may have expired; True if a retry may help."""
        ...


# -- the token cache -----------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    value: str
    expires_at: float | None  # on the cache's clock; None: until the API refuses it


class TokenCache:
    """OAuth2 access tokens by (token URL, client id, scopes), shared by every action call.

    At most one fetch per key runs at a time; other callers wait for its token.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens: dict[Hashable, Token] = {}
        self._fetching: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, fetch: Callable[[], tuple[str, float | None]]) -> str:
        """The cached token for `key`, or a new one from `fetch` -> (token, expires_in_s)."""
        with self._lock:
            token = self._fresh(key)
            key_lock = self._fetching.setdefault(key, threading.Lock())
        if token is not None:
            return token.value
        with key_lock:
            with self._lock:
                token = self._fresh(key)
            if token is not None:
                return token.value
            value, expires_in = fetch()
            now = self._clock()
            expires_at = None
            if expires_in is not None:
                expires_at = now + expires_in - min(REFRESH_MARGIN_S, expires_in / 10)
            with self._lock:
                self._tokens[key] = Token(value, expires_at)
            return value

    def invalidate(self, key: Hashable, value: str | None = None) -> bool:
        """Forget the token for `key` (only if it is still `value`); True if one was dropped."""
        with self._lock:
            token = self._tokens.get(key)
            if token is None or (value is not None and token.value != value):
                return False
            del self._tokens[key]
            return True

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()

    def _fresh(self, key: Hashable) -> Token | None:
        token = self._tokens.get(key)
        if token is None or (token.expires_at is not None and self._clock() >= token.expires_at):
            return None
        return token


# -- authenticators ------------------------------------------------------------------------


class NoAuth:
    def sign(self, request: HttpRequest) -> Signed:
        return Signed(request, ())

    def renew(self, used: Sequence[str]) -> bool:
        return False


class _KeyringAuth:
    def __init__(self, secrets: SecretSource, fix: errors.UserAction) -> None:
        self._secrets = secrets
        self._fix = fix

    def renew(self, used: Sequence[str]) -> bool:
        return False

    def _read(self, name: str, role: str) -> str:
        if not name:
            raise errors.ToolError(
                errors.said(
                    "The action's auth names no {role}; set it in the action's authentication "
                    "settings.",
                    role=role,
                ),
                self._fix,
            )
        try:
            value = self._secrets.get(name)
        except errors.SecretNotFoundError:
            raise errors.ToolError(
                errors.said(
                    "The keyring has no secret '{name}' ({role} of this action). Set it in the "
                    "action's authentication settings, then try again.",
                    name=name,
                    role=role,
                ),
                self._fix,
            ) from None
        except errors.SecretsUnavailableError as exc:
            raise errors.ToolError(exc.message) from None
        SecretMask.add(value)
        return value


class ApiKeyAuth(_KeyringAuth):
    def __init__(
        self,
        secrets: SecretSource,
        fix: errors.UserAction,
        secret_name: str,
        location: str,
        name: str,
    ) -> None:
        super().__init__(secrets, fix)
        self._secret_name, self._location, self._name = secret_name, location, name

    def sign(self, request: HttpRequest) -> Signed:
        key = self._read(self._secret_name, "API key")
        if self._location == "query":
            signed = request.with_query(self._name, key)
        elif self._location == "cookie":
            signed = request.with_cookie(self._name, quote(key, safe="-._~"))
        else:
            signed = request.with_header(self._name, key)
        return Signed(signed, (key,))


class BearerAuth(_KeyringAuth):
    def __init__(self, secrets: SecretSource, fix: errors.UserAction, secret_name: str) -> None:
        super().__init__(secrets, fix)
        self._secret_name = secret_name

    def sign(self, request: HttpRequest) -> Signed:
        token = self._read(self._secret_name, "bearer token")
        return Signed(request.with_header("Authorization", f"Bearer {token}"), (token,))


class BasicAuth(_KeyringAuth):
    def __init__(
        self, secrets: SecretSource, fix: errors.UserAction, username_secret: str, secret_name: str
    ) -> None:
        super().__init__(secrets, fix)
        self._username_secret, self._secret_name = username_secret, secret_name

    def sign(self, request: HttpRequest) -> Signed:
        user = self._read(self._username_secret, "user name (username_secret)")
        password = self._read(self._secret_name, "password")
        encoded = _basic(user, password)
        SecretMask.add(encoded)
        signed = request.with_header("Authorization", f"Basic {encoded}")
        return Signed(signed, (user, password, encoded))


class OAuth2ClientCredentials(_KeyringAuth):
    """RFC 6749 section 4.4: trade the client id and secret for a bearer token, cached."""

    def __init__(
        self,
        secrets: SecretSource,
        fix: errors.UserAction,
        fetch: Fetch,
        tokens: TokenCache,
        auth: ActionAuth,
        token_url: str,
    ) -> None:
        super().__init__(secrets, fix)
        self._fetch, self._tokens = fetch, tokens
        self._auth, self._token_url = auth, token_url

    def sign(self, request: HttpRequest) -> Signed:
        client_id = self._read(self._auth.username_secret, "client id (username_secret)")
        token = self._tokens.get(self._key(client_id), lambda: self._request_token(client_id))
        SecretMask.add(token)
        return Signed(request.with_header("Authorization", f"Bearer {token}"), (token,))

    def renew(self, used: Sequence[str]) -> bool:
        client_id = self._read(self._auth.username_secret, "client id (username_secret)")
        key = self._key(client_id)
        return any(self._tokens.invalidate(key, value) for value in used)

    def _key(self, client_id: str) -> Hashable:
        return (self._token_url, client_id, tuple(sorted(self._auth.scopes)))

    def _request_token(self, client_id: str) -> tuple[str, float | None]:
        secret = self._read(self._auth.secret_name, "client secret")
        form = {"grant_type": "client_credentials"}
        if self._auth.scopes:
            form["scope"] = " ".join(self._auth.scopes)
        base = HttpRequest("POST", self._token_url, (("Accept", "application/json"),))
        base = base.with_header("Content-Type", "application/x-www-form-urlencoded")
        # client_secret_basic is what RFC 6749 requires servers to accept; some accept only
        # client_secret_post, so a refused client gets one more try with the form fields.
        encoded = _basic(quote(client_id, safe=""), quote(secret, safe=""))
        SecretMask.add(encoded)
        basic = base.with_header("Authorization", f"Basic {encoded}")
        response = self._fetch(_with_form(basic, form))
        if response.status in (400, 401) and _oauth_error(response) == "invalid_client":
            posted = {**form, "client_id": client_id, "client_secret": secret}
            response = self._fetch(_with_form(base, posted))
        return self._token_from(response, (client_id, secret, encoded))

    def _token_from(
        self, response: HttpResponse, secrets: tuple[str, ...]
    ) -> tuple[str, float | None]:
        host = host_of(self._token_url)
        if not response.ok:
            reason = _oauth_error(response)[:80] or f"{response.status} {response.reason}"
            for value in secrets:  # a server that echoes what it was sent
                reason = reason.replace(value, MASK)
            raise errors.ToolError(
                errors.said(
                    "The token endpoint {host} refused the client credentials ({reason}). Check "
                    "the client id and secret in the action's authentication settings.",
                    host=host,
                    reason=reason,
                ),
                self._fix,
            )
        data = _json_object(response)
        token = data.get("access_token")
        kind = str(data.get("token_type") or "bearer")
        if not isinstance(token, str) or not token or kind.lower() != "bearer":
            raise errors.ToolError(
                errors.said(
                    "The token endpoint {host} did not answer with a bearer access_token; check "
                    "the action's token URL.",
                    host=host,
                )
            )
        lifetime = data.get("expires_in")
        if isinstance(lifetime, str) and lifetime.isdigit():
            lifetime = int(lifetime)
        if isinstance(lifetime, int | float) and not isinstance(lifetime, bool):
            return token, float(lifetime)
        return token, None  # no lifetime given: kept until the API answers 401


class _Misconfigured:
    """Auth that cannot work as set up: every call says what to fix."""

    def __init__(self, message: str, fix: errors.UserAction) -> None:
        self._message = message
        self._fix = fix

    def sign(self, request: HttpRequest) -> Signed:
        raise errors.ToolError(self._message, self._fix)

    def renew(self, used: Sequence[str]) -> bool:
        return False


def authenticator_for(
    auth: ActionAuth,
    secrets: SecretSource,
    fetch: Fetch,
    tokens: TokenCache,
    *,
    schemes: Sequence[SecurityScheme] = (),
    fix: errors.UserAction | None = None,
) -> Authenticator:
    """The authenticator for an action's `auth`.

    An api_key without a parameter name, or OAuth2 without a token URL, takes them from
    the document's security schemes. `fix` is what the user does to set the action's
    secrets, carried by every error about them.
    """
    fix = fix or errors.do(errors.Do.SET_ACTION_AUTH)
    if auth.type == "api_key":
        return _api_key(auth, secrets, schemes, fix)
    if auth.type == "bearer":
        return BearerAuth(secrets, fix, auth.secret_name)
    if auth.type == "basic":
        return BasicAuth(secrets, fix, auth.username_secret, auth.secret_name)
    if auth.type == "oauth2_client_credentials":
        token_url = auth.token_url or next(
            (s.token_url for s in schemes if s.type == "oauth2" and s.token_url), ""
        )
        if not token_url:
            return _Misconfigured(
                errors.said(
                    "The action's OAuth2 auth has no token URL; set it in the action's "
                    "authentication settings."
                ),
                fix,
            )
        return OAuth2ClientCredentials(secrets, fix, fetch, tokens, auth, token_url)
    return NoAuth()


def _api_key(
    auth: ActionAuth,
    secrets: SecretSource,
    schemes: Sequence[SecurityScheme],
    fix: errors.UserAction,
) -> Authenticator:
    location: str = auth.location
    name = auth.parameter_name
    if not name:
        scheme = next((s for s in schemes if s.type == "apiKey" and s.parameter_name), None)
        if scheme is None:
            return _Misconfigured(
                errors.said(
                    "The action's API key has no parameter name; set one in the action's "
                    "authentication settings."
                ),
                fix,
            )
        location, name = scheme.location or "header", scheme.parameter_name
    return ApiKeyAuth(secrets, fix, auth.secret_name, location, name)


def _basic(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def _with_form(request: HttpRequest, form: dict[str, str]) -> HttpRequest:
    return HttpRequest(
        request.method, request.url, request.headers, content=urlencode(form).encode()
    )


def _json_object(response: HttpResponse) -> dict[str, object]:
    try:
        data = json.loads(response.body)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _oauth_error(response: HttpResponse) -> str:
    error = _json_object(response).get("error")
    return error if isinstance(error, str) else ""


def refuse_plain_secrets(name: str, urls: Iterable[str], allowed: Collection[str]) -> None:
    """Refuse when an action with secrets (called `name`) would send them over plain http.

    `urls` are where its secrets go: its calls and its OAuth2 token URL.

    Raises:
        errors.InsecureTransportError: naming the host, with the action to allow it.
    """
    for url in sorted(set(urls) - {""}):
        refuse_plain_credentials(url, allowed, f"The action '{name}'")
