"""A fast reader for the header of a GGUF file: metadata and tensor shapes, no weights.

The `gguf` package's reader materialises every array (a 150k-token vocabulary takes
seconds); listing models needs only scalars and tensor shapes, so this reader skips
arrays it does not need. Value types and quantization sizes come from `gguf`'s constants.
"""

from __future__ import annotations

import functools
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType


@functools.cache
def gguf_module() -> ModuleType:
    """The `gguf` package, imported on first use.

    With numpy it would add over 100 ms to the app's start, which reads no model file.
    """
    import gguf  # noqa: PLC0415

    return gguf


@functools.cache
def _scalars() -> dict[int, str]:
    """Struct formats of the scalar value types."""
    kind = gguf_module().GGUFValueType
    return {
        kind.UINT8: "<B",
        kind.INT8: "<b",
        kind.UINT16: "<H",
        kind.INT16: "<h",
        kind.UINT32: "<I",
        kind.INT32: "<i",
        kind.FLOAT32: "<f",
        kind.BOOL: "<?",
        kind.UINT64: "<Q",
        kind.INT64: "<q",
        kind.FLOAT64: "<d",
    }


# Sanity limits: a header claiming more than this is damaged, not big.
_MAX_COUNT = 1 << 32
_MAX_DIMS = 8


class HeaderError(ValueError):
    """The bytes do not form a GGUF header (damaged or truncated file)."""


@dataclass(frozen=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]
    type: int
    offset: int

    @property
    def n_elements(self) -> int:
        count = 1
        for dim in self.shape:
            count *= dim
        return count

    def n_bytes(self) -> int:
        try:
            gguf = gguf_module()
            block, size = gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType(self.type)]
        except (ValueError, KeyError):
            raise HeaderError(f"tensor {self.name} has unknown type {self.type}") from None
        return self.n_elements // int(block) * int(size)


@dataclass(frozen=True)
class GgufHeader:
    version: int
    fields: dict[str, Any]
    tensors: list[TensorInfo]
    data_start: int


class _Cursor:
    def __init__(self, buffer: mmap.mmap | bytes) -> None:
        self.buffer = buffer
        self.at = 0

    def unpack(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        if self.at + size > len(self.buffer):
            raise HeaderError("the file ends inside its header")
        (value,) = struct.unpack_from(fmt, self.buffer, self.at)
        self.at += size
        return value

    def count(self) -> int:
        value = int(self.unpack("<Q"))
        if value > _MAX_COUNT:
            raise HeaderError(f"implausible count {value}")
        return value

    def string(self) -> str:
        length = self.count()
        end = self.at + length
        if end > len(self.buffer):
            raise HeaderError("the file ends inside a string")
        raw = bytes(self.buffer[self.at : end])
        self.at = end
        return raw.decode("utf-8", errors="replace")

    def skip_string(self) -> None:
        length = self.count()  # read first: `self.at += self.count()` would lose the 8 bytes
        self.at += length
        if self.at > len(self.buffer):
            raise HeaderError("the file ends inside a string")

    def value(self, kind: int, keep_arrays: bool) -> Any:
        kinds = gguf_module().GGUFValueType
        try:
            value_type = kinds(kind)
        except ValueError:
            raise HeaderError(f"unknown value type {kind}") from None
        if value_type == kinds.STRING:
            return self.string()
        if value_type == kinds.ARRAY:
            item = int(self.unpack("<I"))
            count = self.count()
            if keep_arrays:
                return [self.value(item, keep_arrays) for _ in range(count)]
            self._skip_array(item, count)
            return None
        return self.unpack(_scalars()[value_type])

    def _skip_array(self, item: int, count: int) -> None:
        kinds = gguf_module().GGUFValueType
        if item == kinds.STRING:
            for _ in range(count):
                self.skip_string()
        elif item == kinds.ARRAY:
            for _ in range(count):
                self.value(item, keep_arrays=False)
        else:
            try:
                self.at += struct.calcsize(_scalars()[kinds(item)]) * count
            except (ValueError, KeyError):
                raise HeaderError(f"unknown array item type {item}") from None
            if self.at > len(self.buffer):
                raise HeaderError("the file ends inside an array")


def read_header(path: Path, keep_arrays: frozenset[str] = frozenset()) -> GgufHeader:
    """Parse `path`'s header; arrays are kept only for the keys in `keep_arrays`.

    Raises:
        HeaderError: the header is damaged or cut short.
        OSError: the file cannot be read.
    """
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        cursor = _Cursor(data)
        if cursor.unpack("<4s") != b"GGUF":
            raise HeaderError("no GGUF magic")
        version = int(cursor.unpack("<I"))
        if version not in (2, 3):
            raise HeaderError(f"GGUF version {version} is not supported")
        n_tensors, n_fields = cursor.count(), cursor.count()
        fields: dict[str, Any] = {}
        for _ in range(n_fields):
            key = cursor.string()
            fields[key] = cursor.value(int(cursor.unpack("<I")), key in keep_arrays)
        tensors = []
        for _ in range(n_tensors):
            name = cursor.string()
            dims = int(cursor.unpack("<I"))
            if dims > _MAX_DIMS:
                raise HeaderError(f"tensor {name} claims {dims} dimensions")
            shape = tuple(int(cursor.unpack("<Q")) for _ in range(dims))
            tensor_type, offset = int(cursor.unpack("<I")), int(cursor.unpack("<Q"))
            tensors.append(TensorInfo(name, shape, tensor_type, offset))
        alignment = int(fields.get("general.alignment") or 32)
        data_start = -(-cursor.at // alignment) * alignment
    return GgufHeader(version, fields, tensors, data_start)
