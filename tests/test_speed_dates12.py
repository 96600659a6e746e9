"""Dates read once per parse (issue 13, round 12).

- ``find_dates`` (and ``parse_date``, the first of its dates with a year) reads a text once
  per parse: a header line is read by the rule that labels it, then by the meeting's builder.
  ``parse_date`` takes the first dated one of all the dates read, where it stopped reading at
  it before: the same date (what follows a date only marks it as a range's start, and a date
  with a year ends its reading).
- ``find_years`` skips the years of full dates by the spans ``find_dates`` read (their weekday
  included), not by a search of its own: no year starts inside a weekday.
- A date field whose date has a range of times right after it (令和５年６月６日（火）８：４５～
  ８：５５) takes that range (``DateMatch.time``) for the meeting's times, where the rest of
  the line was read again with ``parse_time_range``: the first time of the rest is that range.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import example, given
from hypothesis import strategies as st

from gijiroku import dates
from gijiroku.dates import YearMatch, find_dates, find_years, parse_date, parse_time_range
from gijiroku.normalize import memo_scope

from .conftest import sample_paths


def _parse_date_lazily(text: str) -> dates.DateMatch | None:
    """parse_date the long way (as it was): the dates read until the first with a year."""
    found = dates._with_ranges(text, dates._candidates(text))
    return next((d for d in found if d.has_year), None)


def _find_years_by_matches(text: str) -> list[YearMatch]:
    """find_years the long way (as it was): the full dates' spans from a search of its own."""
    if "年" not in text or not dates._NUMBER_CHAR_RE.search(text):
        return []
    matches = list(dates._YEAR_ALONE_RE.finditer(text))
    spans = [m.span() for m in dates._date_matches(text) if m["era"] or m["letter"] or m["western"]]
    kept: list[YearMatch] = []
    for match in matches:
        if any(start <= match.start() < end for start, end in spans):
            continue
        year = dates._year_of(match)
        if year is None:
            continue
        era = match["era"] or (
            dates.ERA_BY_LETTER[match["letter"].upper()] if match["letter"] else None
        )
        kept.append(
            YearMatch(year, bool(match["fiscal"]), match.group(), match.start(), match.end(), era)
        )
    return kept


def _times_agree(text: str) -> int:
    """Every date of ``text`` with a range of times after it: the range is the first time
    range of the rest of the text (what MeetingBuilder._date read before); how many."""
    closed = 0
    for found in find_dates(text):
        time = found.time
        if time is not None and time.start_time and time.end_time:
            assert parse_time_range(text[found.end :]) == (time.start_time, time.end_time), text
            closed += 1
    return closed


def _without_ranges(found: list[YearMatch]) -> list[YearMatch]:
    return [YearMatch(y.year, y.fiscal, y.raw, y.start, y.end, y.era) for y in found]


def _sample_lines() -> Iterator[str]:
    for path in sample_paths():
        yield from path.read_text(encoding="utf-8").splitlines()


def test_every_sample_line_reads_as_the_long_way() -> None:
    dated = years = closed = 0
    for line in _sample_lines():
        closed += _times_agree(line)
        expected = _parse_date_lazily(line)
        assert parse_date(line) == expected, line
        found = find_years(line)
        assert _without_ranges(found) == _find_years_by_matches(line), line
        with memo_scope():
            assert parse_date(line) == expected, line
            assert find_years(line) == found, line
            assert find_years(line) == found, line  # (read from the memo)
        dated += expected is not None
        years += bool(found)
    assert dated > 50
    assert years > 10
    assert closed > 3


_PIECES = st.sampled_from(
    [
        "令和5年4月12日",
        "令和５年６月６日（火）",
        "平成27年3月4日(水曜日)",
        "2001年12月7日",
        "2020/5/8",
        "R2.5.8",
        "十一月十四日（金曜日）",
        "4月12日",
        "5/8(金)",
        "平成29年度",
        "令和4年",
        "2017年度",
        "R5年度",
        "令和2(2020)年",
        "（月・祝）",
        "(水曜日)",
        "～",
        "から",
        "午後1時",
        "13:30",
        "～15:00",
        "10時開始",
        "15時46分終了",
        "午前十時",
        "十時",
        "から午後3時まで",
        "\n",
        "、",
        "T",
        " ",
        "\u3000",
        "総務委員会",
        "第2回",
        "1",
        "２",
        "年",
        "月",
        "日",
        "度",
        "(",
        "）",
    ]
)


@given(st.lists(_PIECES, max_size=8).map("".join))
@example("令和5年4月12日（月・祝）令和4年度")
@example("2020年5月8日（金）2021年度～令和4年度")
@example("令和5年12月28日～1月4日 平成29年度")
@example("令和5年4月12日13:30～15:00")
@example("2020/5/8 10時開始 15時46分終了")
def test_made_up_texts_read_as_the_long_way(text: str) -> None:
    _times_agree(text)
    expected_date = _parse_date_lazily(text)
    expected_years = _find_years_by_matches(text)
    assert parse_date(text) == expected_date
    assert _without_ranges(find_years(text)) == expected_years
    with memo_scope():
        assert find_dates(text) == find_dates(text)
        assert parse_date(text) == expected_date
        assert _without_ranges(find_years(text)) == expected_years


def test_a_remembered_reading_is_a_new_list_each_time() -> None:
    text = "令和5年4月12日 平成29年度"
    with memo_scope():
        first = find_dates(text)
        first.clear()
        assert len(find_dates(text)) == 1
        years = find_years(text)
        years.clear()
        assert len(find_years(text)) == 1
