"""gijiroku: Japanese meeting minutes (議事録・会議録) to validated, JSON-ready records.

The pipeline: :func:`tokenize` cuts the text into blocks (header lines, agenda headings,
speaker turns, notes, page markers); :func:`parse` turns them into :class:`Minutes`
(meeting, members, sections, utterances, events, diagnostics), which serialize to JSON.

Example:
    >>> import gijiroku
    >>> m = gijiroku.parse("座長 それでは始めます。\\n林委員 賛成です。")
    >>> m.utterances[1].speaker.name, m.utterances[1].speaker.role
    ('林', '委員')

PDF files are read directly (``pip install 'gijiroku[pdf]'``): :func:`parse_file` on a PDF,
or :func:`extract_text` for its text (what spans point into) and its page furniture.
"""

import typing

from gijiroku.api import OnIssue, json_schema, parse, parse_file, tokenize
from gijiroku.blocks import Block, BlockKind
from gijiroku.errors import (
    BrokenPdfError,
    DecodeError,
    EncryptedPdfError,
    FetchError,
    FormatNotFound,
    GijirokuError,
    GijirokuWarning,
    MissingExtraError,
    OutputError,
    ParseError,
    PdfError,
    ScannedPdfError,
)
from gijiroku.formats import FORMATS, Detection, detect_format, register_format, unregister_format
from gijiroku.formats.base import Format
from gijiroku.models import (
    SCHEMA_VERSION,
    Diagnostic,
    Event,
    HeaderField,
    KokkaiField,
    KokkaiRecord,
    KokkaiSpeechSource,
    LayoutMark,
    Meeting,
    Member,
    MembershipChange,
    Minutes,
    Note,
    Section,
    Signature,
    Signer,
    Source,
    Span,
    Speaker,
    Utterance,
)

if typing.TYPE_CHECKING:
    from gijiroku.batch import BatchInput, OnError, ParseResult, parse_many
    from gijiroku.furniture import Furniture
    from gijiroku.kokkai import KokkaiSpeech, from_kokkai
    from gijiroku.pdf import PdfText, extract_text
    from gijiroku.tables import SpeakerStats, UtteranceRow, to_pandas, to_parquet

#: Names imported on first use (``gijiroku.parse_many``): the modules behind them (worker
#: pools, the NDL API client, tables, PDF) are not needed to parse text, and importing them
#: with the package would double ``import gijiroku``'s time.
_LAZY = {
    "BatchInput": "gijiroku.batch",
    "OnError": "gijiroku.batch",
    "ParseResult": "gijiroku.batch",
    "parse_many": "gijiroku.batch",
    "Furniture": "gijiroku.furniture",
    "KokkaiSpeech": "gijiroku.kokkai",
    "from_kokkai": "gijiroku.kokkai",
    "PdfText": "gijiroku.pdf",
    "extract_text": "gijiroku.pdf",
    "SpeakerStats": "gijiroku.tables",
    "UtteranceRow": "gijiroku.tables",
    "to_pandas": "gijiroku.tables",
    "to_parquet": "gijiroku.tables",
}


#: Submodules that ``import gijiroku`` used to import with it: ``gijiroku.tables`` still
#: works after ``import gijiroku`` alone (they are imported when first named).
_SUBMODULES = frozenset(
    {
        "batch", "dates", "furniture", "kokkai", "kokkai_client", "labels", "meeting", "notes",
        "parser", "pdf", "pool", "quality", "resolve", "rosters", "sessions", "tables",
        "tokenizer",
    }
)  # fmt: skip


def __getattr__(name: str) -> object:
    """Import a lazily loaded name (see ``_LAZY``) or submodule on first use."""
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"gijiroku.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gijiroku' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


__version__ = "0.15.0"

__all__ = [
    "BatchInput",
    "Block",
    "BlockKind",
    "BrokenPdfError",
    "DecodeError",
    "Detection",
    "Diagnostic",
    "EncryptedPdfError",
    "Event",
    "FORMATS",
    "FetchError",
    "Format",
    "FormatNotFound",
    "Furniture",
    "GijirokuError",
    "GijirokuWarning",
    "HeaderField",
    "KokkaiField",
    "KokkaiRecord",
    "KokkaiSpeech",
    "KokkaiSpeechSource",
    "LayoutMark",
    "Meeting",
    "Member",
    "MembershipChange",
    "Minutes",
    "MissingExtraError",
    "Note",
    "OnError",
    "OnIssue",
    "OutputError",
    "ParseError",
    "ParseResult",
    "PdfError",
    "PdfText",
    "SCHEMA_VERSION",
    "ScannedPdfError",
    "Section",
    "Signature",
    "Signer",
    "Source",
    "Span",
    "Speaker",
    "SpeakerStats",
    "Utterance",
    "UtteranceRow",
    "__version__",
    "detect_format",
    "extract_text",
    "from_kokkai",
    "json_schema",
    "parse",
    "parse_file",
    "parse_many",
    "register_format",
    "to_pandas",
    "to_parquet",
    "tokenize",
    "unregister_format",
]
