"""Exceptions and warnings raised by gijiroku.

Every exception the library raises on purpose derives from :class:`GijirokuError`, so
``except gijiroku.GijirokuError`` is enough around a batch job::

    GijirokuError(Exception)
    ├── DecodeError(GijirokuError, ValueError)     bytes that are no known encoding
    │   └── PdfError(DecodeError)                  a PDF file whose text cannot be read
    │       ├── EncryptedPdfError(PdfError)        it needs a password (or got a wrong one)
    │       ├── BrokenPdfError(PdfError)           damaged, truncated, or no PDF at all
    │       └── ScannedPdfError(PdfError)          no text layer: its pages are images (OCR it)
    ├── FetchError(GijirokuError, OSError)         the NDL Kokkai API could not be read; .url, .status
    ├── FormatNotFound(GijirokuError, LookupError) an unknown ``format=`` name
    ├── MissingExtraError(GijirokuError, ImportError)  an optional extra is not installed
    ├── OutputError(GijirokuError, ValueError)     minutes an output format cannot hold
    └── ParseError(GijirokuError, ValueError)      on_issue="raise" and a diagnostic; .diagnostics
    GijirokuWarning(UserWarning)                   on_issue="warn": one warning per diagnostic

A wrong argument *type* raises the built-in :class:`TypeError` at once; content problems are
data (:class:`gijiroku.models.Diagnostic`) unless ``on_issue`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gijiroku.models import Diagnostic

__all__ = [
    "BrokenPdfError",
    "DecodeError",
    "EncryptedPdfError",
    "FetchError",
    "FormatNotFound",
    "GijirokuError",
    "GijirokuWarning",
    "MissingExtraError",
    "OutputError",
    "ParseError",
    "PdfError",
    "ScannedPdfError",
]


class GijirokuError(Exception):
    """Base class of every error gijiroku raises on purpose."""


class DecodeError(GijirokuError, ValueError):
    """Input bytes that decode in no supported encoding, or that are not text at all.

    Attributes:
        offset: the byte offset of the first byte that could not be decoded, when known.
    """

    def __init__(self, message: str, *, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


class PdfError(DecodeError):
    """A PDF file whose text cannot be read; the message names the file and the problem.

    A subclass of :class:`DecodeError`: like any input that is not text, it cannot be parsed.
    """


class EncryptedPdfError(PdfError):
    """The PDF is encrypted and needs a password (none or a wrong one was given), or uses a
    security handler PDFium does not support. Give the password to
    :func:`gijiroku.extract_text` and parse what it returns."""


class BrokenPdfError(PdfError):
    """The file is no readable PDF: damaged, truncated (no ``%%EOF`` at its end), or not
    a PDF at all although it starts like one."""


class ScannedPdfError(PdfError):
    """No page of the PDF holds text, and some hold images: a scan without a text layer.
    Run OCR on it first (e.g. ``ocrmypdf``). Scanned pages among text pages are no error:
    each gets a ``pdf-scanned-page`` diagnostic."""


class FetchError(GijirokuError, OSError):
    """The NDL Kokkai API could not be read (:func:`gijiroku.kokkai.fetch`): the network
    failed or timed out after every retry, the API answered with an HTTP error or an error
    message, or with something that is not its JSON.

    Attributes:
        url: the request that failed.
        status: the HTTP status, or None when no answer came.
    """

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class FormatNotFound(GijirokuError, LookupError):
    """``format=`` names no registered minutes family."""


class MissingExtraError(GijirokuError, ImportError):
    """An optional dependency is not installed; the message says which extra to install
    (``pip install 'gijiroku[pdf]'``)."""


class OutputError(GijirokuError, ValueError):
    """Minutes that an output cannot hold, e.g. a meeting number too large for the 32-bit
    column of a Parquet file or the 64-bit one of a DataFrame. Raised before anything of
    that document is written, so a writer can go on with the next one.

    Attributes:
        source: the minutes' ``source.name``, when known.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class ParseError(GijirokuError, ValueError):
    """Raised with ``on_issue="raise"`` when parsing produced warnings or errors.

    Attributes:
        diagnostics: every diagnostic of the parse, in input order.
    """

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = tuple(diagnostics)


class GijirokuWarning(UserWarning):
    """Issued once per diagnostic with ``on_issue="warn"``."""
