"""A GPT's conversations as the chat uses them: list, rename, trash, search, attachments.

Deleting a thread is two steps, so it can be undone: `delete` moves it to the trash (and
stops its code kernel, which holds memory and could still be running code); `purge`
removes it for good with its files and its own knowledge. A front end purges once its
undo offer is over; `purge_trash` clears what an earlier session left there.

Editing a question or asking it again is a new run (`RunEngine.run(replacing=...)`):
the earlier run and its messages stay in the store for the playground, marked as
superseded, and the conversation goes on from the history before the edited question.

Called on worker threads (the GUI's) or the CLI's main thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from desktop.core import errors
from desktop.core.store import Store
from desktop.core.store.records import Thread
from desktop.core.threadfiles import ThreadFiles

if TYPE_CHECKING:
    from desktop.core.knowledge.library import KnowledgeLibrary

# How long a deleted thread stays in the trash before `purge_trash` removes it.
TRASH_KEPT_S = 60.0
# Where an attachment goes: the code interpreter's files, or the thread's knowledge.
Destination = Literal["code", "knowledge"]
CODE: Destination = "code"
KNOWLEDGE: Destination = "knowledge"


@dataclass(frozen=True)
class Attachment:
    """A file the user attaches to a message, and where it goes."""

    path: Path
    to: Destination = CODE


@dataclass(frozen=True)
class Found:
    """A thread that matched a search, with the text around the match ('' for its title)."""

    thread: Thread
    snippet: str


class Conversations:
    """Use cases on threads. See the module docstring.

    Args:
        store: the database.
        files: every thread's files.
        knowledge: the knowledge library, built on first use (it loads LanceDB).
        end_thread: stops a thread's code kernel.
        views: a folder for copies of knowledge files opened in a system viewer.
    """

    def __init__(
        self,
        store: Store,
        files: ThreadFiles,
        knowledge: Callable[[], KnowledgeLibrary],
        end_thread: Callable[[str], None],
        views: Path,
    ) -> None:
        self._store = store
        self._files = files
        self._knowledge = knowledge
        self._end_thread = end_thread
        self._views = views

    # -- the list ------------------------------------------------------------------------

    def threads(self, gpt_id: str) -> list[Thread]:
        """The GPT's threads, the most recently used first."""
        self._store.gpts.get(gpt_id)
        return self._store.threads.list(gpt_id)

    def create(self, gpt_id: str, title: str = "") -> Thread:
        """An empty thread (its title is the first message's, unless given)."""
        self._store.gpts.get(gpt_id)
        return self._store.threads.create(gpt_id, title=title.strip())

    def rename(self, thread_id: str, title: str) -> Thread:
        return self._store.threads.rename(thread_id, title)

    def search(self, gpt_id: str, query: str, limit: int = 50) -> list[Found]:
        """The GPT's threads whose title or messages hold `query` (any case)."""
        self._store.gpts.get(gpt_id)
        return [
            Found(t, snippet) for t, snippet in self._store.threads.search(gpt_id, query, limit)
        ]

    # -- the trash -----------------------------------------------------------------------

    def delete(self, thread_id: str) -> Thread:
        """Move a thread to the trash and stop its code kernel; `restore` undoes it.

        Raises:
            errors.ThreadBusyError: a run is still answering in it (stop it first).
        """
        thread = self._store.threads.delete(thread_id)
        self._end_thread(thread_id)
        return thread

    def restore(self, thread_id: str) -> Thread:
        return self._store.threads.undelete(thread_id)

    def purge(self, thread_id: str) -> None:
        """Remove a thread in the trash for good: its files, its knowledge, its records."""
        thread = self._store.threads.get(thread_id, include_deleted=True)
        if thread.deleted_at is None:
            raise errors.ValidationError(
                errors.said(
                    "Thread {thread_id} is not in the trash: delete it first.", thread_id=thread_id
                )
            )
        self._end_thread(thread_id)
        self._files.remove_thread(thread_id)
        if self._store.knowledge.list(thread_id):
            self._knowledge().forget(thread_id)
        self._store.threads.purge(thread_id)

    def purge_trash(self, older_than_s: float = TRASH_KEPT_S) -> list[str]:
        """Purge the threads deleted more than `older_than_s` ago; their ids."""
        gone = self._store.threads.trash(deleted_before=time.time() - older_than_s)
        for thread in gone:
            self.purge(thread.id)
        return [t.id for t in gone]

    # -- attachments ---------------------------------------------------------------------

    def attach(
        self, gpt_id: str, thread_id: str | None, title: str, files: Iterable[Attachment]
    ) -> tuple[str, list[dict[str, Any]]]:
        """Put a message's files where they go, before the message is sent.

        Files for code are copied into the thread's folder (the code interpreter works on
        them); files for knowledge are indexed into the thread's own knowledge (runs search
        it with the GPT's). A new thread is made first when `thread_id` is None.

        Returns:
            The thread's id, and the message's `attachments` records.

        Raises:
            errors.ValidationError: a file could not be attached; the ones before it were.
        """
        wanted = list(files)
        thread = (
            self._store.threads.get(thread_id)
            if thread_id is not None
            else self.create(gpt_id, title=title)
        )
        code = [a.path for a in wanted if a.to == CODE]
        copied = iter(
            [
                _record(e.name, e.name, "code_interpreter")
                for e in self._files.attach(thread.id, code)
            ]
            if code
            else []
        )
        knowledge = [a.path for a in wanted if a.to == KNOWLEDGE]
        indexed = iter(self._index(thread.id, knowledge) if knowledge else [])
        # In the order the user attached them (a folder for knowledge adds its files).
        ordered = [next(copied if a.to == CODE else indexed) for a in wanted]
        return thread.id, [*ordered, *copied, *indexed]

    def _index(self, thread_id: str, paths: list[Path]) -> list[dict[str, Any]]:
        records, failed = [], []
        for progress in self._knowledge().attach(thread_id, paths):
            if progress.status in ("ok", "skipped") and progress.file_id:
                records.append(_record(progress.file_id, progress.file, "file_search"))
            elif progress.status == "failed":
                failed.append(f"{progress.file}: {progress.message}")
        if failed:
            raise errors.ValidationError(
                errors.said(
                    "Some files could not be added to the conversation's knowledge, so the "
                    "message was not sent: {problems}. Remove them and send again.",
                    problems="; ".join(failed),
                ),
                problems=failed,
            )
        return records

    def view_file(self, file_id: str) -> Path:
        """A knowledge file (the GPT's or a thread's) as a file a system viewer can open."""
        return self._knowledge().viewable(file_id, self._views)


def _record(file_id: str, name: str, tool: str) -> dict[str, Any]:
    """A message's attachment as the Assistants API records it, with the file's name."""
    return {"file_id": file_id, "name": name, "tools": [{"type": tool}]}
