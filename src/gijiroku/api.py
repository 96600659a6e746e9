"""The public entry points: :func:`parse`, :func:`parse_file`, :func:`json_schema`.

Text and bytes go through decoding; a PDF (its bytes, a path, or the :class:`PdfText` that
:func:`gijiroku.extract_text` returns) goes through :mod:`gijiroku.pdf`, and the parser reads
its text with the page furniture blanked out (:mod:`gijiroku.furniture`).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from gijiroku.blocks import Block, BlockKind
from gijiroku.collector import collector_paused
from gijiroku.decoding import PDF_SIGNATURE, Repair, decode_input
from gijiroku.errors import GijirokuWarning, ParseError
from gijiroku.formats import choose_format, get_format
from gijiroku.formats.base import Format
from gijiroku.models import Diagnostic, Minutes, Span, in_document_order
from gijiroku.normalize import count_lines, line_starts, memo_scope

if TYPE_CHECKING:
    from gijiroku.pdf import PdfText

__all__ = ["OnIssue", "json_schema", "parse", "parse_file", "tokenize"]

OnIssue = Literal["collect", "warn", "raise"]
_ON_ISSUE = ("collect", "warn", "raise")


def parse(
    text: str | bytes | PdfText,
    *,
    source_name: str | None = None,
    format: str | Format | None = None,
    on_issue: OnIssue = "collect",
    encoding: str | None = None,
) -> Minutes:
    """Parse minutes text (or bytes) into :class:`~gijiroku.models.Minutes`.

    Args:
        text: the minutes; bytes are decoded (UTF-8, UTF-16 and UTF-32 with a BOM,
            ISO-2022-JP, CP932, EUC-JP; see :mod:`gijiroku.decoding`). Lone surrogates in a
            str (``"\\ud800"``) become U+FFFD, one for one, with a ``lone-surrogate`` warning,
            so spans still index the text given and the JSON can always be written.
            The bytes of a PDF file, or the :class:`~gijiroku.pdf.PdfText` of one, are read
            as a PDF (``gijiroku[pdf]``): spans then point into the extracted text.
        source_name: a name for the source (a file name), kept in ``source.name``.
        format: a family name (see ``gijiroku.FORMATS``); detected from the text when None.
        on_issue: what to do with warnings and errors found while parsing: ``"collect"``
            them in ``diagnostics`` (the default), also ``"warn"`` (a
            :class:`~gijiroku.GijirokuWarning` each), or ``"raise"`` a
            :class:`~gijiroku.ParseError`.
        encoding: decode bytes with this codec instead of detecting one (not used for PDF).

    Returns:
        The parsed minutes; ``to_json()`` gives the JSON.

    Raises:
        TypeError: ``text`` is neither str nor bytes, or an option has the wrong type.
        DecodeError: bytes that are not text in a supported encoding.
        PdfError: a PDF whose text cannot be read (encrypted, broken, scanned); see
            :mod:`gijiroku.errors`.
        MissingExtraError: a PDF, and ``gijiroku[pdf]`` is not installed.
        FormatNotFound: an unknown ``format`` name.
        ParseError: with ``on_issue="raise"``, when a diagnostic is a warning or error.

    Example:
        >>> m = parse("座長 それでは始めます。\\n林委員 賛成です。")
        >>> [(u.speaker.label, u.text) for u in m.utterances]
        [('座長', 'それでは始めます。'), ('林委員', '賛成です。')]
    """
    if on_issue not in _ON_ISSUE:
        raise ValueError(f"on_issue must be one of {', '.join(_ON_ISSUE)}, not {on_issue!r}")
    if source_name is not None and not isinstance(source_name, str):
        raise TypeError(f"source_name must be a str, not {type(source_name).__name__}")
    if isinstance(text, str):
        decoded = decode_input(text)
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    elif isinstance(text, (bytes, bytearray, memoryview)):
        raw = bytes(text)
        if raw.startswith(PDF_SIGNATURE):
            from gijiroku.pdf import read_pdf  # imported with the first PDF

            pdf = read_pdf(raw, name=source_name)
            return _parse_pdf(pdf, source_name=source_name, format=format, on_issue=on_issue)
        decoded = decode_input(raw, encoding)
        sha256 = hashlib.sha256(raw).hexdigest()
    else:
        from gijiroku.pdf import PdfText

        if not isinstance(text, PdfText):
            raise TypeError(f"parse() takes str, bytes or PdfText, not {type(text).__name__}")
        return _parse_pdf(text, source_name=source_name, format=format, on_issue=on_issue)
    minutes, _ = _read(
        decoded.text,
        format=format,
        source_name=source_name,
        encoding=decoded.encoding,
        sha256=sha256,
        line_count=count_lines(decoded.text),
        with_pages=False,
    )
    if decoded.repairs:
        minutes = _with_repairs(minutes, decoded.text, decoded.repairs)
    report_issues(minutes, on_issue)
    return minutes


_REPAIR_MESSAGES = {
    "lone-surrogate": "lone surrogate {detail} (half of a UTF-16 pair, not a character: JSON "
    "cannot hold it) replaced by U+FFFD",
    "truncated-input": "the input ends in the middle of a character ({detail}); replaced by U+FFFD",
    "undecodable-bytes": "bytes that are not UTF-8 in a UTF-8 text ({detail}); each replaced by "
    "U+FFFD",
}


def _with_repairs(minutes: Minutes, text: str, repairs: tuple[Repair, ...]) -> Minutes:
    """The minutes with a warning for each :class:`~gijiroku.decoding.Repair` of the text."""
    starts = line_starts(text)
    found = []
    for repair in repairs:
        first = bisect.bisect_right(starts, repair.start)
        last = bisect.bisect_right(starts, max(repair.end - 1, repair.start))
        span = Span(start=repair.start, end=repair.end, line_start=first, line_end=last)
        message = _REPAIR_MESSAGES[repair.code].format(detail=repair.detail)
        found.append(
            Diagnostic(
                severity="warning", code=repair.code, message=f"line {first}: {message}", span=span
            )
        )
    diagnostics = in_document_order([*minutes.diagnostics, *found])
    return minutes.model_copy(update={"diagnostics": diagnostics})


def tokenize(text: str, *, format: str | Format | None = None) -> list[Block]:
    """Split minutes text into blocks (header lines, sections, turns, notes, pages …): the
    first stage of :func:`parse`.

    Args:
        text: the decoded minutes.
        format: a family name (see ``gijiroku.FORMATS``) or a :class:`Format`; detected when
            None.

    Example:
        >>> blocks = tokenize("座長 それでは始める。")
        >>> blocks[0].kind, blocks[0].groups["label"]
        (<BlockKind.TURN: 'turn'>, '座長')
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() takes str, not {type(text).__name__}")
    tokenizer, _ = _pipeline or _import_pipeline()
    with collector_paused(), memo_scope():
        fmt = format if isinstance(format, Format) else get_format(format, text)
        blocks: list[Block] = tokenizer.tokenize_lines(text, fmt)
    return blocks


#: The tokenizer and parser modules, imported with the first parse or tokenize (`import
#: gijiroku` stays quick) and kept here; their functions are looked up on each call (a
#: benchmark or a test may wrap them). Not `from … import` in the function: in Python 3.11
#: each such statement asks the module for a ``__path__`` it lacks, and the AttributeError
#: made and dropped costs some microseconds, on every parse.
_pipeline: tuple[ModuleType, ModuleType] | None = None


def _import_pipeline() -> tuple[ModuleType, ModuleType]:
    global _pipeline
    import gijiroku.parser
    import gijiroku.tokenizer

    _pipeline = (gijiroku.tokenizer, gijiroku.parser)
    return _pipeline


def _read(
    text: str,
    *,
    format: str | Format | None,
    source_name: str | None,
    encoding: str,
    sha256: str,
    line_count: int,
    with_pages: bool,
) -> tuple[Minutes, list[Block]]:
    """The two stages on decoded text: the family chosen (or detected), the blocks, the
    minutes; and, ``with_pages``, the blocks that hold a page marker, for what a PDF adds
    to the layout (else none: only a PDF's layout reads them)."""
    tokenizer, parser = _pipeline or _import_pipeline()
    # (short strings' clean forms and name splits kept for this parse; the collector, which
    # would find no cycle among what the parse makes, paused until it ends)
    with collector_paused(), memo_scope():
        detection = choose_format(format, text)
        blocks: list[Block] = tokenizer.tokenize_lines(text, detection.format)
        # (most blocks are not pages and hold no children: told apart without a call)
        pages = (
            [
                block
                for block in blocks
                if block.kind is _PAGE or (block.children and _holds_a_page(block))
            ]
            if with_pages
            else []
        )
        # The list is handed over: parse_blocks lets go of it once read, so the blocks
        # (several times the text) are not held while the records are made.
        handed_over = [blocks]
        del blocks
        minutes: Minutes = parser.parse_blocks(
            handed_over.pop(),
            text=text,
            fmt=detection.format,
            detection=detection,
            source_name=source_name,
            encoding=encoding,
            sha256=sha256,
            line_count=line_count,
        )
    return minutes, pages


_PAGE = BlockKind.PAGE


def _holds_a_page(block: Block) -> bool:
    """True for a page marker, or a block with one among its children."""
    return block.kind is _PAGE or any(_holds_a_page(child) for child in block.children)


def _parse_pdf(
    pdf: PdfText, *, source_name: str | None, format: str | Format | None, on_issue: OnIssue
) -> Minutes:
    """Parse a PDF's text with its furniture blanked out, then add the furniture to
    ``layout`` and a diagnostic for each scanned page."""
    minutes, pages = _read(
        pdf.masked(),
        format=format,
        source_name=source_name if source_name is not None else pdf.name,
        encoding="pdf",
        sha256=pdf.sha256,
        line_count=count_lines(pdf.text),
        with_pages=True,
    )
    from gijiroku.pdf import with_pdf_layout

    minutes = with_pdf_layout(minutes, pdf, pages)
    report_issues(minutes, on_issue)
    return minutes


def report_issues(minutes: Minutes, on_issue: OnIssue) -> None:
    """Carry out ``on_issue`` for the warnings and errors among the minutes' diagnostics:
    nothing (``"collect"``), a :class:`GijirokuWarning` each (``"warn"``), or
    :class:`ParseError` (``"raise"``). Every entry point that parses calls it."""
    if on_issue == "collect":  # (the default: nothing to look for)
        return
    serious = [d for d in minutes.diagnostics if d.severity in ("warning", "error")]
    if not serious:
        return
    if on_issue == "raise":
        first = serious[0]
        more = f" (and {len(serious) - 1} more)" if len(serious) > 1 else ""
        raise ParseError(f"{first.code}: {first.message}{more}", minutes.diagnostics)
    for diagnostic in serious:
        warnings.warn(f"{diagnostic.code}: {diagnostic.message}", GijirokuWarning, stacklevel=3)


def parse_file(
    path: str | os.PathLike[str],
    *,
    format: str | Format | None = None,
    on_issue: OnIssue = "collect",
    encoding: str | None = None,
) -> Minutes:
    """Read and parse a minutes file; ``source.name`` is the file's name.

    A PDF file (known by its first bytes, ``%PDF-``, whatever its name) is read with
    :func:`gijiroku.extract_text`; see :func:`parse` for the options and errors.

    Example:
        >>> m = parse_file("samples/council/sendai-ict-2016-02-08.txt")  # doctest: +SKIP
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
    with open(path, "rb") as handle:
        data = handle.read()
    return parse(
        data,
        source_name=os.path.basename(os.fspath(path)),
        format=format,
        on_issue=on_issue,
        encoding=encoding,
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the output (``Minutes.model_dump(mode="json")``)."""
    schema = Minutes.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "gijiroku Minutes"
    return dict(json.loads(json.dumps(schema)))
