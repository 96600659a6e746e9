"""Shared vocabulary: the regex fragments and word lists every minutes family uses.

Each fragment is defined here once and imported where it is needed (the families in
``gijiroku.formats``, the shared readers, the parser, :mod:`gijiroku.dates`). Fragments are
strings meant to be placed inside larger patterns compiled with :mod:`regex` (not ``re``:
some use possessive quantifiers); the compiled patterns at the end are ready to use. This
module imports nothing else from gijiroku, so that any module can import it.

Every fragment is one unit: it can be made optional, repeated or put in an alternation as
it stands (``X?``, ``(?:A|X)``), and holds no capturing group (``CLOCK_PATTERN`` excepted:
its named groups are for :mod:`gijiroku.dates`). The fragments built for searching stay
linear on long input:

- a number (``DIGITS``, ``KANJI_NUMBER``, ``NUMBER``) starts only where a run of digits or
  kanji numerals starts (a lookbehind) and takes the whole run (a possessive quantifier),
  so that a search for a pattern that holds one does not retry at every digit;
- ``SPACES`` is possessive too: it never gives back a space it took.

``KNUM`` and ``NUM`` (unanchored, greedy) are kept for the families that use them today;
``NUMBER`` is the linear replacement. Dates are :mod:`gijiroku.dates`' own: ``dates.DATE``
(a date with its year, any printed form) and ``dates.MONTH_DAY`` are fragments in the same
style.

Example:
    >>> import regex
    >>> bool(regex.fullmatch(rf"(?:{CLOCK}){SP}*(?:{COURSE_WORDS})", "午後１時１７分休憩"))
    True
    >>> regex.findall(NUMBER, "第１２回 二十六 一九八九")
    ['１２', '二十六', '一九八九']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import regex

__all__ = [
    "AGENDA_ITEM_START_RE",
    "AGENDA_NUMBER_WORDS",
    "CLOCK",
    "CLOCK_PATTERN",
    "CLOSING_WORDS",
    "COURSE_WORDS",
    "DATE_FIRST_CHARS",
    "DIGITS",
    "END_WORDS",
    "ERA_LETTERS",
    "ERA_NAMES",
    "ERA_YEAR",
    "KANJI_DIGIT_CHARS",
    "KANJI_NUMBER",
    "KANJI_NUMERAL_CHARS",
    "KNUM",
    "MARKS",
    "NAME_CHAR",
    "NUM",
    "NUMBER",
    "OPENING_WORDS",
    "RANGE_SEPARATOR",
    "RULE_CHARS",
    "BOX_CORNERS",
    "CELL_BORDERS",
    "LABEL_BRACKETS",
    "LIST_SEPARATORS",
    "SECTION_NUMBER_RE",
    "SP",
    "SPACES",
    "SP_OR_TAB",
    "START_WORDS",
    "WEEKDAY",
    "WHITE_SPACE",
    "letter_spaced",
    "letter_spaced_any",
    "ungrouped",
]

_GROUP_NAME_RE = regex.compile(r"\(\?P<\w+>")


def ungrouped(pattern: str) -> str:
    """``pattern`` with its named groups made non-capturing, so that it can be embedded as a
    fragment in another pattern (backreferences to names are not supported).

    Example:
        >>> ungrouped(r"(?P<h>[0-9]+)時")
        '(?:[0-9]+)時'
    """
    return _GROUP_NAME_RE.sub("(?:", pattern)


# -- spaces -----------------------------------------------------------------------------------

#: One space as minutes print it: ASCII or ideographic (U+3000).
SP = r"[ \u3000]"
#: One space or tab (Markdown and plain notes indent with tabs).
SP_OR_TAB = r"[ \u3000\t]"
#: Any run of spaces, possibly empty (possessive: ``{SPACES}{SP}`` never matches).
SPACES = rf"(?:{SP}*+)"
#: The characters ``regex`` takes for ``\s`` (Unicode White_Space), spelled out for a
#: character class of a pattern compiled with the standard ``re`` (whose ``\s`` also takes
#: the separators U+001C–U+001F): ``[^{WHITE_SPACE}]`` is ``regex``'s ``\S``. ``re`` runs a
#: pattern that needs nothing else of ``regex`` two to three times faster.
WHITE_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# -- numbers ----------------------------------------------------------------------------------

#: Kanji that stand for one digit: 〇 and 零 (0), 一 … 九, and the formal and old forms
#: 壱弐参 / 壹貳參 (1, 2, 3).
KANJI_DIGIT_CHARS = "〇零一二三四五六七八九壱弐参壹貳參"
#: Every kanji of a numeral: the digits, the units 十百千 (拾 is an old 十), the myriads
#: 万億 (萬 is an old 万), and 廿 (20) and 卅 (30) of old documents (昭和廿二年).
KANJI_NUMERAL_CHARS = KANJI_DIGIT_CHARS + "十拾百千万萬億廿卅"
#: A run of Arabic digits, half- or full-width (``12``, ``１２``, ``２6``); linear to search.
DIGITS = r"(?:(?<![0-9０-９])[0-9０-９]++)"
#: A run of kanji numerals, positional or with units (``二〇二四``, ``二十六``, ``千九百八十九``,
#: ``廿二``); linear to search.
KANJI_NUMBER = rf"(?:(?<![{KANJI_NUMERAL_CHARS}])[{KANJI_NUMERAL_CHARS}]++)"
#: A number in digits or in kanji, not mixed; linear to search. What it means is
#: :func:`gijiroku.dates.parse_number`'s business: a run matched here may still be too large
#: to be a number (over 999,999,999).
NUMBER = rf"(?:{DIGITS}|{KANJI_NUMBER})"
#: A run of kanji numerals, digits or both (二百十二, 十一, ２６, 1): numbers as the Diet and
#: assemblies print them. Unanchored: prefer ``NUMBER`` in a pattern that is searched.
KNUM = r"[〇零一二三四五六七八九十百千0-9０-９]+"
#: A number printed either in digits (half- or full-width) or in kanji, not mixed.
#: Unanchored: prefer ``NUMBER`` in a pattern that is searched.
NUM = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百]+)"

# -- dates and times --------------------------------------------------------------------------

#: The era names of :data:`gijiroku.dates.ERAS` (a test keeps the two equal).
ERA_NAMES = r"(?:令和|平成|昭和|大正|明治)"
#: The one-letter abbreviations of the eras (``R6.2.22``, ``H28.2.8``), half- or full-width,
#: never right after another Latin letter (``HR2.5.8`` is no date).
ERA_LETTERS = r"(?:(?<![A-Za-zＡ-Ｚａ-ｚ])[MTSHRmtshrＭＴＳＨＲ])"
#: The characters a date may start with (:func:`gijiroku.dates.parse_date`): an era name's
#: first, an era letter, a digit, a kanji numeral. A text that starts with none of them
#: holds no date at its start (a test checks it against the date patterns).
DATE_FIRST_CHARS = frozenset(
    "令平昭大明MTSHRmtshrＭＴＳＨＲ0123456789０１２３４５６７８９" + KANJI_NUMERAL_CHARS
)
#: A year within an era: a number, or 元 for the first year (令和元年).
ERA_YEAR = rf"(?:{NUMBER}|元)"
#: A weekday printed after a date: ``（金）``, ``(水曜日)``, ``（木曜）``, ``(月・祝)``, ``（祝）``,
#: or ``水曜日`` without brackets; the spaces before it included.
WEEKDAY = (
    rf"(?:{SPACES}(?:[（(]{SPACES}(?:[月火水木金土日](?:曜日?)?"
    rf"(?:{SPACES}[・･、,]{SPACES}[祝休]日?)?|[祝休]日?){SPACES}[）)]|[月火水木金土日]曜日))"
)
#: A clock time with named groups, for :mod:`gijiroku.dates`: ``ampm`` (午前/午後), then
#: ``hour`` with ``minute`` or ``half`` (``午後１時17分``, ``十時``, ``午後一時半``), or ``h``
#: and ``m`` (``13:30``, ``１３：３０``); or ``noon`` (``正午``). ``時間`` (a duration) and
#: ``時点`` are not clock times.
CLOCK_PATTERN = (
    rf"(?:(?:(?P<ampm>午前|午後){SPACES})?"
    rf"(?:(?P<hour>{NUMBER}){SPACES}時(?![間点])"
    rf"(?:{SPACES}(?:(?P<minute>{NUMBER}){SPACES}分|(?P<half>半)))?"
    rf"|(?P<h>{DIGITS}){SPACES}[:：]{SPACES}(?P<m>[0-9０-９]{{2}})(?![0-9０-９]))"
    r"|(?P<noon>正午))"
)
#: A clock time as printed: 午前１０時００分, 午後一時, 十時半, 正午, 13：30, 9:00 (every form
#: of :data:`CLOCK_PATTERN`, without its groups); linear to search.
CLOCK = ungrouped(CLOCK_PATTERN)
#: What joins the two ends of a range of times or dates: ``～ 〜 ~ - － ― ‐ ー −``, ``から``,
#: ``より`` (not the arrow ``->``).
RANGE_SEPARATOR = r"(?:[～〜~－―‐ー−–—]|-(?!>)|から|より)"

# -- the course of a meeting ------------------------------------------------------------------

#: Words for the meeting's course, printed after a time: 午後１時１７分休憩, 開議　午前１０時.
OPENING_WORDS = "(?:開会・開議|開議|開会|開始)"
CLOSING_WORDS = "(?:散会|閉会|延会|閉議|終了)"
COURSE_WORDS = f"(?:{OPENING_WORDS}|{CLOSING_WORDS}|休憩|再開|休会)"
#: Words after a time that make it a start (10時開始, 午後1時から, 13時開催) …
START_WORDS = f"(?:{OPENING_WORDS}|開催|から|より)"
#: … or an end (15時46分終了, 午後３時散会, 午後３時まで).
END_WORDS = f"(?:{CLOSING_WORDS}|まで)"

# -- marks, names, rules, agenda --------------------------------------------------------------

#: Marks printed before a speaker label or a heading (○ U+25CB, ◯ U+25EF, 〇 U+3007 …).
MARKS = "〇○◯●◎◆■◇□△▲▼☆★"
#: A character of a personal name or of a title: kanji, kana, the marks names carry.
NAME_CHAR = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ・]"
#: The corners and joints of a table drawn with box characters (┌──┬──┐, ├──┼──┤).
BOX_CORNERS = "┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋"
#: The characters of a rule line (―――, ───, ━━━, ＝＝＝, −−−, …………), a box-drawn table's
#: borders included.
RULE_CHARS = "―─━＝=－−‐\\-~〜…‥" + BOX_CORNERS
#: A table's cell border: ``|``, ``｜`` and the box-drawing ``│``, ``┃``.
CELL_BORDERS = "|｜│┃"
#: What separates the entries of a list printed on one line: 、，, and a table's cells.
LIST_SEPARATORS = "、，," + CELL_BORDERS
#: Brackets a label or a key may be printed in, in opening-closing pairs (《山田委員長》,
#: 【日時】, <会議場所>).
LABEL_BRACKETS = "［］[]〔〕〈〉＜＞<>《》【】"
#: Words that introduce a numbered agenda item: 議題（１）, 日程第１, 議案第５号, 協議事項１.
AGENDA_NUMBER_WORDS = "議題|日程|議案|報告|案件|協議事項|審議事項"

#: A line that starts an agenda item of its own: （２）, ○, 第三, 一、, 日程第１ …
AGENDA_ITEM_START_RE = regex.compile(
    r"^(?:[（(]|○|第[一二三四五六七八九十〇0-9]+|[一二三四五六七八九十]+、|日程第)"
)
#: The number of an agenda item or heading, at the start of its title: 議題（１）, 日程第２,
#: 第３, （4）, 1., 五、.
#: (The standard ``re``, ``WHITE_SPACE`` spelling ``regex``'s ``\s``: faster on every heading.)
SECTION_NUMBER_RE = re.compile(
    rf"^(?:{AGENDA_NUMBER_WORDS})?[{WHITE_SPACE}]*(?:第[{WHITE_SPACE}]*)?[（(]?[{WHITE_SPACE}]*"
    rf"(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)[{WHITE_SPACE}]*(?:[)）]|号|[.．、]|[{WHITE_SPACE}])"
)


def letter_spaced(word: str) -> str:
    """A pattern for ``word`` with optional spaces between its characters (日 時, 会　場).

    Example:
        >>> bool(regex.fullmatch(letter_spaced("日時"), "日　時"))
        True
    """
    return rf"{SP}*".join(regex.escape(ch) for ch in word)


def letter_spaced_any(words: Iterable[str]) -> str:
    """A pattern for any one of ``words``, each letter-spaced (:func:`letter_spaced`), as a
    tree of their shared starts: a text that starts with none of their first characters
    fails at once, where an alternation of a hundred words tries each. Of two words one of
    which starts the other the longer is tried first, so that the pattern gives what an
    alternation of the words sorted longest first gives (only such words match at one place).

    Example:
        >>> letter_spaced_any(["日時", "日付", "場所"]) == r"(?:日[ \\u3000]*(?:時|付)|場[ \\u3000]*所)"
        True
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        if not word:
            raise ValueError("letter_spaced_any: an empty word")
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _any_branch(tree)


def _any_branch(node: dict[str, dict[str, Any]]) -> str:
    """The alternatives of the words that go on from ``node``, one per next character."""
    branches = [regex.escape(char) + _after(child) for char, child in node.items() if char]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _after(node: dict[str, dict[str, Any]]) -> str:
    """What may follow a character: the longer words first, then (when one ends there)
    nothing."""
    if set(node) <= {""}:
        return ""
    goes_on = rf"{SP}*{_any_branch(node)}"
    return f"(?:{goes_on})?" if "" in node else goes_on
