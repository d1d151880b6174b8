"""A thread's files: attach, list, what changed, save out, and names that cannot escape."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.threadfiles import ThreadFiles, unique_path


@pytest.fixture
def files(tmp_path: Path) -> ThreadFiles:
    return ThreadFiles(tmp_path / "threads")


def test_attach_copies_and_numbers_taken_names(files: ThreadFiles, tmp_path: Path) -> None:
    source = tmp_path / "数据.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    first = files.attach("thread_1", [source])
    second = files.attach("thread_1", [source])
    assert [e.name for e in first + second] == ["数据.csv", "数据 (2).csv"]
    assert [e.name for e in files.list("thread_1")] == ["数据 (2).csv", "数据.csv"]
    assert (files.folder("thread_1") / "数据.csv").read_text(encoding="utf-8") == "a,b\n1,2\n"


def test_a_bad_path_in_a_batch_attaches_nothing(files: ThreadFiles, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("x")
    with pytest.raises(errors.ValidationError, match="not a file"):
        files.attach("thread_1", [good, tmp_path / "missing.txt"])
    assert files.list("thread_1") == []


def test_changed_since_names_new_and_rewritten_files(files: ThreadFiles) -> None:
    folder = files.folder("thread_1")
    (folder / "kept.txt").write_text("same")
    (folder / "edited.txt").write_text("old")
    before = files.snapshot("thread_1")
    (folder / "edited.txt").write_text("new and longer")
    (folder / "out").mkdir()
    (folder / "out" / "plot.png").write_bytes(b"png")
    (folder / ".ipython").mkdir()
    (folder / ".ipython" / "history.sqlite").write_bytes(b"hidden")
    changed = [e.name for e in files.changed_since("thread_1", before)]
    assert changed == ["edited.txt", "out/plot.png"]


def test_names_cannot_leave_the_thread_folder(files: ThreadFiles, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("no")
    for name in ("../secret.txt", "/etc/passwd", "a/../../secret.txt", ""):
        with pytest.raises(errors.ValidationError):
            files.path_of("thread_1", name)
    folder = files.folder("thread_1")
    os.symlink(tmp_path / "secret.txt", folder / "link.txt")
    with pytest.raises(errors.ValidationError, match="outside"):
        files.path_of("thread_1", "link.txt")
    assert [e.name for e in files.list("thread_1")] == []  # links are not listed
    with pytest.raises(errors.ValidationError, match="thread id"):
        files.folder("../x")


def test_save_never_overwrites_unasked(files: ThreadFiles, tmp_path: Path) -> None:
    entry = files.add_bytes("thread_1", "image.png", b"\x89PNG...")
    out = tmp_path / "out"
    out.mkdir()
    saved = files.save("thread_1", entry.name, out)
    assert saved.read_bytes() == b"\x89PNG..."
    with pytest.raises(errors.ValidationError, match="already exists"):
        files.save("thread_1", entry.name, out)
    (files.folder("thread_1") / entry.name).write_bytes(b"new")
    assert files.save("thread_1", entry.name, out, overwrite=True).read_bytes() == b"new"
    with pytest.raises(errors.NotFoundError, match=r"no file 'nope\.png'") as caught:
        files.save("thread_1", "nope.png", out)
    assert caught.value.action == errors.UserAction("list_thread_files", {"thread_id": "thread_1"})


def test_add_bytes_cleans_names_and_keeps_both(files: ThreadFiles) -> None:
    first = files.add_bytes("thread_1", "../../evil:name?.png", b"1")
    second = files.add_bytes("thread_1", "evil_name_.png", b"2")
    assert first.name == "evil_name_.png"
    assert second.name == "evil_name_ (2).png"
    assert not any(p.name.startswith(".part-") for p in files.folder("thread_1").iterdir())


def test_unique_path_counts_up(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1")
    (tmp_path / "a (2).txt").write_text("2")
    assert unique_path(tmp_path / "a.txt").name == "a (3).txt"
    assert unique_path(tmp_path / "b.txt").name == "b.txt"


def test_remove_thread_deletes_its_folder_only(files: ThreadFiles) -> None:
    files.add_bytes("thread_1", "a.txt", b"1")
    files.add_bytes("thread_2", "b.txt", b"2")
    files.remove_thread("thread_1")
    assert not (files.root / "thread_1").exists()
    assert [e.name for e in files.list("thread_2")] == ["b.txt"]
