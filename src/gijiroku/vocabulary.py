"""Shared vocabulary of minutes as regex fragments: spaces, numerals, eras, weekdays, clock
times and the words for the course of a meeting (開会, 散会 …).

Every family and stage that needs one of these words builds its patterns from the fragments
below instead of spelling them again. The fragments are plain strings for the ``regex``
module (not ``re``: they use possessive quantifiers), each one a single unit that can be
followed or quantified as it stands, with no capturing groups (a family adds its own named
groups around them), and are safe to embed anywhere:

- a number starts only where a run of digits or kanji numerals starts (a lookbehind) and
  takes the whole run (a possessive quantifier), so that searching a pattern that contains
  one stays linear on a long run of digits or kanji;
- runs of spaces are possessive too: a fragment never gives back a space it took.

Dates are :mod:`gijiroku.dates`' own: ``dates.DATE`` (a date with its year, any form) and
``dates.MONTH_DAY`` are fragments in the same style.

Example:
    >>> import regex
    >>> regex.fullmatch(rf"{CLOCK}{SPACES}{COURSE_WORDS}", "午後　１時００分開会") is not None
    True
    >>> regex.findall(NUMBER, "第１２回 二十六 一九八九")
    ['１２', '二十六', '一九八九']
"""

from __future__ import annotations

import regex

__all__ = [
    "CLOCK",
    "CLOCK_PATTERN",
    "COURSE_WORDS",
    "DIGITS",
    "END_WORDS",
    "ERA_LETTERS",
    "ERA_NAMES",
    "ERA_YEAR",
    "KANJI_DIGIT_CHARS",
    "KANJI_NUMBER",
    "KANJI_NUMERAL_CHARS",
    "NUMBER",
    "RANGE_SEPARATOR",
    "SPACE",
    "SPACES",
    "START_WORDS",
    "WEEKDAY",
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


#: One space, half- or full-width (U+3000), as letter-spaced and padded minutes print them.
SPACE = r"[ \u3000]"
#: Any run of spaces, possibly empty (possessive).
SPACES = rf"(?:{SPACE}*+)"

#: Kanji that stand for one digit: 〇 and 零 (0), 一 … 九, and the formal and old forms
#: 壱弐参 / 壹貳參 (1, 2, 3).
KANJI_DIGIT_CHARS = "〇零一二三四五六七八九壱弐参壹貳參"
#: Every kanji of a numeral: the digits, the units 十百千 (拾 is an old 十), the myriads
#: 万億 (萬 is an old 万), and 廿 (20) and 卅 (30) of old documents (昭和廿二年).
KANJI_NUMERAL_CHARS = KANJI_DIGIT_CHARS + "十拾百千万萬億廿卅"

#: A run of Arabic digits, half- or full-width (``12``, ``１２``, ``２6``).
DIGITS = r"(?:(?<![0-9０-９])[0-9０-９]++)"
#: A run of kanji numerals, positional or with units (``二〇二四``, ``二十六``, ``千九百八十九``).
KANJI_NUMBER = rf"(?:(?<![{KANJI_NUMERAL_CHARS}])[{KANJI_NUMERAL_CHARS}]++)"
#: A number in digits or in kanji. What it means is :func:`gijiroku.dates.parse_number`'s
#: business: a run matched here may still be too large to be a number (over 999,999,999).
NUMBER = rf"(?:{DIGITS}|{KANJI_NUMBER})"

#: The modern eras (元号), the same as :data:`gijiroku.dates.ERAS`.
ERA_NAMES = r"(?:明治|大正|昭和|平成|令和)"
#: The one-letter abbreviations of the eras (``R6.2.22``, ``H28.2.8``), half- or full-width,
#: never right after another Latin letter (``HR2.5.8`` is no date).
ERA_LETTERS = r"(?:(?<![A-Za-zＡ-Ｚａ-ｚ])[MTSHRmtshrＭＴＳＨＲ])"
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
#: A clock time in any form of :data:`CLOCK_PATTERN`, as a fragment with no groups.
CLOCK = ungrouped(CLOCK_PATTERN)
#: What joins the two ends of a range of times or dates: ``～ 〜 ~ - － ― ‐ ー −``, ``から``,
#: ``より`` (not the arrow ``->``).
RANGE_SEPARATOR = r"(?:[～〜~－―‐ー−–—]|-(?!>)|から|より)"

#: The words for the course of a meeting that a time goes with (午後１時開会, 午後３時散会).
COURSE_WORDS = r"(?:開会・開議|開議|開会|散会|閉会|延会|休憩|再開|休会|閉議)"
#: Words that make a time the start of the meeting or of a range (10時開始, 開会 午前10時).
START_WORDS = r"(?:開会・開議|開会|開議|開始|開催|から|より)"
#: Words that make a time the end (15時46分終了, 午後３時散会, 午後３時まで).
END_WORDS = r"(?:終了|閉会|散会|閉議|延会|まで)"
