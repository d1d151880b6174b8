"""`generate_image`: a picture from the GPT's image server, checked, kept with the thread.

`ImageGenerationTool.run` runs on the engine's thread and blocks while the server draws
(up to the images timeout: minutes, for a slow server).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from typing import Any

from desktop.core import errors
from desktop.core.gpt import ImageGenerationSettings
from desktop.core.threadfiles import FileEntry, ThreadFiles
from desktop.core.tools.base import ToolContext, ToolResult, ToolSpec
from desktop.core.tools.images.check import CheckedImage, check_image
from desktop.core.tools.images.generator import GeneratedImage, ImageGenerator

NAME = "generate_image"
MAX_PROMPT = 4000  # characters; the smallest limit among the common image models
DESCRIPTION = (
    "Generate an image from a text description and show it to the user. Write the prompt "
    "as a detailed description of the picture: subject, setting, style, composition, "
    "colours, and any text it must contain. One image per call. The user sees the image "
    "as soon as the call returns; you get back its file name, not the image."
)
NOT_SET_UP = errors.said(
    "Image generation is not set up: the GPT's image_generation.provider setting is empty. "
    "Tell the user to choose, in the GPT's image generation settings, a provider profile "
    "whose server has an images endpoint."
)


class ImageGenerationTool:
    """Makes one image per call with the GPT's image generation settings.

    `generator` is None when no provider is set: the tool is still offered, and a call
    says what to set. Built per run; `run` is called on the engine's thread.
    """

    external = False

    def __init__(
        self,
        generator: ImageGenerator | None,
        files: ThreadFiles,
        context: ToolContext,
        settings: ImageGenerationSettings,
    ) -> None:
        self._generator = generator
        self._files = files
        self._context = context
        self._settings = settings
        sizes = _unique(settings.size, *(generator.sizes if generator is not None else ()))
        qualities = generator.qualities if generator is not None else ()
        # Only what the model can choose between is offered to it.
        self._choices: dict[str, tuple[str, ...]] = {}
        if len(sizes) > 1:
            self._choices["size"] = sizes
        if qualities:
            self._choices["quality"] = qualities
        self.spec = ToolSpec(NAME, DESCRIPTION, _parameters(self._choices, settings))

    def run(self, arguments: dict[str, Any]) -> ToolResult:
        """Generate, check and save the image; the result shows it to the user.

        Raises:
            errors.ToolError: no provider is set, the arguments are wrong, or the server
                sent something that is not a PNG, JPEG or WebP image of a sane size.
            errors.ProviderError (and `ModelNotFoundError`): the server failed; the
                message says what to do.
        """
        generator = self._generator
        if generator is None or not self._settings.provider.strip():
            raise errors.ToolError(NOT_SET_UP, errors.do(errors.Do.LIST_PROVIDERS))
        prompt, size, quality = self._arguments(arguments)
        if self._context.cancelled():
            raise errors.CancelledError(
                errors.said("The run was stopped before the image was made.")
            )
        started = time.monotonic()
        images = _generate(generator, prompt, size, quality)
        duration_ms = round((time.monotonic() - started) * 1000)
        checked = [(image, check_image(image.data)) for image in images]
        saved = [(self._save(image.data, found), found) for image, found in checked]
        revised = next((i.revised_prompt for i in images if i.revised_prompt), None)
        record = {
            "prompt": prompt,
            "revised_prompt": revised,
            "model": self._settings.model,
            "size": size,
            "quality": quality,
            "images": [_described(entry, found) for entry, found in saved],
            "duration_ms": duration_ms,
        }
        return ToolResult(
            output=_output(saved, revised),
            record={"image_generation": record},
            images=tuple(entry.name for entry, _ in saved),
        )

    def _arguments(self, arguments: dict[str, Any]) -> tuple[str, str, str]:
        if not isinstance(arguments, dict):
            raise errors.ToolError(
                errors.said("The arguments of {tool} must be a JSON object.", tool=NAME)
            )
        prompt = arguments.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise errors.ToolError(
                errors.said(
                    "{tool} needs a `prompt`: describe the picture to make, then call it again.",
                    tool=NAME,
                )
            )
        prompt = prompt.strip()
        if len(prompt) > MAX_PROMPT:
            raise errors.ToolError(
                errors.said(
                    "The prompt is {length} characters long; shorten it to at most "
                    "{most} and call {tool} again.",
                    length=len(prompt),
                    most=MAX_PROMPT,
                    tool=NAME,
                )
            )
        size = self._choice(arguments, "size", self._settings.size)
        quality = self._choice(arguments, "quality", self._settings.quality)
        return prompt, size, quality

    def _choice(self, arguments: dict[str, Any], key: str, default: str) -> str:
        """The argument `key` when it is offered and given, else the GPT's setting."""
        offered = self._choices.get(key)
        value = arguments.get(key)
        if offered is None or value is None or value == "":
            return default
        if value not in offered:
            raise errors.ToolError(
                errors.said(
                    "`{key}` must be one of {choices}; leave it out for the default.",
                    key=key,
                    choices=", ".join(offered),
                )
            )
        return str(value)

    def _save(self, data: bytes, found: CheckedImage) -> FileEntry:
        name = f"image-{secrets.token_hex(4)}.{found.extension}"
        return self._files.add_bytes(self._context.thread_id, name, data)


def _generate(
    generator: ImageGenerator, prompt: str, size: str, quality: str
) -> Sequence[GeneratedImage]:
    """The generator's images; its typed errors say what failed, and now also what for."""
    failure: errors.CapsuleError
    try:
        images = generator.generate(prompt, size=size, quality=quality, count=1)
    except (errors.ProviderError, errors.ModelError) as exc:
        # Same type (so the same code in the run's record), with the context added.
        failure = type(exc)(
            errors.said("The image could not be generated: {reason}", reason=exc.message)
        )
    else:
        if images:
            return images
        failure = errors.ToolError(
            errors.said("The image server answered without an image: try again.")
        )
    raise failure


def _parameters(
    choices: dict[str, tuple[str, ...]], settings: ImageGenerationSettings
) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "prompt": {
            "type": "string",
            "description": "What the picture shows and how it looks, in detail.",
            "maxLength": MAX_PROMPT,
        }
    }
    if "size" in choices:
        properties["size"] = {
            "type": "string",
            "enum": list(choices["size"]),
            "description": f"Width x height in pixels. Leave out for {settings.size}.",
        }
    if "quality" in choices:
        properties["quality"] = {
            "type": "string",
            "enum": list(choices["quality"]),
            "description": "Higher takes longer. Leave out for the GPT's default.",
        }
    return {"type": "object", "properties": properties, "required": ["prompt"]}


def _unique(*values: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _described(entry: FileEntry, found: CheckedImage) -> dict[str, Any]:
    return {
        "name": entry.name,
        "bytes": entry.size,
        "width": found.width,
        "height": found.height,
        "format": found.format.lower(),
    }


def _output(saved: list[tuple[FileEntry, CheckedImage]], revised: str | None) -> str:
    shown = ", ".join(f"{entry.name} ({found.width}x{found.height})" for entry, found in saved)
    lines = [
        f"The image was generated and is shown to the user: {shown}."
        if len(saved) == 1
        else f"{len(saved)} images were generated and are shown to the user: {shown}."
    ]
    if revised:
        lines.append(f"The image server revised the prompt to: {revised}")
    lines.append(
        "The user already sees it: do not put the image, its data or a link to it in your "
        "answer. Describe it briefly or ask what to change, if that helps."
    )
    return "\n".join(lines)
