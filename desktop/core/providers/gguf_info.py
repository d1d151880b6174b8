"""Read a GGUF file's metadata without loading its weights.

`read_gguf_info` checks that the file is a complete GGUF (magic, header, tensor data
inside the file) and returns the facts the app shows and needs: architecture, context
length, chat template, quantization, parameter count and file size.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.core import errors
from desktop.core.providers.gguf_header import GgufHeader, HeaderError, gguf_module, read_header

GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class GgufInfo:
    """What a GGUF file says about itself."""

    path: str
    file_size: int
    architecture: str
    name: str
    context_length: int | None
    chat_template: str | None
    quantization: str
    parameter_count: int
    embedding: bool
    known_architecture: bool
    block_count: int | None = None  # the repeating layers, which GPU offload counts

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check_magic(path: Path) -> int:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4)
    except FileNotFoundError:
        raise errors.ModelFileError(
            errors.said("Model file not found: {path}", path=path)
        ) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if size == 0:
        raise errors.ModelFileError(
            errors.said("{name} is empty (0 bytes): download it again.", name=path.name)
        )
    if head != GGUF_MAGIC:
        sample = head.decode("latin-1")
        raise errors.ModelFileError(
            errors.said(
                "{name} is not a GGUF model file (it starts with {sample}, not 'GGUF'). "
                "Download the .gguf file itself, not a web page or a link to it.",
                name=path.name,
                sample=repr(sample),
            )
        )
    return size


def _unreadable(path: Path, exc: OSError) -> errors.ModelFileError:
    return errors.ModelFileError(
        errors.said("Cannot read {path}: {reason}", path=path, reason=exc.strerror or exc)
    )


def _quantization(header: GgufHeader) -> str:
    file_type = header.fields.get("general.file_type")
    gguf = gguf_module()
    known = {t.value for t in gguf.LlamaFileType}
    if isinstance(file_type, int) and file_type in known:
        name = str(gguf.LlamaFileType(file_type).name)
        return name.removeprefix("MOSTLY_").removeprefix("ALL_")
    counts: dict[str, int] = {}
    for tensor in header.tensors:
        if len(tensor.shape) > 1:
            try:
                name = gguf.GGMLQuantizationType(tensor.type).name
            except ValueError:
                name = f"type {tensor.type}"
            counts[name] = counts.get(name, 0) + tensor.n_elements
    return max(counts, key=lambda k: counts[k]) if counts else "unknown"


def read_gguf_info(path: Path) -> GgufInfo:
    """Read and check `path`; raises `errors.ModelFileError` for anything unusable."""
    size = _check_magic(path)
    try:
        header = read_header(path)
        for tensor in header.tensors:
            if header.data_start + tensor.offset + tensor.n_bytes() > size:
                raise errors.ModelFileError(
                    errors.said(
                        "{name} is truncated: tensor {tensor} ends past the end of the file "
                        "({size} bytes). The download probably stopped early; download it again.",
                        name=path.name,
                        tensor=tensor.name,
                        size=f"{size:,}",
                    )
                )
    except HeaderError as exc:
        raise errors.ModelFileError(
            errors.said(
                "{name} is damaged or truncated ({reason}). Download it again; if it came from "
                "a converter, convert it again.",
                name=path.name,
                reason=exc,
            )
        ) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    fields = header.fields
    architecture = str(fields.get("general.architecture") or "")
    if not architecture:
        raise errors.ModelFileError(
            errors.said(
                "{name} has no general.architecture in its metadata; "
                "it is not a model llama.cpp can run.",
                name=path.name,
            )
        )
    if not header.tensors:
        raise errors.ModelFileError(
            errors.said(
                "{name} holds no weights (a vocabulary-only file): it cannot answer. "
                "Use the full model file.",
                name=path.name,
            )
        )
    context = fields.get(f"{architecture}.context_length")
    blocks = fields.get(f"{architecture}.block_count")
    template = fields.get("tokenizer.chat_template")
    return GgufInfo(
        path=str(path),
        file_size=size,
        architecture=architecture,
        name=str(fields.get("general.name") or path.stem),
        context_length=int(context) if isinstance(context, int) else None,
        chat_template=str(template) if template else None,
        quantization=_quantization(header),
        parameter_count=sum(t.n_elements for t in header.tensors),
        embedding=f"{architecture}.pooling_type" in fields
        or architecture in ("bert", "nomic-bert", "jina-bert-v2", "t5encoder"),
        known_architecture=architecture in set(gguf_module().MODEL_ARCH_NAMES.values()),
        block_count=int(blocks) if isinstance(blocks, int) else None,
    )
