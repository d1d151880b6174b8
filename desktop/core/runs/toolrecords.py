"""What built-in tools record on their calls, typed: HTTP exchanges, code, web pages, images.

The base `Record` of every typed part of a run step lives here too: a part writes back the
fields it was given or read with, so the stored JSON round-trips unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """A part of a step: the fields it was given or read with are the ones it writes back."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, validate_assignment=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, by_alias=True)


class HttpExchange(Record):
    """An action's HTTP request and response, summarised (secrets already masked)."""

    method: str
    url: str
    final_url: str | None = None
    redirects: list[str] = Field(default_factory=list)
    status: int | None = None
    duration_ms: float = 0.0
    response_bytes: int | None = None
    content_type: str | None = None


class CodeOutput(Record):
    """One output of code: `logs`, `image`, `files`, `error` or `note`."""

    type: str
    logs: str | None = None
    image: dict[str, Any] | None = None
    files: list[dict[str, Any]] | None = None
    error: dict[str, Any] | None = None
    text: str | None = None


class CodeRun(Record):
    """The code interpreter's record: the code, its outputs in order, and its kernel."""

    input: str = ""
    outputs: list[CodeOutput] = Field(default_factory=list)
    kernel: dict[str, Any] = Field(default_factory=dict)


class WebBrowsing(Record):
    """A fetch or a search: what was asked, what answered, and the sources shown."""

    action: str = ""
    url: str | None = None
    final_url: str | None = None
    query: str | None = None
    title: str | None = None
    status: int | None = None
    sources: list[dict[str, Any]] = Field(default_factory=list)


class ImageGeneration(Record):
    prompt: str = ""
    size: str = ""
    images: list[dict[str, Any]] = Field(default_factory=list)
