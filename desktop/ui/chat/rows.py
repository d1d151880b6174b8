"""How each row of the conversation looks: laid-out text documents and pictures, cached.

A row is a stack of blocks: a message's header, its collapsible reasoning, its pictures,
its text (one `QTextDocument` per Markdown segment) and a line of actions; a tool step's
lines, each expandable. Rows are built when they scroll into view and kept (a few
hundred); a streamed change rebuilds only the segments whose text changed. Links inside
a row say what a click does: `cite:N`, `copy:N`, `think`, `tool:N`, `act:copy`,
`act:edit`, `act:regenerate`, or a web address. GUI thread only.
"""

from __future__ import annotations

import html
import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QTextDocument,
)

from desktop.core.conversations.transcript import MESSAGE, TOOL, Item, Transcript
from desktop.core.runs.citations import annotate
from desktop.core.runs.reasoning import reasoning_of
from desktop.core.store.records import Message
from desktop.ui.chat import activity
from desktop.ui.chat.images import ImageLoader
from desktop.ui.chat.looks import colors_of, css, tint
from desktop.ui.chat.markdown import plain_html, render, segments, with_citations

translate = QCoreApplication.translate  # named so: lupdate reads `translate("Context", ...)`

PAD_X, PAD_Y, GAP = 14, 10, 6
INDENT = 18
MAX_IMAGE_WIDTH = 480
ROWS_KEPT = 200  # laid-out rows kept for scrolling back


@dataclass
class Block:
    """One laid-out piece of a row, at `top` (row coordinates)."""

    top: float
    height: float
    left: float = PAD_X
    doc: QTextDocument | None = None
    image: QImage | None = None


@dataclass
class RowRender:
    """A row, laid out for one width: its blocks, height, and what its links refer to."""

    state: tuple[Any, ...]
    blocks: list[Block] = field(default_factory=list)
    height: float = 0.0
    background: QColor | None = None
    codes: list[str] = field(default_factory=list)
    # Its laid-out documents and their heights by (kind, source, width): a new layout of
    # the row takes those whose text did not change (a streamed answer lays out its last
    # segment only).
    docs: dict[tuple[str, str, int], tuple[QTextDocument, int]] = field(default_factory=dict)

    def paint(
        self, painter: QPainter, top: float, width: float, palette: QPalette, clip: QRectF
    ) -> None:
        """Draw the row at `top`; only its blocks inside `clip` (a long answer is tall)."""
        if self.background is not None:
            painter.setPen(QColor(0, 0, 0, 0))
            painter.setBrush(self.background)
            painter.drawRoundedRect(QRectF(4, top + 2, width - 8, self.height - 4), 8, 8)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        for block in self.blocks:
            y = top + block.top
            if y > clip.bottom() or y + block.height < clip.top():
                continue
            painter.save()
            painter.translate(block.left, y)
            if block.doc is not None:
                context.clip = clip.translated(-block.left, -y)
                block.doc.documentLayout().draw(painter, context)
            elif block.image is not None:
                painter.drawImage(QRectF(0, 0, block.image.width(), block.height), block.image)
            painter.restore()

    def anchor_at(self, x: float, y: float) -> str:
        for block in self.blocks:
            if block.doc is not None and block.top <= y < block.top + block.height:
                return str(
                    block.doc.documentLayout().anchorAt(QPointF(x - block.left, y - block.top))
                )
        return ""


class RowRenderer:
    """Lays out rows of one conversation. See the module docstring.

    `expanded` holds the open parts (`think:<message>`, `tool:<step>:<n>`); `busy` hides
    the actions that would start a run while one answers.
    """

    def __init__(
        self,
        font: QFont,
        palette: QPalette,
        images: ImageLoader,
        transcript: Callable[[], Transcript | None],
    ) -> None:
        self.font = QFont(font)
        self.palette = palette
        self.images = images
        self._transcript = transcript
        self._shown: Transcript | None = None
        self.gpt_name = ""
        self.expanded: set[str] = set()
        self.busy = False
        self.colors = colors_of(palette)
        self._rows: OrderedDict[str, RowRender] = OrderedDict()
        self._reusable: dict[tuple[str, str, int], tuple[QTextDocument, int]] = {}
        self._epoch = 0
        metrics = QFontMetrics(self.font)
        self._line = metrics.lineSpacing()
        self._char = max(metrics.averageCharWidth(), 1)

    @property
    def transcript(self) -> Transcript | None:
        """The conversation shown (the item model's); rows of another one are dropped."""
        current = self._transcript()
        if current is not self._shown:
            self._shown = current
            self._rows.clear()
        return current

    def forget(self) -> None:
        """Lay every row out again (something that changes all of them: busy, a picture)."""
        self._epoch += 1

    # -- sizes ------------------------------------------------------------------------------

    def estimate(self, item: Item, width: int) -> int:
        """A row's height without laying it out (for rows not yet seen)."""
        per_line = max((width - 2 * PAD_X) // self._char, 20)
        if item.kind == TOOL and self.transcript is not None:
            details = self.transcript.step(item).details
            calls = len(getattr(details, "tool_calls", ()))
            return 2 * PAD_Y + max(calls, 1) * (self._line + GAP)
        if item.kind != MESSAGE or self.transcript is None:
            return 0
        message = self.transcript.message(item.key)
        text = message.text
        lines = text.count("\n") + len(text) // per_line + 1
        pictures = sum(1 for p in message.content if p.get("type") == "image_file")
        return int(2 * PAD_Y + (lines + 3) * self._line * 1.2 + pictures * 260)

    # -- laying out -------------------------------------------------------------------------

    def cached(self, item: Item) -> RowRender | None:
        """The row as it was last laid out (maybe out of date), if it still is in memory."""
        return self._rows.get(item.key)

    def render(self, item: Item, width: int) -> RowRender:
        """The row laid out for `width` (cached while nothing it shows has changed)."""
        assert self.transcript is not None
        state = self._state(item, width)
        known = self._rows.get(item.key)
        if known is not None and known.state == state:
            self._rows.move_to_end(item.key)
            return known
        row = RowRender(state)
        text_width = max(width - 2 * PAD_X, 80)
        self._reusable = known.docs if known is not None else {}
        try:
            if item.kind == MESSAGE:
                self._message(row, self.transcript.message(item.key), text_width)
            elif item.kind == TOOL:
                self._tool(row, item, text_width)
        finally:
            self._reusable = {}
        self._rows[item.key] = row
        while len(self._rows) > ROWS_KEPT:
            self._rows.popitem(last=False)
        return row

    def _state(self, item: Item, width: int) -> tuple[Any, ...]:
        assert self.transcript is not None
        opened = tuple(sorted(k for k in self.expanded if item.key in k))
        version = self.transcript.version(item.key)
        return (version, width, self.busy, opened, self.colors, self._epoch)

    def annotations(self, message: Message) -> list[dict[str, Any]]:
        """The message's citations: stored, or found in the text while it streams."""
        stored = [
            note
            for part in message.content
            if part.get("type") == "text"
            for note in part["text"].get("annotations") or []
        ]
        if stored or message.status != "in_progress" or self.transcript is None:
            return stored
        timeline = self.transcript.timelines.get(message.run_id or "")
        return annotate(message.text, timeline.sources()) if timeline is not None else []

    def _message(self, row: RowRender, message: Message, width: int) -> None:
        user = message.role == "user"
        if user:
            row.background = tint(self.palette, 22)
        name = (
            translate("Chat", "You") if user else (self.gpt_name or translate("Chat", "Assistant"))
        )
        note = self._status_note(message)
        header = f"<b>{html.escape(name)}</b>"
        if note:
            header += f' <span style="color: {self.colors.muted};">· {html.escape(note)}</span>'
        self._add(row, "head", f"<p>{header}</p>", width)
        thought, duration = reasoning_of(message.content)
        if thought:
            self._reasoning(row, message, thought, duration, width)
        for part in message.content:
            if part.get("type") == "image_file" and self.transcript is not None:
                self._image(row, str(part["image_file"].get("file_id", "")), width)
        source = with_citations(message.text, self.annotations(message))
        for piece in segments(source) if source.strip() else []:
            rendered = render(piece, self.colors)
            row.codes += [*rendered.codes]
            self._add(
                row, "md", _renumbered(rendered.html, len(row.codes) - len(rendered.codes)), width
            )
        if message.attachments:
            names = ", ".join(_attachment(a) for a in message.attachments)
            line = translate("Chat", "Attached: %1").replace("%1", names)
            self._add(row, "plain", plain_html(line, self.colors.muted), width)
        self._add(row, "foot", self._actions(message), width)
        row.height += PAD_Y

    def _status_note(self, message: Message) -> str:
        if message.status != "incomplete" or self.transcript is None:
            return ""
        timeline = self.transcript.timelines.get(message.run_id or "")
        status = timeline.run.status if timeline is not None and timeline.run else ""
        if status == "cancelled":
            return translate("Chat", "stopped")
        if status == "failed":
            return translate("Chat", "failed")
        return translate("Chat", "cut short")

    def _reasoning(
        self, row: RowRender, message: Message, thought: str, duration: float | None, width: int
    ) -> None:
        streaming = message.status == "in_progress" and duration is None
        if streaming:
            label = translate("Chat", "Thinking…")
        else:
            seconds = max(round((duration or 0) / 1000), 1)
            label = translate("Chat", "Thought for %1 s").replace("%1", str(seconds))
        opened = f"think:{message.id}" in self.expanded
        arrow = "▾" if opened else "▸"
        muted = self.colors.muted
        link = f'<p><a href="think" style="color: {muted};">{arrow} {html.escape(label)}</a></p>'
        self._add(row, "think-head", link, width)
        if opened:
            for piece in segments(thought):
                self._add(
                    row, "think", plain_html(piece, self.colors.muted), width - INDENT, INDENT
                )

    def _image(self, row: RowRender, name: str, width: int) -> None:
        assert self.transcript is not None
        image = self.images.image(self.transcript.thread_id, name)
        if image is None or image.isNull():
            text = translate("Chat", "Picture: %1").replace("%1", name)
            self._add(row, "plain", plain_html(text, self.colors.muted), width)
            return
        shown = min(image.width(), width, MAX_IMAGE_WIDTH)
        height = image.height() * shown / max(image.width(), 1)
        row.height = row.height or PAD_Y
        row.blocks.append(Block(row.height, height, PAD_X, image=image.scaledToWidth(int(shown))))
        row.height += height + GAP

    def _actions(self, message: Message) -> str:
        links = [("act:copy", translate("Chat", "Copy"))]
        if not self.busy and message.status != "in_progress":
            if message.role == "user":
                links.append(("act:edit", translate("Chat", "Edit")))
            elif message.run_id:
                links.append(("act:regenerate", translate("Chat", "Regenerate")))
        shown = " · ".join(f'<a href="{href}">{html.escape(text)}</a>' for href, text in links)
        return f'<p style="font-size: small;">{shown}</p>'

    def _tool(self, row: RowRender, item: Item, width: int) -> None:
        assert self.transcript is not None
        step = self.transcript.step(item)
        for number, line in enumerate(activity.lines_of(step)):
            opened = f"tool:{item.key}:{number}" in self.expanded
            arrow = "▾" if opened else "▸"
            link = (
                f'<p><a href="tool:{number}" style="color: {self.colors.muted};">'
                f"{arrow} {html.escape(line)}</a></p>"
            )
            self._add(row, "tool", link, width)
            details = activity.details_of(step, number) if opened else ""
            if details:
                for piece in segments(details):
                    rendered = render(piece, self.colors)
                    row.codes += [*rendered.codes]
                    first = len(row.codes) - len(rendered.codes)
                    self._add(row, "md", _renumbered(rendered.html, first), width - INDENT, INDENT)
                call = step.details.tool_calls[number]  # type: ignore[union-attr]
                for name in getattr(call, "images", None) or []:
                    self._image(row, name, width)
        row.height += PAD_Y - GAP

    def _add(self, row: RowRender, kind: str, source: str, width: int, indent: int = 0) -> None:
        key = (kind, source, width)
        laid = row.docs.get(key) or self._reusable.get(key)
        if laid is None:
            doc = self._doc(source, width)
            laid = (doc, math.ceil(doc.size().height()))
        row.docs[key] = laid
        doc, height = laid
        row.height = row.height or PAD_Y
        row.blocks.append(Block(row.height, height, PAD_X + indent, doc=doc))
        row.height += height + GAP

    def _doc(self, source: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(self.font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(css(self.colors))
        doc.setHtml(source)
        doc.setTextWidth(width)
        return doc


def _renumbered(body: str, first: int) -> str:
    """A segment's `copy:N` links numbered from `first` (the row's code blocks so far)."""
    if not first or "copy:" not in body:
        return body
    count = body.count('href="copy:')
    for number in reversed(range(count)):
        body = body.replace(f'href="copy:{number}"', f'href="copy:{first + number}"')
    return body


def _attachment(record: dict[str, Any]) -> str:
    name = str(record.get("name") or record.get("file_id") or "")
    tools = {t.get("type") for t in record.get("tools") or []}
    if "file_search" in tools:
        return translate("Chat", "%1 (for search)").replace("%1", name)
    return translate("Chat", "%1 (for code)").replace("%1", name)


def changed_from(old: RowRender | None, new: RowRender) -> float:
    """Where in the row `new` first differs from `old` (its height when nothing does)."""
    if old is None or old.background != new.background:
        return 0.0
    for before, after in zip(old.blocks, new.blocks, strict=False):
        same = (
            before.doc is after.doc
            and before.image is after.image
            and before.top == after.top
            and before.height == after.height
        )
        if not same:
            return min(before.top, after.top)
    if len(old.blocks) != len(new.blocks):
        shorter = min(len(old.blocks), len(new.blocks))
        longer = old.blocks if len(old.blocks) > shorter else new.blocks
        return longer[shorter].top
    return new.height if old.height == new.height else min(old.height, new.height)
