"""The tokenizer: text → paragraphs → :class:`~gijiroku.blocks.Block` list, by a format's rules.

Steps:

1. cut the text into lines (:func:`gijiroku.normalize.split_lines`);
2. find page markers (``- 4 -``) and form feeds, and number the pages;
3. join lines into paragraphs: in PDF text a line that ends without a trailing space goes
   on in the next line, across blank lines and page markers; otherwise a line is a paragraph;
4. read each paragraph with the first rule of its region (header or body) that matches;
   a rule marked ``ends_header`` starts the body. What no rule claims becomes UNMATCHED.

The blocks tile the input: every non-blank character is in exactly one top-level block.

Each block carries a plain :class:`~gijiroku.blocks.Pos`; the parser makes the
:class:`~gijiroku.models.Span` records. The tokenizer knows no family: it runs the
:class:`~gijiroku.formats.base.Format` it is given (:func:`gijiroku.tokenize` picks one).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import itemgetter, methodcaller
from typing import NamedTuple, TypeVar

import regex

from gijiroku.blocks import (
    META_TYPES,
    Block,
    BlockKind,
    BlockMeta,
    HeaderMeta,
    HeaderName,
    ItemMeta,
    LayoutMeta,
    OneGroup,
    Pos,
    UnmatchedMeta,
    default_meta,
    frozen_groups,
    named_groups,
    one_group_block,
    shared_group_names,
    unchecked_block,
)
from gijiroku.formats.base import KEEP_MODE, ChildRule, Context, Derive, Format, Guard, Rule
from gijiroku.layout import (
    PAGE_MARKER_RE,
    LabelCounts,
    NonBlank,
    form_feeds,
    furniture_lines_joined,
    joined_texts,
    lines_holding,
    non_blank,
    running_headers_joined,
    unflatten_table,
)
from gijiroku.normalize import Line, LineTable, line_starts, memoized, split_line_table
from gijiroku.vocabulary import WHITE_SPACE

__all__ = ["Paragraph", "tokenize_lines"]

_TRAILING_SPACE = (" ", "\u3000", "\t")
_STRIP = " \u3000\t"


def _latin_end(piece: str) -> bool:
    return piece[-1:].isascii() and piece[-1:].isalpha()


def _latin_start(piece: str) -> bool:
    return piece[:1].isascii() and piece[:1].isalpha()


class Paragraph:
    """Lines joined into one logical unit, with a map back to the source offsets.

    ``text`` is the joined raw text (each piece stripped of surrounding spaces), a plain
    attribute: joined by :meth:`close` once the last line is added. Made from its first line
    (its content already stripped, ``lead`` the white space before it); :meth:`add` appends
    the next ones, and only then are ``parts`` (the pieces of text) and ``pieces`` (``(offset
    in text, offset in source)`` of each) kept: a paragraph of one line (most) has neither
    (None). ``pages``: the page markers met inside it. ``indent``: the characters of white
    space before it (:func:`_columns` counts their width, for the few rules that need it).
    ``line``: the number of its first physical line (0: unknown), a guess at its line as
    editors count them (:meth:`_Positions.line_span` checks it).
    """

    __slots__ = ("end", "indent", "length", "line", "pages", "parts", "pieces", "start", "text")

    def __init__(self, content: str, lead: int, source_start: int, line: int = 0) -> None:
        self.text = content
        self.line = line
        self.length = len(content)
        self.start = source_start
        self.end = source_start + self.length
        self.indent = lead
        self.pages: tuple[Block, ...] = ()
        self.parts: list[str] | None = None
        self.pieces: list[tuple[int, int]] | None = None

    def close(self) -> Paragraph:
        """The paragraph with its lines joined into :attr:`text` (after the last :meth:`add`)."""
        if self.parts is not None:
            self.text = "".join(self.parts)
        return self

    def add(self, line: Line) -> None:
        """Append a line's content (stripped) to the paragraph."""
        self._add_text(line.text, line.start)

    def _add_text(self, raw: str, line_start: int) -> None:
        """:meth:`add` of the line whose text is ``raw``, at ``line_start``."""
        content = raw.strip(_STRIP)
        source_start = line_start + raw.find(content[:1])
        parts, pieces = self.parts, self.pieces
        if parts is None or pieces is None:
            parts = self.parts = [self.text]
            pieces = self.pieces = [(0, self.start)]
        if _latin_end(parts[-1]) and _latin_start(content):
            parts.append(" ")  # an English phrase wrapped between two words
            self.length += 1
        pieces.append((self.length, source_start))
        parts.append(content)
        self.length += len(content)
        self.end = source_start + len(content)

    def source_offset(self, position: int) -> int:
        """The source offset of character ``position`` of :attr:`text` (or its end)."""
        if position >= self.length:
            return self.end
        if self.pieces is None:  # (one piece, from the start)
            return self.start + position
        k = bisect.bisect_right(self.pieces, (position, 1 << 62)) - 1
        text_at, source_at = self.pieces[max(k, 0)]
        return source_at + (position - text_at)

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the text range ``[start, end)``."""
        if end <= start:
            at = self.source_offset(start)
            return at, at
        return self.source_offset(start), self.source_offset(end - 1) + 1


_new_tuple = tuple.__new__  # Pos(...) without the keyword handling of a named tuple's __new__


class _Positions:
    """Makes :class:`Pos` tuples: line numbers by bisection, pages from the markers."""

    def __init__(self, text: str, lines: Sequence[Line] | None = None) -> None:
        # Line numbers count what editors and grep count: LF, CRLF or CR (not form feeds).
        self._line_starts = starts = line_starts(text, lines=lines)
        #: Every line of ``lines`` (``split_lines(text)``, numbered from 1) begins where
        #: editors begin a line (a text whose only breaks are LF, CR and CRLF): a range on
        #: one of them, or on a piece of one, is on the editors' line of its number, and no
        #: other (:meth:`line_span` without its checks).
        self.lines_as_editors = lines is not None and _numbered_alike(text, starts, lines)
        self._page_starts: list[int] = []
        self._page_numbers: list[int | None] = []
        self._only_page: int | None = None  # (the page of every offset, with one page)

    def set_pages(self, boundaries: list[tuple[int, int | None]], first: int | None) -> None:
        """``boundaries``: (offset where a page begins, its number); ``first``: page 1's."""
        self._page_starts = [0] + [offset for offset, _ in boundaries]
        self._page_numbers = [first] + [number for _, number in boundaries]
        self._only_page = first

    def page_around(self, offset: int) -> tuple[int | None, int, int]:
        """The page of ``offset`` (as :meth:`span` finds it), and the offsets where that
        page begins and where the next one begins (``sys.maxsize`` after the last)."""
        pages = self._page_starts
        if len(pages) <= 1:
            return self._only_page, 0, sys.maxsize
        k = _bisect_right(pages, offset) - 1
        following = pages[k + 1] if k + 1 < len(pages) else sys.maxsize
        return self._page_numbers[k], pages[k], following

    def page_at(self, offset: int) -> int | None:
        if not self._page_starts:
            return None
        return self._page_numbers[bisect.bisect_right(self._page_starts, offset) - 1]

    def span(self, start: int, end: int) -> Pos:
        """The position of ``[start, end)`` (line 1 starts at offset 0, so a bisection
        never gives less than 1)."""
        starts = self._line_starts
        first = _bisect_right(starts, start)
        # (a span that ends before the next line starts ends on its first line: the same
        # int, and no second bisection)
        if first < len(starts) and end > starts[first]:
            last = _bisect_right(starts, end - 1)
        else:
            last = first
        pages = self._page_starts
        if len(pages) > 1:
            page = self._page_numbers[_bisect_right(pages, start) - 1]
        else:
            page = self._only_page
        return _new_tuple(Pos, (start, end, first, last, page))

    def line_span(self, start: int, end: int, line: int) -> Pos:
        """:meth:`span`, for a range that physical line ``line`` may hold whole (a
        paragraph's first line). Paragraphs come in document order, so the last range read
        tells the rest: its editors' line less its physical line (they differ after a break
        editors do not count, a form feed) and its page. Both are checked against the
        starts; a range that fails (on two lines, or past a form feed) takes :meth:`span`."""
        starts = self._line_starts
        first = line + self._line_shift
        # (the guess holds when the range begins on line ``first`` and ends by the next one's
        # start: the line of both bisections of :meth:`span`)
        if not (
            0 < first <= len(starts)
            and starts[first - 1] <= start
            and (first == len(starts) or start < starts[first] >= end)
        ):
            found = self.span(start, end)
            self._line_shift = found[2] - line
            return found
        pages = self._page_starts
        if len(pages) <= 1:
            return _new_tuple(Pos, (start, end, first, first, self._only_page))
        k = self._page_cursor
        if not (pages[k] <= start and (k + 1 == len(pages) or start < pages[k + 1])):
            k = self._page_cursor = _bisect_right(pages, start) - 1
        return _new_tuple(Pos, (start, end, first, first, self._page_numbers[k]))

    #: What :meth:`line_span` found last: the editors' line less the physical line, and the
    #: index of the page (its first guesses for the next range).
    _line_shift = 0
    _page_cursor = 0


_bisect_right = bisect.bisect_right


#: What :meth:`str.splitlines` takes for a line break (and :func:`split_lines` may), but
#: editors do not: all but LF, CR and CRLF.
_BREAKS_EDITORS_SKIP = "\f\v\x85\u2028\u2029\x1c\x1d\x1e"


def _numbered_alike(text: str, starts: list[int], lines: Sequence[Line]) -> bool:
    """Line ``k`` of ``lines`` (``split_lines(text)``, numbered from 1) begins at
    ``starts[k - 1]`` (``line_starts(text, lines=lines)``), the start of the editors' line
    ``k``, and ends before the next editors' line begins: so when LF, CR and CRLF are the
    text's only line breaks (:func:`line_starts` then gives the lines' own starts, and the
    text's end after a final break). A scan of the text for each other break, in C."""
    return 0 < len(lines) <= len(starts) and not any(map(text.__contains__, _BREAKS_EDITORS_SKIP))


#: A line's text, its blankness, its first character: for C loops over the lines.
_TEXT = itemgetter(Line._fields.index("text"))
_IS_BLANK = itemgetter(Line._fields.index("is_blank"))
_FIRST = itemgetter(slice(0, 1))
_ENDS_WITH_SPACE = methodcaller("endswith", _TRAILING_SPACE)


def _choose_paragraph_mode(
    fmt: Format, lines: Sequence[Line], filled: NonBlank | None = None
) -> str:
    if fmt.paragraph_mode != "auto":
        return fmt.paragraph_mode
    text_lines = (filled or non_blank(lines)).texts
    if not text_lines:
        return "line"
    trailing = sum(map(_ENDS_WITH_SPACE, text_lines))  # (C loops: thousands of lines)
    share = trailing / len(text_lines)
    return "pdf" if 0.08 <= share <= 0.95 else "line"


def _page_number(match: regex.Match[str]) -> int | None:
    digits = match["number"] or match["bare"]
    return (
        int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        if digits
        else None
    )


#: The characters :data:`~gijiroku.layout.PAGE_MARKER_RE` can start with, after spaces.
_MARKER_STARTS = frozenset("-－‐―−ーPpＰｐ0123456789０１２３４５６７８９")
#: A line of :func:`~gijiroku.layout.joined_texts` that starts with one of
#: :data:`_MARKER_STARTS` after spaces: the join before it, the spaces, the character.
_MARKER_START_RE = re.compile("\x00[ \u3000]*[-－‐―−ーPpＰｐ0-9０-９]")


def _find_page_markers(
    fmt: Format,
    lines: Sequence[Line],
    filled: NonBlank | None = None,
    joined: str | None = None,
) -> dict[int, tuple[int | None, regex.Match[str]]]:
    """Line index → (page number, match) for every line that is a page marker (``filled``:
    the non-blank lines, when at hand; ``joined``: their :func:`~gijiroku.layout.joined_texts`,
    when at hand)."""
    found: dict[int, tuple[int | None, regex.Match[str]]] = {}
    if fmt.page_marker is None:
        return found
    last_number: int | None = None
    filled_lines, texts = filled or non_blank(lines)
    positions: Iterable[int] = range(len(filled_lines))
    if fmt.page_marker is PAGE_MARKER_RE:
        # (the shared marker's first character after spaces is one of _MARKER_STARTS: the
        # other lines are passed over in C loops, or in one scan of the joined texts)
        if joined is not None:
            positions = sorted(lines_holding(joined, _MARKER_START_RE))
        else:
            firsts = map(_FIRST, map(str.lstrip, texts, repeat(" \u3000")))
            positions = compress(positions, map(_MARKER_STARTS.__contains__, firsts))
    for position in positions:
        i = filled_lines[position]
        match = fmt.page_marker.fullmatch(texts[position])
        if match is None:
            continue
        number = _page_number(match)
        if match["bare"] is not None:
            if not fmt.bare_page_numbers or number is None:
                continue
            following = filled_lines[position + 1] if position + 1 < len(filled_lines) else None
            next_after_form_feed = following is not None and any(
                lines[j].after_form_feed for j in range(i + 1, following + 1)
            )
            at_end = following is None
            in_sequence = last_number is not None and number == last_number + 1
            first_page = last_number is None and number <= 3
            if not (next_after_form_feed or in_sequence or (first_page and not at_end)):
                continue
        found[i] = (number, match)
        if number is not None:
            last_number = number
    return found


def _page_boundaries(
    lines: Sequence[Line],
    markers: dict[int, tuple[int | None, regex.Match[str]]],
    filled: NonBlank | None = None,
    feeds: list[int] | None = None,
) -> tuple[list[tuple[int, int | None]], int | None]:
    """Where each page begins and its number; the first page's number (None if unknown).

    A page begins after each page marker that prints a number, and at each form feed that
    follows text (a non-blank line since the last marker, or no marker yet). Only the form
    feeds and the markers are visited, in order; the text between is looked up among the
    non-blank lines (``filled``, when at hand; ``feeds``: the lines' :func:`form_feeds`,
    when at hand)."""
    boundaries: list[tuple[int, int | None]] = []
    first: int | None = None
    if feeds is None:
        feeds = form_feeds(lines)
    if not markers and not feeds:
        return boundaries, first  # one page, its number unknown
    filled_lines = (filled or non_blank(lines)).indices
    current: int | None = None
    last_marker = -1  # (none yet)
    for i in sorted({*feeds, *markers}):
        line = lines[i]
        if line.after_form_feed and (
            last_marker < 0
            or bisect.bisect_left(filled_lines, i) > bisect.bisect_right(filled_lines, last_marker)
        ):
            current = (current if current is not None else 1) + 1
            if first is None and not boundaries:
                first = 1
            boundaries.append((line.start, current))
        if i in markers:
            number = markers[i][0]
            if number is not None:
                if first is None and not boundaries and number == 1:
                    first = 1
                current = number + 1
                boundaries.append((line.end, current))
            last_marker = i
    return boundaries, first


def _furniture(
    fmt: Format,
    lines: Sequence[Line],
    markers: dict[int, tuple[int | None, regex.Match[str]]],
    web: list[int],
    filled: NonBlank | None = None,
    joined: str | None = None,
    feeds: list[int] | None = None,
) -> dict[int, BlockKind]:
    """Line index → the layout kind of every line that is page furniture (:mod:`gijiroku.layout`):
    ``web``, the lines :func:`~gijiroku.layout.furniture_lines` gives, and running headers
    (``joined``: ``filled``'s :func:`~gijiroku.layout.joined_texts`; ``feeds``: the lines'
    :func:`~gijiroku.layout.form_feeds`; each when at hand)."""
    found = dict.fromkeys(web, BlockKind.FURNITURE)
    if fmt.running_headers:
        if feeds is None:
            feeds = form_feeds(lines)
        headers = running_headers_joined(lines, markers.keys(), filled, joined, feeds)
        found.update((i, BlockKind.RUNNING_HEADER) for i in headers)
    return found


def _paragraphs(
    lines: Sequence[Line],
    mode: str,
    markers: dict[int, tuple[int | None, regex.Match[str]]],
    spans: _Positions,
    furniture: dict[int, BlockKind],
    filled: NonBlank | None = None,
) -> Iterator[Paragraph | Block]:
    """Paragraphs and top-level page blocks, in order (``filled``: the non-blank lines, when
    at hand)."""
    if mode == "line":
        indices = (filled or non_blank(lines)).indices
        return _line_paragraphs(lines, markers, spans, furniture, indices)
    return _joined_paragraphs(lines, mode, markers, spans, furniture)


def _line_paragraph(line: Line) -> Paragraph:
    """The paragraph of a non-blank line alone (as :class:`Paragraph` makes a first
    line's)."""
    raw = line.text
    content = raw.strip(_STRIP)
    lead = raw.find(content[:1]) if raw[:1] in _STRIP else 0
    return Paragraph(content, lead, line.start + lead, line.number)


def _line_paragraphs(
    lines: Sequence[Line],
    markers: dict[int, tuple[int | None, regex.Match[str]]],
    spans: _Positions,
    furniture: dict[int, BlockKind],
    filled: Iterable[int],
) -> Iterator[Paragraph | Block]:
    """:func:`_joined_paragraphs` in ``"line"`` mode, where each non-blank line is a
    paragraph of its own (page markers and furniture are never blank): the blank lines are
    passed over in a C loop. ``filled``: the indices of the non-blank lines. (One at a time:
    the paragraphs of the whole text held at once with its blocks would raise the peak.
    :meth:`_Reader.read_lines` reads the lines so itself.)"""
    special = markers.keys() | furniture.keys()
    for i in filled:
        line = lines[i]
        if special and i in special:
            if i in furniture:
                yield _page_block(line, None, spans, furniture[i])
            else:
                yield _page_block(line, markers[i][0], spans)
            continue
        yield _line_paragraph(line)


def _joined_paragraphs(
    lines: Sequence[Line],
    mode: str,
    markers: dict[int, tuple[int | None, regex.Match[str]]],
    spans: _Positions,
    furniture: dict[int, BlockKind],
) -> Iterator[Paragraph | Block]:
    """Paragraphs and top-level page blocks, in order (any mode; :func:`_line_paragraphs`
    is the short way of ``"line"`` mode)."""
    current: Paragraph | None = None
    continuing = False
    pdf = mode == "pdf"
    special = markers.keys() | furniture.keys()
    # (the lines read from the table's lists: a :class:`Line` is made only for a page block)
    table = LineTable.of(lines)
    starts, numbers = table.starts, table.numbers
    for i, (raw, holds_text) in enumerate(zip(table.texts, table.filled_mask(), strict=True)):
        if special and i in special:
            if i in furniture:
                page = _page_block(table[i], None, spans, furniture[i])
            else:
                page = _page_block(table[i], markers[i][0], spans)
            if current is not None and continuing:
                current.pages += (page,)
            else:
                if current is not None:
                    yield current.close()
                    current = None
                yield page
            continue
        if not holds_text:
            if mode == "line" and current is not None:
                yield current.close()
                current = None
            continue
        if current is not None and (mode == "line" or not continuing):
            yield current.close()
            current = None
        if current is None:
            content = raw.strip(_STRIP)
            lead = raw.find(content[:1]) if raw[:1] in _STRIP else 0
            current = Paragraph(content, lead, starts[i] + lead, numbers[i])
        else:
            current._add_text(raw, starts[i])
        continuing = pdf and not raw.endswith(_TRAILING_SPACE)
    if current is not None:
        yield current.close()


#: The rule name of a page block of each layout kind.
_LAYOUT_RULE = {
    BlockKind.PAGE: "page-marker",
    BlockKind.RUNNING_HEADER: BlockKind.RUNNING_HEADER.value.replace("_", "-"),
    BlockKind.FURNITURE: BlockKind.FURNITURE.value.replace("_", "-"),
}


def _page_block(
    line: Line, number: int | None, spans: _Positions, kind: BlockKind = BlockKind.PAGE
) -> Block:
    """The block of a page marker or a furniture line: its text without the spaces around
    it; a page marker's ``number`` is its page (made without the checks of
    :class:`Block`'s constructor: the meta is a :class:`LayoutMeta`, and a line with no
    number shares the default one)."""
    text = line.text
    lead = len(text) - len(text.lstrip(_STRIP))
    start, end = line.start + lead, line.start + len(text.rstrip(_STRIP))
    span = spans.span(start, end)
    if number is None:
        meta = default_meta(kind)
    else:  # a page number is printed on the page it numbers
        span = _new_tuple(Pos, (span[0], span[1], span[2], span[3], number))
        meta = LayoutMeta(number=number)
    rule = _LAYOUT_RULE.get(kind) or kind.value.replace("_", "-")
    return unchecked_block(kind, span, frozen_groups({}), meta, rule, ())


def _children(
    child_rule: ChildRule,
    match_text: str,
    base: int,
    para: Paragraph,
    spans: _Positions,
    ctx: Context,
) -> list[Block]:
    found: list[Block] = []
    kind = child_rule.kind
    if child_rule.split is not None:
        expected = META_TYPES[kind]
        for lo, hi, groups, meta in child_rule.split(match_text):
            if meta is not None and not isinstance(meta, expected):
                raise TypeError(f"a {kind.value} child carries {type(meta).__name__}")
            start, end = para.source_range(base + lo, base + hi)
            found.append(
                unchecked_block(
                    kind,
                    spans.span(start, end),
                    frozen_groups(groups),
                    meta or child_rule.meta or default_meta(kind),
                    "child",
                    (),
                )
            )
        _note_people(found, ctx)
        return found
    assert child_rule.pattern is not None
    for m in child_rule.pattern.finditer(match_text):
        if child_rule.guard is not None and not child_rule.guard(m, ctx):
            continue
        if child_rule.span_group:
            lo, hi = m.span(child_rule.span_group)
        else:
            lo, hi = m.span()
        start, end = para.source_range(base + lo, base + hi)
        groups = {k: v for k, v in m.groupdict().items() if v}
        meta = child_rule.meta  # (checked when the child rule was made)
        if child_rule.fact is not None:  # (a fact is stated by a header child)
            meta = HeaderMeta(facts=((child_rule.fact, groups.get("value", "")),))
        found.append(
            unchecked_block(
                kind,
                spans.span(start, end),
                frozen_groups(groups),
                meta if meta is not None else default_meta(kind),
                "child",
                (),
            )
        )
    _note_people(found, ctx)
    return found


def _mentioned(
    looking: tuple[tuple[ChildRule, Callable[[str], object] | None], ...],
    para: Paragraph,
    spans: _Positions,
    ctx: Context,
    spent: set[int],
) -> list[Block]:
    """What the mention rules ``looking`` find in a paragraph (a rule that looks for one fact
    only is ``spent`` once it found it)."""
    found: list[Block] = []
    for mention, needs in looking:
        if needs is not None and not needs(para.text):
            continue
        if id(mention) not in spent:
            mentioned = _children(mention, para.text, 0, para, spans, ctx)
            if mentioned and mention.once:
                spent.add(id(mention))
            found += mentioned
    return found


# (enum members compared with at every long-way paragraph or roster entry, read once: see
# BlockKind)
_MEMBER, _SECTION, _TITLE = BlockKind.MEMBER, BlockKind.SECTION, HeaderName.TITLE


def _note_people(children: list[Block], ctx: Context) -> None:
    """Remember the names and titles of roster entries: labels are checked against them."""
    for child in children:
        if child.kind is not _MEMBER:
            continue
        groups = child.groups
        for group in ("name", "person", "title"):
            value = groups.get(group)
            if value:
                ctx.people.add(_WHITE_RE.sub("", value))


_WHITE_RE = re.compile(f"[{WHITE_SPACE}]+")  # (what regex calls \s)


class _Plan(NamedTuple):
    """How a rule is tried (:meth:`_RuleIndex.candidates`): its pattern's ``fullmatch``
    (None for a rule that reads every text whole: see :func:`_reads_whole`), a test of the
    characters it needs (None: none), its ``when``, whether it looks at the next paragraph,
    its guard, and the id of its pattern when another rule of the same list shares it (None
    when none does: the match is then not remembered)."""

    rule: Rule
    fullmatch: Callable[[str], regex.Match[str] | None] | None
    needs: Callable[[str], object] | None
    when: Callable[[Context], bool] | None
    requires_next: bool
    guard: Guard | None
    shared: int | None


#: A catch-all pattern: one named group holding the whole (non-empty) text.
_CATCH_ALL = regex.compile(r"\(\?P<(\w+)>\.\+\)")
_CATCH_ALL_FLAGS = regex.DOTALL | regex.UNICODE | regex.VERSION0


def _is_catch_all(rule: Rule) -> bool:
    """``rule``'s pattern is one named group of any text, DOTALL: ``(?P<text>.+)``."""
    return (
        rule.pattern.flags == _CATCH_ALL_FLAGS
        and _CATCH_ALL.fullmatch(rule.pattern.pattern) is not None
    )


def _fullmatch_of(rule: Rule) -> Callable[[str], regex.Match[str] | None]:
    """How ``rule``'s pattern is tried: its ``fullmatch``; for a catch-all without a guard
    (a continuation line's ``(?P<text>.+)``, DOTALL: it matches any text whole, the one
    group all of it) the same pattern compiled by the standard ``re``, whose call costs less
    than half (the match is read only by the tokenizer: the group, its name and number)."""
    if not _is_catch_all(rule) or rule.guard is not None:
        return rule.pattern.fullmatch
    standard = re.compile(rule.pattern.pattern, re.DOTALL)
    return standard.fullmatch  # type: ignore[return-value]


def _tried_by(rule: Rule, shared: bool) -> Callable[[str], regex.Match[str] | None]:
    """:func:`_fullmatch_of`, or for a rule without a guard whose pattern
    :func:`_standard_twin` compiles alike, the twin's ``fullmatch`` (the match is read only
    by the tokenizer: the groups, their names, numbers and spans), unless another rule tried
    on the same texts shares the pattern (``shared``: its match is then kept for that rule,
    whose guard may read it)."""
    if rule.guard is None and not shared and not _is_catch_all(rule):
        twin = _standard_twin(rule.pattern)
        if twin is not None:
            return twin.fullmatch  # type: ignore[return-value]
    return _fullmatch_of(rule)


#: An escape both modules read as the same one character: a tab, a line feed, or ASCII
#: punctuation (``\u`` and four hex digits apart).
_PLAIN_ESCAPES = frozenset("tn" + "".join(c for c in map(chr, range(33, 127)) if not c.isalnum()))
#: A quantifier in braces that both modules read alike.
_BRACES_RE = re.compile(r"\{[0-9]+(?:,[0-9]*)?\}")
#: What may follow ``(?`` in a pattern both modules read alike: a group that captures
#: nothing, a lookahead or lookbehind, a named group.
_GROUP_OPENINGS = (":", "=", "!", "<=", "<!", "P<")
_STANDARD_TWINS: dict[regex.Pattern[str], re.Pattern[str] | None] = {}
_STANDARD_TWINS_LIMIT = 4096


def _standard_twin(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` compiled by the standard ``re`` (whose ``fullmatch`` costs about half),
    when it is written in the part of the syntax both modules read alike (``regex`` in its
    version 0, no flag but DOTALL): literal characters, the escapes of
    :data:`_PLAIN_ESCAPES` and ``\\uXXXX``, character classes of those (no nested set, no
    set operation), ``.``, ``^``, ``$``, alternation, groups that capture (named or not) or
    not, lookarounds, and greedy or lazy quantifiers (no possessive one; a group quantified
    by ``?`` only, so that no repeated group may match empty). Both modules then try the
    same alternatives in the same order and give the same groups. None otherwise (``\\s``,
    ``\\p{…}``, a flag, a name used twice: anything ``re`` reads otherwise or not at all)."""
    if pattern in _STANDARD_TWINS:
        return _STANDARD_TWINS[pattern]
    twin = _twin_of(pattern)
    if len(_STANDARD_TWINS) < _STANDARD_TWINS_LIMIT:
        _STANDARD_TWINS[pattern] = twin
    return twin


def _twin_of(pattern: regex.Pattern[str]) -> re.Pattern[str] | None:
    """:func:`_standard_twin`, made."""
    if pattern.flags & ~regex.DOTALL != regex.VERSION0 | regex.UNICODE:
        return None
    text = pattern.pattern
    i, n = 0, len(text)
    in_class = False
    while i < n:
        c = text[i]
        if c == "\\":
            following = text[i + 1 : i + 2]
            if following == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[i + 2 : i + 6]):
                i += 6
            elif following and following in _PLAIN_ESCAPES:
                i += 2
            else:
                return None
            continue
        if in_class:
            if c == "[" or text.startswith(("&&", "--", "||", "~~"), i):
                return None
            in_class = c != "]"
            i += 1
            continue
        if c == "[":
            i += 2 if text.startswith("[^", i) else 1
            if text[i : i + 1] == "]":  # (a closing bracket first: literal, or not)
                return None
            in_class = True
            continue
        if c == "(" and text.startswith("(?", i):
            if not text.startswith(_GROUP_OPENINGS, i + 2):
                return None
        elif c == "{":
            braces = _BRACES_RE.match(text, i)
            if braces is None:
                return None
            i = braces.end() - 1
        elif c == ")" and text[i + 1 : i + 2] in ("*", "+", "{"):
            return None  # (a repeated group: one that may match empty repeats alike?)
        if c in "*+?}" and text[i + 1 : i + 2] == "+":
            return None  # (possessive)
        i += 1
    if in_class:
        return None
    try:
        twin = re.compile(text, re.DOTALL if pattern.flags & regex.DOTALL else 0)
    except re.error:
        return None
    # (the names in the same order too: the blocks list their groups in this order)
    if twin.groups != pattern.groups or tuple(twin.groupindex.items()) != tuple(
        pattern.groupindex.items()
    ):
        return None
    return twin


def _reads_whole(rule: Rule) -> bool:
    """``rule`` is a catch-all (see :func:`_fullmatch_of`) whose match nothing reads but its
    one group, the whole text: no guard, no children, nothing absorbed. A paragraph's text
    is never empty, so such a rule matches every text it is tried on: :func:`_match_rule`
    gives it no match at all (None), and the group is the paragraph's text."""
    return (
        rule.children is None
        and rule.absorb_next is None
        and rule.guard is None
        and _is_catch_all(rule)
    )


def _groups_of(rule: Rule, match: regex.Match[str] | None, text: str) -> dict[str, str]:
    """The named groups :func:`_match_rule` found for ``rule`` in ``text``: :func:`_groups`,
    or the catch-all's one group for no match (see :func:`_reads_whole`)."""
    if match is None:
        return {next(iter(rule.pattern.groupindex)): text}
    return _groups(match)


def _needs_test(needs: str) -> Callable[[str], object] | None:
    """A test that a text holds one of the characters ``needs`` (None for no condition):
    ``in`` for each of one to three characters (several times faster than a character class
    searched with ``re``), a character class for more."""
    if not needs:
        return None
    if len(needs) == 1:
        return lambda text: needs in text
    if len(needs) == 2:
        first, second = tuple(needs)
        return lambda text: first in text or second in text
    if len(needs) == 3:
        first, second, third = tuple(needs)
        return lambda text: first in text or second in text or third in text
    return re.compile("[" + re.escape(needs) + "]").search


_Key = TypeVar("_Key")
_Found = TypeVar("_Found")


class _RuleIndex:
    """The rules of a table that may read a paragraph, by the region, the mode and the
    paragraph's first character: a rule is tried only where it applies (its ``region`` and
    ``modes``) and only when its pattern can match a text that starts with that character
    (a partial match of the character alone rules the pattern out). Learnt the first time a
    character is seen, kept for every later document read by the same rules.

    :meth:`runs` gives the same plans cut into runs for :func:`_match_rule`: two or more
    rules in a row that each need one of some characters are tried behind one test of all
    their characters (a text that holds none of them skips the run at once), and a rule's
    ``may_match`` joins its needs test. :meth:`ways` puts them behind one test of every
    character the rules need."""

    __slots__ = ("by_first", "by_key", "by_key_runs", "by_key_ways", "by_mode", "rules")

    #: Keys remembered, at most (beyond that the rules are filtered anew).
    LIMIT = 16384

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.by_first: dict[str, tuple[Rule, ...]] = {}
        self.by_key: dict[tuple[str, str | None, str], tuple[_Plan, ...]] = {}
        self.by_key_runs: dict[tuple[str, str | None, str], tuple[_Run, ...]] = {}
        self.by_key_ways: dict[tuple[str, str | None, str], _Ways] = {}
        self.by_mode: dict[
            tuple[str, str | None, int], tuple[_MentionsByKind, dict[str, _Quick]]
        ] = {}

    def candidates(self, region: str, mode: str | None, text: str) -> tuple[_Plan, ...]:
        """How to try the rules that may match ``text`` (not empty), in their order."""
        key = (region, mode, text[0])
        found = self.by_key.get(key)
        if found is None:
            rules = tuple(
                rule
                for rule in self._by_first(text[0])
                if rule.region in ("any", region) and (rule.modes is None or mode in rule.modes)
            )
            shares = [sum(other.pattern is rule.pattern for other in rules) > 1 for rule in rules]
            found = tuple(
                _Plan(
                    rule,
                    None if _reads_whole(rule) else _tried_by(rule, shared),
                    _needs_test(rule.needs),
                    rule.when,
                    rule.requires_next,
                    rule.guard,
                    id(rule.pattern) if shared else None,
                )
                for rule, shared in zip(rules, shares, strict=True)
            )
            if len(self.by_key) < self.LIMIT:
                self.by_key[key] = found
        return found

    def runs(self, region: str, mode: str | None, text: str) -> tuple[_Run, ...]:
        """:meth:`candidates` in runs, each with the test a text must pass for any rule of
        the run to be tried (None: no test)."""
        key = (region, mode, text[0])
        found = self.by_key_runs.get(key)
        if found is None:
            found = self._keep(self.by_key_runs, key, _runs(self.candidates(region, mode, text)))
        return found

    def ways(self, region: str, mode: str | None, text: str) -> _Ways:
        """:meth:`runs` behind one test of every character the rules need (see
        :func:`_ways`)."""
        key = (region, mode, text[0])
        found = self.by_key_ways.get(key)
        if found is None:
            found = self._keep(self.by_key_ways, key, _ways(self.runs(region, mode, text)))
        return found

    def quick(self, region: str, mode: str | None, mentions: _MentionsByKind) -> dict[str, _Quick]:
        """The ways of every first character seen in ``region`` and ``mode`` with their
        short ways (see :func:`_short`) for the mention rules ``mentions``: filled by
        :meth:`quick_of`. Kept for each ``mentions`` apart (a document's reader drops its
        spent rules: :meth:`_Reader.spend`); its identity is checked (an id may be reused)."""
        key = (region, mode, id(mentions))
        found = self.by_mode.get(key)
        if found is None or found[0] is not mentions:
            found = self._keep(self.by_mode, key, (mentions, {}))
        return found[1]

    def quick_of(
        self, region: str, mode: str | None, mentions: _MentionsByKind, text: str
    ) -> _Quick:
        """:meth:`ways` of ``text`` with its short ways, kept in :meth:`quick`'s table."""
        needed, runs, otherwise = self.ways(region, mode, text)
        found: _Quick = (
            needed,
            runs,
            otherwise,
            _short(runs, region, mode, mentions) if needed is None else None,
            _short(otherwise, region, mode, mentions),
            _item_way(runs, region, mode, mentions) if needed is None else None,
            _item_way(otherwise, region, mode, mentions),
        )
        return self._keep(self.quick(region, mode, mentions), text[0], found)

    def _keep(self, table: dict[_Key, _Found], key: _Key, found: _Found) -> _Found:
        """``found`` remembered in ``table`` under ``key`` while the table is under
        :attr:`LIMIT` (past it, each is made anew)."""
        if len(table) < self.LIMIT:
            table[key] = found
        return found

    def _by_first(self, first: str) -> tuple[Rule, ...]:
        found = self.by_first.get(first)
        if found is None:
            found = tuple(r for r in self.rules if r.pattern.fullmatch(first, partial=True))
            if len(self.by_first) < self.LIMIT:
                self.by_first[first] = found
        return found


#: A plan as :func:`_match_rule` reads it, its rule's ``may_match`` in its needs test: a
#: plain tuple (unpacked faster than a named one).
_Step = tuple[
    Rule,
    Callable[[str], "regex.Match[str] | None"] | None,
    Callable[[str], object] | None,
    Callable[[Context], bool] | None,
    bool,
    Guard | None,
    int | None,
]
#: Steps tried one after the other behind one test (None: no test).
_Run = tuple[Callable[[str], object] | None, tuple[_Step, ...]]


def _runs(plans: tuple[_Plan, ...]) -> tuple[_Run, ...]:
    """``plans`` cut into runs: each stretch of two or more plans with a needs test, behind
    the test of all their characters; each stretch of two or more plans that need no
    character and share one ``may_match`` (the header's rules of keys), behind that test,
    tried once (their steps then test nothing more); the plans between them in runs without
    a test."""
    found: list[_Run] = []
    loose: list[_Step] = []
    i = 0
    while i < len(plans):
        j = i
        while j < len(plans) and plans[j].rule.needs:
            j += 1
        may_match = plans[i].rule.may_match
        if j == i and may_match is not None:
            while (
                j < len(plans) and not plans[j].rule.needs and plans[j].rule.may_match is may_match
            ):
                j += 1
            if j - i >= 2:
                if loose:
                    found.append((None, tuple(loose)))
                    loose = []
                found.append((may_match, tuple(_step(p, gated=True) for p in plans[i:j])))
                i = j
                continue
        if j - i >= 2:
            if loose:
                found.append((None, tuple(loose)))
                loose = []
            needs = "".join(dict.fromkeys("".join(p.rule.needs for p in plans[i:j])))
            found.append((_needs_test(needs), tuple(_step(p) for p in plans[i:j])))
            i = j
        else:
            loose.append(_step(plans[i]))
            i += 1
    if loose:
        found.append((None, tuple(loose)))
    return tuple(found)


#: The runs of a key as :func:`_match_rule` tries them: a test of every character the
#: rules need (None: no test), the runs when a text passes it, and when it fails.
_Ways = tuple[Callable[[str], object] | None, tuple[_Run, ...], tuple[_Run, ...]]


def _ways(runs: tuple[_Run, ...]) -> _Ways:
    """``runs`` behind one test: when the first rule needs some characters and two or more
    rules do, a text that holds none of their characters is tried only by the rules that
    need none, in their order (a continuation line of assembly or PDF minutes: the label
    alone and the catch-all, not the label rules and the signature's statement first). A
    run's test is only the needs of its rules, so no other condition is dropped; the first
    rule's needs are tested for every text anyway, so a text that holds some pays little."""
    steps = [step for _, members in runs for step in members]
    needs = [step[0].needs for step in steps if step[0].needs]
    if not steps or not steps[0][0].needs or len(needs) < 2:
        return None, runs, runs
    test = _needs_test("".join(dict.fromkeys("".join(needs))))
    # (the rules that need none, in their order; a run behind a shared ``may_match`` kept)
    otherwise: list[_Run] = []
    loose: list[_Step] = []
    for gate, members in runs:
        if gate is not None and not any(step[0].needs for step in members):
            if loose:
                otherwise.append((None, tuple(loose)))
                loose = []
            otherwise.append((gate, members))
        else:
            loose.extend(step for step in members if not step[0].needs)
    if loose:
        otherwise.append((None, tuple(loose)))
    return test, runs, tuple(otherwise)


#: A short way (:func:`_short`): the tests of the rules a text must fail, then the block's
#: kind, the name of its one group (the whole text), its record, its rule's name, and the
#: mention rules of its kind (:data:`_Mentions`: a text that fails their test too is a block
#: with no children; one that passes it is read by them, the rule loop left out).
_Short = tuple[tuple[Callable[[str], object], ...], BlockKind, str, BlockMeta, str, "_Mentions"]
#: The item way (:func:`_item_way`): the tests of the rules a text must fail, then the
#: block's kind (ITEM), the item rule's ``fullmatch`` (None: it reads every text whole), the
#: names of its groups (:func:`_item_groups`), its rule's name, the mention rules of its kind
#: (:data:`_Mentions`), the rule, and what makes its record (:class:`_ItemRule`). (The kind
#: and the name stand where a :data:`_Short` has them: :func:`_catch_up` reads either.)
_ItemWay = tuple[
    tuple[Callable[[str], object], ...],
    BlockKind,
    "Callable[[str], regex.Match[str] | None] | None",
    tuple[str, ...] | None,
    str,
    "_Mentions",
    Rule,
    "_ItemRule",
]
#: :data:`_Ways` with the short way of the runs when there is no needed test (else None) and
#: the short way of the runs a text takes when it fails the test; then the item ways of both
#: (:func:`_item_way`, where the runs have no short way).
_Quick = tuple[
    Callable[[str], object] | None,
    tuple[_Run, ...],
    tuple[_Run, ...],
    _Short | None,
    _Short | None,
    _ItemWay | None,
    _ItemWay | None,
]


def _short(
    runs: tuple[_Run, ...], region: str, mode: str | None, mentions: _MentionsByKind
) -> _Short | None:
    """The short way of ``runs`` in ``region`` and ``mode``: when they end in a rule that
    reads every text it is tried on and every rule before it is passed over unless the text
    passes a test of its characters (the run's gate, a rule's needs or ``may_match``), a
    text that fails all these tests is read by that rule, whatever the context. When that
    rule is a plain catch-all (:class:`_PlainRule`, one group: the text whole) that leaves
    the region and the mode as they are, and the mention rules of its kind are behind a
    test too (or there are none), its block is the text, its span, its rule's record and
    what the mention rules find (nothing, for a text that fails their test), and nothing of
    the context but what every block changes (see :meth:`_Reader.read_lines`). None when the
    runs have no such end."""
    found = _end_of_runs(runs, _reads_every_text)
    if found is None:
        return None
    tests, (rule, *_) = found
    return _short_block(rule, tests, region, mode, mentions)


def _end_of_runs(
    runs: tuple[_Run, ...], ends: Callable[[_Step], bool]
) -> tuple[list[Callable[[str], object]], _Step] | None:
    """The first step of ``runs`` that ``ends`` accepts, with the tests a text must fail to
    pass over every rule before it (a run's gate, a rule's needs or ``may_match``); None when
    a rule that no test passes over comes first, or no step is accepted."""
    tests: list[Callable[[str], object]] = []
    for gate, steps in runs:
        if gate is not None:  # (a text that fails it passes the whole run over)
            tests.append(gate)
            continue
        for step in steps:
            if ends(step):
                return tests, step
            test = step[2]
            if test is None:  # (a rule tried on every text, by a condition of its own)
                return None
            tests.append(test)
    return None


def _reads_every_text(step: _Step) -> bool:
    """``step``'s rule reads every text it is tried on: no pattern to match (a catch-all),
    no test, no ``when``, no look at the next paragraph."""
    _, fullmatch, test, when, requires_next, _, _ = step
    return fullmatch is None and test is None and when is None and not requires_next


def _tried_on_every_text(step: _Step) -> bool:
    """``step``'s rule is tried on every text and decides by its pattern alone: no test, no
    ``when``, no look at the next paragraph, no guard."""
    _, _, test, when, requires_next, guard, _ = step
    return test is None and when is None and not requires_next and guard is None


def _short_block(
    rule: Rule,
    tests: list[Callable[[str], object]],
    region: str,
    mode: str | None,
    mentions: _MentionsByKind,
) -> _Short | None:
    """:func:`_short`'s end: the short way when ``rule`` reads every text as it is tried
    after the ``tests`` fail, or None."""
    plain = _plain_rule(rule, mentions)
    if plain is None or len(plain.names) != 1:
        return None
    if plain.sets_mode == KEEP_MODE:
        if mode in plain.ends_modes:
            return None  # (the mode ends)
    elif plain.sets_mode != mode:
        return None  # (the mode changes: a rule that sets the mode it is in keeps it)
    if rule.ends_header and region == "header":
        return None  # (the region changes)
    return tuple(tests), plain.kind, plain.names[0][0], plain.meta, rule.name, plain.mentions


def _item_way(
    runs: tuple[_Run, ...], region: str, mode: str | None, mentions: _MentionsByKind
) -> _ItemWay | None:
    """The item way of ``runs`` in ``region`` and ``mode``: as :func:`_short`, the rules
    before the first one tried on every text (no needs, no ``may_match``, no ``when``, no
    next paragraph read, no guard) are passed over by a text that fails their tests; when
    that rule is an item rule (:class:`_ItemRule`: a bullet of notes, whose pattern must
    match; or a paragraph, read whole) that leaves the region and the mode as they are,
    such a text that its pattern matches is its block, whatever the context: its groups,
    the record its rule derives from them at the paragraph's indentation, and what the
    mention rules of its kind find (nothing, for a text that fails their test). A text its
    pattern does not match is read by the later rules (the long way). None when the runs
    end otherwise, or :func:`_short` reads them."""
    found = _end_of_runs(runs, _tried_on_every_text)
    if found is None:
        return None
    tests, (rule, fullmatch, *_) = found
    return _item_way_of(rule, fullmatch, tests, region, mode, mentions)


def _item_way_of(
    rule: Rule,
    fullmatch: Callable[[str], regex.Match[str] | None] | None,
    tests: list[Callable[[str], object]],
    region: str,
    mode: str | None,
    mentions: _MentionsByKind,
) -> _ItemWay | None:
    """:func:`_item_way`'s end: the item way when ``rule`` makes its blocks as an item rule
    and keeps the region and the mode, or None."""
    if _plain_rule(rule, mentions) is not None:
        return None  # (a plain rule: :func:`_short` reads it, if read whole)
    item = _item_rule(rule, mentions)
    if item is None:
        return None
    if item.sets_mode == KEEP_MODE:
        if mode in item.ends_modes:
            return None  # (the mode ends)
    elif item.sets_mode != mode:
        return None  # (the mode changes)
    if rule.ends_header and region == "header":
        return None  # (the region changes)
    return (
        tuple(tests),
        BlockKind.ITEM,
        fullmatch,
        _item_groups(rule, fullmatch),
        rule.name,
        item.mentions,
        rule,
        item,
    )


def _item_groups(
    rule: Rule, fullmatch: Callable[[str], regex.Match[str] | None] | None
) -> tuple[str, ...] | None:
    """The names of the groups of ``rule``'s blocks, as the item way reads them: for a rule
    that reads every text whole, its one group's (the text); for one whose pattern is
    matched, the names (as blocks share them) when its groups are all named and numbered in
    the order of the names, so that ``match.groups()`` lists their values as
    :func:`_groups` does (None otherwise: the groups are read by :func:`_groups`)."""
    names = tuple(rule.pattern.groupindex.items())
    if fullmatch is None:
        return (names[0][0],)
    if rule.pattern.groups != len(names) or [n for _, n in names] != list(range(1, len(names) + 1)):
        return None
    if len(names) == 1:
        return (names[0][0],)
    return shared_group_names(tuple(name for name, _ in names))


def _step(plan: _Plan, *, gated: bool = False) -> _Step:
    """``plan`` as a step, its rule's ``may_match`` tried after its needs (a test of a few
    characters, in C), first; ``gated``: the run's test is that ``may_match`` (and the rule
    needs no character), so the step tests nothing."""
    test = plan.needs
    may_match = plan.rule.may_match
    if gated:
        return (
            plan.rule,
            plan.fullmatch,
            None,
            plan.when,
            plan.requires_next,
            plan.guard,
            plan.shared,
        )
    if may_match is not None:
        needs = test
        test = may_match if needs is None else lambda text: needs(text) and may_match(text)
    return (plan.rule, plan.fullmatch, test, plan.when, plan.requires_next, plan.guard, plan.shared)


_RULE_INDEXES: dict[int, _RuleIndex] = {}


def _rule_index(rules: tuple[Rule, ...]) -> _RuleIndex:
    """The index of a rule table (one per table, made when first needed)."""
    index = _RULE_INDEXES.get(id(rules))
    if index is None or index.rules is not rules:
        index = _RULE_INDEXES[id(rules)] = _RuleIndex(rules)
    return index


#: The mention rules that look in one kind of block: the test a paragraph must pass for any
#: of them to be tried (the characters of them all; None when one needs none), and the rules
#: in their order, each with the test of the characters it needs.
_Mentions = tuple[
    Callable[[str], object] | None, tuple[tuple[ChildRule, Callable[[str], object] | None], ...]
]


#: The mention rules of each kind of block (see :func:`_mentions_by_kind`).
_MentionsByKind = dict[BlockKind, _Mentions]


@functools.lru_cache(maxsize=64)
def _mentions_by_kind(rules: tuple[ChildRule, ...]) -> _MentionsByKind:
    """The mention rules that look in each kind of block (a kind no rule names is absent).
    Most paragraphs hold none of the characters the rules of their kind need: one test of
    them all passes such a paragraph over, where each rule's own test would be tried."""
    found: dict[BlockKind, _Mentions] = {}
    for kind in BlockKind:
        looking = tuple((r, _needs_test(r.needs)) for r in rules if kind in r.kinds)
        if not looking:
            continue
        if all(r.needs for r, _ in looking):
            needs = "".join(dict.fromkeys("".join(r.needs for r, _ in looking)))
        else:
            needs = ""  # (a rule that needs no character looks in every paragraph)
        found[kind] = (_needs_test(needs), looking)
    return found


_NO_MENTIONS: _Mentions = (None, ())


def _match_rule(
    rules: _RuleIndex, para: Paragraph, ctx: Context, following: Paragraph | None
) -> tuple[Rule, regex.Match[str] | None] | None:
    """The first rule of ``rules`` that reads ``para``, and its match (None for a catch-all
    that reads the text whole: :func:`_reads_whole`), or None when no rule does."""
    text = para.text
    ways = rules.by_key_ways.get((ctx.region, ctx.mode, text[0]))
    if ways is None:
        ways = rules.ways(ctx.region, ctx.mode, text)
    needed, runs, otherwise = ways
    if needed is not None and not needed(text):
        runs = otherwise
    return _try_runs(runs, text, ctx, following.text if following is not None else None)


#: The rule loop as written (:func:`tokenize_lines` takes its short ways only while
#: :func:`_match_rule` is this one).
_MATCH_RULE = _match_rule


def _try_runs(
    runs: tuple[_Run, ...], text: str, ctx: Context, following: str | None
) -> tuple[Rule, regex.Match[str] | None] | None:
    """:func:`_match_rule` on the runs chosen for ``text`` (``following``: the next
    paragraph's text)."""
    # Rules that share a pattern (the keys of the header) match it once per paragraph.
    matched: dict[int, regex.Match[str] | None] | None = None
    for gate, plans in runs:
        if gate is not None and not gate(text):
            continue
        for rule, fullmatch, needs, when, requires_next, guard, shared in plans:
            if needs is not None and not needs(text):
                continue
            if when is not None and not when(ctx):
                continue
            if requires_next and (
                following is None
                or rule.absorb_next is None
                or not rule.absorb_next.fullmatch(following)
            ):
                continue
            if fullmatch is None:  # (a catch-all: the text whole, nothing more to check)
                return rule, None
            if shared is None:
                match = fullmatch(text)
            elif matched is None:
                match = fullmatch(text)
                matched = {shared: match}
            elif shared in matched:
                match = matched[shared]
            else:
                match = matched[shared] = fullmatch(text)
            if match is None:
                continue
            if guard is not None and not guard(match, ctx):
                continue
            return rule, match
    return None


#: The named groups of each rule's pattern, (name, number) pairs (``Pattern.groupindex``
#: builds a new dictionary at every call).
_GROUP_INDEX: dict[regex.Pattern[str], tuple[tuple[str, int], ...]] = {}
_GROUP_INDEX_LIMIT = 4096


def _groups(match: regex.Match[str]) -> dict[str, str]:
    """The named groups a match set (a pattern with one group, the catch-all ``text`` of
    continuation lines, is read without building the whole group dictionary)."""
    pattern = match.re
    names = _GROUP_INDEX.get(pattern)
    if names is None:
        names = tuple(pattern.groupindex.items())
        if len(_GROUP_INDEX) < _GROUP_INDEX_LIMIT:
            _GROUP_INDEX[pattern] = names
    if len(names) == 1:
        name, number = names[0]
        value = match.group(number)
        return {name: value} if value is not None else {}
    # (read from the tuple of all groups: the regex module's groupdict() costs about twice
    # as much; a name used twice in a pattern is one group, and groupdict() lists the names
    # in the order of groupindex, as this does)
    values = match.groups()
    return {name: value for name, number in names if (value := values[number - 1]) is not None}


def _meta(rule: Rule, groups: dict[str, str], para: Paragraph, source: str) -> BlockMeta | None:
    """The block's record: the rule's own, or derived from the groups; items get their
    indentation (``source``: the text the paragraph is in)."""
    meta = rule.derive(groups) if rule.derive is not None else rule.meta
    if meta is not None and not isinstance(meta, META_TYPES[rule.kind]):
        raise TypeError(
            f"rule {rule.name!r} derived {type(meta).__name__} for a {rule.kind.value} block"
        )
    if rule.with_indent:
        meta = _indented(meta if isinstance(meta, ItemMeta) else ItemMeta(), _columns(para, source))
    return meta


def _columns(para: Paragraph, source: str) -> int:
    """The width of the white space before ``para`` in ``source``, in columns: a tab takes
    four, an ideographic space two, any other one (counted only for the rules that keep an
    item's indentation: most paragraphs never need it)."""
    return _columns_at(para.indent, para.start, source)


def _columns_at(lead: int, start: int, source: str) -> int:
    """:func:`_columns` of a paragraph that starts at ``start`` after ``lead`` characters
    of white space."""
    if not lead:
        return 0
    return (
        lead
        + source.count("\t", start - lead, start) * 3
        + source.count("\u3000", start - lead, start)
    )


def _indented(item: ItemMeta, columns: int) -> ItemMeta:
    """``item`` at ``columns`` (records are frozen: the few distinct ones are shared within
    a parse; an item may hold its owner's name, so nothing is kept beyond one). An item
    already at ``columns`` (a bullet at the margin) is itself: no key to hash."""
    if item.indent == columns:
        return item
    return memoized("tokenizer.indented", _with_indent, (item, columns))


def _with_indent(key: tuple[ItemMeta, int]) -> ItemMeta:
    item, columns = key
    return dataclasses.replace(item, indent=columns)


class _PlainRule(NamedTuple):
    """What the tokenizer needs to make a block of a *plain* rule: one that has no children
    and absorbs nothing, takes its record as it is (no ``derive``, no indentation; not a
    header's record) and is no section. Its block is its groups, its record, its span, what
    the mention rules of its kind find and the paragraph's page blocks; besides its mode
    and the header's end, it changes the context only as every block does. Read from the
    rule once per document (most blocks are made by a few plain rules)."""

    names: tuple[tuple[str, int], ...]  # the pattern's named groups, (name, number)
    kind: BlockKind
    meta: BlockMeta  # the rule's record, or the kind's default
    mentions: _Mentions  # of its kind
    sets_mode: str | None
    ends_modes: frozenset[str]
    #: With two or more groups, all named and numbered in the order of their names: the
    #: names as blocks share them (a match that sets every group gives its block's groups
    #: as ``match.groups()`` lists them); None otherwise.
    shared_names: tuple[str, ...] | None = None


def _plain_rule(
    rule: Rule,
    mentions: dict[BlockKind, _Mentions],
) -> _PlainRule | None:
    """``rule`` as a :class:`_PlainRule`, or None when its blocks need the long way."""
    if (
        rule.children is not None
        or rule.absorb_next is not None
        or rule.derive is not None
        or rule.with_indent
        or isinstance(rule.meta, HeaderMeta)
        or rule.kind is BlockKind.SECTION
    ):
        return None
    names = tuple(rule.pattern.groupindex.items())
    meta = rule.meta if rule.meta is not None else default_meta(rule.kind)
    in_order = rule.pattern.groups == len(names) >= 2 and [n for _, n in names] == list(
        range(1, len(names) + 1)
    )
    return _PlainRule(
        names,
        rule.kind,
        meta,
        mentions.get(rule.kind, _NO_MENTIONS),
        rule.sets_mode,
        rule.ends_modes,
        shared_group_names(tuple(name for name, _ in names)) if in_order else None,
    )


class _ItemRule(NamedTuple):
    """What the tokenizer needs to make a block of an *item* rule: an ITEM rule that has no
    children and absorbs nothing, whose record is derived from its groups or given the
    paragraph's indentation (the bullets and paragraphs of notes: nearly every block of
    summary minutes). Its block is made as a plain rule's, its record as :func:`_meta`
    makes it; read from the rule once per document."""

    derive: Derive | None
    meta: BlockMeta | None  # the rule's record (None: the kind's default)
    with_indent: bool
    mentions: _Mentions  # of its kind
    sets_mode: str | None
    ends_modes: frozenset[str]


def _item_rule(rule: Rule, mentions: dict[BlockKind, _Mentions]) -> _ItemRule | None:
    """``rule`` as an :class:`_ItemRule`, or None when its blocks need the long way."""
    if rule.kind is not BlockKind.ITEM or rule.children is not None or rule.absorb_next is not None:
        return None
    return _ItemRule(
        rule.derive,
        rule.meta,
        rule.with_indent,
        mentions.get(rule.kind, _NO_MENTIONS),
        rule.sets_mode,
        rule.ends_modes,
    )


#: Records at an indentation :func:`_item_meta` keeps for a document at most.
_INDENTED_LIMIT = 4096


def _item_meta(
    item: _ItemRule,
    rule: Rule,
    groups: Mapping[str, str],
    lead: int,
    start: int,
    source: str,
    indented: dict[tuple[int, int], tuple[ItemMeta, ItemMeta]],
) -> BlockMeta:
    """What :func:`_meta` gives an item rule's block (``default_meta`` for none), for a
    paragraph at ``start`` after ``lead`` characters of white space, with the records at an
    indentation kept in ``indented`` for the document, by the identity of the record and the
    columns (the records of items are shared: no record is hashed)."""
    meta = item.derive(groups) if item.derive is not None else item.meta
    if meta is not None and not isinstance(meta, ItemMeta):
        raise TypeError(
            f"rule {rule.name!r} derived {type(meta).__name__} for a {rule.kind.value} block"
        )
    if not item.with_indent:
        return meta if meta is not None else default_meta(BlockKind.ITEM)
    if meta is None:
        meta = ItemMeta()
    columns = _columns_at(lead, start, source)
    if meta.indent == columns:
        return meta
    key = (id(meta), columns)
    found = indented.get(key)
    if found is None:  # (the record is kept beside its copy: its id is not reused)
        found = (meta, dataclasses.replace(meta, indent=columns))
        if len(indented) < _INDENTED_LIMIT:  # (a document of distinct records: made afresh)
            indented[key] = found
    return found[1]


def tokenize_lines(text: str, fmt: Format) -> list[Block]:
    """Tokenize ``text`` with the rules of ``fmt`` (see the module docstring)."""
    # (the lines as plain lists: no object made per line but its text)
    physical = split_line_table(text)
    spans = _Positions(text, physical)
    lines = unflatten_table(physical)  # a record a web page put on one line, cut again
    del physical  # (not held while the blocks are made: the lines may be other ones)
    filled = non_blank(lines)  # (found once, for each pass over the lines)
    # (the non-blank texts joined once, for the scans of the whole document three passes make)
    joined = joined_texts(filled.texts) if filled.texts else None
    markers = _find_page_markers(fmt, lines, filled, joined)
    feeds = form_feeds(lines, text)  # (found once, for the two passes that read them)
    boundaries, first_page = _page_boundaries(lines, markers, filled, feeds)
    spans.set_pages(boundaries, first_page)
    mode = _choose_paragraph_mode(fmt, lines, filled)
    web = furniture_lines_joined(*filled, joined) if filled.texts else []
    furniture = _furniture(fmt, lines, markers, web, filled, joined, feeds)
    del joined, feeds, web  # (not held while the blocks are made)
    # (the short ways stand for the rule loop as written: a replaced one, a test's plain
    # loop, is asked for every paragraph)
    short_ways = _match_rule is _MATCH_RULE
    fused = mode == "line" and short_ways
    items = None if fused else _paragraphs(lines, mode, markers, spans, furniture, filled)
    indices = filled.indices
    del filled  # (its list of texts is not held while the blocks are made)
    ctx = Context(
        region="header" if fmt.starts_in_header else "body",
        document=fmt.survey(text),
        labels=LabelCounts(lines),  # (counted if a guard reads them)
    )
    reader = _Reader(text, fmt, ctx, spans)
    if items is None:
        reader.read_lines(lines, indices, markers, furniture)
    else:
        reader.read_items(items, short_ways)
    return reader.blocks


def _catch_up(ctx: Context, shorts: int, short: _Short | _ItemWay) -> None:
    """Write into ``ctx`` what the last ``shorts`` blocks made the short way (or the item
    way) changed, the last of them by ``short``: the count, the last block's kind and rule,
    no open key."""
    ctx.index += shorts
    ctx.previous = short[1]
    ctx.previous_rule = short[4]
    ctx.open_key = None


class _Reader:
    """What :func:`tokenize_lines` keeps while it reads one document's paragraphs: the
    context, the blocks made so far, and what it learnt of the rules for this document."""

    __slots__ = (
        "blocks",
        "body_rules",
        "ctx",
        "header_rules",
        "indented",
        "mention_rules",
        "mentions",
        "plain_rules",
        "spans",
        "spent",
        "text",
    )

    def __init__(self, text: str, fmt: Format, ctx: Context, spans: _Positions) -> None:
        self.text = text
        self.ctx = ctx
        self.spans = spans
        self.header_rules = _rule_index(fmt.header_rules)
        self.body_rules = _rule_index(fmt.body_rules)
        self.mention_rules = fmt.mention_rules
        self.mentions = _mentions_by_kind(fmt.mention_rules)
        # ids of mention rules that look for one fact only and found it
        self.spent: set[int] = set()
        # id of a rule → what makes its blocks: a plain rule's or an item rule's short way, or
        # None for the long way
        self.plain_rules: dict[int, _PlainRule | _ItemRule | None] = {}
        self.indented: dict[tuple[int, int], tuple[ItemMeta, ItemMeta]] = {}  # see _item_meta
        self.blocks: list[Block] = []

    def read_items(self, items: Iterator[Paragraph | Block], short_ways: bool) -> None:
        """Read the paragraphs and page blocks ``items`` in order (any paragraph mode),
        each paragraph by :func:`_match_rule` and :meth:`read`, or, ``short_ways``, by the
        short way of :func:`_short` when it fails the tests (see :meth:`read_lines`)."""
        ctx = self.ctx
        blocks = self.blocks
        append = blocks.append
        line_span = self.spans.line_span
        region, mode, mentions = ctx.region, ctx.mode, self.mentions
        quick = self._quick()
        shorts = 0  # blocks made the short way since the context was written
        short: _Short | _ItemWay | None = None  # (the last one's)
        indent = ctx.indent  # the last paragraph's
        upcoming = next(items, None)
        while upcoming is not None:
            para, upcoming = upcoming, next(items, None)
            if not isinstance(para, Paragraph):
                append(para)  # a page marker or furniture, already a block
                continue
            text = para.text
            mentioned_by: _Short | None = None  # the short way whose mention rules read it
            if short_ways:
                ways = quick.get(text[0])
                if ways is None:
                    ways = self._quick_of(text)
                needed, _, _, way, way_otherwise, item, item_otherwise = ways
                if needed is not None and not needed(text):
                    way, item = way_otherwise, item_otherwise
                if item is not None:
                    block = self.item_block(
                        item,
                        text,
                        para.indent,
                        para.start,
                        line_span(para.start, para.end, para.line),
                        para.pages,
                    )
                    if block is not None:
                        append(block)
                        shorts += 1
                        short = item
                        indent = para.indent
                        continue
                elif way is not None:
                    tests, kind, group, record, name, (gate, looking) = way
                    for test in tests:
                        if test(text):
                            break
                    else:
                        if not looking or (gate is not None and not gate(text)):
                            append(
                                unchecked_block(
                                    kind,
                                    line_span(para.start, para.end, para.line),
                                    OneGroup(group, text),
                                    record,
                                    name,
                                    para.pages,
                                )
                            )
                            shorts += 1
                            short = way
                            indent = para.indent
                            continue
                        mentioned_by = way
            if shorts:
                assert short is not None
                _catch_up(ctx, shorts, short)
                shorts = 0
            following = upcoming if isinstance(upcoming, Paragraph) else None
            ctx.previous_indent = indent
            ctx.indent = indent = para.indent
            ctx.following = following.text if following is not None else None
            if mentioned_by is not None:
                self.read_mentioned(para, mentioned_by)
            else:
                rules = self.header_rules if ctx.region == "header" else self.body_rules
                if self.read(para, _match_rule(rules, para, ctx, following), following):
                    upcoming = next(items, None)  # (absorbed)
            if ctx.mode != mode or ctx.region != region or self.mentions is not mentions:
                region, mode, mentions = ctx.region, ctx.mode, self.mentions
                quick = self._quick()

    def read_lines(
        self,
        lines: Sequence[Line],
        filled: Sequence[int],
        markers: dict[int, tuple[int | None, regex.Match[str]]],
        furniture: dict[int, BlockKind],
    ) -> None:
        """:meth:`read_items` in ``"line"`` mode, the lines read as paragraphs where
        :func:`_line_paragraphs` makes them (``filled``: the indices of the non-blank
        lines), with the short way of :func:`_short`: a paragraph that fails its tests is
        made a block from its text, span and rule, with no :class:`Paragraph`, no call of
        the rule loop and no write to the context. Nothing reads the context in between
        (the tests read the text alone), so what every block changes in it is written once,
        before the next paragraph that takes the long way (:meth:`read`): the count, the
        last block's kind and rule, the indentation; and the next paragraph's text, which
        only the long way reads (stripped then, and kept for the next turn; a
        :class:`Paragraph` of the next line is made only for a rule that absorbs it). A
        paragraph that fails the tests of the rules but not that of the mention rules of
        the short way's kind is read by them (:meth:`read_mentioned`), the context written
        first as for the long way."""
        blocks = self.blocks
        append = blocks.append
        ctx = self.ctx
        spans = self.spans
        # (the lines' texts, starts and numbers read from the lists: a line's :class:`Line`
        # is made only for a page block and for a paragraph a rule absorbs)
        table = LineTable.of(lines)
        texts, starts, numbers = table.texts, table.starts, table.numbers
        line_span = spans.line_span
        # (a line's span is its offsets, its number twice and its page, where the lines are
        # numbered as editors number them: no call; the page kept while the lines are on it)
        as_editors = spans.lines_as_editors
        page_around = spans.page_around
        page, page_start, page_end = page_around(0)
        special = markers.keys() | furniture.keys()
        region, mode, mentions = ctx.region, ctx.mode, self.mentions
        quick = self._quick()
        last = len(filled) - 1
        ahead: str | None = None  # the next paragraph's text, when the long way read it
        absorbed = False
        shorts = 0  # blocks made the short way since the context was written
        short: _Short | _ItemWay | None = None  # (the last one's)
        indent = 0  # the last paragraph's
        for k, i in enumerate(filled):
            if absorbed:
                absorbed = False
                continue
            if special and i in special:
                if i in furniture:
                    append(_page_block(table[i], None, spans, furniture[i]))
                else:
                    append(_page_block(table[i], markers[i][0], spans))
                continue
            raw = texts[i]
            if ahead is None:
                content = raw.strip(_STRIP)
            else:
                content, ahead = ahead, None
            if raw[:1] in _STRIP:
                lead = raw.find(content[:1])
                start = starts[i] + lead
            else:
                lead = 0
                start = starts[i]
            ways = quick.get(content[0])
            if ways is None:
                ways = self._quick_of(content)
            needed, runs, otherwise, way, way_otherwise, item, item_otherwise = ways
            if needed is not None and not needed(content):
                runs, way, item = otherwise, way_otherwise, item_otherwise
            mentioned_by: _Short | None = None  # the short way whose mention rules read it
            if item is not None:
                if as_editors:
                    if not page_start <= start < page_end:
                        page, page_start, page_end = page_around(start)
                    number = numbers[i]
                    span = _new_tuple(Pos, (start, start + len(content), number, number, page))
                else:
                    span = line_span(start, start + len(content), numbers[i])
                block = self.item_block(item, content, lead, start, span, ())
                if block is not None:
                    append(block)
                    shorts += 1
                    short = item
                    indent = lead
                    continue
            elif way is not None:
                tests, kind, group, record, name, (gate, looking) = way
                for test in tests:
                    if test(content):
                        break
                else:
                    if not looking or (gate is not None and not gate(content)):
                        if as_editors:
                            if not page_start <= start < page_end:
                                page, page_start, page_end = page_around(start)
                            number = numbers[i]
                            span = _new_tuple(
                                Pos, (start, start + len(content), number, number, page)
                            )
                        else:
                            span = line_span(start, start + len(content), numbers[i])
                        append(one_group_block(kind, span, group, content, record, name))
                        shorts += 1
                        short = way
                        indent = lead
                        continue
                    mentioned_by = way
            # the long way
            if k < last and filled[k + 1] not in special:
                ahead = texts[filled[k + 1]].strip(_STRIP)
            if shorts:
                assert short is not None
                _catch_up(ctx, shorts, short)
                shorts = 0
            ctx.previous_indent = indent
            ctx.indent = indent = lead
            ctx.following = ahead
            if mentioned_by is not None:
                self.read_mentioned(Paragraph(content, lead, start, numbers[i]), mentioned_by)
            else:
                found = _try_runs(runs, content, ctx, ahead)
                following = (
                    _line_paragraph(table[filled[k + 1]])
                    if ahead is not None and found is not None and found[0].absorb_next is not None
                    else None  # (only a rule that absorbs the next paragraph reads it whole)
                )
                if self.read(Paragraph(content, lead, start, numbers[i]), found, following):
                    absorbed = True
                    ahead = None
            if ctx.mode != mode or ctx.region != region or self.mentions is not mentions:
                region, mode, mentions = ctx.region, ctx.mode, self.mentions
                quick = self._quick()

    def item_block(
        self,
        item: _ItemWay,
        text: str,
        lead: int,
        start: int,
        span: Pos,
        pages: tuple[Block, ...],
    ) -> Block | None:
        """The block the item way ``item`` makes of a paragraph (its ``text``, the white
        space before it, where it starts, its span and the page blocks in it), as
        :meth:`read` makes it
        when the item rule reads it; None when the paragraph passes a test of the rules
        before (or that of the mention rules of items), or the rule's pattern does not match
        it: the long way reads it then."""
        tests, kind, fullmatch, names, name, (gate, looking), rule, plain = item
        for test in tests:
            if test(text):
                return None
        if looking and (gate is None or gate(text)):
            return None
        groups: Mapping[str, str]
        if fullmatch is None:  # (read whole: its one group is the text)
            assert names is not None
            groups = OneGroup(names[0], text)
        else:
            match = fullmatch(text)
            if match is None:
                return None
            values = match.groups()
            if names is None or None in values:  # (an unset group is left out)
                groups = frozen_groups(_groups(match))
            elif len(names) == 1:
                groups = OneGroup(names[0], values[0])
            else:
                groups = named_groups(names, values)
        return unchecked_block(
            kind,
            span,
            groups,
            _item_meta(plain, rule, groups, lead, start, self.text, self.indented),
            name,
            pages,
        )

    def read_mentioned(self, para: Paragraph, way: _Short) -> None:
        """The block :meth:`read` makes of ``para`` when the rule of the short way ``way``
        reads it (its rules' tests failed: that rule is the one the rule loop gives), with
        what the mention rules of its kind find, the rule loop left out: the rule is plain,
        keeps the mode and the region (see :func:`_short_block`). The context's fields that
        the long way writes before it reads are written already."""
        _, kind, group, record, name, (_, looking) = way
        mentioned_in = self.mentioned(looking, para)
        self.blocks.append(
            unchecked_block(
                kind,
                self.spans.line_span(para.start, para.end, para.line),
                OneGroup(group, para.text),
                record,
                name,
                (*mentioned_in, *para.pages) if mentioned_in else para.pages,
            )
        )
        ctx = self.ctx
        ctx.open_key = None
        ctx.index += 1
        ctx.previous = kind
        ctx.previous_rule = name

    def mentioned(
        self, looking: tuple[tuple[ChildRule, Callable[[str], object] | None], ...], para: Paragraph
    ) -> list[Block]:
        """:func:`_mentioned` in ``para``; a rule it spends leaves the reader's mention
        rules (:meth:`spend`)."""
        spent = self.spent
        before = len(spent)
        found = _mentioned(looking, para, self.spans, self.ctx, spent)
        if len(spent) != before:
            self.spend()
        return found

    def spend(self) -> None:
        """Leave the spent mention rules out of :attr:`mentions` (the rest in their order):
        a paragraph that holds only the characters a spent rule needs passes the mention
        rules' test no more, and takes the short way (the rules' tables of the reduced
        rules are kept apart: :meth:`_RuleIndex.quick`). The rules' plain forms hold the
        mention rules of their kind: made anew."""
        spent = self.spent
        self.mentions = _mentions_by_kind(
            tuple(rule for rule in self.mention_rules if id(rule) not in spent)
        )
        self.plain_rules.clear()

    def _quick(self) -> dict[str, _Quick]:
        """The ways of the context's region and mode (:meth:`_RuleIndex.quick`)."""
        ctx = self.ctx
        rules = self.header_rules if ctx.region == "header" else self.body_rules
        return rules.quick(ctx.region, ctx.mode, self.mentions)

    def _quick_of(self, text: str) -> _Quick:
        """The ways of ``text`` in the context's region and mode (:meth:`_RuleIndex.quick_of`)."""
        ctx = self.ctx
        rules = self.header_rules if ctx.region == "header" else self.body_rules
        return rules.quick_of(ctx.region, ctx.mode, self.mentions, text)

    def read(
        self,
        para: Paragraph,
        found: tuple[Rule, regex.Match[str] | None] | None,
        following: Paragraph | None,
    ) -> bool:
        """Make the block of ``para`` read by ``found`` (the rule and match
        :func:`_match_rule` gave: None, UNMATCHED), and bring the context up to date; True
        when the rule absorbed ``following`` (the next paragraph)."""
        ctx = self.ctx
        blocks = self.blocks
        spans = self.spans
        text = self.text
        line_span = spans.line_span
        if found is None:
            block = unchecked_block(
                BlockKind.UNMATCHED,
                line_span(para.start, para.end, para.line),
                frozen_groups({"text": para.text}),
                UnmatchedMeta(region=ctx.region),
                "unmatched",
                para.pages,
            )
            blocks.append(block)
            ctx.index += 1
            ctx.previous = BlockKind.UNMATCHED
            ctx.previous_rule = None
            ctx.open_key = None
            return False
        rule, match = found
        plain_rules = self.plain_rules
        try:
            plain = plain_rules[id(rule)]
        except KeyError:
            plain = plain_rules[id(rule)] = _plain_rule(rule, self.mentions) or _item_rule(
                rule, self.mentions
            )
        if plain is not None:  # (most blocks: see _PlainRule and _ItemRule)
            if rule.ends_header and ctx.region == "header":
                ctx.region = "body"
                ctx.mode = None
            if isinstance(plain, _PlainRule):
                names, kind, record, (gate, looking), sets_mode, ends_modes, shared = plain
                values = match.groups() if shared is not None and match is not None else None
                if len(names) == 1:
                    value = match.group(names[0][1]) if match is not None else para.text
                    groups_of_block: Mapping[str, str] = (
                        OneGroup(names[0][0], value) if value is not None else frozen_groups({})
                    )
                elif values is not None and None not in values:  # (as _groups reads them)
                    assert shared is not None
                    groups_of_block = named_groups(shared, values)
                else:
                    groups = _groups_of(rule, match, para.text)
                    groups_of_block = (
                        OneGroup(*groups.popitem()) if len(groups) == 1 else frozen_groups(groups)
                    )
            else:  # (the bullets and paragraphs of notes)
                kind, (gate, looking) = BlockKind.ITEM, plain.mentions
                sets_mode, ends_modes = plain.sets_mode, plain.ends_modes
                groups = _groups_of(rule, match, para.text)
                record = _item_meta(
                    plain, rule, groups, para.indent, para.start, text, self.indented
                )
                groups_of_block = frozen_groups(groups)
            mentioned_in = (
                self.mentioned(looking, para)
                if looking and (gate is None or gate(para.text))
                else ()
            )
            if sets_mode != KEEP_MODE:
                ctx.mode = sets_mode
            elif ends_modes and ctx.mode in ends_modes:
                ctx.mode = None
            blocks.append(
                unchecked_block(
                    kind,
                    line_span(para.start, para.end, para.line),
                    groups_of_block,
                    record,
                    rule.name,
                    (*mentioned_in, *para.pages) if mentioned_in else para.pages,
                )
            )
            ctx.open_key = None
            ctx.index += 1
            ctx.previous = kind
            ctx.previous_rule = rule.name
            return False
        if rule.ends_header and ctx.region == "header":
            ctx.region = "body"
            ctx.mode = None
        groups = _groups_of(rule, match, para.text)
        end = para.end
        children: list[Block] = []
        absorbed = False
        if rule.children is not None:
            assert match is not None  # (a rule with children is never read whole)
            group = rule.children.group
            base = match.start(group) if group else 0
            text_of_group = match[group] if group else para.text
            if text_of_group:
                children += _children(rule.children, text_of_group, base, para, spans, ctx)
        if rule.absorb_next is not None and not groups.get("text") and following is not None:
            taken = rule.absorb_next.fullmatch(following.text)
            if taken is not None:
                groups.update({k: v for k, v in taken.groupdict().items() if v is not None})
                end = following.end
                children += following.pages
                absorbed = True
        meta = (
            rule.meta
            if rule.derive is None and not rule.with_indent
            else _meta(rule, groups, para, text)
        )
        gate, looking = self.mentions.get(rule.kind, _NO_MENTIONS)
        if looking and (gate is None or gate(para.text)):
            children += self.mentioned(looking, para)
        if rule.sets_mode != KEEP_MODE:
            ctx.mode = rule.sets_mode
        elif ctx.mode in rule.ends_modes:
            ctx.mode = None
        if para.pages:
            children += para.pages
        if isinstance(meta, HeaderMeta):
            if meta.name is _TITLE:
                ctx.title_seen = True
            ctx.open_key = meta.name if "key" in groups and not groups.get("value") else None
        else:
            ctx.open_key = None
        kind = rule.kind
        if kind is _SECTION:
            ctx.last_section = para.text
        blocks.append(
            unchecked_block(
                kind,
                line_span(para.start, end, para.line),
                # (a dictionary of _groups that no derive saw is this block's alone: its
                # one entry is popped rather than read through an iterator)
                OneGroup(*groups.popitem())
                if len(groups) == 1 and rule.derive is None
                else frozen_groups(groups),
                meta if meta is not None else default_meta(kind),
                rule.name,
                tuple(children) if children else (),
            )
        )
        ctx.index += 1
        ctx.previous = kind
        ctx.previous_rule = rule.name
        return absorbed
