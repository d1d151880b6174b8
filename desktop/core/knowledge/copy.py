"""Copying one GPT's knowledge to another: file records and indexed chunks, no re-reading.

The stored originals are kept by content hash, so the copy's files name the same
originals; the chunks (and their vectors) are copied inside the index. Nothing is read
from where the user first added the files: they may be gone. Runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.ids import new_id, now
from desktop.core.store import Store

if TYPE_CHECKING:
    from desktop.core.knowledge.index import KnowledgeIndex  # LanceDB: loaded when used


@dataclass(frozen=True)
class CopyProgress:
    """`done` of `total` files copied; `file` is the one copied last."""

    done: int
    total: int
    file: str


def copy_knowledge(
    store: Store,
    index: KnowledgeIndex,
    source: str,
    target: str,
    cancel: CancelToken | None = None,
) -> Iterator[CopyProgress]:
    """Copy `source`'s ready and failed files into `target`, yielding after each file.

    A file still being indexed elsewhere is left out (it is not finished). On a cancel
    or a failure, what was copied into `target` is removed again before the error goes
    on, so the target never holds half a copy.

    Raises:
        errors.CancelledError: `cancel` was set between files.
    """
    files = [f for f in store.knowledge.list(source) if f.status in ("ready", "failed")]
    copied: list[str] = []
    try:
        yield CopyProgress(0, len(files), "")
        for number, file in enumerate(files, 1):
            if cancel is not None and cancel.cancelled:
                raise errors.CancelledError(errors.said("Copying the knowledge was cancelled."))
            record = replace(file, id=new_id("file"), owner=target, added_at=now())
            store.knowledge.start(record)
            copied.append(record.id)
            if file.status == "ready":
                chunks = index.copy_file(source, file.id, target, record.id)
                store.knowledge.finish(record.id, file.pages, chunks, file.warnings)
            else:
                store.knowledge.fail(record.id, file.error or {"message": "failed"})
            yield CopyProgress(number, len(files), file.name)
        if copied:
            index.build(target)
    except BaseException:
        index.drop(target)
        for file_id in copied:
            store.knowledge.remove(file_id)
        raise
