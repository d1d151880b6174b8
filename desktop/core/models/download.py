"""Model downloads from the Hugging Face Hub: resumable, disk-checked, verified, cancellable."""

from __future__ import annotations

import errno
import logging
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx2
from huggingface_hub import get_hf_file_metadata, hf_hub_url, hf_raise_for_status
from huggingface_hub.errors import (
    EntryNotFoundError,
    GatedRepoError,
    HfHubHTTPError,
    OfflineModeIsEnabled,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

# Public, documented utilities; the package's lazy __init__ just does not mark them re-exported.
from huggingface_hub.utils import (  # type: ignore[attr-defined]
    build_hf_headers,
    http_stream_backoff,
)

from desktop.core import errors
from desktop.core.cancel import CancelToken
from desktop.core.models import storage
from desktop.core.models.catalog import CatalogEntry, HubFile
from desktop.core.models.progress import Meter, ProgressCallback
from desktop.core.units import human_size

# The only module that imports huggingface_hub. The hub's metadata (size, sha256, commit) is
# read first; the bytes then go into `<file>.<etag>.incomplete` next to the destination, and
# the file is renamed into place only once its sha256 matches the hub's.
#
# Why not `hf_hub_download`: huggingface_hub (2.4) downloads into a process-unique temporary
# file and deletes it when anything goes wrong, so neither a cancel nor a dropped connection
# could be resumed later. The transfer here still goes through huggingface_hub's HTTP
# session, retries and error types; only the partial file is ours, and a GET with a Range
# header continues it, in this call after a dropped connection or in the next one.

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://huggingface.co"
ENDPOINT_ENV = "HF_ENDPOINT"
# Seconds between attempts after a dropped connection; tests shorten it.
RETRY_WAIT_S = 1.0
# Attempts in a row that bring no new byte before giving up (the partial file is kept).
MAX_STALLED_ATTEMPTS = 3
_TIMEOUT_S = 30.0
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_TRANSIENT = (httpx2.TimeoutException, httpx2.NetworkError, httpx2.RemoteProtocolError)


@dataclass(frozen=True)
class RemoteFile:
    """What the hub says about a file. `sha256` is None for files not stored with LFS."""

    url: str
    size: int | None
    sha256: str | None
    etag: str
    commit: str | None


@dataclass(frozen=True)
class DownloadResult:
    """A downloaded (or already present) file; `sha256` None means checked by size only."""

    path: Path
    size: int
    sha256: str | None
    already_present: bool
    resumed_from: int

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def hub_endpoint(endpoint: str | None = None) -> str:
    """`endpoint`, else HF_ENDPOINT as set now, else the public hub; no trailing slash."""
    chosen = endpoint or os.environ.get(ENDPOINT_ENV, "").strip() or DEFAULT_ENDPOINT
    return chosen.rstrip("/")


def fetch_metadata(
    source: HubFile, *, endpoint: str | None = None, token: str | bool | None = None
) -> RemoteFile:
    """Ask the hub for a file's size, hash and location; raises `errors.DownloadError`."""
    base = hub_endpoint(endpoint)
    url = hf_hub_url(source.repo, source.file, revision=source.revision, endpoint=base)
    try:
        meta = get_hf_file_metadata(url, token=token, endpoint=base)
    except Exception as exc:
        raise _download_error(exc, source, base) from exc
    if meta.etag is None or meta.commit_hash is None:
        raise errors.DownloadError(
            errors.said(
                "{base} answered for {source} without the headers a Hugging Face hub sends "
                "(ETag, X-Repo-Commit): check {variable}, or a proxy in between.",
                base=base,
                source=source,
                variable=ENDPOINT_ENV,
            )
        )
    sha = meta.etag.lower() if _SHA256.match(meta.etag.lower()) else None
    return RemoteFile(meta.location, meta.size, sha, meta.etag, meta.commit_hash)


def download(
    source: CatalogEntry | HubFile,
    dest_dir: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    endpoint: str | None = None,
    token: str | bool | None = None,
) -> DownloadResult:
    """Download `source` into `dest_dir`, resuming any earlier partial download.

    Runs on the calling (worker) thread; `progress` is called on it with `Progress`
    reports, at most ten a second. Raises `errors.CancelledError` when `cancel` is set
    (the partial file stays for resuming), `errors.DiskSpaceError` before any byte is
    written when the disk is too full, `errors.ChecksumMismatchError` after removing a
    file whose bytes are not the hub's, and `errors.DownloadError` for everything else.
    """
    hub_file = source.hub_file if isinstance(source, CatalogEntry) else source
    base = hub_endpoint(endpoint)
    if cancel is not None and cancel.cancelled:
        raise errors.CancelledError(
            errors.said("Download of {name} cancelled before it started.", name=hub_file.name)
        )
    remote = fetch_metadata(hub_file, endpoint=base, token=token)
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / hub_file.name
    if target.exists():
        return _already_there(target, remote, progress, cancel)
    partial = _prepare_partial(dest_dir, hub_file.name, remote)
    resumed_from = _size(partial)
    if remote.size is not None:
        storage.check_free_space(dest_dir, remote.size - resumed_from, hub_file.name)
    meter = Meter(
        "download",
        remote.size,
        callback=progress,
        cancel=cancel,
        cancel_message=lambda: _kept_message(hub_file.name, partial, remote.size, _CANCELLED),
        initial=resumed_from,
    )
    try:
        _transfer(remote, partial, hub_file.name, meter, _headers(remote.url, base, token))
    except errors.CapsuleError:
        raise
    except Exception as exc:
        raise _download_error(exc, hub_file, base, partial, remote.size) from exc
    meter.finish()
    sha = _verify(partial, remote, hub_file.name, progress, cancel)
    os.replace(partial, target)
    return DownloadResult(target, _size(target), sha, False, resumed_from)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


_CANCELLED, _STOPPED = "cancelled", "stopped"


def _kept_message(name: str, partial: Path, total: int | None, what: str, reason: str = "") -> str:
    """Why the download ended, and where its partial file waits to be resumed.

    `what` is `_CANCELLED`, `_STOPPED`, or anything else for a connection that kept
    dropping (its last failure in `reason`).
    """
    have = human_size(_size(partial))
    values = {"name": name, "have": have, "folder": partial.parent, "reason": reason}
    if total:
        values["total"] = human_size(total)
        if what == _CANCELLED:
            return errors.said(
                "Download of {name} cancelled. The partial file ({have} of {total}) is kept in "
                "{folder}: run the same download again to resume it.",
                **values,
            )
        if what == _STOPPED:
            return errors.said(
                "Download of {name} stopped. The partial file ({have} of {total}) is kept in "
                "{folder}: run the same download again to resume it.",
                **values,
            )
        return errors.said(
            "Download of {name} stopped: the connection keeps dropping ({reason}). The partial "
            "file ({have} of {total}) is kept in {folder}: run the same download again to "
            "resume it.",
            **values,
        )
    if what == _CANCELLED:
        return errors.said(
            "Download of {name} cancelled. The partial file ({have}) is kept in "
            "{folder}: run the same download again to resume it.",
            **values,
        )
    if what == _STOPPED:
        return errors.said(
            "Download of {name} stopped. The partial file ({have}) is kept in "
            "{folder}: run the same download again to resume it.",
            **values,
        )
    return errors.said(
        "Download of {name} stopped: the connection keeps dropping ({reason}). The partial "
        "file ({have}) is kept in {folder}: run the same download again to resume it.",
        **values,
    )


def _prepare_partial(folder: Path, name: str, remote: RemoteFile) -> Path:
    """The partial file for this version of `name`; stale ones (other versions) go."""
    partial = storage.partial_path(folder, name, remote.etag)
    for other in storage.partials_for(folder, name):
        if other != partial:
            log.info("removing a partial download of an older version: %s", other)
            other.unlink(missing_ok=True)
    if remote.size is not None and _size(partial) > remote.size:
        partial.unlink()
    return partial


def _headers(url: str, base: str, token: str | bool | None) -> dict[str, str]:
    headers = build_hf_headers(token=token)
    headers["Accept-Encoding"] = "identity"  # byte offsets must be the file's own
    if urlsplit(url).netloc != urlsplit(base).netloc:
        # A signed CDN address: the hub's token must not travel there.
        headers.pop("authorization", None)
    return headers


def _transfer(
    remote: RemoteFile, partial: Path, name: str, meter: Meter, headers: dict[str, str]
) -> None:
    """Fetch the missing bytes, resuming after dropped connections while they bring data."""
    stalled = 0
    while True:
        before = _size(partial)
        if remote.size is not None and before >= remote.size:
            return
        failure: Exception | None = None
        try:
            _stream_once(remote.url, partial, meter, headers)
        except _TRANSIENT as exc:
            failure = exc
        if failure is None and remote.size is None:
            return
        stalled = 0 if _size(partial) > before else stalled + 1
        if stalled >= MAX_STALLED_ATTEMPTS:
            reason = str(failure or "short read")
            raise errors.DownloadError(
                _kept_message(name, partial, remote.size, "dropping", reason)
            )
        log.info("download interrupted (%s); resuming", failure or "short read")
        time.sleep(RETRY_WAIT_S)


def _stream_once(url: str, partial: Path, meter: Meter, headers: dict[str, str]) -> None:
    start = _size(partial)
    request_headers = dict(headers)
    if start:
        request_headers["Range"] = f"bytes={start}-"
    with http_stream_backoff(
        "GET",
        url,
        headers=request_headers,
        timeout=_TIMEOUT_S,
        follow_redirects=True,
        # Network errors are retried by `_transfer`, which resumes from the partial file;
        # here they would be swallowed mid-body by the retry generator.
        retry_on_exceptions=(),
        max_retries=2,
        base_wait_time=RETRY_WAIT_S,
    ) as response:
        hf_raise_for_status(response)
        mode = "ab"
        if start and response.status_code != 206:
            # The server ignored the Range header and sends the whole file: start over.
            mode = "wb"
            meter.restart()
        with partial.open(mode) as out:
            for chunk in response.iter_bytes():
                meter.check()
                out.write(chunk)
                meter.advance(len(chunk))


def _verify(
    path: Path,
    remote: RemoteFile,
    name: str,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> str | None:
    """Compare with the hub's sha256 (or size); remove the file on a mismatch."""
    size = _size(path)
    got: str | None = None
    if remote.sha256 is not None:
        meter = Meter(
            "verify",
            size,
            callback=progress,
            cancel=cancel,
            cancel_message=lambda: _kept_message(name, path, remote.size, _CANCELLED),
        )
        got = storage.sha256_file(path, meter)
    if (remote.size is not None and size != remote.size) or got != remote.sha256:
        path.unlink(missing_ok=True)
        expected = remote.sha256 or f"{remote.size:,} bytes"
        found = got or f"{size:,} bytes"
        raise errors.ChecksumMismatchError(
            errors.said(
                "The downloaded {name} does not match the hub's checksum (expected {expected}, "
                "got {found}). The file was removed: run the download again. If it fails "
                "again, the file on the hub or a proxy in between is damaged.",
                name=name,
                expected=expected,
                found=found,
            )
        )
    return got


def _already_there(
    target: Path,
    remote: RemoteFile,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> DownloadResult:
    size = _size(target)
    got: str | None = None
    if remote.sha256 is not None and size == remote.size:
        meter = Meter(
            "verify",
            size,
            callback=progress,
            cancel=cancel,
            cancel_message=errors.said(
                "Checking {name} cancelled; nothing was changed.", name=target.name
            ),
        )
        got = storage.sha256_file(target, meter)
    if got == remote.sha256 and (remote.size is None or size == remote.size):
        return DownloadResult(target, size, got, True, 0)
    raise errors.DownloadError(
        errors.said(
            "A different file named {name} is already in {folder} (it does not match the "
            "hub's version). Remove it first, or move it elsewhere, then download again.",
            name=target.name,
            folder=target.parent,
        ),
        errors.do(errors.Do.REMOVE_MODEL),
    )


def _download_error(
    exc: BaseException,
    source: HubFile,
    base: str,
    partial: Path | None = None,
    total: int | None = None,
) -> errors.DownloadError:
    """Turn a huggingface_hub or network failure into a message a person can act on.

    With a partial file kept, the sentence about it follows the failure's in English
    only: two sentences joined are not one template the window could translate.
    """
    action = None
    problem = _download_problem(exc, source, base)
    if isinstance(exc, OfflineModeIsEnabled):
        action = errors.do(errors.Do.IMPORT_MODEL)
    if partial is not None and _size(partial):
        problem = f"{problem} {_kept_message(source.name, partial, total, _STOPPED)}"
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return errors.DiskSpaceError(problem)
    return errors.DownloadError(problem, action)


def _download_problem(exc: BaseException, source: HubFile, base: str) -> str:
    page = f"{base}/{source.repo}"
    if isinstance(exc, GatedRepoError):
        text = errors.said(
            "{repo} is a gated repository: open {page}, accept its terms while signed in, "
            "then set HF_TOKEN to an access token of that account and try again.",
            repo=source.repo,
            page=page,
        )
    elif isinstance(exc, RepositoryNotFoundError):
        text = errors.said(
            "No repository '{repo}' on {base} (or it is private). Check the name; for a "
            "private repository set HF_TOKEN to an access token that can read it.",
            repo=source.repo,
            base=base,
        )
    elif isinstance(exc, RevisionNotFoundError):
        text = errors.said(
            "Repository {repo} has no revision '{revision}' on {base}.",
            repo=source.repo,
            revision=source.revision,
            base=base,
        )
    elif isinstance(exc, EntryNotFoundError):
        text = errors.said(
            "{repo} has no file '{file}' at revision '{revision}'. "
            "The name may have changed: see the files at {page}.",
            repo=source.repo,
            file=source.file,
            revision=source.revision,
            page=page,
        )
    elif isinstance(exc, OfflineModeIsEnabled):
        text = errors.said(
            "HF_HUB_OFFLINE is set, so nothing can be downloaded. Unset it, or import a "
            ".gguf file you already have."
        )
    elif isinstance(exc, HfHubHTTPError):
        status = exc.response.status_code if exc.response is not None else "an error"
        text = errors.said(
            "{base} answered HTTP {status} for {source}. Try again later.",
            base=base,
            status=status,
            source=source,
        )
    elif isinstance(exc, httpx2.TransportError):
        text = errors.said(
            "Cannot reach {base} ({reason}). Check your connection.",
            base=base,
            reason=exc or type(exc).__name__,
        )
    elif isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        text = errors.said(
            "The disk filled up while downloading {name}. Free some space and run the "
            "download again.",
            name=source.name,
        )
    elif isinstance(exc, OSError):
        text = errors.said(
            "Cannot write {name}: {reason}.", name=source.name, reason=exc.strerror or exc
        )
    else:
        text = errors.said("Downloading {source} failed: {reason}", source=source, reason=exc)
    return text
