"""Shared by the capsule tests: separate data folders, GPTs with knowledge and actions."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.gpt import validate_definition
from desktop.core.paths import Paths
from desktop.core.services import Services

HANDBOOK = {
    "cats.txt": "Cats sleep sixteen hours a day.\n\nThey hunt at dusk and dawn.",
    "dogs.md": "# Dogs\n\nDogs sleep about twelve hours.\n\n## Walks\n\nTwo walks a day.",
    "熊猫.txt": "大熊猫每天吃十二个小时的竹子。\n\n它们生活在四川的山里。",
}


def paths_at(root: Path) -> Paths:
    """A data folder of its own under `root` (another user's machine, in effect)."""
    return Paths(
        data=root / "data", config=root / "config", cache=root / "cache", logs=root / "logs"
    ).ensure()


@contextmanager
def machine(root: Path) -> Iterator[Services]:
    services = Services(paths_at(root))
    try:
        yield services
    finally:
        services.close()


def pets_document(server: str = "https://api.pets.example") -> str:
    """A small OpenAPI 3.0 document with an API-key scheme."""
    return json.dumps(
        {
            "openapi": "3.0.0",
            "info": {"title": "Pets", "version": "1"},
            "servers": [{"url": server}],
            "components": {
                "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}
            },
            "security": [{"key": []}],
            "paths": {
                "/pets": {
                    "get": {
                        "operationId": "listPets",
                        "summary": "List pets",
                        "responses": {"200": {"description": "ok"}},
                    }
                }
            },
        }
    )


def gpt_with_knowledge(
    services: Services, folder: Path, files: dict[str, str] | None = None, **fields: Any
) -> str:
    """A GPT with the given files (HANDBOOK by default) added to its knowledge; its id."""
    fields.setdefault("name", "Pet handbook")
    gpt = services.store.gpts.create(validate_definition(fields))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (HANDBOOK if files is None else files).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    if paths:
        statuses = [p.status for p in services.knowledge.add(gpt.id, paths)]
        assert statuses.count("ok") == len(paths), statuses
    return gpt.id


def with_action(services: Services, gpt_id: str, auth_type: str = "api_key") -> None:
    """Give the GPT the Pets action, with its key named (not stored) for `auth_type`."""
    gpt = services.store.gpts.get(gpt_id)
    auth: dict[str, Any] = {"type": auth_type, "secret_name": f"action:{gpt_id}:pets"}
    if auth_type == "api_key":
        auth.update(location="header", parameter_name="X-Key")
    action = {"id": "pets", "name": "Pets", "document": pets_document(), "auth": auth}
    data = gpt.definition.model_dump(mode="json")
    data["actions"] = [action]
    services.store.gpts.save(gpt_id, validate_definition(data), note="action")


def chunks(services: Services, gpt_id: str, query: str) -> list[tuple[str, str, Any, float]]:
    """What retrieval finds, by file name (ids differ between machines)."""
    return [
        (r["file"], r["text"], r["page"], round(r["score"], 6))
        for r in services.knowledge.search(gpt_id, query)
    ]


def data_files(paths: Paths) -> set[str]:
    """Every file under the data folder but the database's own (which changes on reads)."""
    return {
        str(p.relative_to(paths.data))
        for p in paths.data.rglob("*")
        if p.is_file() and not p.name.startswith("capsule.db")
    }


def exported(
    services: Services, folder: Path, options: Any = None, **fields: Any
) -> tuple[str, Path]:
    """A GPT with the HANDBOOK knowledge, exported to `folder/pets.capsule`: (id, file)."""
    gpt_id = gpt_with_knowledge(services, folder / "files", **fields)
    capsule = folder / "pets.capsule"
    services.capsules.export(gpt_id, capsule, options)
    return gpt_id, capsule


def png(width: int = 2) -> bytes:
    """A tiny valid PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(width))
    header = struct.pack(">IIBBBBB", width, width, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
