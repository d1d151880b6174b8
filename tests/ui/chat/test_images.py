"""Pictures the code interpreter made appear in the answer, read off the GUI thread."""

from __future__ import annotations

import io

from PIL import Image

from desktop.core.gpt import validate_definition
from desktop.core.runs.outputs import image_parts
from desktop.core.store.records import text_content
from tests.ui.chat.conftest import WAIT_MS, Chat


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


def test_a_plot_shows_in_the_answer(chat: Chat) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "Plotter"})).id
    thread = store.threads.create(gpt, title="Plot")
    entry = chat.services.thread_files.add_bytes(thread.id, "plot-1.png", png(640, 320))
    with store.transaction() as tx:
        tx.threads.add_message(thread.id, "user", text_content("Plot it"), "completed")
        content = image_parts([entry.name]) + text_content("Here is the plot.")
        tx.threads.add_message(thread.id, "assistant", content, "completed")
    chat.open(gpt)
    view = chat.page.view

    def pictures() -> list[tuple[int, float]]:
        render = view.renderer.render(view.item(1), view.viewport().width())
        return [(b.image.width(), b.height) for b in render.blocks if b.image is not None]

    chat.qtbot.wait_until(lambda: bool(pictures()), timeout=WAIT_MS)
    ((width, height),) = pictures()
    assert width == 480 and height == 240  # scaled down to fit, in proportion
    assert "Here is the plot." in chat.row_text(1)
    assert "Picture: plot-1.png" not in chat.row_text(1)  # the placeholder is gone


def test_a_missing_picture_says_which(chat: Chat) -> None:
    store = chat.services.store
    gpt = store.gpts.create(validate_definition({"name": "Plotter"})).id
    thread = store.threads.create(gpt, title="Plot")
    with store.transaction() as tx:
        tx.threads.add_message(thread.id, "user", text_content("Plot it"), "completed")
        content = image_parts(["gone.png"]) + text_content("Here.")
        tx.threads.add_message(thread.id, "assistant", content, "completed")
    chat.open(gpt)
    chat.settle()
    assert "Picture: gone.png" in chat.row_text(1)
