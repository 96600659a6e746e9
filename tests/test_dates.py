"""Numbers, dates and times: table-driven cases, bounds, linear time, and properties.

Real lines from minutes are in ``tests/test_dates_forms.py``; this file covers the
functions' contracts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st

import gijiroku
from gijiroku import dates, vocabulary
from gijiroku.dates import (
    ERAS,
    MAX_NUMBER,
    DateMatch,
    find_dates,
    find_times,
    find_years,
    parse_date,
    parse_number,
    parse_time,
    parse_time_range,
)

KANJI = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0), ("12", 12), ("１２", 12), ("２6", 26), ("〇", 0), ("一", 1), ("十", 10), ("十一", 11),
        ("二十", 20), ("二十六", 26), ("九十九", 99), ("百", 100), ("百十三", 113),
        ("二百十二", 212), ("千九百八十九", 1989), ("二〇二四", 2024), ("一九八九", 1989),
        ("元", 1), ("三万", 30000), ("十万", 100_000), ("一億二千万", 120_000_000),
        ("九億九千九百九十九万九千九百九十九", 999_999_999),
        ("廿二", 22), ("卅", 30), ("百廿", 120), ("拾", 10), ("壱", 1), ("參拾", 30), ("壹萬", 10_000),
        (" 12 ", 12), ("0000000000000000007", 7),
        ("", None), ("x", None), ("十x", None), ("1.5", None), ("-3", None),
        ("十十", None), ("二三十", None), ("百千", None), ("〇十", None), ("万万", None),
        ("二廿", None), ("〇万", None), ("元年", None),
    ],
)  # fmt: skip
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "1" * 10,  # ten digits: over MAX_NUMBER
        "1000000000",
        "１" * 4301,  # beyond Python's int-string limit (issue 16)
        "1" * 100_000,
        "九" * 4301,  # a section number of 4,301 kanji 九 (issue 16)
        "九" * 100_000,
        "十億",  # 1,000,000,000
        "99999999999999999999",  # 第99999999999999999999回 (issue 16): never an int64 overflow
    ],
)
def test_numbers_beyond_the_cap_are_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_the_cap_is_nine_digits() -> None:
    assert MAX_NUMBER == 999_999_999
    assert parse_number(str(MAX_NUMBER)) == MAX_NUMBER
    assert parse_number(str(MAX_NUMBER + 1)) is None
    assert MAX_NUMBER < 2**31 - 1


def _kanji(n: int) -> str:
    """Spell 0 < n < 100 000 with unit characters, as minutes do (二十六, 百十三)."""
    parts = []
    for unit, char in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, unit)
        if q:
            parts.append(("" if q == 1 and char != "万" else _kanji(q)) + char)
    if n:
        parts.append(KANJI[n])
    return "".join(parts)


@given(st.integers(min_value=1, max_value=99_999))
def test_kanji_numbers_round_trip(n: int) -> None:
    assert parse_number(_kanji(n)) == n
    assert parse_number("".join(KANJI[int(d)] for d in str(n))) == n  # positional
    assert parse_number(str(n).translate(FULL_WIDTH)) == n


@given(
    st.text(alphabet="〇零一二三四五六七八九十百千万億廿卅拾0123456789０１２３元x ", max_size=40)
)
def test_parse_number_is_total_and_bounded(text: str) -> None:
    number = parse_number(text)
    assert number is None or 0 <= number <= MAX_NUMBER


# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "raw"),
    [
        ("令和五年十一月一日（水曜日）", "2023-11-01", "令和五年十一月一日（水曜日）"),
        ("平成 28 年 2 月 8 日（月） 13：30～15：00", "2016-02-08", "平成 28 年 2 月 8 日（月）"),
        ("令和６年２月２２日（木曜日）", "2024-02-22", "令和６年２月２２日（木曜日）"),
        ("令和元年五月一日", "2019-05-01", "令和元年五月一日"),
        ("平成元年一月八日", "1989-01-08", "平成元年一月八日"),
        ("昭和六十四年一月七日", "1989-01-07", "昭和六十四年一月七日"),
        ("大正十五年十二月二十四日", "1926-12-24", "大正十五年十二月二十四日"),
        ("明治四十五年七月二十九日", "1912-07-29", "明治四十五年七月二十九日"),
        ("明治6年1月1日", "1873-01-01", "明治6年1月1日"),
        ("開催日：令和 7年 2月14日", "2025-02-14", "令和 7年 2月14日"),
        ("R6.2.22", "2024-02-22", "R6.2.22"),
        ("R02/05/08", "2020-05-08", "R02/05/08"),
        ("Ｈ２８．２．８", "2016-02-08", "Ｈ２８．２．８"),
        ("H28年2月8日", "2016-02-08", "H28年2月8日"),
        ("令和5.4.12", "2023-04-12", "令和5.4.12"),
        ("2025年12月8日(月)", "2025-12-08", "2025年12月8日(月)"),
        ("２０２５年１２月８日", "2025-12-08", "２０２５年１２月８日"),
        ("二〇二四年八月二十三日", "2024-08-23", "二〇二四年八月二十三日"),
        ("2016/02/08", "2016-02-08", "2016/02/08"),
        ("2016-02-08", "2016-02-08", "2016-02-08"),
        ("2016.2.8", "2016-02-08", "2016.2.8"),
        ("２０１６／２／８", "2016-02-08", "２０１６／２／８"),
        ("令和2(2020)年5月8日（金）", "2020-05-08", "令和2(2020)年5月8日（金）"),
        ("令和2年（2020年）5月8日", "2020-05-08", "令和2年（2020年）5月8日"),
        ("2019（令和元）年5月1日", "2019-05-01", "2019（令和元）年5月1日"),
        ("2020年（令和2年）5月8日", "2020-05-08", "2020年（令和2年）5月8日"),
        ("昭和廿二年十一月十三日", "1947-11-13", "昭和廿二年十一月十三日"),
        ("令和5年4月12日（水・祝）", "2023-04-12", "令和5年4月12日（水・祝）"),
        ("令和5年4月12日 水曜日", "2023-04-12", "令和5年4月12日 水曜日"),
        ("十一月十四日 ついで 令和5年4月12日", "2023-04-12", "令和5年4月12日"),  # a year first
    ],
)
def test_parse_date(text: str, iso: str, raw: str) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.date == dt.date.fromisoformat(iso)
    assert found.raw == raw
    assert text[found.start : found.end] == raw
    assert found.has_year
    assert found.problem is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("平成31年5月1日", "after the end of 平成"),  # 平成 ended on 2019-04-30
        ("平成32年4月1日", "after the end of 平成"),  # 平成32年度 of plans printed before 2019
        ("令和元年4月30日", "before the start of 令和"),  # 令和 began on 2019-05-01
        ("昭和64年1月8日", "after the end of 昭和"),  # 昭和 ended on 1989-01-07
        ("令和5年2月30日", "no calendar date"),
        ("令和5年13月1日", "no calendar date"),
        ("令和0年1月1日", "unreadable"),
        ("令和2(2021)年5月8日", "disagree"),
        ("2020（令和3）年5月8日", "disagree"),
        ("明治5年12月2日", "lunisolar"),  # Japan took the Gregorian calendar on 明治6年1月1日
        ("明治元年九月八日", "lunisolar"),
        ("令和999999999年1月1日", "no calendar date"),  # year 1,000,002,017: no date, no overflow
        ("令和一一一一一一一一一一一年1月1日", "unreadable"),  # issue 16: OverflowError before
        ("平成３年" + "1" * 4301 + "月四日", "unreadable"),  # issue 16: ValueError before
    ],
)
def test_impossible_dates_are_reported_not_guessed(text: str, problem: str) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.date is None
    assert found.problem is not None
    assert problem in found.problem


def test_an_impossible_date_keeps_the_numbers_as_printed() -> None:
    """平成32年 is 2020 counted from 平成's start: a caller that knows better can use it."""
    found = parse_date("平成32年4月1日")
    assert found is not None
    assert (found.era, found.year, found.month, found.day) == ("平成", 2020, 4, 1)


@pytest.mark.parametrize(
    "text",
    [
        "H9999999999.3.1",  # issue 16: OverflowError before; now no date at all
        "R2.5",
        "H1.2.3.4",  # a section number, not 平成1年2月3日
        "version 2020.1.2.3",
        "1234/5/6",  # a separated date needs a year from 1800 to 2199
        "20201/5/6",
        "2020/5-6",  # one separator throughout
        "令和　６年　　５月　産業交通水道委員会（第３回）",  # a year and month only
        "令和　年　月　日",  # a form left blank
        "令和○年○月○日",
        "十一月十四日",  # no year: find_dates has it, parse_date does not
        "",
    ],
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_a_month_and_day_without_a_year() -> None:
    [found] = find_dates("十一月十四日（金曜日）")
    assert (found.has_year, found.date, found.problem) == (False, None, None)
    assert (found.year, found.month, found.day, found.weekday) == (None, 11, 14, "金")
    completed = found.with_year(1947)
    assert completed.date == dt.date(1947, 11, 14)
    assert completed.weekday_agrees is True
    assert completed.has_year is False  # the year was not printed
    assert found.with_year(1948).weekday_agrees is False
    assert find_dates("2月29日")[0].with_year(2023).problem == "2月29日 is no calendar date"
    assert find_dates("2月30日")[0].problem == "2月30日 is no calendar date"


def test_weekday_agreement() -> None:
    assert find_dates("令和5年4月12日（水）")[0].weekday_agrees is True
    assert find_dates("令和5年4月12日（木）")[0].weekday_agrees is False
    assert find_dates("令和5年4月12日")[0].weekday_agrees is None
    assert find_dates("令和5年4月12日（祝）")[0].weekday is None


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("平成26年5月26日~平成27年4月29日常任委員会記録", ["start", "end"]),
        ("令和5年4月1日から令和6年3月31日まで", ["start", "end"]),
        ("2020/5/1 - 2020/5/3", ["start", "end"]),
        ("4月1日（月）～4月5日（金）", ["start", "end"]),
        ("令和5年4月1日、令和6年3月31日", [None, None]),
        ("令和5年4月1日から施行", [None]),
        ("令和5年4月1日（土）10:00～令和5年4月2日", [None, None]),  # the ～ belongs to the time
    ],
)
def test_date_ranges(text: str, roles: list[str | None]) -> None:
    found = find_dates(text)
    assert [d.range_role for d in found] == roles
    assert [d.in_range for d in found] == [r is not None for r in roles]


def test_a_range_end_without_a_year_takes_the_start_year() -> None:
    _, end = find_dates("令和5年4月1日～5月31日")
    assert end.date == dt.date(2023, 5, 31)
    assert not end.has_year
    _, across = find_dates("令和5年12月28日～1月4日")
    assert across.date == dt.date(2024, 1, 4)


def test_find_dates_spans_and_order() -> None:
    text = "令和5年4月12日（水）午後1時開会。次回は5月10日、R5.6.1です。"
    found = find_dates(text)
    assert [d.raw for d in found] == ["令和5年4月12日（水）", "5月10日", "R5.6.1"]
    assert [d.has_year for d in found] == [True, False, True]
    for d in found:
        assert text[d.start : d.end] == d.raw
    time = found[0].time
    assert time is not None
    assert (time.start_time, time.end_time, time.raw) == ("13:00", None, "午後1時開会")
    assert text[time.start : time.end] == time.raw


def test_old_callers_keep_positional_date_match() -> None:
    """DateMatch(date, raw, start, end, problem) still builds; the new fields default."""
    match = DateMatch(dt.date(2020, 5, 8), "令和2年5月8日", 0, 9)
    assert match.problem is None
    assert match.has_year
    assert match.time is None
    assert match.range_role is None


# -- times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("午後零時十一分開議", "12:11"), ("午前十時三分開議", "10:03"), ("午後三時散会", "15:00"),
        ("午前１０時００分開会", "10:00"), ("（開始 13：30）", "13:30"), ("8:45", "08:45"),
        ("午後一時半", "13:30"), ("午前零時現在", "00:00"), ("開会", None), ("正午", "12:00"),
        ("十時", "10:00"), ("二十時", "20:00"), ("午後　１時００分　開会）", "13:00"),
        ("１３：３０", "13:30"), ("13 : 30", "13:30"),
        ("2時間", None), ("1時間30分", None), ("16時点", None), ("一時休憩", None),
        ("一時、他国に比べても", None), ("為替市場は一時一ドル百四十円台前半と", None),
        ("午後一時開会", "13:00"), ("一時三十分", "01:30"), ("一時～三時", "01:00"),
        ("25:99", None), ("123:45", None), ("12:345", None), ("午後13時", None), ("36時", None),
    ],
)  # fmt: skip
def test_parse_time(text: str, time: str | None) -> None:
    assert parse_time(text) == time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13：30～15：00", ("13:30", "15:00")),
        ("８：４５～８：５５", ("08:45", "08:55")),
        ("午後1時から午後3時まで", ("13:00", "15:00")),
        ("19:30-21:00", ("19:30", "21:00")),
        ("13:30－15:00", ("13:30", "15:00")),
        ("13:30ー15:00", ("13:30", "15:00")),
        ("17:01~18:16", ("17:01", "18:16")),
        ("13時〜15時", ("13:00", "15:00")),
        ("13:30 ～ 15:00", ("13:30", "15:00")),
        ("午後2時～4時", ("14:00", "16:00")),  # 午後 carries over
        ("午前10時～12時", ("10:00", "12:00")),
        ("午前11時～1時", ("11:00", "13:00")),  # a 12-hour clock runs on past noon
        ("正午～1時", ("12:00", "13:00")),
        ("午前10時～午後3時", ("10:00", "15:00")),
        ("22:00～1:00", ("22:00", "01:00")),  # a 24-hour clock is left alone
        ("10時開始 15時46分終了", ("10:00", "15:46")),
        ("午前10時開会、午後3時散会", ("10:00", "15:00")),
        ("開会 午前10時 閉会 午後3時", ("10:00", "15:00")),
        ("開始 13:30 終了 15:00", ("13:30", "15:00")),
        ("開始 13：30～終了 15：00", ("13:30", "15:00")),
        ("午後1時から会議を開き、午後3時まで続けた", ("13:00", "15:00")),
        ("9:00～", ("09:00", None)),
        ("10時00分(JST)〜", ("10:00", None)),
        ("15時46分終了", (None, "15:46")),
        ("午前１１時０４分散会", (None, "11:04")),
        ("午後２時１２分休憩", ("14:12", None)),
        ("午前10時", ("10:00", None)),
        ("十時", ("10:00", None)),
        ("正午", ("12:00", None)),
        ("なし", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_time_range(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_time_range(text) == expected


def test_find_times() -> None:
    text = "午前１０時開会、午後２時１２分休憩、午後２時３０分再開、9:00～10:00、正午"
    found = find_times(text)
    assert [(t.start_time, t.end_time) for t in found] == [
        ("10:00", None), ("14:12", None), ("14:30", None), ("09:00", "10:00"), ("12:00", None)
    ]  # fmt: skip
    for t in found:
        assert text[t.start : t.end] == t.raw
    assert [t.open_ended for t in find_times("9:00～／会議録なし")] == [True]
    assert find_times("9:00～／会議録なし")[0].raw == "9:00～"


# -- vocabulary -------------------------------------------------------------------------------


def test_era_names_are_the_eras() -> None:
    assert regex.findall(vocabulary.ERA_NAMES, "".join(e.name for e in ERAS)) == [
        e.name for e in ERAS
    ]
    assert set(dates.ERA_BY_LETTER.values()) == {e.name for e in ERAS}


@pytest.mark.parametrize(
    ("fragment", "matches", "misses"),
    [
        ("NUMBER", ["12", "１２", "二十六", "二〇二四", "廿二"], ["", "x", "元"]),
        ("KANJI_NUMBER", ["二十六", "千九百八十九", "九" * 50], ["12", "元"]),
        ("DIGITS", ["0", "１２", "2026"], ["二", "1.5"]),
        ("ERA_YEAR", ["元", "２", "二十二"], ["令和"]),
        ("ERA_NAMES", ["令和", "明治"], ["慶応"]),
        ("ERA_LETTERS", ["R", "Ｈ", "s"], ["A", "RR"]),
        ("WEEKDAY", ["（金）", "(水曜日)", "（木曜）", " (月・祝)", "（祝）", "水曜日"], ["金", "（祭）"]),
        ("CLOCK", ["13:30", "１３：３０", "午後１時17分", "午前十一時二十分", "十時", "午後一時半",
                   "正午", "午後　１時００分"], ["1時間", "13:3", "午後"]),
        ("RANGE_SEPARATOR", ["～", "〜", "~", "-", "－", "から", "より"], ["まで"]),
        ("COURSE_WORDS", ["開会", "開議", "散会", "閉会", "延会", "休憩", "再開", "休会", "閉議",
                          "開会・開議", "開始", "終了"], ["開催"]),
        ("OPENING_WORDS", ["開会", "開議", "開会・開議", "開始"], ["散会"]),
        ("CLOSING_WORDS", ["散会", "閉会", "延会", "閉議", "終了"], ["開会"]),
        ("KNUM", ["１０", "二十六", "1十"], ["元"]),
        ("NUM", ["１０", "二十六"], ["1十"]),
        ("START_WORDS", ["開始", "開会", "から"], ["終了"]),
        ("END_WORDS", ["終了", "散会", "まで"], ["開始"]),
        ("SPACES", ["", " ", "\u3000 \u3000"], ["\t", "\n"]),
        ("SP", [" ", "\u3000"], ["", "  "]),
    ],
)  # fmt: skip
def test_vocabulary_fragments(fragment: str, matches: list[str], misses: list[str]) -> None:
    pattern = getattr(vocabulary, fragment)
    for text in matches:
        assert regex.fullmatch(pattern, text), (fragment, text)
        # a fragment is one unit: it can be made optional, an alternative, or followed
        assert regex.fullmatch(rf"Y?{pattern}?X", text + "X"), (fragment, text)
        assert regex.fullmatch(rf"(?:Z|{pattern})X", text + "X"), (fragment, text)
    for text in misses:
        assert not regex.fullmatch(pattern, text), (fragment, text)


def test_date_fragments() -> None:
    for text in (
        "令和2(2020)年5月8日",
        "R2.5.8",
        "2020/5/8",
        "二〇二〇年五月八日",
        "令和 7年 2月14日",
    ):
        assert regex.fullmatch(dates.DATE, text), text
        assert regex.fullmatch(rf"(?P<date>{dates.DATE})X", text + "X")
    for text in ("十一月十四日", "2月10日"):
        assert regex.fullmatch(dates.MONTH_DAY, text)
        assert not regex.fullmatch(dates.DATE, text)
    assert "?P<" not in dates.DATE + dates.MONTH_DAY + vocabulary.CLOCK


def test_docstring_examples() -> None:
    for module in (dates, vocabulary):
        outcome = doctest.testmod(module)
        assert outcome.failed == 0, module.__name__
        assert outcome.attempted > 0


# -- robustness (issue 16) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "H9999999999.3.1",
        "令和一一一一一一一一一一一年1月1日",
        "平成３年" + "1" * 4301 + "月四日",
        "◯\n◇" + "九" * 4301,
        "第99999999999999999999回 審議会 議事録\n日時：令和2年5月8日\n座長 はい。",
    ],
)
def test_issue_16_reproducers_parse(text: str) -> None:
    """No OverflowError or ValueError through ``parse``, in every family; JSON serializes."""
    for family in (None, "committee", "diet", "summary", "assembly"):
        minutes = gijiroku.parse(text, format=family)
        minutes.to_json()
        number = minutes.meeting.number
        assert number is None or 0 <= number <= MAX_NUMBER


#: Long inputs of one repeated piece: digits, kanji numerals, spaces and the pieces of dates
#: and times. Every function must return (in linear time: see benchmarks/growth_dates.py).
LONG_PIECES = [
    "1", "１", "九", "十", " ", "\u3000", "令和 ", "令和1", "1年", "1年1月", "1月1日", "1/", "2020.",
    "2020-", "1:", "1時", "1時1分", "午後 ", "1:00～", "R1.", "令和1(", "令和1年1月1日~", "1月1日（",
    "1月1日\n", "開始 ", "一九八九年", "令和1年度", "1/1/1/", "1 時 ", "令和 一 年 二 月 三 日 午後 1 時 ～ ",
]  # fmt: skip


@pytest.mark.parametrize("piece", LONG_PIECES)
def test_long_inputs(piece: str) -> None:
    text = (piece * (100_000 // len(piece) + 1))[:100_000]
    for found in find_dates(text):
        assert text[found.start : found.end] == found.raw
    for time in find_times(text):
        assert text[time.start : time.end] == time.raw
    for year in find_years(text):
        assert text[year.start : year.end] == year.raw
    parse_date(text)
    parse_time(text)
    parse_time_range(text)
    value = parse_number(text)
    assert value is None or value <= MAX_NUMBER


# -- properties -------------------------------------------------------------------------------

#: Dates every form can print: from 明治6年 (the Gregorian calendar) to 2199.
GREGORIAN = st.dates(min_value=dt.date(1873, 1, 1), max_value=dt.date(2199, 12, 31))
ERA_FORMS = ["kanji", "digits", "full-width", "spaced", "western-in-parens", "letter-dots",
             "letter-slashes", "era-dots"]  # fmt: skip
WESTERN_FORMS = ["nen", "kanji", "full-width", "slashes", "dashes", "dots", "era-in-parens"]


def _spell_era(day: dt.date, form: str) -> str:
    era = next(e for e in reversed(ERAS) if e.start <= day)
    year = day.year - era.start.year + 1
    letter = {"明治": "M", "大正": "T", "昭和": "S", "平成": "H", "令和": "R"}[era.name]
    if form == "kanji":
        return f"{era.name}{_kanji(year) if year > 1 else '元'}年{_kanji(day.month)}月{_kanji(day.day)}日"
    if form == "digits":
        return f"{era.name}{year}年{day.month}月{day.day}日"
    if form == "full-width":
        return f"{era.name}{year}年{day.month}月{day.day}日".translate(FULL_WIDTH)
    if form == "spaced":
        return f"{era.name} {year:2d} 年 {day.month:2d} 月 {day.day:2d} 日"
    if form == "western-in-parens":
        return f"{era.name}{year}({day.year})年{day.month}月{day.day}日"
    if form == "letter-dots":
        return f"{letter}{year}.{day.month}.{day.day}"
    if form == "letter-slashes":
        return f"{letter}{year:02d}/{day.month:02d}/{day.day:02d}"
    assert form == "era-dots"
    return f"{era.name}{year}.{day.month}.{day.day}"


def _spell_western(day: dt.date, form: str) -> str:
    if form == "nen":
        return f"{day.year}年{day.month}月{day.day}日"
    if form == "kanji":
        year = "".join(KANJI[int(d)] for d in str(day.year))
        return f"{year}年{_kanji(day.month)}月{_kanji(day.day)}日"
    if form == "full-width":
        return f"{day.year}年{day.month}月{day.day}日".translate(FULL_WIDTH)
    if form == "slashes":
        return f"{day.year}/{day.month}/{day.day}"
    if form == "dashes":
        return day.isoformat()
    if form == "dots":
        return f"{day.year}.{day.month}.{day.day}"
    assert form == "era-in-parens"
    era = next(e for e in reversed(ERAS) if e.start <= day)
    era_year = day.year - era.start.year + 1
    return (
        f"{day.year}（{era.name}{'元' if era_year == 1 else era_year}）年{day.month}月{day.day}日"
    )


WEEKDAY_SUFFIXES = st.sampled_from(["", "（{w}）", "({w}曜日)", "（{w}曜）", " ({w})"])
CONTEXT = st.text(alphabet="会議録第回号の開催日時：　 、。議事委員長", max_size=6)


@given(GREGORIAN, st.sampled_from(ERA_FORMS + WESTERN_FORMS), WEEKDAY_SUFFIXES, CONTEXT, CONTEXT)
def test_every_printed_date_round_trips(
    day: dt.date, form: str, suffix: str, before: str, after: str
) -> None:
    if form in ERA_FORMS:
        era = next(e for e in reversed(ERAS) if e.start <= day)
        assume(form not in ("letter-dots", "letter-slashes") or day.year - era.start.year < 99)
        printed = _spell_era(day, form)
    else:
        assume(form not in ("slashes", "dashes", "dots") or day.year >= 1800)
        printed = _spell_western(day, form)
    printed += suffix.format(w="月火水木金土日"[day.weekday()])
    text = before + printed + after
    found = parse_date(text)
    assert found is not None, text
    assert found.date == day, (text, found)
    assert found.raw == printed
    assert found.start == len(before)
    assert found.weekday_agrees in (None, True)
    assert [d.date for d in find_dates(text)] == [day]


def _spell_time(minutes: int, style: str, *, twelve: bool) -> str:
    hour, minute = divmod(minutes, 60)
    if style == "colon":
        return f"{hour}:{minute:02d}"
    if style == "full-width":
        return f"{hour:02d}：{minute:02d}".translate(FULL_WIDTH)
    if style == "kanji":
        prefix = ("午後" if hour >= 12 else "午前") if twelve else ""
        h = hour - 12 if twelve and hour > 12 else hour
        spelled_hour = "零" if h == 0 else _kanji(h)
        return f"{prefix}{spelled_hour}時" + (f"{_kanji(minute)}分" if minute else "")
    assert style == "digits-ji"
    prefix = ("午後" if hour >= 12 else "午前") if twelve else ""
    h = hour - 12 if twelve and hour > 12 else hour
    return f"{prefix}{h}時{minute}分"


@given(
    st.integers(min_value=0, max_value=23 * 60 + 59),
    st.integers(min_value=1, max_value=12 * 60),
    st.sampled_from(["colon", "full-width", "kanji", "digits-ji"]),
    st.booleans(),
    st.sampled_from(["～", "〜", "~", "-", "－", " ～ ", "から", "開始 "]),
)
def test_every_printed_time_range_round_trips(
    start: int, length: int, style: str, twelve: bool, separator: str
) -> None:
    end = min(start + length, 23 * 60 + 59)
    assume(end > start)
    tail = "終了" if separator == "開始 " else ("まで" if separator == "から" else "")
    text = (
        _spell_time(start, style, twelve=twelve)
        + separator
        + _spell_time(end, style, twelve=twelve)
        + tail
    )
    expected = (f"{start // 60:02d}:{start % 60:02d}", f"{end // 60:02d}:{end % 60:02d}")
    assert parse_time_range(text) == expected, text


@given(st.integers(min_value=13, max_value=23), st.integers(min_value=1, max_value=11))
def test_the_afternoon_carries_over(start_hour: int, length: int) -> None:
    end_hour = min(start_hour + length, 23)
    assume(end_hour > start_hour)
    text = f"午後{start_hour - 12}時～{end_hour - 12}時"
    assert parse_time_range(text) == (f"{start_hour:02d}:00", f"{end_hour:02d}:00")


DATE_PIECES = [
    *"0123456789０１２３〇一二三九十百千万元年月日時分半:：/.-～~（）()金曜 \u3000\nRHTx",
    "令和", "平成", "昭和", "明治", "午前", "午後", "正午", "開始", "終了", "から", "まで", "散会",
    "開会", "間", "祝",
]  # fmt: skip


@given(st.lists(st.sampled_from(DATE_PIECES), max_size=40).map("".join))
def test_date_like_text_never_raises_and_stays_in_bounds(text: str) -> None:
    _check_bounds(text)


@given(st.text(max_size=80))
def test_random_text_never_raises_and_stays_in_bounds(text: str) -> None:
    _check_bounds(text)


def _check_bounds(text: str) -> None:
    previous_end = 0
    for found in find_dates(text):
        assert previous_end <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.raw
        previous_end = found.end
        if found.date is not None:
            assert found.problem is None
            assert found.has_year or found.range_role == "end"
            assert (found.date.year, found.date.month, found.date.day) == (
                found.year, found.month, found.day,
            )  # fmt: skip
        if found.time is not None:
            assert found.end <= found.time.start < found.time.end <= len(text)
    for time in find_times(text):
        assert 0 <= time.start < time.end <= len(text)
        assert text[time.start : time.end] == time.raw
        for value in (time.start_time, time.end_time):
            assert value is None or regex.fullmatch(
                r"(?:[01][0-9]|2[0-9]|3[0-5]):[0-5][0-9]", value
            )
    start, end = parse_time_range(text)
    assert start is None or len(start) == 5
    assert end is None or len(end) == 5
    first = parse_date(text)
    assert first is None or first.has_year
    number = parse_number(text)
    assert number is None or 0 <= number <= MAX_NUMBER


def test_the_match_record_is_frozen() -> None:
    found = parse_date("令和2年5月8日")
    assert found is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.date = None  # type: ignore[misc]


def test_readme_dates_session_runs() -> None:
    """The example session in README's "Dates, times and numbers" is true."""
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Dates, times and numbers") :]
    session = section[section.index("```python") + len("```python") : section.index("```\n", 20)]
    test = doctest.DocTestParser().get_doctest(session, {}, "README dates", "README.md", 0)
    runner = doctest.DocTestRunner()
    outcome = runner.run(test)
    assert outcome.attempted == 8
    assert outcome.failed == 0


def test_a_huge_meeting_number_never_reaches_pandas() -> None:
    """issue 16: 第99999999999999999999回 gave an int that to_pandas() could not hold."""
    pytest.importorskip("pandas")
    minutes = gijiroku.parse(
        "第99999999999999999999回 審議会 議事録\n日時：令和2年5月8日\n座長 はい。"
    )
    assert minutes.meeting.number is None
    assert "第99999999999999999999回" in (minutes.meeting.title or "")  # kept as printed
    assert len(minutes.to_pandas()) == len(minutes.utterances)
