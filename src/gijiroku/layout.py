"""Page furniture: what a page or a web page prints around the minutes, not the minutes.

Read before any family's rules run, the same way for every family:

- **running headers and footers**: lines printed at the top or the bottom of most pages (a
  print header ``2024/11/05 1:34``, a title repeated on every page, a URL footer), found by
  comparing the edges of the pages that page markers and form feeds cut; an edge line found
  this way is peeled off and the next line in is compared too (``会議録表示`` under the print
  date);
- **contents**: the lines of a table of contents (an entry, a leader of dots, a page
  number: ``○開会の宣告 ……………… 3``);
- **web furniture**: breadcrumbs (``ホーム> 政策について> …``, ``現在の位置 議会トップページ >
  …``), site banners and navigation (``ページの先頭です。``, ``本文``, ``議事ロックス
  -地方議会議事録検索-``), links to other files (``この議事録のPDFはこちら``).

Both become layout records (``layout[]`` kinds ``running_header`` and ``furniture``), never a
title, a speaker or speech.

Example:
    >>> is_web_furniture("ホーム> 政策について> 審議会・研究会等> 第21回社会保障審議会議事録")
    True
    >>> is_web_furniture("ページの先頭です。"), is_web_furniture("本日の会議を開きます。")
    (True, False)
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress
from operator import itemgetter, not_
from typing import Any, NamedTuple

import regex

from gijiroku.names import position_suffix
from gijiroku.normalize import Line, LineTable
from gijiroku.vocabulary import WHITE_SPACE

__all__ = [
    "PAGE_MARKER_RE",
    "LabelCounts",
    "LineSurvey",
    "NonBlank",
    "count_labels",
    "count_lone_labels",
    "find_running_headers",
    "furniture_lines",
    "is_contents_line",
    "is_web_furniture",
    "label_key",
    "names_in_labels",
    "non_blank",
    "survey_lines",
]


#: Banners and navigation of web pages, compared after NFKC with spaces removed.
_BANNERS = frozenset(
    {
        "ページの先頭です。",
        "ページの先頭です",
        "ページの先頭へ",
        "ページの先頭へ戻る",
        "このページの先頭へ",
        "このページのトップへ",
        "ページトップへ",
        "本文",
        "本文へ",
        "本文ここから",
        "本文ここまで",
        "ここから本文です。",
        "ここから本文です",
        "ここまで本文です。",
        "メニュー",
        "メインメニュー",
        "サイトマップ",
        "サイト内検索",
        "文字サイズ",
        "印刷",
        "印刷する",
        "印刷用ページを表示する",
        "戻る",
        "前のページへ戻る",
        "閉じる",
        "会議録表示",
        "会議録閲覧",
        "検索結果一覧",
        "議事録一覧へ戻る",
    }
)
#: Web furniture's patterns use nothing the standard ``re`` reads otherwise (``regex``'s ``\s``
#: spelled out as ``WHITE_SPACE``): ``re`` calls them two to three times faster.
_SPACES_RE = re.compile(f"[{WHITE_SPACE}]+")
#: A breadcrumb: at least two steps joined by > ＞ » › (ホーム> 政策について> …).
_BREADCRUMB_RE = re.compile(
    r"^(?:現在の位置|現在位置|現在のページ)?[^>＞»›]{1,60}(?:[>＞»›][^>＞»›]{1,80}){2,}$"
)
_BREADCRUMB_START_RE = re.compile(
    r"^(?:現在の位置|現在位置|現在のページ|ホーム|トップページ|TOP|トップ)"
)
#: A link to another file: この議事録のPDFはこちら, PDF版はこちら(123KB).
_LINK_RE = re.compile(
    r"(?:PDF|pdf|ＰＤＦ|ワード|Word|エクセル|Excel|資料|ファイル)[^。]{0,10}(?:はこちら|をダウンロード)"
    rf"|はこちら[（(]?(?:PDF|pdf)?[:：]?[{WHITE_SPACE}]*[0-9.,]*[{WHITE_SPACE}]*[KkMm]?B?[）)]?$"
)
#: The name of a minutes search site: 議事ロックス -地方議会議事録検索-, …会議録検索システム.
_SITE_RE = re.compile(
    r"^.{0,30}(?:議事録|会議録)検索(?:システム)?[-ー－]?$|^.{0,20}[-ー－].{0,20}検索[-ー－]$"
)


def _bare(text: str) -> str:
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", text))


#: Unicode blocks that hold every character NFKC turns into another (kana, kanji, ＞ …).
_COMPATIBILITY_BLOCKS = (
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x33FF),  # CJK symbols, kana, enclosed and compatibility CJK
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE6F),  # CJK compatibility and small forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x1F200, 0x1F2FF),  # enclosed ideographic supplement
    (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
)
#: What a line that is no banner needs to be furniture (:data:`_LINK_RE`, :data:`_SITE_RE`,
#: :data:`_BREADCRUMB_RE`), in characters no composition makes (ウンロ of ダウンロード: ダ and
#: ド may be printed as タ and ト with a separate mark).
_HINT_WORDS = ("はこちら", "ウンロ", "検索", ">", "»", "›")


@functools.cache
def _hint_re() -> re.Pattern[str]:
    """A hint word, or a character that NFKC turns into part of one (＞, ﾀﾞ, 索's variant
    …), searched in the line as printed: spaces between a word's characters are allowed
    (``\\s``, as :meth:`str.split` sees them), so that it finds what a search of the line
    with its spaces removed finds. Without one, a line can only be a banner. Every branch
    starts with one character, so ``re`` skips to the places those characters stand. Made on
    first use."""
    wanted = set("".join(_HINT_WORDS))
    variants = {
        char
        for low, high in _COMPATIBILITY_BLOCKS
        for char in map(chr, range(low, high + 1))
        if (image := unicodedata.normalize("NFKC", char)) != char and wanted & set(image)
    }
    words = [r"\s*".join(map(re.escape, word)) for word in _HINT_WORDS]
    return re.compile("|".join(words + [re.escape(char) for char in sorted(variants)]))


@functools.cache
def _hint_or_leader_re() -> re.Pattern[str]:
    """:func:`_hint_re` or a character of a contents line's leader (``…‥.．``), every branch
    a literal still. Made on first use."""
    return re.compile(_hint_re().pattern + "|…|‥|\\.|．")


#: NFKC joins at most four characters into one (α + three marks): a line with more
#: non-blank characters than this is too long to become a banner.
_BANNER_BOUND = 4 * max(len(banner) for banner in _BANNERS)
#: Kanji some banner holds (本文, 印刷 …).
_BANNER_KANJI = sorted({c for banner in _BANNERS for c in banner if "\u4e00" <= c <= "\u9fff"})


def _ranges_without(low: str, high: str, left_out: Sequence[str]) -> str:
    """A character-class body for ``low``–``high`` without the sorted ``left_out``."""
    parts, start = [], ord(low)
    for char in left_out:
        if start < ord(char):
            parts.append(f"{chr(start)}-{chr(ord(char) - 1)}")
        start = ord(char) + 1
    return "".join(parts) + f"{chr(start)}-{high}"


#: A character no banner holds and none turns into: Latin letters, digits, kanji (NFKC
#: leaves them as they are, and nothing composes with them). One character class, which
#: ``re`` searches fastest.
_NO_BANNER_CHARS = "A-Za-z0-9\u3400-\u4dbf" + _ranges_without("\u4e00", "\u9fff", _BANNER_KANJI)
_NO_BANNER_CHAR_RE = re.compile(f"[{_NO_BANNER_CHARS}]")

#: What joins the non-blank lines' texts for a scan of the whole document at once: a
#: character that no match of :func:`_hint_or_leader_re` holds (it is no white space, nor in
#: a hint word), nor one of :data:`_BANNER_SHAPED_LINE_RE` but as its first: every match
#: lies on one line.
_JOIN = "\x00"
#: The :data:`_JOIN` before a line that holds no character of :data:`_NO_BANNER_CHAR_RE`: a
#: line that may be a banner. (The lookahead leaves the :data:`_JOIN` after the line to the
#: next line's match; the run is taken whole where ``re`` knows possessive quantifiers.)
_BANNER_SHAPED_LINE_RE = re.compile(
    f"{_JOIN}[^{_JOIN}{_NO_BANNER_CHARS}]{'*+' if sys.version_info >= (3, 11) else '*'}(?={_JOIN})"
)


def is_web_furniture(text: str) -> bool:
    """True for a line that a web page prints around the minutes: a breadcrumb, a banner,
    a link to another file, the name of a search site."""
    # Most lines are prose: what NFKC would show is ruled out on the raw text first (no
    # hint word, and too long or holding a character no banner holds).
    if not _hint_re().search(text) and (
        _NO_BANNER_CHAR_RE.search(text)
        or (len(text) > _BANNER_BOUND and len("".join(text.split())) > _BANNER_BOUND)
    ):
        return False
    bare = _bare(text)
    if not bare or len(bare) > 200:
        return False
    if bare in _BANNERS:
        return True
    if "。" in bare or "、" in bare:
        return bool(_LINK_RE.search(bare)) and len(bare) <= 40
    if _BREADCRUMB_RE.match(bare) and (
        _BREADCRUMB_START_RE.match(bare) or bare.count(">") + bare.count("＞") >= 3
    ):
        return True
    return len(bare) <= 40 and bool(_LINK_RE.search(bare) or _SITE_RE.match(bare))


def _is_banner(text: str) -> bool:
    """:func:`is_web_furniture` of a line that holds no hint word (:func:`_hint_re` finds
    none) and no character of :data:`_NO_BANNER_CHAR_RE`: such a line is furniture only as
    a banner (the link, site and breadcrumb patterns each need a hint word), so its other
    tests are not run."""
    if len(text) > _BANNER_BOUND and len("".join(text.split())) > _BANNER_BOUND:
        return False
    return _bare(text) in _BANNERS


#: A page number printed on a line of its own: ``- 4 -``, ``－1－``, ``P.5``, ``3/12``, or a
#: bare number (which the tokenizer accepts only when the page sequence or a form feed
#: confirms it, and only for families that allow it).
#: A line of a table of contents: an entry, a leader of dots, a page number
#: (``○開会の宣告 ……………… 3``, ``日程第1 会議録署名議員の指名 ........ 12``).
#: (the leader is taken whole, from its first dot: a long run of dots is read once)
_CONTENTS_RE = regex.compile(
    r"\S.*?(?<![…‥・．.])[…‥・．.]{4,}+[ \u3000]*[0-9０-９]{1,4}[ \u3000]*"
)


def is_contents_line(text: str) -> bool:
    """True for a line of a table of contents: what the minutes hold and on which page,
    never a speaker or a heading of the proceedings.

    Example:
        >>> is_contents_line("○開会の宣告 ……………………………… 3"), is_contents_line("○議長 それでは…")
        (True, False)
    """
    if len(text) > 200 or not ("…" in text or "‥" in text or "..." in text or "．．" in text):
        return False
    return _CONTENTS_RE.fullmatch(text.strip(" \u3000\t")) is not None


#: A page number printed on a line of its own: ``- 4 -``, ``－1－``, ``P.5``, ``3/12``, or a
#: bare number (which the tokenizer accepts only when the page sequence or a form feed
#: confirms it, and only for families that allow it).
PAGE_MARKER_RE = regex.compile(
    r"""
    [ \u3000]*(?:
        [-－‐―−ー][ \u3000]*(?P<number>[0-9０-９]{1,4})[ \u3000]*[-－‐―−ー]    # - 4 - / －1－
      | [PpＰｐ][.．]?[ \u3000]*(?P<number>[0-9０-９]{1,4})                     # P.5
      | (?P<number>[0-9０-９]{1,4})[ \u3000]*/[ \u3000]*[0-9０-９]{1,4}          # 3/12
      | (?P<bare>[0-9０-９]{1,3})                                               # 4 (checked)
    )[ \u3000]*
    """,
    regex.VERBOSE,
)

#: What ``\s`` means to ``regex``, for a character class of the standard ``re``.
_WHITE_SPACE = WHITE_SPACE
#: The same characters, for :meth:`str.strip`.
_WHITE_SPACE_CHARS = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: The same characters, one by one.
_WHITE_SPACE_SET = frozenset(_WHITE_SPACE_CHARS)
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
#: Runs of digits and of spaces (``regex``'s ``\s``), for the standard ``re`` (faster here).
_DIGIT_RUN_RE = re.compile("[0-9０-９]+")
_WHITE_RUN_RE = re.compile(f"[{_WHITE_SPACE}]+")
_BRACKETED_RE = re.compile(r"^[（(〔【［\[].*[)）〕】］\]]$")
#: How many lines in from each edge of a page are compared.
EDGE_DEPTH = 3


def _edge_key(text: str) -> str:
    """A line as edges are compared: digits as ``#``, spaces left out."""
    return _WHITE_RUN_RE.sub("", _DIGIT_RUN_RE.sub("#", text))


#: What a line whose key starts with ``#`` starts with (spaces left out): a digit, or ``#``.
_DIGITS_OR_HASH = frozenset(["#", *_DIGIT_CHARS])
#: A line's first character (``""`` for an empty line).
_FIRST = itemgetter(slice(0, 1))


#: A line that is only a print stamp: a date and time, a URL, a page counter.
_STAMP_RE = regex.compile(
    r"[0-9０-９/／:：.\-年月日時分()（）午前後AMPMampm]+|https?://\S+|[0-9]+/[0-9]+"
)


_AFTER_FORM_FEED = Line._fields.index("after_form_feed")
_IS_BLANK = Line._fields.index("is_blank")


class NonBlank(NamedTuple):
    """The non-blank lines of a document: their ``indices`` in its line list and their
    ``texts``, found once (:func:`non_blank`) and shared by the passes over the lines."""

    indices: list[int]
    texts: list[str]


def non_blank(lines: Sequence[Line]) -> NonBlank:
    """The :class:`NonBlank` lines of ``lines`` (C loops: a document has thousands; a
    :class:`~gijiroku.normalize.LineTable`'s are read from its texts, no line made)."""
    if isinstance(lines, LineTable):
        filled = lines.filled_mask()
        return NonBlank(
            list(compress(range(len(filled)), filled)), list(compress(lines.texts, filled))
        )
    filled = list(map(not_, map(itemgetter(_IS_BLANK), lines)))
    return NonBlank(
        list(compress(range(len(lines)), filled)), list(compress(map(_LINE_TEXT, lines), filled))
    )


_LINE_TEXT = itemgetter(Line._fields.index("text"))


def _pages(
    lines: Sequence[Line],
    breaks: Collection[int],
    feeds: Sequence[int],
    filled: NonBlank | None = None,
) -> list[list[int]]:
    """The non-blank lines of each page (none empty): a page starts at a form feed and at a
    page marker (a line of ``breaks``, on no page itself). ``feeds``: the lines after a form
    feed, in order. (Made with C loops: a document has thousands of lines.)"""
    count = len(lines)
    if filled is None:
        filled = non_blank(lines)
    marker = (breaks if isinstance(breaks, AbstractSet) else set(breaks)).__contains__
    # (the non-blank lines are in order: those that are no page marker stay so)
    kept = list(itertools.filterfalse(marker, filled.indices))
    cuts = sorted({0, count, *feeds, *(i for i in breaks if 0 <= i < count)})
    pages = []
    for start, end in itertools.pairwise(cuts):
        page = kept[bisect.bisect_left(kept, start) : bisect.bisect_left(kept, end)]
        if page:
            pages.append(page)
    return pages


def find_running_headers(
    lines: Sequence[Line], breaks: Collection[int], filled: NonBlank | None = None
) -> set[int]:
    """Lines printed at the top or the bottom of most pages: a running header or footer.

    Pages are cut at the line indices in ``breaks`` (page markers) and at form feeds; the
    first and the last line of each page are compared with digits ignored (``第4回会議 - 3``
    and ``第4回会議 - 4`` match). A line on at least three pages and half of them is a
    running header, wherever it stands; it is peeled off and the next line in is compared
    too, up to ``EDGE_DEPTH`` lines from each edge. Notes in brackets are never taken, and
    the document's first line stays (it is the title, printed once more on every page).
    ``filled``: ``non_blank(lines)`` when at hand.
    """
    return running_headers_joined(lines, breaks, filled, None, form_feeds(lines))


def form_feeds(lines: Sequence[Line], text: str | None = None) -> list[int]:
    """The indices of the lines after a form feed, in order (``text``: the text ``lines``
    were cut from, when at hand: a text without a form feed has none, found without a loop
    over the lines)."""
    if text is not None and "\f" not in text:
        return []
    if isinstance(lines, LineTable):
        return lines.feeds
    return list(compress(range(len(lines)), map(itemgetter(_AFTER_FORM_FEED), lines)))


def running_headers_joined(
    lines: Sequence[Line],
    breaks: Collection[int],
    filled: NonBlank | None,
    joined: str | None,
    feeds: list[int],
) -> set[int]:
    """:func:`find_running_headers`; ``joined``: ``filled``'s :func:`joined_texts`, when at
    hand (the lines' first characters are then read from it in one scan); ``feeds``:
    :func:`form_feeds` of the lines."""
    if len(breaks) + len(feeds) < 2:  # (no more than two pages: nothing repeats on three)
        return set()
    pages = _pages(lines, breaks, feeds, filled)
    if len(pages) < 3:
        return set()
    need = max(3, (len(pages) + 1) // 2)
    first_line = pages[0][0]
    text_at = _text_getter(lines)
    if _STAMP_RE.fullmatch(_SPACES_RE.sub("", text_at(first_line))):
        first_line = -1  # a print date or a URL is no title: it goes with the others
    keys: dict[int, str] = {}  # line index → its key, made when first compared

    def key_of(i: int) -> str:
        key = keys.get(i)
        if key is None:
            key = keys[i] = _edge_key(text_at(i))
        return key

    kept: list[int] = []
    firsts: list[str] = []  # (made when a key first repeats: most documents have none)
    compared: dict[str, bool] = {}  # key → it is compared (not empty, not in brackets)
    found: set[int] = set()
    for _ in range(EDGE_DEPTH):
        seen: dict[str, set[int]] = {}
        for number, page in enumerate(pages):
            if not found:  # (the first round: the pages' own edges)
                top, bottom = page[0], page[-1]
            else:
                top = next((i for i in page if i not in found), -1)
                if top < 0:
                    continue  # (every line of the page is taken)
                bottom = next(i for i in reversed(page) if i not in found)
            for i in (top,) if top == bottom else (top, bottom):
                key = key_of(i)
                is_compared = compared.get(key)
                if is_compared is None:
                    is_compared = compared[key] = bool(key) and not _BRACKETED_RE.match(key)
                if is_compared:
                    seen.setdefault(key, set()).add(number)
        repeated = {key for key, on in seen.items() if len(on) >= need}
        if not repeated:
            break
        starts: set[str] = set()  # what a line that gives a repeated key starts with
        for key in repeated:
            starts.update(_DIGITS_OR_HASH if key[0] == "#" else key[0])
        if not kept:
            if joined is not None and filled is not None:
                # (every non-blank line but a page marker is on a page: the markers are left
                # out below)
                kept = filled.indices
                firsts = _FIRST_CHARACTER_RE.findall(joined)
                firsts.pop()  # (the join after the last line)
            else:
                kept = list(itertools.chain.from_iterable(pages))
                firsts = _first_characters(lines, kept)
        new = {
            i
            for i in compress(kept, map(starts.__contains__, firsts))
            if i != first_line and i not in found and i not in breaks and key_of(i) in repeated
        }
        if not new:
            break
        found |= new
    return found


def _text_getter(lines: Sequence[Line]) -> Callable[[int], str]:
    """Line index → the line's text (a :class:`~gijiroku.normalize.LineTable`'s read from
    its texts, no line made)."""
    if isinstance(lines, LineTable):
        return lines.texts.__getitem__
    return lambda i: lines[i].text


#: A line of :func:`joined_texts` and its first character, white space (``regex``'s ``\\s``)
#: left out (``""`` for a line of white space): ``findall`` gives each line's, and one more
#: for the last join.
_FIRST_CHARACTER_RE = re.compile(f"{_JOIN}[{_WHITE_SPACE}]*([^{_JOIN}]?)")


def _first_characters(lines: Sequence[Line], kept: list[int]) -> list[str]:
    """The first character of each of these lines, white space (``regex``'s ``\\s``) left
    out: to make a key only for a line that may give a repeated one. Only a line that starts
    with white space is stripped (C loops: a document has thousands of lines; ``lstrip``
    with the characters is dear for each line)."""
    texts = list(map(_text_getter(lines), kept))
    firsts = list(map(_FIRST, texts))
    for k in compress(range(len(firsts)), map(_WHITE_SPACE_SET.__contains__, firsts)):
        firsts[k] = texts[k].lstrip(_WHITE_SPACE_CHARS)[:1]
    return firsts


#: A label's word and a name in parentheses after it, padded as some minutes print names
#: (``議長（梶　泰久）``): shared with the label-alone rule (``formats.common``).
LABEL_WORD_PAREN = (
    r"[^\s：:（()）、。「」]{1,30}"
    r"(?:[（(][ \u3000]*[^（()）\s](?:[^（()）\s]|[ \u3000](?=[^（()）\s])){0,19}[ \u3000]*[)）])?"
)


def _for_re(pattern: str) -> str:
    """A ``regex`` pattern whose only ``regex``-specific part is ``\\s`` inside character
    classes, for the standard ``re``: the per-line patterns of this module run on every line
    of a document, and ``re`` calls them two to three times faster."""
    return pattern.replace(r"\s", _WHITE_SPACE)


#: :data:`LABEL_WORD_PAREN` with the word taken whole (``{1,30}+``, where ``re`` knows
#: possessive quantifiers: Python 3.11 on). Same matches: a shorter word would be followed by
#: one of its own characters, which is neither a parenthesis, a space, a colon nor the end of
#: the line, so giving characters back never finds another match; prose lines fail at once
#: instead of trying thirty shorter words.
_LABEL_WORD_PAREN_WHOLE = LABEL_WORD_PAREN.replace(
    "{1,30}", "{1,30}+" if sys.version_info >= (3, 11) else "{1,30}", 1
)


#: Spaces taken whole where ``re`` knows possessive quantifiers (Python 3.11 on): the word
#: after them starts with no space, so giving one back never finds another match.
_SPACES_WHOLE = "*+" if sys.version_info >= (3, 11) else "*"
#: The start of a line that may be a speaker label: an optional mark, then a word up to a
#: space, a colon or the end of the line; a parenthesis may follow (委員長（平山たかお）).
_LABEL_START_RE = re.compile(
    _for_re(
        rf"^[ \u3000\t]{_SPACES_WHOLE}[〇○◯●◎◆■◇□△▲▼☆★]?[ \u3000]{_SPACES_WHOLE}"
        rf"(?P<label>{_LABEL_WORD_PAREN_WHOLE})(?=[\s：:]|$)"
    )
)


def label_key(text: str) -> str | None:
    """The label-shaped start of a line as labels are counted: the word a line starts with
    (a mark and spaces left out), when it ends with a title word or holds a name in
    parentheses; else None.

    Example:
        >>> label_key("○委員長（平山たかお）　"), label_key("中村委員"), label_key("それでは")
        ('委員長（平山たかお）', '中村委員', None)
    """
    return _key_of(_LABEL_START_RE.match(text))


def _key_of(found: re.Match[str] | None) -> str | None:
    """:func:`label_key` of a line whose :data:`_LABEL_START_RE` match is ``found``."""
    if found is None:
        return None
    label = found["label"]
    return label if _is_label_key(label) else None


def _is_label_key(label: str) -> bool:
    """A label-shaped word is counted as a label: it ends with a title or holds a name in
    parentheses."""
    return label.endswith(("）", ")")) or position_suffix(label) is not None


def count_labels(lines: Sequence[Line]) -> dict[str, int]:
    """How often each label-shaped start of a line occurs (:func:`label_key`): a label
    printed again and again is a speaker's, a title printed once in a roster is not."""
    counts: dict[str, int] = {}
    for line in lines:
        text = line.text
        if not text or _uncounted(text):
            continue
        key = label_key(text[:64])
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return counts


def _uncounted(text: str) -> bool:
    """A line :func:`count_labels` counts no label in: a long one that starts with 40
    characters of white space (a flattened page, not a line that opens with a label)."""
    return len(text) > 400 and not text[:40].strip()


_LABEL_ALONE_LINE_RE = re.compile(
    _for_re(
        rf"^[ \u3000\t]*(?:[〇○◯●◎◆■◇□]?[ \u3000]*{_LABEL_WORD_PAREN_WHOLE}|【[^【】\n]{{1,30}}】)[ \u3000\t]*$"
    )
)


def count_lone_labels(lines: Sequence[Line]) -> int:
    """How many lines hold a label and nothing else (``事務局``, ``○議長（梶　泰久）``,
    ``【委員】``): minutes that print each label on a line of its own, the speech below,
    have many; a label printed once in such minutes is still a label."""
    return sum(
        1
        for line in lines
        if 0 < len(line.text) <= 64
        and _LABEL_ALONE_LINE_RE.match(line.text)
        and label_key(line.text.strip().strip("【】")) is not None
    )


#: (The standard ``re``: nothing in these reads otherwise, and ``re`` calls them faster.)
_INNER_NAME_RE = re.compile(r"[（(](?P<inner>[^（()）]{2,12})[)）]$")
_HONORIFIC_END_RE = re.compile(r"(?:君|議員|氏|さん)$")


def names_in_labels(labels: Mapping[str, int]) -> frozenset[str]:
    """The full names labels print in parentheses (委員長（平山たかお）, 総務部長（中野晋君）):
    evidence that a roster line starting with one lists that person.

    Example:
        >>> sorted(names_in_labels({"委員長（平山たかお）": 9, "座長（曽根委員）": 1}))
        ['平山たかお']
    """
    return _names_in(labels)


def _names_in(labels: Iterable[str]) -> frozenset[str]:
    """:func:`names_in_labels` of these labels."""
    found = set()
    for label in labels:
        inner = _INNER_NAME_RE.search(label)
        if inner is None:
            continue
        name = _HONORIFIC_END_RE.sub("", inner["inner"])
        if len(name) >= 2 and position_suffix(name) is None:
            found.add(name)
    return frozenset(found)


class LineSurvey(NamedTuple):
    """What the tokenizer learns about the lines before it reads them (one pass).

    ``furniture``: indices of the lines that are web furniture or contents lines;
    ``labels``: :func:`count_labels`; ``lone_labels``: :func:`count_lone_labels`.
    """

    furniture: list[int]
    labels: dict[str, int]
    lone_labels: int


def survey_lines(lines: Sequence[Line], filled: NonBlank | None = None) -> LineSurvey:
    """:func:`is_web_furniture`, :func:`is_contents_line`, :func:`count_labels` and
    :func:`count_lone_labels` of ``lines``: :func:`furniture_lines` and a
    :class:`LabelCounts` read at once. ``filled``: ``non_blank(lines)`` when at hand."""
    if filled is None:
        filled = non_blank(lines)
    counts = LabelCounts(lines, filled.texts)
    return LineSurvey(furniture_lines(lines, filled), counts.counts, counts.lone)


def furniture_lines(lines: Sequence[Line], filled: NonBlank | None = None) -> list[int]:
    """The indices of the lines that are web furniture (:func:`is_web_furniture`) or
    contents lines (:func:`is_contents_line`), in order.

    Assumes what each gives for a blank line (no furniture), so blank lines are skipped; the
    contents test runs only on a line that holds a leader character. ``filled``:
    ``non_blank(lines)`` when at hand.
    """
    kept, texts = filled if filled is not None else non_blank(lines)
    if not texts:
        return []
    return furniture_lines_joined(kept, texts, joined_texts(texts))


def joined_texts(texts: list[str]) -> str | None:
    """The non-blank lines' ``texts`` each after a :data:`_JOIN`, one more at the end: made
    once, for the scans of the whole document (:func:`lines_holding`) that the passes over
    the lines share; None if a line holds the joining character (then each is searched
    apart). ``texts`` is not empty (an empty list would read as one empty line)."""
    joined = _JOIN + _JOIN.join(texts) + _JOIN
    if joined.count(_JOIN) != len(texts) + 1:  # (a line holds the joining character)
        return None
    return joined


def furniture_lines_joined(kept: list[int], texts: list[str], joined: str | None) -> list[int]:
    """:func:`furniture_lines` of the non-blank lines (``kept``, ``texts``), ``joined`` by
    :func:`joined_texts`."""
    if joined is None:
        return _furniture_lines_one_by_one(kept, texts)
    # The lines that hold a hint word or a leader character, and those that hold no character
    # a banner never holds (a line with neither is no furniture: the first test of
    # is_web_furniture), found with a scan of the whole document each, not a search per line;
    # Python code only for these few lines.
    hinted = lines_holding(joined, _hint_or_leader_re())
    banner_shaped = lines_holding(joined, _BANNER_SHAPED_LINE_RE)
    hint = _hint_re().search
    is_furniture: dict[str, bool] = {}  # text → it is web furniture (banners recur)
    furniture = []
    for k in sorted(hinted | banner_shaped):
        text = texts[k]
        if k not in hinted:  # (banner-shaped, no hint word: furniture only as a banner)
            found = is_furniture.get(text)
            if found is None:
                found = is_furniture[text] = _is_banner(text)
        else:
            found = ((hint(text) is not None or k in banner_shaped) and is_web_furniture(text)) or (
                ("…" in text or "‥" in text or "." in text or "．" in text)
                and is_contents_line(text)
            )
        if found:
            furniture.append(kept[k])
    return furniture


def lines_holding(joined: str, pattern: re.Pattern[str]) -> set[int]:
    """Which lines of ``joined`` (texts each after a :data:`_JOIN`, one more at the end) hold
    a match of ``pattern``, which holds no :data:`_JOIN` but one it starts with (a line ``k``
    has ``k + 1`` of them before its first character). One search per such line: the next
    goes on from the line's end."""
    found: set[int] = set()
    search, count, find = pattern.search, joined.count, joined.find
    joins = 0  # the joins before ``at``
    at = 0
    match = search(joined)
    while match is not None:
        start = match.start()
        if joined[start] == _JOIN:  # (the line after it)
            start += 1
        joins += count(_JOIN, at, start)
        found.add(joins - 1)
        at = find(_JOIN, start)  # (the end of the line: the last join is never passed)
        match = search(joined, at)
    return found


def _furniture_lines_one_by_one(kept: list[int], texts: list[str]) -> list[int]:
    """:func:`furniture_lines` with each line searched apart: for lines that hold
    :data:`_JOIN`."""
    hint, no_banner = _hint_re().search, _NO_BANNER_CHAR_RE.search
    hinted = list(map(_hint_or_leader_re().search, texts))
    plain = list(compress(range(len(texts)), map(not_, hinted)))
    is_furniture: dict[str, bool] = {}  # text → it is web furniture (banners recur)
    furniture = []
    for k in compress(plain, map(not_, map(no_banner, map(texts.__getitem__, plain)))):
        text = texts[k]
        banner = is_furniture.get(text)
        if banner is None:
            banner = is_furniture[text] = is_web_furniture(text)
        if banner:
            furniture.append(kept[k])
    for k in compress(range(len(texts)), hinted):
        text = texts[k]
        if ((hint(text) or not no_banner(text)) and is_web_furniture(text)) or (
            ("…" in text or "‥" in text or "." in text or "．" in text) and is_contents_line(text)
        ):
            furniture.append(kept[k])
    furniture.sort()
    return furniture


class LabelCounts(Mapping[str, int]):
    """:func:`count_labels` of a document's lines, with :attr:`lone`
    (:func:`count_lone_labels`) and :attr:`named` (:func:`names_in_labels`), each counted
    the first time it is read: the rules' guards read them in few documents, and counting
    reads every line with a regex and most lines again in Python.

    The lines' texts (``texts``: the non-blank ones, when at hand) are kept until all three
    are counted. A label is looked for in the first 64 characters of each non-blank line
    (``endpos``: what :func:`count_labels` reads), with the regex that counting and the
    lone-label test share. A line alone can hold a label only when it holds 【 or a label
    starts it and only spaces follow: a line that :data:`_LABEL_ALONE_LINE_RE` matches
    without 【 is one :data:`_LABEL_START_RE` matches, and at the same place (the same
    start; a mark of a narrower set, or the mark read as the word's first character, which
    ends where it would; the same word, taken whole, with the same name in parentheses or
    none; then spaces to the end, which the label's lookahead accepts at once).

    Example:
        >>> from gijiroku.normalize import split_lines
        >>> counts = LabelCounts(split_lines("委員長（平山たかお）\\n委員長（平山たかお）　はい。"))
        >>> dict(counts), counts.lone, sorted(counts.named)
        ({'委員長（平山たかお）': 2}, 1, ['平山たかお'])
    """

    __slots__ = ("_counts", "_founds", "_lines", "_lone", "_named", "_texts")

    def __init__(self, lines: Sequence[Line], texts: list[str] | None = None) -> None:
        self._lines: Sequence[Line] | None = lines
        self._texts = texts
        self._founds: list[re.Match[str] | None] | None = None
        self._counts: dict[str, int] | None = None
        self._lone: int | None = None
        self._named: frozenset[str] | None = None

    def _read(self) -> tuple[list[str], list[re.Match[str] | None]]:
        """The non-blank lines' texts, and where a label starts each (None: none does)."""
        texts = self._texts
        if texts is None:
            assert self._lines is not None  # (let go of only when both counts are made)
            texts = self._texts = non_blank(self._lines).texts
        founds = self._founds
        if founds is None:
            founds = self._founds = list(
                map(_LABEL_START_RE.match, texts, itertools.repeat(0), itertools.repeat(64))
            )
        return texts, founds

    def _settled(self) -> None:
        """A count is made: what was read of the lines (a match per line) is let go, so it
        is not held while the blocks are made (read again for the other count, if asked);
        the lines too once both counts are made."""
        self._texts = self._founds = None
        if self._counts is not None and self._lone is not None:
            self._lines = None

    @property
    def counts(self) -> dict[str, int]:
        """Label key → how many lines it starts (:func:`count_labels`)."""
        counts = self._counts
        if counts is None:
            counts = self._counts = _count_label_keys(*self._read())
            self._settled()
        return counts

    @property
    def lone(self) -> int:
        """How many lines hold a label and nothing else (:func:`count_lone_labels`)."""
        lone = self._lone
        if lone is None:
            lone = self._lone = _count_lone_labels(*self._read())
            self._settled()
        return lone

    @property
    def named(self) -> frozenset[str]:
        """:func:`names_in_labels` of the counts (read from the counts when they are made;
        else from the few lines that may start with such a label, the counts left uncounted:
        see :meth:`_labels_closing_a_parenthesis`)."""
        named = self._named
        if named is None:
            counts = self._counts
            labels = counts if counts is not None else self._labels_closing_a_parenthesis()
            named = self._named = _names_in(labels)
        return named

    def _labels_closing_a_parenthesis(self) -> set[str]:
        """The keys of :attr:`counts` that end with a parenthesis (the only ones
        :func:`names_in_labels` reads a name in), found without counting: such a label is in
        the first 64 characters of its line, so only a line that holds ``）`` or ``)`` is
        read (with :data:`_LABEL_START_RE`, as counting does: a label that ends with a
        parenthesis is always a key). Blank lines hold neither, so all lines are tested."""
        texts = self._texts
        if texts is None:
            assert self._lines is not None  # (let go of only when the counts are made)
            lines = self._lines
            texts = lines.texts if isinstance(lines, LineTable) else list(map(_LINE_TEXT, lines))
        holding: set[str] = set()  # (label lines recur: each text is read once)
        for close in ("）", ")"):
            holding.update(compress(texts, map(operator.contains, texts, itertools.repeat(close))))
        start = _LABEL_START_RE.match
        labels: set[str] = set()
        for text in holding:
            if _uncounted(text):
                continue
            found = start(text, 0, 64)
            if found is not None:
                label = found["label"]
                if label.endswith(("）", ")")):
                    labels.add(label)
        return labels

    def __getitem__(self, key: str) -> int:
        return self.counts[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.counts.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.counts

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def __repr__(self) -> str:
        return f"LabelCounts({self.counts!r})"


def _count_label_keys(texts: list[str], founds: list[re.Match[str] | None]) -> dict[str, int]:
    """:func:`count_labels` of the lines whose label starts are ``founds``."""
    labels: dict[str, int] = {}
    counted: dict[str, bool] = {}  # label-shaped word → it is a label key (a label recurs)
    # (the lines a label starts, picked in a C loop: most lines are prose, none starts them)
    for found, text in compress(zip(founds, texts, strict=True), founds):
        if len(text) > 400 and not text[:40].strip():
            continue
        assert found is not None  # (compress kept only the lines with a match)
        label = found["label"]
        is_key = counted.get(label)
        if is_key is None:
            is_key = counted[label] = _is_label_key(label)
        if is_key:
            labels[label] = labels.get(label, 0) + 1
    return labels


def _count_lone_labels(texts: list[str], founds: list[re.Match[str] | None]) -> int:
    """:func:`count_lone_labels` of the lines whose label starts are ``founds``: a line of
    at most 64 characters that holds 【 or a label start (see :class:`LabelCounts`). Both
    tests read the line's text alone: each text is read once (label lines recur)."""
    lone_label = _LABEL_ALONE_LINE_RE.match
    lone = 0
    alone: dict[str, bool] = {}
    brackets = map(operator.contains, texts, itertools.repeat("【"))
    for k in {*compress(range(len(texts)), founds), *compress(range(len(texts)), brackets)}:
        text = texts[k]
        if len(text) > 64:
            continue
        is_alone = alone.get(text)
        if is_alone is None:
            found = founds[k]
            is_alone = alone[text] = bool(
                ("【" in text or (found is not None and not text[found.end() :].strip(" \u3000\t")))
                and lone_label(text)
                and label_key(text.strip().strip("【】")) is not None
            )
        lone += is_alone
    return lone


# -- records flattened onto one line -----------------------------------------------------------

_TEXT_OF_LINE = operator.itemgetter(3)  # Line.text
#: A line at least this long may be a whole record flattened onto one line.
FLATTENED_LINE = 400
#: Where a flattened record is cut: a speech mark after white space (its label is checked
#: with :func:`label_key`), a run of four or more spaces (a line break and an indentation
#: the web page turned into spaces), or a rule of box-drawing dashes (kept as a line).
_FLAT_CUT_RE = re.compile(
    r"(?<=[ \u3000])(?=[〇○◯◎◆])"
    r"|[ \u3000]{4,}"
    r"|(?<![─━―－-])(?=[─━―－-]{5})|(?<=[─━―－-]{5})(?![─━―－-])"
)


_SPEECH_MARK_RE = re.compile("[〇○◯◎◆]")
#: Where :data:`_FLAT_CUT_RE` may cut before a mark, so that the cut opens a label: a mark
#: after white space (the first branch) or after a rule of dashes (the last one; the other
#: two cut before a dash or take no place). A long line without one counts no label.
_MARK_AFTER_A_CUT_RE = re.compile("(?<=[ \u3000─━―－-])[〇○◯◎◆]")


def _between_spaced_letters(text: str, start: int, end: int) -> bool:
    """The spaces ``text[start:end]`` stand between two characters each printed alone."""
    before, after = text[start - 2 : start - 1], text[end + 1 : end + 2]
    return (
        start >= 1
        and end < len(text)
        and before in ("", " ", "\u3000")
        and after in (" ", "\u3000", "")
    )


def _flat_cuts(text: str) -> tuple[list[tuple[int, int]], int]:
    """The cuts of a flattened line: (start, end) of what each removes (nothing for a cut
    before a mark or around a rule), and how many cuts open a speaker's label that shows it
    is one: a name in parentheses (◯議長(柏木 豊)) or a label printed again in the line (a
    header key with a mark, ○出席委員, is printed once)."""
    cuts: list[tuple[int, int]] = []
    keys: list[str] = []
    for found in _FLAT_CUT_RE.finditer(text):
        start, end = found.span()
        if start < end and _between_spaced_letters(text, start, end):
            continue  # 諸　　報　　告: a heading printed letter-spaced, one line
        # (a cut after a rule that ends the line is at its end: no mark there)
        if start == end and start < len(text) and text[start] in "〇○◯◎◆":
            key = label_key(text[start : start + 64])
            if key is None:
                continue
            keys.append(key)
        cuts.append((start, end))
    labels = sum(1 for key in keys if key.endswith((")", "）")) or keys.count(key) > 1)
    return cuts, labels


def unflatten(lines: list[Line]) -> list[Line]:
    """Lines of a record a web page flattened onto one line, cut back into lines.

    A line of :data:`FLATTENED_LINE` characters or more that holds two speakers' labels after
    white space (``… 開きます。 ◯議長(柏木 豊) 日程第1…``: a label with a name in
    parentheses, or printed twice), or one and two runs of four or more spaces, is cut before
    each label, at each run of spaces and around each rule of dashes. The pieces keep their offsets in the text (the spaces at a cut stay outside
    them), their physical line's number, and tile the line: nothing is dropped. Other lines
    are returned as they are.

    Example:
        >>> text = "会議を開きます。" * 50 + " ◯議長(柏木 豊) 開議。 ◯山田委員 質問。 ◯議長(柏木 豊) 散会。"
        >>> [piece.text[:9] for piece in unflatten([Line(1, 0, len(text), text, False)])]
        ['会議を開きます。会', '◯議長(柏木 豊)', '◯山田委員 質問。', '◯議長(柏木 豊)']
    """
    if max(map(len, map(_TEXT_OF_LINE, lines)), default=0) < FLATTENED_LINE:
        return lines  # (the usual case, tested without a Python loop)
    # Only the long lines are read in Python (found in C loops); the others are copied
    # between them, in runs. No line cut: the lines themselves.
    long_lines = map(FLATTENED_LINE.__le__, map(len, map(_TEXT_OF_LINE, lines)))
    out: list[Line] | None = None
    done = 0  # the lines before this one are in ``out``
    for i in compress(range(len(lines)), long_lines):
        line = lines[i]
        pieces = _flat_pieces(line.text)
        if pieces is None:
            continue
        if out is None:
            out = []
        out += lines[done:i]
        done = i + 1
        for k, (lo, hi) in enumerate(pieces):
            piece = line.text[lo:hi]
            out.append(
                Line(
                    line.number,
                    line.start + lo,
                    line.start + hi,
                    piece,
                    not piece.strip(),
                    line.after_form_feed and k == 0,
                )
            )
    if out is None:
        return lines
    out += lines[done:]
    return out


def unflatten_table(table: LineTable) -> LineTable:
    """:func:`unflatten` of a :class:`~gijiroku.normalize.LineTable`: the same lines, as a
    table (the table itself when no line is cut)."""
    texts = table.texts
    if max(map(len, texts), default=0) < FLATTENED_LINE:
        return table  # (the usual case, tested without a Python loop)
    cut: dict[int, list[tuple[int, int]]] = {}  # line index → its pieces
    for i in compress(range(len(texts)), map(FLATTENED_LINE.__le__, map(len, texts))):
        pieces = _flat_pieces(texts[i])
        if pieces is not None:
            cut[i] = pieces
    if not cut:
        return table
    starts, numbers, feeds = table.starts, table.numbers, table.feeds
    new_starts: list[int] = []
    new_texts: list[str] = []
    new_numbers: list[int] = []
    new_feeds: list[int] = []
    done = 0  # the lines before this one are in the new lists
    for i in [*sorted(cut), len(texts)]:
        # (the lines between the cut ones, copied in runs; the feeds among them moved on)
        shift = len(new_texts) - done
        run = feeds[bisect.bisect_left(feeds, done) : bisect.bisect_left(feeds, i)]
        new_feeds.extend(k + shift for k in run)
        new_starts += starts[done:i]
        new_texts += texts[done:i]
        new_numbers += numbers[done:i]
        if i == len(texts):
            break
        done = i + 1
        text, start = texts[i], starts[i]
        at = bisect.bisect_left(feeds, i)
        if at < len(feeds) and feeds[at] == i:  # (the first piece is the line after it)
            new_feeds.append(len(new_texts))
        for lo, hi in cut[i]:
            new_starts.append(start + lo)
            new_texts.append(text[lo:hi])
            new_numbers.append(numbers[i])
    return LineTable(new_starts, new_texts, new_numbers, new_feeds)


def _flat_pieces(text: str) -> list[tuple[int, int]] | None:
    """The pieces (start, end) :func:`unflatten` cuts a long line into, or None if it stays
    whole."""
    if not _MARK_AFTER_A_CUT_RE.search(text):
        return None  # (no cut before a mark: no label, and a line without one stays whole)
    cuts, labels = _flat_cuts(text)
    if labels < 2 and not (labels == 1 and len(cuts) - labels >= 2):
        return None
    begin = 0
    pieces: list[tuple[int, int]] = []
    for start, end in cuts:
        if start > begin:
            pieces.append((begin, start))
        begin = max(begin, end)
    if begin < len(text):
        pieces.append((begin, len(text)))
    return pieces
