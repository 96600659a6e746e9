"""gijiroku: Japanese meeting minutes (議事録・会議録) to validated, JSON-ready records.

The pipeline: :func:`tokenize` cuts the text into blocks (header lines, agenda headings,
speaker turns, notes, page markers); :func:`parse` turns them into :class:`Minutes`
(meeting, members, sections, utterances, events, diagnostics), which serialize to JSON.

Example:
    >>> import gijiroku
    >>> m = gijiroku.parse("座長 それでは始めます。\\n林委員 賛成です。")
    >>> m.utterances[1].speaker.name, m.utterances[1].speaker.role
    ('林', '委員')
"""

from gijiroku.api import OnIssue, json_schema, parse, parse_file
from gijiroku.batch import BatchInput, OnError, ParseResult, parse_many
from gijiroku.blocks import Block, BlockKind
from gijiroku.errors import (
    DecodeError,
    FormatNotFound,
    GijirokuError,
    GijirokuWarning,
    OutputError,
    ParseError,
)
from gijiroku.formats import FORMATS, detect_format
from gijiroku.formats.base import Format
from gijiroku.kokkai import KokkaiSpeech, from_kokkai
from gijiroku.models import (
    SCHEMA_VERSION,
    Diagnostic,
    Event,
    HeaderField,
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
from gijiroku.tables import SpeakerStats, UtteranceRow, to_pandas, to_parquet
from gijiroku.tokenizer import tokenize

__version__ = "0.4.0"

__all__ = [
    "BatchInput",
    "Block",
    "BlockKind",
    "DecodeError",
    "Diagnostic",
    "Event",
    "FORMATS",
    "Format",
    "FormatNotFound",
    "GijirokuError",
    "GijirokuWarning",
    "HeaderField",
    "KokkaiSpeech",
    "LayoutMark",
    "Meeting",
    "Member",
    "MembershipChange",
    "Minutes",
    "Note",
    "OnError",
    "OnIssue",
    "OutputError",
    "ParseError",
    "ParseResult",
    "SCHEMA_VERSION",
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
    "from_kokkai",
    "json_schema",
    "parse",
    "parse_file",
    "parse_many",
    "to_pandas",
    "to_parquet",
    "tokenize",
]
