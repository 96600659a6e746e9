"""The shortcuts of round 4's parser pass (issue 13) give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on generated text made
of the characters it turns on and on every code point where a character class is argued.
"""

from __future__ import annotations

import re
import sys

import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku.dates as dates
import gijiroku.meeting as meeting
import gijiroku.normalize as normalize
import gijiroku.quality as quality
from gijiroku.dates import DATE_RE, find_years, year_alone_at
from gijiroku.vocabulary import ERA_NAMES, KANJI_NUMERAL_CHARS

from .conftest import sample_paths

#: Characters each step of the cleaning acts on, and what sits around them.
_CLEANING = (
    "あア漢ー々、。（）日本語ＡＢａｂ０１２ｶﾞｷﾞｯﾟ｡ AaZz09.-|,"
    "\u3000\u00a0\t\n\r\u200b\u200d\u2060\ufeff\u00ad\x1c\x1f\u2003\u2028\u202f"
)
_TEXTS = st.text(alphabet=st.sampled_from(_CLEANING), max_size=60)
_ALL_CHARACTERS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000]


@given(_TEXTS)
def test_compact_is_the_cleaned_text_without_white_space(text: str) -> None:
    assert normalize._compact(text) == normalize.WHITESPACE_RE.sub("", normalize._clean(text))


def test_str_split_blanks_are_the_white_space_and_the_separators() -> None:
    blanks = {ch for ch in _ALL_CHARACTERS if ch.isspace()}
    white = {ch for ch in _ALL_CHARACTERS if normalize.WHITESPACE_RE.fullmatch(ch)}
    separators = {ch for ch in _ALL_CHARACTERS if normalize._INFORMATION_SEPARATORS_RE.match(ch)}
    assert blanks == white | separators
    assert not white & separators


def test_cleaning_beyond_white_space_is_what_the_gate_finds() -> None:
    """Every character a step of ``_clean`` acts on is white space (removed by compacting
    anyway) or one the non-space gate finds."""
    for ch in _ALL_CHARACTERS:
        if normalize._CLEAN_WORK_RE.match(ch) and not normalize.WHITESPACE_RE.match(ch):
            assert normalize._CLEAN_NON_SPACE_WORK_RE.match(ch), hex(ord(ch))


def test_every_japanese_character_of_the_space_rule_is_past_the_gate_bound() -> None:
    japanese = regex.compile(normalize._JA)
    below = [hex(ord(ch)) for ch in _ALL_CHARACTERS if ch < "\u2e80" and japanese.match(ch)]
    assert below == []
    assert not any(re.match(normalize._LATIN, ch) for ch in _ALL_CHARACTERS if ch >= "\u2e80")


def test_no_space_is_japanese_to_the_space_gate() -> None:
    # a space the gate took for a Japanese character would make every space of a run open
    # a look through the rest of the run: quadratic in the run (benchmarks/growth.py)
    japanese = regex.compile(normalize._JA)
    for space in " \u3000\t\u00a0":
        assert not re.match(normalize._GATE_JAPANESE, space), hex(ord(space))
        assert not japanese.match(space), hex(ord(space))
    for ch in "日あア〇、ｰＡ":
        assert re.match(normalize._GATE_JAPANESE, ch), ch


@given(_TEXTS)
def test_the_space_gate_passes_every_text_the_space_rule_changes(text: str) -> None:
    if normalize.SPACE_BETWEEN_SCRIPTS_RE.search(text):
        assert normalize._SPACE_BETWEEN_SCRIPTS_GATE_RE.search(text)


def test_the_space_gate_on_examples() -> None:
    gate = normalize._SPACE_BETWEEN_SCRIPTS_GATE_RE.search
    for text in ("日本 ABC", "ABC\u3000\u3000日本", "第 2 回"):
        assert gate(text), text
    for text in ("日本 語", "ABC DEF", "A | 日本"):
        assert not gate(text), text
    assert normalize.clean_text("令和 6 年 第 2 回 PDF 版") == "令和6年 第2回PDF版"


def _looks_like_people_the_long_way(text: str) -> bool:
    if "。" in text:
        return False
    tokens = [t.strip(" 　") for t in quality._SEPARATOR_RE.split(text)]
    tokens = [t for t in tokens if t]
    names = sum(
        1 for t in tokens if quality._NAME_TOKEN_RE.match(t.split()[-1] if t.split() else t)
    )
    return len(tokens) >= 3 and names * 5 >= len(tokens) * 4


_PEOPLE = st.lists(
    st.sampled_from(["伊藤", "竹田", "松波理事", "山田 太郎", "ABC", "第2回", " ", "", "。"]),
    max_size=12,
).map(lambda parts: "、".join(parts))


@given(_PEOPLE | st.text(alphabet=st.sampled_from("伊藤竹田A1、,|・ 　。"), max_size=30))
def test_looks_like_people_stops_early_with_the_same_answer(text: str) -> None:
    assert quality._looks_like_people(text) == _looks_like_people_the_long_way(text)


def test_looks_like_people_on_examples() -> None:
    assert quality._looks_like_people("伊藤、竹田、冨士川、松波理事")
    assert quality._looks_like_people("伊藤、竹田、冨士川、松波理事、ABC")  # one miss in five
    assert not quality._looks_like_people("伊藤、竹田、冨士川、ABC")  # one in four
    assert not quality._looks_like_people("伊藤、竹田")


@given(st.text(alphabet=st.sampled_from("。？！.．?!あ漢カ aZ09０-、\n"), max_size=40))
def test_the_sentence_end_gate_passes_every_text_with_a_sentence_end(text: str) -> None:
    if quality._SENTENCE_END_RE.search(text):
        assert quality._SENTENCE_END_GATE_RE.search(text)


def test_every_han_and_kana_character_is_past_the_sentence_gate_bound() -> None:
    japanese = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
    assert not any(japanese.match(ch) for ch in _ALL_CHARACTERS if ch < "\u2e80")


@given(st.text(alphabet=st.sampled_from("、，,|｜・伊藤 　a1\n"), max_size=30))
def test_the_separators_split_as_regex_splits(text: str) -> None:
    long_way = regex.compile(r"[、，,|｜・]")
    assert quality._SEPARATOR_RE.split(text) == long_way.split(text)


def _printed_year_the_long_way(text: str, *, anywhere: bool) -> object:
    opening = meeting._LINE_OPENING_RE.match(text)
    start = opening.end() if opening is not None else 0
    for year in find_years(text if anywhere else text[: start + meeting._DATE_CHARS]):
        if not anywhere and year.start != start:
            return None
        if not year.in_range and not meeting._SUBJECT_YEAR_RE.match(text, year.end):
            return year
        if not anywhere:
            return None
    return None


_YEAR_PIECES = st.sampled_from(
    [
        "〇",
        "1.",
        " ",
        "平成",
        "令和",
        "元",
        "29",
        "２",
        "二十",
        "年",
        "度",
        "月",
        "5日",
        "R",
        "H",
        "～",
        "総務委員会",
        "予算",
        "2024",
        "-",
        "(2020)",
        "x",
    ]
)


@given(st.lists(_YEAR_PIECES, max_size=12).map("".join), st.booleans())
def test_printed_year_looks_only_where_a_year_may_open_the_line(text: str, anywhere: bool) -> None:
    assert meeting._printed_year(text, anywhere=anywhere) == _printed_year_the_long_way(
        text, anywhere=anywhere
    )


def test_printed_year_on_examples() -> None:
    found = meeting._printed_year("〇平成29年度 総務委員会", anywhere=False)
    assert found is not None
    assert found.year == 2017
    assert meeting._printed_year("総務委員会 平成29年度", anywhere=False) is None
    assert meeting._printed_year("令和5年度予算特別委員会", anywhere=False) is None
    assert year_alone_at("x令和元年", 1)
    assert not year_alone_at("x令和元年", 0)


#: :data:`gijiroku.dates._DATE_START_RE` as a plain alternation (before its first character
#: was pulled ahead of the alternatives and digits after a separator were narrowed).
_DATE_START_THE_LONG_WAY = re.compile(
    rf"{ERA_NAMES}"
    r"|[MTSHRmtshrＭＴＳＨＲ](?<![A-Za-zＡ-Ｚａ-ｚ].)[ \u3000]*[0-9０-９]"
    r"|[0-9０-９](?<![0-9０-９].)[0-9０-９]*[ \u3000]*[年月/／.．\-－（(]"
    rf"|[{KANJI_NUMERAL_CHARS}](?<![{KANJI_NUMERAL_CHARS}].)[{KANJI_NUMERAL_CHARS}]*"
    r"[ \u3000]*[年月/／.．\-－（(]"
)


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    found, position = [], 0
    while (match := pattern.search(text, position)) is not None:
        found.append(match.start())
        position = match.start() + 1
    return found


def _check_date_starts(text: str) -> None:
    """The starts found are among the plain alternation's, and every date starts at one;
    they differ only at digits right after a separator."""
    starts = _starts(dates._DATE_START_RE, text)
    long_way = _starts(_DATE_START_THE_LONG_WAY, text)
    assert set(starts) <= set(long_way)
    assert {m.start() for m in DATE_RE.finditer(text)} <= set(starts)
    for dropped in set(long_way) - set(starts):
        assert text[dropped - 1] in ".．/／-－", (text, dropped)


_DATE_PIECES = st.sampled_from(
    [
        "令和",
        "令",
        "和",
        "平成",
        "明治",
        "大正",
        "昭和",
        "R",
        "h",
        "Ｈ",
        "HR",
        "x",
        "2",
        "１２",
        "2016",
        "二十",
        "〇",
        "年",
        "月",
        "日",
        "/",
        "．",
        ".",
        "-",
        "－",
        "（",
        "(",
        "令和2",
        ")",
        "(金)",
        " ",
        "\u3000",
        "\n",
        "あ",
    ]
)


@given(st.lists(_DATE_PIECES, max_size=14).map("".join))
def test_date_starts_hold_every_date_on_generated_text(text: str) -> None:
    _check_date_starts(text)


def test_date_starts_on_the_samples() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        _check_date_starts(text)
        for line in text.splitlines():
            _check_date_starts(line)
    # (no start at R of HR, nor inside a run of digits, nor after a separator but before 年 or 月)
    assert _starts(dates._DATE_START_RE, "令和6年 R6.2.22 HR2.5 12月") == [0, 2, 5, 6, 15, 19]
    assert _starts(dates._DATE_START_RE, "ict-2016-02-08.txt -2016年 -2月") == [20, 27]
