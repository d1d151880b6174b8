"""Why a file could not be read, each error with a message that says what to do.

Every class keeps the one-argument constructor of `CapsuleError`, so an error raised in
the isolated child process comes back as the same class from its name and message.
"""

from __future__ import annotations

from desktop.core.errors import CapsuleError, Do, do, said


class ExtractionError(CapsuleError):
    """A file could not be read; the base of every extraction error."""

    code = "extraction_failed"


class CorruptFileError(ExtractionError):
    """The file is damaged, truncated, or not what its extension says."""

    code = "file_corrupt"


class EmptyFileError(CorruptFileError):
    code = "file_empty"


class NeedsPasswordError(ExtractionError):
    code = "needs_password"


class WrongPasswordError(ExtractionError):
    code = "wrong_password"


class FileTooLargeError(ExtractionError):
    code = "file_too_large"


class UnsupportedFileError(ExtractionError):
    code = "unsupported_file"


class ArchiveBombError(ExtractionError):
    """A zip-based file (DOCX, XLSX) that would unpack to far more than it weighs."""

    code = "archive_bomb"


class UnsafeXmlError(ExtractionError):
    """XML with a document type declaration, the carrier of entity-expansion bombs."""

    code = "unsafe_xml"


class ExtractionTimeoutError(ExtractionError):
    code = "extraction_timeout"


class MemoryLimitError(ExtractionError):
    code = "extraction_memory"


class ExtractorBugError(ExtractionError):
    """The isolated child failed in a way no file should cause: a bug to report."""

    code = "extractor_bug"


class OcrUnavailableError(ExtractionError):
    """The optional OCR engine is not installed; its action says how to get it."""

    code = "ocr_unavailable"

    def __init__(self, message: str) -> None:
        super().__init__(message, do(Do.INSTALL_OCR))


ERROR_CLASSES: dict[str, type[ExtractionError]] = {
    cls.__name__: cls
    for cls in (
        ExtractionError,
        CorruptFileError,
        EmptyFileError,
        NeedsPasswordError,
        WrongPasswordError,
        FileTooLargeError,
        UnsupportedFileError,
        ArchiveBombError,
        UnsafeXmlError,
        ExtractionTimeoutError,
        MemoryLimitError,
        ExtractorBugError,
        OcrUnavailableError,
    )
}


def corrupt(name: str, kind: str, detail: object) -> CorruptFileError:
    """The error for a file its parser rejected, with the parser's reason in brackets."""
    reason = str(detail).strip().rstrip(".") or type(detail).__name__
    if len(reason) > 200:
        reason = reason[:200] + "..."
    if kind == "image":
        message = said(
            "{name} could not be read: it looks damaged or is not a real image file "
            "({reason}). Open it in the program that made it and save it again, then add it "
            "once more.",
            name=name,
            reason=reason,
        )
    elif kind == "text":
        message = said(
            "{name} could not be read: it looks damaged or is not a real text file "
            "({reason}). Open it in the program that made it and save it again, then add it "
            "once more.",
            name=name,
            reason=reason,
        )
    else:
        message = said(
            "{name} could not be read: it looks damaged or is not a real {kind} file "
            "({reason}). Open it in the program that made it and save it again, then add it "
            "once more.",
            name=name,
            kind=kind,
            reason=reason,
        )
    return CorruptFileError(message)
