from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models import download as dl
from desktop.core.models import storage
from desktop.core.models.catalog import HubFile, load_catalog
from desktop.core.models.progress import Progress
from tests.helpers.hf_server import FakeHub

REPO = "owner/Tiny-GGUF"
NAME = "tiny-q4_k_m.gguf"
DATA = os.urandom(3 * 1024 * 1024)
SHA = hashlib.sha256(DATA).hexdigest()
SOURCE = HubFile(REPO, NAME)


@pytest.fixture
def served(hub: FakeHub) -> FakeHub:
    hub.add(REPO, NAME, DATA)
    return hub


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


def _partials(folder: Path) -> list[Path]:
    return storage.partials_for(folder, NAME)


def test_download_reports_progress_and_verifies_the_file(served: FakeHub, dest: Path) -> None:
    reports: list[Progress] = []
    result = dl.download(SOURCE, dest, progress=reports.append)
    assert result.path == dest / NAME and result.sha256 == SHA
    assert not result.already_present and result.resumed_from == 0
    assert (dest / NAME).read_bytes() == DATA and not _partials(dest)
    fetched = [r for r in reports if r.stage == "download"]
    assert [r.done for r in fetched] == sorted(r.done for r in fetched)
    assert fetched[-1].done == fetched[-1].total == len(DATA)
    assert reports[-1].stage == "verify" and reports[-1].done == len(DATA)
    assert [r.method for r in served.requests] == ["HEAD", "GET"]
    assert "Range" not in served.gets()[0].headers


def test_a_verified_file_is_not_downloaded_again(served: FakeHub, dest: Path) -> None:
    dl.download(SOURCE, dest)
    again = dl.download(SOURCE, dest)
    assert again.already_present and again.sha256 == SHA
    assert len(served.gets()) == 1


def test_a_different_file_with_the_same_name_is_not_overwritten(
    served: FakeHub, dest: Path
) -> None:
    (dest / NAME).write_bytes(b"mine")
    with pytest.raises(errors.DownloadError, match="different file named"):
        dl.download(SOURCE, dest)
    assert (dest / NAME).read_bytes() == b"mine"


def test_a_dropped_connection_resumes_with_a_range_request(served: FakeHub, dest: Path) -> None:
    served.cut(at=1_000_000)
    result = dl.download(SOURCE, dest)
    assert hashlib.sha256(result.path.read_bytes()).hexdigest() == SHA
    assert [g.headers.get("Range") for g in served.gets()] == [None, "bytes=1000000-"]


def test_an_interrupted_download_is_kept_and_the_next_call_resumes_it(
    served: FakeHub, dest: Path
) -> None:
    served.cut(at=1_200_000, times=10)
    with pytest.raises(errors.DownloadError, match=r"partial file .* is kept") as caught:
        dl.download(SOURCE, dest)
    assert "run the same download again" in caught.value.message
    [partial] = _partials(dest)
    assert partial.stat().st_size == 1_200_000 and not (dest / NAME).exists()

    served.cut(at=0, times=0)
    result = dl.download(SOURCE, dest)
    assert result.resumed_from == 1_200_000
    assert served.gets()[-1].headers.get("Range") == "bytes=1200000-"
    assert hashlib.sha256(result.path.read_bytes()).hexdigest() == SHA
    assert not _partials(dest)


def test_a_server_ignoring_the_range_starts_over_cleanly(served: FakeHub, dest: Path) -> None:
    served.cut(at=500_000)
    served.script.ignore_range = True
    result = dl.download(SOURCE, dest)
    assert result.path.read_bytes() == DATA


def test_a_checksum_mismatch_removes_the_file_and_says_so(hub: FakeHub, dest: Path) -> None:
    hub.add(REPO, NAME, DATA, sha256="0" * 64)
    with pytest.raises(errors.ChecksumMismatchError) as caught:
        dl.download(SOURCE, dest)
    assert "was removed" in caught.value.message and "0" * 64 in caught.value.message
    assert not (dest / NAME).exists() and not _partials(dest)


def test_too_little_disk_space_refuses_before_writing(
    served: FakeHub, dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "free_bytes", lambda folder: 1_000_000)
    with pytest.raises(errors.DiskSpaceError) as caught:
        dl.download(SOURCE, dest)
    assert "3.1 MB" in caught.value.message and "1.0 MB is free" in caught.value.message
    assert served.gets() == [] and list(dest.iterdir()) == []


def test_cancel_keeps_the_partial_file_for_the_next_call(served: FakeHub, dest: Path) -> None:
    token = CancelToken()

    def cancel_at_first_report(report: Progress) -> None:
        token.cancel()

    with pytest.raises(errors.CancelledError, match="is kept") as caught:
        dl.download(SOURCE, dest, progress=cancel_at_first_report, cancel=token)
    [partial] = _partials(dest)
    kept = partial.stat().st_size
    assert 0 < kept < len(DATA) and "resume" in caught.value.message
    result = dl.download(SOURCE, dest)
    assert result.resumed_from == kept and result.path.read_bytes() == DATA
    assert served.gets()[-1].headers.get("Range") == f"bytes={kept}-"


def test_a_cancelled_token_stops_before_anything_is_asked(served: FakeHub, dest: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(errors.CancelledError, match="before it started"):
        dl.download(SOURCE, dest, cancel=token)
    assert served.requests == []


def test_a_partial_of_an_older_version_is_dropped(served: FakeHub, dest: Path) -> None:
    stale = storage.partial_path(dest, NAME, "f" * 64)
    stale.write_bytes(b"old bytes")
    result = dl.download(SOURCE, dest)
    assert result.resumed_from == 0 and not stale.exists()


def test_a_file_without_an_lfs_hash_is_checked_by_size(hub: FakeHub, dest: Path) -> None:
    hub.add(REPO, NAME, b"small text file", lfs=False)
    result = dl.download(SOURCE, dest)
    assert result.sha256 is None and result.size == len(b"small text file")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (HubFile("owner/Missing-GGUF", NAME), "No repository 'owner/Missing-GGUF'"),
        (HubFile(REPO, "other.gguf"), "has no file 'other.gguf'"),
    ],
)
def test_unknown_repositories_and_files_say_which(
    served: FakeHub, dest: Path, source: HubFile, message: str
) -> None:
    with pytest.raises(errors.DownloadError, match=message):
        dl.download(source, dest)
    assert list(dest.iterdir()) == []


def test_a_gated_repository_says_how_to_get_access(served: FakeHub, dest: Path) -> None:
    served.script.gated.add(REPO)
    with pytest.raises(errors.DownloadError, match=r"gated repository.*HF_TOKEN"):
        dl.download(SOURCE, dest)


def test_an_unreachable_hub_is_a_download_error(dest: Path) -> None:
    with pytest.raises(errors.DownloadError, match=r"Cannot reach http://127\.0\.0\.1:9"):
        dl.download(SOURCE, dest, endpoint="http://127.0.0.1:9")


def test_a_catalog_entry_downloads_under_its_file_name(hub: FakeHub, dest: Path) -> None:
    entry = load_catalog().get("qwen3-4b-q4_k_m")
    hub.add(entry.repo, entry.file, DATA)
    result = dl.download(entry, dest)
    assert result.path.name == "Qwen3-4B-Q4_K_M.gguf"


def test_the_endpoint_comes_from_hf_endpoint_at_call_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HF_ENDPOINT", raising=False)
    assert dl.hub_endpoint() == "https://huggingface.co"
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:8080/")
    assert dl.hub_endpoint() == "http://127.0.0.1:8080"
    assert dl.hub_endpoint("http://127.0.0.1:1") == "http://127.0.0.1:1"
