"""Properties that hold for any input: no crash, no loss, spans in order, JSON round-trip."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku import BlockKind, GijirokuError
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
MINUTES_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


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
    for u in m.utterances:
        printed = compact(clean_text(text[u.span.start : u.span.end]))
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
