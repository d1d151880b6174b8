"""The knowledge table's rows: a GPT's files as core keeps them, plus a running batch's progress.

Qt-free, so that it can be tested and reasoned about without a window; the item model in
`knowledge_model` adapts it and turns each change into one row's `dataChanged` (or one
insert or removal). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from desktop.core.errors import Said
from desktop.core.knowledge.ingest import Progress
from desktop.core.store.knowledge import KnowledgeFile

# Row states beyond core's own (indexing, ready, failed): waiting in a batch, and stopped
# before its turn came.
QUEUED = "queued"
INDEXING = "indexing"
READY = "ready"
FAILED = "failed"
STOPPED = "stopped"


@dataclass(frozen=True)
class FileRow:
    """One file as the table shows it.

    `file_id` is None for a file that failed before core kept it (a path that vanished).
    `reason` is the core's words on a failure (or a warning on a ready file), `code` its
    error code. `done` is set once the running batch has finished with this file, so its
    progress bar shows full; `fraction` is how much of it is read, when the reader says
    (OCR goes page by page), else None.
    """

    name: str
    file_id: str | None
    status: str
    pages: int = 0
    chunks: int = 0
    reason: str = ""
    code: str = ""
    done: bool = False
    fraction: float | None = None

    @classmethod
    def of(cls, record: KnowledgeFile) -> FileRow:
        error = record.error or {}
        # A stored error keeps its said() parts: the window can word it in its language.
        stored = Said.from_dict(error.get("said")) or error.get("message", "")
        reason = stored if record.status == FAILED else ""
        if not reason and record.warnings:
            reason = "; ".join(record.warnings[:3])
        return cls(
            name=record.name,
            file_id=record.id,
            status=record.status,
            pages=record.pages,
            chunks=record.chunks,
            reason=reason,
            code=error.get("code", "") if record.status == FAILED else "",
        )


@dataclass(frozen=True)
class Step:
    """One change to the rows: `kind` "change" (row `at` becomes `row`), "insert" or "remove"."""

    kind: str
    at: int
    row: FileRow | None = None


class FileRows:
    """The rows, in order.

    Each method returns the steps that would make a change, without making it; `apply`
    makes one step, so that the item model can tell Qt before (an insert or a removal)
    or after (a changed row) each one.
    """

    def __init__(self) -> None:
        self.rows: list[FileRow] = []

    def __len__(self) -> int:
        return len(self.rows)

    def apply(self, step: Step) -> None:
        if step.kind == "remove":
            del self.rows[step.at]
        elif step.kind == "insert":
            assert step.row is not None
            self.rows.insert(step.at, step.row)
        else:
            assert step.row is not None
            self.rows[step.at] = step.row

    def find(self, file_id: str | None = None, name: str | None = None) -> int | None:
        """The index of the row with this file id (or, failing that, this name)."""
        for index, row in enumerate(self.rows):
            if file_id is not None and row.file_id == file_id:
                return index
        for index, row in enumerate(self.rows):
            if name is not None and row.name == name:
                return index
        return None

    def _put(self, row: FileRow, at: int | None) -> list[Step]:
        if at is None:
            return [Step("insert", len(self.rows), row)]
        return [] if self.rows[at] == row else [Step("change", at, row)]

    def queue(self, file_ids: Iterable[str]) -> list[Step]:
        """These files wait for a re-index."""
        steps = []
        for file_id in file_ids:
            at = self.find(file_id=file_id)
            if at is not None:
                steps.append(Step("change", at, replace(self.rows[at], status=QUEUED, done=False)))
        return steps

    def queue_names(self, names: Iterable[str]) -> list[Step]:
        """These files wait for a batch that adds them (new names get a row of their own)."""
        steps: list[Step] = []
        rows = list(self.rows)
        for name in names:
            at = next((i for i, row in enumerate(rows) if row.name == name), None)
            if at is None:
                rows.append(FileRow(name, None, QUEUED))
                steps.append(Step("insert", len(rows) - 1, rows[-1]))
            else:
                rows[at] = replace(rows[at], status=QUEUED, done=False)
                steps.append(Step("change", at, rows[at]))
        return steps

    def started(self, name: str) -> list[Step]:
        """A batch began work on the file called `name`."""
        at = self.find(name=name)
        row = self.rows[at] if at is not None else FileRow(name, None, INDEXING)
        fresh = replace(row, status=INDEXING, reason="", code="", done=False, fraction=None)
        return self._put(fresh, at)

    def reading(self, progress: Progress) -> list[Step]:
        """The reader got through `progress.page` of the file's `progress.pages` pages."""
        at = self.find(file_id=progress.file_id, name=progress.file)
        row = self.rows[at] if at is not None else FileRow(progress.file, None, INDEXING)
        fraction = progress.page / progress.pages if progress.pages else None
        return self._put(replace(row, status=INDEXING, pages=progress.pages, fraction=fraction), at)

    def finished(self, progress: Progress) -> list[Step]:
        """A batch is done with one file: it is ready, unchanged, or failed."""
        at = self.find(file_id=progress.file_id, name=progress.file)
        old = self.rows[at] if at is not None else FileRow(progress.file, None, INDEXING)
        failed = progress.status == "failed"
        row = replace(
            old,
            file_id=progress.file_id or old.file_id,
            status=FAILED if failed else READY,
            pages=0 if failed else progress.pages,
            chunks=0 if failed else progress.chunks,
            reason=progress.message if failed or progress.status == "ok" else "",
            code="",
            done=True,
            fraction=None,
        )
        return self._put(row, at)

    def next_queued(self) -> list[Step]:
        """A re-index goes through its files in order: the first still waiting is next."""
        for index, row in enumerate(self.rows):
            if row.status == QUEUED:
                return [Step("change", index, replace(row, status=INDEXING))]
        return []

    def stop_waiting(self) -> list[Step]:
        """The batch stopped: files still waiting were not indexed."""
        return [
            Step("change", index, replace(row, status=STOPPED))
            for index, row in enumerate(self.rows)
            if row.status in (QUEUED, INDEXING)
        ]

    def reconcile(self, records: list[KnowledgeFile]) -> list[Step]:
        """The steps that bring the rows in line with core's records, applied in order.

        Rows keep their place; a file core no longer has goes, except one that failed
        before core kept it (its reason stays until the user removes it).
        """
        steps: list[Step] = []
        rows = list(self.rows)
        by_id = {r.id: r for r in records}
        index = 0
        while index < len(rows):
            row = rows[index]
            record = by_id.pop(row.file_id, None) if row.file_id is not None else None
            if record is not None:
                fresh = replace(FileRow.of(record), done=row.done and record.status == READY)
                if fresh != row:
                    steps.append(Step("change", index, fresh))
                    rows[index] = fresh
                index += 1
            elif row.file_id is None and row.status == FAILED:
                index += 1
            else:
                del rows[index]
                steps.append(Step("remove", index))
        for record in records:
            if record.id in by_id:
                rows.append(FileRow.of(record))
                steps.append(Step("insert", len(rows) - 1, rows[-1]))
        return steps
