"""What a capsule holds: its member names, the JSON documents it carries, and its limits.

A capsule is a zip. Outside, readable without a password:

- `capsule.json`: the descriptor (format version, app versions, encryption parameters);
- `header.json` and `icon/<sha256>`: the public header, where the exporter allows it;
- `signature.json`: an ed25519 signature over every other member's name and hash;
- either the payload's members themselves, or `payload.enc`: the payload, a zip of them,
  encrypted with AES-256-GCM.

The payload: `manifest.json` (the GPT definition in its stored form, and every file's size
and sha256), `knowledge/<sha256>` (the originals), `actions/<sha256>` (the OpenAPI
documents), `avatar/<sha256>` and, optionally, `index/chunks.arrow` (the built table).

Pure data; used from any thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from desktop import __version__
from desktop.core import gpt

FORMAT: Literal["capsule-studio"] = "capsule-studio"
FORMAT_VERSION = 1
# The first app version that reads FORMAT_VERSION; a newer format names its own.
REQUIRES_APP = "0.1.0"
APP_VERSION = __version__
SUFFIX = ".capsule"

DESCRIPTOR = "capsule.json"
HEADER = "header.json"
SIGNATURE = "signature.json"
PAYLOAD = "payload.enc"
MANIFEST = "manifest.json"
INDEX = "index/chunks.arrow"

SHA256 = r"[0-9a-f]{64}"
_PAYLOAD_FILE = re.compile(rf"^((knowledge|actions|avatar)/{SHA256}|index/chunks\.arrow)$")
_ICON = re.compile(rf"^icon/{SHA256}$")
Role = Literal["knowledge", "action", "avatar", "index"]


def is_payload_file(name: str) -> bool:
    """Whether `name` is a member the payload may hold besides its manifest."""
    return bool(_PAYLOAD_FILE.match(name))


def is_outer_name(name: str, encrypted: bool) -> bool:
    """Whether `name` may sit in the outer zip of a capsule (encrypted or not)."""
    if name in (DESCRIPTOR, HEADER, SIGNATURE) or _ICON.match(name):
        return True
    if encrypted:
        return name == PAYLOAD
    return name == MANIFEST or is_payload_file(name)


def is_inner_name(name: str) -> bool:
    """Whether `name` may sit in an encrypted payload's zip."""
    return name == MANIFEST or is_payload_file(name)


@dataclass(frozen=True)
class Limits:
    """What an import accepts; past any of these the capsule is refused before writing.

    `max_ratio` applies to members larger than `ratio_floor` bytes, where a zip bomb's
    compression gives it away; small members compress as they like.
    """

    max_members: int = 5_000
    max_total_bytes: int = 8 * 1024**3
    max_member_bytes: int = 4 * 1024**3
    max_ratio: float = 100.0
    ratio_floor: int = 1024**2
    max_manifest_bytes: int = 16 * 1024**2
    max_small_bytes: int = 1024**2  # descriptor, header, signature


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Encryption(_Strict):
    """How the payload is encrypted; everything but the password."""

    cipher: Literal["aes-256-gcm"] = "aes-256-gcm"
    kdf: Literal["scrypt"] = "scrypt"
    salt: str = Field(min_length=16, max_length=128)  # base64
    n: int
    r: int
    p: int
    nonce: str = Field(min_length=16, max_length=16)  # base64 of 12 bytes
    check: str = Field(min_length=44, max_length=44)  # base64 of 32 bytes


class Descriptor(_Strict):
    """`capsule.json`: read first, before anything else is trusted."""

    format: Literal["capsule-studio"]
    format_version: int
    requires_app: str = Field(max_length=40)
    app_version: str = Field(max_length=40)
    created_at: float
    encryption: Encryption | None = None
    header: Literal["public", "private"] = "public"


class FileRef(_Strict):
    """A member of the capsule: where it is, its size and its sha256."""

    path: str = Field(max_length=200)
    size: Annotated[int, Field(ge=0)]
    sha256: str = Field(pattern=rf"^{SHA256}$")


class Header(_Strict):
    """What anyone may read before importing: who made it and what it is."""

    name: str = Field(min_length=1, max_length=gpt.MAX_NAME)
    description: str = Field(default="", max_length=gpt.MAX_DESCRIPTION)
    author: str = Field(default="", max_length=200)
    author_url: str = Field(default="", max_length=2048)
    icon: str = Field(default="", max_length=64)  # an emoji or a short text
    icon_file: FileRef | None = None
    starters: list[Annotated[str, Field(max_length=gpt.MAX_STARTER_LEN)]] = Field(
        default_factory=list, max_length=gpt.MAX_STARTERS
    )

    @field_validator("author_url")
    @classmethod
    def _web_link(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("the author link must start with https:// or http://")
        return value

    @field_validator("icon_file")
    @classmethod
    def _icon_member(cls, value: FileRef | None) -> FileRef | None:
        if value is not None and not _ICON.match(value.path):
            raise ValueError("the icon must be a member icon/<sha256>")
        return value


class FileEntry(FileRef):
    """A payload file in the manifest, with what it is for."""

    role: Role


class KnowledgeEntry(_Strict):
    """A knowledge file: its name and what indexing it gave on the exporter's machine."""

    file_id: str = Field(pattern=r"^[A-Za-z0-9_]{1,64}$")
    name: str = Field(min_length=1, max_length=255)
    sha256: str = Field(pattern=rf"^{SHA256}$")
    size: Annotated[int, Field(ge=0)]
    pages: Annotated[int, Field(ge=0)] = 0
    chunks: Annotated[int, Field(ge=0)] = 0
    warnings: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=1000
    )

    @field_validator("name")
    @classmethod
    def _plain_name(cls, value: str) -> str:
        if value in (".", "..") or any(c in value for c in "/\\\x00") or value != value.strip():
            raise ValueError("a knowledge file's name must be a plain file name")
        if len(value.encode("utf-8")) > 255:  # what file systems take as one name
            raise ValueError("a knowledge file's name must fit in 255 bytes")
        return value


class Embedding(_Strict):
    """The model the index's vectors came from, and its vector of a probe text.

    An importer embeds the probe with its own model of that name: a different vector
    means a different model, and the table is indexed again.
    """

    model: str = Field(min_length=1, max_length=4096)
    dimensions: Annotated[int, Field(ge=1, le=65_536)]
    probe: str = Field(min_length=1, max_length=200)
    vector: list[float] = Field(max_length=65_536)


class IndexEntry(_Strict):
    path: Literal["index/chunks.arrow"] = "index/chunks.arrow"
    rows: Annotated[int, Field(ge=0)]
    embedding: Embedding | None = None


class ProviderEntry(_Strict):
    """A provider profile the GPT uses: everything but its key, so it can be set up."""

    name: str = Field(max_length=40)
    preset: str = Field(default="custom", max_length=40)
    base_url: str = Field(max_length=2048)
    api_version: str | None = Field(default=None, max_length=64)
    context_size: int | None = None
    needs_key: bool = False


class GptEntry(_Strict):
    # An id names a LanceDB table too: the same characters as the index allows.
    id: str = Field(pattern=r"^gpt_[A-Za-z0-9]{1,60}$")
    version: Annotated[int, Field(ge=1)]
    definition: dict[str, Any]  # the stored form: see desktop.core.actiondocs


class Manifest(_Strict):
    """`manifest.json`: the GPT and every payload file, checked before anything is written."""

    format_version: int
    app_version: str = Field(max_length=40)
    created_at: float
    gpt: GptEntry
    header: Header
    files: list[FileEntry] = Field(max_length=100_000)
    knowledge: list[KnowledgeEntry] = Field(default_factory=list, max_length=100_000)
    index: IndexEntry | None = None
    providers: list[ProviderEntry] = Field(default_factory=list, max_length=16)
    avatar: FileRef | None = None


class Signature(_Strict):
    """`signature.json`: who signed, and the hash of every other member they signed."""

    algorithm: Literal["ed25519"] = "ed25519"
    signer: str = Field(default="", max_length=200)
    public_key: str = Field(min_length=44, max_length=44)  # base64 of 32 bytes
    members: dict[str, Annotated[str, Field(pattern=rf"^{SHA256}$")]]
    signature: str = Field(min_length=88, max_length=88)  # base64 of 64 bytes
