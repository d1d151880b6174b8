"""The knowledge index on LanceDB: the only module that imports lancedb.

One table per owner: a GPT's knowledge (`gpt_...`) or a thread's attachments
(`thread_...`). Each row is a chunk with its place (file, page, location, offsets), its
segmented search terms (BM25 full-text index) and, when an embedding model is set, its
vector. Rows added after the last index build are still searched (LanceDB scans them),
so a crash between adding rows and rebuilding the index loses nothing.

The terms column's metadata records the segmentation recipe (`segment.TERMS_VERSION`)
that made it. A table made by an older recipe has its terms recomputed from its stored
text when it is first opened, in one atomic commit (a new table version), so existing
knowledge keeps working and gains the new recipe's recall without re-reading any file.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from desktop.core import errors
from desktop.core.knowledge.types import Chunk
from desktop.core.lazy import import_quietly
from desktop.core.segment import TERMS_VERSION, terms

ANN_THRESHOLD = 50_000  # rows before a vector index beats a flat scan
_OWNER = re.compile(r"^[A-Za-z0-9_]{1,80}$")
_RECIPE = b"capsule.terms"  # key of the terms field's metadata: the recipe's version
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk and how one retriever ranked it (rank 1 is best)."""

    id: str
    file_id: str
    chunk_index: int
    text: str
    page: int | None
    location: str
    start: int
    end: int
    score: float
    rank: int
    ocr: bool = False


def _terms_field() -> pa.Field:
    return pa.field("terms", pa.string(), metadata={_RECIPE: str(TERMS_VERSION).encode()})


def _recipe(table: Any) -> int:
    """The segmentation recipe a table's terms were made by; 1 for tables before recipes."""
    metadata = table.schema.field("terms").metadata or {}
    try:
        return int(metadata.get(_RECIPE, b"1"))
    except ValueError:
        return 1


def _schema(dimensions: int | None) -> pa.Schema:
    fields = [
        pa.field("id", pa.string()),
        pa.field("file_id", pa.string()),
        pa.field("chunk_index", pa.int32()),
        pa.field("text", pa.string()),
        _terms_field(),
        pa.field("page", pa.int32()),
        pa.field("location", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("ocr", pa.bool_()),
    ]
    if dimensions:
        fields.append(pa.field("vector", pa.list_(pa.float32(), dimensions)))
    return pa.schema(fields)


def preload() -> None:
    """Import LanceDB now (any thread), so the first index opened does not wait for it."""
    import_quietly("lancedb")


class KnowledgeIndex:
    """The LanceDB folder of one installation. Thread-safe for one writer per table."""

    def __init__(self, folder: Path) -> None:
        # lancedb is imported here, not with the module: it takes over a second, and the
        # window imports this module long before the first search or file needs it.
        lancedb = import_quietly("lancedb")

        folder.mkdir(parents=True, exist_ok=True)
        self._db = lancedb.connect(str(folder))
        self._lock = threading.RLock()  # held across _table, which may upgrade a table
        self._current: set[str] = set()  # tables known to have the current recipe

    @staticmethod
    def _name(owner: str) -> str:
        if not _OWNER.match(owner):
            raise ValueError(f"not a table owner id: {owner!r}")
        return owner

    def _table(self, owner: str) -> Any | None:
        name = self._name(owner)
        table = self._open(name)
        if table is not None and name not in self._current:
            if _recipe(table) < TERMS_VERSION:
                table = self._upgrade(name)
            self._current.add(name)
        return table

    def _open(self, name: str) -> Any | None:
        try:
            return self._db.open_table(name)
        except (FileNotFoundError, ValueError):
            return None

    def _upgrade(self, name: str) -> Any:
        """Recompute an old table's terms with the current recipe, then its index."""
        with self._lock:
            table = self._db.open_table(name)
            if _recipe(table) >= TERMS_VERSION:
                return table  # another thread did it meanwhile
            rows = table.to_arrow()
            _log.warning(
                "Updating the search index of %s (%d chunks) for better Chinese search; "
                "this happens once.",
                name,
                rows.num_rows,
            )
            fresh = pa.array([terms(text) for text in rows.column("text").to_pylist()])
            rows = rows.set_column(rows.schema.get_field_index("terms"), _terms_field(), fresh)
            if "ocr" not in rows.schema.names:  # tables before OCR: no chunk was read by it
                rows = rows.append_column(
                    pa.field("ocr", pa.bool_()), pa.array([False] * rows.num_rows, pa.bool_())
                )
            table = self._db.create_table(name, data=rows, mode="overwrite")
        self._current.add(name)
        self.build(name)
        return self._db.open_table(name)

    def _table_for_write(self, owner: str, dimensions: int | None) -> Any:
        with self._lock:
            table = self._table(owner)
            if table is None:
                table = self._db.create_table(self._name(owner), schema=_schema(dimensions))
            elif dimensions and "vector" not in table.schema.names:
                raise errors.CapsuleError(
                    errors.said(
                        "This knowledge was indexed without embeddings; rebuild it to use the "
                        "embedding model."
                    )
                )
            return table

    # -- writing -------------------------------------------------------------------------

    def add(
        self, owner: str, chunks: list[Chunk], vectors: list[list[float]] | None = None
    ) -> None:
        """Append chunks (and their vectors, if any); the BM25 index covers them at once."""
        if not chunks:
            return
        if vectors is not None and len(vectors) != len(chunks):
            raise ValueError("one vector per chunk")
        dimensions = len(vectors[0]) if vectors else None
        table = self._table_for_write(owner, dimensions)
        rows = []
        for position, chunk in enumerate(chunks):
            row: dict[str, Any] = {
                "id": f"{chunk.file_id}:{chunk.index}",
                "file_id": chunk.file_id,
                "chunk_index": chunk.index,
                "text": chunk.text,
                "terms": terms(chunk.text),
                "page": chunk.page,
                "location": chunk.location,
                "start": chunk.start,
                "end": chunk.end,
                "ocr": chunk.ocr,
            }
            if "vector" in table.schema.names:
                if vectors is None:
                    raise errors.CapsuleError(
                        errors.said(
                            "This knowledge uses embeddings, but no vectors were given: check "
                            "the embedding model setting."
                        )
                    )
                row["vector"] = vectors[position]
            rows.append(row)
        table.add(rows)

    def copy_file(self, owner: str, file_id: str, target: str, target_file_id: str) -> int:
        """Copy one file's chunks (with their vectors) into `target` as `target_file_id`.

        Returns how many chunks were copied (0 when the file has none indexed).
        """
        table = self._table(owner)
        if table is None:
            return 0
        rows = table.search().where(f"file_id = '{_quoted(file_id)}'").limit(None).to_arrow()
        if rows.num_rows == 0:
            return 0
        dimensions = None
        if "vector" in rows.schema.names:
            dimensions = rows.schema.field("vector").type.list_size
        indexes = rows.column("chunk_index").to_pylist()
        rows = rows.set_column(
            rows.schema.get_field_index("id"),
            "id",
            pa.array([f"{target_file_id}:{index}" for index in indexes], pa.string()),
        )
        rows = rows.set_column(
            rows.schema.get_field_index("file_id"),
            "file_id",
            pa.array([target_file_id] * rows.num_rows, pa.string()),
        )
        self._table_for_write(target, dimensions).add(rows)
        return int(rows.num_rows)

    def delete_file(self, owner: str, file_id: str) -> None:
        table = self._table(owner)
        if table is not None:
            table.delete(f"file_id = '{_quoted(file_id)}'")

    def drop(self, owner: str) -> None:
        with self._lock:
            name = self._name(owner)
            if self._open(name) is not None:
                self._db.drop_table(name)
            self._current.discard(name)

    def build(self, owner: str) -> None:
        """(Re)build the full-text index, and a vector index once the table is large."""
        from lancedb.index import FTS  # noqa: PLC0415 (see __init__)

        table = self._table(owner)
        if table is None:
            return
        table.create_index(
            "terms",
            config=FTS(base_tokenizer="whitespace", stem=True, remove_stop_words=True),
            replace=True,
        )
        if "vector" in table.schema.names and table.count_rows() >= ANN_THRESHOLD:
            table.create_index(metric="cosine", vector_column_name="vector", replace=True)
        table.optimize()

    # -- whole tables (capsules) -----------------------------------------------------------

    def export_table(self, owner: str, path: Path) -> ChunkTable:
        """Write the owner's chunks to an Arrow IPC file; what it holds.

        Raises:
            errors.CapsuleError: the owner has no chunks to write.
        """
        table = self._table(owner)
        if table is None:
            raise errors.CapsuleError(errors.said("This knowledge has no index to include yet."))
        data = table.to_arrow()
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, data.schema) as writer:
            writer.write_table(data)
        return ChunkTable(data)

    def copy(self, owner: str, to_owner: str) -> None:
        """Make `to_owner`'s table a copy of `owner`'s (an empty owner makes none)."""
        table = self._table(owner)
        self.drop(to_owner)
        if table is not None:
            self.add_table(to_owner, ChunkTable(table.to_arrow()), None)

    def add_table(self, owner: str, chunks: ChunkTable, file_ids: dict[str, str] | None) -> None:
        """Create the owner's table from `chunks`, each file id renamed by `file_ids`.

        Search terms are segmented again here, so a table from another version of the
        segmenter searches like one indexed on this machine.
        """
        data = chunks.data
        if file_ids is not None:
            renamed = [file_ids[str(f)] for f in data.column("file_id").to_pylist()]
            indexes = data.column("chunk_index").to_pylist()
            ids = [f"{f}:{i}" for f, i in zip(renamed, indexes, strict=True)]
            words = [terms(str(t)) for t in data.column("text").to_pylist()]
            columns = (
                (pa.field("file_id", pa.string()), renamed),
                (pa.field("id", pa.string()), ids),
                (_terms_field(), words),  # with this recipe's version, so none is redone
            )
            for column, values in columns:
                position = data.schema.get_field_index(column.name)
                data = data.set_column(position, column, pa.array(values, pa.string()))
        with self._lock:
            if self._table(owner) is not None:
                self._db.drop_table(self._name(owner))
            self._db.create_table(self._name(owner), data=data, schema=data.schema)
        self.build(owner)

    # -- reading -------------------------------------------------------------------------

    def count(self, owner: str, file_id: str | None = None) -> int:
        table = self._table(owner)
        if table is None:
            return 0
        return int(table.count_rows(f"file_id = '{_quoted(file_id)}'" if file_id else None))

    def has_vectors(self, owner: str) -> bool:
        table = self._table(owner)
        return table is not None and "vector" in table.schema.names

    def keyword(self, owner: str, query: str, k: int) -> list[Hit]:
        """BM25 over the segmented terms."""
        table = self._table(owner)
        words = terms(query)
        if table is None or not words:
            return []
        if not table.list_indices():
            self.build(owner)
        rows = table.search(words, query_type="fts", fts_columns="terms").limit(k).to_list()
        return [_hit(row, rank, float(row["_score"])) for rank, row in enumerate(rows, 1)]

    def nearest(self, owner: str, vector: list[float], k: int) -> list[Hit]:
        """Cosine nearest neighbours (similarity in the score, higher is better)."""
        table = self._table(owner)
        if table is None or "vector" not in table.schema.names:
            return []
        rows = table.search(vector, vector_column_name="vector").metric("cosine").limit(k).to_list()
        return [_hit(row, rank, 1.0 - float(row["_distance"])) for rank, row in enumerate(rows, 1)]


class ChunkTable:
    """A table of chunks read whole (from an index, or from a capsule's file), validated."""

    def __init__(self, data: pa.Table) -> None:
        self.data = data

    @classmethod
    def read(cls, path: Path) -> ChunkTable:
        """Read and check an Arrow IPC file written by `KnowledgeIndex.export_table`.

        Raises:
            errors.ValidationError: not Arrow, damaged, or not a table of chunks as this
                version indexes them.
        """
        try:
            with pa.memory_map(str(path), "r") as source:
                data = pa.ipc.open_file(source).read_all()
            data.validate(full=True)
        except (pa.ArrowException, OSError, ValueError) as exc:
            raise errors.ValidationError(
                errors.said("The index file cannot be read: {reason}", reason=exc)
            ) from None
        dimensions = None
        if "vector" in data.schema.names:
            kind = data.schema.field("vector").type
            dimensions = getattr(kind, "list_size", None)
        if not data.schema.equals(_schema(dimensions)):
            raise errors.ValidationError(
                errors.said("The index file's columns differ from the ones this version uses.")
            )
        return cls(data)

    @property
    def rows(self) -> int:
        return int(self.data.num_rows)

    @property
    def dimensions(self) -> int | None:
        if "vector" not in self.data.schema.names:
            return None
        return int(self.data.schema.field("vector").type.list_size)

    def file_ids(self) -> set[str]:
        return {str(f) for f in self.data.column("file_id").to_pylist()}


def _hit(row: dict[str, Any], rank: int, score: float) -> Hit:
    return Hit(
        id=row["id"],
        file_id=row["file_id"],
        chunk_index=int(row["chunk_index"]),
        text=row["text"],
        page=row["page"],
        location=row["location"] or "",
        start=int(row["start"]),
        end=int(row["end"]),
        score=score,
        rank=rank,
        ocr=bool(row.get("ocr")),
    )


def _quoted(value: str) -> str:
    return value.replace("'", "''")
