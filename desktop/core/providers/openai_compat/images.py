"""Images from a remote OpenAI-compatible `/images/generations` endpoint, read as hostile.

`RemoteImages.generate` asks for base64 images and gives back their bytes, unchecked:
whoever shows or saves them checks that they are images. Model families differ in what
they accept, so the request is shaped per family (`family_of`):

| setting   | gpt-image-* / chatgpt-image-* | dall-e-3          | dall-e-2 | any other model |
|-----------|-------------------------------|-------------------|----------|-----------------|
| quality   | standard→medium, hd→high,     | low, medium →     | left out | as set; "auto"  |
|           | low/medium/high/auto as set   | standard; high →  |          | left out        |
|           |                               | hd; auto left out |          |                 |
| size      | "auto" is left out everywhere (the server picks); any other size is sent as set  |
| format    | no response_format (refused)  | response_format="b64_json"                     |

A server that refuses `response_format` or `quality` (400 or 422 naming it) gets the
request once more without it. An item carrying a `url` instead of data is downloaded
(http or https, or a `data:` URL), within `max_image_bytes` and the timeout, without the
API key. dall-e-3 makes one image per request, so `count` images take `count` requests.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit

import httpx2
import openai

from desktop import __version__
from desktop.core import errors
from desktop.core.netguard import refuse_link_local
from desktop.core.providers.endpoint import Endpoint
from desktop.core.providers.openai_compat import image_failures as failure
from desktop.core.providers.openai_compat.client import ClientPool
from desktop.core.providers.openai_compat.failures import guarded, redact

MAX_IMAGE_BYTES = 20 * 1024 * 1024  # one image, decoded or downloaded
# A generation answers only when the image is done: minutes for a large image, or for a
# local server on a CPU. The profile's timeout (made for the first byte of a chat) is
# raised to this for images.
MIN_TIMEOUT_S = 300.0
# Every try of a generation may be billed, and a timed-out one may still be drawing.
MAX_RETRIES = 1
MAX_COUNT = 10  # images in one call: the OpenAI API's own limit
MAX_REVISED_PROMPT = 4000  # characters of a revised prompt kept
MAX_REDIRECTS = 3  # for a download; it carries no credentials
USER_AGENT = f"CapsuleStudio/{__version__}"

Family = Literal["gpt-image", "dall-e-3", "dall-e-2", "other"]

_SIZES: dict[Family, tuple[str, ...]] = {
    "gpt-image": ("auto", "1024x1024", "1536x1024", "1024x1536"),
    "dall-e-3": ("1024x1024", "1792x1024", "1024x1792"),
    "dall-e-2": ("256x256", "512x512", "1024x1024"),
    "other": (),
}
_QUALITIES: dict[Family, tuple[str, ...]] = {
    "gpt-image": ("low", "medium", "high", "auto"),
    "dall-e-3": ("standard", "hd"),
    "dall-e-2": (),
    "other": (),
}
_QUALITY_MAP: dict[Family, dict[str, str | None]] = {
    "gpt-image": {"standard": "medium", "hd": "high"},
    "dall-e-3": {"low": "standard", "medium": "standard", "high": "hd", "auto": None},
    "dall-e-2": {},
    "other": {"auto": None},
}
_REFUSALS = frozenset({"content_policy_violation", "moderation_blocked"})
# Parameters a server may not know; a request refused for one of them is sent again without.
_DROPPABLE = ("response_format", "quality")


@dataclass(frozen=True)
class RemoteImage:
    """One generated image: the bytes as the server sent them, and its revised prompt."""

    data: bytes = field(repr=False)
    revised_prompt: str | None = None


def family_of(model: str) -> Family:
    """Which request shape `model` takes; a router's `vendor/` prefix is ignored."""
    name = model.strip().lower().rsplit("/", 1)[-1]
    if name.startswith(("gpt-image", "chatgpt-image")):
        return "gpt-image"
    if name.startswith("dall-e-3"):
        return "dall-e-3"
    if name.startswith("dall-e-2"):
        return "dall-e-2"
    return "other"


def quality_for(family: Family, quality: str) -> str | None:
    """The `quality` sent for a setting (None: left out), by the table in the module docstring."""
    if family == "dall-e-2":
        return None
    return _QUALITY_MAP[family].get(quality, quality)


class RemoteImages:
    """Makes images with one model of an endpoint. `generate` blocks; safe from any thread.

    `timeout`: the longest wait for one answer (default: the profile's, at least
    `MIN_TIMEOUT_S`). `clients` shares connections; without it the adapter keeps its own
    client, closed by `close()`.
    """

    def __init__(
        self,
        endpoint: Endpoint,
        model: str,
        *,
        clients: ClientPool | None = None,
        timeout: float | None = None,
        max_image_bytes: int = MAX_IMAGE_BYTES,
    ) -> None:
        wait = timeout if timeout is not None else max(endpoint.timeout, MIN_TIMEOUT_S)
        retries = min(endpoint.max_retries, MAX_RETRIES)
        self.endpoint = replace(endpoint, timeout=wait, max_retries=retries)
        self.model = model.strip()
        self.family = family_of(self.model)
        self.max_image_bytes = max_image_bytes
        self._clients = clients or ClientPool()
        self._owns_clients = clients is None

    @property
    def name(self) -> str:
        return f"{self.endpoint.profile}:{self.model or 'default'}"

    @property
    def sizes(self) -> tuple[str, ...]:
        """Sizes the model is known to make; empty when unknown (any size may work)."""
        return _SIZES[self.family]

    @property
    def qualities(self) -> tuple[str, ...]:
        """Qualities the model takes as they are; empty when it takes none or is unknown."""
        return _QUALITIES[self.family]

    def close(self) -> None:
        """Close the adapter's own client (a shared `ClientPool` is closed by its owner)."""
        if self._owns_clients:
            self._clients.close()

    def parameters(self, prompt: str, *, size: str, quality: str, count: int) -> dict[str, Any]:
        """The request body for one call; no model means the server's default one."""
        body: dict[str, Any] = {"prompt": prompt, "n": count}
        if self.model:
            body["model"] = self.model
        if size != "auto":
            body["size"] = size
        sent = quality_for(self.family, quality)
        if sent is not None:
            body["quality"] = sent
        if self.family != "gpt-image":
            body["response_format"] = "b64_json"
        return body

    def generate(
        self, prompt: str, *, size: str, quality: str, count: int = 1
    ) -> list[RemoteImage]:
        """Up to `count` images for `prompt` (servers may send fewer, never none).

        Raises the `ProviderError` family (and `ModelNotFoundError` for a 404) with a
        message that says what to do; `ValidationError` for an empty prompt or a count
        outside 1 to `MAX_COUNT`.
        """
        if not prompt.strip():
            raise errors.ValidationError(
                errors.said("An image needs a prompt: describe what to draw.")
            )
        if not 1 <= count <= MAX_COUNT:
            raise errors.ValidationError(
                errors.said("Ask for 1 to {most} images, not {count}.", most=MAX_COUNT, count=count)
            )
        batches = [1] * count if self.family == "dall-e-3" else [count]
        images: list[RemoteImage] = []
        for batch in batches:
            body = self.parameters(prompt, size=size, quality=quality, count=batch)
            images.extend(self._request(body, batch))
        return images

    def _request(self, body: dict[str, Any], expected: int) -> list[RemoteImage]:
        client = guarded(lambda: self._clients.get(self.endpoint), self.endpoint)
        response = guarded(
            lambda: self._create(client, body, retry=True),
            self.endpoint,
            model=self.model or None,
        )
        items = _items(response, self.endpoint.label)
        return [self._image(item, position) for position, item in enumerate(items[:expected])]

    def _create(self, client: openai.OpenAI, body: dict[str, Any], *, retry: bool) -> Any:
        """The SDK call; a refused optional parameter is dropped and the call sent once more.

        Typed errors are raised outside the `except` block, so that they hold no reference
        to the client's exception (whose request carries the API key).
        """
        failure: errors.CapsuleError | None = None
        unwanted: list[str] = []
        try:
            return client.images.generate(**body)
        except openai.APIStatusError as exc:
            failure = self._status_failure(exc)
            if failure is None and retry:
                unwanted = _refused_parameters(exc, body)
            if failure is None and not unwanted:
                raise  # `guarded` maps it
        if failure is not None:
            raise failure
        lighter = {key: value for key, value in body.items() if key not in unwanted}
        return self._create(client, lighter, retry=False)

    def _status_failure(self, exc: openai.APIStatusError) -> errors.CapsuleError | None:
        """Errors with a meaning of their own for images; None for those `guarded` words."""
        label, detail = self.endpoint.label, _server_text(exc, self.endpoint)
        if exc.status_code == 400 and exc.code in _REFUSALS:
            return errors.ProviderResponseError(failure.refused(label, detail))
        if exc.status_code == 404:
            return errors.ModelNotFoundError(failure.no_image_model(label, self.model, detail))
        return None

    def _image(self, item: Any, position: int) -> RemoteImage:
        label = self.endpoint.label
        encoded = getattr(item, "b64_json", None)
        url = getattr(item, "url", None)
        if isinstance(encoded, str) and encoded.strip():
            data = self._decode(encoded, position)
        elif isinstance(url, str) and url.strip():
            data = self._fetch(url.strip(), position)
        else:
            raise failure.bad(label, f"image {position + 1} holds neither image data nor a link")
        if not data:
            raise failure.bad(label, f"image {position + 1} is empty")
        return RemoteImage(data, _revised(getattr(item, "revised_prompt", None)))

    def _decode(self, encoded: str, position: int) -> bytes:
        text = encoded.strip()
        if text.startswith("data:"):  # a data URL where bare base64 belongs
            text = text.partition(",")[2]
        text = "".join(text.split())
        if len(text) > (self.max_image_bytes // 3 + 1) * 4:
            raise failure.too_large(self.endpoint.label, self.max_image_bytes)
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            raise failure.bad(
                self.endpoint.label, f"image {position + 1} is not valid base64"
            ) from None

    def _fetch(self, url: str, position: int) -> bytes:
        label = self.endpoint.label
        if url.startswith("data:"):
            header, _, payload = url.partition(",")
            if not header.endswith(";base64"):
                raise failure.bad(label, f"image {position + 1} is a data URL without base64 data")
            return self._decode(payload, position)
        # A relative link is the server's own path: resolve it against the base URL.
        target = urljoin(self.endpoint.base_url + "/", url)
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise failure.bad(label, f"image {position + 1}'s link is not an http or https address")
        return _download(target, self.endpoint, self.max_image_bytes)


def _download(url: str, endpoint: Endpoint, cap: int) -> bytes:
    """The bytes at `url` (no credentials sent), within `cap` and the endpoint's timeouts."""
    label, host = endpoint.label, urlsplit(url).hostname
    where = f"{label}'s image link ({host})"

    def not_link_local(request: httpx2.Request) -> None:  # each redirect too
        try:
            refuse_link_local(str(request.url), f"Downloading {where}")
        except errors.InsecureTransportError as exc:
            raise errors.ProviderResponseError(exc.message) from None

    deadline = time.monotonic() + endpoint.timeout
    timeout = httpx2.Timeout(endpoint.timeout, connect=endpoint.connect_timeout)
    chunks: list[bytes] = []
    try:
        with (
            httpx2.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT, "Accept": "image/*"},
                event_hooks={"request": [not_link_local]},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != 200:
                raise errors.ProviderResponseError(
                    errors.said(
                        "{label}'s image link ({host}) answered {status} instead of the image: "
                        "try again; the link may have expired.",
                        label=label,
                        host=host,
                        status=response.status_code,
                    )
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise failure.too_large(endpoint.label, cap)
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise failure.too_large(endpoint.label, cap)
                if time.monotonic() > deadline:
                    raise failure.slow(host, endpoint)
                chunks.append(chunk)
    except httpx2.TimeoutException:
        raise failure.slow(host, endpoint) from None
    except (httpx2.InvalidURL, httpx2.UnsupportedProtocol, httpx2.TooManyRedirects):
        raise failure.bad(endpoint.label, "an image link could not be followed") from None
    except httpx2.HTTPError as exc:
        raise errors.ProviderUnreachableError(
            errors.said(
                "cannot download the image from {label}'s image link ({host}) ({kind}): check "
                "that the address the server gives for its images can be reached from this "
                "computer.",
                label=label,
                host=host,
                kind=type(exc).__name__,
            )
        ) from None
    return b"".join(chunks)


def _revised(value: Any) -> str | None:
    """The revised prompt, when the server sent one as text; cut to a sane length."""
    if not isinstance(value, str):
        return None
    return value.strip()[:MAX_REVISED_PROMPT] or None


def _items(response: Any, label: str) -> list[Any]:
    """The answer's `data` list, or a typed error saying why there is none."""
    if isinstance(response, str | bytes):  # the SDK hands over a body that is not JSON as is
        raise errors.ProviderResponseError(
            errors.said(
                "{label} answered the image request with something that is not JSON: check "
                "that the base URL points at an OpenAI-compatible API with an images endpoint.",
                label=label,
            )
        )
    data = getattr(response, "data", None)
    if isinstance(data, list) and data:
        return data
    if isinstance(data, list) or data is None:
        error = getattr(response, "error", None)
        message = error.get("message") if isinstance(error, dict) else error
        if isinstance(message, str):
            raise errors.ProviderResponseError(
                errors.said(
                    "{label} answered without any image: try again, or check that the image "
                    "generation model makes images. It said: {detail}",
                    label=label,
                    detail=" ".join(message.split())[:300],
                )
            )
        raise errors.ProviderResponseError(
            errors.said(
                "{label} answered without any image: try again, or check that the image "
                "generation model makes images.",
                label=label,
            )
        )
    raise failure.bad(label, "'data' is not a list")


def _refused_parameters(exc: openai.APIStatusError, body: dict[str, Any]) -> list[str]:
    """The droppable parameters of `body` that a 400 or 422 answer complains about."""
    if exc.status_code not in (400, 422):
        return []
    text = _raw_text(exc).lower()
    param = exc.param if isinstance(exc.param, str) else ""
    return [name for name in _DROPPABLE if name in body and (name == param or name in text)]


def _raw_text(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        message = body.get("message")
        return message if isinstance(message, str) else json.dumps(body, ensure_ascii=False)
    if isinstance(body, bytes):
        return body.decode("utf-8", "replace")
    return body if isinstance(body, str) else ""


def _server_text(exc: openai.APIStatusError, endpoint: Endpoint) -> str:
    return redact(_raw_text(exc), endpoint)
