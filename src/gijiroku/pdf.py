"""Read a PDF file: its text page by page, with the page furniture found by position.

Needs the optional extra ``gijiroku[pdf]`` (pypdfium2, the PDFium library Chrome uses);
without it a :class:`~gijiroku.MissingExtraError` says what to install.

The extracted text (:attr:`PdfText.text`) is each page's lines as PDFium reads them (in the
order they are drawn, line breaks, spaces and full-width indentation as printed) with
``\\n`` between lines and a form feed ``\\f`` after every page, so that the tokenizer counts
the PDF's pages (``span.page`` is the PDF page). Other line-break characters inside a page
(``\\v``, U+2028 …) become ``\\n``, so that ``\\f`` separates pages only. Print headers,
footers and page numbers found by position (:mod:`gijiroku.furniture`) stay in the text, and
:attr:`PdfText.furniture` says where they are.

What cannot be read raises a :class:`~gijiroku.PdfError` naming the problem: a file that
needs a password (:class:`~gijiroku.EncryptedPdfError`), a damaged or truncated file
(:class:`~gijiroku.BrokenPdfError`), a scan without a text layer
(:class:`~gijiroku.ScannedPdfError`). A document with some scanned pages among text pages is
read; :attr:`PdfText.scanned_pages` lists those pages (``parse`` adds a warning for each).

Example:
    >>> t = extract_text("samples/pdf/kyoto-sangyo-2024-05-17.pdf")  # doctest: +SKIP
    >>> t.pages, [(f.kind, f.text) for f in t.furniture[:4:3]]  # doctest: +SKIP
    (56, [('running_header', '2024/11/05 1:34'), ('page', '1/56')])
"""

from __future__ import annotations

import bisect
import ctypes
import hashlib
import importlib
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import regex

from gijiroku.blocks import Block, BlockKind, LayoutMeta
from gijiroku.decoding import PDF_SIGNATURE
from gijiroku.errors import BrokenPdfError, EncryptedPdfError, MissingExtraError, ScannedPdfError
from gijiroku.furniture import (
    EDGE_LINES,
    Furniture,
    Piece,
    find_furniture,
    layout_marks,
    mask_furniture,
)
from gijiroku.models import Diagnostic, Minutes, Span, in_document_order
from gijiroku.normalize import EDITOR_LINE_BREAK_RE

__all__ = ["PDF_SIGNATURE", "PdfText", "extract_text", "is_pdf", "read_pdf", "with_pdf_layout"]

#: What to install for PDF support.
PDF_EXTRA = "pip install 'gijiroku[pdf]'"
#: A complete PDF ends with ``%%EOF`` within its last kilobyte (readers allow some trailing bytes).
_EOF_MARKER, _EOF_WINDOW = b"%%EOF", 1024
#: Form XObjects inside form XObjects looked into for a scanned page's image, at most.
_FORM_DEPTH = 4
#: Pieces of one line more than this many line heights apart are judged apart.
_PIECE_GAP = 4.0

_CRLF_RE = regex.compile(r"\r\n")
_OTHER_BREAK_RE = regex.compile(r"[\r\f\v\x85\u2028\u2029]")
#: A line's content: from its first to its last character that is not white space.
_CONTENT_RE = regex.compile(r"[^\s](?:[^\r\n\f\v\x85\u2028\u2029]*[^\s])?")
_SPACE_RUN_RE = regex.compile(r"[ \u3000\t]+")
#: PDFium is not thread-safe: one document at a time per process.
_PDFIUM_LOCK = threading.Lock()


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF file (it starts with ``%PDF-``)."""
    return data[:5] == PDF_SIGNATURE


@dataclass(frozen=True, slots=True, repr=False)
class PdfText:
    """The text of a PDF file and what its layout says about it.

    Attributes:
        text: the extracted text (see the module docstring); spans of minutes parsed from
            it point into it, so ``minutes.unaccounted(pdf_text.text)`` audits the parse.
        page_starts: the offset in ``text`` where each page begins (``len`` = page count).
        furniture: print headers, footers and page numbers found by position, in order.
        scanned_pages: pages (from 1) that hold an image and no text: scans, not read.
        name: the file's name when read from a path.
        sha256: the SHA-256 of the PDF file's bytes.
    """

    text: str
    page_starts: tuple[int, ...]
    furniture: tuple[Furniture, ...]
    scanned_pages: tuple[int, ...]
    name: str | None
    sha256: str

    @property
    def pages(self) -> int:
        """The number of pages."""
        return len(self.page_starts)

    def page_at(self, offset: int) -> int:
        """The page (from 1) that the character at ``offset`` is on."""
        return max(bisect.bisect_right(self.page_starts, offset), 1)

    def masked(self) -> str:
        """The text with the furniture blanked out (what the parser reads; same offsets)."""
        return mask_furniture(self.text, self.furniture)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        """One line, never the whole text."""
        return (
            f"<PdfText {self.name or 'from bytes'}: {self.pages} pages, {len(self.text):,} "
            f"characters, {len(self.furniture)} furniture pieces>"
        )


def extract_text(source: str | os.PathLike[str] | bytes, *, password: str | None = None) -> PdfText:
    """Read a PDF file (a path or its bytes) into :class:`PdfText`.

    Args:
        source: the path of a PDF file, or its bytes.
        password: the password of an encrypted file.

    Raises:
        TypeError: ``source`` is neither a path nor bytes.
        MissingExtraError: pypdfium2 is not installed (``pip install 'gijiroku[pdf]'``).
        EncryptedPdfError: the file needs a password, or ``password`` is wrong.
        BrokenPdfError: the file is no PDF, damaged or truncated.
        ScannedPdfError: no page holds text, and some hold images (a scan: OCR it first).
        OSError: the file cannot be read.

    Example:
        >>> t = extract_text("samples/pdf/kyoto-sangyo-2024-05-17.pdf")  # doctest: +SKIP
        >>> m = gijiroku.parse(t)  # doctest: +SKIP
        >>> m.unaccounted(t.text)  # doctest: +SKIP
        []
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return read_pdf(bytes(source), password=password)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"source must be a path or bytes, not {type(source).__name__}")
    with open(source, "rb") as handle:
        data = handle.read()
    return read_pdf(data, name=os.path.basename(os.fspath(source)), password=password)


def read_pdf(data: bytes, *, name: str | None = None, password: str | None = None) -> PdfText:
    """Read the bytes of a PDF file into :class:`PdfText` (see :func:`extract_text`)."""
    if password is not None and not isinstance(password, str):
        raise TypeError(f"password must be a str, not {type(password).__name__}")
    if not is_pdf(data):
        raise BrokenPdfError("not a PDF file: it does not start with %PDF-")
    if _EOF_MARKER not in data[-_EOF_WINDOW:]:
        raise BrokenPdfError(
            "truncated PDF file: it does not end with %%EOF (an interrupted download or copy?)"
        )
    pdfium, raw = _pdfium()
    with _PDFIUM_LOCK:
        document = _open(pdfium, raw, data, password)
        try:
            pages = [_read_page(pdfium, raw, document, i) for i in range(len(document))]
        finally:
            document.close()
    return _assemble(pages, name=name, sha256=hashlib.sha256(data).hexdigest())


# --- PDFium ---------------------------------------------------------------------------------


def _pdfium() -> tuple[ModuleType, ModuleType]:
    """pypdfium2 and its raw PDFium bindings, or :class:`MissingExtraError`."""
    try:
        return importlib.import_module("pypdfium2"), importlib.import_module("pypdfium2.raw")
    except ImportError as exc:
        raise MissingExtraError(
            f"reading PDF files needs pypdfium2; install it with: {PDF_EXTRA}", name="pypdfium2"
        ) from exc


def _open(pdfium: ModuleType, raw: ModuleType, data: bytes, password: str | None) -> Any:
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code is None:
            code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD and password is None:
            raise EncryptedPdfError(
                "encrypted PDF file: it needs a password; read it with "
                "gijiroku.extract_text(path, password=...) and parse the result"
            ) from None
        if code == raw.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError("encrypted PDF file: the password is wrong") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise EncryptedPdfError(
                "encrypted PDF file with a security handler PDFium does not support"
            ) from None
        raise BrokenPdfError(f"damaged PDF file that PDFium cannot read ({exc})") from None


@dataclass(slots=True)
class _Page:
    """One page as read: its text (``\\n`` line breaks, no ``\\f``) and the pieces of its
    lines nearest the top and bottom edges (offsets into that text)."""

    text: str
    pieces: list[Piece]
    has_image: bool


def _read_page(pdfium: ModuleType, raw: ModuleType, document: Any, index: int) -> _Page:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise BrokenPdfError(f"damaged PDF file: page {index + 1} cannot be read ({exc})") from None
    try:
        textpage = page.get_textpage()
        try:
            count = raw.FPDFText_CountChars(textpage.raw)
            pdfium_text = _page_text(raw, textpage.raw, count)
            pieces = _edge_pieces(raw, textpage.raw, pdfium_text, count, index + 1)
        finally:
            textpage.close()
        has_image = not pdfium_text.strip() and _has_image(raw, page.raw)
    except pdfium.PdfiumError as exc:
        raise BrokenPdfError(f"damaged PDF file: page {index + 1} cannot be read ({exc})") from None
    finally:
        page.close()
    text, moved = _with_line_feeds(pdfium_text)
    pieces = [
        Piece(p.page, moved(p.start), moved(p.start) + len(p.text), p.text, p.y, p.rank)
        for p in pieces
    ]
    return _Page(text, pieces, has_image)


def _page_text(raw: ModuleType, textpage: Any, count: int) -> str:
    """The page's text as PDFium gives it (``\\r\\n`` between lines)."""
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (2 * count + 2))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    data = bytes(memoryview(buffer).cast("B")[: max(written - 1, 0) * 2])
    return data.decode("utf-16-le", errors="replace")


def _with_line_feeds(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with ``\\n`` for every line break (``\\f`` too: it separates pages only),
    ending with one; and the map of old offsets to new."""
    crlf = [m.start() for m in _CRLF_RE.finditer(text)]
    text = _OTHER_BREAK_RE.sub("\n", _CRLF_RE.sub("\n", text))
    if text and not text.endswith("\n"):
        text += "\n"
    return text, lambda offset: offset - bisect.bisect_left(crlf, offset)


def _has_image(raw: ModuleType, page: Any) -> bool:
    """Whether the page draws an image, directly or inside a form XObject (as some scanners
    wrap it)."""
    objects = [raw.FPDFPage_GetObject(page, i) for i in range(raw.FPDFPage_CountObjects(page))]
    for _ in range(_FORM_DEPTH):
        forms = []
        for obj in objects:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                return True
            if kind == raw.FPDF_PAGEOBJ_FORM:
                forms += [
                    raw.FPDFFormObj_GetObject(obj, i)
                    for i in range(raw.FPDFFormObj_CountObjects(obj))
                ]
        objects = forms
    return False


def _char_indices(text: str, count: int) -> list[int] | None:
    """PDFium's char index of each character of ``text``: PDFium counts UTF-16 units (a
    kanji outside the BMP is two), Python code points. ``None`` when the two cannot be lined
    up (PDFium left characters out of the text): the page's positions are then not used."""
    if len(text) == count:
        return list(range(count))
    indices, position = [], 0
    for ch in text:
        indices.append(position)
        position += 2 if ord(ch) > 0xFFFF else 1
    return indices if position == count else None


def _edge_pieces(raw: ModuleType, textpage: Any, text: str, count: int, page: int) -> list[Piece]:
    """The pieces of the :data:`~gijiroku.furniture.EDGE_LINES` lines nearest the page's top
    and bottom, with their baselines and ranks; offsets into ``text``."""
    indices = _char_indices(text, count)
    if indices is None:
        return []
    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[tuple[float, int, int]] = []  # baseline, start and end of the content
    for match in _CONTENT_RE.finditer(text):
        start, end = match.span()
        if raw.FPDFText_GetCharOrigin(textpage, indices[start], x, y):
            lines.append((y.value, start, end))
    by_height = sorted(lines, key=lambda line: -line[0])
    rank = {line[1]: k for k, line in enumerate(by_height[:EDGE_LINES])}
    for k, line in enumerate(reversed(by_height[-EDGE_LINES:])):
        rank[line[1]] = min(k, rank.get(line[1], k))
    box = raw.FS_RECTF()
    pieces = []
    for _, start, end in lines:
        if start not in rank:
            continue
        for first, last in _split_at_gaps(raw, textpage, text, indices, start, end, box):
            if raw.FPDFText_GetCharOrigin(textpage, indices[first], x, y):
                pieces.append(Piece(page, first, last, text[first:last], y.value, rank[start]))
    return pieces


def _split_at_gaps(
    raw: ModuleType, textpage: Any, text: str, indices: list[int], start: int, end: int, box: Any
) -> Iterator[tuple[int, int]]:
    """``[start, end)`` cut where white space spans more than :data:`_PIECE_GAP` line heights
    (a header's left, centre and right parts)."""
    first = start
    for run in _SPACE_RUN_RE.finditer(text, start, end):
        before, after = run.start() - 1, run.end()
        if not raw.FPDFText_GetLooseCharBox(textpage, indices[before], box):
            continue
        right, height = box.right, box.top - box.bottom
        if not raw.FPDFText_GetLooseCharBox(textpage, indices[after], box):
            continue
        if height > 0 and box.left - right > _PIECE_GAP * height:
            yield first, run.start()
            first = after
    yield first, end


# --- the extracted text ---------------------------------------------------------------------


def _assemble(pages: list[_Page], *, name: str | None, sha256: str) -> PdfText:
    """Join the pages (a ``\\f`` after each) and find the furniture; a document whose pages
    are all images raises :class:`ScannedPdfError`."""
    with_text = sum(1 for page in pages if page.text.strip())
    scanned = tuple(number for number, page in enumerate(pages, start=1) if page.has_image)
    if with_text == 0 and scanned:
        raise ScannedPdfError(
            f"PDF file without a text layer: its {len(pages)} page(s) are images (a scan?); "
            "run OCR on it first (e.g. ocrmypdf) and parse the result"
        )
    starts: list[int] = []
    pieces: list[Piece] = []
    length = 0
    for page in pages:
        starts.append(length)
        pieces += [
            Piece(p.page, length + p.start, length + p.end, p.text, p.y, p.rank)
            for p in page.pieces
        ]
        length += len(page.text) + 1
    return PdfText(
        text="".join(page.text + "\f" for page in pages),
        page_starts=tuple(starts),
        furniture=tuple(find_furniture(pieces, with_text)),
        scanned_pages=scanned,
        name=name,
        sha256=sha256,
    )


# --- what the parser cannot see -------------------------------------------------------------


def with_pdf_layout(minutes: Minutes, pdf: PdfText, blocks: Sequence[Block] = ()) -> Minutes:
    """``minutes`` parsed from ``pdf.masked()``, with the furniture added to ``layout`` (in
    text order) and a ``pdf-scanned-page`` warning for each page that is an image only.

    ``blocks`` are the tokenizer's: when it took a numbered page marker from the text (a page
    number the furniture search did not find), it counted pages from that number; every
    span's ``page`` is then set back to the PDF page.
    """
    if any(_numbers_pages(block) for block in blocks):
        minutes = _on_pdf_pages(minutes, pdf)
    line_starts = [0] + [m.end() for m in EDITOR_LINE_BREAK_RE.finditer(pdf.text)]
    marks = layout_marks(pdf.text, pdf.furniture, line_starts=line_starts)
    scanned = []
    for number in pdf.scanned_pages:
        at = pdf.page_starts[number - 1]
        line = bisect.bisect_right(line_starts, at)
        scanned.append(
            Diagnostic(
                severity="warning",
                code="pdf-scanned-page",
                message=f"page {number} holds an image and no text (a scanned page?): "
                "what it shows is not in these minutes; run OCR on the file to read it",
                span=Span(start=at, end=at, line_start=line, line_end=line, page=number),
            )
        )
    if not marks and not scanned:
        return minutes
    layout = tuple(sorted((*minutes.layout, *marks), key=lambda mark: mark.span.start))
    diagnostics = in_document_order((*minutes.diagnostics, *scanned))
    return minutes.model_copy(update={"layout": layout, "diagnostics": diagnostics})


def _numbers_pages(block: Block) -> bool:
    if block.kind is BlockKind.PAGE and isinstance(block.meta, LayoutMeta) and block.meta.number:
        return True
    return any(_numbers_pages(child) for child in block.children)


_SPAN_KEYS = frozenset(Span.model_fields)


def _on_pdf_pages(minutes: Minutes, pdf: PdfText) -> Minutes:
    """``minutes`` with the ``page`` of every span set to the PDF page it starts on."""

    def visit(node: object) -> None:
        if isinstance(node, dict):
            if node.keys() >= _SPAN_KEYS:
                node["page"] = pdf.page_at(node["start"])
            for value in node.values():
                visit(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                visit(value)

    data = minutes.model_dump()
    visit(data)
    return Minutes.model_validate(data)
