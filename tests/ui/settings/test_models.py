"""Settings › Local models: the build line, import, delete, and catalog downloads."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.models import storage
from desktop.core.models.catalog import CatalogEntry, load_catalog
from desktop.core.providers.llama.build import build_info
from desktop.ui.services import AppServices
from desktop.ui.settings.catalog import CatalogPane
from desktop.ui.settings.page import SettingsPage
from tests.helpers.hf_server import FakeHub
from tests.ui.settings.conftest import WAIT_MS, World, question

GPU_BUILD: dict[str, Any] = {
    "llama_cpp_python": "0.3.36",
    "system_info": "CPU : AVX2 = 1 |",
    "gpu_offload": True,
    "devices": [
        {"type": "CPU", "name": "CPU", "description": "x86", "memory_free": 0},
        {
            "type": "GPU",
            "name": "CUDA0",
            "description": "NVIDIA H200",
            "memory_free": 140 * 1024**3,
            "memory_total": 143 * 1024**3,
        },
    ],
}


def shown_models(qtbot: Any, page: SettingsPage) -> SettingsPage:
    """Show the models section and wait until it is listed with the build's facts."""
    page.show()
    models = page.models
    with qtbot.wait_signals(
        [models.build_known, models.catalog.listed, models.installed.listed], timeout=WAIT_MS
    ):
        page.show_section("models")
    # The build's facts make the models list itself again, with what auto offloads.
    qtbot.wait_until(lambda: bool(models.installed.listed_build), timeout=WAIT_MS)
    return page


def cells(page: SettingsPage, row: int = 0) -> list[str]:
    model = page.models.installed.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_import_a_gguf_with_progress_and_see_its_facts(
    qtbot: Any, make_page: Any, services: AppServices, tiny_gguf: Path
) -> None:
    page = shown_models(qtbot, make_page())
    installed = page.models.installed
    assert installed.area.empty
    with (
        qtbot.assert_not_emitted(installed.import_failed),
        qtbot.wait_signal(page.models_changed, timeout=WAIT_MS),
        qtbot.wait_signal(installed.imported, timeout=WAIT_MS),
    ):
        installed.import_file(tiny_gguf)
    qtbot.wait_until(lambda: installed.selected() is not None, timeout=WAIT_MS)
    copied = services.models.user_folder / tiny_gguf.name
    assert copied.read_bytes() == tiny_gguf.read_bytes()
    assert installed.job is not None and installed.job.last is not None
    assert installed.job.last.stage == "copy" and installed.job.last.done == copied.stat().st_size
    assert installed.status.text() == "Imported tiny-chat."
    model_id, kind, arch, quant, _params, context, _size, memory, layers = cells(page)
    assert (model_id, kind, arch, quant, context) == ("tiny-chat", "chat", "llama", "F32", "2,048")
    assert memory.endswith("MB")
    assert layers == "auto: 0 of 2 (CPU)"  # the CPU-only build the page was told of
    assert "tokens of context" in installed.details.text()
    assert "CPU only" in page.models.auto_label.text()


def test_a_file_that_is_not_a_model_is_refused_in_place(
    qtbot: Any, make_page: Any, services: AppServices, tmp_path: Path
) -> None:
    page = shown_models(qtbot, make_page())
    installed = page.models.installed
    fake = tmp_path / "notes.gguf"
    fake.write_text("<html>a download page, not a model</html>")
    with qtbot.wait_signal(installed.import_failed, timeout=WAIT_MS):
        installed.import_file(fake)
    assert installed.error_banner.notice is not None
    assert installed.error_banner.notice.code == "model_file_invalid"
    assert "not a GGUF model file" in installed.error_banner.notice.detail
    assert list(services.models.user_folder.iterdir()) == []


def test_delete_asks_with_the_files_and_their_size(
    qtbot: Any, make_page: Any, services: AppServices, tiny_gguf: Path
) -> None:
    target = services.models.user_folder / "tiny-chat.gguf"
    shutil.copy(tiny_gguf, target)
    page = shown_models(qtbot, make_page())
    installed = page.models.installed
    installed.select("tiny-chat")
    box = question(qtbot, installed, installed.delete_selected)
    assert "tiny-chat" in box.text() and "KB" in box.text()
    assert str(target) in box.informativeText()
    box.done(QMessageBox.StandardButton.Cancel)
    assert target.exists()

    box = question(qtbot, installed, installed.delete_selected)
    with (
        qtbot.wait_signal(page.models_changed, timeout=WAIT_MS),
        qtbot.wait_signal(installed.listed, timeout=WAIT_MS),
    ):
        box.done(QMessageBox.StandardButton.Yes)
    assert not target.exists()
    assert installed.area.empty
    assert installed.status.text().startswith("Deleted tiny-chat.gguf")


def test_with_a_gpu_build_auto_offloads_every_layer_and_says_whether_it_fits(
    qtbot: Any, make_page: Any, services: AppServices, tiny_gguf: Path, world: World
) -> None:
    world.build = GPU_BUILD
    shutil.copy(tiny_gguf, services.models.user_folder / "tiny-chat.gguf")
    page = shown_models(qtbot, make_page())
    assert cells(page)[8] == "auto: 2 of 2 on the GPU"
    assert "CUDA0 (NVIDIA H200)" in page.models.auto_label.text()
    page.models.installed.select("tiny-chat")
    assert "Fits in CUDA0's free memory" in page.models.installed.details.text()


def test_the_build_line_comes_from_this_llama_cpp(
    qtbot: Any, make_page: Any, services: AppServices, world: World
) -> None:
    page = SettingsPage(
        services, outside=dataclasses.replace(world.outside(), build_info=build_info)
    )
    qtbot.add_widget(page)
    shown_models(qtbot, page)
    text = page.models.build_label.text()
    assert text.startswith("llama.cpp: llama-cpp-python ") and "CPU features:" in text
    assert "GPU offload" in page.models.auto_label.text()
    assert (services.paths.cache / "llama-build.json").exists()  # asked once, then kept


def entry_served(hub: FakeHub, data: bytes, **kw: Any) -> CatalogEntry:
    entry = load_catalog().models[0]
    hub.add(entry.repo, entry.file, data, **kw)
    return entry


def paused_download(qtbot: Any, catalog: CatalogPane, entry: CatalogEntry, size: int) -> None:
    """Start downloading `entry` from a slow hub, see it move, then pause it."""
    catalog.select(entry.id)
    assert catalog.download_button.text() == "Do&wnload"
    assert catalog.model.status(catalog.row_of(entry.id)[1]) == "Not downloaded"
    qtbot.mouseClick(catalog.download_button, Qt.MouseButton.LeftButton)

    def moving() -> bool:
        progress = catalog.row_of(entry.id)[1].progress
        return progress is not None and 0 < progress.done < size and progress.rate > 0

    qtbot.wait_until(moving, timeout=WAIT_MS)
    status = catalog.model.index(catalog.row_of(entry.id)[0], 5).data()
    assert status.startswith("Downloading…") and "%" in status and "/s" in status
    assert catalog.pause_button.isEnabled() and not catalog.download_button.isEnabled()
    assert not catalog.discard_button.isEnabled()
    with qtbot.wait_signal(catalog.download_stopped, timeout=WAIT_MS):
        qtbot.mouseClick(catalog.pause_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: catalog.download_button.text() == "&Resume", timeout=WAIT_MS)


def test_download_from_the_catalog_with_progress_pause_and_resume(
    qtbot: Any, make_page: Any, services: AppServices, hub: FakeHub, tiny_gguf: Path
) -> None:
    data = tiny_gguf.read_bytes()
    entry = entry_served(hub, data)
    hub.script.piece_delay_s = 0.1  # a slow link: the download takes about a second
    page = shown_models(qtbot, make_page())
    catalog = page.models.catalog
    paused_download(qtbot, catalog, entry, len(data))
    [partial] = storage.partials_for(services.models.user_folder, entry.file_name)
    kept = partial.stat().st_size
    assert 0 < kept < len(data)
    assert not (services.models.user_folder / entry.file_name).exists()
    assert "Paused" in catalog.model.status(catalog.row_of(entry.id)[1])

    hub.script.piece_delay_s = 0.0
    with (
        qtbot.assert_not_emitted(catalog.download_stopped),
        qtbot.wait_signal(page.models_changed, timeout=WAIT_MS),
        qtbot.wait_signal(catalog.download_finished, timeout=WAIT_MS),
    ):
        qtbot.mouseClick(catalog.download_button, Qt.MouseButton.LeftButton)
    assert hub.gets()[-1].headers.get("Range") == f"bytes={kept}-"
    assert (services.models.user_folder / entry.file_name).read_bytes() == data
    status = catalog.model.status(catalog.row_of(entry.id)[1])
    assert status == "Downloaded · checksum verified"
    assert not catalog.download_button.isEnabled()
    installed = page.models.installed
    qtbot.wait_until(
        lambda: [f.model.id for f in installed.model.rows] == [entry.id], timeout=WAIT_MS
    )


def test_a_paused_download_can_be_discarded(
    qtbot: Any, make_page: Any, services: AppServices, hub: FakeHub, tiny_gguf: Path
) -> None:
    entry = entry_served(hub, tiny_gguf.read_bytes())
    hub.script.piece_delay_s = 0.1
    page = shown_models(qtbot, make_page())
    catalog = page.models.catalog
    paused_download(qtbot, catalog, entry, tiny_gguf.stat().st_size)
    assert catalog.discard_button.isEnabled()
    box = question(qtbot, catalog, catalog.discard_selected)
    assert entry.name in box.text()
    box.done(QMessageBox.StandardButton.Yes)
    qtbot.wait_until(
        lambda: catalog.model.status(catalog.row_of(entry.id)[1]) == "Not downloaded",
        timeout=WAIT_MS,
    )
    assert storage.partials_for(services.models.user_folder, entry.file_name) == []
    assert catalog.download_button.text() == "Do&wnload"


def test_a_download_whose_checksum_is_wrong_is_dropped_and_says_so(
    qtbot: Any, make_page: Any, services: AppServices, hub: FakeHub, tiny_gguf: Path
) -> None:
    entry = entry_served(hub, tiny_gguf.read_bytes(), sha256="0" * 64)
    page = shown_models(qtbot, make_page())
    catalog = page.models.catalog
    with (
        qtbot.assert_not_emitted(catalog.download_finished),
        qtbot.wait_signal(catalog.download_stopped, timeout=WAIT_MS),
    ):
        catalog.download(entry.id)
    record = catalog.row_of(entry.id)[1]
    assert record.activity == "failed"
    assert catalog.model.status(record).startswith("Failed: The downloaded file is not the right")
    assert catalog.error_banner.notice is not None
    assert catalog.error_banner.notice.code == "checksum_mismatch"
    assert list(services.models.user_folder.iterdir()) == []
