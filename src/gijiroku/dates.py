"""Japanese numerals, era dates and clock times, with the tables kept as data.

Numbers may be written in Arabic digits (half- or full-width), in kanji with unit
characters (``二十六``, ``百十三``, ``千九百八十九``) or positionally (``二〇二四``);
``元`` is 1 in an era year (``令和元年``).

Example:
    >>> parse_date("令和五年十一月一日（水曜日）").date
    datetime.date(2023, 11, 1)
    >>> parse_time("午後零時十一分開議")
    '12:11'
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import regex

__all__ = [
    "ERAS",
    "DateMatch",
    "Era",
    "parse_date",
    "parse_number",
    "parse_time",
    "parse_time_range",
]


@dataclass(frozen=True, slots=True)
class Era:
    """A Japanese era (元号): its name, first day, and last day (None for the current one)."""

    name: str
    start: dt.date
    end: dt.date | None


#: Modern eras with their first and last days (Gregorian). 明治 is counted from the day
#: 慶応4年1月1日 fell on, as the 1868 proclamation made the era run from that New Year.
ERAS: tuple[Era, ...] = (
    Era("明治", dt.date(1868, 1, 25), dt.date(1912, 7, 29)),
    Era("大正", dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    Era("昭和", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("平成", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("令和", dt.date(2019, 5, 1), None),
)
ERA_BY_NAME = {era.name: era for era in ERAS}
#: One-letter abbreviations (R6.2.22, H28.2.8).
ERA_BY_LETTER = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壱": 1,
    "弐": 2,
    "参": 3,
}
KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_BIG_UNITS = {"万": 10_000}
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

#: A number in any of the supported spellings (used inside the patterns below).
NUMBER = r"(?:[0-9０-９]+|[〇零一二三四五六七八九十百千万壱弐参]+|元)"
SP = r"[ \u3000]*"

DATE_RE = regex.compile(
    rf"""
    (?:(?P<era>明治|大正|昭和|平成|令和)|(?P<letter>[MTSHRmtshr])(?=\s*[0-9０-９]+\s*[.．/]))
    {SP}(?P<year>{NUMBER}){SP}(?:年|[.．/]){SP}       # era year: 令和五年 / R6.
    (?P<month>{NUMBER}){SP}(?:月|[.．/]){SP}           # month
    (?P<day>{NUMBER}){SP}日?                           # day
    |
    (?P<western>[12][0-9]{{3}}|[１２][０-９]{{3}}|[一二][〇一二三四五六七八九]{{3}}){SP}
    (?:年|[-/.．]){SP}(?P<wmonth>{NUMBER}){SP}(?:月|[-/.．]){SP}(?P<wday>{NUMBER}){SP}日?
    """,
    regex.VERBOSE,
)
WEEKDAY_RE = regex.compile(rf"{SP}[（(]{SP}(?:[月火水木金土日](?:曜日?)?|祝){SP}[）)]")

#: A clock time. A number starts where a run of digits starts (the lookbehinds) and spaces
#: are read only after 午前・午後, so that ``finditer`` stays linear on long runs of either.
TIME_RE = regex.compile(
    rf"""
    (?:(?P<ampm>午前|午後|正午){SP})?
    (?:
      (?<![0-9０-９〇零一二三四五六七八九十百千万壱弐参])(?P<hour>{NUMBER}){SP}時{SP}(?:(?P<minute>{NUMBER}){SP}分|(?P<half>半))?
    | (?<![0-9０-９])(?P<h>[0-9０-９]{{1,2}}){SP}[:：]{SP}(?P<m>[0-9０-９]{{2}})
    )
    """,
    regex.VERBOSE,
)
TIME_RANGE_SEPARATOR_RE = regex.compile(r"[～〜~\-－―‐ー−]|から|より")


def parse_number(text: str) -> int | None:
    """Read a number written in digits or kanji; ``None`` when it is not one.

    Example:
        >>> [parse_number(s) for s in ("２６", "二十六", "百十三", "二〇二四", "元", "x")]
        [26, 26, 113, 2024, 1, None]
    """
    text = text.strip().translate(FULL_WIDTH_DIGITS)
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if text == "元":
        return 1
    if all(ch in KANJI_DIGITS for ch in text):  # positional: 二〇二四
        return int("".join(str(KANJI_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    seen = False
    for ch in text:
        if ch in KANJI_DIGITS:
            digit = KANJI_DIGITS[ch]
            seen = True
        elif ch in KANJI_UNITS:
            section += (digit or 1) * KANJI_UNITS[ch]
            digit = 0
            seen = True
        elif ch in KANJI_BIG_UNITS:
            total += (section + digit or 1) * KANJI_BIG_UNITS[ch]
            section = digit = 0
            seen = True
        else:
            return None
    return total + section + digit if seen else None


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text: the date (None when impossible), the text as printed, where it
    was found, and why it is impossible when it is."""

    date: dt.date | None
    raw: str
    start: int
    end: int
    problem: str | None = None


def _era_year_to_western(era: Era, year: int) -> int:
    return era.start.year + year - 1


def parse_date(text: str) -> DateMatch | None:
    """Find the first date in ``text``: era (令和五年十一月一日, R6.2.22) or Western.

    A weekday in parentheses right after the date is kept in ``raw``. An impossible date
    (平成31年5月1日, 2月30日) gives a :class:`DateMatch` with ``date=None`` and a ``problem``.

    Example:
        >>> parse_date("平成 28 年 2 月 8 日（月）").raw
        '平成 28 年 2 月 8 日（月）'
        >>> parse_date("平成31年5月1日").problem
        '平成31年5月1日 is after the end of 平成 (2019-04-30)'
    """
    match = DATE_RE.search(text)
    if match is None:
        return None
    end = match.end()
    weekday = WEEKDAY_RE.match(text, end)
    if weekday:
        end = weekday.end()
    raw = text[match.start() : end].strip()
    era_name = match["era"] or ERA_BY_LETTER.get((match["letter"] or "").upper())
    if era_name:
        era = ERA_BY_NAME[era_name]
        year, month, day = (parse_number(match[k]) for k in ("year", "month", "day"))
        if year is None or month is None or day is None or year < 1:
            return DateMatch(None, raw, match.start(), end, f"{raw}: unreadable numbers")
        western = _era_year_to_western(era, year)
    else:
        era = None
        western_year = parse_number(match["western"])
        month, day = parse_number(match["wmonth"]), parse_number(match["wday"])
        if western_year is None or month is None or day is None:
            return DateMatch(None, raw, match.start(), end, f"{raw}: unreadable numbers")
        western = western_year
    try:
        date = dt.date(western, month, day)
    except ValueError:
        return DateMatch(None, raw, match.start(), end, f"{raw} is no calendar date")
    if era is not None:
        if date < era.start:
            problem = f"{raw} is before the start of {era.name} ({era.start.isoformat()})"
            return DateMatch(None, raw, match.start(), end, problem)
        if era.end is not None and date > era.end:
            problem = f"{raw} is after the end of {era.name} ({era.end.isoformat()})"
            return DateMatch(None, raw, match.start(), end, problem)
    return DateMatch(date, raw, match.start(), end)


def _time_of(match: regex.Match[str]) -> str | None:
    if match["h"] is not None:
        hour, minute = parse_number(match["h"]), parse_number(match["m"])
    else:
        hour = parse_number(match["hour"])
        minute = 30 if match["half"] else parse_number(match["minute"] or "0")
    if hour is None or minute is None or minute > 59 or hour > 35:
        return None
    if match["ampm"] == "午後" and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def parse_time(text: str) -> str | None:
    """The first clock time in ``text`` as ``HH:MM`` (午後 adds 12 hours), or ``None``.

    Example:
        >>> parse_time("（開始 13：30）"), parse_time("午前十時三分開議"), parse_time("正午")
        ('13:30', '10:03', None)
    """
    for match in TIME_RE.finditer(text):
        if match["hour"] is None and match["h"] is None:
            continue
        return _time_of(match)
    return None


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """Start and end times of a range such as ``13：30～15：00`` or ``午後1時から午後3時``.

    Example:
        >>> parse_time_range("平成 28 年 2 月 8 日（月） 13：30～15：00")
        ('13:30', '15:00')
    """
    times = [
        (m.start(), m.end(), _time_of(m))
        for m in TIME_RE.finditer(text)
        if m["hour"] is not None or m["h"] is not None
    ]
    if not times:
        return None, None
    start = times[0][2]
    for (_, end_a, _), (start_b, _, value) in itertools.pairwise(times):
        if TIME_RANGE_SEPARATOR_RE.search(text[end_a:start_b]):
            return start, value
    return start, None
