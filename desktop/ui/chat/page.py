"""The Chat tab of a GPT: its conversations, the open one, the message being written.

Left, the conversations (`ThreadsPane`); in the middle, the open conversation
(`TranscriptView` over the session's item model) with the run's status, a failed run's
banner and the composer; right, the source of a clicked citation. Everything slow goes
through the app's background tasks. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.conversations.sources import CitedSource, cited
from desktop.core.conversations.transcript import CONSENT, MESSAGE
from desktop.core.errors import Do, UserAction
from desktop.core.store.records import Gpt, Thread
from desktop.ui.chat import markdown
from desktop.ui.chat.composer import Composer
from desktop.ui.chat.consent import ConsentPrompt
from desktop.ui.chat.exporting import ExportButton
from desktop.ui.chat.rows import ImageLoader, RowRenderer
from desktop.ui.chat.session import ChatSession
from desktop.ui.chat.source_panel import SourcePanel
from desktop.ui.chat.starters import RunErrorBanner, Starters
from desktop.ui.chat.threads import ThreadsPane
from desktop.ui.chat.view import TranscriptView
from desktop.ui.errors import notice_for, notice_from_dict
from desktop.ui.widgets.page import PageFrame

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

WEB_SCHEMES = ("http", "https", "mailto")


class ChatPage(PageFrame):
    """The open GPT's chat.

    Signals:
        action_requested(UserAction): go where an error's fix is.
        settings_requested(str): open settings at a section.
    """

    action_requested = Signal(object)
    settings_requested = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chat"), "", parent)
        self._services = services
        self.gpt_id = ""
        self._gpt_name = ""
        self._purged = False
        self._last_sent: tuple[str, list[Any], str] | None = None
        self._consent_row = ""  # the consent item the prompt sits in
        self.session = ChatSession(services, self)
        files = services.thread_files
        images = ImageLoader(
            lambda thread, name: QImage(str(files.path_of(thread, name))),
            lambda op, done: services.tasks.run(op, done, lambda _e: None, owner=self),
        )
        images.loaded.connect(self._on_image_loaded)
        model = self.session.model
        self.renderer = RowRenderer(self.font(), self.palette(), images, lambda: model.transcript)
        self._build()
        self._connect()

    # -- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        self.threads = ThreadsPane(self._services, self)
        self.view = TranscriptView(self.renderer, self)
        self.view.setAccessibleName(self.tr("Conversation"))
        self.view.set_model(self.session.model)
        self.starters = Starters(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.starters)
        self.stack.addWidget(self.view)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("What the assistant is doing"))
        self.banner = RunErrorBanner(self)
        self.composer = Composer(self)
        self.consent = ConsentPrompt(self)
        self.consent.hide()
        self.sources = SourcePanel(self.renderer.colors.mark, self)
        self.export_button = ExportButton(self._services, self)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)
        center = QWidget(self)
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.stack, 1)
        column.addWidget(self.banner)
        column.addWidget(self.composer)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("chat-splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.threads)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.sources)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 640, 300])
        self.body.addWidget(self.splitter, 1)
        self.setTabOrder(self.threads.search, self.threads.list)
        self.setTabOrder(self.threads.list, self.view)
        self.setTabOrder(self.view, self.composer.editor)
        for keys, slot in (
            ("Ctrl+Shift+N", self.threads.new_thread),
            ("Ctrl+Shift+R", self.session.retry),
            ("F2", self.threads.rename_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _connect(self) -> None:
        session = self.session
        session.loaded.connect(self._on_loaded)
        session.thread_started.connect(self._on_thread_started)
        session.busy_changed.connect(self._on_busy_changed)
        session.status_changed.connect(self.status.setText)
        session.failed.connect(self._on_failed)
        session.consent_asked.connect(self._on_consent_asked)
        session.model.rowsInserted.connect(self._on_rows_changed)
        session.model.rowsRemoved.connect(self._on_rows_changed)
        self.threads.thread_selected.connect(self._on_thread_selected)
        self.threads.listed.connect(self._on_threads_listed)
        self.starters.starter_chosen.connect(lambda text: self._on_send_requested(text, [], ""))
        self.composer.send_requested.connect(self._on_send_requested)
        self.composer.stop_requested.connect(session.stop)
        self.consent.answered.connect(self._on_consent_answered)
        self.banner.retry_requested.connect(session.retry)
        self.banner.action_requested.connect(self._on_action_requested)
        self.view.anchor_activated.connect(self._on_anchor)
        self.view.context_requested.connect(self._on_context_requested)
        self.sources.open_requested.connect(self._on_open_file_requested)
        self.export_button.exported.connect(
            lambda path: self.status.setText(self.tr("Saved %1.").replace("%1", path.name))
        )
        self.export_button.imported.connect(self._on_imported)

    # -- what the shell asks ------------------------------------------------------------------

    def open_gpt(self, gpt_id: str) -> None:
        store = self._services.store
        if gpt_id == self.gpt_id:  # the same GPT again: its name or starters may be new
            self._services.tasks.run(
                lambda: store.gpts.get(gpt_id), self._on_gpt_loaded, owner=self
            )
            return
        self.gpt_id = gpt_id
        self.sources.hide()
        self.banner.set_text("")
        self.session.open(gpt_id, "")
        self._services.tasks.run(lambda: store.gpts.get(gpt_id), self._on_gpt_loaded, owner=self)
        self.threads.load(gpt_id)
        if not self._purged:  # what an earlier session left in the trash
            self._purged = True
            self._services.tasks.run(self._services.conversations.purge_trash, lambda _r: None)
            self._services.tasks.run(markdown.warm_up, lambda _r: None)

    def close_gpt(self) -> None:
        """Stop what runs for this GPT before the window closes."""
        self.session.close()
        self.threads.purge_now()

    # -- the GPT and its conversations ----------------------------------------------------------

    def _on_gpt_loaded(self, gpt: Gpt) -> None:
        if gpt.id != self.gpt_id:
            return
        definition = gpt.definition
        self._gpt_name = definition.name
        self.export_button.gpt_id, self.export_button.gpt_name = gpt.id, definition.name
        self.renderer.gpt_name = definition.name
        self.heading.setText(definition.name)
        self.starters.show_gpt(
            definition.name, definition.description, definition.conversation_starters
        )
        self.renderer.forget()
        self.view.invalidate()

    def _on_threads_listed(self, threads: list[Thread]) -> None:
        if self.session.thread_id or self.threads.search.text():
            return
        if threads:
            self.threads.select(threads[0].id)

    def _on_thread_selected(self, thread_id: str) -> None:
        if thread_id == self.session.thread_id and thread_id:
            return
        self.sources.hide()
        self.banner.set_text("")
        self.composer.cancel_edit()
        self.session.open(self.gpt_id, thread_id)

    def _on_thread_started(self, thread: Thread) -> None:
        self.export_button.thread_id = thread.id
        self.threads.show_thread(thread)

    def _on_imported(self, thread: Thread) -> None:
        self.threads.load(self.gpt_id, select=thread.id)
        self.session.open(self.gpt_id, thread.id)

    def _on_loaded(self) -> None:
        self.export_button.thread_id = self.session.thread_id
        self._on_rows_changed()
        self.view.scroll_to_bottom()

    def _on_rows_changed(self, *_: object) -> None:
        empty = self.session.model.rowCount() == 0
        self.stack.setCurrentWidget(self.starters if empty else self.view)
        self._sync_consent()

    # -- sending ------------------------------------------------------------------------------

    def _on_send_requested(self, text: str, files: list[Any], replacing: str) -> None:
        self.banner.set_text("")
        self._last_sent = (text, files, replacing)
        self.composer.clear()
        self.session.send(text, files, replacing)

    def _on_busy_changed(self, busy: bool) -> None:
        self.composer.set_busy(busy)
        self.renderer.busy = busy
        self.view.invalidate()
        if not busy:
            self._sync_consent()

    def _on_failed(self, error: object) -> None:
        if isinstance(error, dict):
            notice = notice_from_dict(error)
        else:
            notice = notice_for(error if isinstance(error, BaseException) else str(error))
            if self._last_sent and not self.composer.editor.toPlainText():
                text, files, replacing = self._last_sent  # it was not sent: give it back
                if replacing:
                    self.composer.start_edit(replacing, text)
                else:
                    self.composer.editor.setPlainText(text)
                self.composer.add_files([f.path for f in files])
        self.banner.show_notice(notice)
        transcript = self.session.model.transcript
        self.banner.retry_button.setVisible(
            transcript is not None and transcript.last_run is not None
        )

    def _on_action_requested(self, action: UserAction) -> None:
        if action.kind == Do.CANCEL_RUN:
            self.session.stop()
        elif action.kind == Do.START_NEW_THREAD:
            self.threads.new_thread()
        else:
            self.action_requested.emit(action)

    # -- consent -------------------------------------------------------------------------------

    def _on_consent_asked(self, consent: dict[str, Any]) -> None:
        self.consent.ask(consent, self._gpt_name)
        self._sync_consent()

    def _sync_consent(self) -> None:
        """The prompt sits in the row of the waiting run's consent item, if there is one."""
        transcript = self.session.model.transcript
        waiting = [i.key for i in transcript.items if i.kind == CONSENT] if transcript else []
        key = waiting[-1] if waiting else ""
        if key == self._consent_row:
            return
        if self._consent_row:
            self.view.set_row_widget(self._consent_row, None)
        self._consent_row = key
        if key:
            self.view.set_row_widget(key, self.consent)
        else:
            self.consent.hide()

    def _on_consent_answered(self, decision: str) -> None:
        self.session.answer_consent(decision)

    # -- links in the conversation -------------------------------------------------------------

    def _on_anchor(self, row: int, href: str) -> None:
        item = self.view.item(row)
        scheme, _, rest = href.partition(":")
        if scheme in WEB_SCHEMES:
            QDesktopServices.openUrl(QUrl(href))
        elif scheme == "cite" and item.kind == MESSAGE:
            self._show_source(item.key, int(rest))
        elif scheme == "copy":
            codes = self.renderer.render(item, self.view.viewport().width()).codes
            if rest.isdigit() and int(rest) < len(codes):
                self._copy(codes[int(rest)])
        elif scheme in ("think", "tool"):
            key = f"think:{item.key}" if scheme == "think" else f"tool:{item.key}:{rest}"
            self.renderer.expanded ^= {key}
            self.view.invalidate(row)
        elif scheme == "act" and item.kind == MESSAGE:
            self._message_action(item.key, rest)

    def _message_action(self, message_id: str, action: str) -> None:
        transcript = self.session.model.transcript
        if transcript is None:
            return
        message = transcript.message(message_id)
        if action == "copy":
            self._copy(message.text)
        elif action == "edit" and not self.session.busy:
            self.composer.start_edit(message.id, message.text)
        elif action == "regenerate" and not self.session.busy:
            self.banner.set_text("")
            self.session.regenerate(message.id)

    def _on_context_requested(self, row: int, where: QPoint) -> None:
        item = self.view.item(row)
        if item.kind != MESSAGE or self.session.model.transcript is None:
            return
        message = self.session.model.transcript.message(item.key)
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), lambda: self._message_action(item.key, "copy"))
        if not self.session.busy and message.role == "user":
            menu.addAction(
                self.tr("Edit and send again"), lambda: self._message_action(item.key, "edit")
            )
        elif not self.session.busy and message.run_id:
            menu.addAction(
                self.tr("Regenerate"), lambda: self._message_action(item.key, "regenerate")
            )
        menu.popup(where)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.status.setText(self.tr("Copied."))

    def _show_source(self, message_id: str, number: int) -> None:
        transcript = self.session.model.transcript
        if transcript is None:
            return
        message = transcript.message(message_id)
        notes = self.renderer.annotations(message)
        if not 0 <= number < len(notes):
            return
        note = notes[number]
        timeline = transcript.timelines.get(message.run_id or "")
        chunks = timeline.sources() if timeline is not None else []
        query = _query_of(timeline)
        label = str(note.get("text", "")).strip("[]")
        position = int(label) if label.isdigit() else number + 1
        self._services.tasks.run(
            lambda: cited(note, chunks, query, position), self._on_source_found, owner=self
        )

    def _on_source_found(self, source: CitedSource) -> None:
        self.sources.show_source(source)

    def _on_open_file_requested(self, file_id: str, page: int) -> None:
        def opened(path: Path) -> None:
            url = QUrl.fromLocalFile(str(path))
            if page and path.suffix.lower() == ".pdf":
                url.setFragment(f"page={page}")
            if not QDesktopServices.openUrl(url):
                self._services.errors.notify_error(
                    self.tr("No program here opens %1; it is at %2.")
                    .replace("%1", path.name)
                    .replace("%2", str(path))
                )

        chats = self._services.conversations
        self._services.tasks.run(lambda: chats.view_file(file_id), opened, owner=self)

    def _on_image_loaded(self, _name: str) -> None:
        self.renderer.forget()
        self.view.invalidate()


def _query_of(timeline: Any) -> str:
    """The query of the run's knowledge search ('' without one)."""
    for step in timeline.steps if timeline is not None else []:
        found = step.details.retrieval() if step.type == "tool_calls" else None
        if found is not None:
            return str(found.retrieval.query)
    return ""
