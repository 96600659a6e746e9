"""Normalization: the first stage. Lines with their offsets, and text clean-up for records.

Spans always index the text the user gave, so the tokenizer works on :class:`Line` objects
cut from that text, and clean-up (:func:`clean_text`) is applied only to the strings that go
into records. The clean-up, step by step:

1. zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens are dropped;
   tabs become spaces;
2. half-width katakana and half-width Japanese punctuation become full-width
   (``ｶﾞ`` → ``ガ``, ``｡`` → ``。``), with mojimoji;
3. full-width Latin letters and digits become half-width (``ＩＣＴ`` → ``ICT``,
   ``２`` → ``2``); full-width punctuation ``（）「」：`` is kept as printed;
4. spaces between Japanese and Latin letters or digits are removed
   (``ICT が`` → ``ICTが``, ``平成 28 年`` → ``平成28年``): PDF extraction puts them there;
   a space between two Japanese characters is kept;
5. runs of spaces become one space, and the ends are stripped.

Example:
    >>> clean_text("平成 28 年 ２ 月　ＩＣＴ が ﾃｽﾄ")
    '平成28年2月ICTが テスト'
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar, overload

import mojimoji
import regex

__all__ = [
    "EDITOR_LINE_BREAK_RE",
    "Line",
    "clean_line",
    "clean_lines",
    "char_positions",
    "clean_text",
    "compact",
    "count_lines",
    "join_segments",
    "line_starts",
    "memo_scope",
    "memoized",
    "split_lines",
]

#: A line break: CRLF, CR, LF, or a form feed (a page break from PDF tools).
LINE_BREAK_RE = regex.compile(r"\r\n|\r|\n|\f|\v|\x85|\u2028|\u2029")

# The character classes below are compiled with the standard ``re``, which scans a text for a
# class several times faster than ``regex`` (and means the same by them); the space rule
# needs ``regex``'s Unicode scripts.
ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
HALF_WIDTH_KANA_RE = re.compile(r"[\uff61-\uff9f]+")
FULL_WIDTH_ALNUM_RE = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
#: Characters that count as "Japanese" for the space rule: kana, kanji, CJK punctuation and
#: full-width forms (after step 3 no full-width letters or digits are left).
_JA = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆\u3001-\u303f\uff01-\uff5e]"
_LATIN = r"[A-Za-z0-9]"
SPACE_BETWEEN_SCRIPTS_RE = regex.compile(
    rf"(?<={_JA})[ \u3000]+(?={_LATIN})|(?<={_LATIN})[ \u3000]+(?={_JA})"
)
SPACE_RUN_RE = re.compile(r"[ \t\u00a0]{2,}")
#: Where :data:`SPACE_BETWEEN_SCRIPTS_RE` may match (every match is a match of this, not the
#: other way round): a run of spaces with a Latin letter or digit on one side and, on the
#: other, a character from U+2E80 on (every Japanese character of the rule is one). The
#: standard ``re`` scans for the leading space where ``regex`` tries its lookbehinds at every
#: character: most texts are passed over several times faster. The ideographic space is
#: not Japanese to the gate (nor to the rule): were it, every space of a run after a kanji
#: would open a look through the rest of the run, and a long run would take quadratic time.
_GATE_JAPANESE = r"[^\x00-\u2e7f\u3000]"
_SPACE_BETWEEN_SCRIPTS_GATE_RE = re.compile(
    rf"[ \u3000](?:(?<=[A-Za-z0-9].)[ \u3000]*{_GATE_JAPANESE}"
    rf"|(?<={_GATE_JAPANESE}.)[ \u3000]*[A-Za-z0-9])"
)
#: White space as ``regex`` reads ``\s`` (Unicode White_Space), spelled out for the standard
#: ``re`` (whose ``\s`` also takes the separators U+001C–U+001F), which removes it sooner.
WHITESPACE_RE = re.compile(
    "[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
)


class Line(NamedTuple):
    """One physical line of the input (plain data: a tuple, made once per line).

    ``start``/``end`` bound its content (the line break excluded) in the original text;
    ``number`` is 1-based; ``is_blank`` says it holds only white space;
    ``after_form_feed`` says a form feed ended the previous line.
    """

    number: int
    start: int
    end: int
    text: str
    is_blank: bool
    after_form_feed: bool = False


#: Line breaks ``str.splitlines`` knows and :data:`LINE_BREAK_RE` does not (FS, GS, RS).
_SEPARATORS = "\x1c\x1d\x1e"
#: What ``str.splitlines`` takes for a line break, but LF; but LF, CR and CRLF.
_BREAKS_BUT_LF = "\r\f\v\x85\u2028\u2029" + _SEPARATORS
_BREAKS_BUT_CR_LF = "\f\v\x85\u2028\u2029" + _SEPARATORS
_BREAKS_BUT_CR_LF_FF = "\v\x85\u2028\u2029"  # (the separators are looked for first)


def _holds_any(text: str, chars: str) -> bool:
    """``text`` holds one of ``chars`` (each looked for with ``str.__contains__``, which
    scans a long text many times faster than a character class does)."""
    return any(map(text.__contains__, chars))


_BREAK_CHARS = "\r\n\f\v\x85\u2028\u2029"
_ONE_MORE = (1).__add__
_START = itemgetter(Line._fields.index("start"))
_TEXT = itemgetter(Line._fields.index("text"))
_NUMBER = itemgetter(Line._fields.index("number"))
_AFTER_FORM_FEED = itemgetter(Line._fields.index("after_form_feed"))


def split_lines(text: str) -> list[Line]:
    """Cut ``text`` into :class:`Line` objects; every line break form is understood.

    Example:
        >>> [(ln.number, ln.text) for ln in split_lines("a\\r\\nb\\fc")]
        [(1, 'a'), (2, 'b'), (3, 'c')]
    """
    if _holds_any(text, _SEPARATORS):
        return _split_lines_slowly(text)
    if not _holds_any(text, _BREAKS_BUT_LF):
        return _split_at_line_feeds(text)
    if "\r" not in text and not _holds_any(text, _BREAKS_BUT_CR_LF_FF):
        return _split_at_line_feeds(text, form_feeds=True)  # LF and form feeds: from a PDF
    lines: list[Line] = []
    append = lines.append
    make = tuple.__new__  # Line(...) without the keyword handling of a named tuple's __new__
    start = 0
    form_feed = False
    for number, piece in enumerate(text.splitlines(keepends=True), start=1):
        content = piece.rstrip(_BREAK_CHARS)  # (a piece ends with one break at most)
        end = start + len(content)
        append(make(Line, (number, start, end, content, not content.strip(), form_feed)))
        form_feed = piece.endswith("\f")
        start += len(piece)
    if not lines or form_feed:
        lines.append(Line(len(lines) + 1, start, len(text), "", True, form_feed))
    return lines


def _split_at_line_feeds(text: str, *, form_feeds: bool = False) -> list[Line]:
    """:func:`split_lines` for a text whose only line break is LF (most texts); or, with
    ``form_feeds``, whose line breaks are LF and form feeds (cut as LF, then the line after
    each form feed marked: there are few)."""
    pieces = (text.replace("\f", "\n") if form_feeds else text).split("\n")
    if len(pieces) > 1 and not pieces[-1] and text.endswith("\n"):
        pieces.pop()  # a final LF ends the last line (a final form feed opens one)
    lines: list[Line] = []
    append = lines.append
    make = tuple.__new__
    start = 0
    for number, content in enumerate(pieces, start=1):
        end = start + len(content)
        append(make(Line, (number, start, end, content, not content or content.isspace(), False)))
        start = end + 1
    if form_feeds:
        at = text.find("\f")
        while at >= 0:  # (the line after it starts one past it)
            k = bisect.bisect_left(lines, at + 1, key=_START)
            lines[k] = make(Line, (*lines[k][:-1], True))
            at = text.find("\f", at + 1)
    return lines


def _split_lines_slowly(text: str) -> list[Line]:
    """:func:`split_lines` for a text with FS, GS or RS in it, which are no line breaks."""
    lines: list[Line] = []
    start = 0
    form_feed = False
    for number, brk in enumerate(LINE_BREAK_RE.finditer(text), start=1):
        content = text[start : brk.start()]
        lines.append(Line(number, start, brk.start(), content, not content.strip(), form_feed))
        form_feed = brk.group() == "\f"
        start = brk.end()
    if start < len(text) or not lines or form_feed:
        content = text[start:]
        lines.append(
            Line(len(lines) + 1, start, len(text), content, not content.strip(), form_feed)
        )
    return lines


class LineTable(Sequence[Line]):
    """The lines of a text as plain parallel lists, for the passes over a whole document:
    ``texts[k]`` is line ``k``'s content, ``starts[k]`` its offset, ``numbers[k]`` its number
    (``range(1, n + 1)`` for the lines of a text; a line cut by
    :func:`~gijiroku.layout.unflatten` keeps its physical line's), ``feeds`` the indices of
    the lines after a form feed, in order. ``starts`` may hold one entry more than there are
    lines (the text's end): it is never read as a line's.

    Made with C loops (:func:`split_line_table`), where :func:`split_lines` makes a
    :class:`Line` per line; it is still a sequence of :class:`Line`, each made when asked
    for (for the few lines a pass reads whole, and for the functions that take lines)."""

    __slots__ = ("_feed_set", "feeds", "numbers", "starts", "texts")

    def __init__(
        self,
        starts: list[int],
        texts: list[str],
        numbers: Sequence[int] | None = None,
        feeds: list[int] | None = None,
    ) -> None:
        self.starts = starts
        self.texts = texts
        self.numbers: Sequence[int] = range(1, len(texts) + 1) if numbers is None else numbers
        self.feeds: list[int] = [] if feeds is None else feeds
        self._feed_set: frozenset[int] | None = None

    @classmethod
    def of(cls, lines: Sequence[Line]) -> LineTable:
        """The table of these lines."""
        if isinstance(lines, LineTable):
            return lines
        return cls(
            list(map(_START, lines)),
            list(map(_TEXT, lines)),
            list(map(_NUMBER, lines)),
            list(itertools.compress(range(len(lines)), map(_AFTER_FORM_FEED, lines))),
        )

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[k] for k in range(len(self.texts))[index]]
        if index < 0:
            index += len(self.texts)
        text = self.texts[index]  # (an IndexError for a line that is not there)
        start = self.starts[index]
        feeds = self._feed_set
        if feeds is None:
            feeds = self._feed_set = frozenset(self.feeds)
        return Line(
            self.numbers[index],
            start,
            start + len(text),
            text,
            not text or text.isspace(),
            index in feeds,
        )

    def filled_mask(self) -> list[bool]:
        """Whether each line holds more than white space (``not Line.is_blank``; C loops:
        an empty text is no white space to ``str.isspace``, so both are asked)."""
        return list(map(operator.lt, map(str.isspace, self.texts), map(bool, self.texts)))


def split_line_table(text: str) -> LineTable:
    """:func:`split_lines` of ``text`` as a :class:`LineTable`: the same lines (a line after
    a form feed among ``feeds``), cut by ``str.split`` or ``str.splitlines`` with their
    offsets added up in C loops, no object made per line but its text.

    Example:
        >>> table = split_line_table("a\\r\\nb\\fc")
        >>> table.texts, table.starts[:3], table.feeds
        (['a', 'b', 'c'], [0, 3, 5], [2])
    """
    if _holds_any(text, _SEPARATORS):
        return LineTable.of(_split_lines_slowly(text))
    if not _holds_any(text, _BREAKS_BUT_LF):
        return _table_at_line_feeds(text)
    if "\r" not in text and not _holds_any(text, _BREAKS_BUT_CR_LF_FF):
        return _table_at_line_feeds(text, form_feeds=True)
    pieces = text.splitlines(keepends=True)
    # (each piece's start: the pieces tile the text; the last entry is the text's end)
    starts = list(itertools.accumulate(map(len, pieces), initial=0))
    texts = list(map(str.rstrip, pieces, itertools.repeat(_BREAK_CHARS)))
    # (a piece ends with one break at most: only a form feed can be the last character of a
    # piece that ends with one)
    feeds = list(itertools.compress(itertools.count(1), map(_ENDS_WITH_FORM_FEED, pieces)))
    if not pieces or pieces[-1].endswith("\f"):
        texts.append("")  # (the line a final form feed opens, at the text's end)
    return LineTable(starts, texts, None, feeds)


_ENDS_WITH_FORM_FEED = operator.methodcaller("endswith", "\f")


def _table_at_line_feeds(text: str, *, form_feeds: bool = False) -> LineTable:
    """:func:`split_line_table` for a text whose only line break is LF, or (``form_feeds``)
    LF and form feeds (see :func:`_split_at_line_feeds`)."""
    texts = (text.replace("\f", "\n") if form_feeds else text).split("\n")
    # (each line begins one past the end of the one before; a final LF's empty piece is no
    # line, but its start, the text's end, stays: ``line_starts`` has it too)
    starts = list(itertools.accumulate(map(_ONE_MORE, map(len, texts[:-1])), initial=0))
    if len(texts) > 1 and not texts[-1] and text.endswith("\n"):
        texts.pop()
    feeds: list[int] = []
    if form_feeds:
        at = text.find("\f")
        while at >= 0:  # (the line after it starts one past it)
            feeds.append(bisect.bisect_left(starts, at + 1))
            at = text.find("\f", at + 1)
    return LineTable(starts, texts, None, feeds)


EDITOR_LINE_BREAK_RE = regex.compile(r"\r\n|\r|\n")
#: The same, for the standard ``re``: it scans a whole text for these literals faster.
_EDITOR_LINE_BREAK_STD_RE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str, *, lines: Sequence[Line] | None = None) -> list[int]:
    """The offset where each line begins, as editors count lines (LF, CRLF or CR): line
    ``n`` begins at ``line_starts(text)[n - 1]``; a bisection gives the line of an offset.
    ``lines``: ``split_lines(text)`` when at hand; when LF, CR and CRLF are the text's only
    line breaks, its starts are these lines' (and the end, after a final break), not found
    again (``str.splitlines`` cuts at LF, CR and CRLF as editors do); a :class:`LineTable`'s
    own list of starts is given back when it is that list (not to be changed).

    Example:
        >>> line_starts("a\\r\\nb\\rc\\n")
        [0, 3, 5, 7]
    """
    if lines is not None and not _holds_any(text, _BREAKS_BUT_CR_LF):
        ends_with_break = text.endswith(("\n", "\r"))
        if isinstance(lines, LineTable):
            # (a table's starts are these, but may hold the text's end when no break ends
            # it: then cut; else the list itself, not copied)
            starts = lines.starts
            if len(starts) == len(lines) + ends_with_break:
                return starts
            return [*starts[: len(lines)], len(text)] if ends_with_break else starts[: len(lines)]
        starts = list(map(_START, lines))  # (the same int objects: no new ones)
        if ends_with_break:
            starts.append(len(text))
        return starts
    if (
        isinstance(lines, LineTable)
        and lines.feeds
        and len(lines.starts) == len(lines) + text.endswith("\n")
        and "\r" not in text
        and not _holds_any(text, _BREAKS_BUT_CR_LF_FF)
    ):
        # LF and form feeds, cut by split_line_table: the lines' starts (and the text's end,
        # after a final LF) but those of the lines after a form feed (editors count no break
        # there), copied between them
        starts, kept, done = lines.starts, [], 0
        for feed in lines.feeds:
            kept += starts[done:feed]
            done = feed + 1
        kept += starts[done:]
        return kept
    if "\r" not in text:  # each line begins one past the end of the one before
        pieces = text.split("\n")
        return list(itertools.accumulate(map(_ONE_MORE, map(len, pieces[:-1])), initial=0))
    return [0, *(m.end() for m in _EDITOR_LINE_BREAK_STD_RE.finditer(text))]


def count_lines(text: str) -> int:
    r"""Lines as editors and ``grep -n`` count them (LF, CRLF or CR; a final break ends the
    last line rather than opening a new one).

    Example:
        >>> count_lines("a\nb\n"), count_lines("a\fb"), count_lines("")
        (2, 1, 0)
    """
    if not text:
        return 0
    breaks = text.count("\n")
    if "\r" in text:  # (most texts hold none: `in` finds that quicker than two counts)
        breaks += text.count("\r") - text.count("\r\n")  # CRLF is one
    return breaks + (0 if text.endswith(("\n", "\r")) else 1)


def _to_full_width_kana(match: re.Match[str]) -> str:
    return str(mojimoji.han_to_zen(match.group(), ascii=False, digit=False))


def _to_half_width_alnum(match: re.Match[str]) -> str:
    return str(mojimoji.zen_to_han(match.group(), kana=False))


def clean_text(text: str) -> str:
    """Normalize a string for a record field (see the module docstring for the steps)."""
    if len(text) <= _SHORT:
        memo = _MEMO.get()
        if memo is not None:
            found = memo.clean.get(text)
            if found is None:
                found = _clean(text)
                if len(memo.clean) < MEMO_ENTRIES:
                    memo.clean[text] = found
            return found
    return _clean(text)


#: Every character a step of :func:`clean_text` acts on before the final strip: one scan
#: tells which steps a text needs (most need none, and are only stripped).
_CLEAN_WORK_RE = re.compile(
    r"[\u200b-\u200d\u2060\ufeff\u00ad\t\uff61-\uff9f０-９Ａ-Ｚａ-ｚ \u3000\u00a0]"
)
_ZERO_WIDTH_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_HALF_WIDTH_KANA_CHARS = frozenset(map(chr, range(0xFF61, 0xFFA0)))
_FULL_WIDTH_DIGITS = frozenset("０１２３４５６７８９")
_FULL_WIDTH_LETTERS = frozenset(
    map(chr, [*range(ord("Ａ"), ord("Ｚ") + 1), *range(ord("ａ"), ord("ｚ") + 1)])
)
_FULL_WIDTH_ALNUM_CHARS = _FULL_WIDTH_DIGITS | _FULL_WIDTH_LETTERS
#: What step 3 makes of each (what :func:`_to_half_width_alnum` makes of it, alone or in a run).
_HALF_WIDTH_ALNUM = {char: chr(ord(char) - 0xFEE0) for char in _FULL_WIDTH_ALNUM_CHARS}
#: Spaces for step 4 and 5 (tabs are spaces by then).
_SPACE_CHARS = frozenset(" \u3000\u00a0\t")


def clean_line(text: str) -> str:
    """:func:`clean_text` of a line of running text, which seldom repeats (in the sample
    minutes nine lines of speech in ten are printed once): cleaned without the parse's memo,
    where looking the line up and keeping it cost more than the few repeats save."""
    work = _CLEAN_WORK_RE.findall(text)
    if not work:
        return text.strip(" \u3000\t")
    return _cleaned(text, set(work)).strip(" \u3000\t")


#: The clean-up itself, with no memo: :func:`clean_line` is it (a line of speech is cleaned
#: with no call in between: thousands are).
_clean = clean_line

#: What :func:`clean_line` strips from the ends of a line, or what becomes it on the way (a
#: no-break space is made a space).
_STRIPPED_CHARS = frozenset(" \u3000\t\u00a0")


def clean_lines(lines: Sequence[str]) -> str:
    """``"\\n".join`` of the lines' :func:`clean_line` forms, the lines that clean to nothing
    left out: the paragraphs of a turn, cleaned in one pass over their joined text.

    Each step of the clean-up acts within a line (a line break is neither a space nor a
    letter nor Japanese, so no run of spaces, no half-width kana and no neighbour of the
    space rule reaches over one): the steps run once over the joined text, and the ends of
    the lines are stripped one by one only when there is something to strip (or a line may
    be left empty). A line holding a line break itself is then cleaned alone (its inner
    break is not an end to strip).

    Example:
        >>> clean_lines(["ＩＣＴ が", "　", "ﾃｽﾄ "])
        'ICTが\\nテスト'
    """
    if not all(lines):
        lines = [line for line in lines if line]  # (an empty line cleans to nothing)
    text = "\n".join(lines)
    work = _CLEAN_WORK_RE.findall(text)
    if not work:  # nothing to clean, nothing to strip
        return text
    found = set(work)
    if not (found.isdisjoint(_STRIPPED_CHARS) and found.isdisjoint(_ZERO_WIDTH_CHARS)):
        # (only these leave something to strip, or nothing of a line that held something)
        if text.count("\n") != len(lines) - 1:  # a line with a break of its own
            return "\n".join([cleaned for cleaned in map(clean_line, lines) if cleaned])
        text = _cleaned(text, found)
        stripped = (line.strip(" \u3000\t") for line in text.split("\n"))
        return "\n".join([line for line in stripped if line])
    return _cleaned(text, found)


def _cleaned(text: str, found: set[str]) -> str:
    """The steps of :func:`clean_line` before the final strip, for a text whose characters
    of :data:`_CLEAN_WORK_RE` are ``found``."""
    if not found.isdisjoint(_ZERO_WIDTH_CHARS):
        text = ZERO_WIDTH_RE.sub("", text)
    if "\t" in found:
        text = text.replace("\t", " ")
    if not found.isdisjoint(_HALF_WIDTH_KANA_CHARS):
        text = HALF_WIDTH_KANA_RE.sub(_to_full_width_kana, text)
    # (each full-width letter or digit has one half-width form, whatever stands around it:
    # the few found are replaced, with no call per run of them)
    for char in found.intersection(_FULL_WIDTH_ALNUM_CHARS):
        text = text.replace(char, _HALF_WIDTH_ALNUM[char])
    if not found.isdisjoint(_SPACE_CHARS):  # (the steps above make and take no spaces)
        gate = _SPACE_BETWEEN_SCRIPTS_GATE_RE.search(text)
        if gate is not None:
            text = _spaces_between_scripts_removed(text, gate)
        if "  " in text or "\u00a0" in text:  # (a run of two: tabs are spaces by now)
            text = SPACE_RUN_RE.sub(" ", text)
    return text


_LATIN_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: One character of :data:`_JA` (``match`` at a position tells whether it is Japanese).
_JAPANESE_RE = regex.compile(_JA)


def _spaces_between_scripts_removed(text: str, gate: re.Match[str]) -> str:
    """``SPACE_BETWEEN_SCRIPTS_RE.sub("", text)``, given the gate's first match in ``text``.

    The rule removes whole runs of spaces (a space inside a run has a space behind it, which
    is neither Japanese nor Latin; the greedy run reaches a letter only at its end), each with
    Japanese before and a Latin letter or digit after it, or the other way round. The gate
    matches at the start of every such run, through its end, to the character after it: only
    the runs the gate finds are looked at, with no lookbehind tried at every character."""
    pieces: list[str] = []
    done = 0
    found: re.Match[str] | None = gate
    japanese = _JAPANESE_RE.match
    while found is not None:
        start, after = found.start(), found.end() - 1  # (the run: text[start:after])
        before_char, after_char = text[start - 1], text[after]
        if (before_char in _LATIN_CHARS and japanese(after_char)) or (
            after_char in _LATIN_CHARS and japanese(before_char)
        ):
            pieces.append(text[done:start])
            done = after
        found = _SPACE_BETWEEN_SCRIPTS_GATE_RE.search(text, after)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def char_positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` is in ``text``, in order: each character found by
    ``str.find``, which passes over a text several times faster than a search for their
    class (a scan for a class tries every character).

    Example:
        >>> char_positions("a（b）(c（", "（(")
        [1, 4, 6]
    """
    positions: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            positions.append(at)
            at = text.find(char, at + 1)
    if len(chars) > 1:
        positions.sort()
    return positions


#: Short strings (labels, names, header values) repeat within a document: during a parse
#: (:func:`memo_scope`) their clean and compact forms are computed once.
_SHORT = 48


def compact(text: str) -> str:
    """``clean_text`` with every space removed: the form names are compared in.

    Example:
        >>> compact("藤丸　　敏")
        '藤丸敏'
    """
    if len(text) <= _SHORT:
        memo = _MEMO.get()
        if memo is not None:
            found = memo.compact.get(text)
            if found is None:
                found = _compact(text)
                if len(memo.compact) < MEMO_ENTRIES:
                    memo.compact[text] = found
            return found
    return _compact(text)


#: FS, GS, RS and US: blank to ``str.split`` (and ``str.isspace``), not to
#: :data:`WHITESPACE_RE`, which takes every other character ``str.isspace`` takes.
_INFORMATION_SEPARATORS_RE = re.compile(r"[\x1c-\x1f]")
#: What :func:`_clean` changes beyond spaces and tabs: without these, cleaning only removes,
#: collapses or strips white space, which :data:`WHITESPACE_RE` removes all of anyway.
_CLEAN_NON_SPACE_WORK_RE = re.compile(
    r"[\u200b-\u200d\u2060\ufeff\u00ad\uff61-\uff9f０-９Ａ-Ｚａ-ｚ]"
)


def _compact(text: str) -> str:
    """``WHITESPACE_RE.sub("", _clean(text))``, without cleaning a text whose only work
    would be on white space (spaces, tabs, ideographic and no-break spaces: what
    :func:`_clean` does to them is undone by removing every white space)."""
    if _CLEAN_NON_SPACE_WORK_RE.search(text) is not None:
        text = _clean(text)
    if _INFORMATION_SEPARATORS_RE.search(text) is None:  # ``str.split``'s blanks are the rest
        return "".join(text.split())
    return WHITESPACE_RE.sub("", text)


# -- a memo for one parse ---------------------------------------------------------------------


#: Entries a table of the memo holds at most: what recurs in a document recurs early, and a
#: document of a million distinct names keeps memory in bounds (the rest is computed afresh).
MEMO_ENTRIES = 16384


class _ParseMemo:
    """What pure functions of short strings gave during one parse: ``clean`` and ``compact``
    forms, and a table per named function (:func:`memoized`)."""

    __slots__ = ("clean", "compact", "tables")

    def __init__(self) -> None:
        self.clean: dict[str, str] = {}
        self.compact: dict[str, str] = {}
        self.tables: dict[str, dict[Any, Any]] = {}


_MEMO: ContextVar[_ParseMemo | None] = ContextVar("gijiroku_parse_memo", default=None)


@contextmanager
def memo_scope() -> Iterator[None]:
    """Remember, until the block ends, what :func:`clean_text`, :func:`compact` and the
    functions called through :func:`memoized` gave for a string (labels, names and entries
    repeat within a document). The parser opens one scope per document: nothing is kept from
    one parse to the next, and outside a scope every call computes afresh.

    Example:
        >>> with memo_scope():
        ...     compact("藤丸　敏") == compact("藤丸　敏")
        True
    """
    token = _MEMO.set(_ParseMemo())
    try:
        yield
    finally:
        _MEMO.reset(token)


_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


def memoized(table: str, compute: Callable[[_K], _V], key: _K, *, only_last: bool = False) -> _V:
    """``compute(key)``, remembered in ``table`` for the rest of the :func:`memo_scope`
    (computed afresh outside one). ``compute`` must be a pure function of ``key``, and one
    ``table`` name must always go with one ``compute``. With ``only_last`` the table keeps
    the last key alone (for what is asked twice in a row, and may be large)."""
    memo = _MEMO.get()
    if memo is None:
        return compute(key)
    found = memo.tables.get(table)
    if found is None:
        found = memo.tables[table] = {}
    try:
        value: _V = found[key]
    except KeyError:
        value = compute(key)
        if only_last:
            found.clear()
        if len(found) < MEMO_ENTRIES:
            found[key] = value
    return value


def join_segments(segments: list[str]) -> str:
    """Join the pieces of a paragraph broken over lines, with no space between them.

    A space is kept only where both sides are Latin letters (an English phrase wrapped
    between words).

    Example:
        >>> join_segments(["次第に基づき会議を進めるが、", "がある。"])
        '次第に基づき会議を進めるが、がある。'
    """
    out: list[str] = []
    for piece in segments:
        piece = piece.strip(" \u3000\t")
        if not piece:
            continue
        if (
            out
            and out[-1][-1:].isascii()
            and out[-1][-1:].isalpha()
            and piece[0].isascii()
            and piece[0].isalpha()
        ):
            out.append(" ")
        out.append(piece)
    return "".join(out)
