"""The conversation on screen and the run answering in it: send, stop, consent, again.

Runs go through the app's background tasks: the engine's event stream is read on a
worker and each event reaches the item model on the GUI thread. Stop cancels the stream
between tokens (a local model's host stops too) and marks the run as stopping; the run's
own last events then say how it ended. A run that waits for the user's consent ends its
stream; the answer starts a new one. Regenerating or editing is a new run that replaces
the question and what followed (the old runs stay for the playground). GUI thread only.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core import errors
from desktop.core.conversations import Attachment
from desktop.core.conversations.transcript import Transcript
from desktop.core.runs import events as ev
from desktop.core.runs.engine import RunStream
from desktop.core.runs.timeline import RunTimeline
from desktop.core.store.records import RUN_ACTIVE, Message, Thread
from desktop.ui.chat.model import TranscriptModel
from desktop.ui.tasks import Latest

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

translate = QCoreApplication.translate  # named so: lupdate reads `translate("Context", ...)`


class _Handle:
    """The stream a worker is reading, so Stop can reach it from the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stream: RunStream | None = None
        self.cancelled = False

    def attach(self, stream: RunStream) -> None:
        with self._lock:
            self._stream = stream
            stop = self.cancelled
        if stop:
            stream.cancel()

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            stream = self._stream
        if stream is not None:
            stream.cancel()


class ChatSession(QObject):
    """One GPT's open conversation and its runs. See the module docstring.

    Signals:
        loaded(): a conversation (or a new, empty one) is in the model.
        thread_started(Thread): sending made a new conversation.
        busy_changed(bool): a run is answering (or waiting) in this conversation, or not.
        status_changed(str): what the run is doing, in words ('' when nothing).
        failed(object): a run failed or could not start (a CapsuleError or a stored error).
        consent_asked(dict): the run waits for consent (its `required_action["consent"]`).
    """

    loaded = Signal()
    thread_started = Signal(object)
    busy_changed = Signal(bool)
    status_changed = Signal(str)
    failed = Signal(object)
    consent_asked = Signal(dict)

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = TranscriptModel(self)
        self.gpt_id = ""
        self.thread_id = ""
        self.busy = False
        self._handle: _Handle | None = None
        self._stream_thread = ""  # the conversation the running stream belongs to
        self._replacing = ""
        self._latest = Latest()  # of conversations opened: a late transcript is dropped

    # -- which conversation --------------------------------------------------------------------

    def open(self, gpt_id: str, thread_id: str) -> None:
        """Show a conversation ('' for a new one); it loads on a worker."""
        fresh = self._latest.next()
        self.gpt_id, self.thread_id = gpt_id, thread_id
        if not thread_id:
            self.model.set_transcript(None)
            self._set_busy(False)
            self.loaded.emit()
            return
        store = self._services.store

        def shown(transcript: Transcript) -> None:
            if fresh():
                self.model.set_transcript(transcript)
                self._after_load(transcript)

        self._services.tasks.run(lambda: Transcript.load(store, thread_id), shown, owner=self)

    def _after_load(self, transcript: Transcript) -> None:
        active = transcript.active_run()
        streaming = self._handle is not None and self._stream_thread == self.thread_id
        self._set_busy(active is not None or streaming)
        run = active.run if active is not None else None
        required = (run.required_action or {}) if run is not None else {}
        if (
            run is not None
            and run.status == "requires_action"
            and required.get("type") == "consent"
        ):
            self.status_changed.emit(translate("Chat", "Waiting for your answer…"))
            self.consent_asked.emit(required["consent"])
        else:
            self.status_changed.emit("")
        self.loaded.emit()

    # -- sending -------------------------------------------------------------------------------

    def send(self, text: str, files: list[Attachment], replacing: str = "") -> None:
        """Send a message (replacing an earlier question when `replacing` names one)."""
        if self.busy or not self.gpt_id:
            return
        self._set_busy(True)
        gpt_id, thread_id = self.gpt_id, self.thread_id or None
        records = self._records_of(replacing)
        if not files:
            self._start(text, thread_id, records, replacing)
            return
        self.status_changed.emit(translate("Chat", "Attaching files…"))
        chats, store = self._services.conversations, self._services.store

        def attach() -> tuple[Thread, list[dict[str, Any]]]:
            made, added = chats.attach(gpt_id, thread_id, text, files)
            return store.threads.get(made), added

        def attached(result: tuple[Thread, list[dict[str, Any]]]) -> None:
            thread, added = result
            if not thread_id:
                self._adopt(thread)
            self._start(text, thread.id, records + added, replacing)

        self._services.tasks.run(attach, attached, self._on_refused, owner=self)

    def regenerate(self, message_id: str) -> None:
        """Ask again the question an answer (or a question) belongs to."""
        question = self._question_of(message_id)
        if question is not None:
            self.send(question.text, [], question.id)

    def retry(self) -> None:
        """Ask the last run's question again (after a failure)."""
        transcript = self.model.transcript
        last = transcript.last_run if transcript is not None else None
        question = last.user_message if last is not None else None
        if question is not None:
            self.send(question.text, [], question.id)

    def _question_of(self, message_id: str) -> Message | None:
        transcript = self.model.transcript
        if transcript is None:
            return None
        message = transcript.message(message_id)
        if message.role == "user":
            return message
        timeline = transcript.timelines.get(message.run_id or "")
        return timeline.user_message if timeline is not None else None

    def _records_of(self, replacing: str) -> list[dict[str, Any]]:
        """The attachments of the question being replaced (its files stay in the thread)."""
        transcript = self.model.transcript
        if not replacing or transcript is None:
            return []
        return list(transcript.message(replacing).attachments)

    def _start(
        self,
        text: str,
        thread_id: str | None,
        attachments: list[dict[str, Any]],
        replacing: str,
    ) -> None:
        engine, gpt_id = self._services.engine, self.gpt_id
        self._replacing = replacing
        self.status_changed.emit(translate("Chat", "Sending…"))
        self._follow(
            thread_id or "",
            lambda: engine.run(
                gpt_id,
                text,
                thread_id,
                replacing=replacing or None,
                attachments=attachments or None,
            ),
        )

    def _follow(self, thread_id: str, start: Callable[[], RunStream]) -> None:
        """Read the events of the run `start` begins (on a worker) into the conversation."""
        handle = self._handle = _Handle()
        self._stream_thread = thread_id

        def generate() -> RunStream:
            stream = start()
            handle.attach(stream)
            return stream

        self._services.tasks.stream(
            generate,
            self._on_event,
            lambda _cancelled: self._on_done(handle),
            lambda error: self._on_stream_failed(handle, error),
            owner=self,
        )

    # -- stopping and consent --------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the answer now (within a token or two); a waiting run is cancelled."""
        if self._handle is not None:
            self._handle.cancel()
        transcript = self.model.transcript
        active = transcript.active_run() if transcript is not None else None
        if active is None or active.run is None:
            return
        run_id = active.run.id
        self.status_changed.emit(translate("Chat", "Stopping…"))
        streaming = self._handle is not None

        def cancelled(_run: object) -> None:
            if not streaming:
                self._reload_run(run_id)

        def refused(error: Exception) -> None:
            if not isinstance(error, errors.RunStateError):  # it had just ended by itself
                self._services.errors.notify_error(error)

        self._services.tasks.run(
            lambda: self._services.engine.cancel(run_id), cancelled, refused, owner=self
        )

    def answer_consent(self, decision: str) -> None:
        transcript = self.model.transcript
        active = transcript.active_run() if transcript is not None else None
        if active is None or active.run is None:
            return
        run_id, engine = active.run.id, self._services.engine
        self.status_changed.emit(translate("Chat", "Answering…"))
        self._follow(self.thread_id, lambda: engine.answer_consent(run_id, decision))

    # -- what the run says ---------------------------------------------------------------------

    def _on_event(self, event: ev.Event) -> None:
        name, data = event.event, event.data
        if name == "thread.created":
            thread = Thread(**{k: v for k, v in data.items() if k != "object"})
            self._stream_thread = thread.id
            if not self.thread_id:
                self._adopt(thread)
            return
        if self._stream_thread != self.thread_id:
            return  # the user went to another conversation; the run goes on in the store
        if name == ev.MESSAGE_DELTA:
            _freeze_once()
        if self._replacing and name == ev.MESSAGE_CREATED:
            self.model.drop_from(self._replacing)
            self._replacing = ""
        self.model.apply(event)
        self.status_changed.emit(_status_of(event))
        if name == ev.RUN_REQUIRES_ACTION:
            required = data.get("required_action") or {}
            if required.get("type") == "consent":
                self.consent_asked.emit(required["consent"])
        elif name == ev.RUN_FAILED and data.get("last_error"):
            self.failed.emit(data["last_error"])

    def _adopt(self, thread: Thread) -> None:
        """Sending made a new conversation: it is the one on screen now."""
        self.thread_id = thread.id
        self.model.set_transcript(Transcript(thread.id, []))
        self.thread_started.emit(thread)

    def _on_done(self, handle: _Handle) -> None:
        if handle is not self._handle:
            return
        self._handle = None
        thread_id = self._stream_thread
        transcript = self.model.transcript
        last = transcript.last_run if transcript is not None else None
        waiting = last is not None and last.run is not None and last.run.status in RUN_ACTIVE
        if thread_id == self.thread_id and last is not None and last.run is not None:
            self._reload_run(last.run.id)  # the stored state is the last word
        self.status_changed.emit("")
        self._set_busy(waiting and thread_id == self.thread_id)

    def _on_stream_failed(self, handle: _Handle, error: Exception) -> None:
        if handle is self._handle:
            self._handle = None
        self._on_refused(error)

    def _on_refused(self, error: Exception) -> None:
        self.status_changed.emit("")
        self._set_busy(False)
        self.failed.emit(error)

    def _reload_run(self, run_id: str) -> None:
        store, thread_id = self._services.store, self.thread_id

        def loaded(timeline: RunTimeline) -> None:
            if thread_id == self.thread_id and self.model.transcript is not None:
                self.model.replace_run(timeline)
                run = timeline.run
                self._set_busy(run is not None and run.status in RUN_ACTIVE)

        self._services.tasks.run(lambda: RunTimeline.load(store, run_id), loaded, owner=self)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)

    def close(self) -> None:
        """Stop the running answer (the window is closing)."""
        if self._handle is not None:
            self._handle.cancel()


_frozen: list[bool] = []


def _freeze_once() -> None:
    """Once a first answer streams, keep what its run loaded out of the collector's way.

    A run's first model call imports its client (openai, httpx, pydantic models: some
    80,000 objects). A full collection walks every object and, on a busy machine, takes
    100-250 ms with the GIL held: the window would stall. `gc.freeze()` moves what exists
    now to a generation that is never walked; later garbage is collected as usual.
    """
    if not _frozen:
        _frozen.append(True)
        gc.freeze()


def _status_of(event: ev.Event) -> str:
    """What the run is doing, after this event."""
    name, data = event.event, event.data
    if name == ev.MODEL_LOADING:
        percent = f"{100 * float(data.get('progress') or 0):.0f}"
        return translate("Chat", "Loading the model… %1%").replace("%1", percent)
    if name == ev.STEP_CREATED and data.get("type") == "tool_calls":
        return translate("Chat", "Using tools…")
    if name == ev.RUN_REQUIRES_ACTION:
        return translate("Chat", "Waiting for your answer…")
    if name == ev.RUN_CANCELLING:
        return translate("Chat", "Stopping…")
    if name in ev.RUN_FINAL.values():
        return ""
    return translate("Chat", "Answering…")
