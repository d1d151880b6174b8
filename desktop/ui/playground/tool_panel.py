"""The inspector's page for a round of tool calls: each call, its HTTP exchange, its output.

Per call: the arguments, the consent decision, the HTTP method, URL, status and time,
the output as indented JSON, an error, and for code its source, logs, errors and images
(read from the thread's files on a worker). GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.runs.steps import FunctionCall, Step
from desktop.core.runs.toolrecords import CodeRun
from desktop.ui.errors import stored_text
from desktop.ui.playground.labels import (
    consent_text,
    duration_text,
    number_text,
    pretty_json,
    translate,
)
from desktop.ui.playground.model_call_panel import text_box

if TYPE_CHECKING:
    from desktop.ui.services import AppServices

# (thread id, file name, the widget it is for, what to do with it) -> None: the page
# reads the image on a worker, and drops it if the widget is gone by then.
ImageLoader = Callable[[str, str, QObject, Callable[[QImage], None]], None]
IMAGE_WIDTH = 320


def image_loader(services: AppServices) -> ImageLoader:
    """Reads a thread's image on a worker and hands it to the GUI thread."""

    def load(thread_id: str, name: str, owner: QObject, show: Callable[[QImage], None]) -> None:
        files = services.thread_files
        services.tasks.run(
            lambda: QImage(str(files.path_of(thread_id, name))),
            show,
            lambda _exc: show(QImage()),
            owner=owner,
        )

    return load


def http_text(call: FunctionCall) -> str | None:
    """The HTTP exchange in a line (GET https://… → 200 in 120 ms (287 B, …)), or None."""
    http = call.http
    if http is None:
        return None
    status = str(http.status) if http.status is not None else translate("Playground", "no answer")
    extra = [f"{number_text(http.response_bytes)} B"] if http.response_bytes is not None else []
    if http.content_type:
        extra.append(http.content_type)
    tail = f" ({', '.join(extra)})" if extra else ""
    return (
        f"{http.method} {http.final_url or http.url} → {status} "
        + translate("Playground", "in %1").replace("%1", duration_text(http.duration_ms))
        + tail
    )


def code_texts(code: CodeRun) -> tuple[str, str]:
    """The logs and the errors of a code run, as text."""
    logs, failures = [], []
    for output in code.outputs:
        if output.type == "logs" and output.logs:
            logs.append(output.logs)
        elif output.type == "error" and output.error:
            error = output.error
            failures.append(
                f"{error.get('name', '')}: {error.get('value', '')}\n"
                + "\n".join(str(line) for line in error.get("traceback", []))
            )
        elif output.type == "note" and output.text:
            logs.append(f"[{output.text}]")
    return "".join(logs), "\n".join(failures)


def image_names(call: FunctionCall) -> list[str]:
    names = list(call.images or [])
    if call.code_interpreter is not None:
        for output in call.code_interpreter.outputs:
            if output.type == "image" and output.image and output.image.get("name"):
                names.append(str(output.image["name"]))
    return list(dict.fromkeys(names))


class CallCard(QFrame):
    """One function call and everything recorded about it."""

    def __init__(
        self, call: FunctionCall, thread_id: str, load_image: ImageLoader, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("Playground", "Tool call %1").replace("%1", call.name))
        form = QFormLayout(self)
        title = QLabel(f"<b>{html.escape(call.name)}</b> · {html.escape(call.id)}", self)
        form.addRow(title)
        form.addRow(
            translate("Playground", "Arguments"),
            self._box(pretty_json(call.arguments), translate("Playground", "Arguments")),
        )
        if call.consent is not None:
            asked = (
                translate("Playground", "asked")
                if call.consent.asked
                else translate("Playground", "remembered")
            )
            decision = consent_text(call.consent.decision)
            form.addRow(
                translate("Playground", "Consent"),
                QLabel(f"{call.consent.domain}: {decision} ({asked})"),
            )
        http = http_text(call)
        if http is not None:
            form.addRow(translate("Playground", "HTTP"), self._label(http))
        if call.duration_ms is not None:
            form.addRow(
                translate("Playground", "Took"), QLabel(duration_text(call.duration_ms), self)
            )
        if call.submitted:
            form.addRow(
                translate("Playground", "Answered"),
                QLabel(translate("Playground", "by hand, in the playground"), self),
            )
        if call.error is not None:
            form.addRow(
                translate("Playground", "Error"),
                self._label(f"{call.error.code}: {stored_text(call.error)}"),
            )
        if call.code_interpreter is not None:
            logs, failures = code_texts(call.code_interpreter)
            form.addRow(
                translate("Playground", "Code"),
                self._box(call.code_interpreter.input, translate("Playground", "Code")),
            )
            if logs:
                form.addRow(
                    translate("Playground", "Logs"),
                    self._box(logs, translate("Playground", "Logs")),
                )
            if failures:
                form.addRow(
                    translate("Playground", "Errors"),
                    self._box(failures, translate("Playground", "Errors")),
                )
        if call.web_browsing is not None:
            web = call.web_browsing
            form.addRow(
                translate("Playground", "Web"),
                self._label(f"{web.action} {web.final_url or web.url or web.query or ''}"),
            )
        output = call.output
        text = (
            pretty_json(output)
            if output is not None
            else translate("Playground", "(no output yet)")
        )
        form.addRow(
            translate("Playground", "Output"), self._box(text, translate("Playground", "Output"))
        )
        names = image_names(call)
        if names:
            row = QHBoxLayout()
            for name in names:
                label = QLabel(name, self)
                label.setAccessibleName(translate("Playground", "Image %1").replace("%1", name))
                row.addWidget(label)
                load_image(
                    thread_id, name, label, lambda image, shown=label: self._show(shown, image)
                )
            row.addStretch(1)
            form.addRow(translate("Playground", "Images"), row)

    def _box(self, text: str, name: str) -> QWidget:
        box = text_box(self, name)
        box.setPlainText(text)
        lines = max(text.count("\n") + 1, 1)
        box.setFixedHeight(min(24 + lines * box.fontMetrics().lineSpacing(), 220))
        return box

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _show(label: QLabel, image: QImage) -> None:
        if image.isNull():
            label.setText(translate("Playground", "(the image cannot be read)"))
            return
        label.setPixmap(QPixmap.fromImage(image).scaledToWidth(IMAGE_WIDTH))


class ToolCallsPanel(QScrollArea):
    """Every call of one tool round, one card each."""

    def __init__(self, load_image: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load_image = load_image
        self.setWidgetResizable(True)
        self.setAccessibleName(translate("Playground", "Tool calls"))
        self._shown: tuple[object, ...] | None = None
        self.cards: list[CallCard] = []

    def show_step(self, step: Step) -> None:
        key = (step.id, step.status, tuple(_state(c) for c in step.function_calls()))
        if key == self._shown:
            return
        self._shown = key
        body = QWidget(self)
        column = QVBoxLayout(body)
        self.cards = [
            CallCard(call, step.thread_id, self._load_image, body) for call in step.function_calls()
        ]
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        self.setWidget(body)


def _state(call: FunctionCall) -> tuple[object, ...]:
    """What can change on a call once made: its output, consent, error and records."""
    decision = call.consent.decision if call.consent is not None else None
    return (call.output, decision, call.error is not None, call.duration_ms, call.submitted)
