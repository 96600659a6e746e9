"""Page furniture: what a printer repeats at the same place on every page of a PDF.

Print headers and footers, running titles and page numbers are layout, not minutes. In a
PDF they are found by position, before any minutes rule runs: a piece of text near the top
or the bottom of a page (one of the three highest or lowest lines) that stands, with the
same words (digits ignored: ``2/56`` and ``3/56`` agree), at the same height on at least
half of the pages that hold text (and on three pages at least; both pages of a two-page
file) is furniture; so is a page's own number (``- 1 -`` on page 1) on its top or bottom
line, even in a one-page file. Pieces of one line set far apart (``https://… ⟶ 2/56``) are
judged apart. A piece that reads as a page number (``2/56``, ``- 3 -``, ``P.4``, ``5頁``) is
kind ``page`` with its printed number, anything else kind ``running_header`` (header or
footer).

The parser never sees furniture: :func:`mask_furniture` blanks it out of the text it
reads (offsets unchanged, so every span still points into the extracted text) and
:func:`layout_marks` turns it into :class:`~gijiroku.models.LayoutMark` records.

Example:
    >>> page_number("12/56"), page_number("－ 3 －"), page_number("会議録表示")
    (12, 3, None)
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from gijiroku.models import LayoutMark, Span
from gijiroku.normalize import EDITOR_LINE_BREAK_RE, clean_text

__all__ = [
    "EDGE_LINES",
    "Furniture",
    "FurnitureKind",
    "Piece",
    "Y_TOLERANCE",
    "find_furniture",
    "layout_marks",
    "mask_furniture",
    "page_number",
    "pages_needed",
]

FurnitureKind = Literal["page", "running_header"]

#: How many lines at the top and at the bottom of a page may be furniture.
EDGE_LINES = 3
#: Points two pieces' baselines may differ by and still stand "at the same place".
Y_TOLERANCE = 3.0

_DIGITS_RE = regex.compile(r"[0-9０-９]+")
_WHITE_RE = regex.compile(r"\s+")
_DASH = r"[-－‐―−ー‑–—]"
_N = r"(?P<n>[0-9０-９]{1,4})"
_PAGE_NUMBER_RE = regex.compile(
    rf"""
    {_DASH}?\s*{_N}\s*{_DASH}?                        # 4, - 4 -, －4－
  | {_N}\s*[/／]\s*[0-9０-９]{{1,4}}                    # 2/56
  | [PpＰｐ](?:age|AGE)?[.．]?\s*{_N}(?:\s*(?:of|[/／])\s*[0-9０-９]{{1,4}})?   # P.5, Page 5 of 9
  | 第?\s*{_N}\s*(?:頁|ページ)                          # 5頁, 第5頁, 5ページ
  | [（(]\s*{_N}\s*[)）]                                # (5)
    """,
    regex.VERBOSE,
)
_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")


def page_number(text: str) -> int | None:
    """The number of a page-number piece (``2/56`` → 2), or ``None`` for other text."""
    match = _PAGE_NUMBER_RE.fullmatch(text.strip(" \u3000\t"))
    return int(match["n"].translate(_TO_ASCII)) if match else None


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text on one line of a PDF page, set apart from the rest of its line.

    ``start``/``end`` are offsets into the extracted text, ``page`` the PDF page (from 1),
    ``y`` the baseline in points from the page's bottom, ``rank`` the line's place among
    the page's lines counted from the nearer edge (0: the top or bottom line).
    """

    page: int
    start: int
    end: int
    text: str
    y: float
    rank: int


@dataclass(frozen=True, slots=True)
class Furniture:
    """A piece of page furniture: its place in the extracted text and what it is.

    ``number`` is the printed page number of a ``page`` piece (``2/56`` → 2).
    """

    kind: FurnitureKind
    start: int
    end: int
    page: int
    text: str
    number: int | None = None


def _key(text: str) -> str:
    return _WHITE_RE.sub("", _DIGITS_RE.sub("#", text))


def pages_needed(pages_with_text: int) -> int:
    """On how many pages a piece must stand to be furniture: half of the pages with text
    and three at least; both of two; more than one page can give (never) for one."""
    if pages_with_text < 2:
        return pages_with_text + 1  # one page shows nothing repeated
    if pages_with_text == 2:
        return 2
    return max(3, math.ceil(pages_with_text / 2))


def _same_height(group: list[Piece]) -> list[list[Piece]]:
    """The pieces cut into runs whose baselines lie within :data:`Y_TOLERANCE` of the
    previous one's."""
    runs: list[list[Piece]] = []
    for piece in sorted(group, key=lambda p: p.y):
        if runs and piece.y - runs[-1][-1].y <= Y_TOLERANCE:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def find_furniture(pieces: Sequence[Piece], pages_with_text: int) -> list[Furniture]:
    """The pieces that are page furniture, in text order (see the module docstring).

    Args:
        pieces: the pieces of the lines near each page's top and bottom edges.
        pages_with_text: how many pages of the document hold any text.
    """
    need = pages_needed(pages_with_text)
    by_key: dict[str, list[Piece]] = defaultdict(list)
    for piece in pieces:
        if piece.rank < EDGE_LINES and (key := _key(piece.text)):
            by_key[key].append(piece)
    found: dict[int, Furniture] = {}
    for group in by_key.values():
        if len({p.page for p in group}) < need:
            continue
        for placed in _same_height(group):
            if len({p.page for p in placed}) >= need:
                found.update((p.start, _furniture(p)) for p in placed)
    for piece in pieces:  # a page's own number on its top or bottom line, even on one page
        if piece.rank == 0 and page_number(piece.text) == piece.page:
            found.setdefault(piece.start, _furniture(piece))
    return sorted(found.values(), key=lambda f: f.start)


def _furniture(piece: Piece) -> Furniture:
    number = page_number(piece.text)
    kind: FurnitureKind = "page" if number is not None else "running_header"
    return Furniture(kind, piece.start, piece.end, piece.page, piece.text, number)


def mask_furniture(text: str, furniture: Sequence[Furniture]) -> str:
    """``text`` with every furniture piece replaced by spaces (offsets unchanged).

    Example:
        >>> mask_furniture("1/9\\n本文", [Furniture("page", 0, 3, 1, "1/9", 1)])
        '   \\n本文'
    """
    if not furniture:
        return text
    parts: list[str] = []
    position = 0
    for piece in sorted(furniture, key=lambda f: f.start):
        parts += [text[position : piece.start], " " * (piece.end - piece.start)]
        position = piece.end
    parts.append(text[position:])
    return "".join(parts)


def layout_marks(
    text: str, furniture: Sequence[Furniture], *, line_starts: Sequence[int] | None = None
) -> tuple[LayoutMark, ...]:
    """The :class:`LayoutMark` records of the furniture: kind, printed page number, text,
    and a span into ``text`` whose ``page`` is the PDF page."""
    if line_starts is None:
        line_starts = [0] + [m.end() for m in EDITOR_LINE_BREAK_RE.finditer(text)]
    marks = []
    for piece in furniture:
        first = bisect.bisect_right(line_starts, piece.start)
        last = bisect.bisect_right(line_starts, max(piece.end - 1, piece.start))
        marks.append(
            LayoutMark(
                kind=piece.kind,
                number=piece.number,
                text=clean_text(text[piece.start : piece.end]),
                span=Span(
                    start=piece.start,
                    end=piece.end,
                    line_start=first,
                    line_end=last,
                    page=piece.page,
                ),
            )
        )
    return tuple(marks)
