"""RemoteImages against a scripted server: request shapes, retries, downloads, hostile answers."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PIL import Image

from desktop.core import errors
from desktop.core.providers.factory import ProviderFactory
from desktop.core.providers.local import LocalModels
from desktop.core.providers.openai_compat import RemoteImages, endpoint_for
from desktop.core.providers.openai_compat.images import (
    MAX_RETRIES,
    MIN_TIMEOUT_S,
    family_of,
    quality_for,
)
from tests.helpers.openai_server import Answer, OpenAIServer, error_answer

SECRET = "sk-test-0123456789abcdef"
PATH = "/v1/images/generations"

MakeImages = Callable[..., RemoteImages]


def png(width: int = 8, height: int = 6) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def images_answer(*items: dict[str, Any]) -> Answer:
    return Answer(body={"created": 1, "data": list(items)})


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture
def make_images(server: OpenAIServer) -> Iterator[MakeImages]:
    made: list[RemoteImages] = []

    def make(model: str = "dall-e-3", **options: Any) -> RemoteImages:
        settings = {"max_retries": 0, "timeout": 5.0}
        endpoint = endpoint_for("openai", "openai", server.url, SECRET, **settings)
        options.setdefault("timeout", 5.0)
        made.append(RemoteImages(endpoint, model, **options))
        return made[-1]

    yield make
    for images in made:
        images.close()


def test_b64_json_answer_and_the_request_it_answers(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    image = png()
    server.script(images_answer({"b64_json": b64(image), "revised_prompt": "  A red fox.  "}))

    made = make_images("dall-e-3").generate("a fox", size="1024x1792", quality="hd")

    assert [(m.data, m.revised_prompt) for m in made] == [(image, "A red fox.")]
    request = server.requests[0]
    assert (request.method, request.path) == ("POST", PATH)
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert request.body == {
        "model": "dall-e-3",
        "prompt": "a fox",
        "n": 1,
        "size": "1024x1792",
        "quality": "hd",
        "response_format": "b64_json",
    }


def test_gpt_image_models_get_no_response_format_and_auto_size_is_left_out(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(images_answer({"b64_json": b64(png())}))

    made = make_images("gpt-image-1").generate("a fox", size="auto", quality="standard")

    assert made[0].revised_prompt is None
    assert server.requests[0].body == {
        "model": "gpt-image-1",
        "prompt": "a fox",
        "n": 1,
        "quality": "medium",
    }


def test_a_link_instead_of_data_is_downloaded_without_the_key(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    image = png(16, 16)
    link = f"http://127.0.0.1:{server.port}/files/fox.png"
    server.script(images_answer({"url": link}), Answer(raw=image))

    made = make_images("sd-turbo").generate("a fox", size="512x512", quality="standard")

    assert made[0].data == image
    download = server.requests[1]
    assert (download.method, download.path) == ("GET", "/files/fox.png")
    assert "authorization" not in download.headers


def test_a_relative_link_is_resolved_against_the_base_url(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    image = png()
    server.script(images_answer({"url": "generated/fox.png"}), Answer(raw=image))

    assert make_images("sd").generate("fox", size="512x512", quality="auto")[0].data == image
    assert server.requests[1].path == "/v1/generated/fox.png"


def test_data_urls_are_decoded_in_either_field(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    image = png()
    data_url = f"data:image/png;base64,{b64(image)}"
    server.script(images_answer({"url": data_url}, {"b64_json": data_url}))

    made = make_images("sd").generate("fox", size="512x512", quality="auto", count=2)

    assert [m.data for m in made] == [image, image]
    assert len(server.requests) == 1
    assert server.requests[0].body["n"] == 2


def test_dall_e_3_makes_one_image_per_request(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(*(images_answer({"b64_json": b64(png())}) for _ in range(3)))

    made = make_images("dall-e-3").generate("fox", size="1024x1024", quality="hd", count=3)

    assert len(made) == 3
    assert [r.body["n"] for r in server.requests] == [1, 1, 1]


def test_extra_images_beyond_the_count_are_dropped(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(images_answer({"b64_json": b64(png())}, {"b64_json": "not even base64"}))

    assert len(make_images("sd").generate("fox", size="512x512", quality="auto")) == 1


@pytest.mark.parametrize(
    "status,error",
    [
        (400, {"message": "Unknown parameter: 'response_format'.", "param": "response_format"}),
        (422, {"message": "body -> response_format: extra fields not permitted"}),
    ],
)
def test_a_refused_response_format_is_retried_once_without_it(
    server: OpenAIServer, make_images: MakeImages, status: int, error: dict[str, Any]
) -> None:
    image = png()
    server.script(
        Answer(status=status, body={"error": error}), images_answer({"b64_json": b64(image)})
    )

    made = make_images("my-azure-deployment").generate("fox", size="1024x1024", quality="hd")

    assert made[0].data == image
    first, second = (r.body for r in server.requests)
    assert first["response_format"] == "b64_json"
    assert "response_format" not in second
    assert second["quality"] == "hd"  # only what the server named is dropped


def test_a_refused_quality_is_dropped_too(server: OpenAIServer, make_images: MakeImages) -> None:
    refusal = error_answer(400, "Invalid value: 'standard'. Supported values for quality are ...")
    server.script(refusal, images_answer({"b64_json": b64(png())}))

    make_images("deployment").generate("fox", size="1024x1024", quality="standard")

    assert "quality" not in server.requests[1].body
    assert server.requests[1].body["response_format"] == "b64_json"


def test_the_retry_happens_only_once(server: OpenAIServer, make_images: MakeImages) -> None:
    server.script(
        error_answer(400, "response_format is not supported"),
        error_answer(400, "response_format is still not supported"),
    )
    with pytest.raises(errors.ProviderResponseError, match="still not supported"):
        make_images("sd").generate("fox", size="512x512", quality="auto")
    assert len(server.requests) == 2


def test_another_bad_request_is_not_retried(server: OpenAIServer, make_images: MakeImages) -> None:
    server.script(error_answer(400, "size must be a multiple of 64"))
    with pytest.raises(errors.ProviderResponseError, match="multiple of 64"):
        make_images("sd").generate("fox", size="500x500", quality="auto")
    assert len(server.requests) == 1


@pytest.mark.parametrize("code", ["content_policy_violation", "moderation_blocked"])
def test_a_content_policy_refusal_says_to_rephrase(
    server: OpenAIServer, make_images: MakeImages, code: str
) -> None:
    body = {"error": {"message": "Your request was rejected.", "type": "x", "code": code}}
    server.script(Answer(status=400, body=body))

    with pytest.raises(errors.ProviderResponseError) as caught:
        make_images("dall-e-3").generate("fox", size="1024x1024", quality="hd")

    message = str(caught.value)
    assert "refused the prompt" in message
    assert "rephrase" in message
    assert "Your request was rejected." in message
    assert len(server.requests) == 1


def test_a_rejected_key_is_an_auth_error_without_the_key(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(error_answer(401, f"Incorrect API key provided: {SECRET}"))
    with pytest.raises(errors.ProviderAuthError) as caught:
        make_images().generate("fox", size="1024x1024", quality="hd")
    assert SECRET not in str(caught.value)
    assert caught.value.action == errors.UserAction("set_provider_key", {"profile": "openai"})


def test_no_images_endpoint_names_the_image_model(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(error_answer(404, "Not Found"))
    with pytest.raises(errors.ModelNotFoundError, match="no image model 'flux-dev'"):
        make_images("flux-dev").generate("fox", size="1024x1024", quality="auto")


@pytest.mark.parametrize(
    "answer,reason",
    [
        (Answer(raw=b'{"data": [', headers={"Content-Type": "application/json"}), "valid JSON"),
        (Answer(raw=b"<html>hello</html>"), "not JSON"),
        (Answer(body={"data": []}), "without any image"),
        (Answer(body={"error": {"message": "GPU out of memory"}}), "GPU out of memory"),
        (Answer(body={"data": "x"}), "'data' is not a list"),
        (images_answer({}), "neither image data nor a link"),
        (images_answer({"b64_json": 5, "url": ["x"]}), "neither image data nor a link"),
        (images_answer({"b64_json": "@@not base64@@"}), "not valid base64"),
        (images_answer({"b64_json": "data:image/png,abc"}), "not valid base64"),
        (images_answer({"url": "data:image/png,rawbytes"}), "without base64"),
        (images_answer({"url": "file:///etc/passwd"}), "not an http or https address"),
        (images_answer({"url": "ftp://127.0.0.1/x.png"}), "not an http or https address"),
        (images_answer({"url": "data:image/png;base64,"}), "is empty"),
    ],
)
def test_unusable_answers_are_response_errors(
    server: OpenAIServer, make_images: MakeImages, answer: Answer, reason: str
) -> None:
    server.script(answer)
    with pytest.raises(errors.ProviderResponseError, match=reason):
        make_images("sd").generate("fox", size="512x512", quality="auto")


def test_base64_beyond_the_size_cap_is_refused(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(images_answer({"b64_json": b64(bytes(5000))}))
    with pytest.raises(errors.ProviderResponseError, match="larger than"):
        make_images("sd", max_image_bytes=4096).generate("fox", size="512x512", quality="auto")


def test_a_download_beyond_the_size_cap_is_refused(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    link = f"http://127.0.0.1:{server.port}/files/huge.png"
    server.script(images_answer({"url": link}), Answer(raw=bytes(5000)))
    with pytest.raises(errors.ProviderResponseError, match="larger than"):
        make_images("sd", max_image_bytes=4096).generate("fox", size="512x512", quality="auto")


def test_a_failed_download_says_so(server: OpenAIServer, make_images: MakeImages) -> None:
    link = f"http://127.0.0.1:{server.port}/files/gone.png?sig=SECRETSIG"
    server.script(images_answer({"url": link}), error_answer(403, "expired"))
    with pytest.raises(errors.ProviderResponseError, match="answered 403") as caught:
        make_images("sd").generate("fox", size="512x512", quality="auto")
    assert "SECRETSIG" not in str(caught.value)


def test_an_unreachable_download_is_unreachable(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    with OpenAIServer() as gone:
        link = f"http://127.0.0.1:{gone.port}/x.png"
    server.script(images_answer({"url": link}))
    with pytest.raises(errors.ProviderUnreachableError, match="cannot download"):
        make_images("sd").generate("fox", size="512x512", quality="auto")


def test_a_slow_generation_times_out(server: OpenAIServer, make_images: MakeImages) -> None:
    server.script(Answer(body={"data": []}, delay=5))
    with pytest.raises(errors.ProviderTimeoutError, match=r"within 0\.3 s"):
        make_images("sd", timeout=0.3).generate("fox", size="512x512", quality="auto")


def test_a_slow_download_times_out(server: OpenAIServer, make_images: MakeImages) -> None:
    link = f"http://127.0.0.1:{server.port}/files/slow.png"
    server.script(images_answer({"url": link}), Answer(raw=png(), delay=5))
    with pytest.raises(errors.ProviderTimeoutError, match="did not deliver the image"):
        make_images("sd", timeout=0.3).generate("fox", size="512x512", quality="auto")


def test_bad_requests_are_refused_before_sending(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    images = make_images()
    with pytest.raises(errors.ValidationError, match="prompt"):
        images.generate("  ", size="1024x1024", quality="hd")
    with pytest.raises(errors.ValidationError, match="1 to 10"):
        images.generate("fox", size="1024x1024", quality="hd", count=11)
    assert server.requests == []


def test_images_wait_longer_and_retry_less_than_chat(server: OpenAIServer) -> None:
    endpoint = endpoint_for("p", "custom", server.url, None, timeout=60.0, max_retries=3)
    images = RemoteImages(endpoint, "")
    try:
        assert images.endpoint.timeout == MIN_TIMEOUT_S
        assert images.endpoint.max_retries == MAX_RETRIES
        assert images.name == "p:default"
        server.script(images_answer({"b64_json": b64(png())}))
        images.generate("fox", size="auto", quality="auto")
        assert "model" not in server.requests[0].body  # the server's default model
        assert "authorization" in server.requests[0].headers  # the client's placeholder key
    finally:
        images.close()


@pytest.mark.parametrize(
    "model,family",
    [
        ("gpt-image-1", "gpt-image"),
        ("openai/GPT-Image-1-mini", "gpt-image"),
        ("chatgpt-image-latest", "gpt-image"),
        ("dall-e-3", "dall-e-3"),
        ("dall-e-2", "dall-e-2"),
        ("stable-diffusion-xl", "other"),
        ("", "other"),
    ],
)
def test_model_families(model: str, family: str) -> None:
    assert family_of(model) == family


@pytest.mark.parametrize(
    "family,setting,sent",
    [
        ("gpt-image", "standard", "medium"),
        ("gpt-image", "hd", "high"),
        ("gpt-image", "low", "low"),
        ("gpt-image", "auto", "auto"),
        ("dall-e-3", "standard", "standard"),
        ("dall-e-3", "hd", "hd"),
        ("dall-e-3", "medium", "standard"),
        ("dall-e-3", "high", "hd"),
        ("dall-e-3", "auto", None),
        ("dall-e-2", "hd", None),
        ("other", "standard", "standard"),
        ("other", "auto", None),
    ],
)
def test_quality_mapping(family: Any, setting: str, sent: str | None) -> None:
    assert quality_for(family, setting) == sent


def test_the_factory_shares_its_connections(server: OpenAIServer) -> None:
    endpoint = endpoint_for("sd", "custom", server.url, None, max_retries=0)
    factory = ProviderFactory(LocalModels([]), endpoints=lambda profile: endpoint)
    try:
        server.script(*(images_answer({"b64_json": b64(png())}) for _ in range(2)))
        first = factory.remote_images("sd", "sd-turbo")
        second = factory.remote_images("sd", "sd-turbo")
        assert (first.model, first.endpoint.profile) == ("sd-turbo", "sd")
        first.generate("fox", size="512x512", quality="auto")
        second.generate("fox", size="512x512", quality="auto")
        assert server.requests[0].peer_port == server.requests[1].peer_port
    finally:
        factory.close()


def test_an_image_link_to_a_link_local_address_is_not_downloaded(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    server.script(images_answer({"url": "http://169.254.169.254/latest/meta-data/"}))
    with pytest.raises(errors.ProviderResponseError, match="link-local"):
        make_images("sd-turbo").generate("a fox", size="512x512", quality="standard")
    assert len(server.requests) == 1


def test_an_image_link_redirecting_to_a_link_local_address_is_not_followed(
    server: OpenAIServer, make_images: MakeImages
) -> None:
    link = f"http://127.0.0.1:{server.port}/files/fox.png"
    server.script(
        images_answer({"url": link}),
        Answer(status=302, headers={"Location": "http://169.254.169.254/"}),
    )
    with pytest.raises(errors.ProviderResponseError, match="link-local"):
        make_images("sd-turbo").generate("a fox", size="512x512", quality="standard")
