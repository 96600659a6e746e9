"""Exceptions and warnings raised by gijiroku.

Every exception the library raises on purpose derives from :class:`GijirokuError`, so
``except gijiroku.GijirokuError`` is enough around a batch job::

    GijirokuError(Exception)
    ├── DecodeError(GijirokuError, ValueError)     bytes that are no known encoding
    ├── FormatNotFound(GijirokuError, LookupError) an unknown ``format=`` name
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
    "DecodeError",
    "FormatNotFound",
    "GijirokuError",
    "GijirokuWarning",
    "OutputError",
    "ParseError",
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


class FormatNotFound(GijirokuError, LookupError):
    """``format=`` names no registered minutes family."""


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
