"""The parser's shortcuts of the second speed pass (issue 13) give what the long way gives.

Each one is checked against the computation it skips or replaces: the gates before the date
patterns against searching every text with them, a note's kind remembered in a parse against
the kind computed afresh, the start of a line against searching back for both breaks, the
speeches searched for a self-introduction against searching them all.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import dates, labels, notes
from gijiroku.dates import DATE_RE, find_dates, find_years
from gijiroku.normalize import memo_scope
from gijiroku.notes import NOTE_KINDS, classify_note
from gijiroku.quality import start_of_line

from .conftest import sample_paths

#: Characters dates are printed with, and some that are not.
_DATE_ALPHABET = (
    "0123456789０１２３４５６７８９〇一二三四五六七八九十百千元廿"
    "年月日度.．/／-－～ 　（）()金曜令和平成昭RHＲ第回会議。、x"
)
_DATE_TEXTS = st.text(alphabet=_DATE_ALPHABET, max_size=30)


def _sample_lines() -> list[str]:
    lines = []
    for path in sample_paths():
        lines += path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()]


def _years_the_long_way(text: str) -> list[dates.YearMatch]:
    """:func:`find_years` as it was: both patterns searched whenever a numeral is printed."""
    if not dates._NUMBER_CHAR_RE.search(text):
        return []
    dated = [m.span() for m in DATE_RE.finditer(text) if m["era"] or m["letter"] or m["western"]]
    found: list[dates.YearMatch] = []
    k = 0
    for match in dates._YEAR_ALONE_RE.finditer(text):
        while k < len(dated) and dated[k][1] <= match.start():
            k += 1
        if k < len(dated) and dated[k][0] <= match.start() < dated[k][1]:
            continue
        year = dates._year_of(match)
        if year is None:
            continue
        current = dates.YearMatch(
            year,
            bool(match["fiscal"]),
            match.group(),
            match.start(),
            match.end(),
            match["era"]
            or (dates.ERA_BY_LETTER[match["letter"].upper()] if match["letter"] else None),
        )
        if found:
            gap = dates._DATE_RANGE_GAP_RE.match(text, found[-1].end)
            if gap is not None and gap.end() == current.start:
                found[-1] = dataclasses.replace(found[-1], in_range=True)
                current = dataclasses.replace(current, in_range=True)
        found.append(current)
    return found


def _dates_the_long_way(text: str) -> list[dates.DateMatch]:
    """:func:`find_dates` with the date pattern searched in every text."""
    found = []
    for match in DATE_RE.finditer(text):
        date = dates._date_of(match, text)
        gap = dates._DATE_TIME_GAP_RE.match(text, date.end)
        clock = dates._clock_at(text, gap.end()) if gap is not None else None
        if clock is not None:
            date = dataclasses.replace(date, time=dates._range_from(text, clock))
        found.append(date)
    return list(dates._with_ranges(text, found))


@given(_DATE_TEXTS)
def test_a_text_the_date_gate_turns_away_holds_no_date(text: str) -> None:
    if dates._DATE_GATE_RE.search(text) is None:
        assert DATE_RE.search(text) is None
    assert find_dates(text) == _dates_the_long_way(text)


@given(_DATE_TEXTS)
def test_years_are_found_as_with_both_patterns_searched(text: str) -> None:
    assert find_years(text) == _years_the_long_way(text)


def test_the_sample_lines_hold_the_dates_and_years_they_held() -> None:
    lines = _sample_lines()
    turned_away = 0
    for line in lines:
        if dates._DATE_GATE_RE.search(line) is None:
            assert DATE_RE.search(line) is None, line
            turned_away += 1
        assert find_dates(line) == _dates_the_long_way(line), line
        assert find_years(line) == _years_the_long_way(line), line
    assert sum(1 for line in lines if find_dates(line)) > 100  # the lines do print dates
    assert turned_away > len(lines) // 2  # and the gate does turn most of them away


def test_dates_in_every_form_pass_the_gate() -> None:
    for text in (
        "令和7年3月7日",
        "令和元年５月１日（水）",
        "令和2(2020)年5月8日",
        "令和5.4.12",
        "R2.5.8",
        "Ｈ２８年２月８日",
        "2020/5/8",
        "2020／5／8",
        "2020．5．8",
        "2020-05-08",
        "２０２０－０５－０８",
        "十一月十四日",
        "5/8(金)",
        "2020年（令和2年）5月8日",
    ):
        assert find_dates(text), text
        assert dates._DATE_GATE_RE.search(text), text


# -- note kinds remembered in a parse ---------------------------------------------------------

_NOTE_WORDS = [words.split("|")[0].strip("^$(?:)") for _, words in NOTE_KINDS]


@given(
    st.lists(
        st.builds(
            lambda words, bracket: bracket[0] + "".join(words) + bracket[1],
            st.lists(st.sampled_from([*_NOTE_WORDS, "13：30", "午後1時", " ", "資料"]), max_size=3),
            st.sampled_from([("（", "）"), ("〔", "〕"), ("(", ")"), ("", "")]),
        ),
        max_size=8,
    )
)
def test_a_note_kind_in_a_parse_is_the_kind_computed_afresh(texts: list[str]) -> None:
    afresh = [notes._kind_of(text) for text in texts]
    assert [classify_note(text) for text in texts] == afresh  # (outside a parse)
    with memo_scope():
        assert [classify_note(text) for text in texts + texts] == afresh + afresh


def test_a_note_printed_many_times_is_classified_once(monkeypatch: pytest.MonkeyPatch) -> None:
    computed: list[str] = []
    kind_of = notes._kind_of

    def counted(text: str) -> str:
        computed.append(text)
        return kind_of(text)

    monkeypatch.setattr(notes, "_kind_of", counted)
    with memo_scope():
        kinds = [classify_note("（拍手）") for _ in range(3)] + [classify_note("（開始 13：30）")]
    assert kinds == ["applause", "applause", "applause", "start"]
    assert computed == ["（拍手）", "（開始 13：30）"]
    classify_note("（拍手）")  # outside a parse: computed again
    assert computed[-1] == "（拍手）"
    assert len(computed) == 3


# -- the start of a line ----------------------------------------------------------------------


@given(st.text(alphabet="a\n\r　", max_size=20), st.data())
def test_a_line_starts_after_the_last_break_before_it(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert (
        start_of_line(text, offset)
        == max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    )


# -- self-introductions -----------------------------------------------------------------------


@given(
    st.lists(
        st.sampled_from(
            ["の", "です", "でござい", "ます", "と申し", "荒井", "俊之", "部長", "ら", "。"]
        ),
        max_size=12,
    ).map("".join)
)
def test_a_speech_without_an_introductions_ending_holds_none(text: str) -> None:
    if "の" not in text or not any(end in text for end in labels._INTRODUCTION_ENDS):
        assert labels._INTRODUCTION_RE.search(text) is None


def test_introductions_are_found_behind_the_gate() -> None:
    found = labels.introductions(
        [
            "施設担当部長の荒井俊之でございます。",
            "課長の宮原です。",
            "事務局長の田中と申します。",
            "荒井です。",
        ]
    )
    assert [(p.name, p.title) for p in found] == [
        ("荒井俊之", "施設担当部長"),
        ("宮原", "課長"),
        ("田中", "事務局長"),
    ]
