"""Round 16, the year-date gate of the meeting's date guess: each shortcut against the long
way it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku import dates
from gijiroku.dates import find_dates, may_hold_year_date

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

#: Characters dates are made of, and what stands around them: era letters of both cases
#: after Latin letters, apostrophes and slashes (``group's``, ``/h13/h13-2001``), paths.
_ALPHABET = (
    "0123456789０１２３４５６７８９〇一二三四五六七八九十元"
    "令和平成昭年度月日"
    "MTSHRmtshrＭＴＳＨＲAaxgＡａ"
    "/／.．-－~～（）()' \u3000"
)
_PIECES = [
    "令和", "平成", "元", "5", "13", "１２", "二〇二四", "年", "月", "日", "R", "h", "r", "s",
    "t", "Ｈ", "x", "group's", "2013", "2001", "1899", "2200", "-", ".", "/", "／", "－",
    "．", "(", "（", ")", " ", "\u3000", "file", "a", "'",
]  # fmt: skip


def _whole_gate(text: str) -> bool:
    """The long way: the one gate over the whole text, every era letter in its class."""
    return dates._YEAR_DATE_GATE_RE.search(text) is not None


def _has_year_date(text: str) -> bool:
    return any(found.has_year for found in find_dates(text))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_split_gate_is_the_whole_gate(text: str) -> None:
    assert may_hold_year_date(text) is _whole_gate(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_split_gate_on_pieces(text: str) -> None:
    assert may_hold_year_date(text) is _whole_gate(text)
    if _has_year_date(text):
        assert may_hold_year_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "h13.5.1",
        "r2/5/8",
        "(s 63年4月1日",
        "t 2 年 3月 4日",
        "2001/ 5/ 8",
        "2020-05-08",
        "R02/05/08",
        "平成13年5月1日",
    ],
)
def test_lower_case_letters_and_separators_still_pass(text: str) -> None:
    assert _has_year_date(text)
    assert may_hold_year_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "| assembly/shinagawa-somu-2001-12-07.txt | see /minutes/h13/h13-2001 |",
        "github.com/org/Kyouikukei2013/gijiroku",
        "w/minutes/R050412B04.txt",
        "the project's own samples, the group's notes",
    ],
)
def test_paths_and_words_are_no_year_dates(text: str) -> None:
    """What the gate no longer lets through: the date reader finds no year date there."""
    assert not _has_year_date(text)
    assert not may_hold_year_date(text)


def test_gate_on_every_sample_line() -> None:
    """On every line of the samples the split gate says what the whole gate says, and it
    passes each line with a date that prints its year."""
    lines = [
        line
        for path in sorted(SAMPLES.rglob("*"))
        if path.suffix in (".txt", ".md")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert len(lines) > 1000
    assert [may_hold_year_date(line) for line in lines] == [_whole_gate(line) for line in lines]
    assert all(may_hold_year_date(line) for line in lines if _has_year_date(line))


def test_guessed_date_unchanged_by_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    """A header with no date key: the meeting's guess is the same with a gate that lets
    every line through (find_dates then reads each line)."""
    text = (
        "# 会議メモ\n"
        "see github.com/org/Kyouikukei2013/gijiroku and /minutes/h13/h13-2001\n"
        "開催 令和5年4月12日（水） 会議室\n"
        "the group's notes\n"
    )
    fast = gijiroku.parse(text)
    monkeypatch.setattr("gijiroku.meeting.may_hold_year_date", lambda text: True)
    slow = gijiroku.parse(text)
    assert fast.meeting.date is not None
    assert fast.to_json() == slow.to_json()
