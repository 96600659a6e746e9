"""Japanese numerals, era dates and times: table-driven, plus properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gijiroku.dates import ERAS, parse_date, parse_number, parse_time, parse_time_range

KANJI = "〇一二三四五六七八九"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0), ("12", 12), ("１２", 12), ("〇", 0), ("一", 1), ("十", 10), ("十一", 11),
        ("二十", 20), ("二十六", 26), ("九十九", 99), ("百", 100), ("百十三", 113),
        ("二百十二", 212), ("千九百八十九", 1989), ("二〇二四", 2024), ("一九八九", 1989),
        ("元", 1), ("三万", 30000), ("", None), ("x", None), ("十x", None),
    ],
)  # fmt: skip
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


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
        ("開催日：令和 7年 2月14日", "2025-02-14", "令和 7年 2月14日"),
        ("R6.2.22", "2024-02-22", "R6.2.22"),
        ("2025年12月8日(月)", "2025-12-08", "2025年12月8日(月)"),
        ("二〇二四年八月二十三日", "2024-08-23", "二〇二四年八月二十三日"),
        ("2016/02/08", "2016-02-08", "2016/02/08"),
    ],
)
def test_parse_date(text: str, iso: str, raw: str) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.date == dt.date.fromisoformat(iso)
    assert found.raw == raw


@pytest.mark.parametrize(
    "text",
    [
        "平成31年5月1日",  # 平成 ended on 2019-04-30
        "令和元年4月30日",  # 令和 began on 2019-05-01
        "昭和64年1月8日",  # 昭和 ended on 1989-01-07
        "令和5年2月30日",  # no such day
        "令和5年13月1日",
    ],
)
def test_impossible_dates_are_reported_not_guessed(text: str) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.date is None
    assert found.problem


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("午後零時十一分開議", "12:11"), ("午前十時三分開議", "10:03"), ("午後三時散会", "15:00"),
        ("午前１０時００分開会", "10:00"), ("（開始 13：30）", "13:30"), ("8:45", "08:45"),
        ("午後一時半", "13:30"), ("午前零時現在", "00:00"), ("開会", None),
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
        ("午前10時", ("10:00", None)),
        ("なし", (None, None)),
    ],
)
def test_parse_time_range(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_time_range(text) == expected


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


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(
    st.dates(min_value=dt.date(1868, 1, 25), max_value=dt.date(2100, 12, 31)),
    st.sampled_from(["kanji", "digits", "full-width"]),
)
def test_every_era_date_round_trips(day: dt.date, style: str) -> None:
    era = next(e for e in reversed(ERAS) if e.start <= day)
    year = day.year - era.start.year + 1
    if style == "kanji":
        spelled = f"{_kanji(year) if year > 1 else '元'}年{_kanji(day.month)}月{_kanji(day.day)}日"
    else:
        spelled = f"{year}年{day.month}月{day.day}日"
        if style == "full-width":
            spelled = spelled.translate(FULL_WIDTH)
    found = parse_date(era.name + spelled)
    assert found is not None
    assert found.date == day
    western = parse_date(f"{day.year}年{day.month}月{day.day}日")
    assert western is not None
    assert western.date == day
