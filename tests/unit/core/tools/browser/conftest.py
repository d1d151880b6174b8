"""Fixtures for the browsing tests: the local web, a browser with short limits, secrets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.secrets import Secrets
from desktop.core.settings import SettingsFile
from desktop.core.tools.browser import Browser, BrowserLimits
from tests.helpers import web_server
from tests.helpers.shared_data import SHARED_DATA
from tests.helpers.web_server import WebServer

# Short enough that the failure tests are quick, large enough for the biggest sample page.
TEST_LIMITS = BrowserLimits(
    connect_timeout_s=1.0,
    total_timeout_s=1.5,
    max_bytes=1024 * 1024,
    max_redirects=5,
    page_chars=12_000,
    cache_pages=8,
    cache_ttl_s=600.0,
)
HTML_PAGES = SHARED_DATA / "office" / "html"


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass(frozen=True)
class Sample:
    """A page to serve, and what its reading must (and must not) contain."""

    name: str
    body: bytes
    title: str  # contained in the title read
    present: tuple[str, ...]  # phrases in the text read (whitespace-normalised)
    absent: tuple[str, ...] = ()  # boilerplate that must be gone


def generated_samples() -> list[Sample]:
    return [
        Sample(
            "article",
            web_server.article_page().encode(),
            web_server.ARTICLE_TITLE,
            (web_server.ARTICLE_SENTENCE, "- Painting the lantern room", "[the trust]("),
            web_server.BOILERPLATE,
        ),
        Sample(
            "chinese-utf8",
            web_server.chinese_page('<meta charset="utf-8">').encode(),
            web_server.ZH_TITLE,
            (web_server.ZH_SENTENCE,),
            web_server.BOILERPLATE,
        ),
        Sample(
            "table",
            web_server.table_page().encode(),
            "Friday Facts",
            (f"| {web_server.TABLE_CELL} | Oxyd | review |",),
            web_server.BOILERPLATE,
        ),
    ]


# name -> (title, present, absent), for the readability test pages in ../shared/data.
SHARED_EXPECTATIONS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "bbc-1": (
        "Obama admits US gun laws are his 'biggest frustration'",
        ("President Barack Obama has admitted that his failure to pass",),
        ("Accessibility Help", "Copyright © 2015 BBC."),
    ),
    "gmw": (
        "宇航员在太空中喝酒会怎么样",
        ("翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域",),
        ("光明日报社概况", "网站地图"),
    ),
    "google-sre-book-1": (
        "Site Reliability Engineering",
        ("Collecting, processing, aggregating, and displaying real-time quantitative data",),
        ("CC BY-NC-ND 4.0",),
    ),
    "hukumusume": ("欲張りなイヌ", ("肉をくわえたイヌが、橋を渡っていました。",), ()),
    "ietf-1": (
        "remoteStorage",
        ("This draft describes a protocol by which client-side applications",),
        (),
    ),
    "keep-tabular-data": (
        "Friday Facts #282",
        ("This week was the time to close and finish all the things", "| Load map |"),
        ("Terms of Service",),
    ),
    "lwn-1": (
        "LWN.net Weekly Edition for March 26, 2015",
        ("The Arduino project grew out of 2005-era",),
        ("Subscribe to LWN", "Create an account"),
    ),
}


def sample_params() -> list[object]:
    """Every generated sample, and each shared page (skipped when ../shared/data is absent)."""
    params: list[object] = [pytest.param(s, id=s.name) for s in generated_samples()]
    for name, (title, present, absent) in SHARED_EXPECTATIONS.items():
        source = HTML_PAGES / name / "source.html"
        if source.exists():
            sample = Sample(name, source.read_bytes(), title, present, absent)
            params.append(pytest.param(sample, id=f"shared-{name}"))
        else:
            params.append(
                pytest.param(
                    None, id=f"shared-{name}", marks=pytest.mark.skip(reason="no ../shared/data")
                )
            )
    return params


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def browser(clock: FakeClock) -> Iterator[Browser]:
    with Browser(TEST_LIMITS, clock=clock) as made:
        yield made


@pytest.fixture
def secrets(tmp_path: Path) -> Secrets:
    return Secrets(SettingsFile(tmp_path / "settings.json"))
