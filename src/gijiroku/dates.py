"""Dates, clock times and numbers as minutes print them; the tables are data.

Numbers (:func:`parse_number`): Arabic digits, half- or full-width (``26``, ``２６``); kanji
with units (``二十六``, ``百十三``, ``千九百八十九``, ``三万``, ``一億``) or positional
(``二〇二四``); the old and formal forms 壱弐参, 壹貳參, 拾, 廿 (20), 卅 (30), 萬; ``元`` (1) in
an era year. A number above :data:`MAX_NUMBER` (999,999,999) is not a number: the functions
here return ``None`` (or a :class:`DateMatch` with a ``problem``) and never raise, so that no
caller gets an ``OverflowError`` and no count or ordinal overflows a 32- or 64-bit integer
column.

Dates (:func:`find_dates`, :func:`parse_date`), each part padded with spaces or not
(``令和 7年 2月14日``, ``平成 28 年 2 月 8 日``), digits half- or full-width or kanji:

- an era year: ``令和五年十一月一日``, ``令和元年７月26日``, ``昭和二十二年十一月十三日``,
  ``昭和廿二年``, ``令和5.4.12``; with the Western year beside it: ``令和2(2020)年5月8日``,
  ``令和2年（2020年）5月8日`` (the two must agree);
- an era letter: ``R2.5.8``, ``H28.2.8``, ``R02/05/08``, ``Ｈ２８．２．８``, ``R2年5月8日``;
- a Western year: ``2020年5月8日``, ``二〇二〇年五月八日``, ``2020(令和2)年5月8日``,
  ``2020/5/8``, ``2020-05-08``, ``2020.5.8`` (one separator throughout; years 1800–2199);
- no year: ``十一月十四日``, ``2月10日``, and ``5/8`` when a weekday follows (``5/8(金)``);
  ``has_year`` is False and ``date`` None until :meth:`DateMatch.with_year` completes it.

Years printed alone (:func:`find_years`): ``令和4年`` (a calendar year) and ``平成29年度``,
``2017年度``, ``R5年度`` (a fiscal year, 年度: April to March). A year printed in a header
completes a month and day printed without one: in a 年度, April–December fall in its first
year and January–March in the next (``DateMatch.with_year(2017, fiscal=True)``: 8月18日 →
2017-08-18, 2月14日 → 2018-02-14).

A weekday after the date (``（金）``, ``(水曜日)``, ``（月・祝）``) is part of ``raw``; a time or
time range right after it, on the same line or the next (``2020年5月2日19:00-20:00``,
``令和五年十一月一日（水曜日）⏎午後零時十一分開議``), is its ``time``; two dates joined by
``～ 〜 ~ - から`` are a range (``range_role`` ``"start"`` and ``"end"``).

Impossible dates are reported, never guessed: ``date`` is None and ``problem`` says why —
no such day (``2月30日``, ``13月1日``), a day outside its era (``平成31年5月1日`` is after
平成 ended on 2019-04-30; ``令和元年4月30日`` before 令和 began), a Western year and an era
year that disagree, or a 明治 date before 明治6年 (1873), printed in the lunisolar calendar
that has no simple conversion. ``year``, ``month`` and ``day`` still hold the numbers as
printed (the year counted from the era's start: 平成32年 → 2020), for a caller that knows
better, e.g. a plan printed before the change of era.

Clock times (:func:`parse_time`, :func:`parse_time_range`, :func:`find_times`): ``13:30``,
``１３：３０``, ``午後１時17分``, ``午前十一時二十分``, ``十時``, ``午後一時半``, ``正午``, ``午前零時``;
ranges ``14：00～15：56``, ``17:01~18:16``, ``19:00-20:00``, ``13:30－15:00``, ``午後2時～4時``
(午後 carries over), ``午後1時から午後3時まで``, ``10時開始 15時46分終了``, ``9:00～`` (open end),
and ``15時46分終了`` alone (an end). ``1時間`` (a duration), ``時点`` and a bare ``一時`` (for a
while) are not times.

Every function runs in time linear in the length of its input.

Example:
    >>> parse_date("令和五年十一月一日（水曜日）").date
    datetime.date(2023, 11, 1)
    >>> parse_time("午後零時十一分開議")
    '12:11'
    >>> parse_time_range("10時開始 15時46分終了")
    ('10:00', '15:46')
    >>> [(d.raw, d.range_role) for d in find_dates("平成26年5月26日~平成27年4月29日常任委員会記録")]
    [('平成26年5月26日', 'start'), ('平成27年4月29日', 'end')]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from gijiroku.normalize import memoized
from gijiroku.vocabulary import (
    CLOCK_PATTERN,
    CLOSING_WORDS,
    END_WORDS,
    ERA_LETTERS,
    ERA_NAMES,
    ERA_YEAR,
    KANJI_NUMERAL_CHARS,
    NUMBER,
    OPENING_WORDS,
    RANGE_SEPARATOR,
    SPACES,
    START_WORDS,
    WEEKDAY,
    ungrouped,
)

__all__ = [
    "DATE",
    "ERAS",
    "MAX_NUMBER",
    "MONTH_DAY",
    "FISCAL_YEAR_START_MONTH",
    "DateMatch",
    "Era",
    "TimeRange",
    "YearMatch",
    "bracket_around",
    "date_note",
    "find_dates",
    "find_times",
    "find_years",
    "may_hold_year_date",
    "parse_date",
    "parse_number",
    "parse_time",
    "parse_time_range",
    "year_alone_at",
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
#: One-letter abbreviations (R6.2.22, H28.2.8), half- or full-width.
ERA_BY_LETTER = {
    letter: name
    for letters, name in (
        ("MＭ", "明治"),
        ("TＴ", "大正"),
        ("SＳ", "昭和"),
        ("HＨ", "平成"),
        ("RＲ", "令和"),
    )
    for letter in letters
}
#: Japan kept the lunisolar calendar until 明治5年12月2日; 明治6年1月1日 was 1873-01-01.
GREGORIAN_SINCE = dt.date(1873, 1, 1)

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
    "壹": 1,
    "貳": 2,
    "參": 3,
}
KANJI_UNITS = {"十": 10, "拾": 10, "百": 100, "千": 1000}
#: 廿 and 卅 are two and three tens in one character (廿二 = 22).
KANJI_TENS = {"廿": 20, "卅": 30}
KANJI_BIG_UNITS = {"万": 10_000, "萬": 10_000, "億": 100_000_000}
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
WEEKDAYS = "月火水木金土日"

#: The largest number the functions here accept (nine digits): a count, an ordinal, a seat
#: or a year beyond it is not a number. It fits any 32- or 64-bit integer column.
MAX_NUMBER = 999_999_999
_MAX_DIGITS = len(str(MAX_NUMBER))


def parse_number(text: str) -> int | None:
    """Read a number written in digits or kanji; ``None`` when it is not one, or when it is
    larger than :data:`MAX_NUMBER`.

    Kanji with units must be well formed: each unit at most once and in decreasing order
    within a myriad (``二十六``, ``千九百八十九``, ``一億二千万``), so ``十十`` is not a number.

    Example:
        >>> [parse_number(s) for s in ("２６", "二十六", "百十三", "二〇二四", "元", "廿二", "x")]
        [26, 26, 113, 2024, 1, 22, None]
        >>> parse_number("1" * 10) is None
        True
    """
    text = text.strip().translate(FULL_WIDTH_DIGITS)
    if not text:
        return None
    if text == "元":
        return 1
    if text.isascii() and text.isdigit():
        return _bounded_digits(text)
    if all(ch in KANJI_DIGITS for ch in text):  # positional: 二〇二四
        return _bounded_digits("".join(str(KANJI_DIGITS[ch]) for ch in text))
    return _kanji_with_units(text)


def _bounded_digits(digits: str) -> int | None:
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= _MAX_DIGITS else None


def _kanji_with_units(text: str) -> int | None:
    """二十六, 千九百八十九, 一億二千万, 廿二: digits and units in decreasing order."""
    total = section = 0
    digit: int | None = None
    small_unit = big_unit = 10**12  # the last unit seen, so that units only decrease
    seen = False
    for ch in text:
        if ch in KANJI_DIGITS:
            if digit is not None:
                return None  # 二三十: two digits in a row inside a number with units
            digit = KANJI_DIGITS[ch]
        elif ch in KANJI_UNITS or ch in KANJI_TENS:
            unit = KANJI_UNITS.get(ch, 10)
            if unit >= small_unit or digit == 0 or (ch in KANJI_TENS and digit is not None):
                return None
            section += KANJI_TENS[ch] if ch in KANJI_TENS else (digit or 1) * unit
            small_unit, digit = unit, None
        elif ch in KANJI_BIG_UNITS:
            unit = KANJI_BIG_UNITS[ch]
            if unit >= big_unit or digit == 0:
                return None
            total += ((section + (digit or 0)) or 1) * unit
            section, digit, small_unit, big_unit = 0, None, 10**12, unit
        else:
            return None
        seen = True
    value = total + section + (digit or 0)
    return value if seen and value <= MAX_NUMBER else None


# -- dates ------------------------------------------------------------------------------------

#: A Western year: four digits from 1000 (not inside a longer run), or four positional kanji.
_WESTERN_YEAR = (
    r"(?:(?<![0-9０-９])[12１２][0-9０-９]{3}(?![0-9０-９])"
    rf"|(?<![{KANJI_NUMERAL_CHARS}])[一二][〇一二三四五六七八九]{{3}}(?![{KANJI_NUMERAL_CHARS}]))"
)
#: The year of 2020/5/8, 2020-05-08, 2020.5.8: only 1800–2199, as these forms also print
#: version numbers and other dotted numbers.
_SEPARATED_YEAR = (
    r"(?<![0-9０-９.．/／\-－])(?:[1１][8８9９]|[2２][0０1１])[0-9０-９]{2}(?![0-9０-９])"
)
#: One or two digits, the month or day of a separated date.
_TWO = r"(?<![0-9０-９])[0-9０-９]{1,2}(?![0-9０-９])"
_DAY_MARK = rf"(?:{SPACES}日)?"
_ALT_WESTERN = rf"[（(]{SPACES}(?P<alt_western>{_WESTERN_YEAR}){SPACES}年?{SPACES}[）)]{SPACES}"
_ALT_ERA = rf"[（(]{SPACES}(?P<alt_era>{ERA_NAMES}){SPACES}(?P<alt_year>{ERA_YEAR}){SPACES}年?{SPACES}[）)]{SPACES}"

_ERA_DATE = (
    rf"(?P<era>{ERA_NAMES}){SPACES}(?P<year>{ERA_YEAR}){SPACES}"  # 令和 7 / 令和元 / 昭和二十二
    rf"(?:{_ALT_WESTERN})?"  # (2020)
    rf"(?:年{SPACES}(?:{_ALT_WESTERN})?"  # 年 / 年（2020年）
    rf"(?P<month>{NUMBER}){SPACES}月{SPACES}(?P<day>{NUMBER}){_DAY_MARK}"
    rf"|[.．/／]{SPACES}(?P<month>{NUMBER}){SPACES}[.．/／]{SPACES}(?P<day>{NUMBER})"  # 令和5.4.12
    r"(?![.．/／][0-9０-９]))"
)
_LETTER_DATE = (
    rf"(?P<letter>{ERA_LETTERS}){SPACES}(?P<year>{_TWO})"  # R2 / H28 / Ｒ０２
    rf"(?:{SPACES}年{SPACES}(?P<month>{NUMBER}){SPACES}月{SPACES}(?P<day>{NUMBER}){_DAY_MARK}"
    rf"|[.．/／]{SPACES}(?P<month>{_TWO}){SPACES}[.．/／]{SPACES}(?P<day>{_TWO})"
    r"(?![.．/／][0-9０-９]))"  # R2.5.8, but not H1.2.3.4
)
_WESTERN_DATE = (
    rf"(?P<western>{_WESTERN_YEAR}){SPACES}(?:{_ALT_ERA})?"  # 2020 / 2020(令和2)
    rf"年{SPACES}(?:{_ALT_ERA})?"  # 年 / 年（令和2年）
    rf"(?P<month>{NUMBER}){SPACES}月{SPACES}(?P<day>{NUMBER}){_DAY_MARK}"
    rf"|(?P<western>{_SEPARATED_YEAR})"  # 2020/5/8: one separator throughout
    rf"(?:/{SPACES}(?P<month>{_TWO}){SPACES}/{SPACES}(?P<day>{_TWO})"
    rf"|／{SPACES}(?P<month>{_TWO}){SPACES}／{SPACES}(?P<day>{_TWO})"
    rf"|[.．]{SPACES}(?P<month>{_TWO}){SPACES}[.．]{SPACES}(?P<day>{_TWO})"
    rf"|-(?P<month>{_TWO})-(?P<day>{_TWO})"
    rf"|－(?P<month>{_TWO})－(?P<day>{_TWO}))"
    r"(?![.．/／\-－][0-9０-９])"
)
_MONTH_DAY = (
    rf"(?:(?P<month>{NUMBER}){SPACES}月{SPACES}(?P<day>{NUMBER}){SPACES}日"  # 十一月十四日, 2月10日
    rf"|(?<![.．/／\-－])(?P<month>{_TWO})[/／](?P<day>{_TWO})"  # 5/8(金): only when
    rf"(?![/／.．][0-9０-９])(?={WEEKDAY}))"  # a weekday follows
)
_FULL_DATE = rf"(?:{_ERA_DATE}|{_LETTER_DATE}|{_WESTERN_DATE})"

#: A date with its year, in any form :func:`find_dates` reads (a fragment with no groups).
DATE = ungrouped(_FULL_DATE)
#: A month and day with no year (``十一月十四日``, ``2月10日``; ``5/8`` before a weekday).
MONTH_DAY = ungrouped(_MONTH_DAY)

DATE_RE = regex.compile(rf"{_FULL_DATE}|{_MONTH_DAY}")
#: A character every date and every year prints (a digit, a kanji numeral, 元 of 元年): a
#: text without one mentions none, and is not searched (most lines of minutes).
_NUMBER_CHAR_RE = regex.compile(rf"[0-9０-９元{KANJI_NUMERAL_CHARS}]")
#: What every match of :data:`DATE_RE` holds: a month (digits or kanji numerals) before
#: spaces and 月 or a separator (. ． / ／ - －), in each of its forms. A text without one
#: holds no date, and is not searched with the long pattern (most header lines).
_DATE_GATE_RE = regex.compile(rf"[0-9０-９{KANJI_NUMERAL_CHARS}]{SPACES}[月.．/／\-－]")
#: Where a match of :data:`DATE_RE` may start (every start of one is a start of this, not
#: the other way round): an era name; an era letter before a digit (R6.2.22), no Latin letter
#: before it; a whole run of digits or of kanji numerals (each alternative's number starts a
#: run and takes all of it) followed, after spaces, by what follows a date's first number:
#: 年, 月, a separator, or the bracket of the other calendar's year (2020（令和2）年).
#: The first characters of the era names, and the rest of each name behind a lookbehind of
#: its first character (``(?<=令)和``): the era pieces of :data:`_DATE_START_RE` and
#: :data:`_YEAR_DATE_GATE_RE`.
_ERA_FIRSTS = "".join(sorted({era.name[0] for era in ERAS}))
_ERA_RESTS = "|".join(f"(?<={era.name[0]}){era.name[1:]}" for era in ERAS)

#: Searching for this first skips the long pattern's attempt at every character
#: (:func:`_date_matches`). (The standard ``re``, three times faster here: each lookbehind
#: follows the character it guards, and no run gives back a character the next class takes.)
#: Each alternative's first character is taken by one class ahead of them all, and the
#: alternative tells it by a lookbehind (``(?<=令)和`` for 令和): ``re`` then skips to the next
#: character of that class instead of trying four alternatives at every character (three
#: times faster again). Digits right after a separator (. ． / ／ - －: ``file-2016-02-08``,
#: ``v1.2``) start no separated date (its year and its month and day without a weekday are
#: never printed there): only a year before 年 or a bracket, or a month before 月, starts one.
_DATE_START_RE = re.compile(
    rf"[{_ERA_FIRSTS}MTSHRmtshrＭＴＳＨＲ0-9０-９{KANJI_NUMERAL_CHARS}](?:{_ERA_RESTS}"
    + r"|(?<=[MTSHRmtshrＭＴＳＨＲ])(?<![A-Za-zＡ-Ｚａ-ｚ].)[ \u3000]*[0-9０-９]"
    r"|(?<=[0-9０-９])(?<![0-9０-９].)(?:(?<![.．/／\-－].)[0-9０-９]*[ \u3000]*[年月/／.．\-－（(]"
    r"|[0-9０-９]*[ \u3000]*[年月（(])"
    rf"|(?<=[{KANJI_NUMERAL_CHARS}])(?<![{KANJI_NUMERAL_CHARS}].)[{KANJI_NUMERAL_CHARS}]*"
    r"[ \u3000]*[年月/／.．\-－（(])"
)
WEEKDAY_RE = regex.compile(WEEKDAY)
#: Between two dates of a range: 平成26年5月26日~平成27年4月29日, …から…
_DATE_RANGE_GAP_RE = regex.compile(rf"{SPACES}{RANGE_SEPARATOR}{SPACES}")
#: Between a date and its time: spaces, at most one line break, a comma, ISO's T.
_DATE_TIME_GAP_RE = regex.compile(
    r"[ \t\u3000]*+(?:\r\n|\r|\n)?[ \t\u3000]*+[、,，]?[ \t\u3000]*+T?"
)


@dataclass(frozen=True, slots=True)
class TimeRange:
    """A clock time or a range of times found in text, as ``HH:MM``.

    ``start_time`` is None for an end printed alone (``15時46分終了``); ``end_time`` is None
    for a single time or an open range (``9:00～``, then ``open_ended`` is True). ``start`` and
    ``end`` are offsets of ``raw`` in the text (end exclusive).
    """

    start_time: str | None
    end_time: str | None
    raw: str
    start: int
    end: int
    open_ended: bool = False


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text.

    Attributes:
        date: the date; None when impossible (see ``problem``) or when no year is printed.
        raw: the date as printed, with the weekday that follows it (``令和2年5月8日（金）``).
        start, end: offsets of ``raw`` in the text (end exclusive).
        problem: why the printed date is impossible; None when it is a date.
        year, month, day: the numbers as printed (the year as a Western year, counted from
            the era's start); None when unreadable (or, for ``year``, not printed).
        era: the era printed (``令和``; a letter such as ``R`` gives its era's name).
        has_year: whether the text prints a year (``十一月十四日`` does not).
        weekday: the weekday printed after the date (``金``), or None.
        range_role: ``"start"`` or ``"end"`` when the date is one end of a range of dates
            (``平成26年5月26日~平成27年4月29日``); such a date is never a meeting's date.
        time: the time or time range printed right after the date (on its line or the next).
    """

    date: dt.date | None
    raw: str
    start: int
    end: int
    problem: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    era: str | None = None
    has_year: bool = True
    weekday: str | None = None
    range_role: Literal["start", "end"] | None = None
    time: TimeRange | None = None

    @property
    def in_range(self) -> bool:
        """Whether the date is one end of a range of dates."""
        return self.range_role is not None

    @property
    def weekday_agrees(self) -> bool | None:
        """Whether the printed weekday is the date's; None when either is unknown."""
        if self.weekday is None or self.date is None:
            return None
        return WEEKDAYS[self.date.weekday()] == self.weekday

    def with_year(self, year: int, *, fiscal: bool = False) -> DateMatch:
        """This month and day in ``year`` (a Western year): for a date printed without one,
        completed from a year stated elsewhere. ``has_year`` stays False.

        With ``fiscal``, ``year`` is a 年度 that begins in April of ``year``: months 4–12
        fall in ``year``, months 1–3 in ``year + 1``, so the date never leaves the 年度.

        Example:
            >>> parse_md = find_dates("十一月十四日（金曜日）")[0]
            >>> parse_md.date, parse_md.with_year(1947).date, parse_md.with_year(1947).weekday_agrees
            (None, datetime.date(1947, 11, 14), True)
            >>> find_dates("2月14日")[0].with_year(2023, fiscal=True).date
            datetime.date(2024, 2, 14)
        """
        if fiscal and self.month is not None and self.month < FISCAL_YEAR_START_MONTH:
            year += 1
        date, problem = _checked(None, year, self.month, self.day, self.raw)
        return dataclasses.replace(self, date=date, problem=problem, year=year)


#: The month a fiscal year (年度) begins with: 令和5年度 runs from April 2023 to March 2024.
FISCAL_YEAR_START_MONTH = 4


@dataclass(frozen=True, slots=True)
class YearMatch:
    """A year printed without a month and day: ``令和4年``, ``平成29年度``, ``2017年度``.

    Attributes:
        year: the Western year; for a fiscal year (``fiscal``), the year its April falls in.
        fiscal: the year is a 年度 (April to March), not a calendar year.
        raw: the year as printed; ``start``, ``end``: its offsets in the text.
        era: the era printed (``平成``), or None for a Western year.
        in_range: the year is one end of a range (``平成29年度～平成30年度``).
    """

    year: int
    fiscal: bool
    raw: str
    start: int
    end: int
    era: str | None = None
    in_range: bool = False

    def complete(self, found: DateMatch) -> DateMatch:
        """A month and day printed alone (``8月18日``), in this year or 年度.

        Example:
            >>> fiscal = find_years("平成29年度 総務委員会")[0]
            >>> [fiscal.complete(d).date.isoformat() for d in find_dates("8月18日 3月1日")]
            ['2017-08-18', '2018-03-01']
        """
        return found.with_year(self.year, fiscal=self.fiscal)


def _checked(
    era: Era | None, year: int | None, month: int | None, day: int | None, raw: str
) -> tuple[dt.date | None, str | None]:
    """The date, or why there is none. ``year`` None means none was printed."""
    if month is None or day is None:
        return None, f"{raw}: unreadable numbers"
    if year is None:  # a month and day alone: check what can be checked (29 February is fine)
        if not (1 <= month <= 12 and 1 <= day <= _days_in_month(2000, month)):
            return None, f"{raw} is no calendar date"
        return None, None
    if not 1 <= year <= 9999:
        return None, f"{raw} is no calendar date"
    if era is not None and year < GREGORIAN_SINCE.year:
        return None, f"{raw} is before 明治6年 (1873): a lunisolar date, not converted"
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, f"{raw} is no calendar date"
    if era is not None:
        if date < era.start:
            return None, f"{raw} is before the start of {era.name} ({era.start.isoformat()})"
        if era.end is not None and date > era.end:
            return None, f"{raw} is after the end of {era.name} ({era.end.isoformat()})"
    return date, None


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def _era_year(era: Era, printed: str) -> int | None:
    """The Western year of an era year (元 is 1); None when unreadable or below 1."""
    number = parse_number(printed)
    return era.start.year + number - 1 if number is not None and number >= 1 else None


def _date_of(match: regex.Match[str], text: str) -> DateMatch:
    """A :class:`DateMatch` for one match of :data:`DATE_RE`, the weekday after it read."""
    start, end = match.start(), match.end()
    weekday_match = WEEKDAY_RE.match(text, end)
    weekday = None
    if weekday_match is not None:
        end = weekday_match.end()
        weekday = next((ch for ch in weekday_match.group() if ch in WEEKDAYS), None)
    raw = text[start:end]
    month, day = parse_number(match["month"]), parse_number(match["day"])
    era_name = match["era"] or (ERA_BY_LETTER[match["letter"].upper()] if match["letter"] else None)
    era = ERA_BY_NAME[era_name] if era_name else None
    has_year = bool(era or match["western"])
    year: int | None = None
    problem: str | None = None
    if era is not None:
        year = _era_year(era, match["year"])
        if match["alt_western"] and parse_number(match["alt_western"]) != year:
            problem = f"{raw}: the era year and the Western year disagree"
    elif match["western"]:
        year = parse_number(match["western"])
        if match["alt_era"]:
            alt = _era_year(ERA_BY_NAME[match["alt_era"]], match["alt_year"])
            if alt != year:
                problem = f"{raw}: the era year and the Western year disagree"
    if has_year and year is None:
        date, problem = None, f"{raw}: unreadable numbers"
    elif problem is None:
        date, problem = _checked(era, year, month, day, raw)
    else:
        date = None
    return DateMatch(date, raw, start, end, problem, year, month, day, era_name, has_year, weekday)


def _date_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``DATE_RE.finditer(text)``: the long pattern is tried only where
    :data:`_DATE_START_RE` says a match may start (no match starts anywhere else, and
    ``match`` at a position reads the text before it as ``finditer`` does)."""
    position = 0
    start_at, date_at = _DATE_START_RE.search, DATE_RE.match
    while (start := start_at(text, position)) is not None:
        found = date_at(text, start.start())
        if found is None:
            position = start.start() + 1
        else:
            yield found
            position = found.end()  # (a date is never empty)


def _candidates(text: str) -> Iterator[DateMatch]:
    """Every date mention in order, with the time that follows it; no ranges yet."""
    if not _DATE_GATE_RE.search(text):
        return
    for match in _date_matches(text):
        found = _date_of(match, text)
        gap = _DATE_TIME_GAP_RE.match(text, found.end)
        clock = _clock_at(text, gap.end()) if gap is not None else None
        if clock is not None:
            found = dataclasses.replace(found, time=_range_from(text, clock))
        yield found


def _with_ranges(text: str, found: Iterable[DateMatch]) -> Iterator[DateMatch]:
    """Mark two dates joined by a range separator; an end with no year takes the start's."""
    pending: DateMatch | None = None
    for current in found:
        if pending is not None and pending.time is None:
            gap = _DATE_RANGE_GAP_RE.match(text, pending.end)
            if gap is not None and gap.end() == current.start:
                pending = dataclasses.replace(pending, range_role="start")
                current = dataclasses.replace(current, range_role="end")
                start = pending.date
                if not current.has_year and start and current.month and current.day:
                    same_year = (current.month, current.day) >= (start.month, start.day)
                    current = current.with_year(start.year + (0 if same_year else 1))
        if pending is not None:
            yield pending
        pending = current
    if pending is not None:
        yield pending


def find_dates(text: str) -> list[DateMatch]:
    """Every date mentioned in ``text``, in order, with its span and what surrounds it:
    the weekday after it, a time after it, whether it prints a year, whether it is one end
    of a range. See the module docstring for the forms read.

    Example:
        >>> [(d.raw, d.has_year, d.time and d.time.start_time) for d in find_dates(
        ...     "昭和二十二年十一月十三日選任。十一月十四日（金曜日）午前十一時二十分開会")]
        [('昭和二十二年十一月十三日', True, None), ('十一月十四日（金曜日）', False, '11:20')]
    """
    return list(_dates_of(text))


def _dates_of(text: str) -> tuple[DateMatch, ...]:
    """The dates of ``text``, read once per parse (:func:`~gijiroku.normalize.memoized`):
    a header line is read by the rule that labels it, then by the meeting's builder."""
    return memoized("dates.find_dates", _read_dates, text)


def _read_dates(text: str) -> tuple[DateMatch, ...]:
    return tuple(_with_ranges(text, _candidates(text)))


#: What every date with a year prints (:data:`DATE`), one piece for each of its forms: an era
#: name and its year, then the bracket of the Western year, a separator, or 年 before a
#: number or that bracket; an era letter (no Latin letter before it) and a year of one or two
#: digits, then 年, or a separator and a digit (R2.5.8: not the path ``/h13/h13-2001``); a
#: Western year, then the bracket of the era's year or 年 before a number or that bracket; a
#: separated date's year (1800–2199, after no digit or separator) before its separator and a
#: digit (not ``Kyouikukei2013/gijiroku``). A text without one holds no date with a year
#: (:func:`may_hold_year_date`). As in :data:`_DATE_START_RE`, one class takes each piece's
#: first character and a lookbehind tells the piece (the standard ``re`` then skips to the
#: next character of that class).
_AFTER_YEAR = rf"{SPACES}(?:[（(]|年{SPACES}[（(0-9０-９{KANJI_NUMERAL_CHARS}])"
_LETTER_YEAR_AFTER = rf"[0-9０-９]{{1,2}}(?![0-9０-９])(?:{SPACES}年|[.．/／]{SPACES}[0-9０-９])"


def _year_date_gate(letters: str) -> str:
    """The pieces of :data:`_YEAR_DATE_GATE_RE`, era letters taken from ``letters``."""
    return (
        rf"[{_ERA_FIRSTS}{letters}12１２一二](?:(?:{_ERA_RESTS}){SPACES}{ungrouped(ERA_YEAR)}(?:{_AFTER_YEAR}|{SPACES}[.．/／])"
        rf"|(?<=[{letters}])(?<![A-Za-zＡ-Ｚａ-ｚ].){SPACES}{_LETTER_YEAR_AFTER}"
        rf"|(?<=[12１２])(?<![0-9０-９].)[0-9０-９]{{3}}(?![0-9０-９])(?:{_AFTER_YEAR}"
        r"|(?<=(?:[1１][8８9９]|[2２][0０1１])..)(?<![.．/／\-－].{4})[/／.．\-－]"
        rf"{SPACES}[0-9０-９])"
        rf"|(?<=[一二])(?<![{KANJI_NUMERAL_CHARS}].)[〇一二三四五六七八九]{{3}}"
        rf"(?![{KANJI_NUMERAL_CHARS}]){_AFTER_YEAR})"
    )


_YEAR_DATE_GATE_RE = re.compile(_year_date_gate("MTSHRmtshrＭＴＳＨＲ"))
#: :data:`_YEAR_DATE_GATE_RE` without the lower-case era letters, and what every piece that
#: starts with one holds: after the letter (no Latin letter before it), spaces and a digit.
#: English text is full of lower-case t, s, h, r and m, at each of which the whole gate
#: would try its pieces; the two passes over it stop far less often (each is a cheap "no"
#: for most lines), and the whole gate reads only a line they leave open.
_UPPER_YEAR_DATE_GATE_RE = re.compile(_year_date_gate("MTSHRＭＴＳＨＲ"))
_LOWER_LETTER_YEAR_RE = re.compile(
    r"[0-9０-９ \u3000](?<=[mtshr].)(?<![A-Za-zＡ-Ｚａ-ｚ]..)(?:(?<=[0-9０-９])|[ \u3000]*+[0-9０-９])"
)


def may_hold_year_date(text: str) -> bool:
    """False when :func:`find_dates` finds no date with a year in ``text`` (``has_year``):
    the text prints none of the pieces every such date begins with (a cheap "no" for most
    lines, which print no year, or a year only in a file name: ``minutes-2016-02-08.txt``).

    Example:
        >>> may_hold_year_date("令和 7年 2月14日"), may_hold_year_date("| sendai-2016-02-08.txt |")
        (True, False)
    """
    # (a match of the whole gate starts with a lower-case letter when no match of the upper
    # gate is found: a space or a digit follows that letter)
    return _UPPER_YEAR_DATE_GATE_RE.search(text) is not None or (
        _LOWER_LETTER_YEAR_RE.search(text) is not None
        and _YEAR_DATE_GATE_RE.search(text) is not None
    )


def parse_date(text: str) -> DateMatch | None:
    """The first date with a year in ``text`` (a month and day alone are skipped).

    A weekday in parentheses right after the date is kept in ``raw``. An impossible date
    (平成31年5月1日, 2月30日) gives a :class:`DateMatch` with ``date=None`` and a ``problem``.

    Example:
        >>> parse_date("平成 28 年 2 月 8 日（月）").raw
        '平成 28 年 2 月 8 日（月）'
        >>> parse_date("平成31年5月1日").problem
        '平成31年5月1日 is after the end of 平成 (2019-04-30)'
    """
    return next((d for d in _dates_of(text) if d.has_year), None)


# -- a date in brackets -----------------------------------------------------------------------

#: What a bracket around a date may hold besides it: 開催, 開会, 実施, 於 and a place
#: (第15回定例会議(令和7年3月7日開催), …会議(令和6年4月19日 於 市役所)).
_DATE_NOTE_RE = regex.compile(
    r"[\s・、,，]*(?:(?:開催|開会|開議|実施)[\s・、,，]*)?(?:於[^（()）]*)?"
)


def bracket_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the brackets （…） or (…) that enclose ``text[start:end]`` closest, or
    None when none does.

    Example:
        >>> text = "定例会（第1日2月14日）"
        >>> start, end = bracket_around(text, 7, 12); text[start:end]
        '（第1日2月14日）'
    """
    opening = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    if opening < max(text.rfind("）", 0, start), text.rfind(")", 0, start)):
        return None
    closings = [i for i in (text.find("）", end), text.find(")", end)) if i >= 0]
    openings = [i for i in (text.find("（", end), text.find("(", end)) if i >= 0]
    if opening < 0 or not closings or (openings and min(openings) < min(closings)):
        return None
    return opening, min(closings) + 1


def date_note(text: str, found: DateMatch) -> tuple[int, int] | None:
    """The span of the bracket around the date ``found`` of ``text`` when it holds nothing
    else but 開催, 開会, 実施, or 於 and a place: a note of when the meeting was held. None
    when the date is in no bracket, or in one that holds more (``（第1日2月14日）``).

    Example:
        >>> text = "第15回定例会議(令和7年3月7日開催)"
        >>> start, end = date_note(text, parse_date(text)); text[start:end]
        '(令和7年3月7日開催)'
    """
    bracket = bracket_around(text, found.start, found.end)
    if bracket is None:
        return None
    inside = text[bracket[0] + 1 : found.start] + text[found.end : bracket[1] - 1]
    return bracket if _DATE_NOTE_RE.fullmatch(inside) else None


# -- years alone --------------------------------------------------------------------------------

#: A year printed alone: 令和4年, 平成29年度, 令和元年度, 2017年度, R5年度, 令和2(2020)年度.
_YEAR_ALONE_RE = regex.compile(
    rf"(?:(?P<era>{ERA_NAMES}){SPACES}(?P<year>{ERA_YEAR}){SPACES}(?:{_ALT_WESTERN})?"
    rf"|(?P<letter>{ERA_LETTERS}){SPACES}(?P<year>{_TWO}){SPACES}"
    rf"|(?P<western>{_WESTERN_YEAR}){SPACES})"
    rf"年(?P<fiscal>{SPACES}度)?"
)


def year_alone_at(text: str, position: int) -> bool:
    """Whether a year of :func:`find_years`' forms starts at ``position`` (as a match of its
    search would; the text before it read): no year of ``find_years(text)`` starts there
    when none does. The year may still be a full date's.

    Example:
        >>> year_alone_at("〇平成29年度 総務委員会", 1), year_alone_at("〇総務委員会 平成29年度", 1)
        (True, False)
    """
    return _YEAR_ALONE_RE.match(text, position) is not None


def find_years(text: str) -> list[YearMatch]:
    """Every year printed without a month and day in ``text``, in order: calendar years
    (``令和4年第5回臨時会``, ``令和4年12月定例会``) and fiscal years (``平成29年度``). The
    year of a full date (``令和4年7月25日``) is not one; two years joined by ``～ 〜 ~ -
    から`` are a range (``in_range``).

    Example:
        >>> [(y.raw, y.year, y.fiscal) for y in find_years("平成29年度 総務委員会 令和4年7月25日")]
        [('平成29年度', 2017, True)]
    """
    if "年" not in text or not _NUMBER_CHAR_RE.search(text):  # (every year prints both)
        return []
    return list(memoized("dates.find_years", _read_years, text))


def _read_years(text: str) -> tuple[YearMatch, ...]:
    """:func:`find_years`, read once per parse (a title line is read by the rule that labels
    it, then by the meeting's builder)."""
    matches = list(_YEAR_ALONE_RE.finditer(text))
    if not matches:
        return ()
    # the spans of the full dates, as find_dates read them (the weekday after a date is in
    # its span: no year starts inside a weekday, so none is skipped that the date's own
    # match would keep)
    dated = [(d.start, d.end) for d in _dates_of(text) if d.has_year]
    found: list[YearMatch] = []
    k = 0
    for match in matches:
        while k < len(dated) and dated[k][1] <= match.start():
            k += 1
        if k < len(dated) and dated[k][0] <= match.start() < dated[k][1]:
            continue  # the year of a full date
        year = _year_of(match)
        if year is None:
            continue
        current = YearMatch(
            year,
            bool(match["fiscal"]),
            match.group(),
            match.start(),
            match.end(),
            match["era"] or (ERA_BY_LETTER[match["letter"].upper()] if match["letter"] else None),
        )
        if found:
            gap = _DATE_RANGE_GAP_RE.match(text, found[-1].end)
            if gap is not None and gap.end() == current.start:
                found[-1] = dataclasses.replace(found[-1], in_range=True)
                current = dataclasses.replace(current, in_range=True)
        found.append(current)
    return tuple(found)


def _year_of(match: regex.Match[str]) -> int | None:
    """The Western year of a year printed alone; None when unreadable or out of bounds."""
    if match["western"]:
        return parse_number(match["western"])
    name = match["era"] or ERA_BY_LETTER[match["letter"].upper()]
    year = _era_year(ERA_BY_NAME[name], match["year"])
    if year is None or year > 9998:
        return None
    if match["alt_western"] and parse_number(match["alt_western"]) != year:
        return None  # the era year and the Western year disagree
    return year


# -- clock times ------------------------------------------------------------------------------

CLOCK_RE = regex.compile(CLOCK_PATTERN)
#: The nouns of a start or an end, which may also come before the time (開始 13：30).
_START_NOUNS = rf"(?:{OPENING_WORDS}|開催)"
_END_NOUNS = CLOSING_WORDS
#: A word after a time: 開始 / から make it a start, 終了 / 散会 / まで an end, 休憩 neither.
_AFTER_CLOCK_RE = regex.compile(
    rf"(?P<space>{SPACES})(?:(?P<start>{START_WORDS})|(?P<end>{END_WORDS})|休憩|再開|休会)"
)
#: A word before a time (開始 13：30, 終了 15：00, 開議　午前１０時), read from a short window.
_BEFORE_CLOCK_RE = regex.compile(
    rf"(?:(?P<start>{_START_NOUNS})|(?P<end>{_END_NOUNS})){SPACES}[:：]?{SPACES}$"
)
_BEFORE_WINDOW = 16
#: Between the two times of a range: 14：00～15：56, 午後1時から午後3時, 10:00(JST)〜11:00,
#: 開始 13:30～終了 15:00.
_RANGE_GAP_RE = regex.compile(
    rf"{SPACES}(?:[（(][A-Za-zＡ-Ｚ]{{2,4}}[)）]{SPACES})?(?:{_START_NOUNS}{SPACES})?"
    rf"(?P<sep>{RANGE_SEPARATOR}){SPACES}(?:{_END_NOUNS}{SPACES}[:：]?{SPACES})?"
)
#: Between a start and an end named by words: 10時開始 15時46分終了, 午前10時開会、午後3時散会.
_ROLE_GAP_RE = regex.compile(
    rf"{SPACES}(?:{_START_NOUNS}{SPACES})?[、,，]?{SPACES}(?:{_END_NOUNS}{SPACES}[:：]?{SPACES})?"
)
_Role = Literal["start", "end"] | None


@dataclass(frozen=True, slots=True)
class _Clock:
    """One clock time: its span, hour (24-hour) and minute, the 午前/午後/正午 printed, the
    role a word before or after it gives it, and where that word after it ends."""

    start: int
    end: int
    hour: int
    minute: int
    half_day: str | None
    role: _Role
    word_end: int

    @property
    def minutes(self) -> int:
        return self.hour * 60 + self.minute

    def text(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


def _clock_at(text: str, pos: int, *, closing: bool = False) -> _Clock | None:
    """The clock time that starts at ``pos``, if one does; ``closing`` when it would end a
    range (零時～一時: a bare 一時 is then a time)."""
    match = CLOCK_RE.match(text, pos)
    return _clock_of(match, text, closing=closing) if match else None


def _time_of(
    match: regex.Match[str], text: str, *, closing: bool = False
) -> tuple[int, int, str | None] | None:
    """The hour (24-hour), minute and 午前/午後/正午 of one match of :data:`CLOCK_RE` (what
    :func:`_clock_of` reads before the words around it); None when it is no real time."""
    half_day = match["ampm"]
    if match["noon"]:
        hour, minute, half_day = 12, 0, "正午"
    elif match["h"] is not None:
        hour_or_none, minute_or_none = parse_number(match["h"]), parse_number(match["m"])
        if hour_or_none is None or minute_or_none is None:
            return None
        hour, minute = hour_or_none, minute_or_none
    else:
        if not closing and _for_a_while(match, text):
            return None
        hour_or_none = parse_number(match["hour"])
        minute_or_none = 30 if match["half"] else parse_number(match["minute"] or "0")
        if hour_or_none is None or minute_or_none is None:
            return None
        hour, minute = hour_or_none, minute_or_none
    if minute > 59 or hour > 35 or (half_day in ("午前", "午後") and hour > 12):
        return None
    if half_day == "午後" and hour < 12:
        hour += 12
    return hour, minute, half_day


def _clock_of(match: regex.Match[str], text: str, *, closing: bool = False) -> _Clock | None:
    """A :class:`_Clock` for one match of :data:`CLOCK_RE`; None when it is no real time."""
    time = _time_of(match, text, closing=closing)
    if time is None:
        return None
    hour, minute, half_day = time
    role: _Role = None
    word_end = match.end()
    after = _AFTER_CLOCK_RE.match(text, match.end())
    before = _BEFORE_CLOCK_RE.search(text[max(0, match.start() - _BEFORE_WINDOW) : match.start()])
    if after is not None and not after["space"]:
        role = "start" if after["start"] else "end" if after["end"] else None
    elif before is not None:
        role = "start" if before["start"] else "end"
    elif after is not None:
        role = "start" if after["start"] else "end" if after["end"] else None
    if after is not None:
        word_end = after.end()
    return _Clock(match.start(), match.end(), hour, minute, half_day, role, word_end)


def _for_a_while(match: regex.Match[str], text: str) -> bool:
    """A bare 一時 means "for a while" (一時休憩, 為替は一時…), not one o'clock, unless a range
    or a start or end word follows (一時～三時, 一時開会)."""
    if match["hour"] not in ("一", "壱") or match["ampm"] or match["minute"] or match["half"]:
        return False
    after = _AFTER_CLOCK_RE.match(text, match.end())
    starts_or_ends = after is not None and (after["start"] or after["end"])
    return not (starts_or_ends or _RANGE_GAP_RE.match(text, match.end()))


def _carried(first: _Clock, second: _Clock) -> _Clock:
    """The end of a range takes the start's 午前/午後 when it prints none (午後2時～4時)."""
    if second.half_day is not None or first.half_day is None or second.hour >= 12:
        return second
    if first.half_day in ("午後", "正午") or second.minutes < first.minutes:
        return dataclasses.replace(second, hour=second.hour + 12)
    return second


def _range_from(text: str, first: _Clock) -> TimeRange:
    """The time or time range that starts with ``first``."""
    gap = _RANGE_GAP_RE.match(text, first.end)
    second = _clock_at(text, gap.end(), closing=True) if gap is not None else None
    if gap is not None and second is None:
        end = gap.end("sep")
        return TimeRange(first.text(), None, text[first.start : end], first.start, end, True)
    if second is None and first.role == "start":
        role_gap = _ROLE_GAP_RE.match(text, first.word_end)
        candidate = _clock_at(text, role_gap.end()) if role_gap is not None else None
        if candidate is not None and candidate.role == "end":
            second = candidate
    if second is not None:
        second = _carried(first, second)
        end = second.word_end
        return TimeRange(first.text(), second.text(), text[first.start : end], first.start, end)
    end = first.word_end
    if first.role == "end":
        return TimeRange(None, first.text(), text[first.start : end], first.start, end)
    return TimeRange(first.text(), None, text[first.start : end], first.start, end)


def _clocks(text: str) -> Iterator[_Clock]:
    for match in CLOCK_RE.finditer(text):
        clock = _clock_of(match, text)
        if clock is not None:
            yield clock


def find_times(text: str) -> list[TimeRange]:
    """Every clock time and time range in ``text``, in order (a range counts once).

    Example:
        >>> [(t.start_time, t.end_time) for t in find_times("午前１０時開会、午後２時１２分休憩")]
        [('10:00', None), ('14:12', None)]
    """
    found: list[TimeRange] = []
    for clock in _clocks(text):
        if found and clock.start < found[-1].end:
            continue  # the second time of a range already read
        found.append(_range_from(text, clock))
    return found


def parse_time(text: str) -> str | None:
    """The first clock time in ``text`` as ``HH:MM`` (午後 adds 12 hours), or ``None``.

    Example:
        >>> parse_time("（開始 13：30）"), parse_time("午前十時三分開議"), parse_time("正午")
        ('13:30', '10:03', '12:00')
    """
    for match in CLOCK_RE.finditer(text):  # (the first clock's time: no words read around it)
        time = _time_of(match, text)
        if time is not None:
            return f"{time[0]:02d}:{time[1]:02d}"
    return None


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """Start and end of the first time range in ``text`` (``13：30～15：00``,
    ``午後2時～4時``, ``10時開始 15時46分終了``). A single time is a start, unless a word
    makes it an end (``15時46分終了`` → ``(None, '15:46')``); a start with no end takes the
    first end printed after it (``午後1時から…午後3時まで``).

    Example:
        >>> parse_time_range("平成 28 年 2 月 8 日（月） 13：30～15：00")
        ('13:30', '15:00')
        >>> parse_time_range("午後2時～4時"), parse_time_range("9:00～")
        (('14:00', '16:00'), ('09:00', None))
    """
    ranges = find_times(text)
    if not ranges:
        return None, None
    first = ranges[0]
    if first.start_time is not None and first.end_time is None:
        later = (r.end_time for r in ranges[1:] if r.start_time is None and r.end_time)
        return first.start_time, next(later, None)
    return first.start_time, first.end_time
