"""The wording of a failed image request: what went wrong, and what to do about it.

Every sentence is made with `errors.said`, so that the window can show it in its own
language; `label` names the provider profile, as `Endpoint.label` does.
"""

from __future__ import annotations

from desktop.core import errors
from desktop.core.providers.endpoint import Endpoint


def slow(host: str | None, endpoint: Endpoint) -> errors.ProviderTimeoutError:
    return errors.ProviderTimeoutError(
        errors.said(
            "{label}'s image link ({host}) did not deliver the image within {timeout} s: try "
            "again, or raise the profile's timeout.",
            label=endpoint.label,
            host=host,
            timeout=f"{endpoint.timeout:g}",
        )
    )


def refused(label: str, detail: str) -> errors.Said:
    """A prompt refused under the server's content policy; its own words when it gave any."""
    if detail:
        return errors.said(
            "{label} refused the prompt under its content policy: rephrase it, leaving out "
            "what the policy may forbid, and try again (or tell the user this image cannot be "
            "made). The server said: {detail}",
            label=label,
            detail=detail,
        )
    return errors.said(
        "{label} refused the prompt under its content policy: rephrase it, leaving out what "
        "the policy may forbid, and try again (or tell the user this image cannot be made).",
        label=label,
    )


def no_image_model(label: str, model: str, detail: str) -> errors.Said:
    """A 404 for an image request: no images endpoint, or no such image model there."""
    values = {"label": label, "model": model, "detail": detail}
    if model and detail:
        return errors.said(
            "{label} has no images endpoint or no image model '{model}' (404): set the GPT's "
            "image generation model to one that server makes images with, or choose a "
            "provider profile whose server can make images. The server said: {detail}",
            **values,
        )
    if model:
        return errors.said(
            "{label} has no images endpoint or no image model '{model}' (404): set the GPT's "
            "image generation model to one that server makes images with, or choose a "
            "provider profile whose server can make images.",
            **values,
        )
    if detail:
        return errors.said(
            "{label} has no images endpoint or no default image model (404): set the GPT's "
            "image generation model to one that server makes images with, or choose a "
            "provider profile whose server can make images. The server said: {detail}",
            **values,
        )
    return errors.said(
        "{label} has no images endpoint or no default image model (404): set the GPT's "
        "image generation model to one that server makes images with, or choose a "
        "provider profile whose server can make images.",
        **values,
    )


def bad(label: str, what: str) -> errors.ProviderResponseError:
    return errors.ProviderResponseError(
        errors.said(
            "{label} sent an unusable image answer ({what}). Try again; if it keeps happening, "
            "check that the image generation model and the base URL are right.",
            label=label,
            what=what,
        )
    )


def too_large(label: str, cap: int) -> errors.ProviderResponseError:
    return errors.ProviderResponseError(
        errors.said(
            "{label} sent an image larger than {size} MB; it was not kept. Ask for a smaller size.",
            label=label,
            size=cap // (1024 * 1024),
        )
    )
