"""Checks on zip-based files (DOCX, XLSX) before any parser sees them: zip and XML bombs.

A zip's header states each entry's uncompressed size, and Python's zipfile never returns
more than that size (a lie ends in a CRC error), so checking the stated sizes is enough.
Office XML never carries a document type declaration; one is how entity-expansion bombs
("billion laughs") and external entities arrive, so any part that has one is refused.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError

from defusedxml import (  # type: ignore[import-untyped]
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import DefusedXMLParser  # type: ignore[import-untyped]

from desktop.core.errors import said
from desktop.core.knowledge.extract.common import MB
from desktop.core.knowledge.extract.errors import (
    ArchiveBombError,
    UnsafeXmlError,
    UnsupportedFileError,
    corrupt,
)

MAX_ENTRIES = 10_000
MAX_UNCOMPRESSED = 1024 * MB
# Office XML compresses 5-30x; bombs compress 1000x. Small entries may compress as well
# as they like: a 1 MB entry cannot hurt.
MAX_RATIO = 100
RATIO_GRACE = 1 * MB
# Bounds the central directory zipfile parses before any of the checks below can run.
MAX_DIRECTORY = 16 * MB

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def open_office_zip(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """The file as an open zip once it passed every check, else a typed error.

    Args:
        data: the file's bytes.
        name: the file's name, for messages.
        kind: "DOCX" or "XLSX", for messages.

    Raises:
        UnsupportedFileError: an encrypted or legacy (OLE) Office file.
        CorruptFileError: not a zip.
        ArchiveBombError: too many entries, too large unpacked, or compressed too well.
        UnsafeXmlError: an XML part with a document type declaration.
    """
    if data.startswith(_OLE_MAGIC):
        raise UnsupportedFileError(
            said(
                "{name} is password-protected or saved in the old Office 97-2003 format. Open "
                "it in Office, remove the password if it has one, and save it as {kind}.",
                name=name,
                kind=kind,
            )
        )
    if _directory_size(data) > MAX_DIRECTORY:
        raise ArchiveBombError(
            said(
                "{name} was not opened: it lists far too many entries, which is how a 'zip "
                "bomb' fills memory and disk. If you trust the file, open it in the program "
                "that made it, save a copy, and add the copy.",
                name=name,
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise corrupt(name, kind, exc) from None
    try:
        check_entries(archive.infolist(), name)
        for info in archive.infolist():
            if info.filename.lower().endswith(_XML_SUFFIXES):
                _check_prolog(archive, info, name, kind)
    except BaseException:
        archive.close()
        raise
    return archive


def check_entries(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Refuse a zip by its stated entry count, total size and per-entry compression ratio."""
    if len(infos) > MAX_ENTRIES:
        raise ArchiveBombError(
            said(
                "{name} was not opened: it holds {count} entries (at most {limit} are opened), "
                "which is how a 'zip bomb' fills memory and disk. If you trust the file, open "
                "it in the program that made it, save a copy, and add the copy.",
                name=name,
                count=f"{len(infos):,}",
                limit=f"{MAX_ENTRIES:,}",
            )
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise ArchiveBombError(
            said(
                "{name} was not opened: it would unpack to {size} MB (at most {limit} MB are "
                "opened), which is how a 'zip bomb' fills memory and disk. If you trust the "
                "file, open it in the program that made it, save a copy, and add the copy.",
                name=name,
                size=f"{total / MB:,.0f}",
                limit=f"{MAX_UNCOMPRESSED / MB:,.0f}",
            )
        )
    for info in infos:
        if info.file_size > RATIO_GRACE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ArchiveBombError(
                said(
                    "{name} was not opened: it has a part compressed {ratio} times ({part}), "
                    "which is how a 'zip bomb' fills memory and disk. If you trust the file, "
                    "open it in the program that made it, save a copy, and add the copy.",
                    name=name,
                    ratio=f"{ratio:,.0f}",
                    part=info.filename,
                )
            )


def _directory_size(data: bytes) -> int:
    """The central directory's stated size, read from the end record (zip64 included)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0:
        return 0  # not a zip: zipfile says so with a better message
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    if size == 0xFFFF_FFFF:
        locator = data.rfind(b"PK\x06\x07", max(0, end - 20), end)
        if locator >= 0:
            offset = int.from_bytes(data[locator + 8 : locator + 16], "little")
            if data[offset : offset + 4] == b"PK\x06\x06":
                size = int.from_bytes(data[offset + 40 : offset + 48], "little")
    return size


class _RootReached(Exception):
    """Raised by the parser target at the first element: the prolog is all we check."""


class _StopAtRoot:
    def start(self, tag: str, attrib: dict[str, str]) -> None:
        raise _RootReached

    def end(self, tag: str) -> None:
        return None

    def data(self, data: str) -> None:
        return None

    def close(self) -> None:
        return None


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, kind: str) -> None:
    """Parse one XML part with defusedxml up to its root element, refusing any DTD."""
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=True)
    try:
        with archive.open(info) as part:
            while chunk := part.read(16_384):
                parser.feed(chunk)
    except _RootReached:
        return
    except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden):
        raise UnsafeXmlError(
            said(
                "{name} was not opened: its part {part} declares XML entities, which real "
                "{kind} files never do and 'billion laughs' attacks rely on. Open it in the "
                "program that made it, save a copy, and add the copy.",
                name=name,
                part=info.filename,
                kind=kind,
            )
        ) from None
    except (ParseError, zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise corrupt(name, kind, exc) from None
