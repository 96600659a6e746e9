"""Dates a reader finds in minutes of publishers gijiroku had not seen (docs/survey/REPORT.md §2.6,
§2.7): a month and day completed from the 年度 the header prints, a date in the title's
bracket, date keys the vocabulary lacked, and the one date of the header taken when nothing
else gives one. Real lines are quoted from ``tests/data/unseen/`` (origins in its
README); each rule has its near misses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku.dates import (
    FISCAL_YEAR_START_MONTH,
    bracket_around,
    date_note,
    find_dates,
    find_years,
    parse_date,
)
from gijiroku.formats.base import header_field_name
from gijiroku.meeting import HEADER_CHARS, read_title

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
FAMILIES = ["committee", "diet", "summary", "assembly", "generic"]
SPEECH = "○委員長　ただいまから委員会を開会いたします。"


def _unseen(name: str) -> gijiroku.Minutes:
    """A file of tests/data/unseen, parsed with a source name that holds no date."""
    return gijiroku.parse((UNSEEN / name).read_text(encoding="utf-8"), source_name="minutes.txt")


def _parse(*lines: str, family: str | None = None) -> gijiroku.Minutes:
    return gijiroku.parse("\n".join(lines) + "\n", format=family, source_name="minutes.txt")


def _codes(minutes: gijiroku.Minutes) -> dict[str, gijiroku.Diagnostic]:
    return {d.code: d for d in minutes.diagnostics}


# -- the files: what a reader finds ---------------------------------------------------------

#: file → (title, number, date, date_raw, start, end, venue), as a reader reads them.
FILES = {
    # 平成29年度 総務委員会 / 第6回委員会 (8月18日): August of 平成29年度 is in 2017
    "01-ishioka-somu-2017-08-18.txt": (
        "平成29年度 総務委員会", 6, "2017-08-18", "8月18日", None, None, None
    ),
    # 〇招集日時 平成25年12月12日 午前10時 / 〇招集場所 見附市議会委員会室
    "09-mitsuke-somubunkyo-2013-12-12.txt": (
        "見附市議会総務文教委員会会議録", None, "2013-12-12", "平成25年12月12日", "10:00", None,
        "見附市議会委員会室",
    ),
    # 第15回定例会議(令和7年3月7日開催): the bracket goes, the date stays in date_raw;
    # <開会> / 10時30分, <閉会> / 11時45分, <会議場所> / 教育委員室: keys in angle brackets
    "11-nara-kyoiku-2025-03-07.txt": (
        "第15回定例会議", 15, "2025-03-07", "令和7年3月7日", "10:30", "11:45", "教育委員室"
    ),
    # 開会の日時 / 平成28年3月23日(水) / 午後2時00分 … 閉会の日時 / … / 午後4時30分
    "13-fukuchiyama-kyoiku-2016-03-23.txt": (
        "教育委員会会議録", None, "2016-03-23", "平成28年3月23日", "14:00", "16:30", None
    ),
    # …第12回定例会会議録(平成27年1月8日開催) and 2.開催日時 平成27年1月8日(木曜日) 午前9時30分から…
    "14-nabari-kyoiku-2015-01-08.txt": (
        "平成26年度名張市教育委員会第12回定例会会議録", 12, "2015-01-08",
        "平成27年1月8日(木曜日)", "09:30", "11:30", "名張市役所3階 議会棟 第1委員会室",
    ),
    # 令和6年度 第1回 狛江市子ども・若者・子育て会議(令和6年4月19日開催)
    "24-komae-kodomo-2024-04-19.txt": (
        "令和6年度 第1回 狛江市子ども・若者・子育て会議", 1, "2024-04-19",
        "令和6年4月19日(金曜日)", "18:30", "20:30", "防災センター402・403会議室",
    ),
    # 令和 4年第5回臨時会(第1号 7月25日): 7月25日 of 令和4年
    "27-koryo-rinji-2022-07-25.txt": (
        "令和4年第5回臨時会(第1号7月25日)", 1, "2022-07-25", "7月25日", None, None, None
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_dates_a_reader_finds(name: str) -> None:
    title, number, date, date_raw, start, end, venue = FILES[name]
    minutes = _unseen(name)
    meeting = minutes.meeting
    assert (meeting.title, meeting.number) == (title, number)
    assert meeting.date == dt.date.fromisoformat(date)
    assert meeting.date_raw == date_raw
    assert (meeting.start_time, meeting.end_time, meeting.venue) == (start, end, venue)
    codes = _codes(minutes)
    assert "no-date" not in codes
    assert "date-guessed" not in codes
    assert minutes.unaccounted((UNSEEN / name).read_text(encoding="utf-8")) == []


# -- 1. a month and day in the 年度 the header prints ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成29年度 総務委員会", [("平成29年度", 2017, True, False)]),
        ("令和 4年第5回臨時会(第1号 7月25日)", [("令和 4年", 2022, False, False)]),
        ("令和元年度 第1回 審議会", [("令和元年度", 2019, True, False)]),
        ("2017年度", [("2017年度", 2017, True, False)]),
        ("R5年度", [("R5年度", 2023, True, False)]),
        ("令和2(2020)年度", [("令和2(2020)年度", 2020, True, False)]),
        ("令和4年12月定例会", [("令和4年", 2022, False, False)]),
        (
            "平成29年度～平成30年度 計画策定委員会",
            [("平成29年度", 2017, True, True), ("平成30年度", 2018, True, True)],
        ),
        # near misses: the year of a full date, era and Western years that disagree
        ("令和4年7月25日", []),
        ("平成 28 年 5 月 17 日 ( 火 )", []),
        ("令和2(2021)年度", []),
        ("第4年", []),
    ],
)
def test_find_years(text: str, expected: list[tuple[str, int, bool, bool]]) -> None:
    assert [(y.raw, y.year, y.fiscal, y.in_range) for y in find_years(text)] == expected


@pytest.mark.parametrize(
    ("month_day", "fiscal_year", "iso"),
    [
        ("8月18日", 2017, "2017-08-18"),  # 01: 第6回委員会 (8月18日) of 平成29年度
        ("4月1日", 2017, "2017-04-01"),  # the 年度's first day
        ("12月31日", 2017, "2017-12-31"),
        ("1月1日", 2017, "2018-01-01"),  # January to March: the next calendar year
        ("3月31日", 2017, "2018-03-31"),  # the 年度's last day
        ("2月29日", 2023, "2024-02-29"),  # 令和5年度 holds 29 February 2024
    ],
)
def test_a_month_and_day_in_a_fiscal_year(month_day: str, fiscal_year: int, iso: str) -> None:
    [found] = find_dates(month_day)
    completed = found.with_year(fiscal_year, fiscal=True)
    assert completed.date == dt.date.fromisoformat(iso)
    assert completed.has_year is False  # completed, not printed


def test_a_day_the_fiscal_year_does_not_hold() -> None:
    [found] = find_dates("2月29日")
    completed = found.with_year(2022, fiscal=True)  # 令和4年度 ends in March 2023
    assert completed.date is None
    assert completed.problem == "2月29日 is no calendar date"


@given(
    st.integers(min_value=1873, max_value=9998),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=31),
)
def test_the_fiscal_year_rule(fiscal_year: int, month: int, day: int) -> None:
    """Any 年度 Y and month M: year Y for M ≥ 4, Y + 1 for M ≤ 3; never outside the 年度."""
    [found] = find_dates(f"{month}月{day}日")
    completed = found.with_year(fiscal_year, fiscal=True)
    expected_year = fiscal_year if month >= FISCAL_YEAR_START_MONTH else fiscal_year + 1
    assert completed.year == expected_year
    if completed.date is not None:
        assert (completed.date.year, completed.date.month, completed.date.day) == (
            expected_year,
            month,
            day,
        )
        assert dt.date(fiscal_year, 4, 1) <= completed.date <= dt.date(fiscal_year + 1, 3, 31)
    else:  # 31 April, 29 February of a common year: no such day, said so
        assert completed.problem is not None


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=12))
def test_a_printed_fiscal_year_completes_the_date_field(era_year: int, month: int) -> None:
    """The same rule through a parse: 令和N年度 in the title, 日時 M月10日 below."""
    minutes = _parse(f"令和{era_year}年度 第1回 審議会", f"日時 {month}月10日 午後2時", SPEECH)
    fiscal_year = 2018 + era_year
    expected = dt.date(fiscal_year + (month < FISCAL_YEAR_START_MONTH), month, 10)
    assert minutes.meeting.date == expected
    assert dt.date(fiscal_year, 4, 1) <= expected <= dt.date(fiscal_year + 1, 3, 31)


@pytest.mark.parametrize(
    ("lines", "iso"),
    [
        # the 年度 in the title, the month and day in a date field
        (("令和5年度 第3回 教育委員会", "日時 2月14日（水） 午後2時", SPEECH), "2024-02-14"),
        (("令和5年度 第3回 教育委員会", "日時 8月18日 午後2時", SPEECH), "2023-08-18"),
        # the 年度 on a line of its own above a title with the day in its bracket (01)
        (("平成29年度 総務委員会", "", " 第6回委員会 (8月18日)", SPEECH), "2017-08-18"),
        (("平成29年度 総務委員会", "", " 第6回委員会 (2月9日)", SPEECH), "2018-02-09"),
        # a calendar year: 令和4年 is 2022 whatever the month
        (("令和 4年第5回臨時会(第1号 2月25日)", SPEECH), "2022-02-25"),
        # a line that is no date field leaves the 年度 to complete the day
        (("令和5年度 審議会", "選任 令和6年12月1日", "日時 1月5日", SPEECH), "2024-01-05"),
        # a date field's year above wins: the 1947 Diet's rule (十二月… then 一月…)
        (
            ("第1回国会", "昭和二十二年十二月一日選任", "一月五日（月曜日）午前十時開会", SPEECH),
            "1948-01-05",
        ),
    ],
)
def test_a_printed_year_completes_a_month_and_day(lines: tuple[str, ...], iso: str) -> None:
    minutes = _parse(*lines)
    assert minutes.meeting.date == dt.date.fromisoformat(iso)
    assert "no-date" not in _codes(minutes)


@pytest.mark.parametrize(
    "lines",
    [
        # the 年度 of a budget or a settlement is the subject's, not the sitting's
        ("令和5年度予算特別委員会", "日時 3月10日 午前10時", SPEECH),
        ("令和4年度 一般会計決算審査特別委員会", "日時 9月12日 午前10時", SPEECH),
        # a range of 年度 names a plan's period
        ("平成29年度～平成30年度 計画策定委員会", "日時 8月18日 午後2時", SPEECH),
        # the year in a sentence of the body is never the header's
        (
            "総務委員会会議録",
            "日時 2月14日 午後2時",
            "○委員長　令和5年度の事業について説明します。",
        ),
        # a year in the middle of a line that is no title
        ("総務委員会会議録", "議事 令和5年度事業報告", "日時 2月14日 午後2時", SPEECH),
    ],
)
def test_years_that_complete_nothing(lines: tuple[str, ...]) -> None:
    minutes = _parse(*lines)
    assert minutes.meeting.date is None
    assert "no-date" in _codes(minutes)


def test_a_title_day_without_a_year_stays_as_printed() -> None:
    """第6回委員会 (8月18日) with no year anywhere: no date, the day kept in date_raw."""
    minutes = _parse("第6回委員会 (8月18日)", SPEECH)
    assert minutes.meeting.title == "第6回委員会"
    assert minutes.meeting.date is None
    assert minutes.meeting.date_raw == "8月18日"
    assert "no-date" in _codes(minutes)


# -- 2. a date in the title's bracket ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "name", "iso", "raw", "body"),
    [
        ("第15回定例会議(令和7年3月7日開催)", "第15回定例会議", "2025-03-07", "令和7年3月7日", None),
        (
            "平成26年度名張市教育委員会第12回定例会会議録(平成27年1月8日開催)",
            "平成26年度名張市教育委員会第12回定例会会議録", "2015-01-08", "平成27年1月8日",
            "名張市教育委員会 定例会",
        ),
        (
            "令和6年度 第1回 狛江市子ども・若者・子育て会議(令和6年4月19日開催)",
            "令和6年度 第1回 狛江市子ども・若者・子育て会議", "2024-04-19", "令和6年4月19日",
            "狛江市子ども・若者・子育て会議",
        ),
        ("第3回会議（令和5年3月1日（水）開会）", "第3回会議", "2023-03-01", "令和5年3月1日（水）", "会議"),
        ("第3回会議(令和5年3月1日 於 第1委員会室)", "第3回会議", "2023-03-01", "令和5年3月1日", "会議"),
        ("第3回会議（令和5年3月1日）", "第3回会議", "2023-03-01", "令和5年3月1日", "会議"),
        # beside the title, outside brackets: the date goes, as before
        ("2001年12月7日 総務委員会", "総務委員会", "2001-12-07", "2001年12月7日", "総務委員会"),
        # near misses: a bracket that holds more than the date keeps it
        (
            "第3回会議（第2号 令和5年3月1日）", "第3回会議（第2号 令和5年3月1日）",
            "2023-03-01", "令和5年3月1日", "会議",
        ),
        ("令和7年第1回定例会（第1日2月14日）", "令和7年第1回定例会（第1日2月14日）", None, None, None),
        # a month and day outside a bracket stays in the title
        ("12月8日 本会議", "12月8日 本会議", None, None, "12月8日 本会議"),
    ],
)  # fmt: skip
def test_the_date_note_leaves_the_title(
    title: str, name: str, iso: str | None, raw: str | None, body: str | None
) -> None:
    values = read_title(title)
    assert values["title"] == name
    assert values.get("date") == (dt.date.fromisoformat(iso) if iso else None)
    assert values.get("date_raw") == raw
    assert values["body"] == body


def test_bracket_helpers() -> None:
    text = "第15回定例会議(令和7年3月7日開催)"
    found = parse_date(text)
    assert found is not None
    assert bracket_around(text, found.start, found.end) == (8, len(text))
    assert date_note(text, found) == (8, len(text))
    mixed = "定例会（第1日2月14日）"
    [day] = find_dates(mixed)
    assert bracket_around(mixed, day.start, day.end) == (3, len(mixed))
    assert date_note(mixed, day) is None
    outside = "2001年12月7日(金) 総務委員会"
    dated = parse_date(outside)
    assert dated is not None
    assert bracket_around(outside, dated.start, dated.end) is None


# -- 3. date keys the vocabulary lacked ------------------------------------------------------

#: (line, key, name, date, start, end, venue); the line under the title ``総務委員会会議録``.
KEY_LINES = [
    ("〇招集日時 平成25年12月12日 午前10時", "招集日時", "datetime", "2013-12-12", "10:00", None, None),
    ("○招集日時　平成25年12月12日　午前10時", "招集日時", "datetime", "2013-12-12", "10:00", None, None),
    ("1.招集日時：令和5年3月1日 午前10時", "招集日時", "datetime", "2023-03-01", "10:00", None, None),
    ("〇招集場所 見附市議会委員会室", "招集場所", "venue", None, None, None, "見附市議会委員会室"),
    ("開会日 平成25年6月28日(金)", "開会日", "date", "2013-06-28", None, None, None),
    ("○開会日 平成25年6月28日(金)", "開会日", "date", "2013-06-28", None, None, None),
    ("開会の日時 令和5年3月1日 午前10時", "開会の日時", "datetime", "2023-03-01", "10:00", None, None),
    ("閉会の日時 令和5年3月1日 午後3時", "閉会の日時", "datetime", "2023-03-01", None, "15:00", None),
    ("開催年月日 令和5年3月1日", "開催年月日", "date", "2023-03-01", None, None, None),
    ("開 催 年 月 日　令和5年3月1日", "開催年月日", "date", "2023-03-01", None, None, None),
    ("開催年　月　日：令和5年3月1日", "開催年月日", "date", "2023-03-01", None, None, None),
]  # fmt: skip


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("row", KEY_LINES, ids=[row[0] for row in KEY_LINES])
def test_date_keys_in_every_family(family: str, row: tuple[str | None, ...]) -> None:
    line, key, name, date, start, end, venue = row
    assert line is not None
    minutes = _parse("総務委員会会議録", line, SPEECH, family=family)
    [field] = [f for f in minutes.header if f.span.line_start == 2]
    assert (field.key, field.name) == (key, name)
    meeting = minutes.meeting
    assert meeting.date == (dt.date.fromisoformat(date) if date else None)
    assert (meeting.start_time, meeting.end_time, meeting.venue) == (start, end, venue)


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("招集日時", "datetime"),
        ("招集場所", "venue"),
        ("開会日", "date"),
        ("開会の日時", "datetime"),
        ("閉会の日時", "datetime"),
        ("閉会日時", "datetime"),
        ("開 催 年 月 日", "date"),
        ("開会", "datetime"),  # only before a colon or in angle brackets (<開会>): an agenda's
        ("閉会", "datetime"),  # １．開　会 is an item (test_an_agenda_item_opening_is_no_key)
        # near misses: not keys
        ("招集", None),
        ("招集日時について", None),
    ],
)
def test_the_key_vocabulary(key: str, name: str | None) -> None:
    found = header_field_name(key)
    assert (found.value if found is not None else None) == name


def test_a_key_of_the_close_printed_alone() -> None:
    """閉会の日時 with its value on the lines below (13): the time there is the end time."""
    minutes = _parse(
        "教育委員会会議録",
        "開会の日時",
        "平成28年3月23日(水)",
        "午後2時00分",
        "閉会の日時",
        "平成28年3月23日(水)",
        "午後4時30分",
        SPEECH,
        family="generic",
    )
    meeting = minutes.meeting
    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        dt.date(2016, 3, 23),
        "14:00",
        "16:30",
    )


def test_the_close_never_gives_the_start() -> None:
    """閉会の日時 printed before the opening's key: its time is still the end."""
    minutes = _parse(
        "総務委員会会議録",
        "閉会の日時 令和5年3月1日 午後3時",
        "開会の日時 令和5年3月1日 午前10時",
        SPEECH,
    )
    meeting = minutes.meeting
    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        dt.date(2023, 3, 1),
        "10:00",
        "15:00",
    )


# -- 4. the one date of the header, guessed ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso", "raw", "line"),
    [
        # 第 3 回総会議事録 1 開催日時平成 28 年 5 月 17 日 ( 火 ) 午後 2 時 30 分から… (flattened)
        ("18-shizuoka-nogyo-2016-05-17.txt", "2016-05-17", "平成 28 年 5 月 17 日 ( 火 )", 3),
        # 平成27年第6回五戸町農業委員会総会議事録 1.開催日時 2.開催場所 … 平成27年5月20日(月)…
        ("19-gonohe-nogyo-2015-05-20.txt", "2015-05-20", "平成27年5月20日(月)", 1),
    ],
)  # fmt: skip
def test_the_only_date_of_the_header_is_guessed(name: str, iso: str, raw: str, line: int) -> None:
    minutes = _unseen(name)
    assert minutes.meeting.date == dt.date.fromisoformat(iso)
    assert minutes.meeting.date_raw == raw
    codes = _codes(minutes)
    assert "no-date" not in codes
    guessed = codes["date-guessed"]
    assert guessed.severity == "info"
    assert guessed.span is not None
    assert guessed.span.line_start == line
    assert guessed.message.startswith(f"line {line}: ")
    assert raw in guessed.message


def test_a_box_table_key_gives_the_date() -> None:
    """│日    時│平成25年10月29日(火)        │: a key in a table drawn with box characters is
    a key (the date is read, not guessed); the title loses the table's borders."""
    minutes = _unseen("10-ageo-gikaikaikaku-2013-10-29.txt")
    assert minutes.meeting.date == dt.date(2013, 10, 29)
    assert "date-guessed" not in _codes(minutes)
    assert minutes.meeting.title == "第16回 議会改革特別委員会"


def test_a_page_date_is_no_meeting_date() -> None:
    """25: 更新日:2013年3月1日 is when the page changed; the excerpt prints no sitting date."""
    minutes = _unseen("25-nagasaki-kukaku-2010.txt")
    assert minutes.meeting.date is None
    codes = _codes(minutes)
    assert "no-date" in codes
    assert "date-guessed" not in codes


@pytest.mark.parametrize(
    "lines",
    [
        ("第3回 審議会", "最終取得日: 2023-04-24", "委員名簿（令和5年4月1日現在）", SPEECH),
        ("第3回 審議会", "令和5年4月1日～令和6年3月31日の計画", SPEECH),
        ("第3回 審議会", "出席委員（令和5年4月1日現在）", "山田委員、佐藤委員", SPEECH),
        ("第3回 審議会", SPEECH, "令和5年3月1日に閣議決定されたものです。"),
    ],
)
def test_dates_that_are_never_guessed(lines: tuple[str, ...]) -> None:
    """A page's date, a range, a roster's date, a date in the body: none is the sitting's."""
    minutes = _parse(*lines)
    assert minutes.meeting.date is None
    codes = _codes(minutes)
    assert "no-date" in codes
    assert "date-guessed" not in codes


def test_two_dates_in_the_header_give_none() -> None:
    minutes = _parse("第3回 審議会", "諮問 令和5年2月1日付け", "答申 令和5年3月1日", SPEECH)
    assert minutes.meeting.date is None
    codes = _codes(minutes)
    assert "no-date" in codes
    assert "date-guessed" not in codes
    listed = codes["date-not-guessed"]
    assert listed.severity == "info"
    assert "2 different dates" in listed.message
    assert "令和5年2月1日 (line 2)" in listed.message
    assert "令和5年3月1日 (line 3)" in listed.message


def test_a_guess_agrees_with_the_day_the_title_prints() -> None:
    agrees = _parse("第6回委員会 (8月18日)", "広報 第5号 令和5年8月18日", SPEECH)
    assert agrees.meeting.date == dt.date(2023, 8, 18)
    assert "date-guessed" in _codes(agrees)
    disagrees = _parse("第6回委員会 (8月18日)", "広報 第5号 令和5年9月1日", SPEECH)
    assert disagrees.meeting.date is None
    assert "8月18日" in _codes(disagrees)["date-not-guessed"].message


def test_a_date_far_into_the_header_is_not_guessed() -> None:
    """The same header line is guessed near the top and not beyond HEADER_CHARS characters."""
    for pieces, guessed in ((10, True), (HEADER_CHARS // 5, False)):
        filler = "　".join(["資料の説明"] * pieces)
        minutes = _parse("第3回 審議会", filler, "答申 令和5年3月1日")
        assert (minutes.meeting.date is not None) is guessed
        assert ("date-guessed" in _codes(minutes)) is guessed


def test_a_date_key_is_never_a_guess() -> None:
    minutes = _parse(
        "第3回 審議会", "日時 令和5年3月1日 午前10時", "諮問 令和5年2月1日付け", SPEECH
    )
    assert minutes.meeting.date == dt.date(2023, 3, 1)
    codes = _codes(minutes)
    assert "date-guessed" not in codes
    assert "date-not-guessed" not in codes


#: 01's first lines: the publisher's address, before any title (the first-line rule passes).
ADDRESS = ("〒315-8640", "茨城県石岡市石岡一丁目1番地1")


@pytest.mark.parametrize(
    ("lines", "titles"),
    [
        # 01: below the publisher's address, the 年度 line, then the sitting's line with its
        # day in a bracket
        ((*ADDRESS, "平成29年度 総務委員会", "第6回委員会 (8月18日)"), [False, False, True, True]),
        # 05: a year with the meeting's ordinal after it
        ((*ADDRESS, "平成20年第14回 議会運営委員会"), [False, False, True]),
        ((*ADDRESS, "第6回委員会（8月18日開催）"), [False, False, True]),
        # near misses: a calendar year alone before the name (a search site's heading), a
        # bracket that holds more than the day, no body's name, a sitting's line that is not
        # right under the title, an agenda item
        ((*ADDRESS, "平成20年  議会運営委員会"), [False, False, False]),
        ((*ADDRESS, "第6回委員会 (第2号 8月18日)"), [False, False, False]),
        ((*ADDRESS, "令和5年度 予算の執行について"), [False, False, False]),
        (
            ("総務委員会会議録", "日時 令和5年8月18日", "第6回委員会 (8月18日)"),
            [True, False, False],
        ),
        (("総務委員会会議録", "議題", "第6回委員会 (8月18日)"), [True, False, False]),
    ],
)
def test_title_lines_with_a_year_or_a_day(lines: tuple[str, ...], titles: list[bool]) -> None:
    blocks = gijiroku.tokenize("\n".join(lines) + "\n", format="generic")
    found = [
        isinstance(b.meta, gijiroku.blocks.HeaderMeta)
        and b.meta.name is gijiroku.blocks.HeaderName.TITLE
        for b in blocks
    ]
    assert found == titles


def test_an_agenda_item_opening_is_no_key() -> None:
    """開会 and 閉会 are keys only before a colon or in angle brackets; in a 議事次第 they are
    items (１．開　会, ３．閉　会), and the times under <閉会> are the end time."""
    text = "第４回推進会議 議事録\n３ 議事次第\n１．開　会\n２．議　事\n３．閉　会\n"
    blocks = gijiroku.tokenize(text, format="committee")
    assert [b.rule for b in blocks][2:] == ["agenda-item"] * 3
    m = gijiroku.parse("第15回定例会議\n<開会>\n令和7年3月7日\n10時30分\n<閉会>\n11時45分\n")
    assert (m.meeting.start_time, m.meeting.end_time) == ("10:30", "11:45")
