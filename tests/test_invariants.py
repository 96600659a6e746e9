"""Properties that hold for any input: no crash, no loss, spans in order, JSON round-trip.

The strategies are the ones that found bugs (issue 16): minutes-like pieces, control and
zero-width characters, lone surrogates, huge numerals, bytes in mixed and truncated
encodings. ``pytest`` runs the ``ci`` profile (100 examples per property);
``HYPOTHESIS_PROFILE=fuzz pytest tests/test_invariants.py`` runs 10,000.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku import BlockKind, GijirokuError
from gijiroku.decoding import decode, replace_surrogates
from gijiroku.normalize import clean_text, compact
from tests.conftest import SAMPLES, read_sample, sample_paths

PIECES = st.sampled_from(
    [
        "座長", "林委員", "情報政策課長", "事務局", "〇河野大臣：", "○議長（山田太郎君）",
        "（了承）", "(なし)", "〔議題（１）その他〕", "【議事】", "- 4 -", "P.5", "3",
        "日 時：平成 28 年 2 月 8 日（月） 13：30～15：00", "会 場：本庁舎", "出席者：",
        "及川委員、曽根委員(座長)", "（仙台市）：日下情報政策部長", "（開始 13：30）",
        "令和五年十一月一日", "二十六", "ＩＣＴ", "ｶﾀｶﾅ", "　", " ", "\n", "\r\n", "\f", "\t",
        "\u200b", "です。", "、", "（", "）", "〔", "〕", "「", "」",
        "○議長（山田太郎君）　", "○田中委員長　", "　　　〔「異議なし」と呼ぶ者あり〕", "出席委員",
        "　　　理事　鈴木　一郎君　理事　佐藤　花子君", "午後一時開議", "―――――◇―――――",
        "# ", "## 参加者", "* ", "  * 理事: a, b", "**TODO**: ", "(terada", "◯４番（奈良祥孝君）",
        "日程第１", "◎会期の決定", "〇議事日程", "\r", "ﾊﾝｶｸ", "\U0001f600", "\x00",
    ]
)  # fmt: skip
#: Control characters, format characters (zero-width spaces, BOMs, bidi marks) and line or
#: paragraph separators.
ODD_CHARACTERS = st.characters(categories=["Cc", "Cf", "Zl", "Zp"])
#: Halves of UTF-16 pairs, alone: what surrogateescape, JSON "\ud800" or unicode_escape give.
LONE_SURROGATES = st.characters(categories=["Cs"])
MINUTES_LIKE = st.lists(
    st.one_of(PIECES, st.text(max_size=8), ODD_CHARACTERS, LONE_SURROGATES), max_size=40
).map("".join)
#: Numbers no table holds: era years and dates, kanji numerals, runs of digits past Python's
#: 4,300-digit limit for int(), meeting numbers past 64 bits.
_DIGIT_RUNS = st.one_of(st.integers(1, 30), st.integers(4290, 4400), st.integers(4400, 6000))
HUGE_NUMERALS = st.one_of(
    st.sampled_from(
        ["H9999999999.3.1", "令和" + "一" * 11 + "年1月1日", "第99999999999999999999回"]
    ),
    _DIGIT_RUNS.map(lambda k: "九" * k),
    _DIGIT_RUNS.map(lambda k: "1" * k),
    _DIGIT_RUNS.map(lambda k: "１" * k),
    st.sampled_from(["平成", "令和", "昭和", "第", "午後", "H", "R", "平成３年", "◯\n◇", "- "]),
    st.sampled_from(
        ["年", "月", "日", "回", "号", "時", "分", "番", ".", "月四日", "時開議", " -"]
    ),
)
WITH_HUGE_NUMERALS = st.lists(st.one_of(PIECES, HUGE_NUMERALS), max_size=12).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_parse_returns_or_raises_a_gijiroku_error(text: str) -> None:
    with contextlib.suppress(GijirokuError):
        gijiroku.parse(text)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_blocks_tile_the_input(text: str) -> None:
    blocks = gijiroku.tokenize(text)
    covered = [False] * len(text)
    last_end = 0
    for block in blocks:
        assert 0 <= block.span.start <= block.span.end <= len(text)
        assert block.span.start >= last_end, "top-level blocks overlap or are out of order"
        last_end = block.span.end
        for i in range(block.span.start, block.span.end):
            covered[i] = True
    missing = [ch for ch, c in zip(text, covered, strict=True) if not c and not ch.isspace()]
    assert missing == []


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_nothing_is_lost_and_turns_are_ordered(text: str) -> None:
    m = gijiroku.parse(text)
    assert m.unaccounted(text) == []
    previous_end = 0
    for u in m.utterances:
        assert 0 <= u.span.start < u.span.end <= len(text)
        assert u.span.start >= previous_end
        previous_end = u.span.end
        assert u.span.line_start <= u.span.line_end
        for note in u.notes:
            assert u.text[note.start : note.end] == note.text


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_turn_spans_hold_their_label_and_text(text: str) -> None:
    m = gijiroku.parse(text)
    repaired, _ = replace_surrogates(text)  # same length: spans index both
    for u in m.utterances:
        printed = compact(clean_text(repaired[u.span.start : u.span.end]))
        if not u.continued:
            assert compact(u.speaker.label) in printed
        assert Counter(compact(u.text)) <= Counter(printed)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_json_round_trip_and_determinism(text: str) -> None:
    m = gijiroku.parse(text)
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m
    assert gijiroku.parse(text).to_json() == m.to_json()


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_lone_surrogates_are_reported_where_they_are(text: str) -> None:
    m = gijiroku.parse(text)
    surrogates = [i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"]
    reported = [d.span for d in m.diagnostics if d.code == "lone-surrogate"]
    covered = {i for span in reported if span is not None for i in range(span.start, span.end)}
    assert set(surrogates) <= covered
    assert bool(surrogates) == bool(reported)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, report_multiple_bugs=False)
@given(WITH_HUGE_NUMERALS)
def test_huge_numerals_raise_nothing_foreign(text: str) -> None:
    try:
        m = gijiroku.parse(text)
    except GijirokuError:
        return
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m
    with contextlib.suppress(GijirokuError):  # OutputError: a column too narrow for a number
        gijiroku.tables.check_integers(m.utterances_table(), 64)


ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "euc_jp", "utf-16", "utf-32", "iso2022_jp"]


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(st.tuples(MINUTES_LIKE, st.sampled_from(ENCODINGS)), min_size=1, max_size=3),
    st.one_of(st.none(), st.integers(min_value=0)),
)
def test_mixed_and_truncated_bytes(parts: list[tuple[str, str]], cut: int | None) -> None:
    data = b"".join(text.encode(codec, "replace") for text, codec in parts)
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    try:
        m = gijiroku.parse(data)
    except GijirokuError:
        return
    text, encoding = decode(data)
    assert m.source.encoding == encoding
    assert m.unaccounted(text) == []
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE, st.sampled_from(["utf-8", "utf-8-sig", "cp932", "euc_jp", "utf-16"]))
def test_bytes_parse_like_the_text(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # not every character exists in every encoding
    if data.decode(encoding) != text:
        return  # the codec itself does not round-trip (EUC-JP writes ¥ as a backslash)
    try:
        from_bytes = gijiroku.parse(data, encoding=encoding)
    except GijirokuError:
        return
    assert [u.text for u in from_bytes.utterances] == [
        u.text for u in gijiroku.parse(text).utterances
    ]


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_nothing_is_lost_in_a_sample(sample: Path) -> None:
    text = read_sample(str(sample.relative_to(SAMPLES)))
    assert gijiroku.parse(text, source_name=sample.name).unaccounted(text) == []


def test_block_kinds_are_stable() -> None:
    assert {k.value for k in BlockKind} >= {
        "header", "section", "turn", "note", "page", "continuation", "unmatched"}  # fmt: skip
