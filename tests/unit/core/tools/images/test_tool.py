"""ImageGenerationTool end to end against a local images server, and its refusals."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop.core import errors
from desktop.core.gpt import ImageGenerationSettings
from desktop.core.providers.openai_compat import RemoteImages, endpoint_for
from desktop.core.threadfiles import ThreadFiles
from desktop.core.tools.base import ToolContext, network_domain
from desktop.core.tools.images import ImageGenerationTool
from tests.helpers.openai_server import Answer, OpenAIServer, error_answer

SECRET = "sk-test-0123456789abcdef"
THREAD = "thread_abc123"


def png(width: int = 32, height: int = 24) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 160, 60)).save(out, "PNG")
    return out.getvalue()


def answer(data: bytes, revised: str | None = None) -> Answer:
    item: dict[str, Any] = {"b64_json": base64.b64encode(data).decode()}
    if revised is not None:
        item["revised_prompt"] = revised
    return Answer(body={"created": 1, "data": [item]})


@pytest.fixture
def files(tmp_path: Path) -> ThreadFiles:
    return ThreadFiles(tmp_path / "threads")


@pytest.fixture
def remote(server: OpenAIServer) -> Iterator[RemoteImages]:
    endpoint = endpoint_for("openai", "openai", server.url, SECRET, max_retries=0)
    made = RemoteImages(endpoint, "dall-e-3", timeout=5.0)
    yield made
    made.close()


def settings(**fields: Any) -> ImageGenerationSettings:
    values: dict[str, Any] = {"enabled": True, "provider": "openai", "model": "dall-e-3"}
    return ImageGenerationSettings(**(values | fields))


def make_tool(
    generator: Any, files: ThreadFiles, cancelled: bool = False, **fields: Any
) -> ImageGenerationTool:
    context = ToolContext("gpt_1", THREAD, lambda: cancelled)
    return ImageGenerationTool(generator, files, context, settings(**fields))


def test_an_image_is_generated_saved_and_shown(
    server: OpenAIServer, remote: RemoteImages, files: ThreadFiles
) -> None:
    image = png()
    server.script(answer(image, "A green square, flat."))
    tool = make_tool(remote, files, quality="hd")

    result = tool.run({"prompt": "  a green square  ", "size": "1792x1024"})

    (name,) = result.images
    assert name.startswith("image-") and name.endswith(".png")
    saved = files.folder(THREAD) / name
    assert saved.read_bytes() == image
    with Image.open(saved) as opened:
        assert (opened.format, opened.size) == ("PNG", (32, 24))
    record = result.record["image_generation"]
    duration = record.pop("duration_ms")
    assert isinstance(duration, int) and duration >= 0
    assert record == {
        "prompt": "a green square",
        "revised_prompt": "A green square, flat.",
        "model": "dall-e-3",
        "size": "1792x1024",
        "quality": "hd",
        "images": [{"name": name, "bytes": len(image), "width": 32, "height": 24, "format": "png"}],
    }
    assert name in result.output
    assert "A green square, flat." in result.output
    assert "do not put the image" in result.output
    assert server.requests[0].body["prompt"] == "a green square"
    assert server.requests[0].body["size"] == "1792x1024"
    assert not tool.external
    assert network_domain(tool, {"prompt": "x"}) is None  # the configured server: no consent


def test_the_settings_are_the_defaults(
    server: OpenAIServer, remote: RemoteImages, files: ThreadFiles
) -> None:
    server.script(answer(png()), answer(png()))
    tool = make_tool(remote, files, size="1024x1024", quality="hd")

    first = tool.run({"prompt": "one"})
    second = tool.run({"prompt": "two"})

    assert [r.body["size"] for r in server.requests] == ["1024x1024", "1024x1024"]
    assert first.record["image_generation"]["revised_prompt"] is None
    assert first.images != second.images  # each image its own file
    assert len(files.list(THREAD)) == 2


def test_the_spec_offers_what_the_model_takes(remote: RemoteImages, files: ThreadFiles) -> None:
    spec = make_tool(remote, files, size="1024x1024").spec
    properties = spec.parameters["properties"]

    assert spec.name == "generate_image"
    assert spec.parameters["required"] == ["prompt"]
    assert properties["size"]["enum"] == ["1024x1024", "1792x1024", "1024x1792"]
    assert properties["quality"]["enum"] == ["standard", "hd"]
    assert spec.to_openai()["function"]["name"] == "generate_image"


def test_an_unknown_model_is_offered_only_the_configured_size(
    server: OpenAIServer, files: ThreadFiles
) -> None:
    endpoint = endpoint_for("sd", "custom", server.url, None, max_retries=0)
    with_sd = RemoteImages(endpoint, "sd-turbo", timeout=5.0)
    try:
        tool = make_tool(with_sd, files, provider="sd", size="512x512", quality="auto")
        assert set(tool.spec.parameters["properties"]) == {"prompt"}
        server.script(answer(png()))
        tool.run({"prompt": "fox", "size": "4096x4096", "quality": "hd"})  # not offered: ignored
        body = server.requests[0].body
        assert body["size"] == "512x512"
        assert "quality" not in body
    finally:
        with_sd.close()


def test_no_provider_says_which_setting_to_set(
    server: OpenAIServer, remote: RemoteImages, files: ThreadFiles
) -> None:
    for generator, provider in ((remote, ""), (None, ""), (None, "openai")):
        tool = make_tool(generator, files, provider=provider)
        with pytest.raises(errors.ToolError, match=r"image_generation\.provider"):
            tool.run({"prompt": "a fox"})
    assert server.requests == []


@pytest.mark.parametrize(
    "arguments,reason",
    [
        ({}, "needs a `prompt`"),
        ({"prompt": "   "}, "needs a `prompt`"),
        ({"prompt": 42}, "needs a `prompt`"),
        ({"prompt": "x" * 4001}, "4001 characters"),
        ({"prompt": "fox", "size": "640x480"}, "`size` must be one of 1024x1024, 1792x1024"),
        ({"prompt": "fox", "quality": "ultra"}, "`quality` must be one of standard, hd"),
    ],
)
def test_bad_arguments_are_refused_before_any_request(
    server: OpenAIServer,
    remote: RemoteImages,
    files: ThreadFiles,
    arguments: dict[str, Any],
    reason: str,
) -> None:
    with pytest.raises(errors.ToolError, match=reason):
        make_tool(remote, files).run(arguments)
    assert server.requests == []


def test_not_an_image_is_refused_and_nothing_saved(
    server: OpenAIServer, remote: RemoteImages, files: ThreadFiles
) -> None:
    server.script(answer(b"GIF89a but not really"))
    with pytest.raises(errors.ToolError, match="cannot be shown"):
        make_tool(remote, files).run({"prompt": "fox"})
    assert files.list(THREAD) == []


def test_provider_errors_keep_their_type_and_say_what_failed(
    server: OpenAIServer, remote: RemoteImages, files: ThreadFiles
) -> None:
    server.script(error_answer(401, "bad key"), error_answer(404, "no such model"))
    tool = make_tool(remote, files)

    with pytest.raises(errors.ProviderAuthError) as auth:
        tool.run({"prompt": "fox"})
    with pytest.raises(errors.ModelNotFoundError) as missing:
        tool.run({"prompt": "fox"})

    assert str(auth.value).startswith("The image could not be generated: API key rejected")
    assert auth.value.code == "provider_auth"
    assert "image model 'dall-e-3'" in str(missing.value)


@dataclass(frozen=True)
class Made:
    data: bytes
    revised_prompt: str | None = None


class Scripted:
    """A generator that returns what it was given, for what the server cannot easily send."""

    sizes = ("1024x1024",)
    qualities: tuple[str, ...] = ()

    def __init__(self, *images: Made) -> None:
        self.images = images
        self.calls: list[str] = []

    def generate(self, prompt: str, *, size: str, quality: str, count: int = 1) -> Sequence[Made]:
        self.calls.append(prompt)
        return self.images


def test_a_generator_with_no_image_is_an_error(files: ThreadFiles) -> None:
    with pytest.raises(errors.ToolError, match="without an image"):
        make_tool(Scripted(), files).run({"prompt": "fox"})


def test_every_image_is_checked_before_any_is_saved(files: ThreadFiles) -> None:
    generator = Scripted(Made(png()), Made(b"broken"))
    with pytest.raises(errors.ToolError, match="not a PNG, JPEG or WebP"):
        make_tool(generator, files).run({"prompt": "fox"})
    assert files.list(THREAD) == []


def test_several_images_are_all_kept(files: ThreadFiles) -> None:
    generator = Scripted(Made(png()), Made(png(8, 8), "two"))
    result = make_tool(generator, files).run({"prompt": "x"})
    assert len(result.images) == 2
    assert "2 images were generated" in result.output
    assert result.record["image_generation"]["revised_prompt"] == "two"


def test_a_cancelled_run_asks_for_nothing(files: ThreadFiles) -> None:
    generator = Scripted(Made(png()))
    with pytest.raises(errors.CancelledError):
        make_tool(generator, files, cancelled=True).run({"prompt": "fox"})
    assert generator.calls == []
