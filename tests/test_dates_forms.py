"""What dates and times real lines of minutes become: one row per line, citing its source.

Sources are the project's samples (``samples/`` and the shared collection they come from:
``path:line``) and the lines quoted in issue 11 from minutes of other publishers. Each row
gives every date :func:`find_dates` finds — raw, ISO date (None: none or no year), whether
a year is printed, its role in a range, the time printed after it — and
:func:`parse_time_range` of the whole line.
"""

from __future__ import annotations

import pytest

from gijiroku.dates import find_dates, parse_time_range

Found = tuple[str, str | None, bool, str | None, tuple[str | None, str | None] | None]

LINES: list[tuple[str, str, list[Found], tuple[str | None, str | None]]] = [
    (
        "assembly/shinagawa-somu-2001-12-07.txt:1",
        "2001年12月7日 総務委員会",
        [("2001年12月7日", "2001-12-07", True, None, None)],
        (None, None),
    ),
    (
        "issue 11 (a prefectural committee)",
        "1 開催月日      平成18年1月25日",
        [("平成18年1月25日", "2006-01-25", True, None, None)],
        (None, None),
    ),
    (
        "council/mhlw-shakaihosho-21-2011-02-10.txt:2",
        "2011年2月10日 第21回社会保障審議会議事録",
        [("2011年2月10日", "2011-02-10", True, None, None)],
        (None, None),
    ),
    (
        "council/mhlw-shakaihosho-21-2011-02-10.txt:4-5",
        "○日時\n平成23年2月10日(木)17:01~18:16",
        [("平成23年2月10日(木)", "2011-02-10", True, None, ("17:01", "18:16"))],
        ("17:01", "18:16"),
    ),
    (
        "notes/kodaira-kanjicho-2020-05-08.md:3",
        "令和2(2020)年5月8日（金）9:00～／会議録なし",
        [("令和2(2020)年5月8日（金）", "2020-05-08", True, None, ("09:00", None))],
        ("09:00", None),
    ),
    (
        "notes/kumamoto-machinami-rijikai-40-2020-05-02.txt:4",
        "□ 日 時 2020年5月2日19:00-20:00",
        [("2020年5月2日", "2020-05-02", True, None, ("19:00", "20:00"))],
        ("19:00", "20:00"),
    ),
    (
        "issue 11 (a town council)",
        "１  日  時    令和元年７月26日（金）14：00～15：56",
        [("令和元年７月26日（金）", "2019-07-26", True, None, ("14:00", "15:56"))],
        ("14:00", "15:56"),
    ),
    (
        "assembly/gunma-bunkyo-keisatsu-2015-03-04.txt:2",
        "現在の位置 議会トップページ > 委員会活動 > 平成26年5月26日~平成27年4月29日常任委員会記録 > 文教警察常任委員会(教育委員会関係) 平成27年3月4日(水曜日)",
        [
            ("平成26年5月26日", "2014-05-26", True, "start", None),
            ("平成27年4月29日", "2015-04-29", True, "end", None),
            ("平成27年3月4日(水曜日)", "2015-03-04", True, None, None),
        ],
        (None, None),
    ),
    (
        "assembly/gunma-bunkyo-keisatsu-2015-03-04.txt:10",
        "平成27年3月4日(水曜日)10時開始 15時46分終了",
        [("平成27年3月4日(水曜日)", "2015-03-04", True, None, ("10:00", "15:46"))],
        ("10:00", "15:46"),
    ),
    (
        "issue 11 (a 1947 Diet record)",
        "昭和二十二年十一月十三日",
        [("昭和二十二年十一月十三日", "1947-11-13", True, None, None)],
        (None, None),
    ),
    (
        "issue 11 (a 1947 Diet record)",
        "十一月十四日（金曜日）午前十一時二十分開会",
        [("十一月十四日（金曜日）", None, False, None, ("11:20", None))],
        ("11:20", None),
    ),
    (
        "issue 11",
        "○午後１時17分休憩",
        [],
        ("13:17", None),
    ),
    (
        "issue 11",
        "○午後２時43分開議",
        [],
        ("14:43", None),
    ),
    (
        "issue 11",
        "△開会 午前10時00分",
        [],
        ("10:00", None),
    ),
    (
        "council/sendai-ict-2016-02-08.txt:5",
        "平成 28 年 2 月 8 日（月） 13：30～15：00 ",
        [("平成 28 年 2 月 8 日（月）", "2016-02-08", True, None, ("13:30", "15:00"))],
        ("13:30", "15:00"),
    ),
    (
        "council/sendai-ict-2016-02-08.txt:19",
        "（開始 13：30） ",
        [],
        ("13:30", None),
    ),
    (
        "council/sendai-ict-2016-02-08.txt:696",
        "（終了 15：00） ",
        [],
        (None, "15:00"),
    ),
    (
        "council/digital-shakai-suishin-2023-06-06.txt:5",
        "令和５年６月６日（火）８：４５～８：５５ ",
        [("令和５年６月６日（火）", "2023-06-06", True, None, ("08:45", "08:55"))],
        ("08:45", "08:55"),
    ),
    (
        "assembly/takasago-giunkai-2023-04-12.txt:1",
        "開催日：令和 5年 4月12日",
        [("令和 5年 4月12日", "2023-04-12", True, None, None)],
        (None, None),
    ),
    (
        "assembly/takasago-giunkai-2023-04-12.txt:2",
        "会議名：令和 5年議会運営委員会（ 4月12日）",
        [("4月12日", None, False, None, None)],
        (None, None),
    ),
    (
        "assembly/takasago-giunkai-2023-04-12.txt:7",
        "\u3000日\u3000\u3000時\u3000\u3000\u3000令和５年４月１２日\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000午後\u3000１時００分開会",
        [("令和５年４月１２日", "2023-04-12", True, None, ("13:00", None))],
        ("13:00", None),
    ),
    (
        "assembly/takasago-giunkai-2023-04-12.txt:33",
        "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（午後\u3000１時００分\u3000開会）",
        [],
        ("13:00", None),
    ),
    (
        "assembly/takasago-giunkai-2023-04-12.txt:64",
        "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000（午後\u3000１時０４分\u3000休憩）",
        [],
        ("13:04", None),
    ),
    (
        "assembly/katsushika-2025-02-14.txt:1",
        "令和 7年 2月14日",
        [("令和 7年 2月14日", "2025-02-14", True, None, None)],
        (None, None),
    ),
    (
        "assembly/katsushika-2025-02-14.txt:2",
        "令和 7年第1回定例会（第1日 2月14日）",
        [("2月14日", None, False, None, None)],
        (None, None),
    ),
    (
        "assembly/katsushika-2025-02-14.txt:141",
        "\u3000午後１時開会・開議",
        [],
        ("13:00", None),
    ),
    (
        "assembly/hakodate-2024-02-22.txt:1",
        "令和\u3000６年第１回\u3000２月定例会",
        [],
        (None, None),
    ),
    (
        "assembly/hakodate-2024-02-22.txt:5-6",
        "\u3000\u3000令和６年２月２２日（木曜日）\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000午前１０時００分開会\n\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000午前１１時０４分散会",
        [("令和６年２月２２日（木曜日）", "2024-02-22", True, None, ("10:00", None))],
        ("10:00", "11:04"),
    ),
    (
        "assembly/hakodate-2024-02-22.txt:198",
        "このほか、病気で自宅保育が困難な児童の一時保育を行う病児保育事業については",
        [],
        (None, None),
    ),
    (
        "assembly/aomori-2024-12-25.txt:1",
        "\u3000\u3000午前10時開議",
        [],
        ("10:00", None),
    ),
    (
        "assembly/tokyo-rwc-2016-01-29.txt:2",
        "午後一時開議",
        [],
        ("13:00", None),
    ),
    (
        "assembly/tokyo-rwc-2016-01-29.txt (a speech, 2016)",
        "ラグビーワールドカップ二〇一九の開会式、開幕戦が平成三十一年九月二十日、東京スタジアムで行われること",
        [("平成三十一年九月二十日", None, True, None, None)],
        (None, None),
    ),
    (
        "assembly/tokyo-rwc-2016-01-29.txt (a speech)",
        "大会準備を開始した平成二十七年四月から平成三十一年の大会終了までとし",
        [],
        (None, None),
    ),
    (
        "diet/shugiin-monka-2023-11-01.txt:1",
        "本国会召集日（令和五年十月二十日）（金曜日）（午前零時現在）における本委員は、次のとおりである。",
        [("令和五年十月二十日", "2023-10-20", True, None, None)],
        ("00:00", None),
    ),
    (
        "diet/shugiin-monka-2023-11-01.txt:24",
        "十月二十日",
        [("十月二十日", None, False, None, None)],
        (None, None),
    ),
    (
        "diet/shugiin-monka-2023-11-01.txt:26-27",
        "令和五年十一月一日（水曜日）\n\u3000\u3000\u3000\u3000午後零時十一分開議",
        [("令和五年十一月一日（水曜日）", "2023-11-01", True, None, ("12:11", None))],
        ("12:11", None),
    ),
    (
        "diet/shugiin-monka-2023-11-01.txt:212",
        "\u3000\u3000\u3000\u3000午後零時三十六分散会",
        [],
        (None, "12:36"),
    ),
    (
        "diet/sangiin-zaisei-2024-08-23.txt:1-2",
        "令和六年八月二十三日（金曜日）\r\n\u3000\u3000\u3000午後一時開会",
        [("令和六年八月二十三日（金曜日）", "2024-08-23", True, None, ("13:00", None))],
        ("13:00", None),
    ),
    (
        "diet/sangiin-zaisei-2024-08-23.txt:134",
        "八月二日以降、為替市場は一時一ドル百四十円台前半と",
        [("八月二日", None, False, None, None)],
        (None, None),
    ),
    (
        "diet/sangiin-zaisei-2024-08-23.txt:292",
        "一昨日のちょうど正午ですけど、百四十五・三円と",
        [],
        ("12:00", None),
    ),
    (
        "pdf/kyoto-sangyo-2024-05-17.txt:1",
        "2024/11/05 1:34",
        [("2024/11/05", "2024-11-05", True, None, ("01:34", None))],
        ("01:34", None),
    ),
    (
        "pdf/kyoto-sangyo-2024-05-17.txt:5",
        "令和\u3000６年\u3000\u3000５月\u3000産業交通水道委員会（第３回）",
        [],
        (None, None),
    ),
    (
        "pdf/kyoto-sangyo-2024-05-17.txt:8",
        "◯令和６年５月17日（金）",
        [("令和６年５月17日（金）", "2024-05-17", True, None, None)],
        (None, None),
    ),
    (
        "notes/w3c-wotjpcg-2021-12-22.md:4",
        "  * 第1回: 2021年12月22日(水) 10時00分(JST)〜",
        [("2021年12月22日(水)", "2021-12-22", True, None, ("10:00", None))],
        ("10:00", None),
    ),
    (
        "notes/w3c-wotjpcg-2021-12-22.md:8",
        "* 参加者（2021/12/22）21名",
        [("2021/12/22", "2021-12-22", True, None, None)],
        (None, None),
    ),
    (
        "notes/w3c-wotjpcg-2021-12-22.md:206",
        "- 1/28 (金) 10:00〜 再度同じ内容 (QAは異なる) で説明会を実施予定",
        [("1/28 (金)", None, False, None, ("10:00", None))],
        ("10:00", None),
    ),
    (
        "notes/pyconjp-board-77-2025-12-08.md:3",
        "* 日時: 2025年12月8日(月) 19:30-21:00",
        [("2025年12月8日(月)", "2025-12-08", True, None, ("19:30", "21:00"))],
        ("19:30", "21:00"),
    ),
    (
        "notes/pyconjp-board-77-2025-12-08.md:81",
        "    * 次回は12/9 19:00 -> <https://pyconjp-staff.connpass.com/event/378192/>",
        [],
        ("19:00", None),
    ),
    (
        "notes/pyconjp-board-77-2025-12-08.md:180",
        "    * 2025/11/22(土)",
        [("2025/11/22(土)", "2025-11-22", True, None, None)],
        (None, None),
    ),
    (
        "notes/pyconjp-board-77-2025-12-08.md:228",
        "  * #58: 地域コミュニティ座談会 - 2025-11-07",
        [("2025-11-07", "2025-11-07", True, None, None)],
        (None, None),
    ),
    (
        "notes/pyconjp-board-77-2025-12-08.md:265",
        "* 2024/12/16時点",
        [("2024/12/16", "2024-12-16", True, None, None)],
        (None, None),
    ),
    (
        "notes/ict-kyouikukei-2013-05-01.md:1",
        "2013年5月1日",
        [("2013年5月1日", "2013-05-01", True, None, None)],
        (None, None),
    ),
    (
        "notes/ict-kyouikukei-2013-05-01.md:52",
        "### 追記（2013/05/08 神谷）",
        [("2013/05/08", "2013-05-08", True, None, None)],
        (None, None),
    ),
    (
        "notes/kodaira-kanjicho-2020-05-08.md:58",
        "    - 6/8 9:00からに延期、実施方法は緊急事態宣言が解除されれば通常通り",
        [],
        ("09:00", None),
    ),
    (
        "assembly/sendai-dx-2024-12-26.txt:218",
        "午後1時から委員会を開催した",
        [],
        ("13:00", None),
    ),
]


@pytest.mark.parametrize(("source", "line", "dates", "times"), LINES, ids=[row[0] for row in LINES])
def test_real_line(
    source: str, line: str, dates: list[Found], times: tuple[str | None, str | None]
) -> None:
    found = find_dates(line)
    summary = [
        (
            d.raw,
            d.date.isoformat() if d.date else None,
            d.has_year,
            d.range_role,
            (d.time.start_time, d.time.end_time) if d.time else None,
        )
        for d in found
    ]
    assert summary == dates
    for d in found:
        assert line[d.start : d.end] == d.raw
    assert parse_time_range(line) == times


def test_a_date_printed_before_the_change_of_era() -> None:
    """tokyo-rwc (2016): 平成三十一年九月二十日 is after 平成 ended; never guessed, but the
    numbers are kept (2019-09-20, the Rugby World Cup's opening match)."""
    [found] = find_dates("開幕戦が平成三十一年九月二十日、東京スタジアムで行われること")
    assert found.date is None
    assert found.problem == "平成三十一年九月二十日 is after the end of 平成 (2019-04-30)"
    assert (found.year, found.month, found.day) == (2019, 9, 20)


def test_the_1947_sitting_is_completed_from_the_selection_year() -> None:
    """issue 11: a selection date with its year, then the sitting's month and day only."""
    selection, sitting = find_dates(
        "昭和二十二年十一月十三日\n十一月十四日（金曜日）午前十一時二十分開会"
    )
    assert selection.has_year
    assert selection.time is None
    assert not sitting.has_year
    assert sitting.time is not None
    assert selection.year == 1947
    completed = sitting.with_year(selection.year)
    assert completed.date is not None
    assert completed.date.isoformat() == "1947-11-14"
    assert completed.weekday_agrees
